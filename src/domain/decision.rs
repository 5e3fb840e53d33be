//! The common shape of every answer the domain gives: an outcome and the reasons behind it,
//! each reason naming its rule, its legal basis and the values it used.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How sure the portal is of a rule's source (facts file, introduction).
///
/// Ordered from strongest to weakest, so `max` of two confidences is the weaker one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated in Law No. 207-V.
    Law,
    /// Stated by an official or primary source (the Fund's site, a legal database).
    Confirmed,
    /// Third-party, out of date or inferred: an operator parameter, shown as indicative.
    Uncertain,
}

/// Where a rule comes from: an article of a legal act, or a named public source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The act or the source, e.g. "Law No. 207-V" or "astanahub.com/en/registration".
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subparagraph: Option<String>,
}

impl fmt::Display for Citation {
    /// "Law No. 207-V, Art. 7(2)(2-1)" or just the source.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        if let Some(article) = &self.article {
            write!(f, ", Art. {article}")?;
            for part in [&self.paragraph, &self.subparagraph].into_iter().flatten() {
                write!(f, "({part})")?;
            }
        }
        Ok(())
    }
}

/// One step of a decision's explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// The rule or parameter id, as listed in `src/domain/README.md`.
    pub rule_id: String,
    pub citation: Citation,
    /// Translation key of the explanation (`src/i18n/domain.toml`).
    pub message_key: String,
    /// Values for the message placeholders, by name.
    pub values: Vec<(String, String)>,
    pub confidence: Confidence,
}

/// An outcome with its reasons. `indicative` is true when any reason rests on an uncertain
/// parameter; the interface then says the answer is indicative.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision<O> {
    pub outcome: O,
    pub reasons: Vec<Reason>,
    pub indicative: bool,
}

impl<O> Decision<O> {
    pub fn new(outcome: O, reasons: Vec<Reason>) -> Self {
        let indicative = reasons
            .iter()
            .any(|r| r.confidence == Confidence::Uncertain);
        Decision {
            outcome,
            reasons,
            indicative,
        }
    }
}

/// Builds `(name, value)` pairs for [`Reason::values`].
pub(crate) fn values<const N: usize>(pairs: [(&str, String); N]) -> Vec<(String, String)> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
