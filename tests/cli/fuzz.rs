//! Property tests: arbitrary and mutated plans never crash the loader, the validator or the
//! renderers, and every result is well formed.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use gezinsplan::diagnostic::format::{self, DiagnosticFormat, FileReport};
use gezinsplan::lang::Lang;
use gezinsplan::plan::load::analyze;
use gezinsplan::render::view::Style;
use gezinsplan::render::{DocFormat, Templates};
use gezinsplan::sharing::Reader;
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    include_str!("../../plans-example/jansen.yaml"),
    include_str!("../../plans-example/el-amrani.yaml"),
    include_str!("../../plans-example/de-boer.yaml"),
    include_str!("../../plans-example/visser.yaml"),
    include_str!("../fixtures/valid/minimal.yaml"),
    include_str!("../fixtures/valid/hostile.yaml"),
];

/// Characters that mean something in YAML, to insert where they hurt.
const YAML_BITS: &[&str] = &[
    ":",
    " ",
    "\n",
    "-",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!",
    "|",
    ">",
    "#",
    "'",
    "\"",
    "\t",
    "---",
    "\r\n",
    "<<: *a",
    "~",
    "null",
    "2026-02-30",
    "\u{feff}",
    "\u{0}",
    "é",
    "- - -",
    "? ",
];

fn cases() -> u32 {
    std::env::var("GEZINSPLAN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let seed = 0..SEEDS.len();
    prop_oneof![
        // Arbitrary bytes.
        proptest::collection::vec(any::<u8>(), 0..512),
        // Bytes of a plan changed at random places.
        (
            seed.clone(),
            proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
        )
            .prop_map(|(s, flips)| {
                let mut bytes = SEEDS[s].as_bytes().to_vec();
                for (at, byte) in flips {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
                bytes
            }),
        // Lines deleted.
        (
            seed.clone(),
            proptest::collection::vec(any::<prop::sample::Index>(), 1..6)
        )
            .prop_map(|(s, gone)| {
                let mut lines: Vec<&str> = SEEDS[s].lines().collect();
                for at in gone {
                    if !lines.is_empty() {
                        lines.remove(at.index(lines.len()));
                    }
                }
                lines.join("\n").into_bytes()
            }),
        // Values swapped between lines (a date where a list was, an id where a number was).
        (
            seed.clone(),
            proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..6)
        )
            .prop_map(|(s, swaps)| {
                let mut lines: Vec<String> = SEEDS[s].lines().map(str::to_owned).collect();
                for (a, b) in swaps {
                    let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                    let value = |l: &str| l.split_once(": ").map(|(_, v)| v.to_owned());
                    if let (Some(va), Some(vb)) = (value(&lines[a]), value(&lines[b])) {
                        let key = |l: &str| l.split_once(": ").map(|(k, _)| k.to_owned()).unwrap_or_default();
                        let (ka, kb) = (key(&lines[a]), key(&lines[b]));
                        lines[a] = format!("{ka}: {vb}");
                        lines[b] = format!("{kb}: {va}");
                    }
                }
                lines.join("\n").into_bytes()
            }),
        // YAML syntax inserted at random places.
        (
            seed,
            proptest::collection::vec((any::<prop::sample::Index>(), 0..YAML_BITS.len()), 1..6)
        )
            .prop_map(|(s, inserts)| {
                let mut text = SEEDS[s].to_owned();
                for (at, bit) in inserts {
                    let mut i = at.index(text.len() + 1);
                    while !text.is_char_boundary(i) {
                        i -= 1;
                    }
                    text.insert_str(i, YAML_BITS[bit]);
                }
                text.into_bytes()
            }),
    ]
}

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::builtin().expect("the built-in templates compile"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_input_gives_a_well_formed_answer(bytes in mutated()) {
        let started = Instant::now();
        let analysis = analyze(&bytes);
        let source = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).into_owned();
        for d in &analysis.diagnostics {
            prop_assert!(!d.message.is_empty());
            prop_assert!(d.span.line >= 1 && d.span.column >= 1, "{d:?}");
            if d.in_source {
                prop_assert!(d.span.start <= d.span.end && d.span.end <= source.len(), "{d:?}");
            }
            prop_assert!(!d.path.contains(".."), "{d:?}");
        }
        prop_assert_eq!(analysis.has_errors(), analysis.valid_plan().is_none());
        let mut out = Vec::new();
        for format_kind in [DiagnosticFormat::Text, DiagnosticFormat::Json, DiagnosticFormat::Github, DiagnosticFormat::Sarif] {
            let report = FileReport { file: "fuzz.yaml", source: &source, diagnostics: &analysis.diagnostics };
            format::write(&mut out, format_kind, &[report], true).unwrap();
        }
        if let Some(plan) = analysis.valid_plan() {
            let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
            gezinsplan::deadlines::due(plan, today);
            let choice = gezinsplan::agenda::choose(plan, None, today).unwrap();
            for reader in std::iter::once(Reader::Family).chain(plan.network.iter().map(|p| Reader::Person(p.id.clone()))) {
                let agenda = gezinsplan::agenda::build(plan, choice, None, &reader, today);
                for doc in [DocFormat::Markdown, DocFormat::Html] {
                    let style = Style { plan, format: doc, lang: Lang::Nl };
                    templates().agenda(&agenda, &style, &reader).unwrap();
                    templates().plan_document(&gezinsplan::document::build(plan, &reader, today), &style).unwrap();
                }
            }
        }
        prop_assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    }
}
