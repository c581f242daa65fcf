//! `waymark-seed DIR --records N`: makes a vault in DIR with one young person's profile
//! ("Bench Robin", passphrase "bench lantern otter") holding N invented records, for measuring
//! the app's start, unlock and memory with a full vault. The real (default) KDF is used unless
//! `--kdf floor`, so unlocking costs what it costs a person.

use std::path::PathBuf;

use clap::Parser;
use waymark_bench::fixtures;
use waymark_core::kdf::KdfParams;

#[derive(Parser)]
struct Args {
    dir: PathBuf,
    #[arg(long, default_value_t = 10_000)]
    records: usize,
    /// `default` (as the app uses) or `floor` (quick, for smoke runs).
    #[arg(long, default_value = "default")]
    kdf: String,
}

fn main() {
    let args = Args::parse();
    let kdf = match args.kdf.as_str() {
        "default" => KdfParams::DEFAULT,
        "floor" => KdfParams::FLOOR,
        other => {
            eprintln!("--kdf must be default or floor, not '{other}'");
            std::process::exit(2);
        }
    };
    if args.dir.join("vault.db").exists() || std::fs::read_dir(&args.dir).map(|mut d| d.next().is_some()).unwrap_or(false) {
        eprintln!("{} is not empty; give an empty or new folder", args.dir.display());
        std::process::exit(2);
    }
    fixtures::seed_vault(&args.dir, args.records, kdf);
    println!("{} records for '{}' in {}", args.records, fixtures::PROFILE, args.dir.display());
}
