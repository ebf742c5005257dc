//! Calendars: the invitation to one meeting (`METHOD:REQUEST`, for one reader) and what is due
//! across plans (all-day events to subscribe to or import).

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::labels;
use crate::deadlines::{DueKind, Entry};
use crate::ical::{Calendar, Param};
use crate::invitation::{fingerprint, short_family_name};
use crate::lang::Lang;
use crate::plan::{Meeting, Plan};

/// Someone on a calendar: a name and an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact<'a> {
    pub name: &'a str,
    pub email: &'a str,
}

/// A meeting without a duration is planned for an hour.
pub const DEFAULT_MINUTES: u32 = 60;

/// The moment the invitation is dated: the meeting's day at 07:00 UTC, so every run writes the
/// same bytes (the mail program dates the mail when it is sent).
pub fn invitation_moment(meeting: &Meeting) -> NaiveDateTime {
    meeting
        .date
        .and_time(NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default())
}

/// The same for every attendee and every run, so calendars recognise the meeting.
pub fn meeting_uid(plan: &Plan, meeting: &Meeting) -> String {
    let date = meeting.date.to_string();
    format!(
        "{}@gezinsplan",
        fingerprint(&["meeting", &plan.family.name, &date])
    )
}

/// The invitation to `meeting`, listing `attendees` (only those this reader may know of).
pub fn invitation(
    plan: &Plan,
    meeting: &Meeting,
    organizer: &Contact,
    attendees: &[Contact],
    lang: Lang,
) -> String {
    let title = capitalised(labels::meeting_title(lang, meeting.kind));
    let family = short_family_name(&plan.family.name);
    let mut calendar = Calendar::new(Some("REQUEST"), None);
    if meeting.time.is_some() {
        calendar.amsterdam_time_zone();
    }
    calendar.begin("VEVENT");
    calendar.line("UID", &[], &meeting_uid(plan, meeting));
    calendar.line("SEQUENCE", &[], "0");
    calendar.utc("DTSTAMP", invitation_moment(meeting));
    match meeting.time {
        Some(time) => {
            let start = meeting.date.and_time(time);
            let minutes = i64::from(meeting.duration.unwrap_or(DEFAULT_MINUTES));
            calendar.amsterdam_time("DTSTART", start);
            calendar.amsterdam_time("DTEND", start + Duration::minutes(minutes));
        }
        None => {
            // An all-day event ends on the next day: DTEND is exclusive.
            calendar.date("DTSTART", meeting.date);
            calendar.date("DTEND", meeting.date.succ_opt().unwrap_or(meeting.date));
        }
    }
    calendar.text("SUMMARY", &[], &format!("{title} {family}"));
    if let Some(location) = &meeting.location {
        calendar.text("LOCATION", &[], location);
    }
    let t = labels::labels(lang);
    calendar.text(
        "DESCRIPTION",
        &[],
        &format!(
            "{title} {} {}.\n{}",
            t["about_plan_of"], plan.family.name, t["invite_ics_description"]
        ),
    );
    calendar.line(
        "ORGANIZER",
        &[Param("CN", organizer.name)],
        &format!("mailto:{}", organizer.email),
    );
    for attendee in attendees {
        calendar.line(
            "ATTENDEE",
            &[
                Param("CN", attendee.name),
                Param("ROLE", "REQ-PARTICIPANT"),
                Param("PARTSTAT", "NEEDS-ACTION"),
                Param("RSVP", "TRUE"),
            ],
            &format!("mailto:{}", attendee.email),
        );
    }
    calendar.line("STATUS", &[], "CONFIRMED");
    calendar.line("TRANSP", &[], "OPAQUE");
    calendar.end("VEVENT");
    calendar.finish()
}

/// What is due, one all-day event per item; `today` dates the calendar.
pub fn due(entries: &[&Entry], today: NaiveDate, lang: Lang) -> String {
    let t = labels::labels(lang);
    let mut calendar = Calendar::new(None, Some(t["due_calendar"]));
    for entry in entries {
        let item = &entry.item;
        let Some(date) = item.date else {
            continue;
        };
        let family = short_family_name(&entry.plan.family);
        let goal = item.goal.as_deref().unwrap_or("");
        let who = item.who.as_deref().unwrap_or("");
        let summary = match item.kind {
            DueKind::PlanEvaluation => format!("{} {family}", t["due_plan_evaluation"]),
            DueKind::GoalEvaluation => format!("{} {goal} ({family})", t["due_goal_evaluation"]),
            DueKind::AgreementEnd => format!("{}: {who}, {goal} ({family})", t["due_agreement_end"]),
            DueKind::NoEvaluationPlanned => continue,
        };
        let seq = item.seq.to_string();
        // The file's name, not its path: the same item from another folder is the same item.
        let file = std::path::Path::new(&entry.plan.file)
            .file_name()
            .map_or(entry.plan.file.clone(), |f| f.to_string_lossy().into_owned());
        let uid = fingerprint(&[
            "due",
            &file,
            &entry.plan.family,
            item.kind.as_str(),
            goal,
            who,
            &seq,
        ]);
        let coordinator = match &entry.plan.coordinator.email {
            Some(email) => format!("{} <{email}>", entry.plan.coordinator.name),
            None => entry.plan.coordinator.name.clone(),
        };
        calendar.begin("VEVENT");
        calendar.line("UID", &[], &format!("{uid}@gezinsplan"));
        calendar.utc("DTSTAMP", today.and_time(NaiveTime::MIN));
        calendar.date("DTSTART", date);
        calendar.date("DTEND", date.succ_opt().unwrap_or(date));
        calendar.text("SUMMARY", &[], &summary);
        calendar.text(
            "DESCRIPTION",
            &[],
            &format!(
                "{}: {coordinator}\n{}: {}",
                t["coordinator"], t["plan_title"], entry.plan.file
            ),
        );
        calendar.line("TRANSP", &[], "TRANSPARENT");
        calendar.end("VEVENT");
    }
    calendar.finish()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
