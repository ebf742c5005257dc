//! `gezinsplan show`: the plan document for the family and for each person.

use crate::support::{example, gz, temp};

fn show(plan: &str, extra: &[&str]) -> String {
    let out = gz(["show", "--today", "2026-11-22"])
        .arg(example(plan))
        .args(extra)
        .run();
    out.code(0);
    out.stdout
}

#[test]
fn the_familys_plan_document() {
    insta::assert_snapshot!("show_family_md", show("jansen.yaml", &[]));
    insta::assert_snapshot!("show_family_html", show("jansen.yaml", &["--format", "html"]));
}

#[test]
fn the_teachers_plan_document() {
    let md = show("jansen.yaml", &["--for", "juf-anna"]);
    insta::assert_snapshot!("show_teacher_md", md);
    for hidden in [
        "schulden",
        "Schulden",
        "schuldregeling",
        "Hulpvraag",
        "Krachten",
        "Sanne vertelde",
        "financiën",
    ] {
        assert!(!md.contains(hidden), "{hidden}");
    }
    // Meetings the teacher did not attend are not in her copy at all.
    assert!(md.contains("dinsdag 1 december 2026") && md.contains("Juf Anna leest"));
}

#[test]
fn progress_is_a_row_in_markdown_and_a_chart_in_html() {
    let md = show("jansen.yaml", &[]);
    assert!(md.contains("Voortgang (schaalvraag 0-10): 4 → 6 → 7"), "{md}");
    let html = show("jansen.yaml", &["--format", "html"]);
    let chart = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    for label in [
        ">4</text>",
        ">6</text>",
        ">7</text>",
        ">1 okt 2026</text>",
        ">29 okt 2026</text>",
        ">19 nov 2026</text>",
    ] {
        assert!(chart.contains(label), "{label} in {chart}");
    }
    assert!(!html.contains("<script"));
}

#[test]
fn achieved_goals_show_when_they_were_ticked_off_and_whole_plan_evaluations_have_their_line() {
    let md = show("el-amrani.yaml", &[]);
    assert!(md.contains("### Afgerond"), "{md}");
    assert!(md.contains("behaald (afgevinkt op"), "{md}");
    let md = show("de-boer.yaml", &[]);
    assert!(md.contains("## Het hele plan"), "{md}");
    assert!(!show("de-boer.yaml", &["--for", "jobcoach"]).contains("## Het hele plan"));
}

#[test]
fn english_on_request() {
    let md = show("jansen.yaml", &["--lang", "en"]);
    assert!(
        md.starts_with("# Family plan — Familie Jansen") && md.contains("Tuesday 1 December 2026"),
        "{md}"
    );
}

#[test]
fn an_unknown_reader_is_refused_and_files_are_only_replaced_with_force() {
    gz(["show", "--for", "nobody"])
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("`nobody` is not");
    let dir = temp();
    let path = dir.path().join("plan.html");
    gz(["show", "--format", "html", "-o"])
        .arg(&path)
        .arg(example("jansen.yaml"))
        .run()
        .code(0);
    gz(["show", "-o"])
        .arg(&path)
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("--force");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}
