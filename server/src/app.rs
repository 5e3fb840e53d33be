//! The HTTP face of the contract in `astana_hub_portal::api`: routes, body reading, the same
//! checks as the browser, problem+json answers; CORS, timeouts, the body limit and the
//! security headers are `tower-http` layers.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use astana_hub_portal::api::{
    Attachment, Catalogue, Enrolment, FieldError, IDEMPOTENCY_HEADER, Invitation, Kind,
    ListRequest, PROBLEM_JSON, ParticipantApplication, Person, Problem, ProblemKind, Reference,
    SCHEMA_VERSION, Status, StatusQuery, Submission, Versioned, canonical_json, check_fields,
    fingerprint, missing_documents, second_factor_matches, stage_on, timeline_of,
};
use astana_hub_portal::domain::acceleration::catalogue;
use astana_hub_portal::domain::documents::{FileProblem, check_file, document_data};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{Days, NaiveDate};
use http_body_util::BodyExt;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::validate_request::{ValidateRequest, ValidateRequestHeaderLayer};

use crate::clock::Clock;
use crate::limits::{self, MAX_BODY_BYTES};
use crate::lookups::Lookups;
use crate::store::{
    Named, NewDocument, NewSubmission, Outcome, Record, Store, StoreError, Upload, hex,
};

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Clock,
    pub allowed_origins: Arc<Vec<String>>,
    pub request_timeout: Duration,
    pub lookups: Arc<Lookups>,
    /// Where a load balancer writes the client's address; else the peer's address counts.
    pub client_ip_header: Option<String>,
    /// Days an uploaded document is kept when no submission names it.
    pub document_lifetime_days: u32,
    pub quiet: bool,
}

impl AppState {
    /// Documents never claimed and created before this day are gone.
    fn documents_expired_before(&self) -> NaiveDate {
        let today = self.clock.today();
        today
            .checked_sub_days(Days::new(u64::from(self.document_lifetime_days)))
            .unwrap_or(today)
    }
}

/// Sent on every answer, whatever produced it.
const SECURITY_HEADERS: [(&str, &str); 7] = [
    ("x-content-type-options", "nosniff"),
    (
        "content-security-policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cache-control", "no-store"),
    (
        "strict-transport-security",
        "max-age=31536000; includeSubDomains",
    ),
    ("cross-origin-opener-policy", "same-origin"),
];

pub fn router(state: AppState) -> Router {
    let origins = Arc::clone(&state.allowed_origins);
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(
            origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()),
        ))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        // The portal reads when to try again after a 429, and a document's name.
        .expose_headers([header::RETRY_AFTER, header::CONTENT_DISPOSITION])
        .max_age(Duration::from_secs(600));
    let router = Router::new()
        .route("/health", get(health))
        .route("/ready", get(ready))
        .route("/v1/catalogue", get(get_catalogue))
        .route("/v1/applications", post(post_application))
        .route("/v1/enrolments", post(post_enrolment))
        .route("/v1/invitations", post(post_invitation))
        .route("/v1/list-requests", post(post_list_request))
        .route("/v1/status", post(post_status))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        // Files are larger than JSON bodies: the upload reads at most one byte beyond the
        // limit for a file itself.
        .merge(
            Router::new()
                .route("/v1/documents", post(post_document))
                .route("/v1/documents/{id}", get(get_document))
                .method_not_allowed_fallback(method_not_allowed),
        )
        // 503: clients try again with the same key, which finds the submission if it was made.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            state.request_timeout,
        ))
        .layer(middleware::map_response(as_problem))
        .layer(cors)
        .layer(ValidateRequestHeaderLayer::custom(OnlyAllowedOrigins(
            origins,
        )))
        .layer(middleware::from_fn_with_state(state.clone(), log));
    SECURITY_HEADERS
        .into_iter()
        .fold(router, |router, (name, value)| {
            router.layer(SetResponseHeaderLayer::overriding(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            ))
        })
        .with_state(state)
}

// Answers

fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (status, [(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
        Err(_) => problem(ProblemKind::Server.problem(Vec::new())),
    }
}

fn problem(p: Problem) -> Response {
    let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let bytes = serde_json::to_vec(&p).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, PROBLEM_JSON)], bytes).into_response()
}

