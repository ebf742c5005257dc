//! `gezinsplan new`: starts a plan for a new family, never over an existing file.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::Streams;
use crate::exit::Status;
use crate::files::{self, Overwrite};
use crate::render::Templates;
use crate::render::scaffold::{self, NewPlan};

#[derive(Debug, Clone)]
pub struct Options {
    pub name: String,
    pub dir: PathBuf,
    /// "NAME:ROLE" or "NAME".
    pub members: Vec<String>,
    pub coordinator: Option<String>,
    pub today: NaiveDate,
}

pub fn run(options: &Options, streams: &mut Streams) -> Result<Status> {
    let family = options.name.trim();
    let file_stem = slug::slugify(family);
    if file_stem.is_empty() {
        bail!(
            "cannot make a file name from {:?}; give the family's name, e.g. \"Familie Jansen\"",
            options.name
        );
    }
    let path = options.dir.join(format!("{file_stem}.yaml"));

    let mut used: Vec<String> = Vec::new();
    let mut members: Vec<(String, String, Option<String>)> = Vec::new();
    for spec in &options.members {
        let (name, role) = match spec.split_once(':') {
            Some((name, role)) => (name.trim(), Some(role.trim()).filter(|r| !r.is_empty())),
            None => (spec.trim(), None),
        };
        if name.is_empty() {
            bail!("--member {spec:?} has no name; write it as \"NAME:ROLE\", e.g. \"Sanne Jansen:moeder\"");
        }
        let id = unique_id(name, &used);
        used.push(id.clone());
        members.push((id, name.to_owned(), role.map(str::to_owned)));
    }
    if members.is_empty() {
        used.push("ouder".into());
        members.push(("ouder".into(), "Naam van de ouder".into(), Some("ouder".into())));
    }

    let (coordinator, coordinator_person) = match options.coordinator.as_deref().map(str::trim) {
        None | Some("") => (members[0].0.clone(), None),
        Some(name) => match members
            .iter()
            .find(|(id, member, _)| member.eq_ignore_ascii_case(name) || id == name)
        {
            Some((id, _, _)) => (id.clone(), None),
            None => {
                let id = unique_id(name, &used);
                (id.clone(), Some((id, name.to_owned())))
            }
        },
    };

    let file_name = path.display().to_string();
    let schema = schema_path(&options.dir);
    let view = scaffold::view(&NewPlan {
        family,
        file: &file_name,
        schema: &schema,
        started: options.today,
        members: &members,
        coordinator: &coordinator,
        coordinator_person: coordinator_person
            .as_ref()
            .map(|(id, name)| (id.as_str(), name.as_str())),
    });
    let text = Templates::builtin()?.render("new-plan.yaml", &view)?;
    files::write_atomic(&path, text.as_bytes(), Overwrite::Never)?;
    writeln!(streams.stdout, "{}", path.display())?;
    Ok(Status::Success)
}

/// The schema for editors, relative to the new plan: the nearest `gezinsplan.schema.json` up
/// the folders, else where `gezinsplan init` puts it (the root of the git repository), else the
/// folder above (the layout `init` makes: plans in `plans/`, the schema beside it).
fn schema_path(dir: &Path) -> String {
    const SCHEMA: &str = crate::cmd::init::SCHEMA_FILE;
    let Ok(dir) = dir.canonicalize() else {
        return format!("../{SCHEMA}");
    };
    let target = dir.ancestors().find_map(|folder| {
        let schema = folder.join(SCHEMA);
        if schema.is_file() || folder.join(".git").exists() {
            Some(schema)
        } else {
            None
        }
    });
    target
        .and_then(|schema| pathdiff::diff_paths(schema, &dir))
        .map(|relative| relative.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|| format!("../{SCHEMA}"))
}

/// An id from a person's first name (`Sanne Jansen` → `sanne`), made longer when taken.
fn unique_id(name: &str, used: &[String]) -> String {
    let full = slug::slugify(name);
    let full = if full.is_empty() {
        "persoon".to_owned()
    } else {
        full
    };
    let first = full.split('-').next().unwrap_or(&full).to_owned();
    if !used.contains(&first) {
        return first;
    }
    if !used.contains(&full) {
        return full;
    }
    (2..)
        .map(|n| format!("{full}-{n}"))
        .find(|id| !used.contains(id))
        .unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::unique_id;

    #[test]
    fn ids_come_from_first_names_and_stay_unique() {
        assert_eq!(unique_id("Sanne Jansen", &[]), "sanne");
        assert_eq!(unique_id("Sanne de Boer", &["sanne".into()]), "sanne-de-boer");
        assert_eq!(unique_id("Sanne", &["sanne".into()]), "sanne-2");
        assert_eq!(unique_id("Çelik", &[]), "celik");
        assert_eq!(unique_id("!!!", &[]), "persoon");
    }
}
