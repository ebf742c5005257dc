//! The commands, one module each, all with the same shape: plain options and the streams in,
//! a [`Status`] out. Errors returned from a command mean exit status 2.

pub mod agenda;
pub mod due;
pub mod invite;
pub mod new;
pub mod show;
pub mod validate;

use std::path::PathBuf;

use anyhow::Result;

use crate::Streams;
use crate::exit::Status;
use crate::lang::Lang;
use crate::render::DocFormat;

/// A command line, converted from clap's types.
#[derive(Debug)]
pub enum Command {
    New(new::Options),
    Validate(validate::Options),
    Agenda(agenda::Options),
    Due(due::Options),
    Show(show::Options),
    Invite(invite::Options),
}

/// What every command that renders a document takes.
#[derive(Debug, Clone)]
pub struct DocOptions {
    /// The copy for one person; `None` is the family's own copy.
    pub for_id: Option<String>,
    pub format: DocFormat,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub lang: Lang,
}

pub fn run(command: Command, streams: &mut Streams) -> Result<Status> {
    match command {
        Command::New(o) => new::run(&o, streams),
        Command::Validate(o) => validate::run(&o, streams),
        Command::Agenda(o) => agenda::run(&o, streams),
        Command::Due(o) => due::run(&o, streams),
        Command::Show(o) => show::run(&o, streams),
        Command::Invite(o) => invite::run(&o, streams),
    }
}

/// Reads one plan that is to be rendered. A plan with errors is not rendered: its diagnostics
/// go to standard error and the command ends with [`Status::Findings`].
pub(crate) fn load_plan(
    path: &std::path::Path,
    streams: &mut Streams,
) -> Result<Result<crate::plan::Plan, Status>> {
    use crate::diagnostic::format::{self as diagnostics, DiagnosticFormat, FileReport};
    use crate::files::{Contents, Input, PlanFile};

    let file = PlanFile {
        name: path.display().to_string(),
        source: Input::Path(path.to_path_buf()),
    };
    let bytes = match crate::files::read(&file, streams.stdin) {
        Ok(Contents::Bytes(bytes)) => bytes,
        Ok(Contents::TooLarge(_)) => {
            anyhow::bail!(
                "{}: too large to be a plan; run `gezinsplan validate` on it",
                file.name
            )
        }
        Err(problem) => anyhow::bail!(problem),
    };
    let analysis = crate::plan::load::analyze(&bytes);
    match analysis.plan {
        Some(plan) if !analysis.diagnostics.iter().any(|d| d.is_error()) => Ok(Ok(plan)),
        _ => {
            let errors: Vec<_> = analysis
                .diagnostics
                .into_iter()
                .filter(|d| d.is_error())
                .collect();
            let source = String::from_utf8_lossy(&bytes);
            let report = FileReport {
                file: &file.name,
                source: &source,
                diagnostics: &errors,
            };
            diagnostics::write(streams.stderr, DiagnosticFormat::Text, &[report], false)?;
            writeln!(
                streams.stderr,
                "error: {} has errors; fix them before rendering it",
                file.name
            )?;
            Ok(Err(Status::Findings))
        }
    }
}

/// Writes a rendered document to `-o FILE` (atomically, never over a file without `--force`)
/// or to standard output.
pub(crate) fn emit(document: &str, options: &DocOptions, streams: &mut Streams) -> Result<()> {
    match &options.output {
        Some(path) => {
            let overwrite = if options.force {
                crate::files::Overwrite::Allowed
            } else {
                crate::files::Overwrite::Never
            };
            crate::files::write_atomic(path, document.as_bytes(), overwrite).map_err(|e| {
                if path.exists() && !options.force {
                    anyhow::anyhow!("{e:#}; add --force to replace it")
                } else {
                    e
                }
            })
        }
        None => Ok(streams.stdout.write_all(document.as_bytes())?),
    }
}
