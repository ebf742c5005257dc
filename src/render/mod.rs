//! Turning plans into documents: the built-in templates (embedded in the binary), the values
//! they receive, and the escaping that makes any text from a plan safe in Markdown and HTML.
//!
//! Every string handed to a template is already escaped for the document's format, so a
//! template cannot forget to escape; templates are rendered with Tera's autoescape off.

pub mod agenda;
pub mod calendar;
pub mod chart;
pub mod invitation;
pub mod labels;
pub mod markup;
pub mod scaffold;
pub mod show;
pub mod view;

use anyhow::{Context as _, Result};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DocFormat {
    Markdown,
    Html,
    /// Plain text, as in the text part of a mail: nothing is markup, so nothing is escaped.
    Text,
}

impl DocFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DocFormat::Markdown => "md",
            DocFormat::Html => "html",
            DocFormat::Text => "txt",
        }
    }
}

/// The built-in templates, by the name a user's template would override them with.
const BUILTIN: &[(&str, &str)] = &[
    ("layout.html", include_str!("../../templates/layout.html")),
    ("agenda.md", include_str!("../../templates/agenda.md")),
    ("agenda.html", include_str!("../../templates/agenda.html")),
    ("show.md", include_str!("../../templates/show.md")),
    ("show.html", include_str!("../../templates/show.html")),
    ("invite.txt", include_str!("../../templates/invite.txt")),
    ("invite.html", include_str!("../../templates/invite.html")),
    ("new-plan.yaml", include_str!("../../templates/new-plan.yaml")),
];

/// The templates documents are rendered with.
pub struct Templates {
    tera: tera::Tera,
}

impl Templates {
    pub fn builtin() -> Result<Templates> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(Vec::<&str>::new());
        tera.add_raw_templates(BUILTIN.iter().copied())
            .context("a built-in template is broken")?;
        Ok(Templates { tera })
    }

    pub fn render(&self, name: &str, values: &impl Serialize) -> Result<String> {
        let context = tera::Context::from_serialize(values)
            .with_context(|| format!("cannot prepare the values for template {name}"))?;
        self.tera
            .render(name, &context)
            .map_err(|e| anyhow::anyhow!("template {name}: {}", describe_tera(&e)))
    }
}

impl Templates {
    /// The agenda of a meeting as `reader` may see it.
    pub fn agenda(
        &self,
        agenda: &crate::agenda::Agenda,
        style: &view::Style,
        reader: &crate::sharing::Reader,
    ) -> Result<String> {
        let values = agenda::view(agenda, style, reader);
        self.render(&format!("agenda.{}", style.format.extension()), &values)
    }

    /// The plan document ("het gezinsplan") as its reader may see it.
    pub fn plan_document(
        &self,
        document: &crate::document::PlanDocument,
        style: &view::Style,
    ) -> Result<String> {
        let values = show::view(document, style);
        self.render(&format!("show.{}", style.format.extension()), &values)
    }
}

/// Tera's error with its causes, which hold the line and what went wrong.
fn describe_tera(e: &tera::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
