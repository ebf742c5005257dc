//! `gezinsplan init` and house style: a plans repository in one command, its hook, its templates.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{example, git, gz, root, temp};

/// Every file under `dir` (outside `.git/objects`) with its contents.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walk(dir) {
        let relative = entry.strip_prefix(dir).unwrap().display().to_string();
        if !relative.starts_with(".git/objects") && !relative.starts_with(".git/logs") {
            files.insert(relative, std::fs::read(&entry).unwrap());
        }
    }
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn init_makes_a_plans_repository_and_a_second_run_changes_nothing() {
    let dir = temp();
    let repo = dir.path().join("plannen");
    let out = gz(["init"]).arg(&repo).run();
    out.code(0)
        .stdout_has("created a git repository")
        .stdout_has("created .gitignore")
        .stdout_has("created gezinsplan.schema.json")
        .stdout_has("created README.md")
        .stdout_has("created plans/")
        .stdout_has("created the pre-commit hook");
    assert!(repo.join(".git").is_dir() && repo.join("plans").is_dir());
    let ignore = std::fs::read_to_string(repo.join(".gitignore")).unwrap();
    for line in ["out/", "*.eml", "*.ics"] {
        assert!(ignore.lines().any(|l| l == line), "{line} in .gitignore");
    }
    assert_eq!(
        std::fs::read_to_string(repo.join("gezinsplan.schema.json")).unwrap(),
        std::fs::read_to_string(root().join("schema/gezinsplan.schema.json")).unwrap()
    );
    let readme = std::fs::read_to_string(repo.join("README.md")).unwrap();
    assert!(
        readme.contains("gezinsplan validate plans") && readme.contains("Een nieuw plan"),
        "{readme}"
    );

    let before = snapshot(&repo);
    gz(["init"])
        .arg(&repo)
        .run()
        .code(0)
        .stdout_has("is complete; nothing to do");
    assert_eq!(snapshot(&repo), before, "a second run changes nothing");
}

#[test]
fn init_completes_but_never_overwrites() {
    let dir = temp();
    git(dir.path(), &["init", "--quiet"], None);
    std::fs::write(dir.path().join(".gitignore"), "target/\nout/").unwrap();
    std::fs::write(dir.path().join("README.md"), "Ons team\n").unwrap();
    std::fs::create_dir_all(dir.path().join(".git/hooks")).unwrap();
    std::fs::write(
        dir.path().join(".git/hooks/pre-commit"),
        "#!/bin/sh\necho eigen hook\n",
    )
    .unwrap();
    let out = gz(["init"]).arg(dir.path()).run();
    out.code(0)
        .stdout_has("added *.eml, *.ics to .gitignore")
        .stdout_has("kept README.md")
        .stdout_has("add the line `gezinsplan validate plans` to it yourself");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".gitignore")).unwrap(),
        "target/\nout/\n*.eml\n*.ics\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "Ons team\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".git/hooks/pre-commit")).unwrap(),
        "#!/bin/sh\necho eigen hook\n"
    );
}

#[test]
fn the_hook_refuses_a_plan_with_errors() {
    let dir = temp();
    gz(["init"]).arg(dir.path()).run().code(0);
    std::fs::copy(example("jansen.yaml"), dir.path().join("plans/jansen.yaml")).unwrap();
    git(dir.path(), &["add", "-A"], None);
    let good = git(dir.path(), &["commit", "--quiet", "-m", "plan"], None);
    assert!(good.status.success(), "{}", String::from_utf8_lossy(&good.stderr));
    let mut plan = std::fs::read_to_string(dir.path().join("plans/jansen.yaml")).unwrap();
    plan.push_str("agrements: []\n");
    std::fs::write(dir.path().join("plans/jansen.yaml"), plan).unwrap();
    git(dir.path(), &["add", "-A"], None);
    let bad = git(dir.path(), &["commit", "--quiet", "-m", "typo"], None);
    assert!(!bad.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&bad.stdout),
        String::from_utf8_lossy(&bad.stderr)
    );
    assert!(said.contains("did you mean `agreements`?"), "{said}");
}

#[test]
fn a_house_style_replaces_templates_file_by_file() {
    let dir = temp();
    gz(["init"]).arg(dir.path()).run().code(0);
    std::fs::copy(example("jansen.yaml"), dir.path().join("plans/jansen.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/layout.html"),
        "<!DOCTYPE html><html><head><title>{% block title %}{% endblock %}</title></head>\
         <body class=\"huisstijl-zuid\">{% block content %}{% endblock %}</body></html>",
    )
    .unwrap();
    // A picture beside the templates is left alone.
    std::fs::write(dir.path().join("templates/logo.png"), b"\x89PNG\r\n\x1a\n\xff").unwrap();
    let plan = dir.path().join("plans/jansen.yaml");
    let html = gz(["agenda", "--date", "2026-12-01", "--format", "html"])
        .arg(&plan)
        .run();
    html.code(0)
        .stdout_has("huisstijl-zuid")
        .stdout_has("Agenda evaluatiegesprek");
    // Markdown keeps the built-in template: only layout.html was replaced.
    gz(["agenda", "--date", "2026-12-01"])
        .arg(&plan)
        .run()
        .code(0)
        .stdout_has("# Agenda evaluatiegesprek");
    // --templates points elsewhere.
    let other = temp();
    std::fs::write(other.path().join("agenda.md"), "Eigen agenda voor {{ family }}\n").unwrap();
    gz(["agenda", "--date", "2026-12-01", "--templates"])
        .arg(other.path())
        .arg(&plan)
        .run()
        .code(0)
        .stdout_has("Eigen agenda voor Familie Jansen");
}

#[test]
fn a_broken_house_style_names_the_file_and_line_and_writes_nothing() {
    let dir = temp();
    std::fs::write(dir.path().join("agenda.md"), "# {{ title }}\n{{ family | }}\n").unwrap();
    let out_file = dir.path().join("agenda-out.md");
    let out = gz(["agenda", "--date", "2026-12-01", "-o"])
        .arg(&out_file)
        .args(&["--templates"])
        .arg(dir.path())
        .arg(example("jansen.yaml"))
        .run();
    out.code(2)
        .stderr_has(&format!("{}:", dir.path().join("agenda.md").display()))
        .stderr_has("agenda.md:2");
    assert!(!out_file.exists());
    std::fs::write(dir.path().join("agenda.md"), "{{ nergens }}\n").unwrap();
    gz(["agenda", "--date", "2026-12-01", "--templates"])
        .arg(dir.path())
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("Variable `nergens` is not defined");
    // A layout without the blocks the built-in documents fill in.
    std::fs::remove_file(dir.path().join("agenda.md")).unwrap();
    std::fs::write(
        dir.path().join("layout.html"),
        "<html>{% block content %}{% endblock %}</html>",
    )
    .unwrap();
    gz(["agenda", "--format", "html", "--templates"])
        .arg(dir.path())
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("Block `title` is not defined")
        .stderr_has("keep the blocks `title` and `content`");
}
