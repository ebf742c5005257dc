//! What is due in one plan by a given day: the spec's `due` rules, pure and date-driven.

use chrono::NaiveDate;

use crate::plan::{AgreementStatus, GoalStatus, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A due item among those of many plans: with the plan it comes from and whom to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The plan's file, as the user named it.
    pub plan: String,
    pub family: String,
    pub coordinator: Contact,
    pub item: DueItem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
}

impl Entry {
    pub fn new(file: &str, plan: &Plan, item: DueItem) -> Entry {
        let email = plan
            .member(&plan.coordinator)
            .and_then(|m| m.email.clone())
            .or_else(|| plan.person(&plan.coordinator).and_then(|p| p.email.clone()));
        Entry {
            plan: file.to_owned(),
            family: plan.family.name.clone(),
            coordinator: Contact {
                name: plan
                    .name_of(&plan.coordinator)
                    .unwrap_or(&plan.coordinator)
                    .to_owned(),
                email,
            },
            item,
        }
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
            &e.plan,
            item.kind,
            item.goal.as_deref(),
            item.who.as_deref(),
            item.seq,
        )
    }
    entries.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// Everything in `plan` that is due on or before `last_day` (overdue items included), and a
/// plan with open goals but no evaluation planned. Closed goals and agreements never count,
/// nor do open agreements of a goal that is achieved or stopped: there is nothing left to do.
pub fn due(plan: &Plan, last_day: NaiveDate) -> Vec<DueItem> {
    let mut items = Vec::new();
    match plan.next_evaluation {
        Some(date) if date <= last_day => items.push(DueItem {
            kind: DueKind::PlanEvaluation,
            date: Some(date),
            goal: None,
            who: None,
            seq: 0,
        }),
        Some(_) => {}
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
            && date <= last_day
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
        if agreement.status == AgreementStatus::Open && goal_active && agreement.end <= last_day {
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
