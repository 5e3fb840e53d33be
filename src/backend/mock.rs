//! The demo backend: everything stays in this browser's `localStorage`, under keys starting
//! with [`STORAGE_PREFIX`]. It answers like the contract (the same checks, references,
//! idempotency and status progression) after the configured delay, and fails on demand.
//!
//! Storage: `ahp:mock:store` holds `{"version": 1, "submissions": [...]}`. A stored version
//! other than [`STORE_VERSION`] goes through [`migrate`]; what no step can read is set aside
//! under `ahp:mock:store.unreadable` (never silently lost) and the demo starts afresh.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::documents::{digest, held_document, keep_document};
use super::{Backend, BackendError, Config, IdempotencyKey, MockConfig, sleep};
use crate::api::{
    Attachment, Catalogue, DocumentReceipt, Enrolment, FieldError, Invitation, Kind, ListRequest,
    ParticipantApplication, Person, Reference, Replay, Status, StatusQuery, Submission,
    fingerprint, missing_documents, replay, second_factor_matches, stage_on, timeline_of,
};
use crate::domain::{acceleration::catalogue, documents::sniff};

/// Every key the mock writes starts with this.
pub const STORAGE_PREFIX: &str = "ahp:mock:";
const STORE_KEY: &str = "ahp:mock:store";
const SET_ASIDE_KEY: &str = "ahp:mock:store.unreadable";
/// The layout of the stored data.
pub const STORE_VERSION: u32 = 1;

/// One submission as the mock keeps it: no body, only what answers and lookups need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Record {
    reference: Reference,
    kind: Kind,
    #[serde(with = "crate::iso_date")]
    submitted_on: NaiveDate,
    /// Normalised BIN or email.
    second_factor: String,
    idempotency_key: String,
    fingerprint: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Store {
    version: u32,
    submissions: Vec<Record>,
}

/// Brings a stored value of any known version to the current layout. Each future version adds
/// one step here, from the one before it.
fn migrate(value: Value) -> Option<Store> {
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(STORE_VERSION) => serde_json::from_value(value).ok(),
        _ => None,
    }
}

#[derive(Clone, Debug)]
pub struct MockBackend {
    today: NaiveDate,
    settings: MockConfig,
}

fn storage() -> Result<web_sys::Storage, BackendError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(BackendError::Server)
}

impl MockBackend {
    pub fn new(config: &Config) -> MockBackend {
        MockBackend {
            today: config.today(),
            settings: config.mock.clone(),
        }
    }

    /// Removes the mock's stored submissions from this browser, for a test's clean start.
    pub fn forget_everything() {
        let Ok(storage) = storage() else { return };
        let count = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(STORAGE_PREFIX))
            .collect();
        for key in keys {
            let _ = storage.remove_item(&key);
        }
    }

    fn load() -> Result<Store, BackendError> {
        let storage = storage()?;
        let Some(text) = storage.get_item(STORE_KEY).ok().flatten() else {
            return Ok(Store {
                version: STORE_VERSION,
                submissions: Vec::new(),
            });
        };
        match serde_json::from_str(&text).ok().and_then(migrate) {
            Some(store) => Ok(store),
            None => {
                storage
                    .set_item(SET_ASIDE_KEY, &text)
                    .map_err(|_| BackendError::Server)?;
                Ok(Store {
                    version: STORE_VERSION,
                    submissions: Vec::new(),
                })
            }
        }
    }

    fn save(store: &Store) -> Result<(), BackendError> {
        let text = serde_json::to_string(store).map_err(|_| BackendError::Server)?;
        storage()?
            .set_item(STORE_KEY, &text)
            .map_err(|_| BackendError::Server)
    }

    /// The configured delay, then the configured failure, if any.
    async fn answer_after_delay(&self) -> Result<(), BackendError> {
        sleep(self.settings.delay_ms).await;
        if let Some(error) = self
            .settings
            .forced_error
            .as_deref()
            .and_then(BackendError::from_name)
        {
            return Err(error);
        }
        if js_sys::Math::random() < self.settings.failure_rate {
            return Err(BackendError::Server);
        }
        Ok(())
    }

    fn submission(record: &Record) -> Result<Submission, BackendError> {
        Ok(Submission {
            reference: record.reference.clone(),
            kind: record.kind,
            submitted_on: record.submitted_on,
            timeline: timeline_of(record.kind, record.submitted_on)
                .map_err(|_| BackendError::Server)?,
        })
    }

    async fn submit<T: Serialize>(
        &self,
        kind: Kind,
        key: &IdempotencyKey,
        body: &T,
        refused: Vec<FieldError>,
        second_factor: String,
    ) -> Result<Submission, BackendError> {
        self.answer_after_delay().await?;
        let body_fingerprint = fingerprint(body);
        let mut store = Self::load()?;
        let remembered = store
            .submissions
            .iter()
            .find(|r| r.idempotency_key == key.0)
            .map(|r| (r.fingerprint.as_str(), r));
        match replay(remembered, &body_fingerprint) {
            Replay::Same(record) => return Self::submission(&record),
            Replay::Conflict(record) => {
                return Err(BackendError::Conflict(Some(
                    record.reference.as_str().to_owned(),
                )));
            }
            Replay::New => {}
        }
        if !refused.is_empty() {
            return Err(BackendError::Refused(refused));
        }
        let reference = loop {
            let number = (js_sys::Math::random() * 887_503_681.0) as u64;
            let candidate = Reference::new(self.today.year(), kind, number);
            if store.submissions.iter().all(|r| r.reference != candidate) {
                break candidate;
            }
        };
        let record = Record {
            reference,
            kind,
            submitted_on: self.today,
            second_factor,
            idempotency_key: key.0.clone(),
            fingerprint: body_fingerprint,
        };
        let answer = Self::submission(&record)?;
        store.submissions.push(record);
        Self::save(&store)?;
        Ok(answer)
    }
}

