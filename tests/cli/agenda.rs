//! `gezinsplan agenda`: each meeting kind in both formats, sharing, escaping, output files.

use crate::support::{example, fixture, gz, temp};

fn agenda(plan: &str, extra: &[&str]) -> String {
    let out = gz(["agenda"]).arg(example(plan)).args(extra).run();
    out.code(0);
    out.stdout
}

#[test]
fn round_table_agenda_follows_the_method() {
    let md = agenda("el-amrani.yaml", &["--today", "2026-11-22"]);
    insta::assert_snapshot!("rondetafel_md", md);
    let html = agenda("el-amrani.yaml", &["--today", "2026-11-22", "--format", "html"]);
    insta::assert_snapshot!("rondetafel_html", html);
}

#[test]
fn evaluation_agenda_shows_where_each_goal_stands() {
    let md = agenda("jansen.yaml", &["--date", "2026-12-01"]);
    insta::assert_snapshot!("evaluatie_md", md);
    let html = agenda("jansen.yaml", &["--date", "2026-12-01", "--format", "html"]);
    insta::assert_snapshot!("evaluatie_html", html);
}

#[test]
fn case_review_agenda_asks_what_helped_and_hindered() {
    let md = agenda("de-boer.yaml", &["--date", "2026-10-15"]);
    insta::assert_snapshot!("dialoogtafel_md", md);
    let html = agenda("de-boer.yaml", &["--date", "2026-10-15", "--format", "html"]);
    insta::assert_snapshot!("dialoogtafel_html", html);
}

#[test]
fn the_next_meeting_is_chosen_from_today() {
    let md = agenda("jansen.yaml", &["--today", "2026-09-01"]);
    assert!(
        md.starts_with("# Agenda rondetafelgesprek") && md.contains("donderdag 10 september 2026"),
        "{md}"
    );
    let env = gz(["agenda"])
        .arg(example("jansen.yaml"))
        .env("GEZINSPLAN_TODAY", "2026-09-11")
        .run();
    env.code(0)
        .stdout_has("# Agenda evaluatiegesprek")
        .stdout_has("dinsdag 1 december 2026");
}

#[test]
fn with_no_meeting_ahead_the_date_is_left_open() {
    let out = gz(["agenda", "--today", "2027-06-01"])
        .arg(example("jansen.yaml"))
        .run();
    out.code(0)
        .stdout_has("- **Datum:** nog te prikken")
        .stderr_has("no meeting planned on or after 2027-06-01");
}

#[test]
fn a_date_without_a_meeting_is_a_usage_error() {
    gz(["agenda", "--date", "2026-12-02"])
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("the plan has no meeting on 2026-12-02; its meetings are on 2026-09-10, 2026-12-01");
}

#[test]
fn kind_and_language_can_be_chosen() {
    let md = agenda(
        "jansen.yaml",
        &["--date", "2026-12-01", "--kind", "dialoogtafel", "--lang", "en"],
    );
    assert!(md.starts_with("# Agenda case review (dialoogtafel)"), "{md}");
    assert!(
        md.contains("Tuesday 1 December 2026") && md.contains("Success factors"),
        "{md}"
    );
    gz(["agenda", "--kind", "feest"])
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("rondetafel, evaluatie, dialoogtafel");
}

/// The debt goal of the Jansen family is shared with the coordinator and the debt counsellor only.
const DEBT_TEXTS: &[&str] = &[
    "schulden",
    "Schulden",
    "schuldregeling",
    "financiën",
    "brieven van schuldeisers",
    "budgetbeheer",
];

#[test]
fn the_teachers_copy_holds_nothing_about_the_debts() {
    for format in ["md", "html"] {
        for date in ["2026-09-10", "2026-12-01"] {
            let out = gz(["agenda", "--for", "juf-anna", "--format", format, "--date", date])
                .arg(example("jansen.yaml"))
                .run();
            out.code(0).stdout_has("Juf Anna leest drie keer per week");
            for hidden in DEBT_TEXTS {
                out.stdout_lacks(hidden);
            }
            out.stdout_lacks("Deel 2")
                .stdout_lacks("Hulpvraag")
                .stdout_lacks("Aantekeningen");
        }
    }
}

