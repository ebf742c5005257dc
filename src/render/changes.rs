//! The values the change report template (`diff.md`) receives: each change as a sentence.

use std::collections::BTreeMap;

use serde::Serialize;

use super::labels;
use super::view::Style;
use crate::changes::Change;
use crate::plan::{AgreementStatus, GoalStatus, Keyword, Plan};

#[derive(Debug, Serialize)]
pub struct ChangesView {
    pub family: String,
    /// What the plan is compared with, e.g. "a1b2c3d (2026-09-09)".
    pub since: String,
    /// What it is compared to: a revision, or null for the file as it is now.
    pub until: Option<String>,
    pub sections: Vec<Section>,
    pub t: BTreeMap<&'static str, String>,
}

#[derive(Debug, Serialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<String>,
}

/// `old` and `new` give the names and goal texts the changes refer to.
pub fn view(
    changes: &[Change],
    old: &Plan,
    new: &Plan,
    style: &Style,
    since: &str,
    until: Option<&str>,
) -> ChangesView {
    let t = labels::labels(style.lang);
    let name = |id: &str| style.text(new.name_of(id).or_else(|| old.name_of(id)).unwrap_or(id));
    let goal = |id: &str| {
        let text = new
            .goal(id)
            .or_else(|| old.goal(id))
            .map_or(id, |g| g.goal.as_str());
        format!("„{}”", style.rich_inline(text))
    };
    let goal_status = |s: &str| {
        GoalStatus::parse(s)
            .map_or(s, |s| labels::goal_status(style.lang, s))
            .to_owned()
    };
    let agreement_status = |s: &str| {
        AgreementStatus::parse(s)
            .map_or(s, |s| labels::agreement_status(style.lang, s))
            .to_owned()
    };
    let mut sections: Vec<(&str, Vec<String>)> = [
        "coordination",
        "network",
        "goals_short",
        "agreements_short",
        "evaluations",
    ]
    .into_iter()
    .map(|key| (key, Vec::new()))
    .collect();
    let mut add = |section: &str, item: String| {
        if let Some((_, items)) = sections.iter_mut().find(|(k, _)| *k == section) {
            items.push(item);
        }
    };
    for change in changes {
        match change {
            Change::CoordinatorChanged { from, to } => {
                add(
                    "coordination",
                    format!("{}: {} → {}", t["coordinator"], name(from), name(to)),
                );
            }
            Change::NextEvaluationChanged { from, to } => {
                let date =
                    |d: &Option<chrono::NaiveDate>| d.map_or(t["not_planned"].to_owned(), |d| style.date(d));
                add(
                    "coordination",
                    format!("{}: {} → {}", t["next_evaluation"], date(from), date(to)),
                );
            }
            Change::PersonJoined { person, family, .. } => {
                let what = if *family {
                    t["change_member_joined"]
                } else {
                    t["change_person_joined"]
                };
                add("network", format!("{what}: {}", name(person)));
            }
            Change::PersonLeft {
                name: who, family, ..
            } => {
                let what = if *family {
                    t["change_member_left"]
                } else {
                    t["change_person_left"]
                };
                add("network", format!("{what}: {}", style.text(who)));
            }
            Change::GoalAdded { text, .. } => add(
                "goals_short",
                format!("{}: „{}”", t["change_goal_added"], style.rich_inline(text)),
            ),
            Change::GoalRemoved { text, .. } => add(
                "goals_short",
                format!("{}: „{}”", t["change_goal_removed"], style.rich_inline(text)),
            ),
            Change::GoalReworded { from, to, .. } => add(
                "goals_short",
                format!(
                    "{}: „{}” → „{}”",
                    t["change_goal_reworded"],
                    style.rich_inline(from),
                    style.rich_inline(to)
                ),
            ),
            Change::GoalReprioritised { goal: id, from, to } => {
                add(
                    "goals_short",
                    format!("{}: {} {from} → {to}", goal(id), t["change_priority"]),
                );
            }
            Change::GoalStatus { goal: id, from, to } => {
                add(
                    "goals_short",
                    format!("{}: {} → {}", goal(id), goal_status(from), goal_status(to)),
                );
            }
            Change::AgreementAdded {
                goal: id,
                who,
                what,
                start,
                end,
            } => add(
                "agreements_short",
                format!(
                    "{} ({}): {}: {} ({} – {})",
                    t["change_agreement_added"],
                    goal(id),
                    name(who),
                    style.rich_inline(what),
                    style.date(*start),
                    style.date(*end)
                ),
            ),
            Change::AgreementRemoved { goal: id, who, what } => add(
                "agreements_short",
                format!(
                    "{} ({}): {}: {}",
                    t["change_agreement_removed"],
                    goal(id),
                    name(who),
                    style.rich_inline(what)
                ),
            ),
            Change::AgreementChanged {
                goal: id,
                who,
                changed,
                ..
            } => {
                let fields: Vec<String> = changed
                    .iter()
                    .map(|c| {
                        let label = t[match c.field {
                            "what" => "change_field_what",
                            "start" => "change_field_start",
                            _ => "change_field_end",
                        }];
                        format!("{label} {} → {}", style.text(&c.from), style.text(&c.to))
                    })
                    .collect();
                add(
                    "agreements_short",
                    format!(
                        "{} ({}), {}: {}",
                        t["change_agreement_changed"],
                        goal(id),
                        name(who),
                        fields.join("; ")
                    ),
                );
            }
            Change::AgreementStatus {
                goal: id,
                who,
                what,
                from,
                to,
            } => add(
                "agreements_short",
                format!(
                    "{} ({}), {}: {}: {} → {}",
                    t["change_agreement_status"],
                    goal(id),
                    name(who),
                    style.rich_inline(what),
                    agreement_status(from),
                    agreement_status(to)
                ),
            ),
            Change::EvaluationAdded {
                date,
                goal: id,
                scale,
                outcome,
            } => {
                let subject = id.as_deref().map_or_else(|| t["whole_plan"].to_lowercase(), goal);
                let mut item = format!("{} {}: {subject}", t["change_evaluation"], style.date(*date));
                if let Some(scale) = scale {
                    item.push_str(&format!(", {} {scale}", t["scale"]));
                }
                if let Some(outcome) = outcome.as_deref().and_then(crate::plan::Outcome::parse) {
                    item.push_str(&format!(", {}", labels::outcome(style.lang, outcome)));
                }
                add("evaluations", item);
            }
        }
    }
    ChangesView {
        family: style.text(&new.family.name),
        since: style.text(since),
        until: until.map(|u| style.text(u)),
        sections: sections
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(key, items)| Section {
                title: t[key].to_owned(),
                items,
            })
            .collect(),
        t: style.labels(),
    }
}
