//! `gezinsplan due`: what is due across all plans, as a table or JSON.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::Streams;
use crate::batch::Needs;
use crate::dates::{self, Horizon};
use crate::deadlines::{self, DueKind, Entry};
use crate::exit::Status;
use crate::files::Input;
use crate::lang::Lang;
use crate::render::calendar;

#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<Input>,
    pub today: NaiveDate,
    pub within: Horizon,
    pub format: Format,
    /// Language of the calendar's texts.
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    /// iCalendar: one all-day event per item.
    Ics,
}

/// One item as JSON: exactly the keys the README documents.
#[derive(Debug, Serialize)]
struct Record<'a> {
    plan: &'a str,
    family: &'a str,
    kind: &'static str,
    date: Option<String>,
    days: Option<i64>,
    goal: Option<&'a str>,
    who: Option<&'a str>,
    coordinator: RecordContact<'a>,
}

#[derive(Debug, Serialize)]
struct RecordContact<'a> {
    name: &'a str,
    email: Option<&'a str>,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let last_day = options.within.last_day(options.today);
    let mut entries = Vec::new();
    let status = super::for_each_valid_plan(&options.inputs, Needs::Deadlines, streams, |file, analysed| {
        if let Some(deadlines) = analysed.deadlines {
            entries.extend(deadlines.entries(&file.name, last_day));
        }
    })?;
    deadlines::sort(&mut entries);
    match options.format {
        Format::Json => {
            let records: Vec<Record> = entries.iter().map(|e| record(e, options.today)).collect();
            serde_json::to_writer_pretty(&mut *streams.stdout, &records)?;
            writeln!(streams.stdout)?;
        }
        Format::Table => write_table(streams.stdout, &entries, options.today, last_day)?,
        Format::Ics => {
            let (dated, undated): (Vec<&Entry>, Vec<&Entry>) =
                entries.iter().partition(|e| e.item.date.is_some());
            streams
                .stdout
                .write_all(calendar::due(&dated, options.today, options.lang).as_bytes())?;
            for entry in undated {
                writeln!(
                    streams.stderr,
                    "note: {} ({}): no evaluation planned; not in the calendar",
                    entry.plan.family, entry.plan.file
                )?;
            }
        }
    }
    Ok(status)
}

fn record(entry: &Entry, today: NaiveDate) -> Record<'_> {
    Record {
        plan: &entry.plan.file,
        family: &entry.plan.family,
        kind: entry.item.kind.as_str(),
        date: entry.item.date.map(dates::iso),
        days: entry.item.days(today),
        goal: entry.item.goal.as_deref(),
        who: entry.item.who.as_deref(),
        coordinator: RecordContact {
            name: &entry.plan.coordinator.name,
            email: entry.plan.coordinator.email.as_deref(),
        },
    }
}

fn describe(entry: &Entry) -> String {
    let goal = entry.item.goal.as_deref().unwrap_or("");
    let who = entry.item.who.as_deref().unwrap_or("");
    match entry.item.kind {
        DueKind::PlanEvaluation => "evaluate the whole plan".into(),
        DueKind::GoalEvaluation => format!("evaluate goal {goal}"),
        DueKind::AgreementEnd => format!("agreement ends: {who} on {goal}"),
        DueKind::NoEvaluationPlanned => "no evaluation planned".into(),
    }
}

fn when(days: Option<i64>) -> String {
    match days {
        None => "-".into(),
        Some(0) => "today".into(),
        Some(1) => "tomorrow".into(),
        Some(d) if d < 0 => format!("OVERDUE {}d", -d),
        Some(d) => format!("in {d}d"),
    }
}

/// The table is written row by row in two passes (widths, then text), so even a list of
/// tens of thousands of items is never held as text in memory.
fn write_table(
    out: &mut dyn Write,
    entries: &[Entry],
    today: NaiveDate,
    last_day: NaiveDate,
) -> std::io::Result<()> {
    if entries.is_empty() {
        return writeln!(out, "Nothing due up to {}.", dates::iso(last_day));
    }
    let header = ["DATE", "WHEN", "FAMILY", "DUE", "COORDINATOR", "PLAN"].map(String::from);
    let cells = |e: &Entry| -> [String; 6] {
        let coordinator = match &e.plan.coordinator.email {
            Some(email) => format!("{} <{email}>", e.plan.coordinator.name),
            None => e.plan.coordinator.name.clone(),
        };
        [
            e.item.date.map_or_else(|| "-".into(), dates::iso),
            when(e.item.days(today)),
            e.plan.family.clone(),
            describe(e),
            coordinator,
            e.plan.file.clone(),
        ]
    };
    let mut widths = header.each_ref().map(|h| h.width());
    for entry in entries {
        for (width, cell) in widths.iter_mut().zip(cells(entry)) {
            *width = (*width).max(cell.width());
        }
    }
    let write_line = |out: &mut dyn Write, cells: [String; 6]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    write_line(out, header)?;
    for entry in entries {
        write_line(out, cells(entry))?;
    }
    Ok(())
}
