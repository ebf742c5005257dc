//! `gezinsplan init`: a private plans repository in one command, completed but never overwritten.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use anyhow::{Context as _, Result, bail};

use crate::Streams;
use crate::exit::Status;
use crate::files::{self, Overwrite};
use crate::render::Templates;

/// The schema's file name in a plans repository.
pub const SCHEMA_FILE: &str = "gezinsplan.schema.json";

/// Rendered documents and mail drafts hold personal data and are made again at will.
const IGNORED: &[&str] = &["out/", "*.eml", "*.ics"];

const HOOK: &str = "#!/bin/sh
# Checks the family plans before each commit (made by `gezinsplan init`).
if ! command -v gezinsplan >/dev/null 2>&1; then
  echo \"pre-commit: gezinsplan is not installed, the plans were not checked\" >&2
  exit 1
fi
exec gezinsplan validate plans
";

#[derive(Debug, Clone)]
pub struct Options {
    pub dir: PathBuf,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let dir = &options.dir;
    files::create_private_dir(dir)?;
    let mut report: Vec<String> = Vec::new();

    if !inside_git_work_tree(dir)? {
        git(dir, &["init", "--quiet"])?;
        report.push("created a git repository".into());
    }

    let gitignore = dir.join(".gitignore");
    let existing = std::fs::read_to_string(&gitignore).unwrap_or_default();
    let missing: Vec<&str> = IGNORED
        .iter()
        .copied()
        .filter(|line| !existing.lines().any(|l| l.trim() == *line))
        .collect();
    if !missing.is_empty() {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if text.is_empty() {
            text.push_str("# Rendered documents and mail drafts: personal data, made again at will.\n");
        }
        for line in &missing {
            text.push_str(line);
            text.push('\n');
        }
        files::write_atomic(&gitignore, text.as_bytes(), Overwrite::Allowed)?;
        report.push(if existing.is_empty() {
            "created .gitignore".into()
        } else {
            format!("added {} to .gitignore", missing.join(", "))
        });
    }

    let schema = crate::schema::plan_schema();
    report.push(create_once(
        &dir.join(SCHEMA_FILE),
        schema.as_bytes(),
        SCHEMA_FILE,
    )?);

    let readme =
        Templates::builtin()?.render("plans-readme.md", &serde_json::json!({ "schema": SCHEMA_FILE }))?;
    report.push(create_once(
        &dir.join("README.md"),
        readme.as_bytes(),
        "README.md",
    )?);

    let plans = dir.join("plans");
    if !plans.is_dir() {
        files::create_private_dir(&plans)?;
        // Git keeps no empty folders.
        files::write_atomic(&plans.join(".gitkeep"), b"", Overwrite::Never)?;
        report.push("created plans/".into());
    }

    let hook = dir.join(git(dir, &["rev-parse", "--git-path", "hooks/pre-commit"])?.trim());
    if hook.exists() {
        let text = std::fs::read_to_string(&hook).unwrap_or_default();
        if !text.contains("gezinsplan validate") {
            report.push(format!(
                "kept {} (it exists; add the line `gezinsplan validate plans` to it yourself)",
                hook.display()
            ));
        }
    } else {
        if let Some(parent) = hook.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        files::write_atomic(&hook, HOOK.as_bytes(), Overwrite::Never)?;
        make_executable(&hook)?;
        report.push("created the pre-commit hook that runs `gezinsplan validate plans`".into());
    }

    report.retain(|line| !line.is_empty());
    if report.is_empty() {
        writeln!(streams.stdout, "{} is complete; nothing to do", dir.display())?;
    }
    for line in report {
        writeln!(streams.stdout, "{line}")?;
    }
    Ok(Status::Success)
}

/// Creates a file that is not there yet; an existing one is kept as it is (reported only
/// when it differs from what would be written).
fn create_once(path: &Path, contents: &[u8], name: &str) -> Result<String> {
    match std::fs::read(path) {
        Ok(existing) if existing == contents => Ok(String::new()),
        Ok(_) => Ok(format!(
            "kept {name} (it exists and differs; remove it and run init again to replace it)"
        )),
        Err(_) => {
            files::write_atomic(path, contents, Overwrite::Never)?;
            Ok(format!("created {name}"))
        }
    }
}

fn inside_git_work_tree(dir: &Path) -> Result<bool> {
    let out = Process::new("git")
        .args(["rev-parse", "--is-inside-work-tree"])
        .current_dir(dir)
        .output()
        .context("cannot run git: is it installed?")?;
    Ok(out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "true")
}

fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Process::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .context("cannot run git: is it installed?")?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn make_executable(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
            .with_context(|| format!("cannot make {} executable", path.display()))?;
    }
    let _ = path;
    Ok(())
}
