//! JSON-LD text -> the JobPosting it describes, if any.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jobfit::fuzzing::jsonld(data);
});
