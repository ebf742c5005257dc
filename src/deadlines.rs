//! What is due in one plan by a given day: the spec's `due` rules, pure and date-driven.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::{AgreementStatus, GoalStatus, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DueKind {
    PlanEvaluation,
    GoalEvaluation,
    AgreementEnd,
    NoEvaluationPlanned,
}

impl DueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DueKind::PlanEvaluation => "plan_evaluation",
            DueKind::GoalEvaluation => "goal_evaluation",
            DueKind::AgreementEnd => "agreement_end",
            DueKind::NoEvaluationPlanned => "no_evaluation_planned",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub kind: DueKind,
    /// `None` only for a plan without a planned evaluation.
    pub date: Option<NaiveDate>,
    pub goal: Option<String>,
    /// The person of an agreement.
    pub who: Option<String>,
    /// Which of several agreements of the same person on the same goal (0 for the first), so
    /// each item keeps its identity when dates change.
    pub seq: usize,
}

impl DueItem {
    /// Days from `today` to the item's date: negative when overdue.
    pub fn days(&self, today: NaiveDate) -> Option<i64> {
        self.date.map(|d| (d - today).num_days())
    }
}

/// Everything in one plan that can come due, whatever the day, with whom to ask: worked out
/// once per plan (and remembered in the cache), then filtered by a horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    pub family: String,
    pub coordinator: Contact,
    /// Every item that can come due; "no evaluation planned" has no date.
    pub items: Vec<DueItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
}

/// A due item among those of many plans: with the plan it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub plan: Arc<PlanRef>,
    pub item: DueItem,
}

/// The plan an item comes from; shared by all its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRef {
    /// The plan's file, as the user named it.
    pub file: String,
    pub family: String,
    pub coordinator: Contact,
}

impl Deadlines {
    pub fn of(plan: &Plan) -> Deadlines {
        let email = plan.email_of(&plan.coordinator).map(str::to_owned);
        Deadlines {
            family: plan.family.name.clone(),
            coordinator: Contact {
                name: plan
                    .name_of(&plan.coordinator)
                    .unwrap_or(&plan.coordinator)
                    .to_owned(),
                email,
            },
            items: candidates(plan),
        }
    }

    /// The items due on or before `last_day` (overdue ones included), and "no evaluation
    /// planned", which is always due.
    pub fn within(&self, last_day: NaiveDate) -> impl Iterator<Item = &DueItem> {
        self.items
            .iter()
            .filter(move |i| i.date.is_none_or(|d| d <= last_day))
    }

    /// The entries of this plan for a list across plans.
    pub fn entries(self, file: &str, last_day: NaiveDate) -> Vec<Entry> {
        let plan = Arc::new(PlanRef {
            file: file.to_owned(),
            family: self.family,
            coordinator: self.coordinator,
        });
        self.items
            .into_iter()
            .filter(|i| i.date.is_none_or(|d| d <= last_day))
            .map(|item| Entry {
                plan: Arc::clone(&plan),
                item,
            })
            .collect()
    }
}

