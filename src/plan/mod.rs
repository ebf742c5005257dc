//! The family plan: the domain model of the file format (spec `plan-format.md`, version 1).
//!
//! These types hold only plain data. [`load`] builds them from a YAML tree and reports what is
//! wrong with the file; [`check`] applies the rules that relate one part of a plan to another.

pub mod check;
pub mod load;
pub mod privacy;

use chrono::{NaiveDate, NaiveTime};

/// The version of the file format this tool reads and writes.
pub const FORMAT_VERSION: i64 = 1;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub family: Family,
    pub request: Option<String>,
    pub strengths: Vec<String>,
    pub started: Option<NaiveDate>,
    pub coordinator: String,
    pub coordination: Option<String>,
    pub network: Vec<Person>,
    pub goals: Vec<Goal>,
    pub agreements: Vec<Agreement>,
    pub meetings: Vec<Meeting>,
    pub next_evaluation: Option<NaiveDate>,
    pub evaluations: Vec<Evaluation>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Family {
    pub name: String,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub born: Option<NaiveDate>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub professional: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Goal {
    pub id: String,
    pub goal: String,
    pub owners: Vec<String>,
    pub priority: u32,
    pub domain: Option<Domain>,
    pub status: GoalStatus,
    /// `None`: the whole network may see the goal.
    pub share_with: Option<Vec<String>>,
    pub evaluate_by: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Agreement {
    pub goal: String,
    pub who: String,
    pub what: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub status: AgreementStatus,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meeting {
    pub date: NaiveDate,
    pub kind: MeetingKind,
    pub time: Option<NaiveTime>,
    pub duration: Option<u32>,
    pub chair: Option<String>,
    pub location: Option<String>,
    /// `None`: the family and the whole network.
    pub attendees: Option<Vec<String>>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    pub date: NaiveDate,
    /// `None`: an evaluation of the whole plan.
    pub goal: Option<String>,
    pub scale: Option<u8>,
    pub outcome: Option<Outcome>,
    pub notes: Option<String>,
}

/// A fixed set of words a key accepts, with the Dutch words people are likely to type instead.
pub trait Keyword: Sized + Copy + 'static {
    /// Every value with its spelling in the file.
    const ALL: &'static [(Self, &'static str)];
    /// Other spellings accepted as the same value.
    const ALIASES: &'static [(&'static str, Self)] = &[];
    /// Words that are not accepted but whose meaning is clear enough to name the right one.
    const HINTS: &'static [(&'static str, Self)] = &[];
    /// Words that are not accepted and need more than a word in return: (word, help).
    const NOTES: &'static [(&'static str, &'static str)] = &[];

    fn as_str(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::ALL.iter().find(|(v, _)| *v == self).map_or("", |(_, s)| s)
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(_, s)| *s == text)
            .map(|(v, _)| *v)
            .or_else(|| Self::ALIASES.iter().find(|(s, _)| *s == text).map(|(_, v)| *v))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
    Gezondheid,
    Opvoeding,
    Relatie,
    Huisvesting,
    Financien,
    School,
    Werk,
    VrijeTijd,
}

impl Keyword for Domain {
    const ALL: &'static [(Self, &'static str)] = &[
        (Domain::Gezondheid, "gezondheid"),
        (Domain::Opvoeding, "opvoeding"),
        (Domain::Relatie, "relatie"),
        (Domain::Huisvesting, "huisvesting"),
        (Domain::Financien, "financien"),
        (Domain::School, "school"),
        (Domain::Werk, "werk"),
        (Domain::VrijeTijd, "vrije-tijd"),
    ];
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("financiën", Domain::Financien),
        ("vrije tijd", Domain::VrijeTijd),
    ];
    const HINTS: &'static [(&'static str, Self)] = &[
        ("geld", Domain::Financien),
        ("schulden", Domain::Financien),
        ("wonen", Domain::Huisvesting),
        ("woning", Domain::Huisvesting),
        ("huis", Domain::Huisvesting),
        ("onderwijs", Domain::School),
        ("gezin", Domain::Opvoeding),
        ("ouderschap", Domain::Opvoeding),
        ("psychisch", Domain::Gezondheid),
        ("fysiek", Domain::Gezondheid),
        ("zorg", Domain::Gezondheid),
        ("arbeid", Domain::Werk),
        ("baan", Domain::Werk),
        ("hobby", Domain::VrijeTijd),
        ("sport", Domain::VrijeTijd),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GoalStatus {
    #[default]
    Open,
    Later,
    Achieved,
    Stopped,
}

impl Keyword for GoalStatus {
    const ALL: &'static [(Self, &'static str)] = &[
        (GoalStatus::Open, "open"),
        (GoalStatus::Later, "later"),
        (GoalStatus::Achieved, "achieved"),
        (GoalStatus::Stopped, "stopped"),
    ];
    const HINTS: &'static [(&'static str, Self)] = &[
        ("behaald", GoalStatus::Achieved),
        ("bereikt", GoalStatus::Achieved),
        ("gehaald", GoalStatus::Achieved),
        ("afgevinkt", GoalStatus::Achieved),
        ("klaar", GoalStatus::Achieved),
        ("gestopt", GoalStatus::Stopped),
        ("gestaakt", GoalStatus::Stopped),
        ("beëindigd", GoalStatus::Stopped),
        ("lopend", GoalStatus::Open),
        ("actief", GoalStatus::Open),
        ("nu", GoalStatus::Open),
        ("uitgesteld", GoalStatus::Later),
        ("straks", GoalStatus::Later),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AgreementStatus {
    #[default]
    Open,
    Done,
    Stopped,
}

impl Keyword for AgreementStatus {
    const ALL: &'static [(Self, &'static str)] = &[
        (AgreementStatus::Open, "open"),
        (AgreementStatus::Done, "done"),
        (AgreementStatus::Stopped, "stopped"),
    ];
    const HINTS: &'static [(&'static str, Self)] = &[
        ("klaar", AgreementStatus::Done),
        ("gedaan", AgreementStatus::Done),
        ("afgerond", AgreementStatus::Done),
        ("uitgevoerd", AgreementStatus::Done),
        ("behaald", AgreementStatus::Done),
        ("gestopt", AgreementStatus::Stopped),
        ("gestaakt", AgreementStatus::Stopped),
        ("lopend", AgreementStatus::Open),
        ("bezig", AgreementStatus::Open),
    ];
    const NOTES: &'static [(&'static str, &'static str)] = &[(
        "later",
        "an agreement that begins later stays `open`: give it a later `start` date",
    )];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MeetingKind {
    #[default]
    Rondetafel,
    Evaluatie,
    Dialoogtafel,
}

