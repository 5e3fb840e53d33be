//! What the portal keeps in this browser: every key starts with `ahp:`, so "delete my data"
//! can find them all.
//!
//! Storage can fail and saved drafts can go wrong; the page keeps working and [`StoreState`]
//! tells the layout what to say:
//! - storage full or refused (a private window): what cannot be written is kept in memory for
//!   this visit, and the layout says the answers will be lost on reload;
//! - a saved draft that cannot be read (damaged, or from a newer version of the portal) is set
//!   aside under `<draft key>:damaged` (kept [`KEPT_DAYS`], removed with the rest by "delete my
//!   data") and a new draft is started; versions 0 and 1 are read as the current one;
//! - a draft not changed for [`KEPT_DAYS`] is deleted when the first journey page of a visit
//!   is shown, which sets up this state (`super::provide_storage`);
//! - another tab changing the same draft: this tab never writes over a revision it has not
//!   read, and asks which answers to keep.

use std::{cell::RefCell, collections::BTreeMap};

use super::Answers;
use crate::json::{self, Json, Members, ReadError};
use chrono::NaiveDate;
use leptos::prelude::*;

const PREFIX: &str = "ahp:";
const DRAFTS: &str = "ahp:draft:";
const DAMAGED: &str = ":damaged";

/// Drafts can hold passport data: one not changed for this many days is deleted.
pub const KEPT_DAYS: i64 = 30;

thread_local! {
    /// What storage refused to keep, by key: read back from here for the rest of the visit.
    static MEMORY: RefCell<BTreeMap<String, String>> = RefCell::default();
    /// By journey, the draft revision this tab's answers were last read from or written as.
    static SEEN: RefCell<BTreeMap<String, u64>> = RefCell::default();
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether everything written so far is in storage, nothing only in memory. Never panics: it
/// is asked after a panic, when the memory may be held mid-change.
pub fn all_saved() -> bool {
    let in_memory = MEMORY.try_with(|m| m.try_borrow().map_or(true, |m| !m.is_empty()));
    storage().is_some() && in_memory == Ok(false)
}

pub fn load(key: &str) -> Option<String> {
    MEMORY
        .with_borrow(|m| m.get(key).cloned())
        .or_else(|| storage()?.get_item(key).ok().flatten())
}

/// Writes `value`. Where storage is full or refused it is kept in memory for this visit and
/// the layout says so; a later write that succeeds takes it back out.
pub fn save(key: &str, value: &str) {
    let written = storage().is_some_and(|s| s.set_item(key, value).is_ok());
    MEMORY.with_borrow_mut(|m| {
        if written {
            m.remove(key);
        } else {
            m.insert(key.to_owned(), value.to_owned());
        }
    });
    report();
}

pub fn remove(key: &str) {
    MEMORY.with_borrow_mut(|m| m.remove(key));
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
    report();
}

/// Removes every key of the portal: drafts and their damaged copies, confirmations, the
/// language choice, and the demo service's records (`ahp:mock:*`). Those are the user's data
/// too: in the demo the service runs in this browser, and its records hold the BINs and emails
/// given as second factors.
pub fn clear_all() {
    MEMORY.with_borrow_mut(BTreeMap::clear);
    SEEN.with_borrow_mut(BTreeMap::clear);
    for key in keys(PREFIX) {
        remove(&key);
    }
    // The demo's uploaded files, in IndexedDB; emptied in the background.
    leptos::task::spawn_local(async {
        let _ = crate::backend::forget_documents().await;
    });
    if let Some(outbox) = use_context::<super::Outbox>() {
        outbox.refresh();
    }
    report();
}

pub(super) fn keys(prefix: &str) -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// What the layout says about this browser's storage. Provided once, at the layout's level, by
/// the first journey page shown (`super::provide_storage`).
#[derive(Clone, Copy)]
pub struct StoreState {
    /// While something lives only in memory: the key of a draft to offer as a download, or ""
    /// (storage refused before anything was written).
    pub unsaved: RwSignal<Option<String>>,
    /// What happened to a saved draft that could not be used: a message key.
    pub notice: RwSignal<Option<&'static str>>,
    /// The journey whose draft another tab changed after this tab read it.
    pub conflict: RwSignal<Option<String>>,
    /// Asks the journey's answers in this tab to write themselves over another tab's.
    pub keep: RwSignal<Option<String>>,
    /// The configured today, once `config.json` has arrived: until then no draft is judged
    /// expired.
    today: Memo<Option<NaiveDate>>,
}

impl StoreState {
    /// Provides the state, listens to other tabs, and once today is known removes expired
    /// drafts and sets aside unreadable ones.
    pub fn provide() {
        let today =
            Memo::new(|_| crate::ui::config::is_configured().then(crate::ui::config::use_today));
        let state = StoreState {
            unsaved: RwSignal::new(storage().is_none().then(String::new)),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(None),
            keep: RwSignal::new(None),
            today,
        };
        provide_context(state);
        // Told before the reload that showed the page without an expired draft.
        if let Some(notice) = session_notice() {
            state.notice.set(Some(notice));
        }
        Effect::new(move || {
            if today.get().is_some() {
                sweep(state);
            }
        });
        let listener = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(journey) = ev.key().and_then(|k| draft_journey(&k).map(str::to_owned)) else {
                return;
            };
            let revision = ev
                .new_value()
                .and_then(|t| Draft::read(&journey, &t).ok())
                .map_or(0, |d| d.revision);
            if SEEN.with_borrow(|s| s.get(&journey).is_some_and(|&r| r != revision)) {
                state.conflict.set(Some(journey));
            }
        });
        on_cleanup(move || listener.remove());
    }
}

