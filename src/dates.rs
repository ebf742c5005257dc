//! Dates as people type them and read them: parsing `YYYY-MM-DD` with helpful mistakes,
//! long dates in Dutch and English, and horizons such as `14d`, `2w`, `1m`.

use chrono::{Datelike, Months, NaiveDate, NaiveTime, Weekday};

use crate::lang::Lang;

/// Why a text is not a date, in words for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    pub message: String,
    pub help: String,
}

const EXAMPLE: &str = "2026-09-01";

/// Reads a date written as `YYYY-MM-DD`, and explains any other way of writing it.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateProblem> {
    let text = text.trim();
    let problem = |message: String, help: String| Err(DateProblem { message, help });
    let numbers: Vec<&str> = text.split(['-', '/', '.']).collect();
    let all_digits = numbers
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));

    if let Some((day, time)) = split_time_part(text) {
        return problem(
            format!("`{text}` is a date with a time of day; a date here is a day only"),
            format!(
                "write `{day}`; the time of a meeting goes in `time`, as \"{}\"",
                time.format("%H:%M")
            ),
        );
    }
    if numbers.len() == 3 && all_digits {
        let (y, m, d) = if numbers[0].len() == 4 {
            (numbers[0], numbers[1], numbers[2])
        } else if numbers[2].len() == 4 {
            (numbers[2], numbers[1], numbers[0])
        } else {
            return problem(
                format!("`{text}` is not a date in the form YYYY-MM-DD"),
                format!("write the year in four digits, then month and day, e.g. {EXAMPLE}"),
            );
        };
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
            return problem(
                format!("`{text}` is not a date in the form YYYY-MM-DD"),
                format!("write a date as year-month-day, e.g. {EXAMPLE}"),
            );
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            return problem(
                format!("`{text}` is not a real date{}", why_not_real(year, month, day)),
                format!("write an existing date as YYYY-MM-DD, e.g. {EXAMPLE}"),
            );
        };
        let canonical = date.format("%Y-%m-%d").to_string();
        if canonical == text {
            return Ok(date);
        }
        let why = if numbers[0].len() != 4 {
            "day and month come after the year"
        } else if text.contains(['/', '.']) {
            "the parts are separated by `-`"
        } else {
            "month and day have two digits"
        };
        return problem(
            format!("`{text}` is not written as YYYY-MM-DD ({why})"),
            format!("write `{canonical}`"),
        );
    }
    problem(
        format!("`{text}` is not a date"),
        format!("write a date as YYYY-MM-DD, e.g. {EXAMPLE}"),
    )
}

/// `2026-09-01 10:00`, `2026-09-01T10:00:00Z` and the like: a YAML timestamp.
fn split_time_part(text: &str) -> Option<(String, NaiveTime)> {
    let (day, rest) = text.split_at_checked(10)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let time_text = rest.get(..5)?;
    let time = NaiveTime::parse_from_str(time_text, "%H:%M").ok()?;
    Some((date.format("%Y-%m-%d").to_string(), time))
}

fn why_not_real(year: i32, month: u32, day: u32) -> String {
    if !(1..=12).contains(&month) {
        return format!(" (there is no month {month})");
    }
    let days = days_in_month(year, month);
    if day == 0 || day > days {
        return format!(" ({} {year} has {days} days)", month_name(Lang::En, month));
    }
    String::new()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = first.and_then(|d| d.checked_add_months(Months::new(1)));
    match (first, next) {
        (Some(a), Some(b)) => u32::try_from((b - a).num_days()).unwrap_or(31),
        _ => 31,
    }
}

/// Reads a time of day written as `HH:MM`.
pub fn parse_time(text: &str) -> Result<NaiveTime, DateProblem> {
    let valid = text.len() == 5 && text.as_bytes()[2] == b':';
    match NaiveTime::parse_from_str(text, "%H:%M") {
        Ok(time) if valid => Ok(time),
        Ok(time) => Err(DateProblem {
            message: format!("`{text}` is not a time in the form HH:MM"),
            help: format!("write \"{}\"", time.format("%H:%M")),
        }),
        Err(_) => Err(DateProblem {
            message: format!("`{text}` is not a time in the form HH:MM"),
            help: "write a time of day in quotes, e.g. \"09:30\"".into(),
        }),
    }
}

/// How far ahead `due` looks: a number of days, weeks or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon {
    Days(u32),
    Months(u32),
}

impl Horizon {
    pub const DEFAULT: Horizon = Horizon::Days(14);

