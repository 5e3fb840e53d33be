//! What the portal keeps in this browser: every key starts with `ahp:`, so "delete my data"
//! can find them all.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Answers;

const PREFIX: &str = "ahp:";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Storage may be full or refused (private windows); the page then works for this visit only.
pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Removes every key of the portal: drafts, confirmations, the language choice, and the demo
/// service's records (`ahp:mock:*`). Those are the user's data too: in the demo the service runs
/// in this browser, and its records hold the BINs and emails given as second factors.
pub fn clear_all() {
    let Some(s) = storage() else { return };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for key in keys {
        let _ = s.remove_item(&key);
    }
}

/// A journey's answers as saved in the browser and in a downloaded file. `journey` names the
/// journey, so a file of another journey (or any other JSON) is refused.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub journey: String,
    pub version: u32,
    pub answers: Answers,
    /// Sent with the submission: a retry with the same key never creates a second one.
    #[serde(default)]
    pub idempotency_key: String,
}

impl Draft {
    pub const VERSION: u32 = 1;

    pub fn new(journey: &str) -> Self {
        Draft {
            journey: journey.to_owned(),
            version: Self::VERSION,
            ..Draft::default()
        }
    }

    pub(super) fn key(journey: &str) -> String {
        format!("{PREFIX}draft:{journey}")
    }

    /// The saved draft of `journey`, or a new one when none is saved or it cannot be read.
    pub fn restore(journey: &str) -> Self {
        load(&Self::key(journey))
            .and_then(|json| Self::parse(journey, &json))
            .unwrap_or_else(|| Draft::new(journey))
    }

    /// A draft read from a file or from storage, if it is one of this journey's.
    pub fn parse(journey: &str, json: &str) -> Option<Self> {
        let draft: Draft = serde_json::from_str(json).ok()?;
        (draft.journey == journey && draft.version == Self::VERSION).then_some(draft)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn persist(&self) {
        save(&Self::key(&self.journey), &self.to_json());
    }
}

/// A journey's answers as reactive state: restored from its draft, and saved back to the draft
/// at every change, so they survive a reload or a closed tab.
pub fn saved_answers(journey: &'static str) -> RwSignal<Answers> {
    let answers = RwSignal::new(Draft::restore(journey).answers);
    Effect::new(move || {
        let mut draft = Draft::restore(journey);
        draft.answers = answers.get();
        draft.persist();
    });
    answers
}
