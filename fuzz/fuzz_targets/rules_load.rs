//! Rule-file TOML -> a compiled matcher or a rule error.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jobfit::fuzzing::rules_load(data);
});
