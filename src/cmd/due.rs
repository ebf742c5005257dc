//! `gezinsplan due`: what is due across all plans, as a table or JSON.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::Streams;
use crate::dates::{self, Horizon};
use crate::deadlines::{self, DueItem, DueKind};
use crate::diagnostic::Severity;
use crate::exit::Status;
use crate::files::{self, Contents, Input};
use crate::plan::{Plan, load};

#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<Input>,
    pub today: NaiveDate,
    pub within: Horizon,
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

/// One line of the list: a due item with what it needs from its plan.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub plan: String,
    pub family: String,
    pub kind: &'static str,
    pub date: Option<String>,
    pub days: Option<i64>,
    pub goal: Option<String>,
    pub who: Option<String>,
    pub coordinator: Coordinator,
    #[serde(skip)]
    sort_date: Option<NaiveDate>,
    #[serde(skip)]
    kind_order: DueKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coordinator {
    pub name: String,
    pub email: Option<String>,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let last_day = options.within.last_day(options.today);
    let (plan_files, problems) = files::discover(&options.inputs);
    let mut status = if problems.is_empty() {
        Status::Success
    } else {
        Status::Failure
    };
    for problem in &problems {
        writeln!(streams.stderr, "error: {problem}")?;
    }
    let mut rows = Vec::new();
    for file in &plan_files {
        let bytes = match files::read(file, streams.stdin) {
            Ok(Contents::Bytes(bytes)) => bytes,
            Ok(Contents::TooLarge(_)) => {
                writeln!(
                    streams.stderr,
                    "error: {}: too large to be a plan; run `gezinsplan validate` on it",
                    file.name
                )?;
                status = status.worst(Status::Findings);
                continue;
            }
            Err(problem) => {
                writeln!(streams.stderr, "error: {problem}")?;
                status = Status::Failure;
                continue;
            }
        };
        let analysis = load::analyze(&bytes);
        let Some(plan) = analysis.valid_plan() else {
            let errors = analysis
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            writeln!(
                streams.stderr,
                "error: {}: the plan has {errors} error{}, so its items are not listed; run `gezinsplan validate {}`",
                file.name,
                if errors == 1 { "" } else { "s" },
                file.name
            )?;
            status = status.worst(Status::Findings);
            continue;
        };
        rows.extend(
            deadlines::due(plan, last_day)
                .into_iter()
                .map(|item| row(&file.name, plan, item, options.today)),
        );
    }
    // Items with a date first, by date, then plan; then the plans without a planned evaluation.
    rows.sort_by(|a, b| {
        (
            a.sort_date.is_none(),
            a.sort_date,
            &a.plan,
            a.kind_order,
            &a.goal,
            &a.who,
        )
            .cmp(&(
                b.sort_date.is_none(),
                b.sort_date,
                &b.plan,
                b.kind_order,
                &b.goal,
                &b.who,
            ))
    });
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *streams.stdout, &rows)?;
            writeln!(streams.stdout)?;
        }
        Format::Table => write_table(streams.stdout, &rows, last_day)?,
    }
    Ok(status)
}

fn row(file: &str, plan: &Plan, item: DueItem, today: NaiveDate) -> Row {
    let coordinator = Coordinator {
        name: plan
            .name_of(&plan.coordinator)
            .unwrap_or(&plan.coordinator)
            .to_owned(),
        email: plan
            .member(&plan.coordinator)
            .and_then(|m| m.email.clone())
            .or_else(|| plan.person(&plan.coordinator).and_then(|p| p.email.clone())),
    };
    Row {
        plan: file.to_owned(),
        family: plan.family.name.clone(),
        kind: item.kind.as_str(),
        date: item.date.map(dates::iso),
        days: item.days(today),
        goal: item.goal.clone(),
        who: item.who.clone(),
        coordinator,
        sort_date: item.date,
        kind_order: item.kind,
    }
}

fn describe(row: &Row) -> String {
    let goal = row.goal.as_deref().unwrap_or("");
    let who = row.who.as_deref().unwrap_or("");
    match row.kind_order {
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

fn write_table(out: &mut dyn Write, rows: &[Row], last_day: NaiveDate) -> std::io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "Nothing due up to {}.", dates::iso(last_day));
    }
    let header = ["DATE", "WHEN", "FAMILY", "DUE", "COORDINATOR", "PLAN"];
    let lines: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let coordinator = match &r.coordinator.email {
                Some(email) => format!("{} <{email}>", r.coordinator.name),
                None => r.coordinator.name.clone(),
            };
            [
                r.date.clone().unwrap_or_else(|| "-".into()),
                when(r.days),
                r.family.clone(),
                describe(r),
                coordinator,
                r.plan.clone(),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.width());
        }
    }
    let write_line = |out: &mut dyn Write, cells: &[&str]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    write_line(out, &header)?;
    for line in &lines {
        let cells: Vec<&str> = line.iter().map(String::as_str).collect();
        write_line(out, &cells)?;
    }
    Ok(())
}