/// What the service would refuse in a submission's documents: one this browser does not hold
/// (a draft moved from another device names files left there: they are asked for again), and
/// the documents its journey requires (`missing_documents`).
async fn documents_refused(
    journey: &str,
    attachments: &[Attachment],
    people: &[Person],
) -> Vec<FieldError> {
    let mut refused = Vec::new();
    for (i, a) in attachments.iter().enumerate() {
        let held = held_document(&a.id).await.ok().and_then(|h| h.as_bool());
        if held != Some(true) {
            refused.push(FieldError::new(
                format!("attachments.{i}.id"),
                "api.field.unknown_document",
            ));
        }
    }
    refused.extend(missing_documents(journey, attachments, people));
    refused
}

impl Backend for MockBackend {
    async fn catalogue(&self) -> Result<Catalogue, BackendError> {
        self.answer_after_delay().await?;
        Ok(Catalogue {
            as_of: self.today,
            programmes: catalogue(self.today),
        })
    }

    async fn submit_application(
        &self,
        key: &IdempotencyKey,
        body: &ParticipantApplication,
    ) -> Result<Submission, BackendError> {
        let mut refused = body.check(self.today);
        refused.extend(documents_refused("apply", &body.attachments, &[]).await);
        self.submit(Kind::Application, key, body, refused, body.second_factor())
            .await
    }

    async fn submit_enrolment(
        &self,
        key: &IdempotencyKey,
        body: &Enrolment,
    ) -> Result<Submission, BackendError> {
        let mut refused = body.check();
        refused.extend(body.check_cohort(self.today));
        refused.extend(documents_refused("acceleration", &body.attachments, &[]).await);
        self.submit(
            Kind::Enrolment,
            key,
            body,
            refused,
            body.second_factor_with(as_given),
        )
        .await
    }

    async fn submit_invitation(
        &self,
        key: &IdempotencyKey,
        body: &Invitation,
    ) -> Result<Submission, BackendError> {
        let mut refused = body.check(self.today);
        refused.extend(documents_refused("invitations", &body.attachments, &body.people).await);
        self.submit(
            Kind::Invitation,
            key,
            body,
            refused,
            body.second_factor_with(as_given),
        )
        .await
    }

    async fn submit_list_request(
        &self,
        key: &IdempotencyKey,
        body: &ListRequest,
    ) -> Result<Submission, BackendError> {
        let refused = body.check(self.today);
        self.submit(Kind::ListRequest, key, body, refused, body.second_factor())
            .await
    }

    async fn status(&self, query: &StatusQuery) -> Result<Status, BackendError> {
        self.answer_after_delay().await?;
        let reference = Reference::parse(&query.reference).map_err(|e| {
            BackendError::Refused(vec![FieldError::new("reference", e.message_key())])
        })?;
        let store = Self::load()?;
        let record = store
            .submissions
            .iter()
            .find(|r| {
                r.reference == reference
                    && second_factor_matches(&r.second_factor, &query.second_factor)
            })
            .ok_or(BackendError::NotFound)?;
        let timeline =
            timeline_of(record.kind, record.submitted_on).map_err(|_| BackendError::Server)?;
        Ok(Status {
            reference,
            kind: record.kind,
            submitted_on: record.submitted_on,
            as_of: self.today,
            stage: stage_on(&timeline, self.today),
            timeline,
        })
    }

    /// Keeps the file in this browser under an id made from its key: sent again with the same
    /// key, it is the same document.
    async fn upload_document(
        &self,
        key: &IdempotencyKey,
        bytes: &[u8],
    ) -> Result<DocumentReceipt, BackendError> {
        self.answer_after_delay().await?;
        let file_type = sniff(bytes).ok_or(BackendError::Unexpected)?;
        let sha256 = digest(bytes).await.ok_or(BackendError::Server)?;
        let id = format!("doc_{}", key.0);
        keep_document(&id, bytes, file_type.media_type())
            .await
            .map_err(|_| BackendError::Server)?;
        Ok(DocumentReceipt {
            id,
            size: bytes.len() as u64,
            file_type,
            sha256,
        })
    }
}

/// An email second factor as the applicant gave it, trimmed: `second_factor_matches` compares
/// it in any case when the status is asked for.
fn as_given(email: &str) -> String {
    email.trim().to_owned()
}
