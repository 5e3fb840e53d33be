//! `config.json` (`src/backend/config.rs`): each setting's default, and each way a file is
//! refused, with the reason the settings page shows.

use astana_hub_portal::backend::{BackendKind, Config, ConfigError};
use chrono::NaiveDate;

#[test]
fn the_smallest_file_takes_every_default() {
    let config = Config::parse(r#"{"backend": "mock", "timeout_ms": 10000}"#).unwrap();
    assert_eq!(config.backend, BackendKind::Mock);
    assert_eq!(config.base_url, "");
    assert_eq!(config.timeout_ms, 10000);
    assert_eq!((config.retries, config.retry_backoff_ms), (0, 0));
    assert_eq!(config.today, None);
    assert_eq!(config.mock.delay_ms, 0);
    assert_eq!(config.mock.failure_rate, 0.0);
    assert_eq!(config.mock.forced_error, None);
    assert!(config.service_worker);
}

#[test]
fn every_setting_is_read() {
    let config = Config::parse(
        r#"{ "backend": "http", "base_url": "/api", "timeout_ms": 4294967295, "retries": 2,
             "retry_backoff_ms": 500, "today": "2026-02-28",
             "mock": { "delay_ms": 600, "failure_rate": 0.25, "forced_error": "timed_out" },
             "service_worker": false }"#,
    )
    .unwrap();
    assert_eq!(config.backend, BackendKind::Http);
    assert_eq!(config.base_url, "/api");
    assert_eq!(config.timeout_ms, u32::MAX);
    assert_eq!((config.retries, config.retry_backoff_ms), (2, 500));
    assert_eq!(config.today, NaiveDate::from_ymd_opt(2026, 2, 28));
    assert_eq!(config.mock.delay_ms, 600);
    assert_eq!(config.mock.failure_rate, 0.25);
    assert_eq!(config.mock.forced_error.as_deref(), Some("timed_out"));
    assert!(!config.service_worker);
}

#[test]
fn a_failure_rate_is_a_decimal_from_0_to_1() {
    let with_rate = |written: &str| {
        Config::parse(&format!(
            r#"{{"backend":"mock","timeout_ms":1,"mock":{{"failure_rate":{written}}}}}"#
        ))
    };
    for (written, rate) in [
        ("0", 0.0),
        ("0.0", 0.0),
        ("0.5", 0.5),
        ("0.125", 0.125),
        ("1", 1.0),
        ("1.00", 1.0),
    ] {
        assert_eq!(
            with_rate(written).map(|c| c.mock.failure_rate),
            Ok(rate),
            "{written}"
        );
    }
    for written in ["1.5", "2", "-0.5", "5e-1", "0.1234567890123456"] {
        assert!(with_rate(written).is_err(), "{written}");
    }
}

#[test]
fn a_wrong_file_is_refused_with_its_reason() {
    let cases = [
        ("", "unexpected end at line 1, column 1"),
        ("<!doctype html>", "expected a value at line 1, column 1"),
        ("[]", "the settings must be an object, not an array"),
        (r#"{"timeout_ms": 1}"#, "backend is required"),
        (
            r#"{"backend": "ftp", "timeout_ms": 1}"#,
            r#"backend must be "mock" or "http""#,
        ),
        (r#"{"backend": "mock"}"#, "timeout_ms is required"),
        (
            r#"{"backend": "mock", "timeout_ms": 0}"#,
            "timeout_ms must be more than 0",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": -1}"#,
            "timeout_ms must be a whole number from 0 to 4294967295",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1.5}"#,
            "timeout_ms must be a whole number from 0 to 4294967295",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 4294967296}"#,
            "timeout_ms must be a whole number from 0 to 4294967295",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": "10"}"#,
            "timeout_ms must be a whole number from 0 to 4294967295",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "timeout": 1}"#,
            r#"unknown setting "timeout" in the settings"#,
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "backend": "http"}"#,
            r#"setting "backend" given twice in the settings"#,
        ),
        (
            r#"{"backend": "http", "timeout_ms": 1}"#,
            r#"base_url is required when backend is "http""#,
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "base_url": 1}"#,
            "base_url must be a string",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "today": "2026-02-30"}"#,
            r#"today "2026-02-30" is not a YYYY-MM-DD date"#,
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "today": "28.02.2026"}"#,
            r#"today "28.02.2026" is not a YYYY-MM-DD date"#,
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "today": 20260228}"#,
            "today must be a YYYY-MM-DD date or null",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "service_worker": "no"}"#,
            "service_worker must be true or false",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "mock": 1}"#,
            "mock must be an object, not a number",
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "mock": {"delay": 1}}"#,
            r#"unknown setting "delay" in mock"#,
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "mock": {"forced_error": "typo"}}"#,
            r#"mock.forced_error "typo" is not an error kind"#,
        ),
        (
            r#"{"backend": "mock", "timeout_ms": 1, "mock": {"forced_error": 1}}"#,
            "mock.forced_error must be a string or null",
        ),
    ];
    for (text, reason) in cases {
        assert_eq!(
            Config::parse(text),
            Err(ConfigError::Invalid(reason.into())),
            "{text}"
        );
    }
}
