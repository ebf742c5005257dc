//! Any bytes through the loader, the checks and the text diagnostics: no panic, ever.
#![no_main]

use gezinsplan::diagnostic::format::{self, DiagnosticFormat, FileReport};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let analysis = gezinsplan::plan::load::analyze(bytes);
    let source = String::from_utf8_lossy(bytes);
    let report = FileReport { file: "fuzz.yaml", source: &source, diagnostics: &analysis.diagnostics };
    let _ = format::write(&mut std::io::sink(), DiagnosticFormat::Text, &[report], false);
});
