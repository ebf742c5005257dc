//! Text from a plan made safe for a document: plain values escaped for Markdown or HTML, and
//! free text (which may hold Markdown) rendered without ever passing raw HTML through and
//! without loading anything from elsewhere (images become their description).

use comrak::nodes::{NodeHtmlBlock, NodeValue};
use comrak::{Arena, Options};

use super::DocFormat;

/// A plain value (a name, a role, a place) as literal text in the document.
pub fn text(format: DocFormat, value: &str) -> String {
    match format {
        DocFormat::Markdown => markdown_literal(value),
        DocFormat::Html => html_escape(value),
        DocFormat::Text => value.to_owned(),
    }
}

pub fn html_escape(value: &str) -> String {
    let mut out = Vec::with_capacity(value.len() + 16);
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(value, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Escapes what Markdown would read as markup. comrak's own escaper also escapes `-`, `.` and
/// parentheses everywhere, which makes names unreadable in the Markdown people mail round; this
/// one escapes only what changes the meaning where our templates put values (inside a line).
fn markdown_literal(value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = one_line.chars().collect();
    let mut out = String::with_capacity(one_line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' => true,
            // Only where they could start an entity, an image or strikethrough.
            '&' => next.is_ascii_alphanumeric() || next == '#',
            '!' => next == '[',
            '~' => next == '~',
            '#' | '-' | '+' | '=' => i == 0,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. Text" at the start of a line would become a numbered list.
    if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

/// Free text that may hold Markdown, as one line (a goal, what an agreement says).
pub fn rich_inline(format: DocFormat, value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let rendered = rich(format, &one_line);
    let trimmed = rendered.trim();
    match format {
        DocFormat::Html => trimmed
            .strip_prefix("<p>")
            .and_then(|s| s.strip_suffix("</p>"))
            .filter(|inner| !inner.contains("<p>"))
            .unwrap_or(trimmed)
            .to_owned(),
        DocFormat::Markdown | DocFormat::Text => trimmed.to_owned(),
    }
}

/// Free text that may hold Markdown, as a block (paragraphs, lists).
pub fn rich_block(format: DocFormat, value: &str) -> String {
    rich(format, value).trim_end().to_owned()
}

fn rich(format: DocFormat, value: &str) -> String {
    if format == DocFormat::Text {
        // Markdown read as plain text is still the clearest way to show it.
        return value.to_owned();
    }
    let options = Options::default();
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, value, &options);
    for node in root.descendants() {
        let literal = {
            let data = node.data.borrow();
            match &data.value {
                NodeValue::HtmlInline(raw) => Some((raw.clone(), false)),
                NodeValue::HtmlBlock(NodeHtmlBlock { literal, .. }) => Some((literal.clone(), true)),
                _ => None,
            }
        };
        if let Some((raw, block)) = literal {
            if block {
                // A block of HTML becomes a paragraph of its literal text.
                node.data.borrow_mut().value = NodeValue::Paragraph;
                let text = arena.alloc(
                    comrak::nodes::Ast::new(
                        NodeValue::Text(raw.trim_end().to_owned().into()),
                        node.data.borrow().sourcepos.start,
                    )
                    .into(),
                );
                node.append(text);
            } else {
                node.data.borrow_mut().value = NodeValue::Text(raw.into());
            }
        }
    }
    // An image would be fetched from wherever it points when the document is opened.
    let images: Vec<_> = root
        .descendants()
        .filter(|n| matches!(n.data.borrow().value, NodeValue::Image(_)))
        .collect();
    for image in images {
        let mut alt = String::new();
        for child in image.descendants().skip(1) {
            if let NodeValue::Text(t) = &child.data.borrow().value {
                alt.push_str(t);
            }
        }
        for child in image.children().collect::<Vec<_>>() {
            child.detach();
        }
        image.data.borrow_mut().value = NodeValue::Text(format!("[{alt}]").into());
    }
    let mut out = String::new();
    let written = match format {
        DocFormat::Html => comrak::format_html(root, &options, &mut out),
        DocFormat::Markdown | DocFormat::Text => comrak::format_commonmark(root, &options, &mut out),
    };
    match written {
        Ok(()) => out,
        Err(_) => text(format, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_literals_survive() {
        assert_eq!(text(DocFormat::Markdown, "a*b_c <x> [y]"), r"a\*b\_c \<x\> \[y\]");
        assert_eq!(text(DocFormat::Markdown, "# kop"), r"\# kop");
        assert_eq!(text(DocFormat::Markdown, "1. eerste"), r"1\. eerste");
        assert_eq!(text(DocFormat::Markdown, "Jan-Willem (CJG)"), "Jan-Willem (CJG)");
        assert_eq!(text(DocFormat::Markdown, "Zorg & Welzijn"), "Zorg & Welzijn");
        assert_eq!(text(DocFormat::Markdown, "&amp; ![x]"), r"\&amp; \!\[x\]");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            text(DocFormat::Html, "<script>\"'&"),
            "&lt;script&gt;&quot;&#39;&amp;"
        );
    }

    #[test]
    fn raw_html_in_free_text_never_passes() {
        let html = rich_block(
            DocFormat::Html,
            "Hallo <b onclick=x>daar</b>\n\n<script>alert(1)</script>",
        );
        assert!(!html.contains("<script") && !html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        let md = rich_block(DocFormat::Markdown, "Hallo <img src=x onerror=alert(1)>");
        assert!(md.contains(r"\<img") && !md.contains(" <img"), "{md}");
    }

    #[test]
    fn markdown_in_free_text_is_rendered_and_images_are_not_loaded() {
        assert_eq!(rich_inline(DocFormat::Html, "*heel* goed"), "<em>heel</em> goed");
        let html = rich_inline(DocFormat::Html, "zie ![foto](https://x.example/t.png)");
        assert!(!html.contains("<img") && html.contains("[foto]"), "{html}");
    }
}
