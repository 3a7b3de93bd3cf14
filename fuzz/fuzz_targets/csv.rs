//! Any bytes as a CSV table of each kind: decoder, CSV reader, header search, model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    actormap::load::fuzzing::csv(data);
});
