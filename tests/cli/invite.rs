//! `gezinsplan invite` and `due --format ics`, read back with parsers this project did not
//! write: Python's `email` package and the `icalendar` package.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::{example, fixture, gz, python, read_with_python, temp};

fn drafts(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Every text in a mail, decoded: bodies, attachments, calendar.
fn all_text(mail: &Value) -> String {
    mail["parts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn part<'a>(mail: &'a Value, filename_end: &str) -> &'a Value {
    mail["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["filename"].as_str().is_some_and(|f| f.ends_with(filename_end)))
        .unwrap_or_else(|| panic!("no attachment *{filename_end} in {mail:#}"))
}

#[test]
fn one_draft_per_invitee_with_documents_and_calendar() {
    let Some(python) = python() else { return };
    let dir = temp();
    let out = gz(["invite", "--date", "2026-12-01", "--out"])
        .arg(dir.path())
        .arg(example("jansen.yaml"))
        .run();
    out.code(0)
        .stdout_has("skipped Daan (daan): no e-mail address in the plan")
        .stdout_has("skipped Oma Jansen (oma): no e-mail address in the plan")
        .stderr_has("nothing was sent");
    let files = drafts(dir.path());
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "2026-12-01-juf-anna.eml",
            "2026-12-01-kees.eml",
            "2026-12-01-petra.eml",
            "2026-12-01-sanne.eml"
        ]
    );
    let mails = read_with_python(&python, "eml", &files);
    let mut uids = Vec::new();
    for (mail, expected_to) in mails.as_array().unwrap().iter().zip([
        "Anna Bakker <a.bakker@regenboog.example>",
        "Kees Smit <k.smit@schuldhulp.example>",
        "Petra de Vries <petra@cjg.example>",
        "Sanne Jansen <sanne.jansen@example.nl>",
    ]) {
        assert_eq!(mail["defects"], serde_json::json!([]), "{mail:#}");
        let headers = &mail["headers"];
        assert_eq!(headers["From"], "Petra de Vries <petra@cjg.example>");
        assert_eq!(headers["To"], expected_to);
        assert_eq!(
            headers["Subject"],
            "Uitnodiging evaluatiegesprek Jansen, 1 december 2026"
        );
        assert_eq!(headers["Date"], "Tue, 01 Dec 2026 07:00:00 +0000");
        assert_eq!(headers["X-Unsent"], "1");
        assert!(headers["Message-ID"].as_str().unwrap().ends_with("@gezinsplan>"));
        let types: Vec<&str> = mail["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["type"].as_str().unwrap())
            .collect();
        assert_eq!(
            types,
            [
                "multipart/mixed",
                "multipart/alternative",
                "text/plain",
                "text/html",
                "text/html",
                "text/html",
                "text/calendar"
            ]
        );
        let text = mail["parts"][2]["text"].as_str().unwrap();
        for expected in [
            "dinsdag 1 december 2026, 14:00–15:30",
            "CJG Leiden, spreekkamer 2",
            "Petra de Vries (petra@cjg.example, 071 000 4455)",
        ] {
            assert!(text.contains(expected), "{expected:?} not in\n{text}");
        }
        assert!(
            part(mail, "agenda-2026-12-01.html")["text"]
                .as_str()
                .unwrap()
                .contains("Agenda evaluatiegesprek")
        );
        assert!(
            part(mail, "gezinsplan.html")["text"]
                .as_str()
                .unwrap()
                .contains("<h1>Gezinsplan</h1>")
        );
        let ics = part(mail, "uitnodiging.ics");
        assert_eq!(ics["method"], "REQUEST");
        let calendar = &ics["calendar"];
        assert_eq!(calendar["method"], "REQUEST");
        assert_eq!(calendar["timezones"], serde_json::json!(["Europe/Amsterdam"]));
        let event = &calendar["events"][0];
        assert_eq!(event["start"]["value"], "2026-12-01T14:00:00+01:00");
        assert_eq!(event["start"]["tzid"], "Europe/Amsterdam");
        assert_eq!(event["end"]["value"], "2026-12-01T15:30:00+01:00");
        assert_eq!(event["summary"], "Evaluatiegesprek Jansen");
        assert_eq!(event["location"], "CJG Leiden, spreekkamer 2");
        assert_eq!(event["organizer"], "mailto:petra@cjg.example");
        assert_eq!(event["organizer_cn"], "Petra de Vries");
        assert_eq!(
            event["attendees"],
            serde_json::json!([
                "mailto:sanne.jansen@example.nl",
                "mailto:petra@cjg.example",
                "mailto:a.bakker@regenboog.example",
                "mailto:k.smit@schuldhulp.example"
            ])
        );
        uids.push(event["uid"].as_str().unwrap().to_owned());
    }
    uids.dedup();
    assert_eq!(uids.len(), 1, "every invitee gets the same meeting");
}

#[test]
fn each_invitee_receives_only_what_is_shared_with_them() {
    let Some(python) = python() else { return };
    let dir = temp();
    gz(["invite", "--date", "2026-12-01", "--out"])
        .arg(dir.path())
        .arg(example("jansen.yaml"))
        .run()
        .code(0);
    let files = drafts(dir.path());
    let mails = read_with_python(&python, "eml", &files);
    let teacher = all_text(&mails[0]);
    assert!(teacher.contains("Juf Anna leest drie keer per week"));
    for hidden in [
        "schulden",
        "Schulden",
        "schuldregeling",
        "financiën",
        "financi&euml;n",
        "Hulpvraag",
        "Sanne vertelde",
    ] {
        assert!(!teacher.contains(hidden), "{hidden:?} in the teacher's mail");
    }
    let counsellor = all_text(&mails[1]);
    assert!(counsellor.contains("Kees vraagt een schuldregeling aan"));
    assert!(
        !counsellor.contains("Hulpvraag"),
        "the help question is the family's"
    );
    let mother = all_text(&mails[3]);
    assert!(mother.contains("Hulpvraag") && mother.contains("schuldregeling"));
    assert!(mother.contains("Hierbij de uitnodiging voor het evaluatiegesprek over jullie gezinsplan"));
    assert!(
        !mother.contains("contact opnemen met Sanne Jansen"),
        "the family does not check with itself"
    );
    assert!(teacher.contains("contact opnemen met Sanne Jansen om je komst te bevestigen"));
}

#[test]
fn drafts_are_byte_identical_and_only_replaced_with_force() {
    let (a, b) = (temp(), temp());
    for dir in [&a, &b] {
        gz(["invite", "--date", "2026-12-01", "--out"])
            .arg(dir.path())
            .arg(example("jansen.yaml"))
            .run()
            .code(0);
    }
    for (x, y) in drafts(a.path()).iter().zip(drafts(b.path())) {
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(&y).unwrap(),
            "{}",
            x.display()
        );
    }
    let target = a.path().join("2026-12-01-kees.eml");
    for file in drafts(a.path()) {
        std::fs::remove_file(file).unwrap();
    }
    std::fs::write(&target, "mine").unwrap();
    gz(["invite", "--date", "2026-12-01", "--out"])
        .arg(a.path())
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("2026-12-01-kees.eml already exists; nothing was written (add --force");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
    assert_eq!(
        drafts(a.path()),
        std::slice::from_ref(&target),
        "nothing else was written"
    );
    gz(["invite", "--date", "2026-12-01", "--force", "--out"])
        .arg(a.path())
        .arg(example("jansen.yaml"))
        .run()
        .code(0);
    assert_eq!(
        std::fs::read(&target).unwrap(),
        std::fs::read(b.path().join("2026-12-01-kees.eml")).unwrap()
    );
}

#[test]
fn names_beyond_ascii_summer_time_and_the_sender() {
    let Some(python) = python() else { return };
    let dir = temp();
    gz([
        "invite",
        "--date",
        "2026-11-26",
        "--from",
        "Bureau Zuid <bureau@wijk.example>",
        "--out",
    ])
    .arg(dir.path())
    .arg(example("el-amrani.yaml"))
    .run()
    .code(0);
    let files = drafts(dir.path());
    let mails = read_with_python(&python, "eml", &files);
    let to: Vec<&str> = mails
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["headers"]["To"].as_str().unwrap())
        .collect();
    assert!(to.iter().any(|t| t.starts_with("dokter Yıldız <")), "{to:?}");
    assert!(
        mails
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["headers"]["From"] == "Bureau Zuid <bureau@wijk.example>")
    );

    let dir = temp();
    gz(["invite", "--date", "2026-09-10", "--out"])
        .arg(dir.path())
        .arg(example("jansen.yaml"))
        .run()
        .code(0);
    let mails = read_with_python(&python, "eml", &drafts(dir.path()));
    let event = &part(&mails[0], ".ics")["calendar"]["events"][0];
    assert_eq!(
        event["start"]["value"], "2026-09-10T09:30:00+02:00",
        "summer time"
    );
    assert_eq!(event["end"]["value"], "2026-09-10T11:00:00+02:00");

    gz(["invite", "--from", "niet een adres", "--out"])
        .arg(dir.path())
        .arg(example("jansen.yaml"))
        .run()
        .code(2);
}

