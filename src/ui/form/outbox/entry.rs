//! An outbox's entry as kept in this browser, and what a journey's page does with its own:
//! keep it, forget it once sent, show why the service refused it. Fetched with the journey's
//! code and the outbox's, never in the first load.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::super::store::{keys, load, remove, save};
use super::{OUTBOX, Outbox};
use crate::api::FieldError;
use crate::backend::{BackendError, Unsent};

/// A submission waiting for the network, or one the service refused when it was sent: plain
/// text fields, so that keeping and reading it back costs little code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The journey's draft ("apply"): removed when the entry is sent, if it still has its key.
    pub journey: String,
    /// The address of the page it was sent from: its confirmation opens there, and its
    /// failure is shown there.
    pub page: String,
    /// The journey's route ("/apply"): the confirmation is `{base}/confirmation/{reference}`.
    pub base: String,
    /// The name its confirmation's record is kept under (`keep_record`).
    pub kind: String,
    pub key: String,
    /// The request exactly as it was to be sent ([`Unsent`]).
    pub endpoint: String,
    pub body: String,
    /// The confirmation's record around the receipt to come ([`Template`]).
    pub head: String,
    pub tail: String,
    pub flat: bool,
    /// Why the service did not take it when the outbox sent it (see [`Entry::refuse`]); empty
    /// while it waits to be sent.
    pub error: String,
    /// The fields the service refused, with the error "refused".
    pub fields: Vec<FieldError>,
    /// The flush sending it, empty when none; its claim lasts until `until` (milliseconds
    /// since the epoch).
    pub claim: String,
    pub until: f64,
}

impl Entry {
    /// A submission of `journey` kept under `key`, waiting to be sent.
    pub fn waiting(journey: &str, key: &str, request: Unsent, record: Template) -> Entry {
        Entry {
            journey: journey.to_owned(),
            key: key.to_owned(),
            endpoint: request.endpoint,
            body: request.body,
            head: record.head,
            tail: record.tail,
            flat: record.flat,
            ..Entry::default()
        }
    }

    /// The request as it was to be sent.
    pub fn request(&self) -> Unsent {
        Unsent {
            endpoint: self.endpoint.clone(),
            body: self.body.clone(),
        }
    }

    /// The confirmation's record with the service's `receipt` (JSON) in its place.
    pub fn record(&self, receipt: &str) -> String {
        Template {
            head: self.head.clone(),
            tail: self.tail.clone(),
            flat: self.flat,
        }
        .fill(receipt)
    }

    /// Whether a flush may send it at `now`: it is not refused, and no live claim holds it.
    pub fn sendable(&self, now: f64) -> bool {
        self.error.is_empty() && (self.claim.is_empty() || self.until <= now)
    }

    /// Whether the claim written as `by` is the one kept.
    pub fn claimed_by(&self, by: &str) -> bool {
        !by.is_empty() && self.claim == by
    }

    /// Keeps why the service did not take it.
    pub fn refuse(&mut self, error: BackendError) {
        self.error = match error {
            BackendError::Offline => "offline".into(),
            BackendError::TimedOut => "timed_out".into(),
            BackendError::Refused(fields) => {
                self.fields = fields;
                "refused".into()
            }
            BackendError::Conflict(None) => "conflict".into(),
            BackendError::Conflict(Some(reference)) => format!("conflict:{reference}"),
            BackendError::NotFound => "not_found".into(),
            BackendError::TooManyRequests(seconds) => format!("too_many:{seconds}"),
            BackendError::Server => "server".into(),
            // A new version stops only a status lookup, never a kept submission.
            BackendError::Unexpected | BackendError::NewVersion => "unexpected".into(),
        };
    }

    /// Why the service did not take it, as [`Entry::refuse`] kept it; `None` while it waits.
    pub fn failure(&self) -> Option<BackendError> {
        let (name, value) = self.error.split_once(':').unwrap_or((&self.error, ""));
        Some(match name {
            "" => return None,
            "refused" => BackendError::Refused(self.fields.clone()),
            "conflict" if !value.is_empty() => BackendError::Conflict(Some(value.to_owned())),
            "too_many" => BackendError::TooManyRequests(value.parse().unwrap_or(60)),
            _ => BackendError::from_name(name).unwrap_or(BackendError::Unexpected),
        })
    }
}

/// The record a confirmation shows, made before the service's receipt exists: its JSON on
/// either side of the place where the receipt goes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Template {
    pub head: String,
    pub tail: String,
    /// The receipt's fields go in without their braces: the record flattens the receipt.
    pub flat: bool,
}

impl Template {
    /// `record` is the record made with `blank` as its receipt, both as JSON: the receipt is
    /// found in it whole, or as its fields alone. `None` if it is not there.
    pub fn around(record: &str, blank: &str) -> Option<Template> {
        let (part, flat) = if record.contains(blank) {
            (blank, false)
        } else {
            (blank.strip_prefix('{')?.strip_suffix('}')?, true)
        };
        let (head, tail) = record.split_once(part)?;
        Some(Template {
            head: head.to_owned(),
            tail: tail.to_owned(),
            flat,
        })
    }

    /// The record with the service's `receipt` (JSON) in its place.
    pub fn fill(&self, receipt: &str) -> String {
        let fields = receipt.strip_prefix('{').and_then(|r| r.strip_suffix('}'));
        let receipt = match fields {
            Some(fields) if self.flat => fields,
            _ => receipt,
        };
        format!("{}{receipt}{}", self.head, self.tail)
    }
}

pub(super) fn entry_key(journey: &str) -> String {
    format!("{OUTBOX}{journey}")
}

pub(super) fn read(key: &str) -> Option<Entry> {
    serde_json::from_str(&load(key)?).ok()
}

pub(super) fn write(entry: &Entry) {
    save(
        &entry_key(&entry.journey),
        &serde_json::to_string(entry).unwrap_or_default(),
    );
}

pub(super) fn entries() -> Vec<Entry> {
    keys(OUTBOX).iter().filter_map(|k| read(k)).collect()
}

impl Outbox {
    /// Keeps a submission that met no network, to be sent when the connection returns. False
    /// when the outbox's code is not here to send it (it could not come offline): the page
    /// then says the submission failed, and the answers stay.
    pub fn keep(self, entry: &Entry) -> bool {
        if !self.here.get_untracked() {
            return false;
        }
        write(entry);
        self.just_kept.set(true);
        self.refresh();
        true
    }

    /// Removes the journey's entry: sent by its page, or its failure shown there.
    pub fn forget(self, journey: &str) {
        let key = entry_key(journey);
        if load(&key).is_some() {
            remove(&key);
            self.refresh();
        }
    }

    /// Why the journey's kept submission was not taken when it was sent, once (reactive).
    pub fn take_failure(self, journey: &str) -> Option<BackendError> {
        self.changed.track();
        let error = read(&entry_key(journey))?.failure()?;
        self.forget(journey);
        Some(error)
    }
}
