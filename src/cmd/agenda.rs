//! `gezinsplan agenda`: the agenda of a meeting, for the family or for one person.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::DocOptions;
use crate::Streams;
use crate::agenda::{self, Choice};
use crate::exit::Status;
use crate::plan::MeetingKind;
use crate::render::view::Style;
use crate::sharing::Reader;

#[derive(Debug, Clone)]
pub struct Options {
    pub plan: PathBuf,
    pub date: Option<NaiveDate>,
    pub kind: Option<MeetingKind>,
    pub today: NaiveDate,
    pub doc: DocOptions,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let plan = match super::load_plan(&options.plan, streams)? {
        Ok(plan) => plan,
        Err(status) => return Ok(status),
    };
    let reader = Reader::for_id(&plan, options.doc.for_id.as_deref())?;
    let choice = agenda::choose(&plan, options.date, options.today)?;
    if choice == Choice::Unplanned {
        writeln!(
            streams.stderr,
            "note: no meeting planned on or after {}; this agenda leaves the date open",
            options.today
        )?;
    }
    let agenda = agenda::build(&plan, choice, options.kind, &reader, options.today);
    if !agenda.reader_attends
        && let Reader::Person(id) = &reader
    {
        writeln!(
            streams.stderr,
            "note: {id} is not among the attendees of this meeting"
        )?;
    }
    let style = Style {
        plan: &plan,
        format: options.doc.format,
        lang: options.doc.lang,
    };
    let document = super::templates(&options.plan, options.doc.templates.as_deref())?
        .agenda(&agenda, &style, &reader)?;
    super::emit(&document, &options.doc, streams)?;
    Ok(Status::Success)
}
