//! The real service, over HTTP with gloo-net, as `public/openapi.yaml` describes it.
//!
//! Every attempt is aborted after `timeout_ms` (an `AbortController`, so nothing is left
//! hanging). Network failures, timeouts and 502/503/504 are tried again `retries` times, after
//! `retry_backoff_ms`, doubling; a submission is retried with the same `Idempotency-Key`, so the
//! service answers a repeat with the first result instead of making a second submission.
//! Answers are read strictly: the right media type, the right schema version, every field.
//!
//! A submission that cannot leave while the browser says it is offline (nothing is tried then,
//! or every attempt failed and the browser has since noticed) is kept as it would have been
//! sent, for the portal's outbox to send again with the same key when the browser's `online`
//! event says the connection is back: [`HttpBackend::take_unsent`], [`HttpBackend::resend`].
//! A service that cannot be reached while the browser is online is a failure to explain: no
//! event would say when to try again.

use std::cell::RefCell;

use gloo_net::http::{Request, Response};
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::{JsCast, closure::Closure};

use super::{Backend, BackendError, Config, IdempotencyKey, sleep};
use crate::api::{
    Catalogue, DOCUMENTS_PATH, DocumentReceipt, Enrolment, FieldError, IDEMPOTENCY_HEADER,
    Invitation, ListRequest, PROBLEM_JSON, ParticipantApplication, Problem, SCHEMA_VERSION, Status,
    StatusQuery, Submission, Versioned, path,
};
use crate::domain::documents::{FileType, sniff};

#[derive(Clone, Debug)]
pub struct HttpBackend {
    /// Absolute, ending with "/".
    base_url: String,
    timeout_ms: u32,
    retries: u32,
    retry_backoff_ms: u32,
}

/// A submission exactly as it would have been sent: where to, and its versioned JSON body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsent {
    pub endpoint: String,
    pub body: String,
}

thread_local! {
    /// The last submission that could not leave for want of a network, with its key.
    static UNSENT: RefCell<Option<(IdempotencyKey, Unsent)>> = const { RefCell::new(None) };
}

/// Whether the browser knows it has no network: no submission is tried then.
pub fn browser_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// How one attempt ended.
enum Failure {
    /// Worth another attempt.
    Transient(BackendError),
    Final(BackendError),
}

impl HttpBackend {
    pub fn new(config: &Config) -> HttpBackend {
        HttpBackend {
            base_url: absolute_base(&config.base_url),
            timeout_ms: config.timeout_ms,
            retries: config.retries,
            retry_backoff_ms: config.retry_backoff_ms,
        }
    }

