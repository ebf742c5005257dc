//! Checking many plans at once: read and analysed on all cores, handed on in the order of the
//! files, a chunk at a time so memory stays flat, and remembered in a cache keyed on each
//! file's contents inside the plans repository's `.git/` folder (never outside it: the data is
//! sensitive).

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::deadlines::Deadlines;
use crate::diagnostic::Diagnostic;
use crate::files::{self, Contents, Input, PlanFile};
use crate::plan::Plan;

/// Files handed on together; large enough to keep both cores busy, small enough for memory.
const CHUNK: usize = 256;

/// What a command needs of each plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The diagnostics only (`validate`).
    Diagnostics,
    /// The diagnostics and, of a valid plan, what can come due (`due`).
    Deadlines,
    /// The whole plan (`stats`): never from the cache.
    Plan,
}

/// One plan file, checked.
pub struct Checked {
    pub file: PlanFile,
    pub outcome: Outcome,
}

pub enum Outcome {
    /// The path could not be read (exit status 2).
    Unreadable(String),
    /// Over the size limit: not read at all.
    TooLarge(u64),
    Analysed(Box<Analysed>),
}

pub struct Analysed {
    /// The file's bytes, kept only when there is something to show in them.
    pub bytes: Option<Vec<u8>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the plan has no errors.
    pub valid: bool,
    /// What can come due in a valid plan (with [`Needs::Deadlines`]).
    pub deadlines: Option<Deadlines>,
    /// The whole valid plan (with [`Needs::Plan`]).
    pub plan: Option<Plan>,
}

/// Checks `files` on all cores and hands each result to `each`, in the order of `files`.
pub fn check_all(
    files: &[PlanFile],
    stdin: &mut dyn Read,
    needs: Needs,
    mut each: impl FnMut(Checked) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut cache = if needs == Needs::Plan {
        Cache::none()
    } else {
        Cache::open(files)
    };
    for chunk in files.chunks(CHUNK) {
        // Standard input cannot be shared between threads; it is at most one file.
        let mut from_stdin: Option<Result<Contents, String>> = None;
        if chunk.iter().any(|f| f.source == Input::Stdin) {
            let stdin_file = PlanFile {
                name: "<stdin>".into(),
                source: Input::Stdin,
            };
            from_stdin = Some(files::read(&stdin_file, stdin));
        }
        let results: Vec<(Checked, Option<(Key, Entry)>)> = chunk
            .par_iter()
            .map(|file| {
                let contents = match (&file.source, &from_stdin) {
                    (Input::Stdin, Some(result)) => result.clone(),
                    _ => files::read(file, &mut std::io::empty()),
                };
                check_one(file, contents, needs, &cache)
            })
            .collect();
        for (checked, learned) in results {
            if let Some((key, entry)) = learned {
                cache.insert(key, entry);
            }
            each(checked)?;
        }
    }
    cache.save();
    Ok(())
}

fn check_one(
    file: &PlanFile,
    contents: Result<Contents, String>,
    needs: Needs,
    cache: &Cache,
) -> (Checked, Option<(Key, Entry)>) {
    let checked = |outcome| Checked {
        file: file.clone(),
        outcome,
    };
    let bytes = match contents {
        Ok(Contents::Bytes(bytes)) => bytes,
        Ok(Contents::TooLarge(size)) => return (checked(Outcome::TooLarge(size)), None),
        Err(problem) => return (checked(Outcome::Unreadable(problem)), None),
    };
    let cacheable = cache.is_active() && file.source != Input::Stdin;
    let key = cacheable.then(|| Key::of(&bytes));
    let mut whole = None;
    let (entry, learned) = match key.as_ref().and_then(|k| cache.get(k)) {
        Some(entry) => (entry.clone(), None),
        None => {
            let analysis = crate::plan::load::analyze(&bytes);
            let valid = !analysis.diagnostics.iter().any(Diagnostic::is_error);
            let plan = analysis.plan.filter(|_| valid);
            let entry = Entry {
                valid,
                deadlines: plan.as_ref().map(Deadlines::of),
                diagnostics: analysis.diagnostics,
            };
            if needs == Needs::Plan {
                whole = plan;
            }
            let learned = key.map(|k| (k, entry.clone()));
            (entry, learned)
        }
    };
    let analysed = Analysed {
        bytes: (!entry.diagnostics.is_empty()).then_some(bytes),
        valid: entry.valid,
        deadlines: entry.deadlines.filter(|_| needs == Needs::Deadlines),
        diagnostics: entry.diagnostics,
        plan: whole,
    };
    (checked(Outcome::Analysed(Box::new(analysed))), learned)
}

