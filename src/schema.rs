//! The JSON Schema of the plan format, generated from the domain model, for editors that show
//! help on hover and check a plan while it is typed.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::plan::{AgreementStatus, Domain, FORMAT_VERSION, GoalStatus, Keyword, MeetingKind, Outcome, Plan};

/// The schema as pretty-printed JSON, ending in a newline (as committed in `schema/`).
pub fn plan_schema() -> String {
    let mut schema = schemars::schema_for!(Plan);
    schema.insert(
        "title".into(),
        "Gezinsplan (1Gezin1Plan), format version 1".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// `version` is not in the domain model (a loaded plan is always version 1) but every file
/// must say it, first.
pub fn require_version(schema: &mut Schema) {
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert(
            "version".into(),
            serde_json::json!({
                "description": "Versie van het bestandsformaat: 1. / Version of the file format: 1.",
                "const": FORMAT_VERSION,
            }),
        );
    }
    if let Some(required) = schema.get_mut("required").and_then(|r| r.as_array_mut()) {
        required.insert(0, "version".into());
    }
}

/// A fixed set of words as a schema `enum`: the words of the file format and the other
/// spellings the tool accepts for them.
macro_rules! keyword_schema {
    ($type:ty, $name:literal, $description:literal) => {
        impl JsonSchema for $type {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let words: Vec<&str> = <$type as Keyword>::ALL
                    .iter()
                    .map(|(_, word)| *word)
                    .chain(<$type as Keyword>::ALIASES.iter().map(|(word, _)| *word))
                    .collect();
                json_schema!({
                    "type": "string",
                    "description": $description,
                    "enum": words,
                })
            }
        }
    };
}

keyword_schema!(Domain, "Domain", "Levensgebied. / Life domain.");
keyword_schema!(
    GoalStatus,
    "GoalStatus",
    "open (standaard), later, achieved (behaald), stopped (gestopt). / open (default), later, achieved, stopped."
);
keyword_schema!(
    AgreementStatus,
    "AgreementStatus",
    "open (standaard), done (gedaan), stopped (gestopt). / open (default), done, stopped."
);
keyword_schema!(
    MeetingKind,
    "MeetingKind",
    "rondetafel (standaard), evaluatie, dialoogtafel. / rondetafel (round table, default), evaluatie (evaluation), dialoogtafel (case review)."
);
keyword_schema!(
    Outcome,
    "Outcome",
    "continue (doorgaan), achieved (behaald), adjust (bijstellen), stopped (gestopt). / continue, achieved, adjust, stopped."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_requires_version_and_forbids_unknown_keys() {
        let schema: serde_json::Value = serde_json::from_str(&plan_schema()).unwrap();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(schema["required"][0], "version");
        assert_eq!(schema["properties"]["version"]["const"], 1);
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(schema["$defs"]["Goal"]["additionalProperties"], false);
        let domains = schema["$defs"]["Domain"]["enum"].as_array().unwrap();
        assert!(domains.contains(&"financien".into()) && domains.contains(&"financiën".into()));
        assert_eq!(
            schema["$defs"]["Agreement"]["properties"]["start"]["format"],
            "date"
        );
        let coordinator = &schema["properties"]["coordinator"]["description"];
        assert!(
            coordinator.as_str().unwrap().contains("zorgcoördinator")
                && coordinator.as_str().unwrap().contains("care coordinator")
        );
    }
}
