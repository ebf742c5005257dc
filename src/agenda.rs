//! The agenda of one meeting as seen by one reader: which meeting, who is at the table, and the
//! parts of the meeting by audience (the goals everyone may discuss first, then one part per
//! group of people that may stay for the goals shared more narrowly).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::plan::{Agreement, AgreementStatus, Evaluation, Goal, GoalStatus, Meeting, MeetingKind, Plan};
use crate::sharing::Reader;

/// Which meeting an agenda is for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Choice<'p> {
    Planned(&'p Meeting),
    /// No meeting is planned: the next one, with the date still open.
    Unplanned,
}

/// `--date` named a day without a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoMeetingOn {
    pub date: NaiveDate,
    pub planned: Vec<NaiveDate>,
}

impl std::fmt::Display for NoMeetingOn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the plan has no meeting on {}", self.date)?;
        if self.planned.is_empty() {
            write!(f, "; it has no meetings at all (add one under `meetings:`)")
        } else {
            let dates: Vec<String> = self.planned.iter().map(NaiveDate::to_string).collect();
            write!(f, "; its meetings are on {}", dates.join(", "))
        }
    }
}

impl std::error::Error for NoMeetingOn {}

/// The meeting on `date`, else the first one on or after `today`, else an unplanned one.
pub fn choose(plan: &Plan, date: Option<NaiveDate>, today: NaiveDate) -> Result<Choice<'_>, NoMeetingOn> {
    if let Some(date) = date {
        return plan
            .meetings
            .iter()
            .find(|m| m.date == date)
            .map(Choice::Planned)
            .ok_or_else(|| NoMeetingOn {
                date,
                planned: plan.meetings.iter().map(|m| m.date).collect(),
            });
    }
    Ok(plan
        .meetings
        .iter()
        .filter(|m| m.date >= today)
        .min_by_key(|m| (m.date, m.time))
        .map_or(Choice::Unplanned, Choice::Planned))
}

#[derive(Debug, Clone)]
pub struct Agenda<'p> {
    pub kind: MeetingKind,
    pub meeting: Option<&'p Meeting>,
    /// The day the agenda looks from: the meeting's date, or today for an unplanned meeting.
    pub day: NaiveDate,
    /// Everyone at the table whom the reader may know of, in the plan's order.
    pub attendees: Vec<&'p str>,
    /// Whether the reader is at the table (a copy may be made for someone who is not).
    pub reader_attends: bool,
    pub chair: Option<&'p str>,
    /// What each person at the table contributes to the goals everyone discusses.
    pub introductions: Vec<Introduction<'p>>,
    /// The first part is with everyone; the others each with the people who may stay.
    pub parts: Vec<Part<'p>>,
    pub previous_meeting: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Introduction<'p> {
    pub person: &'p str,
    pub goals: Vec<&'p Goal>,
}

#[derive(Debug, Clone)]
pub struct Part<'p> {
    /// `None` for the part with everyone; else who stays (family members first).
    pub audience: Option<Vec<&'p str>>,
    /// Open goals in the family's order.
    pub goals: Vec<AgendaGoal<'p>>,
    /// Goals for later, apart.
    pub later: Vec<AgendaGoal<'p>>,
}

#[derive(Debug, Clone)]
pub struct AgendaGoal<'p> {
    pub goal: &'p Goal,
    /// Place in the reader's own list of goals (so a copy never shows gaps).
    pub number: usize,
    /// Open agreements on the goal that run past the meeting.
    pub agreements: Vec<&'p Agreement>,
    /// Agreements that ended after the previous meeting and up to this one.
    pub ended: Vec<&'p Agreement>,
    /// Evaluations with a scale score up to the meeting, oldest first.
    pub scores: Vec<&'p Evaluation>,
    /// `evaluate_by` is on or before the meeting.
    pub evaluation_due: bool,
}

