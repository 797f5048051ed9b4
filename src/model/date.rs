//! Calendar dates, `YYYY-MM-DD`, checked for being real.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
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

impl Date {
    /// A date written by a user (`--today 2026-03-01`): exactly
    /// `YYYY-MM-DD`, and a day that exists.
    pub fn parse_text(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let shape = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if shape {
            Date::parse(text).ok()
        } else {
            None
        }
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian
    /// calendar (H. Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`), for the years
    /// a `Date` can hold.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = (year_of_era + era * 400 + i64::from(month <= 2)).clamp(0, 9999);
        Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Years from `from` to this date (negative when it is earlier).
    pub fn years_after(self, from: Date) -> f64 {
        (self.days() - from.days()) as f64 / 365.25
    }

    /// Today by the system clock (UTC); `None` where there is none to read
    /// (WebAssembly in a browser, a clock before 1970).
    pub fn today() -> Option<Date> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_secs();
            Some(Date::from_days(i64::try_from(seconds / 86_400).ok()?))
        }
        #[cfg(target_arch = "wasm32")]
        {
            None
        }
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

    #[test]
    fn days_since_the_epoch_both_ways() {
        let day = |text: &str| Date::parse_text(text).map(Date::days);
        assert_eq!(day("1970-01-01"), Some(0));
        assert_eq!(day("2000-03-01"), Some(11_017));
        assert_eq!(day("2026-12-05"), Some(20_792));
        assert_eq!(day("1969-12-31"), Some(-1));
        for days in (-719_000..2_900_000).step_by(997) {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::parse_text("2026-1-05"), None);
        assert_eq!(Date::parse_text("2026-02-30"), None);
        assert_eq!(Date::parse_text("２026-01-05"), None);
        let date = |text| Date::parse(text).expect("a date");
        assert_eq!(date("2030-12-05").years_after(date("2026-12-05")), 1461.0 / 365.25);
    }
}
