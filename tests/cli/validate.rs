//! `gezinsplan validate`: every error class of the spec, warnings, formats and exit statuses.

use crate::support::{example, fixture, gz, temp};

/// One expected diagnostic: where it points, what it says, and how it helps.
struct Expect {
    fixture: &'static str,
    line: u64,
    column: u64,
    path: &'static str,
    severity: &'static str,
    message: &'static str,
    help: &'static str,
}

const fn e(
    fixture: &'static str,
    line: u64,
    column: u64,
    path: &'static str,
    message: &'static str,
    help: &'static str,
) -> Expect {
    Expect {
        fixture,
        line,
        column,
        path,
        severity: "error",
        message,
        help,
    }
}

const fn w(
    fixture: &'static str,
    line: u64,
    column: u64,
    path: &'static str,
    message: &'static str,
    help: &'static str,
) -> Expect {
    Expect {
        fixture,
        line,
        column,
        path,
        severity: "warning",
        message,
        help,
    }
}

#[rustfmt::skip]
const EXPECTED: &[Expect] = &[
    e("syntax", 22, 15, "", "mapping values are not allowed", "must be put in quotes"),
    e("missing-key", 15, 5, "goals[0].priority", "missing `priority` in a goal", "`priority: 1`"),
    e("unknown-key", 26, 1, "agrements", "unknown key `agrements` in the plan", "did you mean `agreements`?"),
    e("unknown-nested-key", 12, 5, "network[0].profesional", "unknown key `profesional`", "did you mean `professional`?"),
    e("wrong-type", 17, 13, "goals[0].owners", "`owners` should be a list, but this is text", "`owners: [sanne]`"),
    e("wrong-number", 18, 15, "goals[0].priority", "`priority` should be a whole number, but `hoog` is text", "from 1 to 999"),
    e("bad-date", 23, 12, "agreements[0].start", "`01-09-2026` is not written as YYYY-MM-DD", "write `2026-09-01`"),
    e("impossible-date", 24, 10, "agreements[0].end", "`2026-02-30` is not a real date (February 2026 has 28 days)", "YYYY-MM-DD"),
    e("timestamp", 25, 18, "next_evaluation", "is a date with a time of day", "write `2026-12-01`"),
    e("bad-id", 5, 11, "family.members[0].id", "id `Sanne Test` is not a valid id", "write `sanne-test`"),
    e("duplicate-id", 10, 9, "network[0].id", "id `sanne` is used twice (first at family.members[0])", "an id of their own"),
    e("duplicate-goal-id", 19, 9, "goals[1].id", "goal id `rust` is used twice", "an id of its own"),
    e("duplicate-key", 8, 7, "family.members[0].name", "key `name` appears twice in a family member (lines 6 and 8)", "keep one `name`"),
    e("unknown-goal", 20, 11, "agreements[0].goal", "goal `rusd` is not a known goal", "did you mean `rust`?"),
    e("unknown-coordinator", 8, 14, "coordinator", "coordinator `petr` is not a known", "did you mean `petra`?"),
    e("unknown-who", 21, 10, "agreements[0].who", "who `kees` is not a known family member or network person", "`family.members` or `network`"),
    e("unknown-chair", 28, 12, "meetings[0].chair", "chair `pietra` is not a known", "did you mean `petra`?"),
    e("unknown-attendee", 29, 31, "meetings[0].attendees[2]", "attendee `juf` is not a known", "`family.members` or `network`"),
    e("unknown-evaluation-goal", 28, 11, "evaluations[0].goal", "goal `rustt` is not a known goal", "did you mean `rust`?"),
    e("owner-in-network", 17, 21, "goals[0].owners[1]", "owner `petra` is in the network, not in the family", "name them in `owners`"),
    e("share-with-member", 19, 18, "goals[0].share_with[0]", "`sanne` is a family member; `share_with` names network people only", "remove them"),
    e("not-shared", 25, 10, "agreements[0].who", "`petra` has an agreement on goal `rust`, but the family did not share that goal with them", "add `petra` to the goal's `share_with`"),
    e("end-before-start", 24, 10, "agreements[0].end", "the agreement ends (2026-08-01) before it starts (2026-09-01)", "swap `start` and `end`"),
    e("scale-range", 29, 12, "evaluations[0].scale", "`scale` is 11, but it goes up to 10", "from 0 to 10"),
    e("enum-value", 19, 13, "goals[0].status", "unknown status `behaald`", "write `achieved`"),
    e("enum-typo", 19, 13, "goals[0].domain", "unknown domain `financieen`", "did you mean `financien`?"),
    e("enum-dutch", 28, 11, "meetings[0].kind", "unknown kind `rondetafelgesprek`", "for `rondetafelgesprek` write `rondetafel`"),
    e("enum-dutch", 32, 14, "evaluations[0].outcome", "unknown outcome `behaald`", "for `behaald` write `achieved`"),
    e("enum-dutch", 35, 14, "evaluations[1].outcome", "unknown outcome `later`", "set the goal's `status: later`"),
    e("enum-later", 25, 13, "agreements[0].status", "unknown status `later`", "give it a later `start` date"),
    e("dates", 8, 13, "family.members[0].born", "`1-9-2015` is not written as YYYY-MM-DD (day and month come after the year)", "write `2015-09-01`"),
    e("dates", 24, 12, "agreements[0].start", "`2026-9-1` is not written as YYYY-MM-DD (month and day have two digits)", "write `2026-09-01`"),
    e("dates", 25, 10, "agreements[0].end", "`morgen` is not a date", "write a date as YYYY-MM-DD, e.g. 2026-09-01"),
    e("version", 1, 10, "version", "unsupported format version `2`", "this tool reads version 1"),
    e("missing-version", 1, 1, "version", "missing `version`", "add `version: 1`"),
    e("no-members", 4, 12, "family.members", "the family has no members", "at least one family member"),
    e("empty", 1, 1, "", "the file is empty", "gezinsplan new"),
    e("only-comments", 1, 1, "", "the file is empty", "gezinsplan new"),
    e("list-at-top", 1, 1, "", "a plan is a map of keys", "`version: 1`"),
    e("scalar-at-top", 1, 1, "", "but the file holds text", "`version: 1`"),
    e("not-utf8", 3, 18, "", "the file is not valid UTF-8 (line 3, column 18)", "save the file as UTF-8"),
    w("warn-no-next-evaluation", 1, 1, "next_evaluation", "the plan has open goals but no `next_evaluation`", "add `next_evaluation: YYYY-MM-DD`"),
    w("warn-goal-without-agreement", 19, 5, "goals[1]", "open goal `later-doel` has no open agreement", "add an agreement"),
    w("warn-professional-without-email", 10, 5, "network[0]", "professional `petra` has no e-mail address", "add `email:`"),
    w("warn-same-priority", 22, 15, "goals[1].priority", "goals `rust` and `tweede` both have priority 1", "its own priority"),
    w("warn-attendee-sees-nothing", 36, 31, "meetings[1].attendees[2]", "`kees` is invited to the meeting of 2026-12-01, but may see none of the goals", "leave them out of `attendees`"),
    w("warn-not-invited", 21, 10, "agreements[0].who", "`petra` has an agreement on goal `rust`, but is not invited to the evaluation of 2026-12-01", "add `petra` to that meeting's `attendees`"),
    e("privacy-bsn", 1, 14, "", "`1112.22.333` looks like a citizen service number (BSN)", "a plan needs no BSN"),
    e("privacy-bsn", 23, 37, "agreements[0].what", "`111222333` looks like a citizen service number (BSN): nine digits that pass the eleven-test", "remove it"),
    w("privacy-contact", 22, 41, "agreements[0].what", "free text holds a phone number (`06-12345678`)", "belong in the person's `phone` or `email` field"),
    w("privacy-contact", 22, 61, "agreements[0].what", "free text holds an e-mail address (`petra@cjg.example`)", "belong in the person's `phone` or `email` field"),
    w("warn-email", 13, 12, "network[0].email", "`petra.cjg.example` does not look like an e-mail address", "naam@organisatie.nl"),
];

