//! Writing iCalendar (RFC 5545): content lines with escaped values, folded at 75 octets, CRLF
//! line ends, and the Europe/Amsterdam time zone.
//!
//! Written by hand rather than with the `icalendar` crate: that crate adds a wall-clock
//! `DTSTAMP` and a random `UID` to every component that lacks them, time-zone blocks included,
//! and output here must be the same byte for byte on every run.

use chrono::{NaiveDate, NaiveDateTime};

/// One calendar being written.
#[derive(Debug, Default)]
pub struct Calendar {
    out: String,
}

/// A parameter of a property, such as `CN="Petra de Vries"`.
pub struct Param<'a>(pub &'a str, pub &'a str);

impl Calendar {
    /// Starts a calendar; `method` is `REQUEST` for an invitation, `None` for a published list.
    pub fn new(method: Option<&str>, name: Option<&str>) -> Calendar {
        let mut calendar = Calendar::default();
        calendar.line("BEGIN", &[], "VCALENDAR");
        calendar.line("VERSION", &[], "2.0");
        calendar.line("PRODID", &[], "-//gezinsplan//gezinsplan//NL");
        calendar.line("CALSCALE", &[], "GREGORIAN");
        if let Some(method) = method {
            calendar.line("METHOD", &[], method);
        }
        if let Some(name) = name {
            calendar.text("X-WR-CALNAME", &[], name);
        }
        calendar
    }

    /// The Europe/Amsterdam zone with the EU summer-time rule (last Sunday of March to the last
    /// Sunday of October), which `TZID=Europe/Amsterdam` times refer to.
    pub fn amsterdam_time_zone(&mut self) {
        for (name, value) in [
            ("BEGIN", "VTIMEZONE"),
            ("TZID", AMSTERDAM),
            ("BEGIN", "DAYLIGHT"),
            ("TZOFFSETFROM", "+0100"),
            ("TZOFFSETTO", "+0200"),
            ("TZNAME", "CEST"),
            ("DTSTART", "19700329T020000"),
            ("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
            ("END", "DAYLIGHT"),
            ("BEGIN", "STANDARD"),
            ("TZOFFSETFROM", "+0200"),
            ("TZOFFSETTO", "+0100"),
            ("TZNAME", "CET"),
            ("DTSTART", "19701025T030000"),
            ("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
            ("END", "STANDARD"),
            ("END", "VTIMEZONE"),
        ] {
            self.line(name, &[], value);
        }
    }

    pub fn begin(&mut self, component: &str) {
        self.line("BEGIN", &[], component);
    }

    pub fn end(&mut self, component: &str) {
        self.line("END", &[], component);
    }

    /// A property whose value is text: escaped as RFC 5545 asks.
    pub fn text(&mut self, name: &str, params: &[Param], value: &str) {
        let mut escaped = String::with_capacity(value.len());
        for c in value.chars() {
            match c {
                '\\' => escaped.push_str("\\\\"),
                ';' => escaped.push_str("\\;"),
                ',' => escaped.push_str("\\,"),
                '\n' => escaped.push_str("\\n"),
                '\r' => {}
                c => escaped.push(c),
            }
        }
        self.line(name, params, &escaped);
    }

    /// A whole day.
    pub fn date(&mut self, name: &str, date: NaiveDate) {
        self.line(
            name,
            &[Param("VALUE", "DATE")],
            &date.format("%Y%m%d").to_string(),
        );
    }

    /// A local time in Europe/Amsterdam.
    pub fn amsterdam_time(&mut self, name: &str, time: NaiveDateTime) {
        self.line(
            name,
            &[Param("TZID", AMSTERDAM)],
            &time.format("%Y%m%dT%H%M%S").to_string(),
        );
    }

    /// A moment in UTC, as `DTSTAMP` wants it.
    pub fn utc(&mut self, name: &str, time: NaiveDateTime) {
        self.line(name, &[], &time.format("%Y%m%dT%H%M%SZ").to_string());
    }

    /// A property written as given (the caller makes sure it needs no escaping).
    pub fn line(&mut self, name: &str, params: &[Param], value: &str) {
        let mut line = String::from(name);
        for Param(key, param) in params {
            line.push(';');
            line.push_str(key);
            line.push('=');
            line.push_str(&param_value(param));
        }
        line.push(':');
        line.push_str(value);
        fold(&line, &mut self.out);
    }

    pub fn finish(mut self) -> String {
        self.line("END", &[], "VCALENDAR");
        self.out
    }
}

const AMSTERDAM: &str = "Europe/Amsterdam";

/// Parameter values with `:`, `;` or `,` are quoted; a quote cannot occur inside one at all.
fn param_value(value: &str) -> String {
    let clean: String = value.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if clean.contains([':', ';', ',']) || clean.contains(char::is_whitespace) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Lines longer than 75 octets continue on the next line after a space, never inside a
/// UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        let mut calendar = Calendar::new(None, None);
        calendar.text("DESCRIPTION", &[], &format!("a;b,c\\d\n{}", "é".repeat(60)));
        let out = calendar.finish();
        assert!(out.contains("DESCRIPTION:a\\;b\\,c\\\\d\\n"));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&"é".repeat(60)));
        assert!(out.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn parameters_are_quoted_when_needed() {
        assert_eq!(param_value("Petra"), "Petra");
        assert_eq!(param_value("de Vries, Petra"), "\"de Vries, Petra\"");
        assert_eq!(param_value("say \"hi\""), "\"say hi\"");
    }
}
