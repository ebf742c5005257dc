//! Rules that relate one part of a plan to another: ids, references, sharing, and the
//! warnings that keep a plan workable. Pure: a plan in, findings (with paths) out.

use std::collections::HashMap;

use super::{AgreementStatus, GoalStatus, Plan};
use crate::diagnostic::Diagnostic;
use crate::suggest;

/// Which ids a reference may name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Member,
    Person,
    Anyone,
    Goal,
}

struct Ids<'p> {
    members: Vec<&'p str>,
    people: Vec<&'p str>,
    goals: Vec<&'p str>,
}

impl<'p> Ids<'p> {
    fn of(plan: &'p Plan) -> Self {
        Ids {
            members: plan.family.members.iter().map(|m| m.id.as_str()).collect(),
            people: plan.network.iter().map(|p| p.id.as_str()).collect(),
            goals: plan.goals.iter().map(|g| g.id.as_str()).collect(),
        }
    }

    fn candidates(&self, kind: Kind) -> Vec<&'p str> {
        match kind {
            Kind::Member => self.members.clone(),
            Kind::Person => self.people.clone(),
            Kind::Anyone => self.members.iter().chain(&self.people).copied().collect(),
            Kind::Goal => self.goals.clone(),
        }
    }

    /// Ids worth suggesting: an id that is itself misspelled is no help.
    fn suggestions(&self, kind: Kind) -> Vec<&'p str> {
        let mut ids = self.candidates(kind);
        ids.retain(|id| super::load::is_slug(id));
        ids
    }
}

/// Everything [`super::load`] could not judge from one item alone. `wrong` holds the paths of
/// values already reported as wrong, so they are not reported again as missing.
pub fn check(plan: &Plan, wrong: &[&str]) -> Vec<Diagnostic> {
    let ids = Ids::of(plan);
    let mut out = Vec::new();
    unique_ids(plan, &mut out);
    references(plan, &ids, &mut out);
    sharing(plan, &mut out);
    warnings(plan, wrong, &mut out);
    meeting_warnings(plan, &mut out);
    out
}

fn unique_ids(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    let people = plan
        .family
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), format!("family.members[{i}]")))
        .chain(
            plan.network
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), format!("network[{i}]"))),
        );
    for (id, path) in people {
        if id.is_empty() {
            continue;
        }
        match seen.get(id) {
            Some(first) => out.push(
                Diagnostic::error(format!("{path}.id"), format!("id `{id}` is used twice (first at {first})"))
                    .help("give every family member and network person an id of their own, e.g. add a surname: `sanne-jansen`"),
            ),
            None => {
                seen.insert(id, path);
            }
        }
    }
    let mut goals: HashMap<&str, usize> = HashMap::new();
    for (i, goal) in plan.goals.iter().enumerate() {
        if goal.id.is_empty() {
            continue;
        }
        match goals.get(goal.id.as_str()) {
            Some(first) => out.push(
                Diagnostic::error(
                    format!("goals[{i}].id"),
                    format!("goal id `{}` is used twice (first at goals[{first}])", goal.id),
                )
                .help("give every goal an id of its own"),
            ),
            None => {
                goals.insert(&goal.id, i);
            }
        }
    }
}

/// Reports a reference that names no id of the right kind.
fn reference(ids: &Ids, id: &str, kind: Kind, path: String, role: &str, out: &mut Vec<Diagnostic>) {
    if id.is_empty() {
        return;
    }
    if ids.candidates(kind).contains(&id) {
        return;
    }
    let in_family = ids.members.contains(&id);
    let in_network = ids.people.contains(&id);
    let diagnostic = match kind {
        Kind::Member if in_network => Diagnostic::error(
            path,
            format!("{role} `{id}` is in the network, not in the family"),
        )
        .help("a goal belongs to family members: name them in `owners`; network people take part through agreements"),
        Kind::Person if in_family => Diagnostic::error(
            path,
            format!("{role} `{id}` is a family member; `share_with` names network people only"),
        )
        .help("family members always see every goal: remove them from `share_with`"),
        _ => {
            let what = match kind {
                Kind::Member => "family member",
                Kind::Person => "network person",
                Kind::Anyone => "family member or network person",
                Kind::Goal => "goal",
            };
            let help = match suggest::closest(id, ids.suggestions(kind)) {
                Some(close) => format!("did you mean `{close}`?"),
                None if kind == Kind::Goal => "name a goal by the `id` it has under `goals`".to_owned(),
                None => format!(
                    "add them to {}, or use one of the ids there",
                    if kind == Kind::Member { "`family.members`" } else { "`family.members` or `network`" }
                ),
            };
            Diagnostic::error(path, format!("{role} `{id}` is not a known {what}")).help(help)
        }
    };
    out.push(diagnostic);
}

