//! Anonymous figures across many plans, for managers, municipalities and dialogue sessions:
//! how the method is practised. No name, id or text of any plan is in them, and no figure is
//! given for a group of fewer than [`MIN_GROUP`] plans, so no family can be recognised.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::{Domain, GoalStatus, Keyword, MeetingKind, Plan};

/// The smallest group of plans a figure is given for.
pub const MIN_GROUP: usize = 5;

/// A figure, or why it is not given.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figure {
    Value(f64),
    /// The group has fewer than [`MIN_GROUP`] plans (or none at all).
    Withheld(Withheld),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Withheld {
    FewerThanFivePlans,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub plans: usize,
    pub goals: Figure,
    /// Goals per life domain and status; a domain with goals in fewer than five plans is only
    /// counted in `other_goals`.
    pub goals_by_domain: BTreeMap<&'static str, BTreeMap<&'static str, usize>>,
    /// Goals in domains that occur in fewer than five plans, or without a domain.
    pub other_goals: Figure,
    pub goals_by_status: BTreeMap<&'static str, Figure>,
    pub share_of_goals_achieved: Figure,
    /// Median age in days of the plans that say when they started.
    pub median_plan_age_days: Figure,
    pub share_of_plans_with_evaluation_planned: Figure,
    /// Of the plans with a next evaluation, the share whose date has passed.
    pub share_of_evaluations_overdue: Figure,
    pub agreements_per_goal: Figure,
    /// Plans by who coordinates: a parent, another family member, the informal network, a professional.
    pub coordinated_by: BTreeMap<&'static str, Figure>,
    pub professionals_per_plan: Figure,
    pub round_tables_per_plan_per_year: Figure,
}

/// `group` plans stand behind the figure; below five it is withheld.
fn figure(group: usize, value: impl FnOnce() -> f64) -> Figure {
    if group < MIN_GROUP {
        Figure::Withheld(Withheld::FewerThanFivePlans)
    } else {
        let v = value();
        Figure::Value(if v.is_finite() {
            (v * 1000.0).round() / 1000.0
        } else {
            0.0
        })
    }
}