    /// GET when `body` is `None`, else POST of the versioned body. A submission (a body with
    /// a key) that fails while the browser is offline is kept for [`HttpBackend::take_unsent`].
    async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        endpoint: &str,
        body: Option<&B>,
        key: Option<&IdempotencyKey>,
    ) -> Result<T, BackendError> {
        let text = match body {
            Some(b) => Some(
                serde_json::to_string(&Versioned::new(b)).map_err(|_| BackendError::Unexpected)?,
            ),
            None => None,
        };
        let (Some(text), Some(key)) = (text.as_deref(), key) else {
            return self
                .send(endpoint, text.as_deref().map(Body::Json), key)
                .await;
        };
        let result = self.submit(endpoint, text, key).await;
        if result.as_ref().err() == Some(&BackendError::Offline) && browser_offline() {
            let unsent = Unsent {
                endpoint: endpoint.to_owned(),
                body: text.to_owned(),
            };
            UNSENT.set(Some((key.clone(), unsent)));
        }
        result
    }

    /// POSTs a submission's body, unless the browser knows it is offline.
    async fn submit<T: DeserializeOwned>(
        &self,
        endpoint: &str,
        body: &str,
        key: &IdempotencyKey,
    ) -> Result<T, BackendError> {
        if browser_offline() {
            return Err(BackendError::Offline);
        }
        self.send(endpoint, Some(Body::Json(body)), Some(key)).await
    }

    /// The submission under `key` that last failed while the browser was offline, as it would
    /// have been sent; taken once.
    pub fn take_unsent(&self, key: &IdempotencyKey) -> Option<Unsent> {
        UNSENT.with_borrow_mut(|u| match u.take() {
            Some((k, unsent)) if k == *key => Some(unsent),
            other => {
                *u = other;
                None
            }
        })
    }

    /// Sends a kept submission again, the same request under the same key: the service
    /// answers a repeat with its first answer, so it is recorded once.
    pub async fn resend(
        &self,
        key: &IdempotencyKey,
        unsent: &Unsent,
    ) -> Result<Submission, BackendError> {
        self.submit(&unsent.endpoint, &unsent.body, key).await
    }

    /// The longest a submission can take with its retries, in milliseconds: how long a send
    /// in progress holds its claim on an outbox entry.
    pub fn longest_ms(&self) -> f64 {
        let attempts = f64::from(self.retries) + 1.0;
        let waits = f64::from(self.retry_backoff_ms) * 2f64.powf(attempts);
        f64::from(self.timeout_ms) * attempts + waits
    }

    /// Sends `body` to `endpoint`, again while the failure is worth another attempt.
    async fn send<T: DeserializeOwned>(
        &self,
        endpoint: &str,
        body: Option<Body<'_>>,
        key: Option<&IdempotencyKey>,
    ) -> Result<T, BackendError> {
        let url = format!("{}{endpoint}", self.base_url);
        let mut attempt = 0;
        loop {
            match self.attempt(&url, body, key).await {
                Ok(answer) => return Ok(answer),
                Err(Failure::Transient(_)) if attempt < self.retries => {
                    sleep(self.retry_backoff_ms.saturating_mul(1 << attempt.min(16))).await;
                    attempt += 1;
                }
                Err(Failure::Transient(e) | Failure::Final(e)) => return Err(e),
            }
        }
    }

    async fn attempt<T: DeserializeOwned>(
        &self,
        url: &str,
        body: Option<Body<'_>>,
        key: Option<&IdempotencyKey>,
    ) -> Result<T, Failure> {
        let controller =
            web_sys::AbortController::new().map_err(|_| Failure::Final(BackendError::Offline))?;
        let signal = controller.signal();
        let abort = Closure::<dyn FnMut()>::new(move || controller.abort());
        let window = web_sys::window().ok_or(Failure::Final(BackendError::Offline))?;
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                self.timeout_ms.min(i32::MAX as u32) as i32,
            )
            .map_err(|_| Failure::Final(BackendError::Offline))?;
        let answer = exchange(url, body, key, &signal).await;
        window.clear_timeout_with_handle(timer);
        drop(abort);
        match answer {
            _ if signal.aborted() => Err(Failure::Transient(BackendError::TimedOut)),
            None => Err(Failure::Transient(BackendError::Offline)),
            Some((response, text)) => decode(&response, &text),
        }
    }
}

/// What a POST carries: a versioned JSON body, or a file's bytes as they are with their media
/// type.
#[derive(Clone, Copy)]
enum Body<'a> {
    Json(&'a str),
    Bytes(&'a [u8], &'a str),
}

/// Sends the request and reads the whole answer; `None` when the network failed.
async fn exchange(
    url: &str,
    body: Option<Body<'_>>,
    key: Option<&IdempotencyKey>,
    signal: &web_sys::AbortSignal,
) -> Option<(Response, String)> {
    let builder = match body {
        Some(_) => Request::post(url),
        None => Request::get(url),
    }
    .header("Accept", "application/json, application/problem+json")
    .abort_signal(Some(signal));
    let builder = match key {
        Some(key) => builder.header(IDEMPOTENCY_HEADER, &key.0),
        None => builder,
    };
    let request = match body {
        Some(Body::Json(text)) => builder
            .header("Content-Type", "application/json")
            .body(text)
            .ok()?,
        Some(Body::Bytes(bytes, media_type)) => builder
            .header("Content-Type", media_type)
            .body(js_sys::Uint8Array::from(bytes))
            .ok()?,
        None => builder.build().ok()?,
    };
    let response = request.send().await.ok()?;
    let text = response.text().await.ok()?;
    Some((response, text))
}

