//! `gezinsplan stats`: figures for the region that name no one.

use crate::support::{example, gz, temp};

/// Ten plans full of marker texts that must never reach the figures.
fn region() -> tempfile::TempDir {
    let dir = temp();
    for i in 0..10 {
        let plan = std::fs::read_to_string(example(["jansen.yaml", "el-amrani.yaml"][i % 2]))
            .unwrap()
            .replace("Familie Jansen", &format!("Familie Markeringnaam{i}"))
            .replace("Familie El Amrani", &format!("Familie Markeringnaam{i}"))
            .replace("Sanne Jansen", "Markeringpersoon")
            .replace("We willen", "Markeringdoel");
        std::fs::write(dir.path().join(format!("plan-{i}.yaml")), plan).unwrap();
    }
    dir
}

#[test]
fn figures_name_no_one_in_any_format() {
    let dir = region();
    for format in ["table", "json", "md"] {
        let out = gz(["stats", "--today", "2026-11-22", "--format", format])
            .arg(dir.path())
            .run();
        out.code(0);
        for marker in [
            "Markering",
            "sanne",
            "rustige-ochtenden",
            "Petra",
            "Fatima",
            "plan-",
        ] {
            assert!(
                !out.stdout.contains(marker),
                "{marker} in the {format} figures:\n{}",
                out.stdout
            );
        }
    }
}

#[test]
fn the_figures_add_up() {
    let dir = region();
    let f = gz(["stats", "--today", "2026-11-22", "--format", "json"])
        .arg(dir.path())
        .run()
        .json();
    assert_eq!(f["plans"], 10);
    // Jansen has 4 goals, El Amrani 4: five plans each.
    assert_eq!(f["goals"], 40.0);
    assert_eq!(f["goals_by_status"]["achieved"], 5.0);
    assert_eq!(f["share_of_goals_achieved"], 0.125);
    assert_eq!(f["coordinated_by"]["parent"], 5.0);
    assert_eq!(f["coordinated_by"]["professional"], 5.0);
    assert_eq!(f["coordinated_by"]["informal"], "fewer_than_five_plans");
    assert_eq!(f["share_of_plans_with_evaluation_planned"], 1.0);
    assert_eq!(f["goals_by_domain"]["huisvesting"]["achieved"], 5);
}

#[test]
fn fewer_than_five_plans_are_not_broken_down_and_the_output_says_so() {
    let out = gz(["stats", "--today", "2026-11-22"]).arg(example("")).run();
    out.code(0)
        .stdout_has("Plannen")
        .stdout_has("niet getoond: minder dan 5 plannen")
        .stdout_has("Groepen van minder dan 5 plannen worden niet uitgesplitst");
    let json = gz(["stats", "--today", "2026-11-22", "--format", "json"])
        .arg(example(""))
        .run()
        .json();
    assert_eq!(json["plans"], 4);
    assert_eq!(json["goals"], "fewer_than_five_plans");
    assert_eq!(json["goals_by_domain"], serde_json::json!({}));
}
