//! Markdown and plain-text bytes -> a posting or an error, never a panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jobfit::fuzzing::extract_markdown(data);
});
