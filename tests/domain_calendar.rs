//! Working days in Kazakhstan (rules `calendar.holidays`, `calendar.weekend_transfer`) and the
//! review timeline (rule `timeline.review`).
use astana_hub_portal::domain::calendar::{
    CalendarError, add_working_days, astana_date, covered_years, holiday_data, is_working_day,
};
use astana_hub_portal::domain::timeline::{Stage, review_timeline};
use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

mod fixtures;
use fixtures::d;

/// "Today" is the date in Astana (UTC+5, no summer time), wherever the clock is read.
#[test]
fn today_is_the_date_in_astana() {
    let cases = [
        (
            "2026-03-05T23:30:00",
            "2026-03-06",
            "late evening in UTC is the next day",
        ),
        (
            "2026-03-05T18:59:59",
            "2026-03-05",
            "a second before midnight in Astana",
        ),
        ("2026-03-05T19:00:00", "2026-03-06", "midnight in Astana"),
        (
            "2026-03-05T00:00:00",
            "2026-03-05",
            "early morning in Astana",
        ),
        (
            "2026-12-31T19:30:00",
            "2027-01-01",
            "a new year in Astana first",
        ),
        ("2028-02-28T20:00:00", "2028-02-29", "a leap day"),
        ("2026-07-01T23:30:00", "2026-07-02", "no summer time"),
    ];
    for (utc, date, why) in cases {
        let utc: chrono::NaiveDateTime = utc.parse().unwrap();
        assert_eq!(astana_date(utc), d(date), "{why}");
    }
}

#[test]
fn calendar_known_days() {
    let cases = [
        ("2025-03-20", true, "Thursday before Nauryz"),
        ("2025-03-21", false, "Nauryz, Friday"),
        ("2025-03-22", false, "Nauryz on Saturday"),
        ("2025-03-23", false, "Nauryz on Sunday"),
        ("2025-03-24", false, "moved from Saturday 22 March"),
        ("2025-03-25", false, "moved from Sunday 23 March"),
        ("2025-03-26", true, "first working day after Nauryz"),
        ("2025-03-10", false, "8 March 2025 was a Saturday"),
        ("2025-06-06", false, "Kurban Ait 2025"),
        (
            "2024-06-17",
            true,
            "Kurban Ait 2024 on a Sunday is religious: not moved",
        ),
        (
            "2024-05-04",
            true,
            "Saturday worked: transfer to 8 May 2024",
        ),
        (
            "2024-05-08",
            false,
            "day off moved from Saturday 4 May 2024",
        ),
        (
            "2025-01-03",
            false,
            "day off moved from Sunday 5 January 2025",
        ),
        (
            "2025-01-05",
            true,
            "Sunday worked: transfer to 3 January 2025",
        ),
        ("2026-03-09", false, "8 March 2026 was a Sunday"),
        (
            "2026-03-24",
            false,
            "moved from Nauryz on Saturday 21 March 2026",
        ),
        (
            "2026-03-25",
            false,
            "moved from Nauryz on Sunday 22 March 2026",
        ),
        ("2026-01-01", false, "New Year"),
        ("2026-01-02", false, "New Year, second day"),
        ("2026-01-05", true, "first working Monday of 2026"),
        ("2026-01-07", false, "Orthodox Christmas"),
        ("2026-05-11", false, "9 May 2026 was a Saturday"),
        ("2027-01-04", false, "2 January 2027 is a Saturday"),
        ("2028-01-03", false, "1 January 2028 is a Saturday"),
        ("2028-01-04", false, "2 January 2028 is a Sunday"),
        ("2028-01-05", true, "after the moved New Year days"),
        ("2024-02-29", true, "leap day, a Thursday"),
        ("2024-12-16", false, "Independence Day"),
        ("2025-12-27", false, "Saturday"),
    ];
    for (date, working, why) in cases {
        assert_eq!(is_working_day(d(date)), Ok(working), "{date}: {why}");
    }
}

#[test]
fn calendar_add_working_days_known() {
    let cases = [
        ("2025-03-20", 1, "2025-03-26"),
        ("2025-12-31", 1, "2026-01-05"),
        ("2026-01-06", 1, "2026-01-08"),
        ("2025-03-26", -1, "2025-03-20"),
        ("2025-06-05", 1, "2025-06-09"),
        ("2025-03-22", 0, "2025-03-22"),
    ];
    for (from, n, expected) in cases {
        assert_eq!(
            add_working_days(d(from), n),
            Ok(d(expected)),
            "{from} + {n}"
        );
    }
}

#[test]
fn calendar_year_not_covered_names_the_year() {
    let (first, last) = covered_years();
    assert_eq!(
        add_working_days(d("2028-12-29"), 1),
        Err(CalendarError::YearNotCovered {
            year: 2029,
            first,
            last
        })
    );
    assert_eq!(
        is_working_day(d("2023-12-31")),
        Err(CalendarError::YearNotCovered {
            year: 2023,
            first,
            last
        })
    );
}

#[test]
fn timeline_review_moderation_5_then_commission_10_working_days() {
    assert_eq!(
        review_timeline(d("2025-03-20")),
        Ok(vec![
            (Stage::Submitted, d("2025-03-20")),
            (Stage::Moderation, d("2025-04-01")),
            (Stage::Commission, d("2025-04-15")),
        ])
    );
}

fn covered_date() -> impl Strategy<Value = NaiveDate> {
    // 2024-01-01 plus up to about four and a half years: leap days and year ends included.
    (0u64..1640).prop_map(|n| d("2024-01-01").checked_add_days(Days::new(n)).unwrap())
}

proptest! {
    #[test]
    fn result_is_a_later_working_day(from in covered_date(), n in 1i32..40) {
        let r = add_working_days(from, n).unwrap();
        prop_assert!(r > from);
        prop_assert_eq!(is_working_day(r), Ok(true));
    }

    #[test]
    fn backwards_gives_an_earlier_working_day(from in covered_date(), n in 1i32..40) {
        prop_assume!(from.year() > 2024 || from.month() > 3);
        let r = add_working_days(from, -n).unwrap();
        prop_assert!(r < from);
        prop_assert_eq!(is_working_day(r), Ok(true));
    }

    #[test]
    fn monotonic_in_n(from in covered_date(), a in 0i32..30, b in 0i32..30) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(add_working_days(from, lo).unwrap() <= add_working_days(from, hi).unwrap());
    }

    #[test]
    fn monotonic_in_start(a in covered_date(), b in covered_date(), n in 1i32..30) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(add_working_days(lo, n).unwrap() <= add_working_days(hi, n).unwrap());
    }

    #[test]
    fn there_and_back_returns_to_a_working_start(from in covered_date(), n in 1i32..30) {
        prop_assume!(is_working_day(from) == Ok(true));
        let there = add_working_days(from, n).unwrap();
        prop_assert_eq!(add_working_days(there, -n), Ok(from));
    }

    #[test]
    fn weekends_are_never_working_days(from in covered_date()) {
        use chrono::Weekday::{Sat, Sun};
        let made_working = holiday_data().years.iter().any(|y| y.extra_working_days.contains(&from));
        if matches!(from.weekday(), Sat | Sun) && !made_working {
            prop_assert_eq!(is_working_day(from), Ok(false));
        }
    }
}
