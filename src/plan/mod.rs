//! The family plan: the domain model of the file format (spec `plan-format.md`, version 1).
//!
//! These types hold only plain data. [`load`] builds them from a YAML tree and reports what is
//! wrong with the file; [`check`] applies the rules that relate one part of a plan to another.

pub mod check;
pub mod load;
pub mod privacy;

use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the file format this tool reads and writes.
pub const FORMAT_VERSION: i64 = 1;

// The JSON Schema for editors (`gezinsplan schema`) is generated from these types: the doc
// comments are its descriptions (Dutch, then English), the attributes its rules.

/// Een gezinsplan (1Gezin1Plan): één plan per gezin. / A family plan (1Gezin1Plan): one plan per family.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, transform = crate::schema::require_version)]
pub struct Plan {
    /// Het gezin: naam en gezinsleden. / The family: name and members.
    pub family: Family,
    /// De hulpvraag van het gezin, in hun woorden. / The family's help question, in their words.
    pub request: Option<String>,
    /// Krachten en competenties van het gezin. / The family's strengths and competences.
    #[serde(default)]
    pub strengths: Vec<String>,
    /// Wanneer het plan begon (JJJJ-MM-DD). / When the plan started (YYYY-MM-DD).
    pub started: Option<NaiveDate>,
    /// Id van de zorgcoördinator: een gezinslid of iemand uit het netwerk. / Id of the care coordinator: a family member or a network person.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub coordinator: String,
    /// Hoe de afstemming geregeld is. / How coordination is arranged.
    pub coordination: Option<String>,
    /// Het netwerk van het gezin, professioneel en niet-professioneel. / The family's network, professional and informal.
    #[serde(default)]
    pub network: Vec<Person>,
    /// De doelen van het gezin. / The family's goals.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// De afsprakenlijst: per doel wie wat doet, van wanneer tot wanneer. / The agreements: per goal who does what, from when until when.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Rondetafelgesprekken, evaluaties en dialoogtafels, gehouden en gepland. / Round tables, evaluations and case reviews, held and planned.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Wanneer het hele plan weer geëvalueerd wordt (JJJJ-MM-DD). / When the whole plan is evaluated next (YYYY-MM-DD).
    pub next_evaluation: Option<NaiveDate>,
    /// Evaluaties, per doel of van het hele plan. / Evaluations, per goal or of the whole plan.
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
}

/// Ids are lowercase slugs: letters a-z, digits and `-`, starting with a letter or digit.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// Het gezin. / The family.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields)]
pub struct Family {
    /// De naam van het gezin, bijvoorbeeld "Familie Jansen". / The family's name, e.g. "Familie Jansen".
    pub name: String,
    /// De gezinsleden (minstens één). / The family members (at least one).
    #[schemars(length(min = 1))]
    pub members: Vec<Member>,
}

/// Een gezinslid. / A family member.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields)]
pub struct Member {
    /// Korte id, uniek in het plan, bijvoorbeeld "sanne". / Short id, unique in the plan, e.g. "sanne".
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Naam. / Name.
    pub name: String,
    /// Rol in het gezin, bijvoorbeeld moeder, vader, zoon. / Role in the family, e.g. mother, father, son.
    pub role: Option<String>,
    /// Geboortedatum (JJJJ-MM-DD). / Date of birth (YYYY-MM-DD).
    pub born: Option<NaiveDate>,
    /// E-mailadres. / E-mail address.
    pub email: Option<String>,
    /// Telefoonnummer. / Phone number.
    pub phone: Option<String>,
}

/// Iemand uit het netwerk van het gezin. / A person in the family's network.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields)]
pub struct Person {
    /// Korte id, uniek in het plan, bijvoorbeeld "petra". / Short id, unique in the plan, e.g. "petra".
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Naam. / Name.
    pub name: String,
    /// Relatie tot het gezin of functie. / Relation to the family or function.
    pub role: Option<String>,
    /// Organisatie. / Organisation.
    pub organisation: Option<String>,
    /// E-mailadres (nodig voor professionals). / E-mail address (needed for professionals).
    pub email: Option<String>,
    /// Telefoonnummer. / Phone number.
    pub phone: Option<String>,
    /// Professional (true) of eigen netwerk (false). / Professional (true) or informal network (false).
    #[serde(default)]
    pub professional: bool,
}

/// Een doel van het gezin. / A goal of the family.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields)]
pub struct Goal {
    /// Korte id, uniek onder de doelen. / Short id, unique among the goals.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Het doel in de woorden van het gezin. / The goal in the family's own words.
    pub goal: String,
    /// Ids van de gezinsleden van wie het doel is. / Ids of the family members whose goal it is.
    #[schemars(length(min = 1))]
    pub owners: Vec<String>,
    /// Volgorde van het gezin: 1 is het eerst. / The family's order: 1 comes first.
    #[schemars(range(min = 1, max = 999))]
    pub priority: u32,
    /// Levensgebied. / Life domain.
    pub domain: Option<Domain>,
    /// Stand van het doel (standaard open). / State of the goal (open by default).
    #[serde(default)]
    pub status: GoalStatus,
    /// Ids van mensen uit het netwerk die dit doel mogen zien; weglaten = het hele netwerk. / Ids of network people who may see this goal; absent = the whole network.
    pub share_with: Option<Vec<String>>,
    /// Uiterlijk te evalueren op (JJJJ-MM-DD). / To be evaluated by (YYYY-MM-DD).
    pub evaluate_by: Option<NaiveDate>,
}