/// Builds the agenda of `choice` for `reader`, as meeting `kind` (the meeting's own by default).
pub fn build<'p>(
    plan: &'p Plan,
    choice: Choice<'p>,
    kind: Option<MeetingKind>,
    reader: &Reader,
    today: NaiveDate,
) -> Agenda<'p> {
    let meeting = match choice {
        Choice::Planned(m) => Some(m),
        Choice::Unplanned => None,
    };
    let day = meeting.map_or(today, |m| m.date);
    let kind = kind.or(meeting.map(|m| m.kind)).unwrap_or_default();
    let at_table: Vec<&'p str> = meeting.map_or_else(|| plan.everyone(), |m| plan.attendees_of(m));
    let reader_attends = match reader {
        Reader::Family => true,
        Reader::Person(id) => at_table.contains(&id.as_str()),
    };
    let mut known = reader.known_people(plan);
    if reader_attends {
        known.extend(at_table.iter().map(|s| (*s).to_owned()));
    }
    let network_at_table: Vec<&'p str> = at_table
        .iter()
        .copied()
        .filter(|id| plan.person(id).is_some())
        .collect();
    let family_at_table: Vec<&'p str> = at_table
        .iter()
        .copied()
        .filter(|id| plan.member(id).is_some())
        .collect();

    let previous_meeting = plan.meetings.iter().map(|m| m.date).filter(|d| *d < day).max();

    // Goals the reader may see, in the family's order; each placed in the part of the people
    // who may stay for it.
    let visible: Vec<&'p Goal> = plan
        .goals_by_priority()
        .into_iter()
        .filter(|g| matches!(g.status, GoalStatus::Open | GoalStatus::Later))
        .filter(|g| reader.may_see(g))
        .collect();
    let mut parts: Vec<Part<'p>> = vec![Part {
        audience: None,
        goals: Vec::new(),
        later: Vec::new(),
    }];
    let mut keys: Vec<Option<Vec<&'p str>>> = vec![None];
    for goal in visible {
        let stays: Vec<&'p str> = network_at_table
            .iter()
            .copied()
            .filter(|p| goal.shared_with(p))
            .collect();
        let key = if stays.len() == network_at_table.len() {
            None
        } else {
            Some(stays)
        };
        let index = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                keys.push(key.clone());
                parts.push(Part {
                    audience: key.map(|stays| family_at_table.iter().copied().chain(stays).collect()),
                    goals: Vec::new(),
                    later: Vec::new(),
                });
                parts.len() - 1
            }
        };
        let item = agenda_goal(plan, goal, day, previous_meeting);
        if goal.status == GoalStatus::Later {
            parts[index].later.push(item);
        } else {
            parts[index].goals.push(item);
        }
    }
    // The reader's copy keeps only the parts they stay for.
    let keep = |part: &Part| match (&part.audience, reader) {
        (None, _) | (_, Reader::Family) => true,
        (Some(audience), Reader::Person(id)) => audience.contains(&id.as_str()),
    };
    parts.retain(|p| keep(p));
    renumber(&mut parts);

    let common: BTreeSet<&str> = parts[0]
        .goals
        .iter()
        .chain(&parts[0].later)
        .map(|g| g.goal.id.as_str())
        .collect();
    let attendees: Vec<&'p str> = at_table
        .iter()
        .copied()
        .filter(|id| known.contains(*id))
        .collect();
    let introductions = attendees
        .iter()
        .map(|person| Introduction {
            person,
            goals: plan
                .goals_by_priority()
                .into_iter()
                .filter(|g| common.contains(g.id.as_str()))
                .filter(|g| {
                    plan.agreements_for(&g.id)
                        .any(|a| a.who == *person && a.status == AgreementStatus::Open)
                })
                .collect(),
        })
        .collect();
    let chair = meeting
        .and_then(|m| m.chair.as_deref())
        .filter(|c| known.contains(*c));

    Agenda {
        kind,
        meeting,
        day,
        attendees,
        reader_attends,
        chair,
        introductions,
        parts,
        previous_meeting,
    }
}

/// Numbers the goals of this copy in the family's order of priority, across parts, so the
/// numbers say what comes first and a copy never shows a gap where a goal was left out.
fn renumber(parts: &mut [Part]) {
    let mut order: Vec<(u32, usize, usize)> = Vec::new();
    for (p, part) in parts.iter().enumerate() {
        for (g, goal) in part.goals.iter().enumerate() {
            order.push((goal.goal.priority, p, g));
        }
    }
    order.sort_unstable();
    for (number, (_, p, g)) in order.into_iter().enumerate() {
        parts[p].goals[g].number = number + 1;
    }
}

fn agenda_goal<'p>(
    plan: &'p Plan,
    goal: &'p Goal,
    day: NaiveDate,
    previous: Option<NaiveDate>,
) -> AgendaGoal<'p> {
    let agreements = plan
        .agreements_for(&goal.id)
        .filter(|a| a.status == AgreementStatus::Open && a.end > day)
        .collect();
    let ended = plan
        .agreements_for(&goal.id)
        .filter(|a| a.end <= day && previous.is_none_or(|p| a.end > p))
        .collect();
    let scores = plan
        .evaluations_of(&goal.id)
        .into_iter()
        .filter(|e| e.scale.is_some() && e.date <= day)
        .collect();
    AgendaGoal {
        goal,
        number: 0,
        agreements,
        ended,
        scores,
        evaluation_due: goal.evaluate_by.is_some_and(|d| d <= day),
    }
}