fn references(plan: &Plan, ids: &Ids, out: &mut Vec<Diagnostic>) {
    reference(
        ids,
        &plan.coordinator,
        Kind::Anyone,
        "coordinator".into(),
        "coordinator",
        out,
    );
    for (g, goal) in plan.goals.iter().enumerate() {
        for (i, owner) in goal.owners.iter().enumerate() {
            reference(
                ids,
                owner,
                Kind::Member,
                format!("goals[{g}].owners[{i}]"),
                "owner",
                out,
            );
        }
        for (i, person) in goal.share_with.iter().flatten().enumerate() {
            reference(
                ids,
                person,
                Kind::Person,
                format!("goals[{g}].share_with[{i}]"),
                "share_with",
                out,
            );
        }
    }
    for (a, agreement) in plan.agreements.iter().enumerate() {
        reference(
            ids,
            &agreement.goal,
            Kind::Goal,
            format!("agreements[{a}].goal"),
            "goal",
            out,
        );
        reference(
            ids,
            &agreement.who,
            Kind::Anyone,
            format!("agreements[{a}].who"),
            "who",
            out,
        );
    }
    for (m, meeting) in plan.meetings.iter().enumerate() {
        if let Some(chair) = &meeting.chair {
            reference(
                ids,
                chair,
                Kind::Anyone,
                format!("meetings[{m}].chair"),
                "chair",
                out,
            );
        }
        for (i, attendee) in meeting.attendees.iter().flatten().enumerate() {
            reference(
                ids,
                attendee,
                Kind::Anyone,
                format!("meetings[{m}].attendees[{i}]"),
                "attendee",
                out,
            );
        }
    }
    for (e, evaluation) in plan.evaluations.iter().enumerate() {
        if let Some(goal) = &evaluation.goal {
            reference(
                ids,
                goal,
                Kind::Goal,
                format!("evaluations[{e}].goal"),
                "goal",
                out,
            );
        }
    }
}

/// An agreement puts its person in the conversation about its goal: the family must have
/// agreed to share that goal with them.
fn sharing(plan: &Plan, out: &mut Vec<Diagnostic>) {
    for (a, agreement) in plan.agreements.iter().enumerate() {
        let (Some(goal), Some(_)) = (plan.goal(&agreement.goal), plan.person(&agreement.who)) else {
            continue;
        };
        if !goal.shared_with(&agreement.who) {
            out.push(
                Diagnostic::error(
                    format!("agreements[{a}].who"),
                    format!(
                        "`{}` has an agreement on goal `{}`, but the family did not share that goal with them",
                        agreement.who, goal.id
                    ),
                )
                .help(format!(
                    "if the family agrees, add `{}` to the goal's `share_with`; otherwise give the agreement to someone who may see the goal",
                    agreement.who
                )),
            );
        }
    }
}

