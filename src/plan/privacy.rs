//! Data minimisation: a plan holds goals, agreements and who does them, nothing more. A citizen
//! service number (BSN) anywhere in the file is an error; phone numbers and e-mail addresses in
//! free text are warnings, since they belong in the contact fields.

use crate::diagnostic::Diagnostic;
use crate::yaml::{Node, Span, Value};

/// Every BSN-like number in the whole text, comments included.
pub fn citizen_numbers(source: &str, root: Option<&Node>) -> Vec<Diagnostic> {
    number_runs(source)
        .into_iter()
        .filter(|run| is_bsn_layout(&run.groups) && passes_eleven_test(&run.digits))
        .map(|run| {
            let text = &source[run.start..run.end];
            let path = root.map(|r| path_at(r, run.start)).unwrap_or_default();
            Diagnostic::error(
                path,
                format!("`{text}` looks like a citizen service number (BSN): nine digits that pass the eleven-test"),
            )
            .help("a plan needs no BSN: remove it (data minimisation); the systems that need it have it")
            .at(span_at(source, run.start, run.end))
        })
        .collect()
}

/// Phone numbers and e-mail addresses in the free text of a plan (not in its contact fields).
pub fn contact_details_in_text(source: &str, root: &Node) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let Value::Map(entries) = &root.value else {
        return found;
    };
    for entry in entries {
        let Value::Str(key) = &entry.key.value else {
            continue;
        };
        let field = match key.as_str() {
            "request" | "coordination" => {
                found.extend(contact_details(source, &entry.value, key));
                continue;
            }
            "strengths" => None,
            "goals" => Some("goal"),
            "agreements" => Some("what"),
            "meetings" | "evaluations" => Some("notes"),
            _ => continue,
        };
        let Value::Seq(items) = &entry.value.value else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            match (field, &item.value) {
                (None, _) => found.extend(contact_details(source, item, &path)),
                (Some(field), Value::Map(fields)) => {
                    for f in fields
                        .iter()
                        .filter(|f| f.key.value == Value::Str(field.to_owned()))
                    {
                        found.extend(contact_details(source, &f.value, &format!("{path}.{field}")));
                    }
                }
                _ => {}
            }
        }
    }
    found
}

/// Phone numbers and e-mail addresses inside one free-text value.
fn contact_details(source: &str, node: &Node, path: &str) -> Vec<Diagnostic> {
    if !matches!(node.value, Value::Str(_)) {
        return Vec::new();
    }
    let raw = node.raw(source);
    let base = node.span.start;
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for run in number_runs(raw) {
        if is_phone(&run) {
            found.push((run.start, run.end, "a phone number"));
        }
    }
    for (start, end) in emails(raw) {
        found.push((start, end, "an e-mail address"));
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(start, end, what)| {
            let text = &raw[start..end];
            Diagnostic::warning(path, format!("free text holds {what} (`{text}`)"))
                .help(
                    "contact details belong in the person's `phone` or `email` field, \
                     where documents show them only to those who may know the person",
                )
                .at(span_at(source, base + start, base + end))
        })
        .collect()
}

/// Digits with single separators between them (` `, `.`, `-`), and a `+` in front if any.
struct NumberRun {
    start: usize,
    end: usize,
    digits: String,
    groups: Vec<usize>,
    plus: bool,
}

fn number_runs(text: &str) -> Vec<NumberRun> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let plus = c == '+' && chars.get(i + 1).is_some_and(|(_, d)| d.is_ascii_digit());
        let glued = i > 0 && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '_');
        if !(c.is_ascii_digit() || plus) || glued {
            i += 1;
            continue;
        }
        let mut run = NumberRun {
            start,
            end: start,
            digits: String::new(),
            groups: vec![0],
            plus,
        };
        if plus {
            i += 1;
        }
        while i < chars.len() {
            let (at, c) = chars[i];
            if c.is_ascii_digit() {
                run.digits.push(c);
                if let Some(last) = run.groups.last_mut() {
                    *last += 1;
                }
                run.end = at + 1;
                i += 1;
            } else if matches!(c, ' ' | '.' | '-')
                && chars.get(i + 1).is_some_and(|(_, d)| d.is_ascii_digit())
            {
                run.groups.push(0);
                i += 1;
            } else {
                break;
            }
        }
        // A number glued to letters (an IBAN, a code) is not a number of its own.
        let glued_after = chars
            .get(i)
            .is_some_and(|(_, c)| c.is_alphanumeric() || *c == '_');
        if !glued_after {
            runs.push(run);
        }
        while i < chars.len() && (chars[i].1.is_ascii_digit() || chars[i].1.is_alphanumeric()) {
            i += 1;
        }
    }
    runs
}