fn state() -> Option<StoreState> {
    use_context()
}

/// The day a change is dated: the configured today, else the browser's.
fn today() -> NaiveDate {
    state()
        .and_then(|s| s.today.get_untracked())
        .unwrap_or_else(crate::backend::browser_today)
}

/// Tells the layout whether anything lives only in memory.
fn report() {
    let Some(state) = state() else { return };
    let in_memory = MEMORY.with_borrow(|m| {
        (!m.is_empty()).then(|| {
            m.keys()
                .find(|k| draft_journey(k).is_some())
                .cloned()
                .unwrap_or_default()
        })
    });
    let refused = storage().is_none().then(String::new);
    let unsaved = in_memory.or(refused);
    if state.unsaved.get_untracked() != unsaved {
        state.unsaved.set(unsaved);
    }
}

fn tell(notice: &'static str) {
    if let Some(s) = state() {
        s.notice.set(Some(notice));
    }
}

/// The journey of a draft's key, "ahp:draft:apply" → "apply" (not of its damaged copy).
fn draft_journey(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFTS).filter(|j| !j.contains(':'))
}

/// At start: every saved draft checked once today is known, each damaged copy kept no longer
/// than a draft.
fn sweep(state: StoreState) {
    forget_noted();
    let today = today();
    for key in keys(DRAFTS) {
        if let Some(journey) = draft_journey(&key) {
            let shown = SEEN.with_borrow(|s| s.contains_key(journey));
            if Draft::take(journey).is_none() && shown {
                // A page shows its answers already: drawn again without them.
                reload_with_notice(state);
            }
        } else if load(&key)
            .and_then(|t| SetAside::saved_on(&t))
            .is_none_or(|saved_on| expired(saved_on, today))
        {
            remove(&key);
        }
    }
}

/// The files of removed drafts, still to be deleted from the demo's store: noted first, so a
/// reload that follows at once (an expired draft on the page) cannot leave them behind; the
/// next start deletes what is still noted.
const FORGET: &str = "ahp:documents:forget";

/// The files a removed draft had uploaded to the demo's store go with it (the service deletes
/// the documents no submission claimed after the same time).
fn forget_files(answers: &super::Answers) {
    let mut ids = noted_files();
    ids.extend(
        crate::journeys::attachments_of(answers)
            .into_iter()
            .map(|a| a.id),
    );
    if !ids.is_empty() {
        let list = Json::Array(ids.into_iter().map(Json::String).collect());
        save(FORGET, &list.write());
        forget_noted();
    }
}

/// The ids noted in [`FORGET`], a JSON list of strings; none when it is missing or damaged.
fn noted_files() -> Vec<String> {
    load(FORGET)
        .and_then(|t| json::read(&t).ok())
        .unwrap_or_default()
}

/// Deletes the noted files, then the note.
fn forget_noted() {
    let ids = noted_files();
    if ids.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        for id in &ids {
            if crate::backend::forget_document(id).await.is_err() {
                return;
            }
        }
        remove(FORGET);
    });
}

const NOTICE: &str = "ahp:notice";

fn reload_with_notice(state: StoreState) {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let (Some(s), Some(notice)) = (session, state.notice.get_untracked()) {
        let _ = s.set_item(NOTICE, notice);
    }
    let _ = window().location().reload();
}