/// Items with a date first, by date, then plan; then the plans without a planned evaluation.
pub fn sort(entries: &mut [Entry]) {
    fn key(
        e: &Entry,
    ) -> (
        bool,
        Option<NaiveDate>,
        &str,
        DueKind,
        Option<&str>,
        Option<&str>,
        usize,
    ) {
        let item = &e.item;
        (
            item.date.is_none(),
            item.date,
            &e.plan.file,
            item.kind,
            item.goal.as_deref(),
            item.who.as_deref(),
            item.seq,
        )
    }
    entries.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// Everything in `plan` that is due on or before `last_day` (overdue items included), and a
/// plan with open goals but no evaluation planned.
pub fn due(plan: &Plan, last_day: NaiveDate) -> Vec<DueItem> {
    Deadlines::of(plan).within(last_day).cloned().collect()
}

/// Every item of `plan` that can come due. Closed goals and agreements never count, nor do
/// open agreements of a goal that is achieved or stopped: there is nothing left to do.
fn candidates(plan: &Plan) -> Vec<DueItem> {
    let mut items = Vec::new();
    match plan.next_evaluation {
        Some(date) => items.push(DueItem {
            kind: DueKind::PlanEvaluation,
            date: Some(date),
            goal: None,
            who: None,
            seq: 0,
        }),
        None if plan.has_open_goals() => items.push(DueItem {
            kind: DueKind::NoEvaluationPlanned,
            date: None,
            goal: None,
            who: None,
            seq: 0,
        }),
        None => {}
    }
    let is_active = |status: GoalStatus| matches!(status, GoalStatus::Open | GoalStatus::Later);
    for goal in &plan.goals {
        if let Some(date) = goal.evaluate_by
            && is_active(goal.status)
        {
            items.push(DueItem {
                kind: DueKind::GoalEvaluation,
                date: Some(date),
                goal: Some(goal.id.clone()),
                who: None,
                seq: 0,
            });
        }
    }
    for (index, agreement) in plan.agreements.iter().enumerate() {
        let goal_active = plan.goal(&agreement.goal).is_none_or(|g| is_active(g.status));
        if agreement.status == AgreementStatus::Open && goal_active {
            items.push(DueItem {
                kind: DueKind::AgreementEnd,
                date: Some(agreement.end),
                goal: Some(agreement.goal.clone()),
                who: Some(agreement.who.clone()),
                seq: plan.agreements[..index]
                    .iter()
                    .filter(|a| a.goal == agreement.goal && a.who == agreement.who)
                    .count(),
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Agreement, Goal};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn plan() -> Plan {
        Plan {
            goals: vec![
                Goal {
                    id: "open".into(),
                    evaluate_by: Some(day(10)),
                    ..Goal::default()
                },
                Goal {
                    id: "later".into(),
                    status: GoalStatus::Later,
                    evaluate_by: Some(day(20)),
                    ..Goal::default()
                },
                Goal {
                    id: "done".into(),
                    status: GoalStatus::Achieved,
                    evaluate_by: Some(day(5)),
                    ..Goal::default()
                },
                Goal {
                    id: "far".into(),
                    evaluate_by: Some(day(30)),
                    ..Goal::default()
                },
            ],
            agreements: vec![
                Agreement {
                    goal: "open".into(),
                    who: "kees".into(),
                    end: day(12),
                    ..Agreement::default()
                },
                Agreement {
                    goal: "open".into(),
                    who: "oma".into(),
                    end: day(1),
                    status: AgreementStatus::Done,
                    ..Agreement::default()
                },
                Agreement {
                    goal: "done".into(),
                    who: "oma".into(),
                    end: day(2),
                    ..Agreement::default()
                },
            ],
            ..Plan::default()
        }
    }

    #[test]
    fn lists_what_falls_inside_the_horizon() {
        let items = due(&plan(), day(22));
        let kinds: Vec<(DueKind, Option<&str>)> = items.iter().map(|i| (i.kind, i.goal.as_deref())).collect();
        assert_eq!(
            kinds,
            vec![
                (DueKind::NoEvaluationPlanned, None),
                (DueKind::GoalEvaluation, Some("open")),
                (DueKind::GoalEvaluation, Some("later")),
                (DueKind::AgreementEnd, Some("open")),
            ]
        );
        assert_eq!(items[1].days(day(15)), Some(-5));
    }

    #[test]
    fn plan_evaluation_replaces_no_evaluation_planned() {
        let mut p = plan();
        p.next_evaluation = Some(day(25));
        assert!(!due(&p, day(22)).iter().any(|i| i.kind == DueKind::PlanEvaluation));
        assert!(
            !due(&p, day(22))
                .iter()
                .any(|i| i.kind == DueKind::NoEvaluationPlanned)
        );
        assert!(due(&p, day(25)).iter().any(|i| i.kind == DueKind::PlanEvaluation));
    }
}
