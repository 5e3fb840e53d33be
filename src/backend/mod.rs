//! The one seam to the outside. The interface sees [`Backend`]; which implementation answers is
//! chosen at run time from `config.json` ([`Config`]): [`MockBackend`] keeps everything in this
//! browser for the static demo, [`HttpBackend`] speaks the contract of [`crate::api`] (and
//! `public/openapi.yaml`) to a real service.

mod config;
mod documents;
mod http;
mod mock;

pub use config::{BackendKind, Config, ConfigError, MockConfig, browser_today};
pub use documents::{digest, forget_document, forget_documents, held_document};
pub use http::{HttpBackend, Unsent, browser_offline};
pub use mock::{MockBackend, STORAGE_PREFIX};

use std::future::Future;

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::api::{
    Catalogue, DocumentReceipt, Enrolment, FieldError, Invitation, ListRequest,
    ParticipantApplication, Status, StatusQuery, Submission, check_fields,
};
use crate::domain::documents::check_file;

/// Why a call failed, in the terms the interface explains to people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// The service could not be reached.
    Offline,
    /// No answer within the configured time (after the retries).
    TimedOut,
    /// The service read the request and refused these fields.
    Refused(Vec<FieldError>),
    /// The idempotency key was already used for another body: the submission made under it,
    /// by its reference when the service names it.
    Conflict(Option<String>),
    /// No submission matches the reference and second factor.
    NotFound,
    /// Too many status lookups: the next is allowed after this many seconds.
    TooManyRequests(u32),
    /// The service failed.
    Server,
    /// An answer this version of the portal cannot read.
    Unexpected,
    /// The call's code, fetched on first use, is gone: the site now serves a newer version.
    NewVersion,
}

impl BackendError {
    /// The message key of the plain explanation (`src/i18n/journeys/backend.toml`).
    pub fn message_key(&self) -> &'static str {
        match self {
            BackendError::Offline => "backend.error.offline",
            BackendError::TimedOut => "backend.error.timed_out",
            BackendError::Refused(_) => "backend.error.refused",
            BackendError::Conflict(None) => "backend.error.conflict",
            BackendError::Conflict(Some(_)) => "backend.error.conflict_reference",
            BackendError::NotFound => "backend.error.not_found",
            // Under two minutes in seconds, else in whole minutes.
            BackendError::TooManyRequests(s) if *s < 120 => "backend.error.too_many_seconds",
            BackendError::TooManyRequests(_) => "backend.error.too_many_minutes",
            BackendError::Server => "backend.error.server",
            BackendError::Unexpected => "backend.error.unexpected",
            BackendError::NewVersion => "lazy.new_version.body",
        }
    }

    /// The values the message names (`{n}`, seconds or minutes to wait).
    pub fn values(&self) -> Vec<(String, String)> {
        match self {
            BackendError::TooManyRequests(s) if *s < 120 => vec![("n".into(), s.to_string())],
            BackendError::TooManyRequests(s) => vec![("n".into(), s.div_ceil(60).to_string())],
            _ => Vec::new(),
        }
    }

    /// The refused fields, for messages next to each field.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            BackendError::Refused(errors) => errors,
            _ => &[],
        }
    }

    /// The error a configuration or a test forces by name: "offline", "timed_out",
    /// "refused", "conflict", "not_found", "server", "unexpected".
    pub fn from_name(name: &str) -> Option<BackendError> {
        Some(match name {
            "offline" => BackendError::Offline,
            "timed_out" => BackendError::TimedOut,
            "refused" => BackendError::Refused(Vec::new()),
            "conflict" => BackendError::Conflict(None),
            "not_found" => BackendError::NotFound,
            "server" => BackendError::Server,
            "unexpected" => BackendError::Unexpected,
            _ => return None,
        })
    }
}

/// Names one submission across retries and reloads: keep it with the draft and send it again
/// with every attempt at the same submission.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdempotencyKey(pub String);

