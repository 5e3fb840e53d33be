//! The common shape of every answer the domain gives: an outcome and the reasons behind it,
//! each reason naming its rule, its legal basis and the values it used.

use crate::json::{self, FromJson, Json, Members, ReadError};
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
    /// Not a legal rule: the shape the service needs its data in (a date that exists, a name
    /// in the passport's Latin letters). Never cites the Law.
    Format,
    /// Third-party, out of date or inferred: an operator parameter, shown as indicative.
    Uncertain,
}

/// What an unmet check does, decided by its rule's confidence alone, so that the browser, the
/// mock and the service cannot show a rule one way and enforce it another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// The Law or a confirmed primary source: may refuse.
    Law,
    /// A data format the service needs: may refuse, cites no law.
    Format,
    /// An uncertain reading: warns, lets the applicant go on; the Fund decides.
    Uncertain,
}

impl FromJson for Confidence {
    fn from_json(value: &Json) -> Result<Confidence, ReadError> {
        json::one_of(
            value,
            &[
                ("law", Confidence::Law),
                ("confirmed", Confidence::Confirmed),
                ("format", Confidence::Format),
                ("uncertain", Confidence::Uncertain),
            ],
        )
    }
}

impl Confidence {
    pub fn kind(self) -> CheckKind {
        match self {
            Confidence::Law | Confidence::Confirmed => CheckKind::Law,
            Confidence::Format => CheckKind::Format,
            Confidence::Uncertain => CheckKind::Uncertain,
        }
    }
}

/// What a reason did in its decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The rule was applied and is met, or it only explains.
    #[default]
    Applied,
    /// The rule is not met and refuses.
    Refuses,
    /// The rule is not met, but its reading is uncertain: a warning, the Fund decides.
    Warns,
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

impl FromJson for Citation {
    fn from_json(value: &Json) -> Result<Citation, ReadError> {
        let members = Members::of(value)?;
        Ok(Citation {
            source: members.required("source")?,
            article: members.optional("article")?,
            paragraph: members.optional("paragraph")?,
            subparagraph: members.optional("subparagraph")?,
        })
    }
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
    /// Translation key of the explanation (`src/i18n/journeys/<first part>.toml`).
    pub message_key: String,
    /// Values for the message placeholders, by name.
    pub values: Vec<(String, String)>,
    pub confidence: Confidence,
    #[serde(default)]
    pub effect: Effect,
}

impl Reason {
    /// This rule is not met: it refuses or warns as its confidence allows ([`CheckKind`]).
    /// The one way a check fails, so no uncertain reading can refuse.
    pub fn unmet(mut self) -> Reason {
        self.effect = match self.confidence.kind() {
            CheckKind::Law | CheckKind::Format => Effect::Refuses,
            CheckKind::Uncertain => Effect::Warns,
        };
        self
    }

    pub fn refuses(&self) -> bool {
        self.effect == Effect::Refuses
    }

    pub fn warns(&self) -> bool {
        self.effect == Effect::Warns
    }
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

    /// The reasons that refuse: the outcome is a refusal exactly when there is one.
    pub fn refusals(&self) -> impl Iterator<Item = &Reason> {
        self.reasons.iter().filter(|r| r.refuses())
    }

    /// The uncertain readings that are not met: shown, never refusing.
    pub fn warnings(&self) -> impl Iterator<Item = &Reason> {
        self.reasons.iter().filter(|r| r.warns())
    }

    pub fn refused(&self) -> bool {
        self.refusals().next().is_some()
    }
}

/// Builds `(name, value)` pairs for [`Reason::values`].
pub(crate) fn values<const N: usize>(pairs: [(&str, String); N]) -> Vec<(String, String)> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
