//! A small builder around the real binary: arguments, stdin, environment, and what came out.

use std::path::{Path, PathBuf};

pub struct Gz {
    cmd: assert_cmd::Command,
}

/// `gezinsplan ARGS...`, with an environment that cannot leak into the result.
pub fn gz<I, S>(args: I) -> Gz
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = assert_cmd::Command::cargo_bin("gezinsplan").expect("the binary is built");
    cmd.args(args)
        .env_remove("GEZINSPLAN_TODAY")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("NO_COLOR")
        .timeout(std::time::Duration::from_secs(20));
    Gz { cmd }
}

impl Gz {
    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.arg(arg);
        self
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.cmd.args(args);
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.cmd.write_stdin(bytes.into());
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.cmd.env(key, value);
        self
    }

    pub fn dir(mut self, dir: &Path) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    pub fn run(mut self) -> Outcome {
        let output = self.cmd.output().expect("the binary runs");
        Outcome {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

#[derive(Debug)]
pub struct Outcome {
    /// `None` when the process was killed by a signal (a crash).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// Asserts the exit status, and that nothing panicked on the way.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(expected),
            "exit status\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "panic: {}", self.stderr);
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stdout_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.stdout.contains(text),
            "stdout has {text:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Standard output as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

pub fn example(name: &str) -> PathBuf {
    root().join("plans-example").join(name)
}

/// A fresh temporary folder, removed when the value is dropped.
pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Whether a test's outside tool is at hand. Without it a test says so and passes, unless
/// `GEZINSPLAN_REQUIRE_TOOLS` is set (as `.ci/run` does), so CI can never skip it.
pub fn tool_present(what: &str, present: bool) -> bool {
    if !present {
        assert!(
            std::env::var_os("GEZINSPLAN_REQUIRE_TOOLS").is_none(),
            "{what} is required for this test; .ci/run installs it"
        );
        eprintln!("skipped: {what} is not installed (.ci/run installs it)");
    }
    present
}

/// The Python that has the `icalendar` package: `GEZINSPLAN_PYTHON`, else `python3`.
pub fn python() -> Option<std::path::PathBuf> {
    let python =
        std::env::var_os("GEZINSPLAN_PYTHON").map_or_else(|| "python3".into(), std::path::PathBuf::from);
    let works = std::process::Command::new(&python)
        .args(["-c", "import icalendar, jsonschema, yaml"])
        .output()
        .is_ok_and(|o| o.status.success());
    tool_present("Python with the icalendar, jsonschema and pyyaml packages", works).then_some(python)
}

/// What `tests/python/read_output.py` finds in files we wrote.
pub fn read_with_python(python: &Path, kind: &str, files: &[std::path::PathBuf]) -> serde_json::Value {
    run_python(
        python,
        "read_output.py",
        std::iter::once(std::path::PathBuf::from(kind)).chain(files.iter().cloned()),
    )
}

/// Runs one of the scripts in `tests/python/` and reads the JSON it prints.
pub fn run_python(
    python: &Path,
    script: &str,
    args: impl IntoIterator<Item = std::path::PathBuf>,
) -> serde_json::Value {
    let out = std::process::Command::new(python)
        .arg(root().join("tests/python").join(script))
        .args(args)
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON from read_output.py")
}

/// `git ARGS` in `dir` as a test user, at `date` (author and committer), with the built binary
/// first on PATH (for hooks that run it). Returns the output; the caller asserts what it needs.
pub fn git(dir: &Path, args: &[&str], date: Option<&str>) -> std::process::Output {
    let binary = assert_cmd::cargo::cargo_bin("gezinsplan");
    let mut paths = vec![binary.parent().unwrap().to_path_buf()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut command = std::process::Command::new("git");
    command
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.nl",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("PATH", std::env::join_paths(paths).unwrap());
    if let Some(date) = date {
        command
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    command.output().expect("git runs")
}