fn media_type(response: &Response) -> String {
    let header = response.headers().get("content-type").unwrap_or_default();
    header
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn decode<T: DeserializeOwned>(response: &Response, text: &str) -> Result<T, Failure> {
    let status = response.status();
    if (200..300).contains(&status) {
        if media_type(response) != "application/json" {
            return Err(Failure::Final(BackendError::Unexpected));
        }
        return match serde_json::from_str::<Versioned<T>>(text) {
            Ok(v) if v.schema_version == SCHEMA_VERSION => Ok(v.data),
            _ => Err(Failure::Final(BackendError::Unexpected)),
        };
    }
    if matches!(status, 502..=504) {
        return Err(Failure::Transient(BackendError::Server));
    }
    let problem = (media_type(response) == PROBLEM_JSON)
        .then(|| serde_json::from_str::<Problem>(text).ok())
        .flatten();
    Err(Failure::Final(match (status, problem) {
        (422, Some(p)) => BackendError::Refused(p.errors),
        // A file refused for its size or type: the service's reason, or the status's.
        (413 | 415, p) => BackendError::Refused(match p {
            Some(p) if !p.errors.is_empty() => p.errors,
            _ => vec![FieldError::new(
                "file",
                if status == 413 {
                    "documents.problem.too_large"
                } else {
                    "documents.problem.type"
                },
            )],
        }),
        (409, p) => BackendError::Conflict(p.and_then(|p| p.reference)),
        (404, _) => BackendError::NotFound,
        // Retry-After in seconds (the service sends no date); a minute when it is missing.
        (429, _) => BackendError::TooManyRequests(
            response
                .headers()
                .get("retry-after")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(60),
        ),
        (500..=599, _) => BackendError::Server,
        _ => BackendError::Unexpected,
    }))
}

/// The base URL made absolute against `<base href>`, with a final "/".
fn absolute_base(base_url: &str) -> String {
    let document_base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(base_url, &document_base)
        .map(|u| u.href())
        .unwrap_or_else(|_| base_url.to_owned());
    if resolved.ends_with('/') {
        resolved
    } else {
        format!("{resolved}/")
    }
}

impl Backend for HttpBackend {
    async fn catalogue(&self) -> Result<Catalogue, BackendError> {
        self.call::<(), _>(path::CATALOGUE, None, None).await
    }

    async fn submit_application(
        &self,
        key: &IdempotencyKey,
        body: &ParticipantApplication,
    ) -> Result<Submission, BackendError> {
        self.call(path::APPLICATIONS, Some(body), Some(key)).await
    }

    async fn submit_enrolment(
        &self,
        key: &IdempotencyKey,
        body: &Enrolment,
    ) -> Result<Submission, BackendError> {
        self.call(path::ENROLMENTS, Some(body), Some(key)).await
    }

    async fn submit_invitation(
        &self,
        key: &IdempotencyKey,
        body: &Invitation,
    ) -> Result<Submission, BackendError> {
        self.call(path::INVITATIONS, Some(body), Some(key)).await
    }

    async fn submit_list_request(
        &self,
        key: &IdempotencyKey,
        body: &ListRequest,
    ) -> Result<Submission, BackendError> {
        self.call(path::LIST_REQUESTS, Some(body), Some(key)).await
    }

    async fn status(&self, query: &StatusQuery) -> Result<Status, BackendError> {
        self.call(path::STATUS, Some(query), None).await
    }

    async fn upload_document(
        &self,
        key: &IdempotencyKey,
        bytes: &[u8],
    ) -> Result<DocumentReceipt, BackendError> {
        let media_type = sniff(bytes).map_or("application/octet-stream", FileType::media_type);
        let body = Some(Body::Bytes(bytes, media_type));
        self.send(DOCUMENTS_PATH, body, Some(key)).await
    }
}
