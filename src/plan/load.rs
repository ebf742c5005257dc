//! From a YAML tree to a [`Plan`]: every key, every type, every value of the file format, with
//! a diagnostic for each thing that is wrong (not only the first).
//!
//! Rules that compare one part of the plan with another live in [`super::check`]; what can be
//! judged from one item alone (a date, an id's spelling, an end before a start) is judged here.

use chrono::{NaiveDate, NaiveTime};

use super::{
    Agreement, AgreementStatus, Domain, Evaluation, FORMAT_VERSION, Family, Goal, GoalStatus, Keyword,
    Meeting, MeetingKind, Member, Outcome, Person, Plan,
};
use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::suggest;
use crate::yaml::{Node, Span, Value};

/// The plan read from a file, with everything that is wrong with it.
#[derive(Debug)]
pub struct Analysis {
    /// Present when the file could be read as a plan at all; complete only without errors.
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The plan, when it has no errors: only such a plan may be rendered or listed.
    pub fn valid_plan(&self) -> Option<&Plan> {
        if self.has_errors() {
            None
        } else {
            self.plan.as_ref()
        }
    }
}

/// Reads, checks and reports on one plan file's bytes. Never panics, whatever the input.
pub fn analyze(bytes: &[u8]) -> Analysis {
    let source = match crate::yaml::decode(bytes) {
        Ok(source) => source,
        Err(e) => {
            let mut d = Diagnostic::error("", e.message).maybe_help(e.help);
            d.span = e.span;
            return Analysis {
                plan: None,
                diagnostics: vec![d],
            };
        }
    };
    let root = match crate::yaml::parse(source) {
        Ok(root) => root,
        Err(e) => {
            let mut diagnostics = vec![Diagnostic::error("", e.message).maybe_help(e.help).at(e.span)];
            diagnostics.extend(super::privacy::citizen_numbers(source, None));
            diagnostics.sort_by_key(|d| (d.span.line, d.span.column));
            return Analysis {
                plan: None,
                diagnostics,
            };
        }
    };
    let mut loader = Loader {
        source,
        diagnostics: Vec::new(),
    };
    let plan = loader.plan(&root);
    let mut diagnostics = loader.diagnostics;
    if let Some(plan) = &plan {
        // A value that is present but wrong must not also be reported as missing.
        let wrong: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.path.as_str())
            .collect();
        for finding in super::check::check(plan, &wrong) {
            let span = locate(&root, &finding.path);
            // A finding about something missing from the plan as a whole has no line to show.
            diagnostics.push(if span == root.span {
                Diagnostic { span, ..finding }
            } else {
                finding.at(span)
            });
        }
    }
    diagnostics.extend(super::privacy::citizen_numbers(source, Some(&root)));
    diagnostics.extend(super::privacy::contact_details_in_text(source, &root));
    diagnostics.sort_by_key(|d| (d.span.line, d.span.column));
    Analysis { plan, diagnostics }
}

/// Where the value at a path such as `agreements[1].goal` stands; the nearest existing parent
/// when the value itself is missing.
pub fn locate(root: &Node, path: &str) -> Span {
    let mut node = root;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (key, indices) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        if !key.is_empty() {
            let Value::Map(entries) = &node.value else {
                break;
            };
            match entries.iter().find(|e| e.key.value == Value::Str(key.to_owned())) {
                Some(entry) => node = &entry.value,
                None => break,
            }
        }
        for index in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            let item = match (&node.value, index.parse::<usize>()) {
                (Value::Seq(items), Ok(i)) => items.get(i),
                _ => None,
            };
            match item {
                Some(item) => node = item,
                None => return node.span,
            }
        }
    }
    node.span
}

struct Loader<'s> {
    source: &'s str,
    diagnostics: Vec<Diagnostic>,
}

/// The entries of one map in the file, checked against the keys it may have.
struct Fields<'n> {
    node: &'n Node,
    path: String,
    /// What the map describes, for messages: "a goal", "the family".
    what: &'static str,
    entries: Vec<(&'static str, &'n Node)>,
}

impl<'n> Fields<'n> {
    /// The value of a key; an empty value (`key:` or `key: ~`) counts as absent.
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, node)| *node)
            .filter(|node| node.value != Value::Null)
    }

    fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

/// `goals[0].share_with`; a key that is not a plain word is quoted (`family["x.y"]`), so a path
/// always says which key it means.
fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    match (path.is_empty(), plain) {
        (true, true) => key.to_owned(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", serde_json::to_string(key).unwrap_or_default()),
    }
}

