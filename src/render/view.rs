//! The pieces every document shows (people, goals, agreements, scores), as the values
//! templates receive: formatted in the document's language and escaped for its format.

use chrono::NaiveDate;
use serde::Serialize;

use super::DocFormat;
use super::{chart, labels, markup};
use crate::dates;
use crate::lang::Lang;
use crate::plan::{Agreement, Evaluation, Goal, Plan};

/// What a document is rendered from, and how.
pub struct Style<'p> {
    pub plan: &'p Plan,
    pub format: DocFormat,
    pub lang: Lang,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: String,
    pub name: String,
    /// "moeder", "jeugd- en gezinswerker, CJG Leiden", or empty.
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub family: bool,
    pub professional: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    pub id: String,
    pub number: usize,
    /// The goal in the family's words (Markdown rendered).
    pub text: String,
    pub domain: Option<String>,
    /// Names of the family members whose goal it is.
    pub owners: String,
    pub status: String,
    pub status_key: &'static str,
    pub evaluate_by: Option<String>,
    pub evaluation_due: bool,
    /// When the goal was ticked off, for achieved goals.
    pub achieved_on: Option<String>,
    pub agreements: Vec<AgreementView>,
    pub ended: Vec<AgreementView>,
    pub evaluations: Vec<EvaluationView>,
    pub scores: Vec<ScoreView>,
    /// "4 → 6 → 7", empty without scores.
    pub score_row: String,
    /// The scores as an SVG chart (HTML only, two scores or more).
    pub chart: Option<String>,
    pub latest: Option<ScoreView>,
    pub previous: Option<ScoreView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvaluationView {
    pub date: String,
    pub scale: Option<u8>,
    pub outcome: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    pub who: String,
    pub what: String,
    pub start: String,
    pub end: String,
    pub status: String,
    pub status_key: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreView {
    pub date: String,
    pub scale: u8,
}

impl<'p> Style<'p> {
    pub fn text(&self, value: &str) -> String {
        markup::text(self.format, value)
    }

    pub fn rich_inline(&self, value: &str) -> String {
        markup::rich_inline(self.format, value)
    }

    pub fn rich_block(&self, value: &str) -> String {
        markup::rich_block(self.format, value)
    }

    /// "3 december 2026".
    pub fn date(&self, date: NaiveDate) -> String {
        dates::day_month_year(self.lang, date)
    }

    /// "donderdag 3 december 2026".
    pub fn long_date(&self, date: NaiveDate) -> String {
        dates::long_date(self.lang, date)
    }

    /// The labels of the language, rendered for the format (they hold a little Markdown).
    pub fn labels(&self) -> std::collections::BTreeMap<&'static str, String> {
        labels::labels(self.lang)
            .into_iter()
            .map(|(k, v)| {
                // Only a few labels hold Markdown; running the others through comrak is waste.
                let rendered = if v.contains('*') {
                    markup::rich_inline(self.format, v)
                } else {
                    self.text(v)
                };
                (k, rendered)
            })
            .collect()
    }

    /// Someone from the family or the network; an unknown id shows as itself.
    pub fn person(&self, id: &str) -> PersonView {
        if let Some(m) = self.plan.member(id) {
            return PersonView {
                id: self.text(id),
                name: self.text(&m.name),
                role: self.text(m.role.as_deref().unwrap_or("")),
                email: m.email.as_deref().map(|e| self.text(e)),
                phone: m.phone.as_deref().map(|p| self.text(p)),
                family: true,
                professional: false,
            };
        }
        if let Some(p) = self.plan.person(id) {
            let role = [p.role.as_deref(), p.organisation.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            return PersonView {
                id: self.text(id),
                name: self.text(&p.name),
                role: self.text(&role),
                email: p.email.as_deref().map(|e| self.text(e)),
                phone: p.phone.as_deref().map(|p| self.text(p)),
                family: false,
                professional: p.professional,
            };
        }
        PersonView {
            id: self.text(id),
            name: self.text(id),
            role: String::new(),
            email: None,
            phone: None,
            family: false,
            professional: false,
        }
    }

    /// "Sanne Jansen, Petra de Vries en Kees Smit", escaped.
    pub fn names(&self, ids: &[&str]) -> String {
        let names: Vec<String> = ids
            .iter()
            .map(|id| self.plan.name_of(id).unwrap_or(id).to_owned())
            .collect();
        self.text(&labels::join_names(self.lang, &names))
    }

    pub fn agreement(&self, a: &Agreement) -> AgreementView {
        AgreementView {
            who: self.text(self.plan.name_of(&a.who).unwrap_or(&a.who)),
            what: self.rich_inline(&a.what),
            start: self.date(a.start),
            end: self.date(a.end),
            status: labels::agreement_status(self.lang, a.status).to_owned(),
            status_key: crate::plan::Keyword::as_str(a.status),
        }
    }

    /// A goal with nothing attached yet; the caller adds what its document shows.
    pub fn goal(&self, goal: &Goal, number: usize) -> GoalView {
        let owners: Vec<&str> = goal.owners.iter().map(String::as_str).collect();
        GoalView {
            id: self.text(&goal.id),
            number,
            text: self.rich_inline(&goal.goal),
            domain: goal.domain.map(|d| labels::domain(self.lang, d).to_owned()),
            owners: self.names(&owners),
            status: labels::goal_status(self.lang, goal.status).to_owned(),
            status_key: crate::plan::Keyword::as_str(goal.status),
            evaluate_by: goal.evaluate_by.map(|d| self.date(d)),
            evaluation_due: false,
            achieved_on: None,
            agreements: Vec::new(),
            ended: Vec::new(),
            evaluations: Vec::new(),
            scores: Vec::new(),
            score_row: String::new(),
            chart: None,
            latest: None,
            previous: None,
        }
    }

    pub fn agreements(&self, agreements: &[&Agreement]) -> Vec<AgreementView> {
        agreements.iter().map(|a| self.agreement(a)).collect()
    }

    pub fn evaluation(&self, e: &Evaluation) -> EvaluationView {
        EvaluationView {
            date: self.date(e.date),
            scale: e.scale,
            outcome: e.outcome.map(|o| labels::outcome(self.lang, o).to_owned()),
            notes: e.notes.as_deref().map(|n| self.rich_inline(n)),
        }
    }

    /// The scale scores of `evaluations` (those without a score are skipped), as a row, the
    /// latest two, and in HTML a chart. `subject` names what was scored, for the chart's title.
    pub fn scores(&self, evaluations: &[&Evaluation], subject: &str) -> Scores {
        let scored: Vec<(NaiveDate, u8)> = evaluations
            .iter()
            .filter_map(|e| e.scale.map(|s| (e.date, s)))
            .collect();
        let views: Vec<ScoreView> = scored
            .iter()
            .map(|(date, scale)| ScoreView {
                date: self.date(*date),
                scale: *scale,
            })
            .collect();
        let row = scored
            .iter()
            .map(|(_, s)| s.to_string())
            .collect::<Vec<_>>()
            .join(" → ");
        let chart = match self.format {
            DocFormat::Markdown | DocFormat::Text => None,
            DocFormat::Html => {
                let points: Vec<chart::Point> = scored
                    .iter()
                    .map(|(date, score)| chart::Point {
                        label: dates::short_date(self.lang, *date),
                        score: *score,
                    })
                    .collect();
                let spoken: Vec<String> = scored
                    .iter()
                    .map(|(date, score)| format!("{score} ({})", self.date(*date)))
                    .collect();
                let title = format!(
                    "{}, {subject}: {}",
                    labels::labels(self.lang)["scale"],
                    spoken.join(", ")
                );
                chart::scale_chart(&points, &title)
            }
        };
        Scores {
            latest: views.last().cloned(),
            previous: views.len().checked_sub(2).and_then(|i| views.get(i)).cloned(),
            row,
            chart,
            all: views,
        }
    }
}

/// Scale scores prepared for a document.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    pub all: Vec<ScoreView>,
    /// "4 → 6 → 7", empty without scores.
    pub row: String,
    /// An SVG chart (HTML, two scores or more).
    pub chart: Option<String>,
    pub latest: Option<ScoreView>,
    pub previous: Option<ScoreView>,
}

impl GoalView {
    pub fn set_scores(&mut self, scores: Scores) {
        self.scores = scores.all;
        self.score_row = scores.row;
        self.chart = scores.chart;
        self.latest = scores.latest;
        self.previous = scores.previous;
    }
}