fn session_notice() -> Option<&'static str> {
    let session = web_sys::window()?.session_storage().ok().flatten()?;
    let notice = session.get_item(NOTICE).ok().flatten()?;
    let _ = session.remove_item(NOTICE);
    [
        "form.storage.expired",
        "form.storage.damaged",
        "form.storage.version",
    ]
    .into_iter()
    .find(|n| *n == notice)
}

fn expired(saved_on: NaiveDate, today: NaiveDate) -> bool {
    (today - saved_on).num_days() > KEPT_DAYS
}

/// A saved draft that could not be read, kept as it was so it is not lost silently:
/// `{"saved_on": "<date>", "text": "<the draft's text>"}`.
struct SetAside;

impl SetAside {
    fn write(saved_on: NaiveDate, text: String) -> String {
        Json::Object(vec![
            ("saved_on".into(), Json::String(saved_on.to_string())),
            ("text".into(), Json::String(text)),
        ])
        .write()
    }

    /// The day a set-aside draft was set aside; `None` when that cannot be read.
    fn saved_on(stored: &str) -> Option<NaiveDate> {
        let value = json::parse(stored).ok()?;
        Members::of(&value).ok()?.required("saved_on").ok()
    }
}

/// Why a saved draft cannot be used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unreadable {
    /// Not JSON, not a draft, or another journey's.
    Damaged,
    /// Saved by a newer version of the portal.
    Version,
}

/// A journey's answers as saved in the browser and in a downloaded file: a JSON object of
/// these members, in this order, no other. `journey` names the journey, so a file of another
/// journey (or any other JSON) is refused. `journey` and `answers` are required; the others
/// default (`saved_on` may also be `null`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub journey: String,
    pub version: u32,
    /// An object of strings.
    pub answers: Answers,
    /// Sent with the submission: a retry with the same key never creates a second one.
    pub idempotency_key: String,
    /// The day of the last change (the configured today), `YYYY-MM-DD`: the draft is deleted
    /// [`KEPT_DAYS`] after it.
    pub saved_on: Option<NaiveDate>,
    /// Counts the changes: a tab writes only over the revision it last read.
    pub revision: u64,
}

/// A draft's members: any other makes it unreadable.
const MEMBERS: [&str; 6] = [
    "journey",
    "version",
    "answers",
    "idempotency_key",
    "saved_on",
    "revision",
];

impl Draft {
    /// 2 added `saved_on` and `revision`; versions 0 (or none) and 1 are read as 2.
    pub const VERSION: u32 = 2;

    pub fn new(journey: &str) -> Self {
        Draft {
            journey: journey.to_owned(),
            version: Self::VERSION,
            ..Draft::default()
        }
    }

    pub(super) fn key(journey: &str) -> String {
        format!("{DRAFTS}{journey}")
    }

    /// The saved draft of `journey`, or a new one when none is saved or it cannot be used.
    pub fn restore(journey: &str) -> Self {
        Self::take(journey).unwrap_or_else(|| Draft::new(journey))
    }

    /// The saved draft of `journey` if it can be used. One that cannot is never dropped
    /// silently: an unreadable one is set aside, an expired one removed, and the layout says
    /// which.
    fn take(journey: &str) -> Option<Self> {
        let key = Self::key(journey);
        let text = load(&key)?;
        match Self::read(journey, &text) {
            Ok(draft)
                if state()
                    .and_then(|s| s.today.get_untracked())
                    .is_some_and(|t| draft.expired(t)) =>
            {
                remove(&key);
                forget_files(&draft.answers);
                tell("form.storage.expired");
                None
            }
            Ok(draft) => Some(draft),
            Err(why) => {
                save(&format!("{key}{DAMAGED}"), &SetAside::write(today(), text));
                remove(&key);
                tell(match why {
                    Unreadable::Damaged => "form.storage.damaged",
                    Unreadable::Version => "form.storage.version",
                });
                None
            }
        }
    }

    /// A draft read from a file or from storage, if it is one of this journey's and of a
    /// version this portal reads.
    pub fn parse(journey: &str, json: &str) -> Option<Self> {
        Self::read(journey, json).ok()
    }