/// The SHA-256 of a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
struct Key([u8; 32]);

impl Key {
    fn of(bytes: &[u8]) -> Key {
        Key(Sha256::digest(bytes).into())
    }
}

/// What the cache remembers of a file: its diagnostics and what can come due, no plan text.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    diagnostics: Vec<Diagnostic>,
    valid: bool,
    deadlines: Option<Deadlines>,
}

/// Results remembered between runs, by file contents. Valid only for the binary that wrote
/// them: another build may judge plans differently.
#[derive(Default)]
struct Cache {
    path: Option<PathBuf>,
    build: String,
    entries: HashMap<Key, Entry>,
    learned: usize,
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    build: String,
    entries: HashMap<Key, Entry>,
}

/// Above this many entries the cache starts afresh rather than grow without end.
const MAX_ENTRIES: usize = 200_000;

impl Cache {
    fn none() -> Cache {
        Cache::default()
    }

    /// The cache of the git repository that holds all the files, if there is one.
    fn open(files: &[PlanFile]) -> Cache {
        let (Some(dir), Some(build)) = (git_dir(files), build_id()) else {
            return Cache::none();
        };
        let path = dir.join("gezinsplan").join("cache.bin");
        let entries = std::fs::read(&path)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<CacheFile>(&bytes).ok())
            .filter(|file| file.build == build)
            .map(|file| file.entries)
            .unwrap_or_default();
        Cache {
            path: Some(path),
            build,
            entries,
            learned: 0,
        }
    }

    fn is_active(&self) -> bool {
        self.path.is_some()
    }

    fn get(&self, key: &Key) -> Option<&Entry> {
        self.entries.get(key)
    }

    fn insert(&mut self, key: Key, entry: Entry) {
        if self.entries.len() >= MAX_ENTRIES {
            self.entries.clear();
        }
        self.entries.insert(key, entry);
        self.learned += 1;
    }

    /// Writes what was learned. A cache that cannot be written is only a slower next run.
    fn save(self) {
        let Some(path) = self.path else { return };
        if self.learned == 0 {
            return;
        }
        let Some(folder) = path.parent() else { return };
        if std::fs::create_dir_all(folder).is_err() {
            return;
        }
        let file = CacheFile {
            build: self.build,
            entries: self.entries,
        };
        if let Ok(bytes) = postcard::to_stdvec(&file) {
            let _ = files::write_atomic(&path, &bytes, files::Overwrite::Allowed);
        }
    }
}

/// The `.git` folder of the repository every file is in; `None` when they are not all in one.
fn git_dir(files: &[PlanFile]) -> Option<PathBuf> {
    let mut found: Option<PathBuf> = None;
    for file in files {
        let Input::Path(path) = &file.source else { continue };
        let path = path.canonicalize().ok()?;
        let root = path.ancestors().find(|a| a.join(".git").is_dir())?;
        match &found {
            None => found = Some(root.to_path_buf()),
            Some(existing) if existing == root => {}
            Some(_) => return None,
        }
    }
    found.map(|root| root.join(".git"))
}

/// This binary, by version, size and time of building: a new build starts a new cache.
fn build_id() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!(
        "{}-{}-{}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        modified.as_nanos()
    ))
}
