//! The cache of results inside a plans repository's `.git/`: only there, never stale, never
//! holding plan texts, and giving the same answers as no cache at all.

use std::path::Path;

use crate::support::{example, fixture, git, gz, temp};

fn repository_with(plans: &[(&str, &Path)]) -> tempfile::TempDir {
    let dir = temp();
    let out = git(dir.path(), &["init", "--quiet"], None);
    assert!(out.status.success());
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    for (name, source) in plans {
        std::fs::copy(source, dir.path().join("plans").join(name)).unwrap();
    }
    dir
}

fn cache_file(repo: &Path) -> std::path::PathBuf {
    repo.join(".git/gezinsplan/cache.bin")
}

#[test]
fn the_cache_lives_in_git_and_follows_every_change() {
    let repo = repository_with(&[
        ("a.yaml", &fixture("valid/minimal.yaml")),
        ("jansen.yaml", &example("jansen.yaml")),
    ]);
    let plans = repo.path().join("plans");
    gz(["validate"]).arg(&plans).run().code(0);
    assert!(
        cache_file(repo.path()).is_file(),
        "the cache is written inside .git"
    );

    let plan = plans.join("a.yaml");
    let original = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, original.replace("priority: 1", "priority: hoog")).unwrap();
    gz(["validate"])
        .arg(&plans)
        .run()
        .code(1)
        .stdout_has("`priority` should be a whole number");
    std::fs::write(&plan, &original).unwrap();
    gz(["validate"]).arg(&plans).run().code(0);

    // A new date is due at once, not when the cache forgets.
    let due = |today: &str| {
        gz(["due", "--today", today, "--format", "json"])
            .arg(&plans)
            .run()
            .json()
    };
    let before = due("2026-11-22");
    std::fs::write(
        &plan,
        original.replace("next_evaluation: 2026-12-01", "next_evaluation: 2026-11-23"),
    )
    .unwrap();
    let after = due("2026-11-22");
    assert_ne!(before, after);
    assert!(
        after
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["date"] == "2026-11-23")
    );
}

#[test]
fn answers_are_the_same_with_and_without_the_cache() {
    let repo = repository_with(&[
        ("jansen.yaml", &example("jansen.yaml")),
        ("visser.yaml", &example("visser.yaml")),
        ("broken.yaml", &fixture("invalid/unknown-goal.yaml")),
        ("warn.yaml", &fixture("invalid/warn-email.yaml")),
    ]);
    let plans = repo.path().join("plans");
    let outside = temp();
    for entry in std::fs::read_dir(&plans).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), outside.path().join(entry.file_name())).unwrap();
    }
    for args in [
        vec!["validate", "--format", "json"],
        vec!["validate"],
        vec!["due", "--today", "2026-11-22", "--format", "json"],
    ] {
        let cold = gz(&args).arg(&plans).run();
        let warm = gz(&args).arg(&plans).run();
        let none = gz(&args).arg(outside.path()).run();
        assert_eq!(cold.stdout, warm.stdout, "{args:?}");
        assert_eq!(cold.code, warm.code);
        let normalise = |s: &str, dir: &Path| s.replace(&dir.display().to_string(), "DIR");
        assert_eq!(
            normalise(&warm.stdout, &plans),
            normalise(&none.stdout, outside.path()),
            "{args:?}"
        );
    }
}

#[test]
fn no_cache_outside_a_git_repository() {
    let dir = temp();
    std::fs::copy(example("jansen.yaml"), dir.path().join("jansen.yaml")).unwrap();
    gz(["validate"]).arg(dir.path()).run().code(0);
    gz(["due", "--today", "2026-11-22"]).arg(dir.path()).run().code(0);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["jansen.yaml"], "nothing is written beside the plans");
}

#[test]
fn a_damaged_cache_is_ignored_and_replaced() {
    let repo = repository_with(&[("a.yaml", &fixture("invalid/unknown-goal.yaml"))]);
    let plans = repo.path().join("plans");
    std::fs::create_dir_all(repo.path().join(".git/gezinsplan")).unwrap();
    std::fs::write(cache_file(repo.path()), b"\xff\x00 not a cache").unwrap();
    gz(["validate"])
        .arg(&plans)
        .run()
        .code(1)
        .stdout_has("goal `rusd` is not a known goal");
    assert_ne!(
        std::fs::read(cache_file(repo.path())).unwrap(),
        b"\xff\x00 not a cache"
    );
    gz(["validate"])
        .arg(&plans)
        .run()
        .code(1)
        .stdout_has("goal `rusd` is not a known goal");
}

#[test]
fn the_cache_holds_no_plan_texts() {
    let repo = repository_with(&[("jansen.yaml", &example("jansen.yaml"))]);
    gz(["due", "--today", "2026-11-22"])
        .arg(repo.path().join("plans"))
        .run()
        .code(0);
    let cache = std::fs::read(cache_file(repo.path())).unwrap();
    let text = String::from_utf8_lossy(&cache);
    for secret in [
        "We willen dat de ochtenden",
        "Oma brengt Daan",
        "schulden af te betalen",
        "Sanne wil dat",
    ] {
        assert!(!text.contains(secret), "{secret} in the cache");
    }
    assert!(
        text.contains("Familie Jansen"),
        "the cache does hold what `due` prints"
    );
}
