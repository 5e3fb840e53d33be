//! Settings from flags and environment variables; a flag wins over its variable.
//!
//! | flag | variable | default |
//! | --- | --- | --- |
//! | `--addr` | `AHS_ADDR` | `127.0.0.1` |
//! | `--port` | `AHS_PORT` | `8081` (`0`: any free port) |
//! | `--db` | `AHS_DB` | `astana-hub.sqlite3` |
//! | `--allow-origin` (repeatable) | `AHS_ALLOW_ORIGINS` (comma-separated) | none |
//! | `--today` | `AHS_TODAY` | the date in Astana (UTC+5) from the clock |
//! | `--quiet` | `AHS_QUIET=1` | one log line per request |

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub addr: IpAddr,
    pub port: u16,
    pub db: PathBuf,
    /// Browser origins allowed to call the service (`http://127.0.0.1:8080`); none by default.
    pub allowed_origins: Vec<String>,
    /// A fixed "today" for tests and demonstrations.
    pub today: Option<NaiveDate>,
    pub quiet: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8081,
            db: PathBuf::from("astana-hub.sqlite3"),
            allowed_origins: Vec::new(),
            today: None,
            quiet: false,
        }
    }
}

pub const USAGE: &str = "usage: astana-hub-server [--addr IP] [--port N] [--db PATH] \
[--allow-origin ORIGIN]... [--today YYYY-MM-DD] [--quiet]";

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
            config.db = PathBuf::from(v);
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
                "--db" => config.db = PathBuf::from(value),
                "--allow-origin" => config.allowed_origins.push(parse_origin(value)?),
                "--today" => config.today = Some(parse_date(value)?),
                _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
            }
        }
        Ok(config)
    }
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
    }

    #[test]
    fn bad_values_are_named() {
        for bad in [
            &["--port", "x"][..],
            &["--today", "2026-13-01"],
            &["--allow-origin", "http://a.test/app"],
            &["--allow-origin", "a.test"],
            &["--addr"],
            &["--what", "1"],
        ] {
            assert!(
                Config::from_sources(&args(bad), |_| None).is_err(),
                "{bad:?}"
            );
        }
    }
}
