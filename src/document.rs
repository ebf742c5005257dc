//! The plan document ("het gezinsplan") as one reader may see it: the goals shared with them,
//! with their agreements and evaluations, the people in that material, and the meetings they
//! attend. What the family did not share is simply absent.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::plan::{Agreement, Evaluation, Goal, GoalStatus, Meeting, Member, Outcome, Person, Plan};
use crate::sharing::Reader;

#[derive(Debug, Clone)]
pub struct PlanDocument<'p> {
    pub plan: &'p Plan,
    pub members: Vec<&'p Member>,
    /// Goals in the family's order, grouped as the document shows them.
    pub open: Vec<DocGoal<'p>>,
    pub later: Vec<DocGoal<'p>>,
    pub closed: Vec<DocGoal<'p>>,
    /// Network people the reader may know of, in the plan's order.
    pub network: Vec<&'p Person>,
    /// Meetings the reader attends (all of them in the family's copy), oldest first.
    pub held: Vec<&'p Meeting>,
    pub planned: Vec<&'p Meeting>,
    /// Evaluations of the whole plan, oldest first; only in the family's copy.
    pub whole_plan: Vec<&'p Evaluation>,
    /// Whether free text not tied to a goal (request, strengths, notes) is shown.
    pub untied_text: bool,
}

#[derive(Debug, Clone)]
pub struct DocGoal<'p> {
    pub goal: &'p Goal,
    /// Place among the reader's open goals (0 for goals that are not open).
    pub number: usize,
    pub agreements: Vec<&'p Agreement>,
    /// Oldest first.
    pub evaluations: Vec<&'p Evaluation>,
    /// When the goal was ticked off: the last evaluation that found it achieved.
    pub achieved_on: Option<NaiveDate>,
}

/// The plan as `reader` may see it; `today` separates meetings held from meetings planned.
pub fn build<'p>(plan: &'p Plan, reader: &Reader, today: NaiveDate) -> PlanDocument<'p> {
    let mut open = Vec::new();
    let mut later = Vec::new();
    let mut closed = Vec::new();
    for goal in plan.goals_by_priority().into_iter().filter(|g| reader.may_see(g)) {
        let evaluations = plan.evaluations_of(&goal.id);
        let achieved_on = evaluations
            .iter()
            .rev()
            .find(|e| e.outcome == Some(Outcome::Achieved))
            .map(|e| e.date)
            .filter(|_| goal.status == GoalStatus::Achieved);
        let item = DocGoal {
            goal,
            number: 0,
            agreements: plan.agreements_for(&goal.id).collect(),
            evaluations,
            achieved_on,
        };
        match goal.status {
            GoalStatus::Open => open.push(DocGoal {
                number: open.len() + 1,
                ..item
            }),
            GoalStatus::Later => later.push(item),
            GoalStatus::Achieved | GoalStatus::Stopped => closed.push(item),
        }
    }

    let attends = |m: &Meeting| match reader {
        Reader::Family => true,
        Reader::Person(id) => m.attendees.as_ref().is_none_or(|ids| ids.contains(id)),
    };
    let mut meetings: Vec<&Meeting> = plan.meetings.iter().filter(|m| attends(m)).collect();
    meetings.sort_by_key(|m| (m.date, m.time));
    let (held, planned): (Vec<&Meeting>, Vec<&Meeting>) = meetings.into_iter().partition(|m| m.date < today);

    let mut known = reader.known_people(plan);
    for meeting in held.iter().chain(&planned) {
        known.extend(plan.attendees_of(meeting).into_iter().map(str::to_owned));
    }
    let known: BTreeSet<String> = known;

    let mut whole_plan: Vec<&Evaluation> = plan
        .evaluations
        .iter()
        .filter(|e| e.goal.is_none() && reader.sees_untied_text())
        .collect();
    whole_plan.sort_by_key(|e| e.date);

    PlanDocument {
        plan,
        members: plan.family.members.iter().collect(),
        open,
        later,
        closed,
        network: plan.network.iter().filter(|p| known.contains(&p.id)).collect(),
        held,
        planned,
        whole_plan,
        untied_text: reader.sees_untied_text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Family, Person};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_reader_sees_shared_goals_and_only_the_meetings_they_attend() {
        let plan = Plan {
            family: Family {
                name: "F".into(),
                members: vec![Member {
                    id: "sanne".into(),
                    ..Member::default()
                }],
            },
            coordinator: "sanne".into(),
            network: ["anna", "kees", "oma"]
                .map(|id| Person {
                    id: id.into(),
                    ..Person::default()
                })
                .to_vec(),
            goals: vec![
                Goal {
                    id: "school".into(),
                    priority: 1,
                    ..Goal::default()
                },
                Goal {
                    id: "geld".into(),
                    priority: 2,
                    share_with: Some(vec!["kees".into()]),
                    ..Goal::default()
                },
            ],
            agreements: vec![Agreement {
                goal: "geld".into(),
                who: "kees".into(),
                ..Agreement::default()
            }],
            meetings: vec![
                Meeting {
                    date: day(1),
                    attendees: Some(vec!["sanne".into(), "kees".into()]),
                    ..Meeting::default()
                },
                Meeting {
                    date: day(20),
                    attendees: Some(vec!["sanne".into(), "anna".into(), "oma".into()]),
                    ..Meeting::default()
                },
            ],
            evaluations: vec![Evaluation {
                date: day(2),
                ..Evaluation::default()
            }],
            ..Plan::default()
        };
        let anna = build(&plan, &Reader::Person("anna".into()), day(10));
        assert_eq!(
            anna.open.iter().map(|g| g.goal.id.as_str()).collect::<Vec<_>>(),
            ["school"]
        );
        assert!(anna.held.is_empty());
        assert_eq!(anna.planned.len(), 1);
        // Oma attends the planned meeting with Anna; Kees has only the debt goal.
        assert_eq!(
            anna.network.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["anna", "oma"]
        );
        assert!(anna.whole_plan.is_empty() && !anna.untied_text);

        let family = build(&plan, &Reader::Family, day(10));
        assert_eq!(family.open.len(), 2);
        assert_eq!(
            (family.held.len(), family.planned.len(), family.whole_plan.len()),
            (1, 1, 1)
        );
    }
}
