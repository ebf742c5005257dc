//! Finding plan files, reading them within limits, and writing files so nothing is ever lost:
//! a temporary file in the same folder, renamed into place, never over a file unless asked.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::yaml::MAX_FILE_BYTES;

/// What the user asked to read: a path, or one plan on standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    pub fn from_arg(arg: &Path) -> Input {
        if arg == Path::new("-") {
            Input::Stdin
        } else {
            Input::Path(arg.to_path_buf())
        }
    }
}

/// One plan to read: where it comes from and the name diagnostics give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    pub name: String,
    pub source: Input,
}

/// Expands the inputs into plan files: files as given, folders walked for `*.yaml`/`*.yml`
/// (skipping hidden entries and `target/`, never following links to folders, so no loops).
/// A path that cannot be found or walked is returned as a problem; the others still count.
pub fn discover(inputs: &[Input]) -> (Vec<PlanFile>, Vec<String>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let path = match input {
            Input::Stdin => {
                files.push(PlanFile {
                    name: "<stdin>".into(),
                    source: Input::Stdin,
                });
                continue;
            }
            Input::Path(path) => path,
        };
        match fs::metadata(path) {
            Err(e) => problems.push(format!("{}: {}", path.display(), describe_io(&e))),
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut problems),
            Ok(_) => files.push(PlanFile {
                name: path.display().to_string(),
                source: Input::Path(path.clone()),
            }),
        }
    }
    (files, problems)
}

fn walk(root: &Path, files: &mut Vec<PlanFile>, problems: &mut Vec<String>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped(e));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let reason = e.io_error().map_or_else(|| e.to_string(), describe_io);
                problems.push(format!("{path}: {reason}"));
                continue;
            }
        };
        let path = entry.path();
        let is_plan_name = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        // A link to a file is read like the file; a link to a folder is not followed.
        let is_file = entry.file_type().is_file() || (entry.path_is_symlink() && path.is_file());
        if is_plan_name && is_file {
            files.push(PlanFile {
                name: path.display().to_string(),
                source: Input::Path(path.to_path_buf()),
            });
        }
    }
}

fn is_skipped(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || (entry.file_type().is_dir() && name == "target")
}

/// The bytes of a plan, or why there are none. A file over the size limit is not read at all.
#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

pub fn read(file: &PlanFile, stdin: &mut dyn Read) -> Result<Contents, String> {
    let limited = |reader: &mut dyn Read| -> io::Result<Contents> {
        let mut bytes = Vec::new();
        reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Ok(Contents::TooLarge(bytes.len() as u64));
        }
        Ok(Contents::Bytes(bytes))
    };
    let result = match &file.source {
        Input::Stdin => limited(stdin),
        Input::Path(path) => (|| {
            let mut handle = fs::File::open(path)?;
            let meta = handle.metadata()?;
            if meta.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "is a folder, not a plan file",
                ));
            }
            if meta.len() > MAX_FILE_BYTES {
                return Ok(Contents::TooLarge(meta.len()));
            }
            limited(&mut handle)
        })(),
    };
    result.map_err(|e| format!("{}: {}", file.name, describe_io(&e)))
}

/// An I/O error in plain words, without the OS error number.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied (the file cannot be opened for reading)".into(),
        io::ErrorKind::IsADirectory => "is a folder, not a plan file".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}

/// Creates a folder (and its parents) for output, readable by its owner only when new.
pub fn create_private_dir(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(path)
        .with_context(|| format!("cannot create the folder {}", path.display()))
}

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Never,
    Allowed,
}

/// Writes `contents` to `path` through a temporary file in the same folder, renamed into place.
/// A failure leaves neither a partial file nor the temporary one. New files are readable by
/// their owner only: plans and documents hold sensitive personal data.
pub fn write_atomic(path: &Path, contents: &[u8], overwrite: Overwrite) -> Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        bail!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            folder.display()
        );
    }
    if overwrite == Overwrite::Never && fs::symlink_metadata(path).is_ok() {
        bail!("{} already exists; it was left untouched", path.display());
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".gezinsplan-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(|| format!("cannot write in {}", folder.display()))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    match overwrite {
        Overwrite::Never => temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                anyhow::anyhow!("{} already exists; it was left untouched", path.display())
            } else {
                anyhow::anyhow!("cannot write {}: {}", path.display(), describe_io(&e.error))
            }
        })?,
        Overwrite::Allowed => temp
            .persist(path)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), describe_io(&e.error)))?,
    };
    Ok(())
}
