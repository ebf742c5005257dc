//! Property test for the family's sharing decisions: random valid plans, every network person,
//! every document and every invitation mail. Nothing of a goal hidden from someone may reach
//! them; everything of a goal shared with them must, and no one they cannot know of is named.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use gezinsplan::lang::Lang;
use gezinsplan::plan::MeetingKind;
use gezinsplan::plan::load::analyze;
use gezinsplan::render::invitation::Invitation;
use gezinsplan::render::view::Style;
use gezinsplan::render::{DocFormat, Templates};
use gezinsplan::sharing::Reader;
use proptest::prelude::*;

/// A small deterministic generator, so one proptest seed describes a whole plan.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn subset(&mut self, ids: &[String], percent: u64) -> Vec<String> {
        ids.iter().filter(|_| self.chance(percent)).cloned().collect()
    }
}

struct Goal {
    id: String,
    marker: String,
    status: &'static str,
    share_with: Option<Vec<String>>,
}

struct Agreement {
    goal: usize,
    who: String,
    marker: String,
}

struct Evaluation {
    goal: Option<usize>,
    marker: String,
}

struct Meeting {
    date: NaiveDate,
    attendees: Option<Vec<String>>,
    marker: String,
}

/// A random plan, as YAML and as the facts the test needs to judge documents.
struct Generated {
    yaml: String,
    members: Vec<String>,
    people: Vec<String>,
    coordinator: String,
    goals: Vec<Goal>,
    agreements: Vec<Agreement>,
    evaluations: Vec<Evaluation>,
    meetings: Vec<Meeting>,
}

fn name(id: &str) -> String {
    format!("Namemark{id}x")
}

fn generate(seed: u64) -> Generated {
    let mut dice = Dice(seed | 1);
    let members: Vec<String> = (0..1 + dice.below(3)).map(|i| format!("m{i}")).collect();
    let people: Vec<String> = (0..1 + dice.below(6)).map(|i| format!("p{i}")).collect();
    let everyone: Vec<String> = members.iter().chain(&people).cloned().collect();
    let coordinator = everyone[dice.below(everyone.len())].clone();
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let day = |n: usize| start.checked_add_days(Days::new(n as u64)).unwrap();

    let goals: Vec<Goal> = (0..1 + dice.below(5))
        .map(|i| Goal {
            id: format!("g{i}"),
            marker: format!("Goalmark{i}x"),
            status: ["open", "open", "later", "achieved", "stopped"][dice.below(5)],
            share_with: if dice.chance(50) {
                Some(dice.subset(&people, 40))
            } else {
                None
            },
        })
        .collect();
    let mut agreements = Vec::new();
    for i in 0..dice.below(9) {
        let goal = dice.below(goals.len());
        let allowed: Vec<&String> = members
            .iter()
            .chain(
                people
                    .iter()
                    .filter(|p| goals[goal].share_with.as_ref().is_none_or(|s| s.contains(p))),
            )
            .collect();
        agreements.push(Agreement {
            goal,
            who: allowed[dice.below(allowed.len())].clone(),
            marker: format!("Agreemark{i}x"),
        });
    }
    let evaluations: Vec<Evaluation> = (0..dice.below(7))
        .map(|i| Evaluation {
            goal: if dice.chance(70) {
                Some(dice.below(goals.len()))
            } else {
                None
            },
            marker: format!("Evalmark{i}x"),
        })
        .collect();
    let meetings: Vec<Meeting> = (0..dice.below(4))
        .map(|i| Meeting {
            date: day(30 * i + dice.below(20)),
            attendees: if dice.chance(60) {
                let mut ids = dice.subset(&everyone, 60);
                if ids.is_empty() {
                    ids.push(members[0].clone());
                }
                Some(ids)
            } else {
                None
            },
            marker: format!("Meetnotemark{i}x"),
        })
        .collect();

    let mut y = String::from("version: 1\nfamily:\n  name: Familie Markering\n  members:\n");
    for m in &members {
        y += &format!("    - id: {m}\n      name: {}\n", name(m));
        if dice.chance(70) {
            y += &format!("      email: {m}@thuis.example\n");
        }
    }
    y += "request: Requestmarkx\nstrengths:\n  - Strengthmarkx\ncoordination: Coordmarkx\n";
    y += &format!("coordinator: {coordinator}\nnetwork:\n");
    for p in &people {
        y += &format!(
            "  - id: {p}\n    name: {}\n    professional: true\n    email: {p}@zorg.example\n",
            name(p)
        );
    }
    y += "goals:\n";
    for (i, g) in goals.iter().enumerate() {
        y += &format!(
            "  - id: {}\n    goal: {}\n    owners: [{}]\n    priority: {}\n    status: {}\n",
            g.id,
            g.marker,
            members[..=dice.below(members.len())].join(", "),
            i + 1,
            g.status
        );
        if let Some(share) = &g.share_with {
            y += &format!("    share_with: [{}]\n", share.join(", "));
        }
        if dice.chance(50) {
            y += &format!("    evaluate_by: {}\n", day(dice.below(120)));
        }
    }
    y += "agreements:\n";
    for a in &agreements {
        let from = dice.below(90);
        y += &format!(
            "  - goal: {}\n    who: {}\n    what: {}\n    start: {}\n    end: {}\n    status: {}\n",
            goals[a.goal].id,
            a.who,
            a.marker,
            day(from),
            day(from + dice.below(120)),
            ["open", "open", "done", "stopped"][dice.below(4)]
        );
    }
    y += "meetings:\n";
    for m in &meetings {
        y += &format!(
            "  - date: {}\n    kind: {}\n    notes: {}\n",
            m.date,
            ["rondetafel", "evaluatie", "dialoogtafel"][dice.below(3)],
            m.marker
        );
        if let Some(ids) = &m.attendees {
            y += &format!("    attendees: [{}]\n", ids.join(", "));
        }
    }
    y += &format!("next_evaluation: {}\nevaluations:\n", day(100));
    for e in &evaluations {
        y += &format!(
            "  - date: {}\n    scale: {}\n    notes: {}\n",
            day(dice.below(120)),
            dice.below(11),
            e.marker
        );
        if let Some(g) = e.goal {
            y += &format!("    goal: {}\n", goals[g].id);
        }
    }
    Generated {
        yaml: y,
        members,
        people,
        coordinator,
        goals,
        agreements,
        evaluations,
        meetings,
    }
}

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::builtin().expect("the built-in templates compile"))
}

