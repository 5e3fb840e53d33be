//! Working days in Kazakhstan, from the holiday table in `data/holidays.toml`.
//!
//! Rule ids: `calendar.holidays`, `calendar.weekend_transfer`. A day is a working day unless it
//! is a Saturday, a Sunday, a public holiday, a day off moved by the weekend transfer rule, or a
//! day off moved by a government decree; a Saturday or Sunday the decree makes a working day is
//! one. Weekend transfer: when a public holiday that is not religious falls on a Saturday or a
//! Sunday, the next working day becomes a day off (facts file, section 7).

use crate::domain::decision::{Citation, Confidence};
use crate::domain::params::parse;
use crate::json::{FromJson, Json, Members, ReadError};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Astana's offset from UTC, in hours: the whole country keeps it since 1 March 2024, with no
/// summer time.
pub const ASTANA_UTC_OFFSET_HOURS: i64 = 5;

/// The date in Astana at the moment `utc`. Every "today" is Astana's, in the browser as at the
/// service: an applicant abroad near midnight must not pass a date check the service refuses.
pub fn astana_date(utc: NaiveDateTime) -> NaiveDate {
    utc.checked_add_signed(TimeDelta::hours(ASTANA_UTC_OFFSET_HOURS))
        .unwrap_or(utc)
        .date()
}

/// The holiday table as written in the data file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HolidayData {
    pub label: String,
    pub citation: Citation,
    pub confidence: Confidence,
    pub first_year: i32,
    pub last_year: i32,
    pub transfer_weekend_holidays: bool,
    pub fixed: Vec<FixedHoliday>,
    pub years: Vec<YearHolidays>,
}

impl FromJson for HolidayData {
    fn from_json(value: &Json) -> Result<HolidayData, ReadError> {
        let members = Members::of(value)?;
        Ok(HolidayData {
            label: members.required("label")?,
            citation: members.required("citation")?,
            confidence: members.required("confidence")?,
            first_year: members.required("first_year")?,
            last_year: members.required("last_year")?,
            transfer_weekend_holidays: members.required("transfer_weekend_holidays")?,
            fixed: members.required("fixed")?,
            years: members.required("years")?,
        })
    }
}

/// A holiday on the same day every year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FixedHoliday {
    pub month: u32,
    pub day: u32,
    /// Translation key of the holiday's name.
    pub name: String,
    /// Religious holidays are not moved when they fall on a weekend.
    pub religious: bool,
}

impl FromJson for FixedHoliday {
    fn from_json(value: &Json) -> Result<FixedHoliday, ReadError> {
        let members = Members::of(value)?;
        Ok(FixedHoliday {
            month: members.required("month")?,
            day: members.required("day")?,
            name: members.required("name")?,
            religious: members.required("religious")?,
        })
    }
}

/// What changes from year to year: Kurban Ait and the government's transfers of days off.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearHolidays {
    pub year: i32,
    /// First day of Kurban Ait (religious: never moved).
    #[serde(with = "crate::iso_date")]
    pub kurban_ait: NaiveDate,
    #[serde(with = "crate::iso_date::list")]
    pub extra_days_off: Vec<NaiveDate>,
    #[serde(with = "crate::iso_date::list")]
    pub extra_working_days: Vec<NaiveDate>,
    /// The act that moved those days (required when it moved any: checked by the data test).
    pub transfers_source: Option<String>,
}

impl FromJson for YearHolidays {
    fn from_json(value: &Json) -> Result<YearHolidays, ReadError> {
        let members = Members::of(value)?;
        Ok(YearHolidays {
            year: members.required("year")?,
            kurban_ait: members.required("kurban_ait")?,
            extra_days_off: members.or_default("extra_days_off")?,
            extra_working_days: members.or_default("extra_working_days")?,
            transfers_source: members.optional("transfers_source")?,
        })
    }
}

/// A date outside the years the holiday table covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalendarError {
    YearNotCovered { year: i32, first: i32, last: i32 },
}

impl CalendarError {
    pub fn message_key(&self) -> &'static str {
        "calendar.year_not_covered"
    }

    pub fn values(&self) -> Vec<(String, String)> {
        let CalendarError::YearNotCovered { year, first, last } = self;
        crate::domain::decision::values([
            ("year", year.to_string()),
            ("first", first.to_string()),
            ("last", last.to_string()),
        ])
    }
}

/// The holiday table of `data/holidays.toml`.
pub fn holiday_data() -> &'static HolidayData {
    static DATA: OnceLock<HolidayData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "holidays",
            include_str!(concat!(env!("OUT_DIR"), "/data/holidays.json")),
        )
    })
}

struct Calendar {
    first: i32,
    last: i32,
    days_off: BTreeSet<NaiveDate>,
    working_weekend_days: BTreeSet<NaiveDate>,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| build(holiday_data()))
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn build(data: &HolidayData) -> Calendar {
    let mut days_off = BTreeSet::new();
    let mut working_weekend_days = BTreeSet::new();
    for year in &data.years {
        let mut movable = Vec::new();
        for h in &data.fixed {
            let date = NaiveDate::from_ymd_opt(year.year, h.month, h.day)
                .expect("fixed holidays are real dates (checked by the data test)");
            days_off.insert(date);
            if !h.religious {
                movable.push(date);
            }
        }
        days_off.insert(year.kurban_ait);
        days_off.extend(year.extra_days_off.iter().copied());
        working_weekend_days.extend(year.extra_working_days.iter().copied());
        if data.transfer_weekend_holidays {
            movable.sort();
            for holiday in movable.into_iter().filter(|d| is_weekend(*d)) {
                // The next day that is neither a weekend nor already a day off.
                let mut d = holiday;
                while is_weekend(d) || days_off.contains(&d) {
                    d = d.succ_opt().expect("dates in range");
                }
                days_off.insert(d);
            }
        }
    }
    Calendar {
        first: data.first_year,
        last: data.last_year,
        days_off,
        working_weekend_days,
    }
}

impl Calendar {
    fn check(&self, d: NaiveDate) -> Result<(), CalendarError> {
        if (self.first..=self.last).contains(&d.year()) {
            Ok(())
        } else {
            Err(CalendarError::YearNotCovered {
                year: d.year(),
                first: self.first,
                last: self.last,
            })
        }
    }

    fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        self.check(d)?;
        Ok(
            self.working_weekend_days.contains(&d)
                || !(is_weekend(d) || self.days_off.contains(&d)),
        )
    }
}

/// Whether `date` is a working day in Kazakhstan; an error names a year the table lacks.
pub fn is_working_day(date: NaiveDate) -> Result<bool, CalendarError> {
    calendar().is_working_day(date)
}

/// The `n`-th working day after `from` (before it when `n` is negative); `from` itself is not
/// counted, and `n == 0` gives `from` unchanged. Errors when the count leaves the covered years.
pub fn add_working_days(from: NaiveDate, n: i32) -> Result<NaiveDate, CalendarError> {
    let cal = calendar();
    let mut d = from;
    let mut left = n.unsigned_abs();
    while left > 0 {
        d = if n > 0 {
            d.checked_add_days(Days::new(1))
        } else {
            d.checked_sub_days(Days::new(1))
        }
        .ok_or(CalendarError::YearNotCovered {
            year: d.year(),
            first: cal.first,
            last: cal.last,
        })?;
        if cal.is_working_day(d)? {
            left -= 1;
        }
    }
    Ok(d)
}

/// The years the holiday table covers, first and last included.
pub fn covered_years() -> (i32, i32) {
    (calendar().first, calendar().last)
}
