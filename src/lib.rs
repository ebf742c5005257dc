//! gezinsplan: family plans for the 1Gezin1Plan method, checked and turned into documents.
//!
//! [`run`] is the whole program; `main.rs` only hands it the process's streams and date.

pub mod agenda;
pub mod batch;
pub mod changes;
pub mod cli;
pub mod cmd;
pub mod dates;
pub mod deadlines;
pub mod diagnostic;
pub mod document;
pub mod exit;
pub mod files;
pub mod git;
pub mod ical;
pub mod invitation;
pub mod lang;
pub mod plan;
pub mod render;
pub mod schema;
pub mod sharing;
pub mod stats;
pub mod suggest;
pub mod yaml;

use std::ffi::OsString;
use std::io::{Read, Write};

use chrono::NaiveDate;
use clap::Parser;

pub use exit::Status;

/// Where a command reads and writes; tests hand in buffers instead of the process's streams.
pub struct Streams<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Whether standard output is a terminal that wants colour (`NO_COLOR`, `CLICOLOR_FORCE`).
    pub stdout_color: bool,
}

/// Runs the command line `args` and returns how it ended. `today` is the system's date, used
/// only where neither `--today` nor `GEZINSPLAN_TODAY` gives one.
pub fn run<I, T>(args: I, today: NaiveDate, mut streams: Streams) -> Status
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let (text, status) = if e.use_stderr() {
                (e.render().to_string(), Status::Failure)
            } else {
                (e.render().to_string(), Status::Success)
            };
            let stream = if e.use_stderr() {
                &mut *streams.stderr
            } else {
                &mut *streams.stdout
            };
            let _ = write!(stream, "{text}");
            let _ = stream.flush();
            return status;
        }
    };
    streams.stdout_color = match cli.color {
        cli::ColorWhen::Always => true,
        cli::ColorWhen::Never => false,
        cli::ColorWhen::Auto => streams.stdout_color,
    };
    let command = cli.into_command(today);
    let result = cmd::run(command, &mut streams);
    let flushed = streams.stdout.flush().map_err(anyhow::Error::from);
    match result.and_then(|status| flushed.map(|()| status)) {
        Ok(status) => status,
        Err(e) if exit::is_closed_pipe(&e) => Status::Success,
        Err(e) => {
            let _ = writeln!(streams.stderr, "error: {e:#}");
            Status::Failure
        }
    }
}
