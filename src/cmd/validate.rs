//! `gezinsplan validate`: checks plans like a compiler checks code.

use anyhow::Result;

use crate::Streams;
use crate::diagnostic::format::{self, DiagnosticFormat, FileReport};
use crate::diagnostic::{Diagnostic, Tally};
use crate::exit::Status;
use crate::files::{self, Contents, Input};
use crate::plan::load;

#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<Input>,
    pub format: DiagnosticFormat,
    pub deny_warnings: bool,
}

/// One checked file; the text is kept only when there is something to show in it.
struct Checked {
    name: String,
    source: String,
    diagnostics: Vec<Diagnostic>,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let (plan_files, mut problems) = files::discover(&options.inputs);
    let mut checked = Vec::new();
    let mut tally = Tally::default();
    let mut plans = 0;
    for file in &plan_files {
        let bytes = match files::read(file, streams.stdin) {
            Ok(Contents::Bytes(bytes)) => bytes,
            Ok(Contents::TooLarge(size)) => {
                let diagnostic = Diagnostic::error("", too_large(size))
                    .help("a plan is a few kilobytes; is this the right file?");
                tally.add(std::slice::from_ref(&diagnostic));
                plans += 1;
                checked.push(Checked {
                    name: file.name.clone(),
                    source: String::new(),
                    diagnostics: vec![diagnostic],
                });
                continue;
            }
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        plans += 1;
        let analysis = load::analyze(&bytes);
        if analysis.diagnostics.is_empty() {
            continue;
        }
        tally.add(&analysis.diagnostics);
        checked.push(Checked {
            name: file.name.clone(),
            source: source_text(&bytes),
            diagnostics: analysis.diagnostics,
        });
    }

    let reports: Vec<FileReport> = checked
        .iter()
        .map(|c| FileReport {
            file: &c.name,
            source: &c.source,
            diagnostics: &c.diagnostics,
        })
        .collect();
    format::write(streams.stdout, options.format, &reports, streams.stdout_color)?;
    streams.stdout.flush()?;

    for problem in &problems {
        writeln!(streams.stderr, "error: {problem}")?;
    }
    writeln!(streams.stderr, "{}", summary(plans, tally, checked.len()))?;

    let findings = tally.errors > 0 || (options.deny_warnings && tally.warnings > 0);
    Ok(match (problems.is_empty(), findings) {
        (false, _) => Status::Failure,
        (true, true) => Status::Findings,
        (true, false) => Status::Success,
    })
}

/// The text diagnostics quote: the file as it would be read, made valid for display.
fn source_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

fn too_large(size: u64) -> String {
    format!(
        "the file is {:.1} MB; plans are read up to {} KB",
        size as f64 / 1_000_000.0,
        crate::yaml::MAX_FILE_BYTES / 1024
    )
}

fn summary(plans: usize, tally: Tally, files_with_findings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if tally.errors == 0 && tally.warnings == 0 {
        return format!("{} checked: no problems found", plural(plans, "plan"));
    }
    format!(
        "{} checked: {}, {} in {}",
        plural(plans, "plan"),
        plural(tally.errors, "error"),
        plural(tally.warnings, "warning"),
        plural(files_with_findings, "file")
    )
}