impl IdempotencyKey {
    /// 128 bits from the browser's cryptographic random source, as 32 hex digits: keys that
    /// cannot be predicted, and that two drafts share only by a chance of 2^-128.
    pub fn generate() -> IdempotencyKey {
        let mut bits = [0u8; 16];
        // Every browser that runs WebAssembly has `crypto.getRandomValues`.
        web_sys::window()
            .and_then(|w| w.crypto().ok())
            .and_then(|c| c.get_random_values_with_u8_array(&mut bits).ok())
            .expect("the browser's cryptographic random source");
        IdempotencyKey(bits.iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// What the interface asks of the Fund's service. Futures run on the browser's event loop.
pub trait Backend {
    fn catalogue(&self) -> impl Future<Output = Result<Catalogue, BackendError>>;
    fn submit_application(
        &self,
        key: &IdempotencyKey,
        body: &ParticipantApplication,
    ) -> impl Future<Output = Result<Submission, BackendError>>;
    fn submit_enrolment(
        &self,
        key: &IdempotencyKey,
        body: &Enrolment,
    ) -> impl Future<Output = Result<Submission, BackendError>>;
    fn submit_invitation(
        &self,
        key: &IdempotencyKey,
        body: &Invitation,
    ) -> impl Future<Output = Result<Submission, BackendError>>;
    fn submit_list_request(
        &self,
        key: &IdempotencyKey,
        body: &ListRequest,
    ) -> impl Future<Output = Result<Submission, BackendError>>;
    fn status(&self, query: &StatusQuery) -> impl Future<Output = Result<Status, BackendError>>;
    /// Sends a file's bytes, with a key of their own: sent again after a failure, the same key
    /// makes one document, not two.
    fn upload_document(
        &self,
        key: &IdempotencyKey,
        bytes: &[u8],
    ) -> impl Future<Output = Result<DocumentReceipt, BackendError>>;
}

/// The backend chosen by the configuration.
#[derive(Clone, Debug)]
pub enum AnyBackend {
    Mock(MockBackend),
    Http(HttpBackend),
}

impl AnyBackend {
    pub fn from_config(config: &Config) -> AnyBackend {
        match config.backend {
            BackendKind::Mock => AnyBackend::Mock(MockBackend::new(config)),
            BackendKind::Http => AnyBackend::Http(HttpBackend::new(config)),
        }
    }

    pub fn is_mock(&self) -> bool {
        matches!(self, AnyBackend::Mock(_))
    }
}

macro_rules! delegate {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Mock($b) => $call.await,
            AnyBackend::Http($b) => $call.await,
        }
    };
}

/// The checks of a submission's fields that do not depend on the day (lengths, shapes,
/// identification numbers: the same as the service's, `crate::api::check_fields`), made before
/// it leaves for either backend. A body they refuse is answered here as the service would
/// answer it, with the refused fields, and is never sent. The checks that depend on the day
/// are the service's (the mock's, for the demo), by its own date.
fn refuse_early<T: Validate + Serialize>(body: &T) -> Result<(), BackendError> {
    let refused = check_fields(body);
    if refused.is_empty() {
        Ok(())
    } else {
        Err(BackendError::Refused(refused))
    }
}

impl Backend for AnyBackend {
    async fn catalogue(&self) -> Result<Catalogue, BackendError> {
        delegate!(self, b => b.catalogue())
    }
    async fn submit_application(
        &self,
        key: &IdempotencyKey,
        body: &ParticipantApplication,
    ) -> Result<Submission, BackendError> {
        refuse_early(body)?;
        delegate!(self, b => b.submit_application(key, body))
    }
    async fn submit_enrolment(
        &self,
        key: &IdempotencyKey,
        body: &Enrolment,
    ) -> Result<Submission, BackendError> {
        refuse_early(body)?;
        delegate!(self, b => b.submit_enrolment(key, body))
    }
    async fn submit_invitation(
        &self,
        key: &IdempotencyKey,
        body: &Invitation,
    ) -> Result<Submission, BackendError> {
        refuse_early(body)?;
        delegate!(self, b => b.submit_invitation(key, body))
    }
    async fn submit_list_request(
        &self,
        key: &IdempotencyKey,
        body: &ListRequest,
    ) -> Result<Submission, BackendError> {
        refuse_early(body)?;
        delegate!(self, b => b.submit_list_request(key, body))
    }
    async fn status(&self, query: &StatusQuery) -> Result<Status, BackendError> {
        delegate!(self, b => b.status(query))
    }
    async fn upload_document(
        &self,
        key: &IdempotencyKey,
        bytes: &[u8],
    ) -> Result<DocumentReceipt, BackendError> {
        // The service's own check of a file (type by content, size), made before it leaves.
        let head = &bytes[..bytes.len().min(8)];
        check_file(head, bytes.len() as u64, 0)
            .map_err(|p| BackendError::Refused(vec![FieldError::new("file", p.message_key())]))?;
        delegate!(self, b => b.upload_document(key, bytes))
    }
}

/// Waits `ms` milliseconds on the browser's timer.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u32) as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
