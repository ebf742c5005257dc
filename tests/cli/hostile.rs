//! Odd and hostile input: every file gets a precise answer, quickly, and nothing crashes.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{Outcome, example, fixture, gz, temp};

/// Validates `path`, asserting the exit status, no panic, and that it finished quickly.
#[track_caller]
fn validate(path: &Path, code: i32) -> Outcome {
    let started = Instant::now();
    let out = gz(["validate", "--format", "json"]).arg(path).run();
    let took = started.elapsed();
    out.code(code);
    assert!(took < Duration::from_secs(5), "{} took {took:?}", path.display());
    out
}

/// The one diagnostic of a file: (line, column, message, help).
#[track_caller]
fn only(out: &Outcome) -> (u64, u64, String, String) {
    let all = out.json();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    let d = &all[0];
    (
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
        d["message"].as_str().unwrap().to_owned(),
        d["help"].as_str().unwrap_or("").to_owned(),
    )
}

fn without_file(out: &Outcome) -> serde_json::Value {
    let mut all = out.json();
    for d in all.as_array_mut().unwrap() {
        d.as_object_mut().unwrap().remove("file");
    }
    all
}

#[test]
fn crlf_and_a_byte_order_mark_read_exactly_like_plain_lf() {
    let lf = validate(&fixture("invalid/unknown-goal.yaml"), 1);
    for name in ["crlf.yaml", "bom.yaml"] {
        let other = validate(&fixture(&format!("hostile/{name}")), 1);
        assert_eq!(without_file(&other), without_file(&lf), "{name}");
    }
}

#[test]
fn utf16_is_refused_with_a_way_out() {
    let (line, _, message, help) = only(&validate(&fixture("hostile/utf16.yaml"), 1));
    assert_eq!(line, 1);
    assert_eq!(message, "the file is UTF-16 encoded; plans must be UTF-8");
    assert!(help.contains("save the file as UTF-8"));
}

#[test]
fn tabs_for_indentation_are_named() {
    let (line, column, message, help) = only(&validate(&fixture("hostile/tabs.yaml"), 1));
    assert_eq!((line, column), (3, 2));
    assert!(message.contains("tabs"), "{message}");
    assert_eq!(help, "indent with spaces, not tabs (two spaces per level)");
    let text = gz(["validate"]).arg(fixture("hostile/tabs.yaml")).run();
    text.code(1).stdout_has("3 |     name: Familie Test");
}

#[test]
fn several_documents_in_one_file_are_refused() {
    let (line, _, message, help) = only(&validate(&fixture("hostile/several-documents.yaml"), 1));
    assert_eq!(line, 26);
    assert!(message.contains("more than one YAML document"), "{message}");
    assert!(help.contains("one plan per file"));
}

#[test]
fn anchors_and_aliases_are_allowed_but_merge_keys_are_not() {
    validate(&fixture("hostile/anchors.yaml"), 0);
    let (line, column, message, help) = only(&validate(&fixture("hostile/merge-key.yaml"), 1));
    assert_eq!((line, column), (26, 5));
    assert_eq!(message, "merge keys (`<<`) are not supported in plans");
    assert!(help.contains("write the keys out in full"));
}

#[test]
fn an_alias_bomb_is_refused_fast() {
    let (_, _, message, _) = only(&validate(&fixture("hostile/alias-bomb.yaml"), 1));
    assert!(message.contains("alias bomb"), "{message}");
}

#[test]
fn nesting_five_thousand_levels_deep_is_refused() {
    let dir = temp();
    let flow = dir.path().join("flow.yaml");
    std::fs::write(
        &flow,
        format!("version: 1\nfamily: {}{}\n", "[".repeat(5000), "]".repeat(5000)),
    )
    .unwrap();
    let block = dir.path().join("block.yaml");
    std::fs::write(&block, format!("version: 1\nfamily:\n{}x\n", "- ".repeat(5000))).unwrap();
    for path in [flow, block] {
        let (_, _, message, _) = only(&validate(&path, 1));
        assert!(message.contains("more than 32 levels deep"), "{message}");
    }
}

