//! Exit statuses, defined in one place: 0 all is well, 1 findings, 2 usage or I/O error.

use std::io;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Everything is fine (warnings allowed unless `--deny-warnings`).
    Success = 0,
    /// The command ran and found problems in a plan (errors, or warnings when denied).
    Findings = 1,
    /// Wrong use of the command line, or a file that cannot be read or written.
    Failure = 2,
}

impl Status {
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The more serious of two outcomes.
    pub fn worst(self, other: Status) -> Status {
        self.max(other)
    }
}

impl From<Status> for std::process::ExitCode {
    fn from(status: Status) -> Self {
        std::process::ExitCode::from(status.code())
    }
}

/// Whether an error is only the reader of our output going away (`gezinsplan due | head -1`),
/// which is not a failure.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