/// Een afspraak: wie draagt wat bij aan een doel, van wanneer tot wanneer. / An agreement: who contributes what to a goal, from when until when.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields)]
pub struct Agreement {
    /// Id van het doel. / Id of the goal.
    pub goal: String,
    /// Id van wie het doet: een gezinslid of iemand uit het netwerk. / Id of who does it: a family member or network person.
    pub who: String,
    /// Wat er afgesproken is. / What was agreed.
    pub what: String,
    /// Begindatum (JJJJ-MM-DD). / Start date (YYYY-MM-DD).
    pub start: NaiveDate,
    /// Einddatum (JJJJ-MM-DD), niet voor de begindatum. / End date (YYYY-MM-DD), not before the start.
    pub end: NaiveDate,
    /// Stand van de afspraak (standaard open). / State of the agreement (open by default).
    #[serde(default)]
    pub status: AgreementStatus,
}

/// Een overleg. / A meeting.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields)]
pub struct Meeting {
    /// Datum (JJJJ-MM-DD). / Date (YYYY-MM-DD).
    pub date: NaiveDate,
    /// Soort overleg (standaard rondetafel). / Kind of meeting (rondetafel by default).
    #[serde(default)]
    pub kind: MeetingKind,
    /// Begintijd "UU:MM". / Start time "HH:MM".
    #[schemars(with = "Option<String>", regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    pub time: Option<NaiveTime>,
    /// Duur in minuten. / Duration in minutes.
    #[schemars(range(min = 1, max = 1440))]
    pub duration: Option<u32>,
    /// Id van de voorzitter. / Id of the chair.
    pub chair: Option<String>,
    /// Locatie. / Location.
    pub location: Option<String>,
    /// Ids van de aanwezigen; weglaten = het gezin en het hele netwerk. / Ids of those attending; absent = the family and the whole network.
    pub attendees: Option<Vec<String>>,
    /// Aantekeningen. / Notes.
    pub notes: Option<String>,
}

/// Een evaluatie, van een doel of van het hele plan. / An evaluation, of a goal or of the whole plan.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields)]
pub struct Evaluation {
    /// Datum (JJJJ-MM-DD). / Date (YYYY-MM-DD).
    pub date: NaiveDate,
    /// Id van het doel; weglaten = het hele plan. / Id of the goal; absent = the whole plan.
    pub goal: Option<String>,
    /// Schaalvraag: 0 (slechtst) tot 10 (best). / Scale question: 0 (worst) to 10 (best).
    #[schemars(range(min = 0, max = 10))]
    pub scale: Option<u8>,
    /// Uitkomst. / Outcome.
    pub outcome: Option<Outcome>,
    /// Aantekeningen. / Notes.
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

/// Levensgebied. / Life domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

    /// The parents among `ids`; the family members among them when no one has a parent's role;
    /// the whole family when none of them is there.
    pub fn parents_among<'a>(&'a self, ids: &[&'a str]) -> Vec<&'a str> {
        let parents: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| self.member(id).is_some_and(Member::is_parent))
            .collect();
        if !parents.is_empty() {
            return parents;
        }
        let family: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| self.member(id).is_some())
            .collect();
        if !family.is_empty() {
            return family;
        }
        self.family.members.iter().map(|m| m.id.as_str()).collect()
    }

    /// Ids of the family and then the network, in the order of the file.
    pub fn everyone(&self) -> Vec<&str> {
        self.family
            .members
            .iter()
            .map(|m| m.id.as_str())
            .chain(self.network.iter().map(|p| p.id.as_str()))
            .collect()
    }

    /// Ids of everyone at a meeting, in the order of the file; absent means family and network.
    pub fn attendees_of<'a>(&'a self, meeting: &'a Meeting) -> Vec<&'a str> {
        match &meeting.attendees {
            Some(ids) => ids.iter().map(String::as_str).collect(),
            None => self.everyone(),
        }
    }

    /// The e-mail address of a family member or network person, if the plan has one.
    pub fn email_of(&self, id: &str) -> Option<&str> {
        match self.member(id) {
            Some(m) => m.email.as_deref(),
            None => self.person(id).and_then(|p| p.email.as_deref()),
        }
    }
}

impl Member {
    /// Whether their role makes them a parent or carer: who opens a round table, and whom
    /// others check with beforehand. A grandparent is not.
    pub fn is_parent(&self) -> bool {
        const PARENT: &[&str] = &[
            "moeder",
            "vader",
            "ouder",
            "mama",
            "papa",
            "verzorger",
            "opvoeder",
            "mother",
            "father",
            "parent",
        ];
        let role = self.role.as_deref().unwrap_or("").to_lowercase();
        !role.contains("groot") && PARENT.iter().any(|word| role.contains(word))
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