#[test]
fn a_fifty_megabyte_file_is_refused_without_reading_it() {
    let dir = temp();
    let path = dir.path().join("big.yaml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let (_, _, message, _) = only(&validate(&path, 1));
    assert_eq!(message, "the file is 52.4 MB; plans are read up to 1024 KB");
}

#[test]
fn a_big_plan_on_standard_input_is_refused_too() {
    let started = Instant::now();
    let out = gz(["validate", "-"]).stdin(vec![b'#'; 2 * 1024 * 1024]).run();
    out.code(1)
        .stdout_has("<stdin>: error: the file is 1.0 MB; plans are read up to 1024 KB");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_ten_thousand_character_line_is_fine_as_text_but_not_as_a_key() {
    let dir = temp();
    let plan = std::fs::read_to_string(fixture("valid/minimal.yaml")).unwrap();
    let long_text = dir.path().join("text.yaml");
    std::fs::write(&long_text, plan.replace("Rust in huis.", &"R".repeat(10_000))).unwrap();
    validate(&long_text, 0);
    let long_key = dir.path().join("key.yaml");
    std::fs::write(&long_key, format!("{plan}{}: 1\n", "x".repeat(10_000))).unwrap();
    let (line, _, _, help) = only(&validate(&long_key, 1));
    assert_eq!(line, 26);
    assert!(help.contains("a key fits on one line"), "{help}");
    let text = gz(["validate"]).arg(&long_key).run();
    assert!(
        text.stdout.lines().all(|l| l.chars().count() < 300),
        "the source line is cut"
    );
}

#[cfg(unix)]
#[test]
fn a_plan_that_is_a_link_is_read_and_link_loops_are_not_followed() {
    let dir = temp();
    std::os::unix::fs::symlink(example("jansen.yaml"), dir.path().join("jansen.yaml")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("missing.yaml"), dir.path().join("dangling.yaml")).unwrap();
    validate(&dir.path().join("jansen.yaml"), 0);
    let started = Instant::now();
    let out = gz(["validate"]).arg(dir.path()).run();
    out.code(0).stderr_has("1 plan checked: no problems found");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_folder_named_like_a_plan_is_searched_not_read() {
    let dir = temp();
    let folder = dir.path().join("x.yaml");
    std::fs::create_dir(&folder).unwrap();
    gz(["validate"])
        .arg(&folder)
        .run()
        .code(0)
        .stderr_has("0 plans checked");
    std::fs::copy(fixture("valid/minimal.yaml"), folder.join("plan.yaml")).unwrap();
    gz(["validate"])
        .arg(dir.path())
        .run()
        .code(0)
        .stderr_has("1 plan checked");
    gz(["agenda"])
        .arg(&folder)
        .run()
        .code(2)
        .stderr_has("is a folder, not a plan file");
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let path = dir.path().join("locked.yaml");
    std::fs::copy(fixture("valid/minimal.yaml"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root, which reads anything: a file the kernel refuses to read instead.
        let out = gz(["validate", "/proc/self/mem"]).run();
        out.code(2).stderr_has("error: /proc/self/mem:");
    } else {
        let out = gz(["validate"]).arg(&path).run();
        out.code(2).stderr_has("locked.yaml: permission denied");
    }
}

#[test]
fn a_path_that_does_not_exist_is_an_io_error() {
    let out = gz(["validate", "no/such/plan.yaml"]).run();
    out.code(2)
        .stderr_has("error: no/such/plan.yaml: no such file or folder");
    gz(["due", "no/such/folder"])
        .run()
        .code(2)
        .stderr_has("no such file or folder");
    gz(["agenda", "no/such/plan.yaml"])
        .run()
        .code(2)
        .stderr_has("no such file or folder");
}

#[test]
fn a_closed_output_is_not_an_error() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gezinsplan"))
        .args(["due", "--today", "2026-11-22"])
        .arg(example(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the tool writes, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "quietly");
}

#[test]
fn writing_a_document_where_it_cannot_be_written_leaves_nothing() {
    let dir = temp();
    let missing = dir.path().join("nope/agenda.md");
    gz(["agenda", "--date", "2026-12-01", "-o"])
        .arg(&missing)
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("does not exist");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
