//! The commands, one module each, all with the same shape: plain options and the streams in,
//! a [`Status`] out. Errors returned from a command mean exit status 2.

pub mod agenda;
pub mod diff;
pub mod due;
pub mod init;
pub mod invite;
pub mod new;
pub mod schema;
pub mod show;
pub mod stats;
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
    Init(init::Options),
    Diff(diff::Options),
    Stats(stats::Options),
    Schema,
    /// Text made from the command line itself (completions, the manual page).
    Print(Vec<u8>),
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
    /// A folder of templates that replace the built-in ones (`--templates`).
    pub templates: Option<PathBuf>,
}

pub fn run(command: Command, streams: &mut Streams) -> Result<Status> {
    match command {
        Command::New(o) => new::run(&o, streams),
        Command::Validate(o) => validate::run(&o, streams),
        Command::Agenda(o) => agenda::run(&o, streams),
        Command::Due(o) => due::run(&o, streams),
        Command::Show(o) => show::run(&o, streams),
        Command::Invite(o) => invite::run(&o, streams),
        Command::Init(o) => init::run(&o, streams),
        Command::Diff(o) => diff::run(&o, streams),
        Command::Stats(o) => stats::run(&o, streams),
        Command::Schema => schema::run(streams),
        Command::Print(bytes) => {
            streams.stdout.write_all(&bytes)?;
            Ok(Status::Success)
        }
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

/// The templates to render with: the built-in ones, replaced file by file by a house style from
/// `--templates DIR`, else from the `templates/` folder of the plans repository (the nearest
/// folder above the plan that holds `.git`).
pub(crate) fn templates(
    plan: &std::path::Path,
    explicit: Option<&std::path::Path>,
) -> Result<crate::render::Templates> {
    let folder = match explicit {
        Some(dir) if dir.is_dir() => Some(dir.to_path_buf()),
        Some(dir) => anyhow::bail!("--templates {}: no such folder", dir.display()),
        None => plan
            .canonicalize()
            .ok()
            .and_then(|p| {
                p.ancestors()
                    .find(|a| a.join(".git").exists())
                    .map(|root| root.join("templates"))
            })
            .filter(|dir| dir.is_dir()),
    };
    let mut user = Vec::new();
    if let Some(folder) = folder {
        let mut entries: Vec<_> = std::fs::read_dir(&folder)
            .map_err(|e| anyhow::anyhow!("{}: {}", folder.display(), crate::files::describe_io(&e)))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
            })
            // A logo or a stylesheet beside the templates is not a template.
            .filter(|p| {
                p.extension().is_some_and(|e| {
                    ["html", "md", "txt", "yaml", "yml", "tera"].contains(&&*e.to_string_lossy())
                })
            })
            .collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), crate::files::describe_io(&e)))?;
            user.push((path.display().to_string(), name, text));
        }
    }
    crate::render::Templates::with_overrides(&user)
}

/// Reads every plan the inputs name and hands each valid one to `each`, in order. Paths that
/// cannot be read, and plans with errors, are reported on standard error and set the status,
/// but never keep the other plans from being read.
pub(crate) fn for_each_valid_plan(
    inputs: &[crate::files::Input],
    needs: crate::batch::Needs,
    streams: &mut Streams,
    mut each: impl FnMut(&crate::files::PlanFile, crate::batch::Analysed),
) -> Result<Status> {
    use crate::batch::Outcome;
    let (plan_files, problems) = crate::files::discover(inputs);
    let mut status = if problems.is_empty() {
        Status::Success
    } else {
        Status::Failure
    };
    for problem in &problems {
        writeln!(streams.stderr, "error: {problem}")?;
    }
    let stderr = &mut *streams.stderr;
    crate::batch::check_all(&plan_files, streams.stdin, needs, |checked| {
        let name = &checked.file.name;
        match checked.outcome {
            Outcome::Unreadable(problem) => {
                writeln!(stderr, "error: {problem}")?;
                status = Status::Failure;
            }
            Outcome::TooLarge(_) => {
                writeln!(
                    stderr,
                    "error: {name}: too large to be a plan; run `gezinsplan validate` on it"
                )?;
                status = status.worst(Status::Findings);
            }
            Outcome::Analysed(analysed) => match analysed.valid {
                true => each(&checked.file, *analysed),
                false => {
                    let errors = analysed.diagnostics.iter().filter(|d| d.is_error()).count();
                    writeln!(
                        stderr,
                        "error: {name}: the plan has {errors} error{}, so it is left out; run `gezinsplan validate {name}`",
                        if errors == 1 { "" } else { "s" },
                    )?;
                    status = status.worst(Status::Findings);
                }
            },
        }
        Ok(())
    })?;
    Ok(status)
}
