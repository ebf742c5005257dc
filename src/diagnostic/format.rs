//! Diagnostics printed for people (text with the source line), for programs (JSON), for
//! GitHub Actions annotations, and for code-scanning tools (SARIF 2.1.0).

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::{Diagnostic, Severity};

/// The diagnostics of one file, with the text they point into.
pub struct FileReport<'a> {
    /// The file's name as the user gave it (or `<stdin>`).
    pub file: &'a str,
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosticFormat {
    Text,
    Json,
    Github,
    Sarif,
}

/// Writes the diagnostics of every file in one format. JSON and SARIF are one document for the
/// whole run, so they are written at once, not per file.
pub fn write(
    out: &mut dyn Write,
    format: DiagnosticFormat,
    files: &[FileReport],
    color: bool,
) -> io::Result<()> {
    match format {
        DiagnosticFormat::Text => {
            for file in files {
                for d in file.diagnostics {
                    write_text(out, file, d, color)?;
                }
            }
            Ok(())
        }
        DiagnosticFormat::Json => {
            let records: Vec<_> = files.iter().flat_map(json_records).collect();
            serde_json::to_writer_pretty(&mut *out, &records)?;
            writeln!(out)
        }
        DiagnosticFormat::Github => {
            for file in files {
                for d in file.diagnostics {
                    write_github(out, file.file, d)?;
                }
            }
            Ok(())
        }
        DiagnosticFormat::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &sarif(files))?;
            writeln!(out)
        }
    }
}

fn write_text(out: &mut dyn Write, file: &FileReport, d: &Diagnostic, color: bool) -> io::Result<()> {
    let (level, level_style) = match d.severity {
        Severity::Error => (Level::ERROR, AnsiColor::Red.on_default().bold()),
        Severity::Warning => (Level::WARNING, AnsiColor::Yellow.on_default().bold()),
    };
    let bold = Style::new().bold();
    let paint = |style: Style, text: &str| {
        if color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    };
    let location = if d.span.line > 0 {
        format!("{}:{}:{}", file.file, d.span.line, d.span.column)
    } else {
        file.file.to_owned()
    };
    writeln!(
        out,
        "{}: {} {}",
        paint(bold, &location),
        paint(level_style, &format!("{}:", d.severity.as_str())),
        paint(bold, &d.message)
    )?;

    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut group = Group::with_level(level.clone());
    if let Some(range) = d
        .in_source
        .then(|| marked(file.source, d.span.start, d.span.end))
        .flatten()
    {
        let mut annotation = AnnotationKind::Primary.span(range);
        if !d.path.is_empty() {
            annotation = annotation.label(&d.path);
        }
        group = group.element(
            Snippet::source(file.source)
                .line_start(1)
                .fold(true)
                .annotation(annotation),
        );
    } else if !d.path.is_empty() {
        group = group.element(Level::NOTE.no_name().message(format!("at {}", d.path)));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help));
    }
    let rendered = renderer.render(&[group]);
    if !rendered.trim().is_empty() {
        writeln!(out, "{rendered}")?;
    }
    writeln!(out)
}

/// The bytes to mark under a value: within the text, on character boundaries, without the
/// trailing line breaks a block of text is given.
fn marked(source: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let mut end = end.min(source.len());
    if start > end || !source.is_char_boundary(start) {
        return None;
    }
    while end > start && (!source.is_char_boundary(end) || source.as_bytes()[end - 1].is_ascii_whitespace()) {
        end -= 1;
    }
    Some(start..end)
}

/// The JSON records of one file's diagnostics.
pub fn json_records<'a>(file: &'a FileReport<'a>) -> impl Iterator<Item = impl Serialize + 'a> + 'a {
    file.diagnostics.iter().map(|d| JsonRecord::new(file.file, d))
}

#[derive(Serialize)]
struct JsonRecord<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    path: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
}

impl<'a> JsonRecord<'a> {
    fn new(file: &'a str, d: &'a Diagnostic) -> Self {
        JsonRecord {
            file,
            line: d.span.line,
            column: d.span.column,
            path: &d.path,
            severity: d.severity.as_str(),
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

/// `::error file=…,line=…,col=…,title=…::message`, escaped as the Actions runner expects.
fn write_github(out: &mut dyn Write, file: &str, d: &Diagnostic) -> io::Result<()> {
    let property = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
            .replace(':', "%3A")
            .replace(',', "%2C")
    };
    let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let mut message = d.message.clone();
    if !d.path.is_empty() {
        message.push_str(&format!(" (at {})", d.path));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let title = format!("gezinsplan {}", d.severity.as_str());
    writeln!(
        out,
        "::{} file={},line={},col={},title={}::{}",
        d.severity.as_str(),
        property(file),
        d.span.line.max(1),
        d.span.column.max(1),
        property(&title),
        data(&message)
    )
}

fn sarif(files: &[FileReport]) -> serde_json::Value {
    let results: Vec<serde_json::Value> = files
        .iter()
        .flat_map(|f| {
            f.diagnostics.iter().map(move |d| {
                let mut text = d.message.clone();
                if let Some(help) = &d.help {
                    text.push_str(&format!("\nhelp: {help}"));
                }
                serde_json::json!({
                    "ruleId": rule_id(d),
                    "level": d.severity.as_str(),
                    "message": { "text": text },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(f.file) },
                            "region": {
                                "startLine": d.span.line.max(1),
                                "startColumn": d.span.column.max(1),
                            }
                        },
                        "logicalLocations": if d.path.is_empty() {
                            serde_json::json!([])
                        } else {
                            serde_json::json!([{ "fullyQualifiedName": d.path, "kind": "member" }])
                        }
                    }]
                })
            })
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "gezinsplan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://www.1gezin1plan.nu",
                    "rules": [
                        { "id": "plan-error", "shortDescription": { "text": "The plan breaks a rule of the file format" } },
                        { "id": "plan-warning", "shortDescription": { "text": "The plan is valid but something needs attention" } }
                    ]
                }
            },
            "results": results
        }]
    })
}

fn rule_id(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "plan-error",
        Severity::Warning => "plan-warning",
    }
}

/// A relative URI reference for a file path (SARIF wants URIs, with `/` separators).
fn uri(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for byte in file.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