fn bad_request(detail: &str, errors: Vec<FieldError>) -> Problem {
    let mut p = ProblemKind::BadRequest.problem(errors);
    p.detail = Some(detail.to_owned());
    p
}

/// An HTTP-level problem that is not one of the contract's kinds.
fn plain_problem(status: StatusCode, detail: &str) -> Problem {
    Problem {
        type_uri: "about:blank".to_owned(),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail: Some(detail.to_owned()),
        errors: Vec::new(),
        reference: None,
    }
}

/// The store's details go to the log only; the client learns that the service failed.
fn server_failure(e: StoreError) -> Response {
    eprintln!("store failure: {}", e.0);
    problem(ProblemKind::Server.problem(Vec::new()))
}

async fn not_found() -> Response {
    problem(plain_problem(StatusCode::NOT_FOUND, "No such endpoint."))
}

async fn method_not_allowed() -> Response {
    problem(plain_problem(
        StatusCode::METHOD_NOT_ALLOWED,
        "This endpoint does not take this method.",
    ))
}

// Reading a request

/// The `data` of a versioned JSON body, read into `T`, or the answer that refuses it.
async fn read_body<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
) -> Result<(T, Value), Problem> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(bad_request(
            "The body must be application/json.",
            Vec::new(),
        ));
    }
    // The body limit layer cuts a longer body short, which fails here.
    let bytes = to_bytes(body, usize::MAX).await.map_err(|_| {
        plain_problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("The body must be at most {MAX_BODY_BYTES} bytes."),
        )
    })?;
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|_| bad_request("The body is not JSON.", Vec::new()))?;
    let version = value.get("schema_version").and_then(Value::as_u64);
    if version != Some(u64::from(SCHEMA_VERSION)) {
        return Err(bad_request(
            &format!("The body must be {{\"schema_version\": {SCHEMA_VERSION}, \"data\": ...}}."),
            Vec::new(),
        ));
    }
    let data = value.get("data").cloned().unwrap_or(Value::Null);
    // The path of a field of the wrong type, never its value (it may be personal data).
    // Read, but a field is missing or of another type: refused like any other field.
    let typed = serde_path_to_error::deserialize(&data)
        .map_err(|e| ProblemKind::Validation.problem(vec![schema_error(&e)]))?;
    Ok((typed, data))
}

/// The field a body's shape error is about. serde names a missing field in its message (the
/// path stops at its parent); other messages may quote the value, so they are not passed on.
fn schema_error(e: &serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let parent = e.path().to_string();
    let parent = if parent == "." { "" } else { parent.as_str() };
    let message = e.inner().to_string();
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    let (path, code, detail) = match missing {
        Some(name) if parent.is_empty() => (name.to_owned(), "api.field.required", "required"),
        Some(name) => (format!("{parent}.{name}"), "api.field.required", "required"),
        None => (
            parent.to_owned(),
            "api.field.invalid",
            "not of the type the contract gives",
        ),
    };
    let mut error = FieldError::new(path, code);
    error.detail = Some(detail.to_owned());
    error
}

/// The key, or the refusal (boxed: a problem is large next to the key).
fn idempotency_key(headers: &HeaderMap) -> Result<String, Box<Problem>> {
    headers
        .get(IDEMPOTENCY_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|k| limits::key_is_acceptable(k))
        .map(str::to_owned)
        .ok_or_else(|| {
            Box::new(bad_request(
                &format!(
                    "Every submission and upload needs an {IDEMPOTENCY_HEADER} header: {} to {} visible ASCII characters.",
                    limits::MIN_KEY,
                    limits::MAX_KEY
                ),
                Vec::new(),
            ))
        })
}

// Handlers

/// The process answers: a load balancer may send it requests.
async fn health() -> Response {
    json(StatusCode::OK, &json!({"status": "ok"}))
}

/// The database answers too: the instance can take submissions.
async fn ready(State(state): State<AppState>) -> Response {
    match state.store.ready().await {
        Ok(()) => json(StatusCode::OK, &json!({"status": "ready"})),
        Err(e) => {
            eprintln!("not ready: {}", e.0);
            problem(plain_problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "The database does not answer.",
            ))
        }
    }
}

