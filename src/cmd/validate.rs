//! `gezinsplan validate`: checks plans like a compiler checks code.

use std::io::Write;

use anyhow::Result;

use crate::Streams;
use crate::batch::{self, Needs, Outcome};
use crate::diagnostic::format::{self, DiagnosticFormat, FileReport};
use crate::diagnostic::{Diagnostic, Tally};
use crate::exit::Status;
use crate::files::{self, Input};

#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<Input>,
    pub format: DiagnosticFormat,
    pub deny_warnings: bool,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let (plan_files, mut problems) = files::discover(&options.inputs);
    let mut tally = Tally::default();
    let mut plans = 0;
    let mut with_findings = 0;
    let mut json = JsonArray::default();
    // SARIF is one document with every result inside: it is written at the end.
    let mut sarif: Vec<(String, String, Vec<Diagnostic>)> = Vec::new();
    let color = streams.stdout_color;
    let stdout = &mut *streams.stdout;
    batch::check_all(&plan_files, streams.stdin, Needs::Diagnostics, |checked| {
        let (bytes, diagnostics) = match checked.outcome {
            Outcome::Unreadable(problem) => {
                problems.push(problem);
                return Ok(());
            }
            Outcome::TooLarge(size) => {
                let diagnostic = Diagnostic::error("", too_large(size))
                    .help("a plan is a few kilobytes; is this the right file?");
                (None, vec![diagnostic])
            }
            Outcome::Analysed(analysed) => (analysed.bytes, analysed.diagnostics),
        };
        plans += 1;
        if diagnostics.is_empty() {
            return Ok(());
        }
        with_findings += 1;
        tally.add(&diagnostics);
        let source = bytes.as_deref().map(source_text).unwrap_or_default();
        let report = FileReport {
            file: &checked.file.name,
            source: &source,
            diagnostics: &diagnostics,
        };
        match options.format {
            DiagnosticFormat::Json => json.write(stdout, &report)?,
            DiagnosticFormat::Sarif => sarif.push((checked.file.name, source, diagnostics)),
            DiagnosticFormat::Text | DiagnosticFormat::Github => {
                format::write(stdout, options.format, &[report], color)?;
            }
        }
        Ok(())
    })?;
    match options.format {
        DiagnosticFormat::Json => json.finish(stdout)?,
        DiagnosticFormat::Sarif => {
            let reports: Vec<FileReport> = sarif
                .iter()
                .map(|(file, source, diagnostics)| FileReport {
                    file,
                    source,
                    diagnostics,
                })
                .collect();
            format::write(stdout, options.format, &reports, color)?;
        }
        DiagnosticFormat::Text | DiagnosticFormat::Github => {}
    }
    stdout.flush()?;

    for problem in &problems {
        writeln!(streams.stderr, "error: {problem}")?;
    }
    writeln!(streams.stderr, "{}", summary(plans, tally, with_findings))?;

    let findings = tally.errors > 0 || (options.deny_warnings && tally.warnings > 0);
    Ok(match (problems.is_empty(), findings) {
        (false, _) => Status::Failure,
        (true, true) => Status::Findings,
        (true, false) => Status::Success,
    })
}

/// A JSON array written as its items come, so no run keeps every diagnostic in memory.
#[derive(Default)]
struct JsonArray {
    started: bool,
}

impl JsonArray {
    fn write(&mut self, out: &mut dyn Write, report: &FileReport) -> std::io::Result<()> {
        for record in format::json_records(report) {
            out.write_all(if self.started { b",\n  " } else { b"[\n  " })?;
            self.started = true;
            serde_json::to_writer(&mut *out, &record)?;
        }
        Ok(())
    }

    fn finish(self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(if self.started { b"\n]\n" } else { b"[]\n" })
    }
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
