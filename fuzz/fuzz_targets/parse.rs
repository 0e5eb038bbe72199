#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errors_wire_fuzz::parse(data));
