//! Criterion benchmarks of the pure stages (filled in below).
fn main() {}