pub fn is_slug(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A valid slug close to what was typed: `Sanne de Vries` → `sanne-de-vries`.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

const PLAN_KEYS: &[&str] = &[
    "version",
    "family",
    "request",
    "strengths",
    "started",
    "coordinator",
    "coordination",
    "network",
    "goals",
    "agreements",
    "meetings",
    "next_evaluation",
    "evaluations",
];
const FAMILY_KEYS: &[&str] = &["name", "members"];
const MEMBER_KEYS: &[&str] = &["id", "name", "role", "born", "email", "phone"];
const PERSON_KEYS: &[&str] = &[
    "id",
    "name",
    "role",
    "organisation",
    "email",
    "phone",
    "professional",
];
const GOAL_KEYS: &[&str] = &[
    "id",
    "goal",
    "owners",
    "priority",
    "domain",
    "status",
    "share_with",
    "evaluate_by",
];
const AGREEMENT_KEYS: &[&str] = &["goal", "who", "what", "start", "end", "status"];
const MEETING_KEYS: &[&str] = &[
    "date",
    "kind",
    "time",
    "duration",
    "chair",
    "location",
    "attendees",
    "notes",
];
const EVALUATION_KEYS: &[&str] = &["date", "goal", "scale", "outcome", "notes"];

impl<'s> Loader<'s> {
    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn error_at(&mut self, node: &Node, path: &str, message: String, help: Option<String>) {
        self.report(Diagnostic::error(path, message).maybe_help(help).at(node.span));
    }

    fn plan(&mut self, root: &Node) -> Option<Plan> {
        match &root.value {
            Value::Map(_) => {}
            Value::Null => {
                self.error_at(
                    &Node {
                        value: Value::Null,
                        span: Span { line: 1, column: 1, start: 0, end: 0 },
                    },
                    "",
                    "the file is empty: there is no plan in it".into(),
                    Some("start a plan with `gezinsplan new \"Familie …\"`, or begin the file with `version: 1`".into()),
                );
                return None;
            }
            _ => {
                self.error_at(
                    root,
                    "",
                    format!(
                        "a plan is a map of keys (`version: 1`, `family:`, …), but the file holds {}",
                        root.kind_name()
                    ),
                    Some("start the file with `version: 1` on its own line, keys at the left margin".into()),
                );
                return None;
            }
        }
        let fields = self.fields(root, String::new(), "the plan", PLAN_KEYS)?;

        match fields.get("version") {
            None => self.report(
                Diagnostic::error(
                    "version",
                    "missing `version`: the file does not say which format it follows",
                )
                .help("add `version: 1` as the first line")
                .at(root.span),
            ),
            Some(node) => match node.value {
                Value::Int(FORMAT_VERSION) => {}
                _ => {
                    self.error_at(
                        node,
                        "version",
                        format!("unsupported format version `{}`", node.raw(self.source)),
                        Some(format!(
                            "this tool reads version {FORMAT_VERSION}: write `version: {FORMAT_VERSION}`"
                        )),
                    );
                    // Another version may mean anything; reporting its keys would only confuse.
                    return None;
                }
            },
        }

        let family = self.family(&fields);
        let plan = Plan {
            family,
            request: self.text(&fields, "request"),
            strengths: self.text_list(&fields, "strengths"),
            started: self.date(&fields, "started"),
            coordinator: self.required_id_ref(&fields, "coordinator"),
            coordination: self.text(&fields, "coordination"),
            network: self.list(&fields, "network", |l, n, p| l.person(n, p)),
            goals: self.list(&fields, "goals", |l, n, p| l.goal(n, p)),
            agreements: self.list(&fields, "agreements", |l, n, p| l.agreement(n, p)),
            meetings: self.list(&fields, "meetings", |l, n, p| l.meeting(n, p)),
            next_evaluation: self.date(&fields, "next_evaluation"),
            evaluations: self.list(&fields, "evaluations", |l, n, p| l.evaluation(n, p)),
        };
        Some(plan)
    }

    /// Checks a map's keys: unknown keys (with the closest known one), duplicates, non-text keys.
    fn fields<'n>(
        &mut self,
        node: &'n Node,
        path: String,
        what: &'static str,
        allowed: &[&'static str],
    ) -> Option<Fields<'n>> {
        let Value::Map(map) = &node.value else {
            self.error_at(
                node,
                &path,
                format!("{what} should be a map of keys, but this is {}", node.kind_name()),
                Some(format!(
                    "write the keys of {what} indented on the lines below, e.g. `{}: …`",
                    allowed[0]
                )),
            );
            return None;
        };
        let mut entries: Vec<(&'static str, &'n Node)> = Vec::with_capacity(map.len());
        let mut lines: Vec<(&'static str, u32)> = Vec::with_capacity(map.len());
        for entry in map {
            let Value::Str(key) = &entry.key.value else {
                let raw = entry.key.raw(self.source);
                self.error_at(
                    &entry.key,
                    &path,
                    format!("`{raw}` is not a key of {what}"),
                    Some(format!("keys are words; {what} has: {}", allowed.join(", "))),
                );
                continue;
            };
            let Some(known) = allowed.iter().find(|k| **k == key.as_str()) else {
                let help = match suggest::key(key, allowed) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("{what} has these keys: {}", allowed.join(", ")),
                };
                self.error_at(
                    &entry.key,
                    &join(&path, key),
                    format!("unknown key `{key}` in {what}"),
                    Some(help),
                );
                continue;
            };
            if let Some((_, first_line)) = lines.iter().find(|(k, _)| k == known) {
                let line = entry.key.span.line;
                self.error_at(
                    &entry.key,
                    &join(&path, key),
                    format!("key `{key}` appears twice in {what} (lines {first_line} and {line})"),
                    Some(format!(
                        "keep one `{key}`: YAML would silently use only one of them"
                    )),
                );
                continue;
            }
            lines.push((known, entry.key.span.line));
            entries.push((known, &entry.value));
        }
        Some(Fields {
            node,
            path,
            what,
            entries,
        })
    }

    fn missing(&mut self, fields: &Fields, key: &str, help: String) {
        self.report(
            Diagnostic::error(fields.path_of(key), format!("missing `{key}` in {}", fields.what))
                .help(help)
                .at(fields.node.span),
        );
    }

    /// Text of a scalar. Numbers and `true`/`false` count as text as written (a phone number).
    fn scalar_text(&mut self, node: &Node, path: &str, what: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                Some(node.raw(self.source).trim_matches(['"', '\'']).to_owned())
            }
            Value::Null => None,
            Value::Seq(_) | Value::Map(_) => {
                self.error_at(
                    node,
                    path,
                    format!("{what} should be text, but this is {}", node.kind_name()),
                    Some("write the text on the same line as the key; for several lines use `|`".into()),
                );
                None
            }
        }
    }

    fn text(&mut self, fields: &Fields, key: &str) -> Option<String> {
        let node = fields.get(key)?;
        self.scalar_text(node, &fields.path_of(key), &format!("`{key}`"))
    }

    fn required_text(&mut self, fields: &Fields, key: &str, help: &str) -> String {
        match self.text(fields, key) {
            Some(text) if !text.trim().is_empty() => text,
            Some(_) => {
                let node = fields.get(key).unwrap_or(fields.node);
                self.error_at(
                    node,
                    &fields.path_of(key),
                    format!("`{key}` is empty"),
                    Some(help.into()),
                );
                String::new()
            }
            None => {
                if fields.get(key).is_none() {
                    self.missing(fields, key, help.into());
                }
                String::new()
            }
        }
    }

    fn text_list(&mut self, fields: &Fields, key: &str) -> Vec<String> {
        let path = fields.path_of(key);
        let Some(items) = self.seq(fields, key) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.scalar_text(item, &format!("{path}[{i}]"), "each item"))
            .collect()
    }

    /// A list value; anything else is reported.
    fn seq<'n>(&mut self, fields: &Fields<'n>, key: &str) -> Option<&'n [Node]> {
        let node = fields.get(key)?;
        match &node.value {
            Value::Seq(items) => Some(items),
            _ => {
                let example = match key {
                    "owners" | "share_with" | "attendees" => format!("`{key}: [{}]`", node.raw(self.source)),
                    _ => format!("each item on its own line, starting with `- ` under `{key}:`"),
                };
                self.error_at(
                    node,
                    &fields.path_of(key),
                    format!("`{key}` should be a list, but this is {}", node.kind_name()),
                    Some(format!("write a list: {example}")),
                );
                None
            }
        }
    }

    fn list<T>(
        &mut self,
        fields: &Fields,
        key: &str,
        mut item: impl FnMut(&mut Self, &Node, String) -> Option<T>,
    ) -> Vec<T> {
        let path = fields.path_of(key);
        let Some(items) = self.seq(fields, key) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, node)| item(self, node, format!("{path}[{i}]")))
            .collect()
    }

    /// An id that names this item: required, and a slug.
    fn own_id(&mut self, fields: &Fields) -> String {
        let id = self.required_text(
            fields,
            "id",
            "give it a short id in lowercase letters, digits and `-`, e.g. `sanne`",
        );
        if !id.is_empty() && !is_slug(&id) {
            let node = fields.get("id").unwrap_or(fields.node);
            let suggestion = slugify(&id);
            self.error_at(
                node,
                &fields.path_of("id"),
                format!("id `{id}` is not a valid id: ids use lowercase letters a-z, digits and `-`"),
                Some(if is_slug(&suggestion) {
                    format!("write `{suggestion}`")
                } else {
                    "start with a letter or digit, e.g. `sanne`".into()
                }),
            );
        }
        id
    }

    /// A reference to an id; whether it exists is checked once the whole plan is read.
    fn id_ref(&mut self, fields: &Fields, key: &str) -> Option<String> {
        self.text(fields, key).map(|s| s.trim().to_owned())
    }

    fn required_id_ref(&mut self, fields: &Fields, key: &str) -> String {
        let help = match key {
            "coordinator" => "name the care coordinator by id: a family member or someone from `network`",
            "goal" => "name the goal by its id",
            "who" => "name who does it by id: a family member or someone from `network`",
            _ => "add it",
        };
        self.required_text(fields, key, help).trim().to_owned()
    }

    fn id_list(&mut self, fields: &Fields, key: &str) -> Option<Vec<String>> {
        let path = fields.path_of(key);
        let items = self.seq(fields, key)?;
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| self.scalar_text(n, &format!("{path}[{i}]"), "an id"))
                .map(|s| s.trim().to_owned())
                .collect(),
        )
    }

    fn date(&mut self, fields: &Fields, key: &str) -> Option<NaiveDate> {
        let node = fields.get(key)?;
        let path = fields.path_of(key);
        let text = match &node.value {
            Value::Str(s) => s.clone(),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => node.raw(self.source).to_owned(),
            _ => {
                self.error_at(
                    node,
                    &path,
                    format!("`{key}` should be a date, but this is {}", node.kind_name()),
                    Some("write a date as YYYY-MM-DD, e.g. 2026-09-01".into()),
                );
                return None;
            }
        };
        match dates::parse_date(&text) {
            Ok(date) => Some(date),
            Err(problem) => {
                self.error_at(
                    node,
                    &path,
                    format!("`{key}`: {}", problem.message),
                    Some(problem.help),
                );
                None
            }
        }
    }

    fn required_date(&mut self, fields: &Fields, key: &str) -> Option<NaiveDate> {
        if fields.get(key).is_none() {
            self.missing(
                fields,
                key,
                format!("add `{key}: YYYY-MM-DD`, e.g. `{key}: 2026-09-01`"),
            );
            return None;
        }
        self.date(fields, key)
    }

    fn time(&mut self, fields: &Fields, key: &str) -> Option<NaiveTime> {
        let node = fields.get(key)?;
        let path = fields.path_of(key);
        let text = match &node.value {
            Value::Str(s) => s.clone(),
            _ => node.raw(self.source).to_owned(),
        };
        match dates::parse_time(&text) {
            Ok(time) => Some(time),
            Err(problem) => {
                self.error_at(
                    node,
                    &path,
                    format!("`{key}`: {}", problem.message),
                    Some(problem.help),
                );
                None
            }
        }
    }

    /// A whole number within `range`.
    fn integer(
        &mut self,
        fields: &Fields,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
        unit: &str,
    ) -> Option<i64> {
        let node = fields.get(key)?;
        let path = fields.path_of(key);
        let raw = node.raw(self.source);
        let (lo, hi) = (*range.start(), *range.end());
        match &node.value {
            Value::Int(n) if range.contains(n) => Some(*n),
            Value::Int(n) => {
                let message = if *n < lo {
                    format!("`{key}` is {n}, but it starts at {lo}")
                } else {
                    format!("`{key}` is {n}, but it goes up to {hi}")
                };
                self.error_at(
                    node,
                    &path,
                    message,
                    Some(format!("write a whole number from {lo} to {hi}{unit}")),
                );
                None
            }
            Value::Str(s) if s.trim().parse::<i64>().is_ok() => {
                self.error_at(
                    node,
                    &path,
                    format!("`{key}` should be a number, but `{raw}` is text (it has quotes)"),
                    Some(format!("write `{key}: {}` without quotes", s.trim())),
                );
                None
            }
            _ => {
                self.error_at(
                    node,
                    &path,
                    format!(
                        "`{key}` should be a whole number, but `{raw}` is {}",
                        node.kind_name()
                    ),
                    Some(format!("write a whole number from {lo} to {hi}{unit}")),
                );
                None
            }
        }
    }

    fn boolean(&mut self, fields: &Fields, key: &str) -> Option<bool> {
        let node = fields.get(key)?;
        match &node.value {
            Value::Bool(b) => Some(*b),
            _ => {
                let raw = node.raw(self.source);
                let guess = match raw.trim_matches(['"', '\'']).to_lowercase().as_str() {
                    "ja" | "yes" | "y" | "j" | "waar" | "on" => Some(true),
                    "nee" | "no" | "n" | "onwaar" | "off" => Some(false),
                    _ => None,
                };
                let help = match guess {
                    Some(b) => format!("write `{key}: {b}`"),
                    None => format!("write `{key}: true` or `{key}: false`"),
                };
                self.error_at(
                    node,
                    &fields.path_of(key),
                    format!("`{key}` should be true or false, but this is `{raw}`"),
                    Some(help),
                );
                None
            }
        }
    }

    /// One of a fixed set of words; close misspellings and Dutch words get a suggestion.
    fn keyword<K: Keyword + PartialEq>(&mut self, fields: &Fields, key: &str) -> Option<K> {
        let node = fields.get(key)?;
        let raw = node.raw(self.source);
        let text = match &node.value {
            Value::Str(s) => s.trim().to_owned(),
            _ => raw.to_owned(),
        };
        if let Some(value) = K::parse(&text) {
            return Some(value);
        }
        let words: Vec<&str> = K::ALL.iter().map(|(_, s)| *s).collect();
        let lower = text.to_lowercase();
        let hint = K::parse(&lower)
            .map(|v| (v.as_str(), "written in lowercase"))
            .or_else(|| {
                K::HINTS
                    .iter()
                    .find(|(dutch, _)| *dutch == lower)
                    .map(|(_, v)| (v.as_str(), "the word the file format uses"))
            })
            .or_else(|| {
                suggest::closest(
                    &lower,
                    K::ALL
                        .iter()
                        .map(|(_, s)| *s)
                        .chain(K::ALIASES.iter().map(|(s, _)| *s)),
                )
                .and_then(K::parse)
                .map(|v| (v.as_str(), "a close spelling"))
            });
        let one_of = format!("`{key}` is one of: {}", words.join(", "));
        let note = K::NOTES
            .iter()
            .find(|(word, _)| *word == lower)
            .map(|(_, note)| *note);
        let help = match (note, hint) {
            (Some(note), _) => format!("{note}; {one_of}"),
            (None, Some((word, "the word the file format uses"))) => {
                format!("for `{text}` write `{word}`; {one_of}")
            }
            (None, Some((word, _))) => format!("did you mean `{word}`? {one_of}"),
            (None, None) => one_of,
        };
        self.error_at(
            node,
            &fields.path_of(key),
            format!("unknown {key} `{text}`"),
            Some(help),
        );
        None
    }

    fn email(&mut self, fields: &Fields) -> Option<String> {
        let email = self.text(fields, "email")?.trim().to_owned();
        if !looks_like_email(&email) {
            let node = fields.get("email").unwrap_or(fields.node);
            self.report(
                Diagnostic::warning(
                    fields.path_of("email"),
                    format!("`{email}` does not look like an e-mail address"),
                )
                .help("write one address like `naam@organisatie.nl`, without spaces or a name around it")
                .at(node.span),
            );
        }
        Some(email)
    }

    fn family(&mut self, plan: &Fields) -> Family {
        let Some(node) = plan.get("family") else {
            self.missing(
                plan,
                "family",
                "add `family:` with the family's `name` and `members`".into(),
            );
            return Family::default();
        };
        let Some(fields) = self.fields(node, "family".into(), "the family", FAMILY_KEYS) else {
            return Family::default();
        };
        let name = self.required_text(
            &fields,
            "name",
            "write the family's name, e.g. `name: Familie Jansen`",
        );
        let members = if fields.get("members").is_none() {
            self.missing(
                &fields,
                "members",
                "list the family members under `members:`, each with `id` and `name`".into(),
            );
            Vec::new()
        } else {
            let members = self.list(&fields, "members", |l, n, p| l.member(n, p));
            if let Some(
                node @ Node {
                    value: Value::Seq(items),
                    ..
                },
            ) = fields.get("members")
                && items.is_empty()
            {
                self.error_at(
                    node,
                    "family.members",
                    "the family has no members".into(),
                    Some("list at least one family member, with `id` and `name`".into()),
                );
            }
            members
        };
        Family { name, members }
    }

    fn member(&mut self, node: &Node, path: String) -> Option<Member> {
        let fields = self.fields(node, path, "a family member", MEMBER_KEYS)?;
        Some(Member {
            id: self.own_id(&fields),
            name: self.required_text(
                &fields,
                "name",
                "write the person's name, e.g. `name: Sanne Jansen`",
            ),
            role: self.text(&fields, "role"),
            born: self.date(&fields, "born"),
            email: self.email(&fields),
            phone: self.text(&fields, "phone"),
        })
    }

    fn person(&mut self, node: &Node, path: String) -> Option<Person> {
        let fields = self.fields(node, path, "a network person", PERSON_KEYS)?;
        Some(Person {
            id: self.own_id(&fields),
            name: self.required_text(
                &fields,
                "name",
                "write the person's name, e.g. `name: Petra de Vries`",
            ),
            role: self.text(&fields, "role"),
            organisation: self.text(&fields, "organisation"),
            email: self.email(&fields),
            phone: self.text(&fields, "phone"),
            professional: self.boolean(&fields, "professional").unwrap_or(false),
        })
    }

    fn goal(&mut self, node: &Node, path: String) -> Option<Goal> {
        let fields = self.fields(node, path, "a goal", GOAL_KEYS)?;
        let id = self.own_id(&fields);
        let goal = self.required_text(&fields, "goal", "write the goal in the family's own words");
        let owners = match self.id_list(&fields, "owners") {
            Some(owners) if !owners.is_empty() => owners,
            Some(_) => {
                let node = fields.get("owners").unwrap_or(fields.node);
                self.error_at(
                    node,
                    &fields.path_of("owners"),
                    "the goal has no owners".into(),
                    Some("name the family members whose goal it is, e.g. `owners: [sanne]`".into()),
                );
                Vec::new()
            }
            None => {
                if fields.get("owners").is_none() {
                    self.missing(
                        &fields,
                        "owners",
                        "name the family members whose goal it is, e.g. `owners: [sanne]`".into(),
                    );
                }
                Vec::new()
            }
        };
        let priority = if fields.get("priority").is_none() {
            self.missing(
                &fields,
                "priority",
                "add `priority: 1` for the most urgent goal, 2 for the next, and so on".into(),
            );
            0
        } else {
            self.integer(&fields, "priority", 1..=999, "; 1 is the most urgent")
                .unwrap_or(0)
        };
        Some(Goal {
            id,
            goal,
            owners,
            priority: u32::try_from(priority).unwrap_or(0),
            domain: self.keyword::<Domain>(&fields, "domain"),
            status: self.keyword::<GoalStatus>(&fields, "status").unwrap_or_default(),
            share_with: self.id_list(&fields, "share_with"),
            evaluate_by: self.date(&fields, "evaluate_by"),
        })
    }

    fn agreement(&mut self, node: &Node, path: String) -> Option<Agreement> {
        let fields = self.fields(node, path, "an agreement", AGREEMENT_KEYS)?;
        let goal = self.required_id_ref(&fields, "goal");
        let who = self.required_id_ref(&fields, "who");
        let what = self.required_text(
            &fields,
            "what",
            "write what they will do, e.g. `what: Oma brengt Daan naar school.`",
        );
        let start = self.required_date(&fields, "start");
        let end = self.required_date(&fields, "end");
        if let (Some(start), Some(end)) = (start, end)
            && end < start
            && let Some(node) = fields.get("end")
        {
            self.error_at(
                node,
                &fields.path_of("end"),
                format!("the agreement ends ({end}) before it starts ({start})"),
                Some("swap `start` and `end`, or correct one of them".into()),
            );
        }
        Some(Agreement {
            goal,
            who,
            what,
            start: start.unwrap_or_default(),
            end: end.unwrap_or_default(),
            status: self
                .keyword::<AgreementStatus>(&fields, "status")
                .unwrap_or_default(),
        })
    }

    fn meeting(&mut self, node: &Node, path: String) -> Option<Meeting> {
        let fields = self.fields(node, path, "a meeting", MEETING_KEYS)?;
        let date = self.required_date(&fields, "date");
        Some(Meeting {
            date: date.unwrap_or_default(),
            kind: self.keyword::<MeetingKind>(&fields, "kind").unwrap_or_default(),
            time: self.time(&fields, "time"),
            duration: self
                .integer(&fields, "duration", 1..=24 * 60, " minutes")
                .and_then(|m| u32::try_from(m).ok()),
            chair: self.id_ref(&fields, "chair"),
            location: self.text(&fields, "location"),
            attendees: self.id_list(&fields, "attendees"),
            notes: self.text(&fields, "notes"),
        })
    }

    fn evaluation(&mut self, node: &Node, path: String) -> Option<Evaluation> {
        let fields = self.fields(node, path, "an evaluation", EVALUATION_KEYS)?;
        let date = self.required_date(&fields, "date");
        Some(Evaluation {
            date: date.unwrap_or_default(),
            goal: self.id_ref(&fields, "goal"),
            scale: self
                .integer(
                    &fields,
                    "scale",
                    0..=10,
                    " (the scale question: 0 is worst, 10 is best)",
                )
                .and_then(|s| u8::try_from(s).ok()),
            outcome: self.keyword::<Outcome>(&fields, "outcome"),
            notes: self.text(&fields, "notes"),
        })
    }
}

