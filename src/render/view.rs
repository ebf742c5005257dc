//! The pieces every document shows (people, goals, agreements, scores), as the values
//! templates receive: formatted in the document's language and escaped for its format.

use chrono::NaiveDate;
use serde::Serialize;

use super::DocFormat;
use super::labels;
use super::markup;
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
    pub agreements: Vec<AgreementView>,
    pub ended: Vec<AgreementView>,
    pub scores: Vec<ScoreView>,
    /// "4 → 6 → 7", empty without scores.
    pub score_row: String,
    pub latest: Option<ScoreView>,
    pub previous: Option<ScoreView>,
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
            .map(|(k, v)| (k, markup::rich_inline(self.format, v)))
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

    /// A goal with the agreements and scores the caller chose to show with it.
    pub fn goal(
        &self,
        goal: &Goal,
        number: usize,
        agreements: &[&Agreement],
        ended: &[&Agreement],
        scores: &[&Evaluation],
        evaluation_due: bool,
    ) -> GoalView {
        let owners: Vec<&str> = goal.owners.iter().map(String::as_str).collect();
        let scores: Vec<ScoreView> = scores
            .iter()
            .filter_map(|e| {
                e.scale.map(|scale| ScoreView {
                    date: self.date(e.date),
                    scale,
                })
            })
            .collect();
        let score_row = scores
            .iter()
            .map(|s| s.scale.to_string())
            .collect::<Vec<_>>()
            .join(" → ");
        GoalView {
            id: self.text(&goal.id),
            number,
            text: self.rich_inline(&goal.goal),
            domain: goal.domain.map(|d| labels::domain(self.lang, d).to_owned()),
            owners: self.names(&owners),
            status: labels::goal_status(self.lang, goal.status).to_owned(),
            status_key: crate::plan::Keyword::as_str(goal.status),
            evaluate_by: goal.evaluate_by.map(|d| self.date(d)),
            evaluation_due,
            agreements: agreements.iter().map(|a| self.agreement(a)).collect(),
            ended: ended.iter().map(|a| self.agreement(a)).collect(),
            latest: scores.last().cloned(),
            previous: scores.len().checked_sub(2).and_then(|i| scores.get(i)).cloned(),
            score_row,
            scores,
        }
    }
}