    /// As [`Draft::parse`], saying why not. Older versions are read as the current one: they
    /// lack only fields with defaults.
    pub fn read(journey: &str, json: &str) -> Result<Self, Unreadable> {
        use Unreadable::Damaged;
        let Ok(value @ Json::Object(members)) = &json::parse(json) else {
            return Err(Damaged);
        };
        let m = Members::of(value).map_err(|_| Damaged)?;
        // The version first: a newer draft may have members this version refuses.
        if m.or_default::<u32>("version").map_err(|_| Damaged)? > Self::VERSION {
            return Err(Unreadable::Version);
        }
        let known = |name: &str| MEMBERS.contains(&name);
        if members.iter().any(|(name, _)| !known(name)) {
            return Err(Damaged);
        }
        let read = || -> Result<Draft, ReadError> {
            Ok(Draft {
                journey: m.required("journey")?,
                version: Self::VERSION,
                answers: m.required("answers")?,
                idempotency_key: m.or_default("idempotency_key")?,
                saved_on: m.optional("saved_on")?,
                revision: m.or_default("revision")?,
            })
        };
        read().ok().filter(|d| d.journey == journey).ok_or(Damaged)
    }

    /// Whether the draft was last changed more than [`KEPT_DAYS`] before `today`. One of an
    /// older version has no date until its next change.
    pub fn expired(&self, today: NaiveDate) -> bool {
        self.saved_on.is_some_and(|d| expired(d, today))
    }

    /// Whether a tab whose answers were read from (or written as) revision `seen` may write
    /// over this saved draft: only when no other tab has changed it since.
    pub fn writable_over(&self, seen: u64) -> bool {
        self.revision == seen
    }

    pub fn to_json(&self) -> String {
        let answers = self.answers.iter();
        Json::Object(vec![
            ("journey".into(), Json::String(self.journey.clone())),
            ("version".into(), Json::Number(self.version.to_string())),
            (
                "answers".into(),
                Json::Object(
                    answers
                        .map(|(k, v)| (k.clone(), Json::String(v.clone())))
                        .collect(),
                ),
            ),
            (
                "idempotency_key".into(),
                Json::String(self.idempotency_key.clone()),
            ),
            (
                "saved_on".into(),
                self.saved_on
                    .map_or(Json::Null, |d| Json::String(d.to_string())),
            ),
            ("revision".into(), Json::Number(self.revision.to_string())),
        ])
        .write_pretty()
    }

    /// Saves the draft as the next revision of the saved one, dated today.
    pub fn persist(&self) {
        let key = Self::key(&self.journey);
        let stored = load(&key)
            .and_then(|t| Self::read(&self.journey, &t).ok())
            .map_or(0, |d| d.revision);
        let draft = Draft {
            version: Self::VERSION,
            saved_on: Some(today()),
            revision: stored + 1,
            ..self.clone()
        };
        save(&key, &draft.to_json());
        SEEN.with_borrow_mut(|s| {
            if let Some(seen) = s.get_mut(&self.journey) {
                *seen = draft.revision;
            }
        });
    }
}

fn see(journey: &str, revision: u64) {
    SEEN.with_borrow_mut(|s| s.insert(journey.to_owned(), revision));
}

/// Writes this tab's `answers` to the journey's draft, unless another tab changed it since
/// this tab read it (then the layout asks which to keep) or `force` (the user chose this
/// tab's).
fn write(journey: &str, answers: &Answers, force: bool) {
    let stored = Draft::restore(journey);
    if stored.answers == *answers {
        see(journey, stored.revision);
        return;
    }
    // Without the layout (a component alone) nobody could be asked: the write goes ahead.
    if let Some(state) = state().filter(|_| !force) {
        let seen = SEEN.with_borrow(|s| s.get(journey).copied().unwrap_or(0));
        let asking = state
            .conflict
            .with_untracked(|c| c.as_deref() == Some(journey));
        if asking || !stored.writable_over(seen) {
            state.conflict.set(Some(journey.to_owned()));
            return;
        }
    }
    see(journey, stored.revision);
    Draft {
        answers: answers.clone(),
        ..stored
    }
    .persist();
}

/// A journey's answers as reactive state: restored from its draft, and saved back to the draft
/// at every change, so they survive a reload or a closed tab.
pub fn saved_answers(journey: &'static str) -> RwSignal<Answers> {
    let draft = Draft::restore(journey);
    see(journey, draft.revision);
    let answers = RwSignal::new(draft.answers);
    Effect::new(move || answers.with(|a| write(journey, a, false)));
    // The user chose this tab's answers over another tab's.
    if let Some(state) = state() {
        Effect::new(move || {
            if state.keep.with(|k| k.as_deref() == Some(journey)) {
                state.keep.set(None);
                answers.with_untracked(|a| write(journey, a, true));
            }
        });
    }
    answers
}
