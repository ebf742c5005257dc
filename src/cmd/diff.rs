//! `gezinsplan diff`: what changed in a plan since a revision or the last meeting, in the
//! method's terms, for the family or one person.

use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::Streams;
use crate::exit::Status;
use crate::git::Tracked;
use crate::lang::Lang;
use crate::plan::Plan;
use crate::render::DocFormat;
use crate::render::view::Style;
use crate::sharing::Reader;

#[derive(Debug, Clone)]
pub struct Options {
    pub plan: PathBuf,
    pub since: Since,
    /// A second revision; `None` compares with the file as it is now.
    pub until: Option<String>,
    pub format: Format,
    pub for_id: Option<String>,
    pub lang: Lang,
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    Revision(String),
    /// The last commit before the most recent meeting that has taken place.
    LastMeeting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let tracked = Tracked::new(&options.plan)?;
    let (new, until) = match &options.until {
        None => match super::load_plan(&options.plan, streams)? {
            Ok(plan) => (plan, None),
            Err(status) => return Ok(status),
        },
        Some(revision) => {
            let commit = tracked.commit(revision)?;
            (plan_at(&tracked, &commit)?, Some(tracked.describe(&commit)))
        }
    };
    let commit = match &options.since {
        Since::Revision(revision) => tracked.commit(revision)?,
        Since::LastMeeting => {
            let Some(meeting) = new
                .meetings
                .iter()
                .map(|m| m.date)
                .filter(|d| *d < options.today)
                .max()
            else {
                bail!(
                    "the plan has no meeting before {}; use --since REV",
                    options.today
                );
            };
            match tracked.last_commit_before(meeting)? {
                Some(commit) => commit,
                None => bail!("the plan has no commit before the meeting of {meeting}; use --since REV"),
            }
        }
    };
    let old = plan_at(&tracked, &commit)?;
    let reader = Reader::for_id(&new, options.for_id.as_deref())?;
    let changes = crate::changes::changes(&old, &new, &reader);
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *streams.stdout, &changes)?;
            writeln!(streams.stdout)?;
        }
        Format::Markdown => {
            let style = Style {
                plan: &new,
                format: DocFormat::Markdown,
                lang: options.lang,
            };
            let since = tracked.describe(&commit);
            let view = crate::render::changes::view(&changes, &old, &new, &style, &since, until.as_deref());
            let text = super::templates(&options.plan, None)?.render("diff.md", &view)?;
            streams.stdout.write_all(text.as_bytes())?;
        }
    }
    Ok(Status::Success)
}

/// The plan as it was in a commit; an old version with errors cannot be compared.
fn plan_at(tracked: &Tracked, commit: &str) -> Result<Plan> {
    let bytes = tracked.contents_at(commit)?;
    let analysis = crate::plan::load::analyze(&bytes);
    match analysis.valid_plan() {
        Some(plan) => Ok(plan.clone()),
        None => bail!(
            "the plan at {} has errors, so it cannot be compared (check it with `git show {}:<plan> | gezinsplan validate -`)",
            tracked.describe(commit),
            commit.get(..7).unwrap_or(commit)
        ),
    }
}
