//! Errors as `application/problem+json` (RFC 9457), with field errors the form can place next
//! to the right field.

use serde::{Deserialize, Serialize};

/// The media type of a problem.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem report. `type` names the kind of problem ([`ProblemKind::uri`]); `errors` lists
/// each refused field when the body was refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// An extension member of the idempotency conflict: the reference of the submission
    /// already made under the key, so the person can track it. Absent from older services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

/// One refused field. `path` is the field's place in the request's `data`, dots between names
/// and list indexes as numbers (`organisation.bin`, `people.0.passport_expires`). `code` is a
/// message key the interface translates (e.g. `ids.error.check_digit`); `detail` is a plain
/// English fallback for other clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub path: String,
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl FieldError {
    pub fn new(path: impl Into<String>, code: impl Into<String>) -> FieldError {
        FieldError {
            path: path.into(),
            code: code.into(),
            detail: None,
        }
    }
}

/// The problems of this contract, each with its type URI and HTTP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// 422: the body was read but some fields are refused (`errors` says which).
    Validation,
    /// 400: the body is not JSON, or not this schema version.
    BadRequest,
    /// 409: the idempotency key was used with another body.
    IdempotencyConflict,
    /// 404: no such reference, or the second factor does not match (the same answer, so a
    /// reference alone reveals nothing).
    NotFound,
    /// 500: the service failed.
    Server,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 5] = [
        ProblemKind::Validation,
        ProblemKind::BadRequest,
        ProblemKind::IdempotencyConflict,
        ProblemKind::NotFound,
        ProblemKind::Server,
    ];

    pub fn uri(self) -> &'static str {
        match self {
            ProblemKind::Validation => "urn:astana-hub-portal:problem:validation",
            ProblemKind::BadRequest => "urn:astana-hub-portal:problem:bad-request",
            ProblemKind::IdempotencyConflict => {
                "urn:astana-hub-portal:problem:idempotency-conflict"
            }
            ProblemKind::NotFound => "urn:astana-hub-portal:problem:not-found",
            ProblemKind::Server => "urn:astana-hub-portal:problem:server",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            ProblemKind::Validation => 422,
            ProblemKind::BadRequest => 400,
            ProblemKind::IdempotencyConflict => 409,
            ProblemKind::NotFound => 404,
            ProblemKind::Server => 500,
        }
    }

    fn title(self) -> &'static str {
        match self {
            ProblemKind::Validation => "Some fields are refused",
            ProblemKind::BadRequest => "The request could not be read",
            ProblemKind::IdempotencyConflict => "This idempotency key was used with another body",
            ProblemKind::NotFound => "No submission matches this reference and second factor",
            ProblemKind::Server => "The service failed",
        }
    }

    /// The problem of this kind, with field errors when there are any.
    pub fn problem(self, errors: Vec<FieldError>) -> Problem {
        Problem {
            type_uri: self.uri().to_owned(),
            title: self.title().to_owned(),
            status: self.status(),
            detail: None,
            errors,
            reference: None,
        }
    }
}
