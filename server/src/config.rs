//! Settings from flags and environment variables; a flag wins over its variable.
//!
//! | flag | variable | default |
//! | --- | --- | --- |
//! | `--addr` | `AHS_ADDR` | `127.0.0.1` |
//! | `--port` | `AHS_PORT` | `8081` (`0`: any free port) |
//! | `--db` | `AHS_DB` | `astana-hub.sqlite3` (a `postgres://` address: PostgreSQL) |
//! | `--db-pool` | `AHS_DB_POOL` | `16` PostgreSQL connections per instance |
//! | `--allow-origin` (repeatable) | `AHS_ALLOW_ORIGINS` (comma-separated) | none |
//! | `--today` | `AHS_TODAY` | the date in Astana (UTC+5) from the clock |
//! | `--request-timeout-s` | `AHS_REQUEST_TIMEOUT_S` | `10` |
//! | `--status-per-client` | `AHS_STATUS_PER_CLIENT` | `60` lookups per window |
//! | `--status-per-reference` | `AHS_STATUS_PER_REFERENCE` | `10` lookups per window |
//! | `--status-window-s` | `AHS_STATUS_WINDOW_S` | `600` |
//! | `--document-lifetime-days` | `AHS_DOCUMENT_LIFETIME_DAYS` | `30`: an upload never named by a submission is deleted after |
//! | `--client-ip-header` | `AHS_CLIENT_IP_HEADER` | none: the peer's address |
//! | `--quiet` | `AHS_QUIET=1` | one log line per request |

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub addr: IpAddr,
    pub port: u16,
    /// A SQLite file, or a `postgres://` address.
    pub db: String,
    /// The most PostgreSQL connections this instance opens.
    pub db_pool: usize,
    /// A request not answered in this time is answered 503, which clients retry.
    pub request_timeout: Duration,
    pub status_limits: StatusLimits,
    /// Behind a load balancer: the header it writes the client's address into (the last
    /// address in it counts: the one the balancer added).
    pub client_ip_header: Option<String>,
    /// Browser origins allowed to call the service (`http://127.0.0.1:8080`); none by default.
    pub allowed_origins: Vec<String>,
    /// A fixed "today" for tests and demonstrations.
    pub today: Option<NaiveDate>,
    /// Days an uploaded document is kept when no submission names it: a draft's lifetime.
    pub document_lifetime_days: u32,
    pub quiet: bool,
}

/// Status lookups allowed per window, from one client address and for one reference: the
/// second factor cannot be guessed faster than this.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatusLimits {
    pub per_client: u32,
    pub per_reference: u32,
    pub window: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8081,
            db: "astana-hub.sqlite3".to_owned(),
            db_pool: 16,
            request_timeout: Duration::from_secs(10),
            status_limits: StatusLimits {
                per_client: 60,
                per_reference: 10,
                window: Duration::from_secs(600),
            },
            client_ip_header: None,
            allowed_origins: Vec::new(),
            today: None,
            document_lifetime_days: 30,
            quiet: false,
        }
    }
}

pub const USAGE: &str = "usage: astana-hub-server [--addr IP] [--port N] [--db PATH|URL] \
[--db-pool N] [--allow-origin ORIGIN]... [--today YYYY-MM-DD] [--request-timeout-s N] \
[--status-per-client N] [--status-per-reference N] [--status-window-s N] \
[--document-lifetime-days N] [--client-ip-header NAME] [--quiet]";

