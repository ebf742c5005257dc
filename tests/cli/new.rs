//! `gezinsplan new`: a commented plan that validates, never over an existing file.

use crate::support::{gz, temp};

#[test]
fn writes_a_commented_plan_that_validates() {
    let dir = temp();
    let out = gz([
        "new",
        "Familie Çelik-de Vries",
        "--member",
        "Ayşe Çelik:moeder",
        "--member",
        "Bram de Vries:vader",
        "--member",
        "Ayla",
        "--coordinator",
        "Petra de Vries",
        "--today",
        "2026-11-23",
        "--dir",
    ])
    .arg(dir.path())
    .run();
    let path = dir.path().join("familie-celik-de-vries.yaml");
    out.code(0);
    assert_eq!(out.stdout.trim(), path.display().to_string());
    let text = std::fs::read_to_string(&path).unwrap();
    for expected in [
        "name: \"Familie Çelik-de Vries\"",
        "- id: ayse\n      name: \"Ayşe Çelik\"\n      role: \"moeder\"",
        "- id: bram\n      name: \"Bram de Vries\"\n      role: \"vader\"",
        "- id: ayla\n      name: \"Ayla\"\n      # role: moeder",
        "coordinator: petra",
        "  - id: petra\n    name: \"Petra de Vries\"\n    professional: true",
        "started: 2026-11-23",
        "# Stap 1: contact maken.",
        "# Stap 2: hulpvraag vaststellen.",
        "# Stap 3: doelen opstellen.",
        "# Stap 4: netwerk inventariseren.",
        "# Stap 5: coördinator vaststellen.",
        "# Stap 6: uitnodigen voor het rondetafelgesprek.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // No errors; the one warning asks for the coordinator's e-mail address.
    gz(["validate"])
        .arg(&path)
        .run()
        .code(0)
        .stdout_has("professional `petra` has no e-mail address");
}

#[test]
fn without_members_the_plan_still_validates() {
    let dir = temp();
    gz(["new", "Familie Jansen", "--dir"])
        .arg(dir.path())
        .run()
        .code(0);
    let path = dir.path().join("familie-jansen.yaml");
    let out = gz(["validate", "--deny-warnings"]).arg(&path).run();
    out.code(0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("coordinator: ouder"), "{text}");
}

#[test]
fn a_member_who_is_named_coordinator_coordinates_as_member() {
    let dir = temp();
    gz([
        "new",
        "Familie Jansen",
        "--member",
        "Sanne Jansen:moeder",
        "--coordinator",
        "sanne jansen",
        "--dir",
    ])
    .arg(dir.path())
    .run()
    .code(0);
    let text = std::fs::read_to_string(dir.path().join("familie-jansen.yaml")).unwrap();
    assert!(
        text.contains("coordinator: sanne\n") && text.contains("network: []"),
        "{text}"
    );
}

#[test]
fn never_overwrites_an_existing_plan() {
    let dir = temp();
    let path = dir.path().join("familie-jansen.yaml");
    std::fs::write(&path, "bestaand plan\n").unwrap();
    let out = gz(["new", "Familie Jansen", "--dir"]).arg(dir.path()).run();
    out.code(2)
        .stderr_has(&format!("{} already exists", path.display()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "bestaand plan\n");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn a_folder_that_does_not_exist_is_an_error_and_creates_nothing() {
    let dir = temp();
    let missing = dir.path().join("nope/deeper");
    gz(["new", "Familie Jansen", "--dir"])
        .arg(&missing)
        .run()
        .code(2)
        .stderr_has("does not exist");
    assert!(!dir.path().join("nope").exists());
}

#[cfg(unix)]
#[test]
fn new_plans_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    gz(["new", "Familie Jansen", "--dir"])
        .arg(dir.path())
        .run()
        .code(0);
    let mode = std::fs::metadata(dir.path().join("familie-jansen.yaml"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_an_error_and_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
    // Root may write anywhere; /proc refuses new files even to root.
    let target = if std::fs::write(locked.join("probe"), "").is_ok() {
        std::fs::remove_file(locked.join("probe")).unwrap();
        std::path::PathBuf::from("/proc")
    } else {
        locked.clone()
    };
    gz(["new", "Familie Jansen", "--dir"])
        .arg(&target)
        .run()
        .code(2)
        .stderr_has("cannot write");
    if target == locked {
        assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0);
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn a_name_without_letters_is_refused() {
    let dir = temp();
    gz(["new", "!!!", "--dir"])
        .arg(dir.path())
        .run()
        .code(2)
        .stderr_has("cannot make a file name");
}
