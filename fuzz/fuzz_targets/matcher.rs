//! Arbitrary text against the default skill map: hits on character boundaries, evidence
//! containing the hit.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jobfit::fuzzing::matcher(data);
});
