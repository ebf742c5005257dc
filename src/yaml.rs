//! Reading YAML text into a tree of nodes that remember where they stand in the file.
//!
//! This is the only module that knows the YAML parser (serde-saphyr), so the parser could be
//! swapped without touching the rest of the tool. The limits set here are the ones the README
//! documents under "Diagnostics and limits".

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error as SaphyrError, MessageFormatter, Spanned, UserMessageFormatter};

/// The largest plan file the tool reads. Real plans are 2 to 20 KB; a megabyte leaves a margin
/// of fifty times the largest plan we have seen while refusing huge or runaway files at once.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Deepest nesting of lists and maps. A plan nests four levels deep (`goals[0].share_with[0]`).
pub const MAX_DEPTH: usize = 32;
/// Most nodes (keys, values, list items) in one file; a large plan has about 2,000.
pub const MAX_NODES: usize = 50_000;
/// Most aliases (`*name`) and anchors (`&name`) in one file.
pub const MAX_ALIASES: usize = 1_000;

/// Where a node stands: 1-based line and column (in characters), and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Node,
    pub value: Node,
}

impl Node {
    /// The node's text exactly as written in the file (quotes included), for scalars.
    pub fn raw<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.span.start..self.span.end).unwrap_or("")
    }

    /// A short name for the kind of value, for messages ("a list", "a number").
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "empty",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a decimal number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map of keys",
        }
    }
}

/// Why a file could not be read as YAML: what went wrong, where, and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub message: String,
    pub help: Option<String>,
    pub span: Span,
}

/// Turns the bytes of a file into text: UTF-8, with or without a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, YamlError> {
    let file_start = Span {
        line: 1,
        column: 1,
        start: 0,
        end: 0,
    };
    let save_as_utf8 = Some("save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)".into());
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(YamlError {
            message: "the file is UTF-16 encoded; plans must be UTF-8".into(),
            help: save_as_utf8,
            span: file_start,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_column(bytes, at);
        return Err(YamlError {
            message: "the file holds NUL bytes: it is not a UTF-8 text file (UTF-16, or not text at all)"
                .into(),
            help: save_as_utf8,
            span: Span {
                line,
                column,
                start: 0,
                end: 0,
            },
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        YamlError {
            message: format!("the file is not valid UTF-8 (line {line}, column {column})"),
            help: save_as_utf8,
            span: Span {
                line,
                column,
                start: 0,
                end: 0,
            },
        }
    })
}

fn line_column(bytes: &[u8], at: usize) -> (u32, u32) {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (saturate(line), saturate(column))
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Parses one YAML document into a node tree. Duplicate keys are kept (the caller reports
/// them with both lines); merge keys and several documents in one file are refused.
pub fn parse(source: &str) -> Result<Node, YamlError> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_aliases: MAX_ALIASES,
            max_anchors: MAX_ALIASES,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_NODES,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: MAX_ALIASES,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
    };
    match serde_saphyr::from_str_with_options::<Node>(source, options) {
        Ok(node) => Ok(node),
        Err(err) => Err(explain(&err, source)),
    }
}

// Nodes are built by serde-saphyr directly, each wrapped in `Spanned` for its position; no
// second pass copies the tree.
impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(deserializer)?;
        Ok(Node {
            value: spanned.value,
            span: span_of(&spanned.referenced),
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        // Beyond i64 no plan value makes sense; keep it as a (huge) decimal so it is reported.
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(4));
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push(Entry { key, value });
        }
        Ok(Value::Map(entries))
    }
}

/// A node's position as the parser gives it: line and column, and byte offsets into the text
/// (which a text source always has). A span may include trailing blank lines (block scalars);
/// diagnostics trim it against the text when they show it.
fn span_of(location: &serde_saphyr::Location) -> Span {
    let number = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let span = location.span();
    let start = span
        .byte_offset()
        .and_then(|o| usize::try_from(o).ok())
        .unwrap_or(0);
    let len = span.byte_len().and_then(|l| usize::try_from(l).ok()).unwrap_or(0);
    Span {
        line: number(location.line()),
        column: number(location.column()),
        start,
        end: start.saturating_add(len),
    }
}

