//! Names this build by its source: a hash of every file the program is
//! made from (code, grammars, rulesets, schemas, templates, the manifest
//! and lock file), as `TRUSTLINT_SOURCE_HASH`. The cache of per-file
//! results (`src/cache/`) keys on it, so entries made by another build,
//! whose rules or messages may differ, are not used, while the same
//! source built again (a CI job installing trustlint afresh) keeps them.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

const INPUTS: &[&str] = &[
    "src",
    "grammar",
    "rulesets",
    "schemas",
    "templates",
    "Cargo.toml",
    "Cargo.lock",
];

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(&root, &root.join(input), &mut files);
    }
    files.sort();
    // SipHash with fixed keys: the same for the same bytes in every build
    // by one toolchain, which is all a name needs.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (name, path) in files {
        let bytes = std::fs::read(&path).unwrap_or_default();
        hasher.write(name.as_bytes());
        hasher.write_u64(bytes.len() as u64);
        hasher.write(&bytes);
    }
    println!("cargo:rustc-env=TRUSTLINT_SOURCE_HASH={:016x}", hasher.finish());
}

/// Every file at or below `path`, with its name relative to `root`.
fn collect(root: &Path, path: &Path, files: &mut Vec<(String, PathBuf)>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(root, &entry.path(), files);
        }
    } else if path.is_file() {
        let name = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        files.push((name, path.to_path_buf()));
    }
}
