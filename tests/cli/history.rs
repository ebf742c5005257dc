//! `gezinsplan diff`: the history of a plan in the method's terms, read from real git
//! repositories made here.

use std::path::Path;

use crate::support::{self, example, gz, temp};

fn git(dir: &Path, args: &[&str], date: &str) {
    let out = support::git(dir, args, Some(date));
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with the Jansen plan committed before the round table of 2026-09-10, and
/// changed after it.
fn repository() -> tempfile::TempDir {
    let dir = temp();
    git(dir.path(), &["init", "--quiet"], "2026-09-01T10:00:00");
    let plan = std::fs::read_to_string(example("jansen.yaml")).unwrap();
    std::fs::write(dir.path().join("jansen.yaml"), &plan).unwrap();
    git(dir.path(), &["add", "jansen.yaml"], "2026-09-01T10:00:00");
    git(
        dir.path(),
        &["commit", "--quiet", "-m", "start"],
        "2026-09-01T10:00:00",
    );
    let changed = plan
        // The family puts reading first, ticks off swimming and Kees finishes the overview.
        .replace("    priority: 3\n", "    priority: 9\n")
        .replace(
            "    domain: vrije-tijd\n",
            "    domain: vrije-tijd\n    status: achieved\n",
        )
        .replace(
            "  - id: oma\n",
            "  - id: buurvrouw\n    name: Buurvrouw Els\n  - id: oma\n",
        )
        .replace(
            "Oma brengt Daan en Lotte op maandag en woensdag naar school.",
            "Oma brengt Daan en Lotte drie dagen per week naar school.",
        )
        .replace("coordinator: petra", "coordinator: sanne");
    std::fs::write(dir.path().join("jansen.yaml"), changed).unwrap();
    git(
        dir.path(),
        &["commit", "--quiet", "-am", "na het rondetafelgesprek"],
        "2026-09-12T10:00:00",
    );
    dir
}

#[test]
fn changes_since_a_revision_in_the_methods_terms() {
    let repo = repository();
    let plan = repo.path().join("jansen.yaml");
    let out = gz(["diff", "--since", "HEAD~1"]).arg(&plan).run();
    out.code(0)
        .stdout_has("# Wat is er veranderd — Familie Jansen")
        .stdout_has("- Zorgcoördinator: Petra de Vries → Sanne Jansen")
        .stdout_has("- Nieuw in het netwerk: Buurvrouw Els")
        .stdout_has(": prioriteit 3 → 9")
        .stdout_has(": loopt → behaald")
        .stdout_has("Afspraak gewijzigd");
    let json = gz(["diff", "--since", "HEAD~1", "--until", "HEAD", "--format", "json"])
        .arg(&plan)
        .run();
    let kinds: Vec<String> = json
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["change"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        // Goals in the family's new order: swimming (4) before reading (now 9).
        [
            "coordinator_changed",
            "person_joined",
            "goal_status",
            "goal_reprioritised",
            "agreement_changed"
        ]
    );
}

#[test]
fn since_the_last_meeting_uses_the_last_commit_before_it() {
    let repo = repository();
    let plan = repo.path().join("jansen.yaml");
    let meeting = gz([
        "diff",
        "--since-meeting",
        "--today",
        "2026-11-22",
        "--format",
        "json",
    ])
    .arg(&plan)
    .run();
    let revision = gz(["diff", "--since", "HEAD~1", "--format", "json"])
        .arg(&plan)
        .run();
    meeting.code(0);
    assert_eq!(meeting.stdout, revision.stdout);
    gz(["diff", "--since-meeting", "--today", "2026-09-01"])
        .arg(&plan)
        .run()
        .code(2)
        .stderr_has("no meeting before 2026-09-01");
}

#[test]
fn a_persons_copy_holds_only_what_is_shared_with_them() {
    let repo = repository();
    let plan = repo.path().join("jansen.yaml");
    let mut text = std::fs::read_to_string(&plan).unwrap();
    text = text.replace(
        "Kees vraagt een schuldregeling aan",
        "Kees regelt een schuldsanering",
    );
    std::fs::write(&plan, text).unwrap();
    let family = gz(["diff", "--since", "HEAD"]).arg(&plan).run();
    family.code(0).stdout_has("schuldsanering");
    let teacher = gz(["diff", "--since", "HEAD~1", "--for", "juf-anna"])
        .arg(&plan)
        .run();
    teacher.code(0).stdout_has("Zorgcoördinator");
    for hidden in ["schuld", "Buurvrouw"] {
        assert!(
            !teacher.stdout.contains(hidden),
            "{hidden} in\n{}",
            teacher.stdout
        );
    }
}

#[test]
fn clear_errors_outside_a_repository_and_for_unknown_revisions() {
    let repo = repository();
    let plan = repo.path().join("jansen.yaml");
    gz(["diff", "--since", "v9.9"])
        .arg(&plan)
        .run()
        .code(2)
        .stderr_has("unknown revision `v9.9`");
    // A revision that looks like an option stays a revision.
    gz(["diff", "--since=--output=/tmp/gezinsplan-hacked"])
        .arg(&plan)
        .run()
        .code(2)
        .stderr_has("unknown revision");
    assert!(!Path::new("/tmp/gezinsplan-hacked").exists());
    let outside = temp();
    std::fs::copy(example("jansen.yaml"), outside.path().join("jansen.yaml")).unwrap();
    gz(["diff", "--since", "HEAD"])
        .arg(outside.path().join("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("is not in a git repository");
    gz(["diff"]).arg(&plan).run().code(2);
}