pub fn figures(plans: &[Plan], today: NaiveDate) -> Figures {
    let n = plans.len();
    let goals: Vec<_> = plans.iter().flat_map(|p| &p.goals).collect();
    let total_goals = goals.len();

    let mut goals_by_domain = BTreeMap::new();
    let mut other_goals = 0;
    for (domain, name) in Domain::ALL {
        let with_domain = plans
            .iter()
            .filter(|p| p.goals.iter().any(|g| g.domain == Some(*domain)))
            .count();
        let of_domain: Vec<_> = goals.iter().filter(|g| g.domain == Some(*domain)).collect();
        if with_domain >= MIN_GROUP {
            let mut by_status = BTreeMap::new();
            for (status, status_name) in GoalStatus::ALL {
                by_status.insert(
                    *status_name,
                    of_domain.iter().filter(|g| g.status == *status).count(),
                );
            }
            goals_by_domain.insert(*name, by_status);
        } else {
            other_goals += of_domain.len();
        }
    }
    other_goals += goals.iter().filter(|g| g.domain.is_none()).count();

    let mut goals_by_status = BTreeMap::new();
    for (status, name) in GoalStatus::ALL {
        let count = goals.iter().filter(|g| g.status == *status).count();
        goals_by_status.insert(*name, figure(n, || count as f64));
    }
    let achieved = goals.iter().filter(|g| g.status == GoalStatus::Achieved).count();

    let mut ages: Vec<i64> = plans
        .iter()
        .filter_map(|p| p.started)
        .map(|d| (today - d).num_days())
        .filter(|d| *d >= 0)
        .collect();
    ages.sort_unstable();
    let median = match ages.len() {
        0 => 0.0,
        len if len % 2 == 1 => ages[len / 2] as f64,
        len => (ages[len / 2 - 1] + ages[len / 2]) as f64 / 2.0,
    };

    let planned = plans
        .iter()
        .filter(|p| p.next_evaluation.is_some_and(|d| d >= today))
        .count();
    let with_evaluation: Vec<_> = plans.iter().filter_map(|p| p.next_evaluation).collect();
    let overdue = with_evaluation.iter().filter(|d| **d < today).count();
    let agreements: usize = plans.iter().map(|p| p.agreements.len()).sum();

    let mut coordinated_by = BTreeMap::new();
    for role in ["parent", "family", "informal", "professional"] {
        let count = plans.iter().filter(|p| coordinator_role(p) == role).count();
        coordinated_by.insert(role, figure(count, || count as f64));
    }
    let professionals: usize = plans
        .iter()
        .map(|p| p.network.iter().filter(|x| x.professional).count())
        .sum();

    let held: usize = plans
        .iter()
        .map(|p| {
            p.meetings
                .iter()
                .filter(|m| m.kind == MeetingKind::Rondetafel && m.date < today)
                .count()
        })
        .sum();
    let years: f64 = plans
        .iter()
        .filter_map(|p| p.started.or_else(|| p.meetings.iter().map(|m| m.date).min()))
        .map(|start| ((today - start).num_days().max(0) as f64) / 365.25)
        .sum();

    Figures {
        plans: n,
        goals: figure(n, || total_goals as f64),
        goals_by_domain: if n >= MIN_GROUP {
            goals_by_domain
        } else {
            BTreeMap::new()
        },
        other_goals: figure(n, || other_goals as f64),
        goals_by_status,
        share_of_goals_achieved: figure(n, || achieved as f64 / total_goals.max(1) as f64),
        median_plan_age_days: figure(ages.len(), || median),
        share_of_plans_with_evaluation_planned: figure(n, || planned as f64 / n.max(1) as f64),
        share_of_evaluations_overdue: figure(with_evaluation.len(), || {
            overdue as f64 / with_evaluation.len().max(1) as f64
        }),
        agreements_per_goal: figure(n, || agreements as f64 / total_goals.max(1) as f64),
        coordinated_by,
        professionals_per_plan: figure(n, || professionals as f64 / n.max(1) as f64),
        round_tables_per_plan_per_year: figure(n, || if years > 0.0 { held as f64 / years } else { 0.0 }),
    }
}

/// Who coordinates: the seeds say parental coordination is the aim.
fn coordinator_role(plan: &Plan) -> &'static str {
    if let Some(member) = plan.member(&plan.coordinator) {
        return if member.is_parent() { "parent" } else { "family" };
    }
    match plan.person(&plan.coordinator) {
        Some(person) if person.professional => "professional",
        _ => "informal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Family, Goal, Member};

    fn plan(domain: Domain) -> Plan {
        Plan {
            family: Family {
                name: "X".into(),
                members: vec![Member {
                    id: "m".into(),
                    role: Some("moeder".into()),
                    ..Member::default()
                }],
            },
            coordinator: "m".into(),
            goals: vec![Goal {
                id: "g".into(),
                domain: Some(domain),
                ..Goal::default()
            }],
            started: NaiveDate::from_ymd_opt(2026, 1, 1),
            ..Plan::default()
        }
    }

    #[test]
    fn small_groups_are_not_broken_down() {
        let today = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let four: Vec<Plan> = (0..4).map(|_| plan(Domain::School)).collect();
        let f = figures(&four, today);
        assert_eq!(f.goals, Figure::Withheld(Withheld::FewerThanFivePlans));
        assert!(f.goals_by_domain.is_empty());

        let mut six: Vec<Plan> = (0..5).map(|_| plan(Domain::School)).collect();
        six.push(plan(Domain::Werk));
        let f = figures(&six, today);
        assert_eq!(f.goals, Figure::Value(6.0));
        assert_eq!(f.goals_by_domain.keys().copied().collect::<Vec<_>>(), ["school"]);
        assert_eq!(f.other_goals, Figure::Value(1.0));
        assert_eq!(f.coordinated_by["parent"], Figure::Value(6.0));
        assert_eq!(
            f.coordinated_by["professional"],
            Figure::Withheld(Withheld::FewerThanFivePlans)
        );
        assert_eq!(f.median_plan_age_days, Figure::Value(181.0));
    }
}
