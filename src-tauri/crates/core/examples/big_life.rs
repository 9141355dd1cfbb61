//! Ten years of use in Kindred, for the benchmark of a big life.
//!
//!   cargo run --release -p kindred-core --example big_life -- --seed 7 --out big-life.json
//!   cargo run --release -p kindred-core --example big_life -- --seed 7 --into /tmp/kindred-big
//!   cargo run --release -p kindred-core --example big_life -- --empty --into /tmp/kindred-empty
//!
//! `--out FILE` writes the export file (the same seed always gives the same
//! bytes); `--into DIR` brings it into a new Kindred data folder, as
//! Settings → Your data → "Bring back" with "replace" would. `--empty` makes
//! a Kindred with nobody in it yet: what a fresh install holds, with its
//! database already made. Point the app at the folder with KINDRED_DATA_DIR.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use kindred_core::store::ImportMode;
use kindred_core::{Store, SystemClock};

#[path = "../benches/common/big_life.rs"]
mod big_life;

struct Args {
    seed: u64,
    empty: bool,
    out: Option<PathBuf>,
    into: Option<PathBuf>,
}

const USAGE: &str = "usage: big_life [--seed N] [--empty] [--out FILE.json] [--into DATA_DIR]";

fn args() -> Result<Args, String> {
    let mut args = Args { seed: 7, empty: false, out: None, into: None };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--seed" => args.seed = value()?.parse().map_err(|_| format!("--seed takes a whole number\n{USAGE}"))?,
            "--empty" => args.empty = true,
            "--out" => args.out = Some(value()?.into()),
            "--into" => args.into = Some(value()?.into()),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if args.out.is_none() && args.into.is_none() {
        return Err(format!("say where it goes: --out, --into, or both\n{USAGE}"));
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    // Never over someone's real Kindred: only a new or empty folder.
    if let Some(dir) = &args.into {
        if std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(false) {
            eprintln!("{} isn't empty; big_life only fills a new folder", dir.display());
            return ExitCode::from(1);
        }
    }
    let started = Instant::now();
    let file = if args.empty { big_life::empty_life() } else { big_life::big_life(args.seed) };
    eprintln!(
        "made {} people and groups, {} contacts, {} sessions, {} journal entries in {:.1} s",
        file.ties.len(),
        file.contacts.len(),
        file.reflection_sessions.len(),
        file.journal_entries.len(),
        started.elapsed().as_secs_f64()
    );
    if let Some(out) = &args.out {
        let bytes = serde_json::to_vec(&file).expect("an export file always turns into JSON");
        std::fs::write(out, &bytes).unwrap_or_else(|e| panic!("couldn't write {}: {e}", out.display()));
        eprintln!("wrote {} ({:.1} MB)", out.display(), bytes.len() as f64 / 1e6);
    }
    if let Some(dir) = &args.into {
        let started = Instant::now();
        let mut store = Store::open_in_dir(dir, Arc::new(SystemClock))
            .unwrap_or_else(|e| panic!("couldn't open a Kindred store in {}: {e}", dir.display()));
        let done = store.import_data(&file, ImportMode::Replace).expect("the generated life imports");
        drop(store);
        eprintln!("brought into {} in {:.1} s: {:?}", dir.display(), started.elapsed().as_secs_f64(), done.added);
    }
    ExitCode::SUCCESS
}
