//! The data format of rules: dated, cited parameters read from `src/domain/data/*.toml`.
//!
//! The build script turns each TOML file into JSON in `OUT_DIR/data/`; here it is read into
//! typed structures with the crate's own reader ([`crate::json`]), each type saying how it is
//! read ([`FromJson`]). Dates in the files are quoted strings ("2025-01-01"), because a TOML
//! date literal does not survive the conversion to JSON as a plain string.

use crate::domain::decision::{Citation, Confidence, Effect, Reason};
use crate::json::{self, FromJson, Json, Members, ReadError};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A parameter: a value that may change over time, with its label, source and confidence,
/// in the manner of OpenFisca parameters (values keyed by the date they take effect).
#[derive(Clone, Debug, PartialEq, Serialize)]
// Dates as text (crate::iso_date) hide `values`' use of T from serde: its bound is said here.
#[serde(bound(serialize = "T: Serialize"))]
pub struct Param<T> {
    /// Translation key of what the parameter is.
    pub label: String,
    pub citation: Citation,
    #[serde(with = "crate::iso_date")]
    pub effective_from: NaiveDate,
    /// First day on which the parameter no longer applies, where one is known.
    #[serde(with = "crate::iso_date::option")]
    pub until: Option<NaiveDate>,
    pub confidence: Confidence,
    /// Each value applies from its date until the next one.
    #[serde(with = "crate::iso_date::keys")]
    pub values: BTreeMap<NaiveDate, T>,
}

impl<T: FromJson> FromJson for Param<T> {
    fn from_json(value: &Json) -> Result<Param<T>, ReadError> {
        let members = Members::of(value)?;
        Ok(Param {
            label: members.required("label")?,
            citation: members.required("citation")?,
            effective_from: members.required("effective_from")?,
            until: members.optional("until")?,
            confidence: members.required("confidence")?,
            values: members.required("values")?,
        })
    }
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    pub id: String,
    pub citation: Citation,
    pub confidence: Confidence,
    /// One line for the map, in English; the interface uses the message keys instead.
    pub summary: String,
}

impl FromJson for Rule {
    fn from_json(value: &Json) -> Result<Rule, ReadError> {
        let members = Members::of(value)?;
        Ok(Rule {
            id: members.required("id")?,
            citation: members.required("citation")?,
            confidence: members.required("confidence")?,
            summary: members.required("summary")?,
        })
    }
}

struct RuleFile {
    rules: Vec<Rule>,
}

impl FromJson for RuleFile {
    fn from_json(value: &Json) -> Result<RuleFile, ReadError> {
        Ok(RuleFile {
            rules: Members::of(value)?.required("rules")?,
        })
    }
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

/// Reads an embedded data file. The files are compiled in and checked by the tests, so a
/// failure here is a build defect, reported with the file's name.
pub(crate) fn parse<T: FromJson>(name: &str, text: &str) -> T {
    json::read(text).unwrap_or_else(|e| panic!("src/domain/data/{name}.toml: {e}"))
}
