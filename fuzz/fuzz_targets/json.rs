//! Any bytes as a JSON territory: decoder, JSON reader, model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    actormap::load::fuzzing::json(data);
});