fn warnings(plan: &Plan, wrong: &[&str], out: &mut Vec<Diagnostic>) {
    if plan.has_open_goals() && plan.next_evaluation.is_none() && !wrong.contains(&"next_evaluation") {
        out.push(
            Diagnostic::warning(
                "next_evaluation",
                "the plan has open goals but no `next_evaluation`",
            )
            .help("agree when the whole plan is evaluated next and add `next_evaluation: YYYY-MM-DD`"),
        );
    }
    for (g, goal) in plan.goals.iter().enumerate() {
        if goal.status != GoalStatus::Open || goal.id.is_empty() {
            continue;
        }
        let has_open_agreement = plan
            .agreements_for(&goal.id)
            .any(|a| a.status == AgreementStatus::Open);
        if !has_open_agreement {
            out.push(
                Diagnostic::warning(format!("goals[{g}]"), format!("open goal `{}` has no open agreement", goal.id))
                    .help("add an agreement (who does what, from when to when), or set the goal's `status` to `later`, `achieved` or `stopped`"),
            );
        }
    }
    for (p, person) in plan.network.iter().enumerate() {
        if person.professional && person.email.is_none() {
            out.push(
                Diagnostic::warning(
                    format!("network[{p}]"),
                    format!("professional `{}` has no e-mail address", person.id),
                )
                .help("add `email:` so they can be invited and sent the plan"),
            );
        }
    }
    let mut priorities: HashMap<u32, &str> = HashMap::new();
    for (g, goal) in plan.goals.iter().enumerate() {
        if goal.priority == 0 {
            continue;
        }
        match priorities.get(&goal.priority) {
            Some(first) => out.push(
                Diagnostic::warning(
                    format!("goals[{g}].priority"),
                    format!(
                        "goals `{first}` and `{}` both have priority {}",
                        goal.id, goal.priority
                    ),
                )
                .help("ask the family which comes first and give each goal its own priority"),
            ),
            None => {
                priorities.insert(goal.priority, &goal.id);
            }
        }
    }
}

/// Warnings about the plan's last meeting, the one being prepared (earlier meetings are history
/// and stay as they were): someone invited who may see none of the goals, and someone with an
/// agreement who is not invited to the evaluation of it.
fn meeting_warnings(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let active = |g: &&super::Goal| matches!(g.status, GoalStatus::Open | GoalStatus::Later);
    let Some((m, meeting)) = plan.meetings.iter().enumerate().max_by_key(|(i, m)| (m.date, *i)) else {
        return;
    };
    let Some(attendees) = &meeting.attendees else {
        return;
    };
    if plan.goals.iter().any(|g| active(&g)) {
        for (i, id) in attendees.iter().enumerate() {
            let Some(person) = plan.person(id) else {
                continue;
            };
            if meeting.chair.as_deref() == Some(id.as_str()) {
                continue;
            }
            if !plan
                .goals
                .iter()
                .filter(active)
                .any(|g| g.shared_with(&person.id))
            {
                out.push(
                    Diagnostic::warning(
                        format!("meetings[{m}].attendees[{i}]"),
                        format!(
                            "`{id}` is invited to the meeting of {}, but may see none of the goals",
                            meeting.date
                        ),
                    )
                    .help(
                        "ask the family whether to share a goal with them, or leave them out of `attendees`",
                    ),
                );
            }
        }
    }
    if meeting.kind != super::MeetingKind::Evaluatie {
        return;
    }
    let previous = plan
        .meetings
        .iter()
        .map(|m| m.date)
        .filter(|d| *d < meeting.date)
        .max();
    let mut warned: Vec<&str> = Vec::new();
    for (a, agreement) in plan.agreements.iter().enumerate() {
        let evaluated = agreement.status == AgreementStatus::Open
            && agreement.start <= meeting.date
            && previous.is_none_or(|p| agreement.end > p)
            && plan
                .goal(&agreement.goal)
                .is_some_and(|g| active(&g) && g.shared_with(&agreement.who));
        let invited = attendees.contains(&agreement.who);
        if evaluated
            && !invited
            && plan.person(&agreement.who).is_some()
            && !warned.contains(&agreement.who.as_str())
        {
            warned.push(&agreement.who);
            out.push(
                Diagnostic::warning(
                    format!("agreements[{a}].who"),
                    format!(
                        "`{}` has an agreement on goal `{}`, but is not invited to the evaluation of {}",
                        agreement.who, agreement.goal, meeting.date
                    ),
                )
                .help(format!("add `{}` to that meeting's `attendees`, or agree how their result reaches the coordinator", agreement.who)),
            );
        }
    }
}