#[test]
fn every_error_class_points_at_the_offending_value_with_a_fix() {
    for expect in EXPECTED {
        let file = fixture(&format!("invalid/{}.yaml", expect.fixture));
        let out = gz(["validate", "--format", "json"]).arg(&file).run();
        out.code(if expect.severity == "error" { 1 } else { 0 });
        let all = out.json();
        let found = all
            .as_array()
            .expect("a JSON array")
            .iter()
            .find(|d| d["message"].as_str().is_some_and(|m| m.contains(expect.message)))
            .unwrap_or_else(|| {
                panic!(
                    "{}: no diagnostic with {:?} in {all:#}",
                    expect.fixture, expect.message
                )
            });
        let context = format!("{}: {found:#}", expect.fixture);
        assert_eq!(found["file"], file.display().to_string(), "{context}");
        assert_eq!(found["line"], expect.line, "{context}");
        assert_eq!(found["column"], expect.column, "{context}");
        assert_eq!(found["path"], expect.path, "{context}");
        assert_eq!(found["severity"], expect.severity, "{context}");
        let help = found["help"].as_str().unwrap_or("");
        assert!(help.contains(expect.help), "{context}");
    }
}

#[test]
fn every_invalid_fixture_is_covered_by_an_expectation() {
    let mut names: Vec<String> = std::fs::read_dir(fixture("invalid"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    for name in names {
        assert!(
            EXPECTED.iter().any(|e| e.fixture == name),
            "no expectation for invalid/{name}.yaml"
        );
    }
}

#[test]
fn a_value_reported_as_wrong_is_not_also_reported_missing() {
    let out = gz(["validate", "--format", "json"])
        .arg(fixture("invalid/timestamp.yaml"))
        .run();
    assert_eq!(out.json().as_array().unwrap().len(), 1, "{}", out.stdout);
}

#[test]
fn text_diagnostics_read_like_a_compiler() {
    let file = fixture("invalid/unknown-goal.yaml");
    let out = gz(["validate"]).arg(&file).run();
    out.code(1)
        .stdout_has(&format!(
            "{}:20:11: error: goal `rusd` is not a known goal\n",
            file.display()
        ))
        .stdout_has("20 |   - goal: rusd\n")
        .stdout_has("^^^^ agreements[0].goal")
        .stdout_has("= help: did you mean `rust`?")
        .stderr_has("1 plan checked: 1 error, 1 warning in 1 file");
    assert!(!out.stdout.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn colour_is_forced_by_clicolor_force_and_refused_by_no_color() {
    let file = fixture("invalid/unknown-goal.yaml");
    let forced = gz(["validate"]).arg(&file).env("CLICOLOR_FORCE", "1").run();
    assert!(forced.stdout.contains("\u{1b}["), "{}", forced.stdout);
    let both = gz(["validate"])
        .arg(&file)
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .run();
    assert!(!both.stdout.contains('\u{1b}'), "{}", both.stdout);
    let flag = gz(["validate", "--color", "always"]).arg(&file).run();
    assert!(flag.stdout.contains("\u{1b}["));
}

#[test]
fn examples_are_clean_even_with_deny_warnings() {
    let out = gz(["validate", "--deny-warnings"]).arg(example("")).run();
    out.code(0).stderr_has("4 plans checked: no problems found");
    assert_eq!(out.stdout, "");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let file = fixture("invalid/warn-email.yaml");
    gz(["validate"]).arg(&file).run().code(0).stdout_has("warning:");
    gz(["validate", "--deny-warnings"]).arg(&file).run().code(1);
}

#[test]
fn all_problems_in_all_files_in_one_run() {
    let out = gz(["validate", "--format", "json"]).arg(fixture("invalid")).run();
    out.code(1);
    let files: std::collections::BTreeSet<String> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .collect();
    let fixtures = std::fs::read_dir(fixture("invalid")).unwrap().count();
    assert_eq!(files.len(), fixtures, "every invalid fixture reports something");
}

#[test]
fn json_records_have_exactly_the_documented_keys() {
    let out = gz(["validate", "--format", "json"])
        .arg(fixture("invalid/version.yaml"))
        .run();
    let record = &out.json()[0];
    let mut keys: Vec<&str> = record.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["column", "file", "help", "line", "message", "path", "severity"]
    );
}

#[test]
fn walking_a_folder_skips_hidden_folders_and_target() {
    let dir = temp();
    let bad = std::fs::read(fixture("invalid/version.yaml")).unwrap();
    for sub in [".git", "target", ".hidden"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("plan.yaml"), &bad).unwrap();
    }
    std::fs::write(dir.path().join(".pre-commit-config.yaml"), "repos: []\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();
    std::fs::create_dir_all(dir.path().join("plans/sub")).unwrap();
    std::fs::copy(fixture("valid/minimal.yaml"), dir.path().join("plans/sub/a.yml")).unwrap();
    let out = gz(["validate"]).dir(dir.path()).run();
    out.code(0).stderr_has("1 plan checked: no problems found");
}

#[test]
fn a_missing_path_is_an_io_error_but_the_other_plans_are_still_checked() {
    let missing = fixture("valid/does-not-exist.yaml");
    let bad = fixture("invalid/version.yaml");
    let out = gz(["validate"]).arg(&missing).arg(&bad).run();
    out.code(2)
        .stderr_has("does-not-exist.yaml: no such file or folder")
        .stdout_has("unsupported format version");
}

#[test]
fn unknown_options_are_usage_errors() {
    gz(["validate", "--format", "xml"]).run().code(2);
    gz(["frobnicate"]).run().code(2);
}

#[test]
fn validation_does_not_depend_on_today() {
    let file = example("visser.yaml");
    let a = gz(["validate", "--format", "json"])
        .arg(&file)
        .env("GEZINSPLAN_TODAY", "2020-01-01")
        .run();
    let b = gz(["validate", "--format", "json"])
        .arg(&file)
        .env("GEZINSPLAN_TODAY", "2030-01-01")
        .run();
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.code, b.code);
}

#[test]
fn a_plan_on_standard_input_is_named_stdin() {
    let plan = std::fs::read(fixture("invalid/unknown-goal.yaml")).unwrap();
    let out = gz(["validate", "-"]).stdin(plan).run();
    out.code(1)
        .stdout_has("<stdin>:20:11: error: goal `rusd` is not a known goal");
    let good = std::fs::read(fixture("valid/minimal.yaml")).unwrap();
    gz(["validate", "--format", "json", "-"])
        .stdin(good)
        .run()
        .code(0)
        .stdout_has("[]");
}

#[test]
fn github_annotations_name_file_line_and_column() {
    let file = fixture("invalid/unknown-goal.yaml");
    let out = gz(["validate", "--format", "github"]).arg(&file).run();
    out.code(1);
    let name = file.display().to_string().replace(':', "%3A").replace(',', "%2C");
    assert_eq!(
        out.stdout.lines().nth(1).unwrap(),
        format!(
            "::error file={name},line=20,col=11,title=gezinsplan error::goal `rusd` is not a known goal \
             (at agreements[0].goal)%0Ahelp: did you mean `rust`?"
        )
    );
    assert!(
        out.stdout
            .lines()
            .next()
            .unwrap()
            .starts_with(&format!("::warning file={name},line=15,col=5,"))
    );
}

/// The SARIF 2.1.0 properties a consumer needs, checked against the standard's required fields.
#[test]
fn sarif_has_one_result_per_diagnostic_with_the_required_fields() {
    let file = fixture("invalid/unknown-goal.yaml");
    let text = gz(["validate", "--format", "json"]).arg(&file).run().json();
    let out = gz(["validate", "--format", "sarif"]).arg(&file).run();
    out.code(1);
    let sarif = out.json();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = sarif["runs"].as_array().expect("runs is required");
    assert_eq!(runs.len(), 1);
    assert_eq!(
        runs[0]["tool"]["driver"]["name"], "gezinsplan",
        "tool.driver.name is required"
    );
    let rules: Vec<&str> = runs[0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(results.len(), text.as_array().unwrap().len());
    for (result, diagnostic) in results.iter().zip(text.as_array().unwrap()) {
        assert!(
            result["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(diagnostic["message"].as_str().unwrap())
        );
        assert!(["none", "note", "warning", "error"].contains(&result["level"].as_str().unwrap()));
        assert!(rules.contains(&result["ruleId"].as_str().unwrap()));
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.ends_with("tests/fixtures/invalid/unknown-goal.yaml") && !uri.contains(' '));
        assert_eq!(location["region"]["startLine"], diagnostic["line"]);
        assert_eq!(location["region"]["startColumn"], diagnostic["column"]);
    }
    assert_eq!(
        results[1]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "agreements[0].goal"
    );
}

#[test]
fn numbers_that_fail_the_eleven_test_are_no_bsn() {
    let out = gz(["validate", "--deny-warnings"])
        .arg(fixture("valid/numbers-that-are-no-bsn.yaml"))
        .run();
    out.code(0);
    assert_eq!(out.stdout, "");
}
