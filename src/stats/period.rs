//! The period statistics cover: whole calendar months that have ended. A month still
//! running is never shown, since its counts would move with each day's arrivals and
//! two requests a day apart would date them; a day given is taken as its month.

use time::{Date, Month};

/// The most months one request covers.
pub const MAX_MONTHS: i32 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first day of the first month.
    first: Date,
    /// The first day of the last month.
    last_month: Date,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PeriodError {
    #[error("{0}: expected a month (YYYY-MM) or a day (YYYY-MM-DD)")]
    Malformed(&'static str),
    #[error("from ({from}) is after to ({to})")]
    Reversed { from: String, to: String },
    #[error(
        "the period has no month that has ended yet: statistics cover whole months, up to {0}"
    )]
    NotEnded(String),
    #[error("the period is longer than {MAX_MONTHS} months")]
    TooLong,
}

fn month_start(date: Date) -> Date {
    date.replace_day(1).expect("every month has a first day")
}

fn previous_month(date: Date) -> Date {
    month_start(
        month_start(date)
            .previous_day()
            .expect("not the first day ever"),
    )
}

/// Reads `YYYY-MM` or `YYYY-MM-DD` as the first day of its month.
fn parse_month(field: &'static str, text: &str) -> Result<Date, PeriodError> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| -> Option<i32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m] => (number(y, 4), number(m, 2), Some(1)),
        [y, m, d] => (number(y, 4), number(m, 2), number(d, 2)),
        _ => (None, None, None),
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(PeriodError::Malformed(field));
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(PeriodError::Malformed(field))?;
    let day = u8::try_from(day).map_err(|_| PeriodError::Malformed(field))?;
    Date::from_calendar_date(year, month, day)
        .map(month_start)
        .map_err(|_| PeriodError::Malformed(field))
}

fn month_text(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), u8::from(date.month()))
}

fn day_text(date: Date) -> String {
    format!("{}-{:02}", month_text(date), date.day())
}

impl Period {
    /// The months from `from` to `to` (each a month or a day in it), `to` at most the
    /// last month that has ended before `today`. Without `to`, that month; without
    /// `from`, the twelve months up to `to`.
    pub fn parse(from: Option<&str>, to: Option<&str>, today: Date) -> Result<Period, PeriodError> {
        let latest = previous_month(today);
        let from = from
            .filter(|s| !s.trim().is_empty())
            .map(|s| parse_month("from", s))
            .transpose()?;
        let to = to
            .filter(|s| !s.trim().is_empty())
            .map(|s| parse_month("to", s))
            .transpose()?;
        let last_month = to.unwrap_or(latest).min(latest);
        let first = match from {
            Some(first) => first,
            None => (0..11).fold(last_month, |d, _| previous_month(d)),
        };
        if let Some(to) = to {
            if first > to {
                return Err(PeriodError::Reversed {
                    from: month_text(first),
                    to: month_text(to),
                });
            }
        }
        if first > last_month {
            return Err(PeriodError::NotEnded(month_text(latest)));
        }
        let period = Period { first, last_month };
        if period.months().len() > MAX_MONTHS as usize {
            return Err(PeriodError::TooLong);
        }
        Ok(period)
    }

    /// Each month, `YYYY-MM`, in order.
    pub fn months(&self) -> Vec<String> {
        let mut months = Vec::new();
        let mut at = self.first;
        while at <= self.last_month && months.len() <= MAX_MONTHS as usize {
            months.push(month_text(at));
            at = month_start(
                at.replace_day(28)
                    .expect("every month has a 28th")
                    .saturating_add(time::Duration::days(4)),
            );
        }
        months
    }

    /// The first day covered, `YYYY-MM-DD`.
    pub fn from_day(&self) -> String {
        day_text(self.first)
    }

    /// The last day covered, `YYYY-MM-DD`.
    pub fn to_day(&self) -> String {
        let next = month_start(
            self.last_month
                .replace_day(28)
                .expect("every month has a 28th")
                .saturating_add(time::Duration::days(4)),
        );
        day_text(next.previous_day().expect("not the first day ever"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn whole_ended_months() {
        let today = date!(2026 - 03 - 15);
        let p = Period::parse(None, None, today).unwrap();
        assert_eq!(p.from_day(), "2025-03-01");
        assert_eq!(p.to_day(), "2026-02-28");
        assert_eq!(p.months().len(), 12);
        let p = Period::parse(Some("2024-02-10"), Some("2024-02-11"), today).unwrap();
        assert_eq!(
            (p.from_day(), p.to_day()),
            ("2024-02-01".into(), "2024-02-29".into())
        );
        // A month still running is never covered.
        let p = Period::parse(Some("2026-01"), Some("2026-12"), today).unwrap();
        assert_eq!(p.months(), vec!["2026-01", "2026-02"]);
        assert_eq!(
            Period::parse(Some("2026-03"), None, today),
            Err(PeriodError::NotEnded("2026-02".into()))
        );
        assert!(matches!(
            Period::parse(Some("2025-05"), Some("2025-04"), today),
            Err(PeriodError::Reversed { .. })
        ));
        for bad in [
            "2025",
            "2025-13",
            "2025-02-30",
            "25-01",
            "2025-1",
            "x",
            "2025-01-01T00:00",
        ] {
            assert_eq!(
                Period::parse(Some(bad), None, today),
                Err(PeriodError::Malformed("from")),
                "{bad}"
            );
        }
        assert_eq!(
            Period::parse(Some("2000-01"), None, today),
            Err(PeriodError::TooLong)
        );
    }
}
