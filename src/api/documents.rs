//! Documents over the contract: `POST /v1/documents` takes a file's bytes as they are (with an
//! `Idempotency-Key`) and answers a [`DocumentReceipt`]; a submission then names its documents
//! as [`Attachment`]s. The service holds what it received, checks each file itself (type by
//! content, size: `domain::documents`), and refuses a submission naming a document it does
//! not hold or lacking one its rules require ([`missing_documents`]).

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::{
    FieldError,
    payload::{Person, Relationship},
    validate::MAX_TEXT,
};
use crate::domain::documents::{FileType, For, documents_of};
use crate::json::{FromJson, Json, Members, ReadError};

/// The path of the upload operation, under the service's base URL.
pub const DOCUMENTS_PATH: &str = "v1/documents";

/// What the service answers to an upload: the document's id (unguessable, 32 hexadecimal
/// digits after `doc_`), its size in bytes, its type as read from its content, and the
/// SHA-256 of its bytes in hexadecimal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentReceipt {
    pub id: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub file_type: FileType,
    pub sha256: String,
}

/// A document a submission names: the id the upload answered, which of the journey's
/// documents it is (`data/documents.toml`), whose (the index of the person in an invitation's
/// `people`), and the name the applicant's file had, with its size and hash for the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Attachment {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub id: String,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<usize>,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub name: String,
    pub size: u64,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub sha256: String,
}

/// As a draft keeps it (`crate::journeys::attachments_of`): read without serde, as the draft.
impl FromJson for Attachment {
    fn from_json(value: &Json) -> Result<Attachment, ReadError> {
        let m = Members::of(value)?;
        Ok(Attachment {
            id: m.required("id")?,
            kind: m.required("kind")?,
            person: m.optional("person")?,
            name: m.required("name")?,
            size: m.required("size")?,
            sha256: m.required("sha256")?,
        })
    }
}

/// Whether a document of `asked_of` is asked of `person`.
fn asked_of(asked_of: For, person: Option<&Person>) -> bool {
    match (asked_of, person) {
        (For::Submission, None) => true,
        (For::Person, Some(_)) => true,
        (For::Dependant, Some(p)) => p.relationship == Relationship::Dependant,
        (For::SpouseOrChild, Some(p)) => {
            matches!(p.relationship, Relationship::Spouse | Relationship::Child)
        }
        _ => false,
    }
}

/// What is wrong with the documents a submission of `journey` names, for the `people` it is
/// about (none but an invitation's): an attachment of a kind the journey does not ask for, or
/// for someone it does not ask it of (`attachments.<i>.kind`), and each required document
/// missing (`people.<i>.documents` for a person's, `attachments` for the submission's).
pub fn missing_documents(
    journey: &str,
    attachments: &[Attachment],
    people: &[Person],
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (i, a) in attachments.iter().enumerate() {
        let person = a.person.map(|p| people.get(p));
        let fits = documents_of(journey).any(|d| {
            d.id == a.kind
                && match person {
                    None => asked_of(d.asked_of, None),
                    Some(p) => p.is_some_and(|p| asked_of(d.asked_of, Some(p))),
                }
        });
        if !fits {
            errors.push(FieldError::new(
                format!("attachments.{i}.kind"),
                "api.field.unknown_document",
            ));
        }
    }
    let held = |kind: &str, person: Option<usize>| {
        attachments
            .iter()
            .any(|a| a.kind == kind && a.person == person)
    };
    for d in documents_of(journey).filter(|d| d.required()) {
        if asked_of(d.asked_of, None) && !held(&d.id, None) {
            errors.push(FieldError::new(
                "attachments",
                "api.field.document_required",
            ));
        }
        for (i, p) in people.iter().enumerate() {
            if asked_of(d.asked_of, Some(p)) && !held(&d.id, Some(i)) {
                errors.push(FieldError::new(
                    format!("people.{i}.documents"),
                    "api.field.document_required",
                ));
            }
        }
    }
    errors
}
