//! The data format of rules: dated, cited parameters read from `src/domain/data/*.toml`.
//!
//! The build script turns each TOML file into JSON in `OUT_DIR/data/`; here it is parsed into
//! typed structures. Dates in the files are quoted strings ("2025-01-01"), because a TOML date
//! literal does not survive the conversion to JSON as a plain string.

use crate::domain::decision::{Citation, Confidence, Effect, Reason};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A parameter: a value that may change over time, with its label, source and confidence,
/// in the manner of OpenFisca parameters (values keyed by the date they take effect).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Dates as text (crate::iso_date) hide `values`' use of T from serde: its bounds are said here.
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
pub struct Param<T> {
    /// Translation key of what the parameter is.
    pub label: String,
    pub citation: Citation,
    #[serde(with = "crate::iso_date")]
    pub effective_from: NaiveDate,
    /// First day on which the parameter no longer applies, where one is known.
    #[serde(default, with = "crate::iso_date::option")]
    pub until: Option<NaiveDate>,
    pub confidence: Confidence,
    /// Each value applies from its date until the next one.
    #[serde(with = "crate::iso_date::keys")]
    pub values: BTreeMap<NaiveDate, T>,
}

impl<T> Param<T> {
    /// The value in force on `date`, or `None` outside `effective_from..until`.
    pub fn at(&self, date: NaiveDate) -> Option<&T> {
        if date < self.effective_from || self.until.is_some_and(|u| date >= u) {
            return None;
        }
        self.values.range(..=date).next_back().map(|(_, v)| v)
    }

    /// A reason resting on this parameter: it carries the parameter's citation and confidence.
    pub fn reason(
        &self,
        rule_id: &str,
        message_key: &str,
        values: Vec<(String, String)>,
    ) -> Reason {
        Reason {
            rule_id: rule_id.to_owned(),
            citation: self.citation.clone(),
            message_key: message_key.to_owned(),
            values,
            confidence: self.confidence,
            effect: Effect::Applied,
        }
    }
}

/// A rule of the Law or of a named source, as listed in `data/rules.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub citation: Citation,
    pub confidence: Confidence,
    /// One line for the map, in English; the interface uses the message keys instead.
    pub summary: String,
}

#[derive(Deserialize)]
struct RuleFile {
    rules: Vec<Rule>,
}

/// Every rule of `data/rules.toml`.
pub fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        parse::<RuleFile>(
            "rules",
            include_str!(concat!(env!("OUT_DIR"), "/data/rules.json")),
        )
        .rules
    })
}

/// A reason resting on the rule `rule_id` of `data/rules.toml`.
///
/// Panics on an unknown id: ids are fixed in code, and the tests walk every path.
pub fn reason(rule_id: &str, message_key: &str, values: Vec<(String, String)>) -> Reason {
    let rule = rules()
        .iter()
        .find(|r| r.id == rule_id)
        .unwrap_or_else(|| panic!("rule `{rule_id}` is not in data/rules.toml"));
    Reason {
        rule_id: rule.id.clone(),
        citation: rule.citation.clone(),
        message_key: message_key.to_owned(),
        values,
        confidence: rule.confidence,
        effect: Effect::Applied,
    }
}

/// Parses an embedded data file. The files are compiled in and checked by the tests, so a
/// failure here is a build defect, reported with the file's name.
pub(crate) fn parse<T: DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("src/domain/data/{name}.toml: {e}"))
}
