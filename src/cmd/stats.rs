//! `gezinsplan stats`: anonymous figures across plans, for the region.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;

use crate::Streams;
use crate::exit::Status;
use crate::files::Input;
use crate::lang::Lang;
use crate::stats::{self, Figure, Figures};

#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<Input>,
    pub today: NaiveDate,
    pub format: Format,
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Markdown,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let mut plans = Vec::new();
    let status = super::for_each_valid_plan(
        &options.inputs,
        crate::batch::Needs::Plan,
        streams,
        |_, analysed| {
            plans.extend(analysed.plan);
        },
    )?;
    let figures = stats::figures(&plans, options.today);
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *streams.stdout, &figures)?;
            writeln!(streams.stdout)?;
        }
        Format::Table | Format::Markdown => {
            let text = report(
                &figures,
                options.lang,
                options.format == Format::Markdown,
                options.today,
            );
            streams.stdout.write_all(text.as_bytes())?;
        }
    }
    Ok(status)
}

fn words(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    let nl = lang == Lang::Nl;
    [
        ("title", if nl { "Cijfers over de gezinsplannen" } else { "Figures across the family plans" }),
        ("on", if nl { "peildatum" } else { "as of" }),
        ("plans", if nl { "Plannen" } else { "Plans" }),
        ("goals", if nl { "Doelen" } else { "Goals" }),
        ("by_status", if nl { "Doelen naar stand" } else { "Goals by status" }),
        ("by_domain", if nl { "Doelen naar levensgebied (open / later / behaald / gestopt)" } else { "Goals by life domain (open / later / achieved / stopped)" }),
        ("other", if nl { "overige levensgebieden of geen" } else { "other domains or none" }),
        ("achieved", if nl { "Aandeel doelen behaald" } else { "Share of goals achieved" }),
        ("age", if nl { "Mediane looptijd van een plan (dagen)" } else { "Median age of a plan (days)" }),
        ("planned", if nl { "Aandeel plannen met een geplande evaluatie" } else { "Share of plans with an evaluation planned" }),
        ("overdue", if nl { "Aandeel evaluaties over de datum" } else { "Share of evaluations overdue" }),
        ("per_goal", if nl { "Afspraken per doel" } else { "Agreements per goal" }),
        ("coordination", if nl { "Wie coördineert (aantal plannen)" } else { "Who coordinates (number of plans)" }),
        ("parent", if nl { "een ouder" } else { "a parent" }),
        ("family", if nl { "een ander gezinslid" } else { "another family member" }),
        ("informal", if nl { "iemand uit het eigen netwerk" } else { "the informal network" }),
        ("professional", if nl { "een professional" } else { "a professional" }),
        ("professionals", "Professionals per plan"),
        ("round_tables", if nl { "Rondetafelgesprekken per plan per jaar" } else { "Round tables per plan per year" }),
        ("withheld", if nl { "niet getoond: minder dan 5 plannen" } else { "not shown: fewer than 5 plans" }),
        ("note", if nl {
            "Groepen van minder dan 5 plannen worden niet uitgesplitst, zodat geen gezin herkenbaar is. Er staan geen namen of teksten uit de plannen in deze cijfers."
        } else {
            "Groups of fewer than 5 plans are not broken down, so no family can be recognised. No names or texts from the plans are in these figures."
        }),
        ("open", "open"),
        ("later", "later"),
        ("achieved_status", if nl { "behaald" } else { "achieved" }),
        ("stopped", if nl { "gestopt" } else { "stopped" }),
    ]
    .into_iter()
    .collect()
}

fn report(f: &Figures, lang: Lang, markdown: bool, today: NaiveDate) -> String {
    let w = words(lang);
    let value = |figure: &Figure, percent: bool| match figure {
        Figure::Value(v) if percent => format!("{:.0}%", v * 100.0),
        Figure::Value(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Figure::Value(v) => format!("{v:.2}"),
        Figure::Withheld(_) => w["withheld"].to_owned(),
    };
    let mut lines: Vec<(String, String)> = vec![
        (w["plans"].into(), f.plans.to_string()),
        (w["goals"].into(), value(&f.goals, false)),
    ];
    for (status, label) in [
        ("open", "open"),
        ("later", "later"),
        ("achieved", "achieved_status"),
        ("stopped", "stopped"),
    ] {
        lines.push((
            format!("{}: {}", w["by_status"], w[label]),
            value(&f.goals_by_status[status], false),
        ));
    }
    for (domain, counts) in &f.goals_by_domain {
        let row = ["open", "later", "achieved", "stopped"]
            .map(|s| counts.get(s).copied().unwrap_or(0).to_string())
            .join(" / ");
        lines.push((format!("{}: {domain}", w["by_domain"]), row));
    }
    lines.push((
        format!("{}: {}", w["by_domain"], w["other"]),
        value(&f.other_goals, false),
    ));
    lines.push((w["achieved"].into(), value(&f.share_of_goals_achieved, true)));
    lines.push((w["age"].into(), value(&f.median_plan_age_days, false)));
    lines.push((
        w["planned"].into(),
        value(&f.share_of_plans_with_evaluation_planned, true),
    ));
    lines.push((w["overdue"].into(), value(&f.share_of_evaluations_overdue, true)));
    lines.push((w["per_goal"].into(), value(&f.agreements_per_goal, false)));
    for role in ["parent", "family", "informal", "professional"] {
        lines.push((
            format!("{}: {}", w["coordination"], w[role]),
            value(&f.coordinated_by[role], false),
        ));
    }
    lines.push((w["professionals"].into(), value(&f.professionals_per_plan, false)));
    lines.push((
        w["round_tables"].into(),
        value(&f.round_tables_per_plan_per_year, false),
    ));

    let mut out = String::new();
    if markdown {
        out.push_str(&format!(
            "# {} ({} {today})\n\n| | |\n|---|---:|\n",
            w["title"], w["on"]
        ));
        for (label, v) in &lines {
            out.push_str(&format!("| {label} | {v} |\n"));
        }
        out.push_str(&format!("\n{}\n", w["note"]));
    } else {
        let width = lines.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
        out.push_str(&format!("{} ({} {today})\n\n", w["title"], w["on"]));
        for (label, v) in &lines {
            out.push_str(&format!("{label:<width$}  {v}\n"));
        }
        out.push_str(&format!("\n{}\n", w["note"]));
    }
    out
}