async fn get_catalogue(State(state): State<AppState>) -> Response {
    let today = state.clock.today();
    json(
        StatusCode::OK,
        &Versioned::new(Catalogue {
            as_of: today,
            programmes: catalogue(today),
        }),
    )
}

async fn post_application(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    submit(
        &state,
        &headers,
        body,
        Kind::Application,
        |a: &ParticipantApplication, today| {
            Checked::new(a.check(today), a.second_factor()).documents("apply", &a.attachments, &[])
        },
    )
    .await
}

async fn post_enrolment(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    submit(
        &state,
        &headers,
        body,
        Kind::Enrolment,
        |e: &Enrolment, today| {
            let mut refused = e.check();
            refused.extend(e.check_cohort(today));
            Checked::new(refused, e.second_factor()).documents("acceleration", &e.attachments, &[])
        },
    )
    .await
}

async fn post_invitation(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    submit(
        &state,
        &headers,
        body,
        Kind::Invitation,
        |i: &Invitation, today| {
            Checked::new(i.check(today), i.second_factor()).documents(
                "invitations",
                &i.attachments,
                &i.people,
            )
        },
    )
    .await
}

async fn post_list_request(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    submit(
        &state,
        &headers,
        body,
        Kind::ListRequest,
        |r: &ListRequest, today| Checked::new(r.check(today), r.second_factor()),
    )
    .await
}

/// What the checks of a submission found, before the store's.
struct Checked {
    refused: Vec<FieldError>,
    second_factor: String,
    /// The documents named, which the store must hold.
    attachments: Vec<Named>,
    /// The documents the journey requires and the submission lacks, or names wrongly.
    missing: Vec<FieldError>,
}

