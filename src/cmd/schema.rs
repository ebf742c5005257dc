//! `gezinsplan schema`: the JSON Schema of the plan format, for editors.

use anyhow::Result;

use crate::Streams;
use crate::exit::Status;

pub fn run(streams: &mut Streams) -> Result<Status> {
    streams
        .stdout
        .write_all(crate::schema::plan_schema().as_bytes())?;
    Ok(Status::Success)
}
