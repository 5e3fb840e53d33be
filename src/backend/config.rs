//! `config.json`: which backend, where, how patient. Read once at start; the same build serves
//! the static demo (`"backend": "mock"`) and a real deployment (`"backend": "http"`).
//!
//! ```json
//! { "backend": "mock", "base_url": "", "timeout_ms": 10000, "retries": 2,
//!   "retry_backoff_ms": 500, "today": null,
//!   "mock": { "delay_ms": 600, "failure_rate": 0.0, "forced_error": null },
//!   "service_worker": true }
//! ```
//! Unknown fields are refused, so a misspelt setting is reported instead of ignored.

use chrono::NaiveDate;
use serde::Deserialize;

use super::BackendError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackendKind {
    Mock,
    Http,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MockConfig {
    /// How long the mock takes to answer, to show the interface's waiting states.
    #[serde(default)]
    pub delay_ms: u32,
    /// The share of calls that fail, 0.0 to 1.0, drawn at random.
    #[serde(default)]
    pub failure_rate: f64,
    /// Every call fails with this error (see [`BackendError::from_name`]).
    #[serde(default)]
    pub forced_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub backend: BackendKind,
    /// The service's address, absolute or relative to `<base href>`; ignored by the mock.
    #[serde(default)]
    pub base_url: String,
    /// Each HTTP attempt is aborted after this long.
    pub timeout_ms: u32,
    /// Further attempts after a network failure, a timeout or a 502/503/504.
    #[serde(default)]
    pub retries: u32,
    /// The wait before the first retry; it doubles for each next one.
    #[serde(default)]
    pub retry_backoff_ms: u32,
    /// The app's "today", fixed for tests and demonstrations; Astana's date when absent.
    #[serde(default)]
    pub today: Option<NaiveDate>,
    #[serde(default = "no_mock_settings")]
    pub mock: MockConfig,
    /// Whether a service worker keeps the portal's files for visits without the network
    /// (`src/ui/service_worker.rs`); false removes one installed before.
    #[serde(default = "yes")]
    pub service_worker: bool,
}

fn yes() -> bool {
    true
}

fn no_mock_settings() -> MockConfig {
    MockConfig {
        delay_ms: 0,
        failure_rate: 0.0,
        forced_error: None,
    }
}

/// What is wrong with the configuration, for the page that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The file could not be fetched; the HTTP status when there was an answer.
    Missing(Option<u16>),
    /// The file is not a valid configuration; the reason, in technical English.
    Invalid(String),
}

impl Config {
    /// Reads and checks the file's text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let config: Config =
            serde_json::from_str(text).map_err(|e| ConfigError::Invalid(e.to_string()))?;
        config.check().map_err(ConfigError::Invalid)?;
        Ok(config)
    }

    fn check(&self) -> Result<(), String> {
        if self.timeout_ms == 0 {
            return Err("timeout_ms must be more than 0".into());
        }
        if self.backend == BackendKind::Http && self.base_url.trim().is_empty() {
            return Err("base_url is required when backend is \"http\"".into());
        }
        if !(0.0..=1.0).contains(&self.mock.failure_rate) {
            return Err("mock.failure_rate must be between 0 and 1".into());
        }
        if let Some(name) = &self.mock.forced_error
            && BackendError::from_name(name).is_none()
        {
            return Err(format!("mock.forced_error \"{name}\" is not an error kind"));
        }
        Ok(())
    }

    /// The configured "today", or Astana's by the browser's clock.
    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(browser_today)
    }
}

/// Today in Astana by the browser's clock, whatever the device's own time zone: the service
/// counts in Astana's days, so a date check passes in the browser only when it passes there.
pub fn browser_today() -> NaiveDate {
    let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .naive_utc();
    crate::domain::calendar::astana_date(now)
}