/// Good enough to catch a typo; the real test of an address is a mail that arrives.
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.contains(char::is_whitespace)
        && !email.contains(['<', '>', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("sanne"));
        assert!(is_slug("juf-anna"));
        assert!(is_slug("2e-doel"));
        assert!(!is_slug("Sanne"));
        assert!(!is_slug("-x"));
        assert!(!is_slug("a_b"));
        assert!(!is_slug(""));
    }

    /// The loader's keys and the schema's (from the model's fields) are two lists of one
    /// format: they must not drift apart.
    #[test]
    fn the_loader_reads_exactly_the_keys_of_the_schema() {
        let schema: serde_json::Value = serde_json::from_str(&crate::schema::plan_schema()).unwrap();
        for (definition, keys) in [
            (None, PLAN_KEYS),
            (Some("Family"), FAMILY_KEYS),
            (Some("Member"), MEMBER_KEYS),
            (Some("Person"), PERSON_KEYS),
            (Some("Goal"), GOAL_KEYS),
            (Some("Agreement"), AGREEMENT_KEYS),
            (Some("Meeting"), MEETING_KEYS),
            (Some("Evaluation"), EVALUATION_KEYS),
        ] {
            let properties = match definition {
                None => &schema["properties"],
                Some(name) => &schema["$defs"][name]["properties"],
            };
            let mut in_schema: Vec<&str> = properties
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let mut in_loader = keys.to_vec();
            in_schema.sort_unstable();
            in_loader.sort_unstable();
            assert_eq!(in_loader, in_schema, "{definition:?}");
        }
    }

    #[test]
    fn paths_quote_keys_that_are_not_words() {
        assert_eq!(join("", "goals"), "goals");
        assert_eq!(join("goals[0]", "share_with"), "goals[0].share_with");
        assert_eq!(join("family.members[1]", ".ole"), r#"family.members[1][".ole"]"#);
        assert_eq!(join("", "a b"), r#"["a b"]"#);
    }

    #[test]
    fn emails() {
        assert!(looks_like_email("petra@cjg.example"));
        assert!(!looks_like_email("petra@cjg"));
        assert!(!looks_like_email("petra cjg.nl"));
        assert!(!looks_like_email("Petra <petra@cjg.nl>"));
    }

    #[test]
    fn locate_finds_nested_values_and_falls_back_to_parents() {
        let src = "a:\n  - x: 1\n  - x: 2\n    y: [p, q]\n";
        let root = crate::yaml::parse(src).unwrap();
        assert_eq!(locate(&root, "a[1].x").line, 3);
        assert_eq!(locate(&root, "a[1].y[1]").column, 12);
        assert_eq!(locate(&root, "a[1].z").line, 3);
        assert_eq!(locate(&root, "a[7].x").line, 2);
    }
}
