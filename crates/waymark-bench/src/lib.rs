//! Waymark's measuring kit: invented data ([`fixtures`]), the sizes a run uses ([`sizes`]), and
//! the pieces the criterion benches and the `waymark-seed` / `waymark-load` tools share.
//!
//! Nothing here is part of the app or the service, and it must never hold real people's words:
//! every name and sentence is made up.

pub mod fixtures;

/// The record counts a benchmark runs at. `WAYMARK_BENCH_SIZES=1000,10000,100000` for the
/// scaling figures; a smoke run (criterion's test mode, from `cargo test --benches`) uses one
/// small size so every benchmark still runs end to end.
pub fn sizes() -> Vec<usize> {
    if smoke() {
        return vec![200];
    }
    match std::env::var("WAYMARK_BENCH_SIZES") {
        Ok(list) => list.split(',').map(|s| s.trim().parse().expect("WAYMARK_BENCH_SIZES: whole numbers, comma-separated")).collect(),
        Err(_) => vec![1_000, 10_000],
    }
}

/// Whether this is a smoke run: criterion benches get `--bench` only from `cargo bench`.
pub fn smoke() -> bool {
    !std::env::args().any(|a| a == "--bench")
}