#[test]
fn the_debt_counsellor_stays_for_the_debt_part() {
    let out = gz(["agenda", "--for", "kees", "--date", "2026-12-01"])
        .arg(example("jansen.yaml"))
        .run();
    out.code(0)
        .stdout_has("## Deel 2 — met Sanne Jansen, Daan, Petra de Vries en Kees Smit: financiën")
        .stdout_has("Kees vraagt een schuldregeling aan")
        .stdout_has("Juf Anna leest");
}

#[test]
fn the_familys_copy_shows_every_part_and_a_member_reads_it_too() {
    let family = agenda("jansen.yaml", &["--date", "2026-12-01"]);
    let sanne = agenda("jansen.yaml", &["--date", "2026-12-01", "--for", "sanne"]);
    assert_eq!(family, sanne);
    assert!(family.contains("## Deel 2 — met") && family.contains("Kees vraagt een schuldregeling aan"));
    assert!(family.contains("## Deel 3 — Afsluiting, met iedereen"));
}

#[test]
fn an_unknown_reader_is_refused_with_a_suggestion() {
    gz(["agenda", "--for", "juf-ana"])
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has(
            "`juf-ana` is not a family member or network person in this plan; did you mean `juf-anna`?",
        );
}

#[test]
fn html_escapes_everything_from_the_plan() {
    let out = gz(["agenda", "--format", "html", "--today", "2026-11-01"])
        .arg(fixture("valid/hostile.yaml"))
        .run();
    out.code(0);
    let html = &out.stdout;
    for forbidden in [
        "<script",
        "<img",
        "<iframe",
        "<b ",
        "<b>",
        "<style>body",
        "href=\"javascript",
        "tracker.example",
    ] {
        assert!(!html.contains(forbidden), "found {forbidden:?}");
    }
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("Familie &lt;script&gt;alert(&#39;gezin&#39;)&lt;/script&gt;"));
    assert!(html.contains("Zorg &amp; Welzijn &lt;b&gt;"));
    // The only style is our own; nothing is loaded from elsewhere.
    assert_eq!(html.matches("<style>").count(), 1);
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
}

#[test]
fn markdown_keeps_special_characters_literal() {
    let out = gz(["agenda", "--today", "2026-11-01"])
        .arg(fixture("valid/hostile.yaml"))
        .run();
    out.code(0)
        .stdout_has(r"Jan\_de\_Vries \*ster\* \[link\](javascript:alert(2))")
        .stdout_has(r"\<img src=x onerror=alert(1)\>")
        .stdout_has("Rust met 2 \\* 3 = 6 en a\\_b\\_c");
    for tag in ["<script", "<iframe", "<img", "<b ", "<style"] {
        assert_eq!(
            unescaped(&out.stdout, tag),
            0,
            "{tag} is left as markup:\n{}",
            out.stdout
        );
    }
}

/// How often `tag` appears without the backslash that makes Markdown show it as text.
fn unescaped(markdown: &str, tag: &str) -> usize {
    markdown
        .match_indices(tag)
        .filter(|(i, _)| !markdown[..*i].ends_with('\\'))
        .count()
}

#[test]
fn output_file_is_written_whole_and_only_replaced_with_force() {
    let dir = temp();
    let path = dir.path().join("agenda.html");
    gz(["agenda", "--format", "html", "--date", "2026-12-01", "-o"])
        .arg(&path)
        .arg(example("jansen.yaml"))
        .run()
        .code(0);
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(first.starts_with("<!DOCTYPE html>") && first.trim_end().ends_with("</html>"));
    gz(["agenda", "--date", "2026-09-10", "-o"])
        .arg(&path)
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("already exists")
        .stderr_has("--force");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    gz(["agenda", "--date", "2026-09-10", "--force", "-o"])
        .arg(&path)
        .arg(example("jansen.yaml"))
        .run()
        .code(0);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Agenda rondetafelgesprek")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["agenda.html"], "nothing else is created");
}

#[test]
fn an_invalid_plan_is_not_rendered() {
    let out = gz(["agenda"]).arg(fixture("invalid/unknown-goal.yaml")).run();
    out.code(1)
        .stderr_has("goal `rusd` is not a known goal")
        .stderr_has("fix them before rendering");
    assert_eq!(out.stdout, "");
}

#[test]
fn the_binary_works_from_any_folder() {
    let dir = temp();
    gz(["agenda", "--date", "2026-12-01"])
        .arg(example("jansen.yaml"))
        .dir(dir.path())
        .run()
        .code(0)
        .stdout_has("Agenda");
}
