//! `gezinsplan invite`: one mail draft per invitee, each with the documents for its reader.
//! Nothing is sent: the drafts are files to open, check and send from your own mail program.

use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::Streams;
use crate::agenda::{self, Choice};
use crate::exit::Status;
use crate::files::{self, Overwrite};
use crate::invitation;
use crate::lang::Lang;
use crate::render::invitation::{self as mail, Invitation};

#[derive(Debug, Clone)]
pub struct Options {
    pub plan: PathBuf,
    pub date: Option<NaiveDate>,
    pub today: NaiveDate,
    pub out: PathBuf,
    /// "Name <address>"; default: the coordinator.
    pub from: Option<String>,
    pub lang: Lang,
    pub force: bool,
    pub templates: Option<PathBuf>,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let plan = match super::load_plan(&options.plan, streams)? {
        Ok(plan) => plan,
        Err(status) => return Ok(status),
    };
    let meeting = match agenda::choose(&plan, options.date, options.today)? {
        Choice::Planned(meeting) => meeting,
        Choice::Unplanned => bail!(
            "the plan has no meeting on or after {}; add the meeting under `meetings:` first",
            options.today
        ),
    };
    let from = mail::sender(&plan, options.from.as_deref())?;
    let (invitees, skipped) = invitation::invitees(&plan, meeting);
    if invitees.is_empty() {
        bail!(
            "no one at the meeting of {} has an e-mail address in the plan",
            meeting.date
        );
    }

    let targets: Vec<PathBuf> = invitees
        .iter()
        .map(|i| options.out.join(mail::file_name(meeting, i)))
        .collect();
    if !options.force {
        let existing: Vec<String> = targets
            .iter()
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            bail!(
                "{} already exist{}; nothing was written (add --force to replace them)",
                existing.join(", "),
                if existing.len() == 1 { "s" } else { "" }
            );
        }
    }
    // Render every draft before writing any, so a failure leaves no half-done set behind.
    let templates = super::templates(&options.plan, options.templates.as_deref())?;
    let invitation = Invitation {
        plan: &plan,
        meeting,
        from: &from,
        lang: options.lang,
        templates: &templates,
    };
    let drafts = invitees
        .iter()
        .map(|i| invitation.draft(i))
        .collect::<Result<Vec<_>>>()?;
    files::create_private_dir(&options.out)?;
    let overwrite = if options.force {
        Overwrite::Allowed
    } else {
        Overwrite::Never
    };
    for ((invitee, target), draft) in invitees.iter().zip(&targets).zip(&drafts) {
        files::write_atomic(target, draft, overwrite)?;
        writeln!(
            streams.stdout,
            "wrote {} for {} <{}>",
            target.display(),
            invitee.name,
            invitee.email
        )?;
    }
    for person in &skipped {
        writeln!(
            streams.stdout,
            "skipped {} ({}): no e-mail address in the plan",
            person.name, person.id
        )?;
    }
    writeln!(
        streams.stderr,
        "{} draft{} for the meeting of {}; nothing was sent. Open each draft, check it, and send it yourself.",
        drafts.len(),
        if drafts.len() == 1 { "" } else { "s" },
        meeting.date
    )?;
    Ok(Status::Success)
}
