//! The contract between the portal and the Fund's service: request and response bodies, errors,
//! reference numbers, idempotency and the status progression. Pure (serde and chrono only), so a
//! native server can reuse it; `public/openapi.yaml` documents the same contract over HTTP.
//!
//! Endpoints (all under the configured base URL, JSON bodies wrapped in [`Versioned`]):
//! - `GET  /v1/catalogue`: the programme catalogue ([`Catalogue`]);
//! - `POST /v1/applications`, `/v1/enrolments`, `/v1/invitations`, `/v1/list-requests`: a
//!   submission, with an `Idempotency-Key` header, answering [`Submission`] (201, or 200 on a
//!   replay);
//! - `POST /v1/documents`: a file's bytes, with an `Idempotency-Key` header, answering
//!   [`DocumentReceipt`]; `GET /v1/documents/{id}` answers them back;
//! - `POST /v1/status`: a [`StatusQuery`] (reference and second factor, in the body so that
//!   no personal data appears in a URL), answering [`Status`].
//!
//! Errors are `application/problem+json` ([`Problem`]).

mod documents;
mod idempotency;
pub mod limits;
mod list_request;
mod payload;
mod problem;
mod reference;
mod status;
mod validate;

pub use documents::{Attachment, DOCUMENTS_PATH, DocumentReceipt, missing_documents};
pub use idempotency::{Fingerprint, Replay, canonical_json, fingerprint, replay};
pub use list_request::ListRequest;
pub use payload::*;
pub use problem::{FieldError, PROBLEM_JSON, Problem, ProblemKind};
pub use reference::{Kind, Reference, ReferenceError};
pub use status::{
    Milestone, Stage, Status, StatusQuery, Submission, milestones, stage_on, timeline_of,
};
pub use validate::{check_fields, field_errors};

use serde::{Deserialize, Serialize};

/// The version of the bodies below. A change that is not purely additive raises it; either side
/// refuses a body of another version instead of guessing.
pub const SCHEMA_VERSION: u32 = 1;

/// Every JSON body of the contract (problems aside): `{"schema_version": 1, "data": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Versioned<T> {
    pub schema_version: u32,
    pub data: T,
}

impl<T> Versioned<T> {
    pub fn new(data: T) -> Self {
        Versioned {
            schema_version: SCHEMA_VERSION,
            data,
        }
    }
}

/// The header that makes a submission safe to retry.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// The path of each endpoint, relative to the base URL.
pub mod path {
    pub const CATALOGUE: &str = "v1/catalogue";
    pub const APPLICATIONS: &str = "v1/applications";
    pub const ENROLMENTS: &str = "v1/enrolments";
    pub const INVITATIONS: &str = "v1/invitations";
    pub const LIST_REQUESTS: &str = "v1/list-requests";
    pub const STATUS: &str = "v1/status";
}
