//! Turning plans into documents: the built-in templates (embedded in the binary), the values
//! they receive, and the escaping that makes any text from a plan safe in Markdown and HTML.
//!
//! Every string handed to a template is already escaped for the document's format, so a
//! template cannot forget to escape; templates are rendered with Tera's autoescape off.

pub mod agenda;
pub mod calendar;
pub mod changes;
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
    ("diff.md", include_str!("../../templates/diff.md")),
    ("new-plan.yaml", include_str!("../../templates/new-plan.yaml")),
    ("plans-readme.md", include_str!("../../templates/plans-readme.md")),
];

/// The templates documents are rendered with.
pub struct Templates {
    tera: tera::Tera,
    /// Template name → the user's file it came from, to name it in errors.
    sources: std::collections::BTreeMap<String, String>,
}

impl Templates {
    pub fn builtin() -> Result<Templates> {
        Templates::with_overrides(&[])
    }

    /// The built-in templates, each replaced by a user's template of the same name (a house
    /// style); user templates may also add templates of their own for theirs to include.
    /// `user` holds (file path, name, text) of the user's templates.
    pub fn with_overrides(user: &[(String, String, String)]) -> Result<Templates> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(Vec::<&str>::new());
        let mut all: Vec<(&str, &str)> = BUILTIN
            .iter()
            .filter(|(name, _)| !user.iter().any(|(_, n, _)| n == name))
            .copied()
            .collect();
        all.extend(user.iter().map(|(_, name, text)| (name.as_str(), text.as_str())));
        tera.add_raw_templates(all).map_err(|e| {
            let text = describe_tera(&e);
            match user.iter().find(|(_, name, _)| text.contains(&format!("> {name}:"))) {
                Some((path, _, _)) => anyhow::anyhow!("{path}: {text}"),
                None => match user.iter().find(|(_, name, _)| name == "layout.html") {
                    // A built-in document failed on the user's layout it extends.
                    Some((layout, _, _)) => anyhow::anyhow!(
                        "{text}\nThe built-in documents extend your {layout}: keep the blocks `title` and `content` in it."
                    ),
                    None => anyhow::anyhow!("a built-in template is broken: {text}"),
                },
            }
        })?;
        let sources = user
            .iter()
            .map(|(path, name, _)| (name.clone(), path.clone()))
            .collect();
        Ok(Templates { tera, sources })
    }

    pub fn render(&self, name: &str, values: &impl Serialize) -> Result<String> {
        let context = tera::Context::from_serialize(values)
            .with_context(|| format!("cannot prepare the values for template {name}"))?;
        self.tera.render(name, &context).map_err(|e| {
            let origin = self
                .sources
                .get(name)
                .map_or_else(|| format!("template {name}"), |path| path.clone());
            anyhow::anyhow!("{origin}: {}", describe_tera(&e))
        })
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
    let mut text = e.to_string().trim_start_matches("error: ").to_owned();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
