//! Calendar dates, `YYYY-MM-DD`, checked for being real.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a `YYYY-MM-DD` is not a date.
#[derive(Debug, PartialEq, Eq)]
pub enum DateError {
    Month,
    Day { days_in_month: u8 },
}

impl Date {
    /// Parses the `date` token of the grammar (four, two and two digits).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let number =
            |range: std::ops::Range<usize>| -> u16 { text.get(range).and_then(|s| s.parse().ok()).unwrap_or(0) };
        let year = number(0..4);
        let month = number(5..7);
        let day = number(8..10);
        if !(1..=12).contains(&month) {
            return Err(DateError::Month);
        }
        let days_in_month = days_in_month(year, month as u8);
        if day == 0 || day > u16::from(days_in_month) {
            return Err(DateError::Day { days_in_month });
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_and_impossible_dates() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Ok("2024-02-29".into())
        );
        assert_eq!(Date::parse("2023-02-29"), Err(DateError::Day { days_in_month: 28 }));
        assert_eq!(Date::parse("1900-02-29"), Err(DateError::Day { days_in_month: 28 }));
        assert_eq!(Date::parse("2000-02-29").map(|d| d.day), Ok(29));
        assert_eq!(Date::parse("2025-13-01"), Err(DateError::Month));
        assert_eq!(Date::parse("2025-04-31"), Err(DateError::Day { days_in_month: 30 }));
        assert_eq!(Date::parse("2025-04-00"), Err(DateError::Day { days_in_month: 30 }));
    }
}