#[test]
fn a_meeting_without_a_time_is_a_whole_day() {
    let Some(python) = python() else { return };
    let dir = temp();
    let plan = dir.path().join("plan.yaml");
    let text = std::fs::read_to_string(fixture("valid/minimal.yaml")).unwrap()
        + "meetings:\n  - date: 2026-12-01\n    attendees: [sanne, petra]\n";
    std::fs::write(
        &plan,
        text.replace(
            "      role: moeder",
            "      role: moeder\n      email: sanne@example.nl",
        ),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    gz(["invite", "--today", "2026-11-01", "--out"])
        .arg(&out_dir)
        .arg(&plan)
        .run()
        .code(0);
    let mails = read_with_python(&python, "eml", &drafts(&out_dir));
    let event = &part(&mails[0], ".ics")["calendar"]["events"][0];
    assert_eq!(event["start"]["value"], "2026-12-01");
    assert_eq!(event["end"]["value"], "2026-12-02", "DTEND is exclusive");
}

#[test]
fn without_a_meeting_ahead_nothing_is_written() {
    let dir = temp();
    gz(["invite", "--today", "2027-06-01", "--out"])
        .arg(dir.path().join("out"))
        .arg(example("jansen.yaml"))
        .run()
        .code(2)
        .stderr_has("no meeting on or after 2027-06-01");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn due_as_a_calendar_to_import() {
    let Some(python) = python() else { return };
    let dir = temp();
    let mut plans = std::fs::read_to_string(fixture("valid/minimal.yaml")).unwrap();
    plans = plans.replace("next_evaluation: 2026-12-01\n", "");
    std::fs::write(dir.path().join("open.yaml"), plans).unwrap();
    for name in ["jansen.yaml", "visser.yaml"] {
        std::fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    let ics = dir.path().join("due.ics");
    let out = gz(["due", "--today", "2026-11-22", "--format", "ics"])
        .arg(dir.path())
        .run();
    out.code(0).stderr_has("Familie Test");
    assert!(
        out.stderr.contains("no evaluation planned; not in the calendar"),
        "{}",
        out.stderr
    );
    std::fs::write(&ics, &out.stdout).unwrap();
    let calendar = read_with_python(&python, "ics", std::slice::from_ref(&ics));
    let events = calendar["events"].as_array().unwrap();
    let json = gz(["due", "--today", "2026-11-22", "--format", "json"])
        .arg(dir.path())
        .run()
        .json();
    let dated = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["date"].is_null())
        .count();
    assert_eq!(events.len(), dated);
    let first = &events[0];
    assert_eq!(first["start"]["value"], "2026-11-20");
    assert_eq!(first["end"]["value"], "2026-11-21");
    assert_eq!(first["summary"], "Doel evalueren: ilse-energie (Visser)");
    assert!(
        first["description"]
            .as_str()
            .unwrap()
            .contains("Zorgcoördinator: Bram Kuipers <b.kuipers@wijkteam-oost.example>")
    );
    let mut uids: Vec<&str> = events.iter().map(|e| e["uid"].as_str().unwrap()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "each item its own UID");

    // The same items keep their UIDs on another day and from another folder.
    let later = gz(["due", "--today", "2026-11-25", "--format", "ics"])
        .arg(".")
        .dir(dir.path())
        .run();
    let before: Vec<&str> = out.stdout.lines().filter(|l| l.starts_with("UID:")).collect();
    let after: Vec<&str> = later.stdout.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(before, after);
}