impl Config {
    /// Reads the variables through `var`, then the flags in `args` (without the program name).
    pub fn from_sources(
        args: &[String],
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, String> {
        let mut config = Config::default();
        if let Some(v) = var("AHS_ADDR") {
            config.addr = parse_addr(&v)?;
        }
        if let Some(v) = var("AHS_PORT") {
            config.port = parse_port(&v)?;
        }
        if let Some(v) = var("AHS_DB") {
            config.db = v;
        }
        for (name, flag) in SETTINGS {
            if let Some(v) = var(name) {
                config.set(flag, &v)?;
            }
        }
        if let Some(v) = var("AHS_ALLOW_ORIGINS") {
            config.allowed_origins = v
                .split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(parse_origin)
                .collect::<Result<_, _>>()?;
        }
        if let Some(v) = var("AHS_TODAY").filter(|v| !v.is_empty()) {
            config.today = Some(parse_date(&v)?);
        }
        config.quiet = var("AHS_QUIET").is_some_and(|v| v == "1");

        let mut args = args.iter();
        while let Some(flag) = args.next() {
            if flag == "--quiet" {
                config.quiet = true;
                continue;
            }
            let value = args
                .next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            match flag.as_str() {
                "--addr" => config.addr = parse_addr(value)?,
                "--port" => config.port = parse_port(value)?,
                "--db" => config.db = value.clone(),
                "--allow-origin" => config.allowed_origins.push(parse_origin(value)?),
                "--today" => config.today = Some(parse_date(value)?),
                _ if SETTINGS.iter().any(|(_, f)| f == flag) => config.set(flag, value)?,
                _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
            }
        }
        Ok(config)
    }

    /// One of [`SETTINGS`], from its flag or its variable.
    fn set(&mut self, flag: &str, v: &str) -> Result<(), String> {
        let limits = &mut self.status_limits;
        match flag {
            "--db-pool" => self.db_pool = parse_count(flag, v)? as usize,
            "--request-timeout-s" => {
                self.request_timeout = Duration::from_secs(parse_count(flag, v)?.into())
            }
            "--status-per-client" => limits.per_client = parse_count(flag, v)?,
            "--status-per-reference" => limits.per_reference = parse_count(flag, v)?,
            "--status-window-s" => {
                limits.window = Duration::from_secs(parse_count(flag, v)?.into())
            }
            "--document-lifetime-days" => self.document_lifetime_days = parse_count(flag, v)?,
            _ => {
                let name = v.trim().to_ascii_lowercase();
                if axum::http::HeaderName::from_bytes(name.as_bytes()).is_err() {
                    return Err(format!("{flag}: {v:?} is not a header name"));
                }
                self.client_ip_header = Some(name);
            }
        }
        Ok(())
    }
}

/// The settings read by [`Config::set`]: variable and flag.
const SETTINGS: [(&str, &str); 7] = [
    ("AHS_DB_POOL", "--db-pool"),
    ("AHS_REQUEST_TIMEOUT_S", "--request-timeout-s"),
    ("AHS_STATUS_PER_CLIENT", "--status-per-client"),
    ("AHS_STATUS_PER_REFERENCE", "--status-per-reference"),
    ("AHS_STATUS_WINDOW_S", "--status-window-s"),
    ("AHS_DOCUMENT_LIFETIME_DAYS", "--document-lifetime-days"),
    ("AHS_CLIENT_IP_HEADER", "--client-ip-header"),
];

/// A whole number from 1 up.
fn parse_count(flag: &str, v: &str) -> Result<u32, String> {
    v.parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{flag}: {v:?} is not a whole number above 0"))
}

fn parse_addr(v: &str) -> Result<IpAddr, String> {
    v.parse()
        .map_err(|_| format!("address {v:?} is not an IP address"))
}

fn parse_port(v: &str) -> Result<u16, String> {
    v.parse()
        .map_err(|_| format!("port {v:?} is not 0 to 65535"))
}

fn parse_date(v: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| format!("today {v:?} is not YYYY-MM-DD"))
}

/// An origin is compared as the browser sends it: scheme, host and port, no path, no slash.
fn parse_origin(v: &str) -> Result<String, String> {
    let shaped = (v.starts_with("http://") || v.starts_with("https://"))
        && !v
            .trim_end_matches('/')
            .split("//")
            .nth(1)
            .unwrap_or("")
            .contains('/');
    if shaped {
        Ok(v.trim_end_matches('/').to_owned())
    } else {
        Err(format!("origin {v:?} is not scheme://host[:port]"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_listen_on_loopback_and_allow_no_origin() {
        let c = Config::from_sources(&[], |_| None).unwrap();
        assert_eq!(c, Config::default());
        assert!(c.addr.is_loopback());
    }

    #[test]
    fn flags_win_over_variables() {
        let env = |k: &str| match k {
            "AHS_PORT" => Some("9000".to_owned()),
            "AHS_ALLOW_ORIGINS" => Some("http://a.test, http://b.test:8080/".to_owned()),
            "AHS_TODAY" => Some("2026-03-02".to_owned()),
            _ => None,
        };
        let c = Config::from_sources(&args(&["--port", "0", "--quiet"]), env).unwrap();
        assert_eq!(c.port, 0);
        assert!(c.quiet);
        assert_eq!(c.allowed_origins, ["http://a.test", "http://b.test:8080"]);
        assert_eq!(c.today, NaiveDate::from_ymd_opt(2026, 3, 2));

        let env = |k: &str| (k == "AHS_STATUS_PER_REFERENCE").then(|| "3".to_owned());
        let flags = args(&["--status-window-s", "60", "--client-ip-header", "X-Real-IP"]);
        let c = Config::from_sources(&flags, env).unwrap();
        assert_eq!(c.status_limits.per_reference, 3);
        assert_eq!(c.status_limits.window, Duration::from_secs(60));
        assert_eq!(c.client_ip_header.as_deref(), Some("x-real-ip"));
        assert_eq!(c.document_lifetime_days, 30);
        let c = Config::from_sources(&args(&["--document-lifetime-days", "7"]), |_| None).unwrap();
        assert_eq!(c.document_lifetime_days, 7);
    }

    #[test]
    fn bad_values_are_named() {
        for bad in [
            &["--port", "x"][..],
            &["--today", "2026-13-01"],
            &["--allow-origin", "http://a.test/app"],
            &["--allow-origin", "a.test"],
            &["--addr"],
            &["--status-per-client", "0"],
            &["--client-ip-header", "not a header"],
            &["--what", "1"],
        ] {
            assert!(
                Config::from_sources(&args(bad), |_| None).is_err(),
                "{bad:?}"
            );
        }
    }
}
