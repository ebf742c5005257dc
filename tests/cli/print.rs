//! The HTML documents printed to PDF by headless Chromium, as a coordinator prints them:
//! the expected number of A4 pages and the expected text.
//!
//! Needs `chromium` and poppler's `pdfinfo`/`pdftotext`, which `.ci/run` installs.

use std::path::Path;
use std::process::Command;

use crate::support::{example, gz, temp, tool_present};

fn tools_present() -> bool {
    let present = ["chromium", "pdfinfo", "pdftotext"]
        .iter()
        .all(|tool| Command::new(tool).arg("--version").output().is_ok());
    tool_present("chromium with poppler-utils (pdfinfo, pdftotext)", present)
}

/// Prints `html` to PDF and returns (pages, text).
fn print(html: &Path) -> (u32, String) {
    let dir = temp();
    let pdf = dir.path().join("out.pdf");
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports pages");
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    (pages, String::from_utf8_lossy(&text.stdout).into_owned())
}

/// Renders a document with the real binary and prints it.
fn printed(args: &[&str], plan: &str) -> (u32, String) {
    let dir = temp();
    let html = dir.path().join("document.html");
    gz(args)
        .arg(example(plan))
        .args(&["--format", "html", "-o"])
        .arg(&html)
        .run()
        .code(0);
    print(&html)
}

#[test]
fn agendas_print_on_a4_with_their_parts() {
    if !tools_present() {
        return;
    }
    let (pages, text) = printed(&["agenda", "--date", "2026-12-01"], "jansen.yaml");
    assert_eq!(pages, 3, "{text}");
    for expected in [
        "Agenda evaluatiegesprek",
        "dinsdag 1 december 2026",
        "Deel 1 — met iedereen",
        "Deel 2 — met Sanne Jansen, Daan, Petra de Vries en Kees Smit: financiën",
        "Voortgang per doel",
        "Afspraken die sinds het vorige overleg zijn afgelopen",
        "Deel 3 — Afsluiting, met iedereen",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
    let (pages, text) = printed(&["agenda", "--date", "2026-11-26"], "el-amrani.yaml");
    assert_eq!(pages, 3);
    assert!(
        text.contains("Agenda rondetafelgesprek") && text.contains("Afsprakenlijst"),
        "{text}"
    );
    let (pages, text) = printed(&["agenda", "--date", "2026-10-15"], "de-boer.yaml");
    assert_eq!(pages, 3);
    assert!(
        text.contains("Agenda dialoogtafel") && text.contains("Verbeteracties"),
        "{text}"
    );
}

#[test]
fn the_plan_document_prints_with_its_charts_and_only_what_is_shared() {
    if !tools_present() {
        return;
    }
    let (pages, text) = printed(&["show", "--today", "2026-11-22"], "jansen.yaml");
    assert_eq!(pages, 4, "{text}");
    for expected in [
        "Gezinsplan",
        "Familie Jansen",
        "Voortgang (schaalvraag 0-10)",
        "19 nov 2026",
        "Eigen netwerk",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
    let (pages, text) = printed(
        &["show", "--today", "2026-11-22", "--for", "juf-anna"],
        "jansen.yaml",
    );
    assert_eq!(pages, 2, "{text}");
    assert!(text.contains("Juf Anna leest"));
    for hidden in ["schulden", "schuldregeling", "Hulpvraag", "Krachten"] {
        assert!(
            !text.contains(hidden),
            "{hidden:?} in the teacher's copy:\n{text}"
        );
    }
}