impl Checked {
    fn new(refused: Vec<FieldError>, second_factor: String) -> Checked {
        Checked {
            refused,
            second_factor,
            attachments: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// The documents of a submission of `journey` about `people`: named, required, and within
    /// the limit for all of a submission's files.
    fn documents(mut self, journey: &str, attachments: &[Attachment], people: &[Person]) -> Self {
        self.attachments = attachments
            .iter()
            .map(|a| Named {
                id: a.id.clone(),
                size: a.size,
                sha256: a.sha256.to_ascii_lowercase(),
            })
            .collect();
        self.missing = missing_documents(journey, attachments, people);
        let total = attachments
            .iter()
            .fold(0u64, |total, a| total.saturating_add(a.size));
        if total > document_data().limits.max_submission_bytes {
            self.missing.push(FieldError::new(
                "attachments",
                FileProblem::SubmissionTooLarge(0).message_key(),
            ));
        }
        self
    }
}

/// One submission of any kind: `checks` gives the refused fields, the second factor and the
/// documents named. The checks are the type's `check`, which starts with each field's length
/// (`api::limits`): a text or a list beyond its limit is refused there, 422 with its path, like
/// any other field. The store then refuses a document it does not hold
/// (`attachments.<i>.id`), then those the journey requires and lacks.
async fn submit<T: DeserializeOwned + Serialize>(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
    kind: Kind,
    checks: impl Fn(&T, NaiveDate) -> Checked,
) -> Response {
    let key = match idempotency_key(headers) {
        Ok(key) => key,
        Err(p) => return problem(*p),
    };
    let (data, _): (T, Value) = match read_body(headers, body).await {
        Ok(read) => read,
        Err(p) => return problem(p),
    };
    let today = state.clock.today();
    let checked = checks(&data, today);
    let stored_body = serde_json::to_value(&data)
        .map(|v| canonical_json(&v))
        .unwrap_or_default();
    let outcome = state
        .store
        .submit(NewSubmission {
            kind,
            idempotency_key: key,
            fingerprint: fingerprint(&data),
            refused: checked.refused,
            second_factor: checked.second_factor,
            body: stored_body,
            today,
            attachments: checked.attachments,
            missing: checked.missing,
            expired_before: state.documents_expired_before(),
        })
        .await;
    match outcome {
        Ok(Outcome::Created(record)) => submission(StatusCode::CREATED, &record),
        Ok(Outcome::Replayed(record)) => submission(StatusCode::OK, &record),
        Ok(Outcome::Conflict(reference)) => problem(Problem {
            reference: Some(reference.as_str().to_owned()),
            ..ProblemKind::IdempotencyConflict.problem(Vec::new())
        }),
        Ok(Outcome::Refused(errors)) => problem(ProblemKind::Validation.problem(errors)),
        Err(e) => server_failure(e),
    }
}

/// `POST /v1/documents`: the body is the file, whatever its declared type. Read up to one byte
/// beyond the limit for a file, checked by its content, kept under its idempotency key. A body
/// cut short is not kept.
async fn post_document(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let key = match idempotency_key(&headers) {
        Ok(key) => key,
        Err(p) => return problem(*p),
    };
    // Read up to the first byte beyond the limit, then answered: a client that sends more has
    // the rest of its body cut off.
    let max = document_data().limits.max_file_bytes;
    let Ok(bytes) = read_at_most(body, usize::try_from(max).unwrap_or(usize::MAX - 1) + 1).await
    else {
        return problem(bad_request("The body was cut short.", Vec::new()));
    };
    let size = bytes.len() as u64;
    let file_type = match check_file(&bytes[..8.min(bytes.len())], size, 0) {
        Ok(t) => t,
        Err(p) => return file_problem(p),
    };
    let sha256 = hex(&Sha256::digest(&bytes));
    let today = state.clock.today();
    let outcome = state
        .store
        .upload(NewDocument {
            idempotency_key: key,
            sha256,
            size,
            file_type,
            bytes,
            today,
            expired_before: state.documents_expired_before(),
        })
        .await;
    match outcome {
        Ok(Upload::Created(receipt)) => json(StatusCode::CREATED, &Versioned::new(receipt)),
        Ok(Upload::Replayed(receipt)) => json(StatusCode::OK, &Versioned::new(receipt)),
        Ok(Upload::Conflict) => problem(Problem {
            detail: Some("This idempotency key made a document of other bytes.".to_owned()),
            ..ProblemKind::IdempotencyConflict.problem(Vec::new())
        }),
        Err(e) => server_failure(e),
    }
}

/// The body's bytes, at most `limit` of them: the rest is not read.
async fn read_at_most(mut body: Body, limit: usize) -> Result<Vec<u8>, axum::Error> {
    let mut bytes = Vec::new();
    while bytes.len() < limit {
        let Some(frame) = body.frame().await else {
            break;
        };
        if let Ok(data) = frame?.into_data() {
            let room = limit - bytes.len();
            bytes.extend_from_slice(&data[..data.len().min(room)]);
        }
    }
    Ok(bytes)
}

/// A refused file: 422 empty, 413 too large, 415 not a PDF, PNG or JPEG by its content; the
/// message key at the path `file`.
fn file_problem(p: FileProblem) -> Response {
    let (status, detail) = match p {
        FileProblem::Empty => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "The file is empty.".to_owned(),
        ),
        FileProblem::TooLarge(max) | FileProblem::SubmissionTooLarge(max) => (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("A file must be at most {max} bytes."),
        ),
        FileProblem::NotAllowed => (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "The file is not a PDF, PNG or JPEG by its content.".to_owned(),
        ),
    };
    let mut error = FieldError::new("file", p.message_key());
    error.detail = Some(detail.clone());
    problem(Problem {
        type_uri: ProblemKind::Validation.uri().to_owned(),
        title: "The file is refused".to_owned(),
        status: status.as_u16(),
        detail: Some(detail),
        errors: vec![error],
        reference: None,
    })
}

/// `GET /v1/documents/{id}`: the bytes as they were uploaded, with the type read from them, to
/// be saved rather than shown.
async fn get_document(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let found = state
        .store
        .document(&id, state.documents_expired_before())
        .await;
    match found {
        Ok(Some(document)) => {
            let extension = match document.file_type {
                astana_hub_portal::domain::documents::FileType::Pdf => "pdf",
                astana_hub_portal::domain::documents::FileType::Png => "png",
                astana_hub_portal::domain::documents::FileType::Jpeg => "jpg",
            };
            // The id is the store's own (`doc_` and hexadecimal): safe in a header.
            let disposition = format!("attachment; filename=\"{id}.{extension}\"");
            (
                StatusCode::OK,
                [
                    (
                        header::CONTENT_TYPE,
                        document.file_type.media_type().to_owned(),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                    (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                document.bytes,
            )
                .into_response()
        }
        Ok(None) => problem(Problem {
            title: "No such document".to_owned(),
            ..ProblemKind::NotFound.problem(Vec::new())
        }),
        Err(e) => server_failure(e),
    }
}

fn submission(status: StatusCode, record: &Record) -> Response {
    match timeline_of(record.kind, record.submitted_on) {
        Ok(timeline) => json(
            status,
            &Versioned::new(Submission {
                reference: record.reference.clone(),
                kind: record.kind,
                submitted_on: record.submitted_on,
                timeline,
            }),
        ),
        Err(_) => server_failure(StoreError("no calendar for the submission date".into())),
    }
}

async fn post_status(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (query, _): (StatusQuery, Value) = match read_body(&headers, body).await {
        Ok(read) => read,
        Err(p) => return problem(p),
    };
    let too_long = check_fields(&query);
    if !too_long.is_empty() {
        return problem(ProblemKind::Validation.problem(too_long));
    }
    let reference = match Reference::parse(&query.reference) {
        Ok(r) => r,
        Err(e) => {
            let error = FieldError::new("reference", e.message_key());
            return problem(ProblemKind::Validation.problem(vec![error]));
        }
    };
    let client = client_address(&headers, state.client_ip_header.as_deref(), peer);
    if let Err(wait) = state.lookups.check(client, reference.as_str()) {
        return too_many_lookups(wait);
    }
    // An unknown reference and a wrong second factor get the same answer.
    let record = match state.store.find(reference).await {
        Ok(Some(r)) if second_factor_matches(&r.second_factor, &query.second_factor) => r,
        Ok(_) => return problem(ProblemKind::NotFound.problem(Vec::new())),
        Err(e) => return server_failure(e),
    };
    let today = state.clock.today();
    let Ok(timeline) = timeline_of(record.kind, record.submitted_on) else {
        return server_failure(StoreError("no calendar for the submission date".into()));
    };
    json(
        StatusCode::OK,
        &Versioned::new(Status {
            reference: record.reference,
            kind: record.kind,
            submitted_on: record.submitted_on,
            as_of: today,
            stage: stage_on(&timeline, today),
            timeline,
        }),
    )
}

/// 429 with `Retry-After` in whole seconds, rounded up.
fn too_many_lookups(wait: Duration) -> Response {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let mut response = problem(plain_problem(
        StatusCode::TOO_MANY_REQUESTS,
        "Too many status lookups: try again after Retry-After seconds.",
    ));
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
    response
}

/// The address a lookup is counted against: the last one the load balancer wrote into its
/// header (earlier ones come from the client and could be forged), or the peer's.
fn client_address(headers: &HeaderMap, trusted_header: Option<&str>, peer: SocketAddr) -> IpAddr {
    trusted_header
        .and_then(|name| headers.get_all(name).iter().next_back())
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(peer.ip())
}

// Middleware

/// Refuses a browser from an origin not allowed, before CORS and the handlers: a page on
/// another origin cannot submit anything, not even as a plain form post.
#[derive(Clone)]
struct OnlyAllowedOrigins(Arc<Vec<String>>);

impl<B> ValidateRequest<B> for OnlyAllowedOrigins {
    type ResponseBody = Body;

    fn validate(&mut self, request: &mut Request<B>) -> Result<(), Response> {
        match request.headers().get(header::ORIGIN) {
            Some(o) if !o.to_str().is_ok_and(|o| self.0.iter().any(|a| a == o)) => {
                Err(problem(plain_problem(
                    StatusCode::FORBIDDEN,
                    "This origin may not call the service.",
                )))
            }
            _ => Ok(()),
        }
    }
}

/// The layers' own refusals (a body over the limit, a timeout) in the contract's
/// problem+json, like every other error.
async fn as_problem(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v == PROBLEM_JSON);
    if is_problem || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let detail = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            format!("The body must be at most {MAX_BODY_BYTES} bytes.")
        }
        StatusCode::SERVICE_UNAVAILABLE => "The service took too long: try again.".to_owned(),
        _ => "The request was refused.".to_owned(),
    };
    problem(plain_problem(status, &detail))
}

/// Method, path, status and time: never a body, a query or a header value.
async fn log(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if state.quiet {
        return next.run(request).await;
    }
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    eprintln!(
        "{method} {path} {} {} ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}
