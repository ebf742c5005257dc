//! An invitation as a mail draft (RFC 5322, MIME): a text and an HTML body, and as
//! attachments the reader's agenda, the reader's plan document, and a calendar invitation.
//! Everything in it is derived from the plan and the meeting, so every run writes the same bytes.

use std::time::{Duration, UNIX_EPOCH};

use anyhow::{Context as _, Result};
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use serde::Serialize;

use super::calendar::{self, Contact};
use super::view::{PersonView, Style};
use super::{DocFormat, Templates, labels};
use crate::agenda::{self, Choice};
use crate::invitation::{Invitee, fingerprint, short_family_name};
use crate::lang::Lang;
use crate::plan::{Meeting, Plan};

/// Marks the mail as a draft, so Outlook opens it for editing instead of as a received mail.
#[derive(Clone)]
struct XUnsent;

impl Header for XUnsent {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Unsent")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(XUnsent)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "1".to_owned())
    }
}

/// The values the mail templates (`invite.txt`, `invite.html`) receive.
#[derive(Debug, Serialize)]
pub struct InviteView {
    pub lang: &'static str,
    pub invitee: InviteeView,
    /// "rondetafelgesprek".
    pub kind: String,
    pub family: String,
    /// Who invites: the parents and the coordinator, as a sentence.
    pub hosts: String,
    /// Why we meet, by kind of meeting.
    pub purpose: String,
    pub date: String,
    pub time: Option<String>,
    pub location: Option<String>,
    /// The parents (or the family), whom others check with beforehand.
    pub parents: String,
    /// Whom to contact: the coordinator.
    pub contact: PersonView,
    /// The sender's name, under the mail.
    pub sender: String,
}

#[derive(Debug, Serialize)]
pub struct InviteeView {
    pub name: String,
    pub family: bool,
}

/// Everything one run needs to write each invitee's draft.
pub struct Invitation<'a> {
    pub plan: &'a Plan,
    pub meeting: &'a Meeting,
    pub from: &'a Mailbox,
    pub lang: Lang,
    pub templates: &'a Templates,
}

/// The file name of an invitee's draft: `<date>-<id>.eml`.
pub fn file_name(meeting: &Meeting, invitee: &Invitee) -> String {
    format!("{}-{}.eml", meeting.date, invitee.id)
}

/// What one invitee's mail says, before it is encoded as MIME.
#[derive(Debug, Clone)]
pub struct Contents {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// (file name, HTML) of the agenda and the plan document.
    pub documents: Vec<(String, String)>,
    pub ics: String,
}

impl Contents {
    /// Every text the invitee will read, for checks that nothing is in it that should not be.
    pub fn all_text(&self) -> String {
        let mut all = vec![self.subject.as_str(), &self.text, &self.html, &self.ics];
        all.extend(self.documents.iter().map(|(_, d)| d.as_str()));
        all.join("\n")
    }
}