/// The span of a parser error; some carry a line and column but no byte offset.
fn error_span(location: &serde_saphyr::Location, source: &str) -> Span {
    let span = span_of(location);
    if location.span().byte_offset().is_some() {
        span
    } else {
        let start = offset_at(source, span.line, span.column);
        Span {
            start,
            end: start,
            ..span
        }
    }
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
fn offset_at(source: &str, line: u32, column: u32) -> usize {
    let mut offset = 0;
    for (number, text) in source.split_inclusive('\n').enumerate() {
        if number + 1 == line as usize {
            let within = text
                .char_indices()
                .nth((column as usize).saturating_sub(1))
                .map_or(text.trim_end_matches(['\n', '\r']).len(), |(i, _)| i);
            return offset + within;
        }
        offset += text.len();
    }
    source.len()
}

/// Puts a parser error in the words of someone who edits plans by hand.
fn explain(err: &SaphyrError, source: &str) -> YamlError {
    let inner = err.without_snippet();
    let span = inner.location().map(|l| error_span(&l, source)).unwrap_or(Span {
        line: 1,
        column: 1,
        start: 0,
        end: 0,
    });
    let (message, help): (String, Option<String>) = match inner {
        SaphyrError::MultipleDocuments { .. } => (
            "the file holds more than one YAML document (a line with `---` separates them)".into(),
            Some(
                "keep one plan per file: remove the `---` line and move the other plan to its own file"
                    .into(),
            ),
        ),
        SaphyrError::MergeKeyNotAllowed { .. } => (
            "merge keys (`<<`) are not supported in plans".into(),
            Some("write the keys out in full; anchors (`&name`) and aliases (`*name`) are allowed".into()),
        ),
        SaphyrError::Budget { breach, .. } => explain_budget(breach, source.contains('*')),
        SaphyrError::AliasError { error, .. } => return explain(error, source),
        SaphyrError::AliasReplayLimitExceeded { .. }
        | SaphyrError::AliasExpansionLimitExceeded { .. }
        | SaphyrError::AliasReplayStackDepthExceeded { .. }
        | SaphyrError::AliasReplayCounterOverflow { .. } => explain_budget_aliases(),
        SaphyrError::UnknownAnchor { .. } => (
            UserMessageFormatter.format_message(inner).into_owned(),
            Some("an alias `*name` needs an anchor `&name` earlier in the file".into()),
        ),
        _ => {
            let message = UserMessageFormatter.format_message(inner).into_owned();
            if message.contains("recursion limit") {
                explain_budget(&BudgetBreach::Depth { depth: MAX_DEPTH }, false)
            } else {
                let help = syntax_help(&message, source, span);
                (message, help)
            }
        }
    };
    YamlError { message, help, span }
}

fn explain_budget(breach: &BudgetBreach, uses_aliases: bool) -> (String, Option<String>) {
    match breach {
        BudgetBreach::Depth { .. } => (
            format!(
                "the file nests lists and maps more than {MAX_DEPTH} levels deep; a plan needs five at most"
            ),
            Some("check the indentation: each level of a plan is indented by two spaces".into()),
        ),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } if uses_aliases => explain_budget_aliases(),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => (
            format!("the file holds more than {MAX_NODES} values; a plan has a few thousand at most"),
            Some("is this really a family plan? Split it or remove generated content".into()),
        ),
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => explain_budget_aliases(),
        BudgetBreach::Documents { .. } => (
            "the file holds more than one YAML document (a line with `---` separates them)".into(),
            Some("keep one plan per file".into()),
        ),
        other => (format!("the file exceeds a safety limit ({other:?})"), None),
    }
}

fn explain_budget_aliases() -> (String, Option<String>) {
    (
        format!(
            "the file uses too many aliases (`*name`) or they expand too far (more than {MAX_ALIASES}); \
             this looks like an alias bomb, not a plan"
        ),
        Some("write the values out instead of repeating aliases".into()),
    )
}

fn syntax_help(message: &str, source: &str, span: Span) -> Option<String> {
    let line = source
        .lines()
        .nth((span.line as usize).saturating_sub(1))
        .unwrap_or("");
    if message.contains("tab") || line.starts_with('\t') {
        return Some("indent with spaces, not tabs (two spaces per level)".into());
    }
    if message.contains("mapping values are not allowed") {
        return Some("text that holds `: ` must be put in quotes, e.g. `what: \"Doel: rust\"`".into());
    }
    if message.contains("simple key") {
        return Some("a key fits on one line (at most 1,024 characters) and ends with `:`".into());
    }
    if message.contains("did not find expected") || message.contains("indentation") {
        return Some("check the indentation: keys of the same map start in the same column".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_from_line_and_column() {
        let src = "ab\r\nçd\nx";
        assert_eq!(offset_at(src, 1, 2), 1);
        assert_eq!(offset_at(src, 2, 2), 6);
        assert_eq!(offset_at(src, 2, 9), 7);
        assert_eq!(offset_at(src, 9, 1), src.len());
    }

    #[test]
    fn nodes_know_their_line_column_and_text() {
        let src = "a: 1\nb:\n  - \"x y\"\n";
        let root = parse(src).unwrap();
        let Value::Map(entries) = &root.value else {
            panic!("expected a map")
        };
        assert_eq!(entries[1].key.span.line, 2);
        let Value::Seq(items) = &entries[1].value.value else {
            panic!("expected a list")
        };
        assert_eq!((items[0].span.line, items[0].span.column), (3, 5));
        assert_eq!(items[0].raw(src), "\"x y\"");
        assert_eq!(items[0].value, Value::Str("x y".into()));
    }

    #[test]
    fn yaml_1_1_booleans_and_octals_stay_text() {
        let root = parse("n: yes\no: 0755\n").unwrap();
        let Value::Map(entries) = root.value else {
            panic!("expected a map")
        };
        assert_eq!(entries[0].key.value, Value::Str("n".into()));
        assert_eq!(entries[0].value.value, Value::Str("yes".into()));
        assert_eq!(entries[1].value.value, Value::Str("0755".into()));
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_caller() {
        let root = parse("a: 1\na: 2\n").unwrap();
        let Value::Map(entries) = root.value else {
            panic!("expected a map")
        };
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn decode_rejects_utf16_and_reports_bad_bytes() {
        assert!(
            decode(&[0xFF, 0xFE, b'a', 0])
                .unwrap_err()
                .message
                .contains("UTF-16")
        );
        let err = decode(b"a: 1\nb: \xFF\n").unwrap_err();
        assert_eq!((err.span.line, err.span.column), (2, 4));
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1").unwrap(), "a: 1");
    }
}
