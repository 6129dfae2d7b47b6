//! JSON documents and job-board API answers of every board kind -> postings or errors.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jobfit::fuzzing::extract_json(data);
});