fn cases() -> u32 {
    std::env::var("GEZINSPLAN_SHARING_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

impl Generated {
    fn shared(&self, goal: &Goal, person: &str) -> bool {
        goal.share_with
            .as_ref()
            .is_none_or(|s| s.iter().any(|p| p == person))
    }

    /// Everything tied to goals hidden from `person`.
    fn hidden_markers(&self, person: &str) -> Vec<&str> {
        let hidden = |g: usize| !self.shared(&self.goals[g], person);
        let mut markers: Vec<&str> = Vec::new();
        markers.extend(
            self.goals
                .iter()
                .enumerate()
                .filter(|(i, _)| hidden(*i))
                .map(|(_, g)| g.marker.as_str()),
        );
        markers.extend(
            self.agreements
                .iter()
                .filter(|a| hidden(a.goal))
                .map(|a| a.marker.as_str()),
        );
        markers.extend(
            self.evaluations
                .iter()
                .filter(|e| e.goal.is_some_and(hidden))
                .map(|e| e.marker.as_str()),
        );
        // Free text not tied to a goal is for the family only.
        markers.extend(["Requestmarkx", "Strengthmarkx"]);
        markers.extend(self.meetings.iter().map(|m| m.marker.as_str()));
        markers.extend(
            self.evaluations
                .iter()
                .filter(|e| e.goal.is_none())
                .map(|e| e.marker.as_str()),
        );
        markers
    }

    /// Everything of the goals shared with `person`: the plan document shows all of it.
    fn shared_markers(&self, person: &str) -> Vec<&str> {
        let shared = |g: usize| self.shared(&self.goals[g], person);
        let mut markers = vec!["Coordmarkx"];
        markers.extend(
            self.goals
                .iter()
                .enumerate()
                .filter(|(i, _)| shared(*i))
                .map(|(_, g)| g.marker.as_str()),
        );
        markers.extend(
            self.agreements
                .iter()
                .filter(|a| shared(a.goal))
                .map(|a| a.marker.as_str()),
        );
        markers.extend(
            self.evaluations
                .iter()
                .filter(|e| e.goal.is_some_and(shared))
                .map(|e| e.marker.as_str()),
        );
        markers
    }

    /// Who `person` may know of from the plan, plus whoever sits at the tables they sit at.
    fn known(&self, person: &str, tables: &[&Meeting]) -> BTreeSet<String> {
        let mut known: BTreeSet<String> = self.members.iter().cloned().collect();
        known.insert(person.to_owned());
        known.insert(self.coordinator.clone());
        for a in &self.agreements {
            if self.shared(&self.goals[a.goal], person) {
                known.insert(a.who.clone());
            }
        }
        for m in tables {
            match &m.attendees {
                Some(ids) => known.extend(ids.iter().cloned()),
                None => known.extend(self.members.iter().chain(&self.people).cloned()),
            }
        }
        known
    }

    fn attends(&self, meeting: &Meeting, person: &str) -> bool {
        meeting
            .attendees
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|p| p == person))
    }
}

