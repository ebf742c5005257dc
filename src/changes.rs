//! What changed between two versions of a plan, in the method's terms: goals set, reworded,
//! reprioritised, achieved or stopped; agreements made, changed, done or stopped; people who
//! joined or left; a new coordinator; new evaluations. Filtered by what the reader may see.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::{Agreement, AgreementStatus, Goal, GoalStatus, Keyword, Plan};
use crate::sharing::Reader;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    GoalAdded {
        goal: String,
        text: String,
    },
    GoalRemoved {
        goal: String,
        text: String,
    },
    GoalReworded {
        goal: String,
        from: String,
        to: String,
    },
    GoalReprioritised {
        goal: String,
        from: u32,
        to: u32,
    },
    GoalStatus {
        goal: String,
        from: String,
        to: String,
    },
    AgreementAdded {
        goal: String,
        who: String,
        what: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    AgreementRemoved {
        goal: String,
        who: String,
        what: String,
    },
    AgreementChanged {
        goal: String,
        who: String,
        what: String,
        changed: Vec<FieldChange>,
    },
    AgreementStatus {
        goal: String,
        who: String,
        what: String,
        from: String,
        to: String,
    },
    PersonJoined {
        person: String,
        name: String,
        family: bool,
    },
    PersonLeft {
        person: String,
        name: String,
        family: bool,
    },
    CoordinatorChanged {
        from: String,
        to: String,
    },
    EvaluationAdded {
        date: NaiveDate,
        goal: Option<String>,
        scale: Option<u8>,
        outcome: Option<String>,
    },
    NextEvaluationChanged {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub from: String,
    pub to: String,
}

/// The changes from `old` to `new` that `reader` may see, in the order of the plan.
pub fn changes(old: &Plan, new: &Plan, reader: &Reader) -> Vec<Change> {
    let mut out = Vec::new();
    let visible_new = |goal: &str| new.goal(goal).is_some_and(|g| reader.may_see(g));
    let visible_old = |goal: &str| old.goal(goal).is_some_and(|g| reader.may_see(g));

    if old.coordinator != new.coordinator {
        out.push(Change::CoordinatorChanged {
            from: old.coordinator.clone(),
            to: new.coordinator.clone(),
        });
    }
    people(old, new, reader, &mut out);
    for goal in new.goals_by_priority() {
        if !reader.may_see(goal) {
            continue;
        }
        match old.goal(&goal.id) {
            None => out.push(Change::GoalAdded {
                goal: goal.id.clone(),
                text: goal.goal.clone(),
            }),
            Some(before) => goal_changes(before, goal, &mut out),
        }
    }
    for goal in &old.goals {
        if new.goal(&goal.id).is_none() && reader.may_see(goal) {
            out.push(Change::GoalRemoved {
                goal: goal.id.clone(),
                text: goal.goal.clone(),
            });
        }
    }
    agreements(old, new, &visible_new, &visible_old, &mut out);
    for evaluation in &new.evaluations {
        let seen_before = old
            .evaluations
            .iter()
            .any(|e| e.date == evaluation.date && e.goal == evaluation.goal);
        let may_see = match &evaluation.goal {
            Some(goal) => visible_new(goal),
            None => reader.sees_untied_text(),
        };
        if !seen_before && may_see {
            out.push(Change::EvaluationAdded {
                date: evaluation.date,
                goal: evaluation.goal.clone(),
                scale: evaluation.scale,
                outcome: evaluation.outcome.map(|o| o.as_str().to_owned()),
            });
        }
    }
    if old.next_evaluation != new.next_evaluation {
        out.push(Change::NextEvaluationChanged {
            from: old.next_evaluation,
            to: new.next_evaluation,
        });
    }
    out
}

fn people(old: &Plan, new: &Plan, reader: &Reader, out: &mut Vec<Change>) {
    let known_new = reader.known_people(new);
    let known_old = reader.known_people(old);
    let ids = |plan: &Plan| -> Vec<(String, String, bool)> {
        plan.family
            .members
            .iter()
            .map(|m| (m.id.clone(), m.name.clone(), true))
            .chain(plan.network.iter().map(|p| (p.id.clone(), p.name.clone(), false)))
            .collect()
    };
    let (before, after) = (ids(old), ids(new));
    let before_ids: BTreeSet<&str> = before.iter().map(|(id, _, _)| id.as_str()).collect();
    let after_ids: BTreeSet<&str> = after.iter().map(|(id, _, _)| id.as_str()).collect();
    for (id, name, family) in &after {
        if !before_ids.contains(id.as_str()) && known_new.contains(id) {
            out.push(Change::PersonJoined {
                person: id.clone(),
                name: name.clone(),
                family: *family,
            });
        }
    }
    for (id, name, family) in &before {
        if !after_ids.contains(id.as_str()) && known_old.contains(id) {
            out.push(Change::PersonLeft {
                person: id.clone(),
                name: name.clone(),
                family: *family,
            });
        }
    }
}

fn goal_changes(before: &Goal, after: &Goal, out: &mut Vec<Change>) {
    if before.goal.trim() != after.goal.trim() {
        out.push(Change::GoalReworded {
            goal: after.id.clone(),
            from: before.goal.clone(),
            to: after.goal.clone(),
        });
    }
    if before.priority != after.priority {
        out.push(Change::GoalReprioritised {
            goal: after.id.clone(),
            from: before.priority,
            to: after.priority,
        });
    }
    if before.status != after.status {
        out.push(Change::GoalStatus {
            goal: after.id.clone(),
            from: status(before.status).into(),
            to: status(after.status).into(),
        });
    }
}

fn status(status: GoalStatus) -> &'static str {
    status.as_str()
}

