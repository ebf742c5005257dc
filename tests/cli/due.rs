//! `gezinsplan due`: exactly the spec's items, on fixed dates, in both formats.

use crate::support::{example, fixture, gz, temp};

/// (plan file name, kind, date, days, goal, who) of each item, in output order.
fn items(json: &serde_json::Value) -> Vec<(String, String, String, String, String, String)> {
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "-".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    json.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let plan = i["plan"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
            (
                plan,
                text(&i["kind"]),
                text(&i["date"]),
                text(&i["days"]),
                text(&i["goal"]),
                text(&i["who"]),
            )
        })
        .collect()
}

fn row(
    p: &str,
    k: &str,
    d: &str,
    n: &str,
    g: &str,
    w: &str,
) -> (String, String, String, String, String, String) {
    (p.into(), k.into(), d.into(), n.into(), g.into(), w.into())
}

#[test]
fn lists_exactly_what_is_due_in_the_examples() {
    let out = gz(["due", "--today", "2026-11-22", "--format", "json"])
        .arg(example(""))
        .run();
    out.code(0);
    assert_eq!(
        items(&out.json()),
        vec![
            row(
                "visser.yaml",
                "goal_evaluation",
                "2026-11-20",
                "-2",
                "ilse-energie",
                "-"
            ),
            row(
                "visser.yaml",
                "agreement_end",
                "2026-11-28",
                "6",
                "finn-driftbuien",
                "bram"
            ),
            row(
                "jansen.yaml",
                "agreement_end",
                "2026-11-30",
                "8",
                "rustige-ochtenden",
                "petra"
            ),
            row("visser.yaml", "plan_evaluation", "2026-11-30", "8", "-", "-"),
            row("jansen.yaml", "plan_evaluation", "2026-12-01", "9", "-", "-"),
            row(
                "jansen.yaml",
                "goal_evaluation",
                "2026-12-01",
                "9",
                "rustige-ochtenden",
                "-"
            ),
            row(
                "jansen.yaml",
                "goal_evaluation",
                "2026-12-01",
                "9",
                "schulden-op-orde",
                "-"
            ),
        ]
    );
    let first = &out.json()[0];
    assert_eq!(first["family"], "Familie Visser");
    assert_eq!(first["coordinator"]["name"], "Bram Kuipers");
    assert_eq!(first["coordinator"]["email"], "b.kuipers@wijkteam-oost.example");
    let mut keys: Vec<String> = first.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "coordinator",
            "date",
            "days",
            "family",
            "goal",
            "kind",
            "plan",
            "who"
        ]
    );
}

#[test]
fn today_comes_from_the_environment_too() {
    let flag = gz(["due", "--today", "2026-11-22", "--format", "json"])
        .arg(example(""))
        .run();
    let env = gz(["due", "--format", "json"])
        .arg(example(""))
        .env("GEZINSPLAN_TODAY", "2026-11-22")
        .run();
    env.code(0);
    assert_eq!(flag.stdout, env.stdout);
    let later = gz(["due", "--format", "json"])
        .arg(example(""))
        .env("GEZINSPLAN_TODAY", "2026-12-02")
        .run();
    assert_ne!(flag.stdout, later.stdout, "the date matters");
}

#[test]
fn a_flag_beats_the_environment_and_a_bad_date_is_a_usage_error() {
    let out = gz(["due", "--today", "2026-11-22", "--format", "json"])
        .arg(example("visser.yaml"))
        .env("GEZINSPLAN_TODAY", "2030-01-01")
        .run();
    assert_eq!(out.json()[0]["days"], -2);
    gz(["due", "--today", "22-11-2026"])
        .arg(example(""))
        .run()
        .code(2)
        .stderr_has("write `2026-11-22`");
    gz(["due"])
        .arg(example(""))
        .env("GEZINSPLAN_TODAY", "morgen")
        .run()
        .code(2);
}

#[test]
fn the_table_marks_overdue_items_and_names_the_coordinator() {
    let out = gz(["due", "--today", "2026-11-22"]).arg(example("")).run();
    out.code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("DATE") && lines[0].contains("COORDINATOR"),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].starts_with("2026-11-20  OVERDUE 2d  Familie Visser  evaluate goal ilse-energie"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("Bram Kuipers <b.kuipers@wijkteam-oost.example>"));
    assert!(lines[2].contains("in 6d") && lines[2].contains("agreement ends: bram on finn-driftbuien"));
    assert_eq!(lines.len(), 8);
}

#[test]
fn the_horizon_can_be_weeks_or_months() {
    let weeks = gz([
        "due",
        "--today",
        "2026-11-22",
        "--within",
        "1w",
        "--format",
        "json",
    ])
    .arg(example(""))
    .run();
    assert_eq!(weeks.json().as_array().unwrap().len(), 2);
    let months = gz([
        "due",
        "--today",
        "2026-11-22",
        "--within",
        "1m",
        "--format",
        "json",
    ])
    .arg(example(""))
    .run();
    let kinds = items(&months.json());
    assert!(
        kinds
            .iter()
            .any(|r| r.4 == "rustige-ochtenden" && r.1 == "agreement_end" && r.2 == "2026-12-15")
    );
    assert!(kinds.iter().all(|r| r.2.as_str() <= "2026-12-22"));
    gz(["due", "--within", "3x"])
        .arg(example(""))
        .run()
        .code(2)
        .stderr_has("unknown unit");
}

#[test]
fn a_plan_without_evaluation_is_listed_last_and_closed_items_never() {
    let dir = temp();
    let plan = std::fs::read_to_string(fixture("valid/minimal.yaml"))
        .unwrap()
        .replace("next_evaluation: 2026-12-01\n", "")
        .replace("    end: 2026-12-01", "    end: 2026-11-01\n    status: done");
    std::fs::write(dir.path().join("open.yaml"), plan).unwrap();
    std::fs::copy(example("visser.yaml"), dir.path().join("visser.yaml")).unwrap();
    let out = gz(["due", "--today", "2026-11-22", "--format", "json"])
        .arg(dir.path())
        .run();
    let all = items(&out.json());
    assert_eq!(
        all.last().unwrap(),
        &row("open.yaml", "no_evaluation_planned", "-", "-", "-", "-")
    );
    assert!(
        !all.iter().any(|r| r.0 == "open.yaml" && r.1 == "agreement_end"),
        "done agreements are never listed"
    );
}

#[test]
fn a_broken_plan_is_reported_but_never_hides_the_others() {
    let dir = temp();
    std::fs::copy(example("visser.yaml"), dir.path().join("visser.yaml")).unwrap();
    std::fs::copy(
        fixture("invalid/unknown-goal.yaml"),
        dir.path().join("broken.yaml"),
    )
    .unwrap();
    for format in ["json", "table"] {
        let out = gz(["due", "--today", "2026-11-22", "--format", format])
            .arg(dir.path())
            .run();
        out.code(1)
            .stderr_has("broken.yaml: the plan has 1 error, so it is left out")
            .stdout_has("ilse-energie");
    }
}

#[test]
fn nothing_due_says_so() {
    let out = gz(["due", "--today", "2026-01-01", "--within", "1d"])
        .arg(example("jansen.yaml"))
        .run();
    out.code(0).stdout_has("Nothing due up to 2026-01-02.");
}
