//! Files made from the Rust definitions and committed beside the code that reads them (the UI's
//! bindings, the shell's capability, the fake backend's recorded answers). Each has a test that
//! fails when the committed copy is stale; under `UPDATE_BINDINGS=1` the test rewrites it.

use std::path::Path;

/// Fails, saying how to regenerate it, when the file at `path` is not `fresh`; rewrites it first
/// when `UPDATE_BINDINGS` is set.
pub fn check_current(path: &Path, fresh: &str, regenerate: &str) {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, fresh).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == fresh, "{} is stale: run `UPDATE_BINDINGS=1 {regenerate}` and commit it", path.display());
}
