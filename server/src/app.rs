//! The HTTP face of the contract in `astana_hub_portal::api`: routes, body reading, the same
//! checks as the browser, problem+json answers, CORS and security headers.

use std::sync::Arc;
use std::time::Instant;

use astana_hub_portal::api::{
    Catalogue, Enrolment, FieldError, IDEMPOTENCY_HEADER, Invitation, Kind, ListRequest,
    PROBLEM_JSON, ParticipantApplication, Problem, ProblemKind, Reference, SCHEMA_VERSION, Status,
    StatusQuery, Submission, Versioned, canonical_json, fingerprint, second_factor_matches,
    stage_on, timeline_of,
};
use astana_hub_portal::domain::acceleration::catalogue;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::clock::Clock;
use crate::limits::{self, MAX_BODY_BYTES};
use crate::store::{NewSubmission, Outcome, Record, Store, StoreError};

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Clock,
    pub allowed_origins: Arc<Vec<String>>,
    pub quiet: bool,
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/catalogue", get(get_catalogue))
        .route("/v1/applications", post(post_application))
        .route("/v1/enrolments", post(post_enrolment))
        .route("/v1/invitations", post(post_invitation))
        .route("/v1/list-requests", post(post_list_request))
        .route("/v1/status", post(post_status))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), cors))
        .layer(middleware::from_fn_with_state(state.clone(), log))
        .layer(middleware::from_fn(security_headers))
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
    let bytes = to_bytes(body, MAX_BODY_BYTES).await.map_err(|_| {
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
    let too_long = limits::check(&data);
    if !too_long.is_empty() {
        return Err(ProblemKind::Validation.problem(too_long));
    }
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
                    "Every submission needs an {IDEMPOTENCY_HEADER} header: {} to {} visible ASCII characters.",
                    limits::MIN_KEY,
                    limits::MAX_KEY
                ),
                Vec::new(),
            ))
        })
}

// Handlers

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
        |a: &ParticipantApplication, today| (a.check(today), a.second_factor()),
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
            (refused, e.second_factor())
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
        |i: &Invitation, today| (i.check(today), i.second_factor()),
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
        |r: &ListRequest, today| (r.check(today), r.second_factor()),
    )
    .await
}

/// One submission of any kind: `checks` gives the refused fields and the second factor.
async fn submit<T: DeserializeOwned + Serialize>(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
    kind: Kind,
    checks: impl Fn(&T, NaiveDate) -> (Vec<FieldError>, String),
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
    let (refused, second_factor) = checks(&data, today);
    let stored_body = serde_json::to_value(&data)
        .map(|v| canonical_json(&v))
        .unwrap_or_default();
    let outcome = state
        .store
        .submit(NewSubmission {
            kind,
            idempotency_key: key,
            fingerprint: fingerprint(&data),
            refused,
            second_factor,
            body: stored_body,
            today,
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

async fn post_status(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let (query, _): (StatusQuery, Value) = match read_body(&headers, body).await {
        Ok(read) => read,
        Err(p) => return problem(p),
    };
    let reference = match Reference::parse(&query.reference) {
        Ok(r) => r,
        Err(e) => {
            let error = FieldError::new("reference", e.message_key());
            return problem(ProblemKind::Validation.problem(vec![error]));
        }
    };
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

// Middleware

/// Browsers may call from the configured origins only; a request from another origin is
/// refused before it reaches a handler, so it cannot submit anything.
async fn cors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(origin) = request.headers().get(header::ORIGIN).cloned() else {
        return next.run(request).await;
    };
    let allowed = origin
        .to_str()
        .is_ok_and(|o| state.allowed_origins.iter().any(|a| a == o));
    if !allowed {
        return problem(plain_problem(
            StatusCode::FORBIDDEN,
            "This origin may not call the service.",
        ));
    }
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut response = if preflight {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type, idempotency-key"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        r
    } else {
        next.run(request).await
    };
    let h = response.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    h.insert(header::VARY, HeaderValue::from_static("origin"));
    response
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

async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'",
        ),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    h.insert(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}
