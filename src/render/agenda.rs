//! The values the agenda templates (`agenda.md`, `agenda.html`) receive.

use std::collections::BTreeMap;

use serde::Serialize;

use super::labels;
use super::view::{GoalView, PersonView, Scores, Style};
use crate::agenda::{Agenda, AgendaGoal, Part};
use crate::dates;
use crate::plan::Keyword;
use crate::sharing::Reader;

#[derive(Debug, Serialize)]
pub struct AgendaView {
    pub lang: &'static str,
    /// `rondetafel`, `evaluatie` or `dialoogtafel`.
    pub kind: &'static str,
    /// "Agenda rondetafelgesprek".
    pub title: String,
    pub family: String,
    /// "donderdag 10 september 2026", or null when the date is still open.
    pub date: Option<String>,
    /// "09:30–11:00", or null.
    pub time: Option<String>,
    pub location: Option<String>,
    pub chair: Option<PersonView>,
    pub coordinator: PersonView,
    pub attendees: Vec<PersonView>,
    /// Names of the parents (family members at the table), as a sentence.
    pub parents: String,
    pub parents_count: usize,
    /// The help question; only in the family's copy.
    pub request: Option<String>,
    pub introductions: Vec<IntroductionView>,
    /// The first part is with everyone; `parts.length > 1` means the meeting is split.
    pub parts: Vec<PartView>,
    pub next_evaluation: Option<String>,
    pub previous_meeting: Option<String>,
    /// The meeting's notes; only in the family's copy.
    pub notes: Option<String>,
    /// Scale scores of the whole plan up to the meeting; only in the family's copy.
    pub whole_plan: Option<Scores>,
    pub t: BTreeMap<&'static str, String>,
}

#[derive(Debug, Serialize)]
pub struct IntroductionView {
    pub person: PersonView,
    /// "doel 1, doel 3": the goals they contribute to.
    pub goals: String,
}

#[derive(Debug, Serialize)]
pub struct PartView {
    pub number: usize,
    /// Who stays for this part, as a sentence; null for the part with everyone.
    pub audience: Option<String>,
    /// What the part is about: the life domains of its goals, else the goal numbers.
    pub topic: String,
    pub goals: Vec<GoalView>,
    pub later: Vec<GoalView>,
}

pub fn view(agenda: &Agenda, style: &Style, reader: &Reader) -> AgendaView {
    let plan = style.plan;
    let lang = style.lang;
    let meeting = agenda.meeting;
    let t = style.labels();
    let parents = plan.parents_among(&agenda.attendees);
    AgendaView {
        lang: lang.code(),
        kind: agenda.kind.as_str(),
        title: format!("{} {}", t["agenda"], labels::meeting_title(lang, agenda.kind)),
        family: style.text(&plan.family.name),
        date: meeting.map(|m| style.long_date(m.date)),
        time: meeting.and_then(|m| m.time.map(|t| dates::time_span(t, m.duration))),
        location: meeting.and_then(|m| m.location.as_deref()).map(|l| style.text(l)),
        chair: agenda.chair.map(|c| style.person(c)),
        coordinator: style.person(&plan.coordinator),
        attendees: agenda.attendees.iter().map(|id| style.person(id)).collect(),
        parents: style.names(&parents),
        parents_count: parents.len(),
        request: plan
            .request
            .as_deref()
            .filter(|_| reader.sees_untied_text())
            .map(|r| style.rich_block(r)),
        introductions: agenda
            .introductions
            .iter()
            .map(|i| IntroductionView {
                person: style.person(i.person),
                goals: i
                    .goals
                    .iter()
                    .filter_map(|g| number_of(agenda, &g.id))
                    .map(|n| format!("{} {n}", t["goal"].to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        parts: agenda
            .parts
            .iter()
            .enumerate()
            .map(|(i, part)| part_view(part, i + 1, style))
            .collect(),
        // An evaluation on the day of this meeting is this meeting: the next one is still to set.
        next_evaluation: plan
            .next_evaluation
            .filter(|d| *d > agenda.day)
            .map(|d| style.long_date(d)),
        previous_meeting: agenda.previous_meeting.map(|d| style.date(d)),
        notes: meeting
            .and_then(|m| m.notes.as_deref())
            .filter(|_| reader.sees_untied_text())
            .map(|n| style.rich_block(n)),
        whole_plan: reader
            .sees_untied_text()
            .then(|| whole_plan(agenda, style))
            .flatten(),
        t,
    }
}

fn number_of(agenda: &Agenda, goal: &str) -> Option<usize> {
    agenda
        .parts
        .iter()
        .flat_map(|p| &p.goals)
        .find(|g| g.goal.id == goal)
        .map(|g| g.number)
}

fn part_view(part: &Part, number: usize, style: &Style) -> PartView {
    let goal = |g: &AgendaGoal| {
        let mut view = style.goal(g.goal, g.number);
        view.agreements = style.agreements(&g.agreements);
        view.ended = style.agreements(&g.ended);
        view.evaluation_due = g.evaluation_due;
        view.set_scores(style.scores(&g.scores, &plain_goal(g.goal)));
        view
    };
    let mut domains: Vec<String> = Vec::new();
    for g in part.goals.iter().chain(&part.later) {
        if let Some(d) = g.goal.domain {
            let name = labels::domain(style.lang, d).to_owned();
            if !domains.contains(&name) {
                domains.push(name);
            }
        }
    }
    let topic = if domains.is_empty() {
        let word = labels::labels(style.lang)["goal"].to_lowercase();
        part.goals
            .iter()
            .map(|g| format!("{word} {}", g.number))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        labels::join_names(style.lang, &domains)
    };
    PartView {
        number,
        audience: part.audience.as_ref().map(|ids| style.names(ids)),
        topic: style.text(&topic),
        goals: part.goals.iter().map(goal).collect(),
        later: part.later.iter().map(goal).collect(),
    }
}

fn whole_plan(agenda: &Agenda, style: &Style) -> Option<Scores> {
    let mut evaluations: Vec<&crate::plan::Evaluation> = style
        .plan
        .evaluations
        .iter()
        .filter(|e| e.goal.is_none() && e.scale.is_some() && e.date <= agenda.day)
        .collect();
    evaluations.sort_by_key(|e| e.date);
    let subject = labels::labels(style.lang)["whole_plan"].to_lowercase();
    Some(style.scores(&evaluations, &subject)).filter(|s| !s.all.is_empty())
}

/// A goal's words as plain text, for the title of its chart.
pub(crate) fn plain_goal(goal: &crate::plan::Goal) -> String {
    goal.goal.split_whitespace().collect::<Vec<_>>().join(" ")
}