    /// Reads `14d`, `2w` or `1m` (a number alone means days).
    pub fn parse(text: &str) -> Result<Horizon, String> {
        let text = text.trim();
        let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let n: u32 = number
            .parse()
            .map_err(|_| format!("`{text}` is not a duration; write e.g. 14d, 2w or 1m"))?;
        let horizon = match unit {
            "" | "d" => Horizon::Days(n),
            "w" => Horizon::Days(n.saturating_mul(7)),
            "m" => Horizon::Months(n),
            _ => {
                return Err(format!(
                    "`{text}` has an unknown unit `{unit}`; use d (days), w (weeks) or m (months)"
                ));
            }
        };
        let too_far = match horizon {
            Horizon::Days(d) => d > 3660,
            Horizon::Months(m) => m > 120,
        };
        if too_far {
            return Err(format!("`{text}` looks further ahead than ten years"));
        }
        Ok(horizon)
    }

    /// The last day inside the horizon, seen from `today`.
    pub fn last_day(self, today: NaiveDate) -> NaiveDate {
        match self {
            Horizon::Days(d) => today
                .checked_add_days(chrono::Days::new(u64::from(d)))
                .unwrap_or(NaiveDate::MAX),
            Horizon::Months(m) => today.checked_add_months(Months::new(m)).unwrap_or(NaiveDate::MAX),
        }
    }
}

pub fn month_name(lang: Lang, month: u32) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let index = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Nl => NL[index],
        Lang::En => EN[index],
    }
}

fn weekday_name(lang: Lang, day: Weekday) -> &'static str {
    let index = day.num_days_from_monday() as usize;
    match lang {
        Lang::Nl => [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ][index],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][index],
    }
}

/// "donderdag 3 december 2026" / "Thursday 3 December 2026".
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} {}",
        weekday_name(lang, date.weekday()),
        day_month_year(lang, date)
    )
}

/// "3 december 2026" / "3 December 2026".
pub fn day_month_year(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(lang, date.month()),
        date.year()
    )
}

/// "19 nov 2026" / "19 Nov 2026": short enough to stand under a chart.
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    const NL: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let index = date.month0() as usize;
    let month = if lang == Lang::Nl { NL[index] } else { EN[index] };
    format!("{} {month} {}", date.day(), date.year())
}

/// "09:30".
pub fn time_of_day(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// "09:30–11:00" when the duration is known, else "09:30".
pub fn time_span(time: NaiveTime, duration_minutes: Option<u32>) -> String {
    match duration_minutes {
        Some(minutes) => {
            let end = time + chrono::Duration::minutes(i64::from(minutes));
            format!("{}–{}", time_of_day(time), time_of_day(end))
        }
        None => time_of_day(time),
    }
}

/// `YYYY-MM-DD`, the way dates are written in plans and machine-readable output.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> DateProblem {
        parse_date(text).unwrap_err()
    }

    #[test]
    fn accepts_iso_dates() {
        assert_eq!(
            parse_date("2026-09-01"),
            Ok(NaiveDate::from_ymd_opt(2026, 9, 1).unwrap())
        );
    }

    #[test]
    fn explains_dutch_and_short_forms() {
        assert_eq!(problem("01-09-2026").help, "write `2026-09-01`");
        assert!(problem("01-09-2026").message.contains("after the year"));
        assert_eq!(problem("1-9-2026").help, "write `2026-09-01`");
        assert_eq!(problem("2026-9-1").help, "write `2026-09-01`");
        assert!(problem("2026-9-1").message.contains("two digits"));
        assert_eq!(problem("01/09/2026").help, "write `2026-09-01`");
    }

    #[test]
    fn explains_impossible_dates_and_words() {
        assert!(
            problem("2026-02-30")
                .message
                .contains("February 2026 has 28 days")
        );
        assert!(problem("2026-13-01").message.contains("no month 13"));
        assert_eq!(problem("morgen").message, "`morgen` is not a date");
        assert!(problem("morgen").help.contains(EXAMPLE));
    }

    #[test]
    fn explains_timestamps() {
        let p = problem("2026-09-01 10:00:00");
        assert!(p.message.contains("time of day"));
        assert!(p.help.contains("`2026-09-01`") && p.help.contains("\"10:00\""));
        assert!(problem("2026-09-01T10:00:00Z").help.contains("`2026-09-01`"));
    }

    #[test]
    fn times() {
        assert!(parse_time("09:30").is_ok());
        assert_eq!(parse_time("9:30").unwrap_err().help, "write \"09:30\"");
        assert!(parse_time("25:00").is_err());
    }

    #[test]
    fn horizons() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(
            Horizon::parse("14d").unwrap().last_day(today).to_string(),
            "2026-02-14"
        );
        assert_eq!(Horizon::parse("2w").unwrap(), Horizon::Days(14));
        assert_eq!(
            Horizon::parse("1m").unwrap().last_day(today).to_string(),
            "2026-02-28"
        );
        assert!(Horizon::parse("2y").is_err());
        assert!(Horizon::parse("-3d").is_err());
    }

    #[test]
    fn long_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(long_date(Lang::Nl, d), "donderdag 3 december 2026");
        assert_eq!(long_date(Lang::En, d), "Thursday 3 December 2026");
    }
}
