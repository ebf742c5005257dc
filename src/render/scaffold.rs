//! The values the template of a new plan (`new-plan.yaml`) receives, quoted for YAML.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ScaffoldView {
    /// The family's name as a YAML string.
    pub family: String,
    /// The family's name for the first comment line (one line, no YAML quoting).
    pub family_comment: String,
    pub file: String,
    /// Where editors find the JSON Schema, relative to the plan.
    pub schema: String,
    pub started: String,
    pub members: Vec<MemberView>,
    pub first_member: String,
    pub coordinator: String,
    /// The coordinator when they join the network rather than being a family member.
    pub coordinator_person: Option<PersonView>,
}

#[derive(Debug, Serialize)]
pub struct MemberView {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PersonView {
    pub id: String,
    pub name: String,
}

/// A new plan's people, as ids and names.
pub struct NewPlan<'a> {
    pub family: &'a str,
    pub file: &'a str,
    pub schema: &'a str,
    pub started: NaiveDate,
    /// (id, name, role)
    pub members: &'a [(String, String, Option<String>)],
    pub coordinator: &'a str,
    /// (id, name) when the coordinator is not a family member.
    pub coordinator_person: Option<(&'a str, &'a str)>,
}

pub fn view(plan: &NewPlan) -> ScaffoldView {
    ScaffoldView {
        family: yaml_string(plan.family),
        family_comment: plan.family.split_whitespace().collect::<Vec<_>>().join(" "),
        file: plan.file.to_owned(),
        schema: plan.schema.to_owned(),
        started: crate::dates::iso(plan.started),
        members: plan
            .members
            .iter()
            .map(|(id, name, role)| MemberView {
                id: id.clone(),
                name: yaml_string(name),
                role: role.as_deref().map(yaml_string),
            })
            .collect(),
        first_member: plan.members.first().map(|m| m.0.clone()).unwrap_or_default(),
        coordinator: plan.coordinator.to_owned(),
        coordinator_person: plan.coordinator_person.map(|(id, name)| PersonView {
            id: id.to_owned(),
            name: yaml_string(name),
        }),
    }
}

/// A YAML double-quoted string: safe for any text, whatever characters it holds.
pub fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_round_trip() {
        for text in [
            "Familie \"De\" Vries: #1",
            "a\\b",
            "multi\nline",
            "tab\there",
            "- dash",
            "null",
        ] {
            let yaml = format!("v: {}", yaml_string(text));
            let root = crate::yaml::parse(&yaml).unwrap();
            let crate::yaml::Value::Map(entries) = root.value else {
                panic!()
            };
            assert_eq!(
                entries[0].value.value,
                crate::yaml::Value::Str(text.into()),
                "{text}"
            );
        }
    }
}