fn check(
    generated: &Generated,
    person: &str,
    document: &str,
    known: &BTreeSet<String>,
    what: &str,
) -> Result<(), TestCaseError> {
    for marker in generated.hidden_markers(person) {
        prop_assert!(
            !document.contains(marker),
            "{what} for {person} holds {marker}:\n{document}\n{}",
            generated.yaml
        );
    }
    for id in generated.members.iter().chain(&generated.people) {
        if !known.contains(id) {
            let name = name(id);
            prop_assert!(
                !document.contains(&name),
                "{what} for {person} names {id}:\n{document}\n{}",
                generated.yaml
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn documents_hold_what_is_shared_and_nothing_else(seed in any::<u64>()) {
        let generated = generate(seed);
        let analysis = analyze(generated.yaml.as_bytes());
        let plan = analysis.valid_plan();
        prop_assert!(plan.is_some(), "generated plan is invalid: {:#?}\n{}", analysis.diagnostics, generated.yaml);
        let plan = plan.unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();

        for person in &generated.people {
            let reader = Reader::Person(person.clone());
            for format in [DocFormat::Markdown, DocFormat::Html] {
                let style = Style { plan, format, lang: Lang::Nl };

                let tables: Vec<&Meeting> = generated.meetings.iter().filter(|m| generated.attends(m, person)).collect();
                let document = templates()
                    .plan_document(&gezinsplan::document::build(plan, &reader, today), &style)
                    .unwrap();
                check(&generated, person, &document, &generated.known(person, &tables), "plan document")?;
                for marker in generated.shared_markers(person) {
                    prop_assert!(document.contains(marker), "plan document for {person} lacks {marker}:\n{document}");
                }

                let mut choices = vec![gezinsplan::agenda::Choice::Unplanned];
                choices.extend(plan.meetings.iter().map(gezinsplan::agenda::Choice::Planned));
                for (i, choice) in choices.into_iter().enumerate() {
                    let meeting = i.checked_sub(1).map(|m| &generated.meetings[m]);
                    let attends = meeting.is_none_or(|m| generated.attends(m, person));
                    let tables: Vec<&Meeting> = meeting.filter(|_| attends).into_iter().collect();
                    let known = if attends && meeting.is_none() {
                        generated.members.iter().chain(&generated.people).cloned().collect()
                    } else {
                        generated.known(person, &tables)
                    };
                    for kind in [MeetingKind::Rondetafel, MeetingKind::Evaluatie, MeetingKind::Dialoogtafel] {
                        let agenda = gezinsplan::agenda::build(plan, choice, Some(kind), &reader, today);
                        let document = templates().agenda(&agenda, &style, &reader).unwrap();
                        check(&generated, person, &document, &known, "agenda")?;
                        if attends {
                            for goal in generated.goals.iter().filter(|g| matches!(g.status, "open" | "later")) {
                                if generated.shared(goal, person) {
                                    prop_assert!(document.contains(&goal.marker), "agenda for {person} lacks {}:\n{document}", goal.marker);
                                }
                            }
                        }
                    }
                }
            }
        }

        // Each invitee's mail: its texts, its documents and its calendar.
        let from: lettre::message::Mailbox = "Coordinator <co@zorg.example>".parse().unwrap();
        for meeting in &plan.meetings {
            let invitation = Invitation { plan, meeting, from: &from, lang: Lang::Nl, templates: templates() };
            let (invitees, _) = gezinsplan::invitation::invitees(plan, meeting);
            for invitee in invitees.iter().filter(|i| !i.family) {
                let contents = invitation.contents(invitee).unwrap().all_text();
                // The plan document in the mail lists every meeting they attend.
                let tables: Vec<&Meeting> = generated.meetings.iter().filter(|m| generated.attends(m, invitee.id)).collect();
                let known = generated.known(invitee.id, &tables);
                check(&generated, invitee.id, &contents, &known, "invitation")?;
                for goal in generated.goals.iter().filter(|g| matches!(g.status, "open" | "later")) {
                    if generated.shared(goal, invitee.id) {
                        prop_assert!(contents.contains(&goal.marker), "invitation for {} lacks {}", invitee.id, goal.marker);
                    }
                }
            }
        }

        // The family's copy holds everything.
        let style = Style { plan, format: DocFormat::Markdown, lang: Lang::Nl };
        let family = templates()
            .plan_document(&gezinsplan::document::build(plan, &Reader::Family, today), &style)
            .unwrap();
        for marker in ["Requestmarkx", "Strengthmarkx", "Coordmarkx"] {
            prop_assert!(family.contains(marker), "family copy lacks {marker}");
        }
        for m in &generated.meetings {
            prop_assert!(family.contains(&m.marker), "family copy lacks {}", m.marker);
        }
        for g in &generated.goals {
            prop_assert!(family.contains(&g.marker), "family copy lacks {}", g.marker);
        }
        for a in &generated.agreements {
            prop_assert!(family.contains(&a.marker), "family copy lacks {}", a.marker);
        }
        for e in &generated.evaluations {
            prop_assert!(family.contains(&e.marker), "family copy lacks {}", e.marker);
        }
    }
}