/// Agreements have no id: the same person on the same goal, in the same order, is the same
/// agreement.
fn agreements(
    old: &Plan,
    new: &Plan,
    visible_new: &dyn Fn(&str) -> bool,
    visible_old: &dyn Fn(&str) -> bool,
    out: &mut Vec<Change>,
) {
    let keyed = |plan: &Plan| -> Vec<((String, String, usize), Agreement)> {
        plan.agreements
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let n = plan.agreements[..i]
                    .iter()
                    .filter(|b| b.goal == a.goal && b.who == a.who)
                    .count();
                ((a.goal.clone(), a.who.clone(), n), a.clone())
            })
            .collect()
    };
    let (before, after) = (keyed(old), keyed(new));
    for (key, a) in &after {
        if !visible_new(&a.goal) {
            continue;
        }
        let Some((_, b)) = before.iter().find(|(k, _)| k == key) else {
            out.push(Change::AgreementAdded {
                goal: a.goal.clone(),
                who: a.who.clone(),
                what: a.what.clone(),
                start: a.start,
                end: a.end,
            });
            continue;
        };
        let mut changed = Vec::new();
        if b.what.trim() != a.what.trim() {
            changed.push(FieldChange {
                field: "what",
                from: b.what.clone(),
                to: a.what.clone(),
            });
        }
        for (field, from, to) in [("start", b.start, a.start), ("end", b.end, a.end)] {
            if from != to {
                changed.push(FieldChange {
                    field,
                    from: from.to_string(),
                    to: to.to_string(),
                });
            }
        }
        if !changed.is_empty() {
            out.push(Change::AgreementChanged {
                goal: a.goal.clone(),
                who: a.who.clone(),
                what: a.what.clone(),
                changed,
            });
        }
        if b.status != a.status {
            out.push(Change::AgreementStatus {
                goal: a.goal.clone(),
                who: a.who.clone(),
                what: a.what.clone(),
                from: agreement_status(b.status).into(),
                to: agreement_status(a.status).into(),
            });
        }
    }
    for (key, b) in &before {
        if visible_old(&b.goal) && !after.iter().any(|(k, _)| k == key) {
            out.push(Change::AgreementRemoved {
                goal: b.goal.clone(),
                who: b.who.clone(),
                what: b.what.clone(),
            });
        }
    }
}

fn agreement_status(status: AgreementStatus) -> &'static str {
    status.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Evaluation, Family, Member, Person};

    fn plan() -> Plan {
        Plan {
            family: Family {
                name: "F".into(),
                members: vec![Member {
                    id: "sanne".into(),
                    name: "Sanne".into(),
                    ..Member::default()
                }],
            },
            coordinator: "petra".into(),
            network: ["petra", "kees", "anna"]
                .map(|id| Person {
                    id: id.into(),
                    name: id.into(),
                    ..Person::default()
                })
                .to_vec(),
            goals: vec![
                Goal {
                    id: "rust".into(),
                    goal: "Rust".into(),
                    priority: 1,
                    ..Goal::default()
                },
                Goal {
                    id: "geld".into(),
                    goal: "Geld".into(),
                    priority: 2,
                    share_with: Some(vec!["kees".into()]),
                    ..Goal::default()
                },
            ],
            agreements: vec![
                Agreement {
                    goal: "geld".into(),
                    who: "kees".into(),
                    what: "Overzicht".into(),
                    ..Agreement::default()
                },
                Agreement {
                    goal: "rust".into(),
                    who: "anna".into(),
                    what: "Lezen".into(),
                    ..Agreement::default()
                },
            ],
            ..Plan::default()
        }
    }

    #[test]
    fn changes_in_the_methods_terms() {
        let old = plan();
        let mut new = plan();
        new.goals[0].status = GoalStatus::Achieved;
        new.goals[1].priority = 1;
        new.goals[0].priority = 2;
        new.agreements[0].status = AgreementStatus::Done;
        new.agreements[1].what = "Voorlezen".into();
        new.network.push(Person {
            id: "oma".into(),
            name: "Oma".into(),
            ..Person::default()
        });
        new.evaluations.push(Evaluation {
            date: NaiveDate::MIN,
            goal: Some("geld".into()),
            scale: Some(6),
            ..Evaluation::default()
        });
        let all = changes(&old, &new, &Reader::Family);
        let kinds: Vec<String> = all
            .iter()
            .map(|c| {
                serde_json::to_value(c).unwrap()["change"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "person_joined",
                "goal_reprioritised",
                "goal_reprioritised",
                "goal_status",
                "agreement_status",
                "agreement_changed",
                "evaluation_added"
            ]
        );
    }

    #[test]
    fn a_reader_sees_only_changes_to_what_is_shared() {
        let old = plan();
        let mut new = plan();
        new.goals[1].status = GoalStatus::Achieved;
        new.agreements[0].status = AgreementStatus::Done;
        new.evaluations.push(Evaluation {
            date: NaiveDate::MIN,
            goal: None,
            scale: Some(6),
            ..Evaluation::default()
        });
        assert!(changes(&old, &new, &Reader::Person("anna".into())).is_empty());
        assert_eq!(changes(&old, &new, &Reader::Person("kees".into())).len(), 2);
        assert_eq!(changes(&old, &new, &Reader::Family).len(), 3);
    }
}
