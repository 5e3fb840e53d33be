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

use super::BackendError;
use crate::json::{self, Json};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendKind {
    Mock,
    Http,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MockConfig {
    /// How long the mock takes to answer, to show the interface's waiting states.
    pub delay_ms: u32,
    /// The share of calls that fail, 0.0 to 1.0, drawn at random.
    pub failure_rate: f64,
    /// Every call fails with this error (see [`BackendError::from_name`]).
    pub forced_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub backend: BackendKind,
    /// The service's address, absolute or relative to `<base href>`; ignored by the mock.
    pub base_url: String,
    /// Each HTTP attempt is aborted after this long.
    pub timeout_ms: u32,
    /// Further attempts after a network failure, a timeout or a 502/503/504.
    pub retries: u32,
    /// The wait before the first retry; it doubles for each next one.
    pub retry_backoff_ms: u32,
    /// The app's "today", fixed for tests and demonstrations; Astana's date when absent.
    pub today: Option<NaiveDate>,
    pub mock: MockConfig,
    /// Whether a service worker keeps the portal's files for visits without the network
    /// (`src/ui/service_worker.rs`); false removes one installed before.
    pub service_worker: bool,
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
        let config = json::parse(text)
            .and_then(|json| Config::read(&json))
            .map_err(ConfigError::Invalid)?;
        config.check().map_err(ConfigError::Invalid)?;
        Ok(config)
    }

    fn read(json: &Json) -> Result<Config, String> {
        let top = Members::of(
            json,
            "the settings",
            &[
                "backend",
                "base_url",
                "timeout_ms",
                "retries",
                "retry_backoff_ms",
                "today",
                "mock",
                "service_worker",
            ],
        )?;
        let backend = match top.required("backend")? {
            Json::String(kind) if kind == "mock" => BackendKind::Mock,
            Json::String(kind) if kind == "http" => BackendKind::Http,
            _ => return Err("backend must be \"mock\" or \"http\"".into()),
        };
        let today = match top.get("today") {
            None | Some(Json::Null) => None,
            Some(Json::String(day)) => Some(
                crate::iso_date::parse(day)
                    .ok_or_else(|| format!("today \"{day}\" is not a YYYY-MM-DD date"))?,
            ),
            Some(_) => return Err("today must be a YYYY-MM-DD date or null".into()),
        };
        let mock = match top.get("mock") {
            None => MockConfig {
                delay_ms: 0,
                failure_rate: 0.0,
                forced_error: None,
            },
            Some(json) => {
                let mock =
                    Members::of(json, "mock", &["delay_ms", "failure_rate", "forced_error"])?;
                MockConfig {
                    delay_ms: mock.whole("delay_ms")?.unwrap_or(0),
                    failure_rate: match mock.get("failure_rate") {
                        None => 0.0,
                        Some(Json::Number(rate)) => fraction(rate).ok_or(FAILURE_RATE)?,
                        Some(_) => return Err(FAILURE_RATE.into()),
                    },
                    forced_error: match mock.get("forced_error") {
                        None | Some(Json::Null) => None,
                        Some(Json::String(name)) => Some(name.clone()),
                        Some(_) => return Err("mock.forced_error must be a string or null".into()),
                    },
                }
            }
        };
        Ok(Config {
            backend,
            base_url: match top.get("base_url") {
                None => String::new(),
                Some(Json::String(url)) => url.clone(),
                Some(_) => return Err("base_url must be a string".into()),
            },
            timeout_ms: top.whole("timeout_ms")?.ok_or("timeout_ms is required")?,
            retries: top.whole("retries")?.unwrap_or(0),
            retry_backoff_ms: top.whole("retry_backoff_ms")?.unwrap_or(0),
            today,
            mock,
            service_worker: match top.get("service_worker") {
                None => true,
                Some(Json::Bool(on)) => *on,
                Some(_) => return Err("service_worker must be true or false".into()),
            },
        })
    }

    fn check(&self) -> Result<(), String> {
        if self.timeout_ms == 0 {
            return Err("timeout_ms must be more than 0".into());
        }
        if self.backend == BackendKind::Http && self.base_url.trim().is_empty() {
            return Err("base_url is required when backend is \"http\"".into());
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

/// An object's members, each name known and given once: a misspelt or repeated setting is
/// reported instead of ignored.
struct Members<'a>(&'a [(String, Json)]);

impl<'a> Members<'a> {
    fn of(json: &'a Json, what: &str, known: &[&str]) -> Result<Members<'a>, String> {
        let Json::Object(members) = json else {
            return Err(format!("{what} must be an object, not {}", json.kind()));
        };
        for (i, (name, _)) in members.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                return Err(format!("unknown setting \"{name}\" in {what}"));
            }
            if members[..i].iter().any(|(earlier, _)| earlier == name) {
                return Err(format!("setting \"{name}\" given twice in {what}"));
            }
        }
        Ok(Members(members))
    }

    fn get(&self, name: &str) -> Option<&'a Json> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value)
    }

    fn required(&self, name: &str) -> Result<&'a Json, String> {
        self.get(name).ok_or_else(|| format!("{name} is required"))
    }

    /// A whole number from 0 to 4294967295, if given.
    fn whole(&self, name: &str) -> Result<Option<u32>, String> {
        let Some(json) = self.get(name) else {
            return Ok(None);
        };
        let number = match json {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        };
        number
            .map(Some)
            .ok_or_else(|| format!("{name} must be a whole number from 0 to {}", u32::MAX))
    }
}

const FAILURE_RATE: &str = "mock.failure_rate must be a decimal from 0 to 1, such as 0.25";

/// A number from 0 to 1 written as decimals (`0`, `0.25`, `1.0`), as a share is; `None` for any
/// other number.
fn fraction(number: &str) -> Option<f64> {
    let (whole, decimals) = number.split_once('.').unwrap_or((number, ""));
    let digits = decimals.bytes().all(|b| b.is_ascii_digit()) && decimals.len() <= 15;
    match whole {
        "0" if digits => Some(
            decimals
                .bytes()
                .rev()
                .fold(0.0, |value, digit| (value + f64::from(digit - b'0')) / 10.0),
        ),
        "1" if decimals.bytes().all(|b| b == b'0') => Some(1.0),
        _ => None,
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