impl Keyword for MeetingKind {
    const ALL: &'static [(Self, &'static str)] = &[
        (MeetingKind::Rondetafel, "rondetafel"),
        (MeetingKind::Evaluatie, "evaluatie"),
        (MeetingKind::Dialoogtafel, "dialoogtafel"),
    ];
    const HINTS: &'static [(&'static str, Self)] = &[
        ("rondetafelgesprek", MeetingKind::Rondetafel),
        ("rondetafeloverleg", MeetingKind::Rondetafel),
        ("ronde tafel", MeetingKind::Rondetafel),
        ("evaluatiegesprek", MeetingKind::Evaluatie),
        ("evaluatie-gesprek", MeetingKind::Evaluatie),
        ("evaluation", MeetingKind::Evaluatie),
        ("dialoog", MeetingKind::Dialoogtafel),
        ("casusbespreking", MeetingKind::Dialoogtafel),
        ("round table", MeetingKind::Rondetafel),
        ("roundtable", MeetingKind::Rondetafel),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Continue,
    Achieved,
    Adjust,
    Stopped,
}

impl Keyword for Outcome {
    const ALL: &'static [(Self, &'static str)] = &[
        (Outcome::Continue, "continue"),
        (Outcome::Achieved, "achieved"),
        (Outcome::Adjust, "adjust"),
        (Outcome::Stopped, "stopped"),
    ];
    const HINTS: &'static [(&'static str, Self)] = &[
        ("behaald", Outcome::Achieved),
        ("bereikt", Outcome::Achieved),
        ("gehaald", Outcome::Achieved),
        ("afgevinkt", Outcome::Achieved),
        ("doorgaan", Outcome::Continue),
        ("voortzetten", Outcome::Continue),
        ("verder", Outcome::Continue),
        ("bijstellen", Outcome::Adjust),
        ("aanpassen", Outcome::Adjust),
        ("gestopt", Outcome::Stopped),
        ("stoppen", Outcome::Stopped),
        ("gestaakt", Outcome::Stopped),
    ];
    const NOTES: &'static [(&'static str, &'static str)] = &[(
        "later",
        "to put a goal off until later, set the goal's `status: later`; the outcome of this evaluation is then `adjust`",
    )];
}

impl Plan {
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.family.members.iter().find(|m| m.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.network.iter().find(|p| p.id == id)
    }

    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The name of a family member or network person, if the id is one.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.member(id)
            .map(|m| m.name.as_str())
            .or_else(|| self.person(id).map(|p| p.name.as_str()))
    }

    /// Goals in the family's order of priority; equal priorities keep the file's order.
    pub fn goals_by_priority(&self) -> Vec<&Goal> {
        let mut goals: Vec<&Goal> = self.goals.iter().collect();
        goals.sort_by_key(|g| g.priority);
        goals
    }

    pub fn agreements_for<'a>(&'a self, goal: &'a str) -> impl Iterator<Item = &'a Agreement> + 'a {
        self.agreements.iter().filter(move |a| a.goal == goal)
    }

    /// Evaluations of one goal, oldest first.
    pub fn evaluations_of(&self, goal: &str) -> Vec<&Evaluation> {
        let mut evaluations: Vec<&Evaluation> = self
            .evaluations
            .iter()
            .filter(|e| e.goal.as_deref() == Some(goal))
            .collect();
        evaluations.sort_by_key(|e| e.date);
        evaluations
    }

    /// Whether any goal still asks for work now (status `open`).
    pub fn has_open_goals(&self) -> bool {
        self.goals.iter().any(|g| g.status == GoalStatus::Open)
    }

    /// Ids of everyone at a meeting, in the order of the file; absent means family and network.
    pub fn attendees_of(&self, meeting: &Meeting) -> Vec<String> {
        match &meeting.attendees {
            Some(ids) => ids.clone(),
            None => self
                .family
                .members
                .iter()
                .map(|m| m.id.clone())
                .chain(self.network.iter().map(|p| p.id.clone()))
                .collect(),
        }
    }
}

impl Goal {
    /// Whether a network person may see and discuss this goal (family members see every goal).
    pub fn shared_with(&self, person: &str) -> bool {
        self.share_with
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|id| id == person))
    }
}
