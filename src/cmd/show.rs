//! `gezinsplan show`: the plan document, for the family or for one person.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::DocOptions;
use crate::Streams;
use crate::exit::Status;
use crate::render::view::Style;
use crate::sharing::Reader;

#[derive(Debug, Clone)]
pub struct Options {
    pub plan: PathBuf,
    pub today: NaiveDate,
    pub doc: DocOptions,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let plan = match super::load_plan(&options.plan, streams)? {
        Ok(plan) => plan,
        Err(status) => return Ok(status),
    };
    let reader = Reader::for_id(&plan, options.doc.for_id.as_deref())?;
    let document = crate::document::build(&plan, &reader, options.today);
    let style = Style {
        plan: &plan,
        format: options.doc.format,
        lang: options.doc.lang,
    };
    let text = super::templates(&options.plan, options.doc.templates.as_deref())?
        .plan_document(&document, &style)?;
    super::emit(&text, &options.doc, streams)?;
    Ok(Status::Success)
}
