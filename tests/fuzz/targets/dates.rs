//! A date typed as day, month and year: a date or a message, never a crash; a date reads back
//! from its own day/month/year.
#![no_main]
use astana_hub_portal::ui::parse_date;
use chrono::Datelike;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(date) = parse_date(text) {
        let again = format!("{}/{}/{}", date.day(), date.month(), date.year());
        assert_eq!(parse_date(&again), Ok(date));
    }
});