impl Invitation<'_> {
    /// What one invitee receives: the mail's texts, their own documents and calendar.
    pub fn contents(&self, invitee: &Invitee) -> Result<Contents> {
        let plan = self.plan;
        let meeting = self.meeting;
        let t = labels::labels(self.lang);
        let kind = labels::meeting_title(self.lang, meeting.kind);
        let subject = format!(
            "{} {kind} {}, {}",
            t["invitation"],
            short_family_name(&plan.family.name),
            crate::dates::day_month_year(self.lang, meeting.date)
        );
        let html_style = Style {
            plan,
            format: DocFormat::Html,
            lang: self.lang,
        };
        let agenda = agenda::build(
            plan,
            Choice::Planned(meeting),
            None,
            &invitee.reader,
            meeting.date,
        );
        let document = crate::document::build(plan, &invitee.reader, meeting.date);
        Ok(Contents {
            subject,
            text: self
                .templates
                .render("invite.txt", &self.view(invitee, DocFormat::Text))?,
            html: self
                .templates
                .render("invite.html", &self.view(invitee, DocFormat::Html))?,
            documents: vec![
                (
                    format!("{}-{}.html", t["agenda"].to_lowercase(), meeting.date),
                    self.templates.agenda(&agenda, &html_style, &invitee.reader)?,
                ),
                (
                    format!("{}.html", t["plan_title"].to_lowercase()),
                    self.templates.plan_document(&document, &html_style)?,
                ),
            ],
            ics: calendar::invitation(plan, meeting, &self.organizer(), &self.ics_attendees(), self.lang),
        })
    }

    /// One invitee's draft, as the bytes of an `.eml` file.
    pub fn draft(&self, invitee: &Invitee) -> Result<Vec<u8>> {
        let plan = self.plan;
        let meeting = self.meeting;
        let to = Mailbox::new(
            Some(invitee.name.to_owned()),
            invitee.email.parse().with_context(|| {
                format!(
                    "the e-mail address of {} ({}) cannot be used",
                    invitee.id, invitee.email
                )
            })?,
        );
        let contents = self.contents(invitee)?;
        let t = labels::labels(self.lang);
        let stamp = calendar::invitation_moment(meeting).and_utc().timestamp();
        let date = UNIX_EPOCH + Duration::from_secs(u64::try_from(stamp).unwrap_or(0));
        let id = fingerprint(&[
            "invitation",
            &plan.family.name,
            &meeting.date.to_string(),
            invitee.id,
        ]);
        let html_type = ContentType::parse("text/html; charset=utf-8")?;
        let mut mixed = MultiPart::mixed().boundary(format!("mixed-{id}")).multipart(
            MultiPart::alternative()
                .boundary(format!("alternative-{id}"))
                .singlepart(SinglePart::plain(contents.text))
                .singlepart(SinglePart::html(contents.html)),
        );
        for (name, html) in contents.documents {
            mixed = mixed.singlepart(Attachment::new(name).body(html, html_type.clone()));
        }
        mixed = mixed.singlepart(
            Attachment::new(format!("{}.ics", t["invitation"].to_lowercase())).body(
                contents.ics,
                ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")?,
            ),
        );
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(contents.subject)
            .date(date)
            .message_id(Some(format!("<{id}@gezinsplan>")))
            .header(XUnsent)
            .multipart(mixed)
            .context("cannot build the invitation mail")?;
        Ok(message.formatted())
    }

    fn view(&self, invitee: &Invitee, format: DocFormat) -> InviteView {
        let plan = self.plan;
        let meeting = self.meeting;
        let style = Style {
            plan,
            format,
            lang: self.lang,
        };
        let t = labels::labels(self.lang);
        let parents = plan.parents_among(&plan.attendees_of(meeting));
        let mut hosts = parents.clone();
        if !hosts.contains(&plan.coordinator.as_str()) {
            hosts.push(&plan.coordinator);
        }
        let purpose = match meeting.kind {
            crate::plan::MeetingKind::Rondetafel => t["purpose_rondetafel"],
            crate::plan::MeetingKind::Evaluatie => t["purpose_evaluatie"],
            crate::plan::MeetingKind::Dialoogtafel => t["purpose_dialoogtafel"],
        };
        InviteView {
            lang: self.lang.code(),
            invitee: InviteeView {
                name: style.text(invitee.name),
                family: invitee.family,
            },
            kind: labels::meeting_title(self.lang, meeting.kind).to_owned(),
            family: style.text(&plan.family.name),
            hosts: style.names(&hosts),
            purpose: style.text(purpose),
            date: style.long_date(meeting.date),
            time: meeting
                .time
                .map(|time| crate::dates::time_span(time, meeting.duration)),
            location: meeting.location.as_deref().map(|l| style.text(l)),
            parents: style.names(&parents),
            contact: style.person(&plan.coordinator),
            sender: style.text(self.from.name.as_deref().unwrap_or(self.from.email.as_ref())),
        }
    }

    fn organizer(&self) -> Contact<'_> {
        Contact {
            name: self.from.name.as_deref().unwrap_or(""),
            email: self.from.email.as_ref(),
        }
    }

    /// The people at the meeting with an address to invite. Every invitee sits at the table,
    /// and everyone at the table meets everyone at the opening, so each may know of them all.
    fn ics_attendees(&self) -> Vec<Contact<'_>> {
        let plan = self.plan;
        plan.attendees_of(self.meeting)
            .into_iter()
            .filter_map(|id| {
                Some(Contact {
                    name: plan.name_of(id)?,
                    email: plan.email_of(id)?,
                })
            })
            .collect()
    }
}

/// The sender: `--from`, else the coordinator when they have an e-mail address.
pub fn sender(plan: &Plan, from: Option<&str>) -> Result<Mailbox> {
    if let Some(from) = from {
        return from.parse().with_context(|| {
            format!("--from {from:?} is not an address like \"Petra de Vries <petra@cjg.nl>\"")
        });
    }
    let coordinator = &plan.coordinator;
    let email = plan
        .email_of(coordinator)
        .with_context(|| {
            format!("the coordinator `{coordinator}` has no e-mail address in the plan; give the sender with --from \"Name <address>\"")
        })?;
    let name = plan.name_of(coordinator).map(str::to_owned);
    Ok(Mailbox::new(
        name,
        email.parse().with_context(|| {
            format!("the coordinator's e-mail address {email:?} cannot be used; give the sender with --from")
        })?,
    ))
}
