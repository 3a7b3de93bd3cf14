//! Any bytes as a workbook (.xlsx, .ods...): calamine, the sheet reader, model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    actormap::load::fuzzing::workbook(data);
});
