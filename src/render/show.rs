//! The values the plan document templates (`show.md`, `show.html`) receive.

use std::collections::BTreeMap;

use serde::Serialize;

use super::agenda::plain_goal;
use super::labels;
use super::view::{EvaluationView, GoalView, PersonView, Scores, Style};
use crate::dates;
use crate::document::{DocGoal, PlanDocument};
use crate::plan::Meeting;

#[derive(Debug, Serialize)]
pub struct ShowView {
    pub lang: &'static str,
    /// "Gezinsplan".
    pub title: String,
    pub family: String,
    pub started: Option<String>,
    pub members: Vec<MemberView>,
    /// Only in the family's copy, like `strengths`.
    pub request: Option<String>,
    pub strengths: Vec<String>,
    /// Open goals in the family's order; then goals for later; then achieved and stopped ones.
    pub goals: Vec<GoalView>,
    pub later: Vec<GoalView>,
    pub closed: Vec<GoalView>,
    /// Evaluations of the whole plan (family's copy only), with their scores.
    pub whole_plan: Vec<EvaluationView>,
    pub whole_plan_scores: Scores,
    pub professionals: Vec<PersonView>,
    pub informal: Vec<PersonView>,
    pub coordinator: PersonView,
    pub coordination: Option<String>,
    pub held: Vec<MeetingView>,
    pub planned: Vec<MeetingView>,
    pub next_evaluation: Option<String>,
    pub t: BTreeMap<&'static str, String>,
}

#[derive(Debug, Serialize)]
pub struct MemberView {
    pub person: PersonView,
    pub born: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct MeetingView {
    /// "donderdag 10 september 2026".
    pub date: String,
    pub time: Option<String>,
    /// "rondetafelgesprek".
    pub kind: String,
    pub location: Option<String>,
    pub chair: Option<String>,
    /// Names of everyone at the table, as a sentence.
    pub attendees: String,
    /// Only in the family's copy.
    pub notes: Option<String>,
}

pub fn view(doc: &PlanDocument, style: &Style) -> ShowView {
    let plan = doc.plan;
    let goal = |g: &DocGoal| {
        let mut view = style.goal(g.goal, g.number);
        view.agreements = style.agreements(&g.agreements);
        view.evaluations = g.evaluations.iter().map(|e| style.evaluation(e)).collect();
        view.achieved_on = g.achieved_on.map(|d| style.date(d));
        view.set_scores(style.scores(&g.evaluations, &plain_goal(g.goal)));
        view
    };
    let meeting = |m: &Meeting| MeetingView {
        date: style.long_date(m.date),
        time: m.time.map(|t| dates::time_span(t, m.duration)),
        kind: labels::meeting_title(style.lang, m.kind).to_owned(),
        location: m.location.as_deref().map(|l| style.text(l)),
        chair: m
            .chair
            .as_deref()
            .map(|c| style.text(plan.name_of(c).unwrap_or(c))),
        attendees: style.names(&plan.attendees_of(m)),
        notes: m
            .notes
            .as_deref()
            .filter(|_| doc.untied_text)
            .map(|n| style.rich_block(n)),
    };
    let whole_plan_title = labels::labels(style.lang)["whole_plan"].to_lowercase();
    ShowView {
        lang: style.lang.code(),
        title: labels::labels(style.lang)["plan_title"].to_owned(),
        family: style.text(&plan.family.name),
        started: plan.started.map(|d| style.date(d)),
        members: doc
            .members
            .iter()
            .map(|m| MemberView {
                person: style.person(&m.id),
                born: m.born.map(|d| style.date(d)),
            })
            .collect(),
        request: plan
            .request
            .as_deref()
            .filter(|_| doc.untied_text)
            .map(|r| style.rich_block(r)),
        strengths: if doc.untied_text {
            plan.strengths.iter().map(|s| style.rich_inline(s)).collect()
        } else {
            Vec::new()
        },
        goals: doc.open.iter().map(goal).collect(),
        later: doc.later.iter().map(goal).collect(),
        closed: doc.closed.iter().map(goal).collect(),
        whole_plan: doc.whole_plan.iter().map(|e| style.evaluation(e)).collect(),
        whole_plan_scores: style.scores(&doc.whole_plan, &whole_plan_title),
        professionals: doc
            .network
            .iter()
            .filter(|p| p.professional)
            .map(|p| style.person(&p.id))
            .collect(),
        informal: doc
            .network
            .iter()
            .filter(|p| !p.professional)
            .map(|p| style.person(&p.id))
            .collect(),
        coordinator: style.person(&plan.coordinator),
        coordination: plan.coordination.as_deref().map(|c| style.rich_block(c)),
        held: doc.held.iter().map(|m| meeting(m)).collect(),
        planned: doc.planned.iter().map(|m| meeting(m)).collect(),
        next_evaluation: plan.next_evaluation.map(|d| style.long_date(d)),
        t: style.labels(),
    }
}
