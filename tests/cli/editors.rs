//! For editors and shells: the JSON Schema (checked by an independent validator), the
//! schema line of new plans, completions and the manual page.

use std::path::PathBuf;

use crate::support::{example, fixture, gz, python, root, run_python, temp};

#[test]
fn the_committed_schema_is_the_generated_one() {
    let out = gz(["schema"]).run();
    out.code(0);
    let committed = std::fs::read_to_string(root().join("schema/gezinsplan.schema.json")).unwrap();
    assert!(
        out.stdout == committed,
        "schema/gezinsplan.schema.json is stale: run `cargo run -- schema > schema/gezinsplan.schema.json`"
    );
    let schema = out.json();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(
        schema["$defs"]["Meeting"]["properties"]["kind"]["$ref"],
        "#/$defs/MeetingKind"
    );
    let outcome: Vec<&str> = schema["$defs"]["Outcome"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(outcome, ["continue", "achieved", "adjust", "stopped"]);
    let hover = schema["$defs"]["Goal"]["properties"]["share_with"]["description"]
        .as_str()
        .unwrap();
    assert!(
        hover.contains("mogen zien") && hover.contains("may see"),
        "{hover}"
    );
}

#[test]
fn an_independent_validator_accepts_the_plans_and_rejects_broken_ones() {
    let Some(python) = python() else { return };
    let dir = temp();
    gz([
        "new",
        "Familie Nieuw",
        "--member",
        "Sanne:moeder",
        "--coordinator",
        "Petra",
        "--dir",
    ])
    .arg(dir.path())
    .run()
    .code(0);
    let mut valid: Vec<PathBuf> = std::fs::read_dir(example(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    valid.extend(
        std::fs::read_dir(fixture("valid"))
            .unwrap()
            .map(|e| e.unwrap().path()),
    );
    valid.push(dir.path().join("familie-nieuw.yaml"));
    valid.sort();
    let invalid: Vec<PathBuf> = [
        "unknown-key",
        "unknown-nested-key",
        "bad-date",
        "scale-range",
        "enum-typo",
        "missing-key",
        "version",
        "bad-id",
    ]
    .iter()
    .map(|name| fixture(&format!("invalid/{name}.yaml")))
    .collect();
    let args = std::iter::once(root().join("schema/gezinsplan.schema.json"))
        .chain(valid.iter().cloned())
        .chain(invalid.iter().cloned());
    let result = run_python(&python, "validate_schema.py", args);
    for path in &valid {
        let errors = &result[path.display().to_string()];
        assert_eq!(
            errors,
            &serde_json::json!([]),
            "{} should pass the schema",
            path.display()
        );
    }
    for path in &invalid {
        let errors = result[path.display().to_string()].as_array().unwrap();
        assert!(!errors.is_empty(), "{} should fail the schema", path.display());
    }
    assert!(
        result[fixture("invalid/unknown-key.yaml").display().to_string()][0]
            .as_str()
            .unwrap()
            .contains("'agrements' was unexpected")
    );
}

#[test]
fn new_plans_point_editors_at_the_schema() {
    let dir = temp();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("plans/team-a")).unwrap();
    gz(["new", "Familie Een", "--dir"])
        .arg(dir.path().join("plans/team-a"))
        .run()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("plans/team-a/familie-een.yaml")).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../gezinsplan.schema.json\n"),
        "{text}"
    );

    std::fs::write(dir.path().join("plans/gezinsplan.schema.json"), "{}").unwrap();
    gz(["new", "Familie Twee", "--dir"])
        .arg(dir.path().join("plans/team-a"))
        .run()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("plans/team-a/familie-twee.yaml")).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../gezinsplan.schema.json\n"),
        "{text}"
    );
}

#[test]
fn completions_and_the_manual_page() {
    for (shell, expected) in [
        ("bash", "_gezinsplan()"),
        ("zsh", "#compdef gezinsplan"),
        ("fish", "complete -c gezinsplan"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        gz(["completions", shell])
            .run()
            .code(0)
            .stdout_has(expected)
            .stdout_has("validate");
    }
    gz(["completions", "tcsh"]).run().code(2);
    gz(["man"])
        .run()
        .code(0)
        .stdout_has(".TH gezinsplan")
        .stdout_has("validate");
}
