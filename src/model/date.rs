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

impl Date {
    /// Days since 1970-01-01 (negative before), by the civil calendar.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (year, month, day) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(0, 9999) as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Years from `from` to this date (negative when it is earlier).
    pub fn years_after(self, from: Date) -> f64 {
        (self.days() - from.days()) as f64 / 365.25
    }

    /// Today by the system clock (UTC); `None` where there is none to read
    /// (WebAssembly in a browser).
    pub fn today() -> Option<Date> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_secs();
            Some(Date::from_days((seconds / 86_400) as i64))
        }
        #[cfg(target_arch = "wasm32")]
        {
            None
        }
    }

    /// A date as written on the command line (`--today 2026-03-01`).
    pub fn from_arg(text: &str) -> Result<Date, String> {
        let shaped = text.len() == 10
            && text
                .char_indices()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        if !shaped {
            return Err(format!("`{text}` is not a date: write it as YYYY-MM-DD"));
        }
        Date::parse(text).map_err(|_| format!("`{text}` is not a date that exists"))
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
    fn days_count_from_1970_and_back() {
        let date = |text| Date::parse(text).expect("a date");
        assert_eq!(date("1970-01-01").days(), 0);
        assert_eq!(date("2000-03-01").days(), 11_017);
        for text in ["1970-01-01", "2000-02-29", "2026-12-05", "2099-12-31", "1969-12-31"] {
            assert_eq!(Date::from_days(date(text).days()), date(text), "{text}");
        }
        assert_eq!(date("2030-12-05").years_after(date("2026-12-05")), 1461.0 / 365.25);
        assert!(Date::from_arg("2026-3-1").is_err());
        assert!(Date::from_arg("2026-02-30").is_err());
        assert_eq!(Date::from_arg("2026-03-01"), Ok(date("2026-03-01")));
    }
}