/// How a BSN is written: nine digits, or 3-3-3 or 4-2-3 with one kind of separator.
fn is_bsn_layout(groups: &[usize]) -> bool {
    matches!(groups, [9] | [3, 3, 3] | [4, 2, 3])
}

/// The BSN check: 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11 (and not all zeros).
pub fn passes_eleven_test(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&digit, weight)| i64::from(digit) * weight)
        .sum::<i64>()
        - i64::from(d[8]);
    sum % 11 == 0
}

/// Dutch phone numbers: ten digits from 0 (`06 12345678`, `071-5123456`), or +31 / 0031 and nine.
/// A date has eight digits, so it never counts.
fn is_phone(run: &NumberRun) -> bool {
    let digits = &run.digits;
    if run.plus {
        digits.starts_with("31") && digits.len() == 11
    } else if digits.starts_with("0031") {
        digits.len() == 13
    } else {
        digits.starts_with('0') && digits.len() == 10
    }
}

/// `name@domain.tld` inside text, as byte ranges.
fn emails(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let domain = |b: u8| b.is_ascii_alphanumeric() || b".-".contains(&b);
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        while start > 0 && local(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && domain(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let host = &text[at + 1..end];
        let tld_ok = host.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if start < at && tld_ok {
            found.push((start, end));
        }
    }
    found
}

fn span_at(source: &str, start: usize, end: usize) -> Span {
    let before = &source[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..start].chars().count() + 1;
    Span {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
        start,
        end,
    }
}

/// The path of the deepest value whose text holds `offset` (empty for comments and keys).
fn path_at(root: &Node, offset: usize) -> String {
    fn walk(node: &Node, offset: usize, path: &str) -> Option<String> {
        match &node.value {
            Value::Map(entries) => entries.iter().find_map(|e| {
                let Value::Str(key) = &e.key.value else {
                    return None;
                };
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(&e.value, offset, &child)
            }),
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| walk(item, offset, &format!("{path}[{i}]"))),
            _ => (node.span.start <= offset && offset < node.span.end).then(|| path.to_owned()),
        }
    }
    walk(root, offset, "").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eleven_test() {
        assert!(passes_eleven_test("111222333"));
        assert!(passes_eleven_test("123456782"));
        assert!(!passes_eleven_test("123456789"));
        assert!(!passes_eleven_test("000000000"));
        assert!(!passes_eleven_test("12345678"));
    }

    fn bsns(text: &str) -> Vec<String> {
        citizen_numbers(text, None)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn finds_bsns_written_in_the_usual_ways() {
        assert_eq!(bsns("bsn 111222333 hier").len(), 1);
        assert_eq!(bsns("bsn 1112.22.333").len(), 1);
        assert_eq!(bsns("bsn 111 222 333").len(), 1);
        assert_eq!(bsns("bsn 111-222-333").len(), 1);
    }

    #[test]
    fn leaves_other_numbers_alone() {
        assert!(bsns("bsn 123456789").is_empty(), "fails the eleven-test");
        assert!(bsns("06 111222333").is_empty(), "part of a longer number");
        assert!(bsns("NL91ABNA0111222333").is_empty(), "glued to letters");
        assert!(bsns("2026-09-01 en 1234").is_empty());
        assert!(bsns("1111222333").is_empty(), "ten digits");
    }

    #[test]
    fn finds_contact_details_in_free_text_only() {
        let src = "request: Bel Sanne op 06 12345678 of mail sanne@example.nl. Vanaf 2026-09-01.\n\
                   network:\n  - id: petra\n    phone: 06 12345678\n\
                   goals:\n  - goal: Bel +31 6 12345678\n";
        let root = crate::yaml::parse(src).unwrap();
        let found = contact_details_in_text(src, &root);
        let messages: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.path.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                ("request", "free text holds a phone number (`06 12345678`)"),
                (
                    "request",
                    "free text holds an e-mail address (`sanne@example.nl`)"
                ),
                (
                    "goals[0].goal",
                    "free text holds a phone number (`+31 6 12345678`)"
                ),
            ]
        );
        assert_eq!((found[0].span.line, found[0].span.column), (1, 23));
    }
}
