//! Reading a plan's history by running the `git` binary. Arguments are passed as a list (no
//! shell), revisions after `--end-of-options`, paths after `--`, so no user input can become
//! an option.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

/// A plan file in a git work tree.
pub struct Tracked {
    /// The folder the commands run in: the plan's own.
    dir: PathBuf,
    /// The file's name, addressed as `./name` from `dir`.
    name: String,
}

impl Tracked {
    pub fn new(plan: &Path) -> Result<Tracked> {
        let dir = match plan.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = plan
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .with_context(|| format!("{} is not a file", plan.display()))?;
        let tracked = Tracked { dir, name };
        let inside = tracked.git(&["rev-parse", "--is-inside-work-tree"]);
        if !inside.is_ok_and(|out| out.trim() == "true") {
            bail!(
                "{} is not in a git repository: there is no history to compare with",
                plan.display()
            );
        }
        Ok(tracked)
    }

    /// The commit a revision names (a hash, a branch, `HEAD~2`, a tag).
    pub fn commit(&self, revision: &str) -> Result<String> {
        let spec = format!("{revision}^{{commit}}");
        self.git(&["rev-parse", "--verify", "--quiet", "--end-of-options", &spec])
            .map(|sha| sha.trim().to_owned())
            .map_err(|_| anyhow::anyhow!("unknown revision `{revision}` in this repository"))
    }

    /// The last commit of the plan made before `date` (00:00), if any.
    pub fn last_commit_before(&self, date: NaiveDate) -> Result<Option<String>> {
        let before = format!("--before={date} 00:00:00");
        let out = self.git(&[
            "log",
            "-1",
            "--format=%H",
            &before,
            "--end-of-options",
            "HEAD",
            "--",
            &self.path(),
        ])?;
        Ok(Some(out.trim().to_owned()).filter(|s| !s.is_empty()))
    }

    /// The plan's bytes as they were in `commit`.
    pub fn contents_at(&self, commit: &str) -> Result<Vec<u8>> {
        let object = format!("{commit}:{}", self.path());
        let out = Command::new("git")
            .args(["show", "--end-of-options", &object])
            .current_dir(&self.dir)
            .output()
            .context("cannot run git: is it installed?")?;
        if !out.status.success() {
            bail!("{} was not in the repository at {}", self.name, short(commit));
        }
        Ok(out.stdout)
    }

    /// "a1b2c3d (2026-09-09)": a commit as people recognise it.
    pub fn describe(&self, commit: &str) -> String {
        self.git(&["log", "-1", "--format=%h (%cs)", "--end-of-options", commit])
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|_| short(commit).to_owned())
    }

    fn path(&self) -> String {
        format!("./{}", self.name)
    }

    fn git(&self, args: &[&str]) -> Result<String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .output()
            .context("cannot run git: is it installed?")?;
        if !out.status.success() {
            bail!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

fn short(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
}
