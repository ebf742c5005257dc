//! Scale scores over time as an inline SVG chart: no script, nothing from elsewhere, readable
//! when printed in black and white (a black line, open markers, every score written out).

use std::fmt::Write;

use super::markup::html_escape;

/// One score on the chart: the date as it is written under the axis, and the score 0-10.
pub struct Point {
    pub label: String,
    pub score: u8,
}

const WIDTH: usize = 440;
const HEIGHT: usize = 150;
const LEFT: usize = 34;
const RIGHT: usize = 16;
const TOP: usize = 18;
const BOTTOM: usize = 34;

/// The chart, or `None` for fewer than two scores (a single score is written out instead).
pub fn scale_chart(points: &[Point], description: &str) -> Option<String> {
    if points.len() < 2 {
        return None;
    }
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| LEFT + plot_w * i / (points.len() - 1);
    let y = |score: u8| TOP + plot_h - plot_h * usize::from(score.min(10)) / 10;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}"><title>{label}</title>"#,
        label = html_escape(description)
    );
    // Axis and grid at 0, 5 and 10, labelled.
    for score in [0u8, 5, 10] {
        let dash = if score == 0 {
            ""
        } else {
            r#" stroke-dasharray="3 3""#
        };
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{y}" x2="{right}" y2="{y}" stroke="#777" stroke-width="0.75"{dash}/><text x="{tx}" y="{ty}" font-size="10" text-anchor="end" fill="#000">{score}</text>"##,
            y = y(score),
            right = WIDTH - RIGHT,
            tx = LEFT - 6,
            ty = y(score) + 3,
        );
    }
    let path: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{},{}", x(i), y(p.score)))
        .collect();
    let _ = write!(
        svg,
        r##"<polyline points="{}" fill="none" stroke="#000" stroke-width="2"/>"##,
        path.join(" ")
    );
    for (i, p) in points.iter().enumerate() {
        let anchor = match i {
            0 => "start",
            i if i + 1 == points.len() => "end",
            _ => "middle",
        };
        let _ = write!(
            svg,
            r##"<circle cx="{cx}" cy="{cy}" r="4" fill="#fff" stroke="#000" stroke-width="2"/><text x="{sx}" y="{sy}" font-size="11" font-weight="bold" text-anchor="start" fill="#000">{score}</text><text x="{cx}" y="{dy}" font-size="10" text-anchor="{anchor}" fill="#000">{date}</text>"##,
            cx = x(i),
            cy = y(p.score),
            // Up and to the right of the point, clear of the line and of the axis labels.
            sx = x(i) + 6,
            sy = y(p.score).saturating_sub(7).max(10),
            dy = HEIGHT - BOTTOM + 16,
            score = p.score,
            date = html_escape(&p.label),
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(scores: &[u8]) -> Vec<Point> {
        scores
            .iter()
            .enumerate()
            .map(|(i, s)| Point {
                label: format!("{} okt", i + 1),
                score: *s,
            })
            .collect()
    }

    #[test]
    fn one_score_needs_no_chart() {
        assert_eq!(scale_chart(&points(&[5]), "x"), None);
    }

    #[test]
    fn every_score_and_date_is_written_on_the_chart() {
        let svg = scale_chart(&points(&[4, 6, 7]), "Schaalvraag <doel>").unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        for text in [
            ">4</text>",
            ">6</text>",
            ">7</text>",
            ">1 okt</text>",
            ">3 okt</text>",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        assert!(svg.contains("aria-label=\"Schaalvraag &lt;doel&gt;\""));
        assert!(!svg.contains("<script") && !svg.contains("href"));
    }
}
