//! Documents (`data/documents.toml`): which ones each journey asks for, each resting on a rule
//! whose confidence says whether it is required, and what an uploaded file must be: a PDF, PNG
//! or JPEG by its content (never its name), not empty, within a size each and in all
//! (rule `documents.file`). The browser, the mock and the reference server check with these.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::decision::{Citation, Confidence};
use super::params::{parse, rules};
use crate::json::{self, FromJson, Json, Members, ReadError};

/// A file's type, read from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
}

impl FileType {
    /// The media type the service answers with and sends the file back as.
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
        }
    }
}

impl FromJson for FileType {
    fn from_json(value: &Json) -> Result<FileType, ReadError> {
        json::one_of(
            value,
            &[
                ("pdf", FileType::Pdf),
                ("png", FileType::Png),
                ("jpeg", FileType::Jpeg),
            ],
        )
    }
}

/// The type of a file by its first bytes (at least the first 8); `None` for any other content.
pub fn sniff(head: &[u8]) -> Option<FileType> {
    const MAGIC: [(&[u8], FileType); 3] = [
        (b"%PDF-", FileType::Pdf),
        (b"\x89PNG\r\n\x1a\n", FileType::Png),
        (b"\xff\xd8\xff", FileType::Jpeg),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, t)| *t)
}

/// Who a document is asked of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum For {
    /// One for the whole submission.
    Submission,
    /// Each person invited, the employee or trainee and each family member.
    Person,
    Dependant,
    SpouseOrChild,
}

impl FromJson for For {
    fn from_json(value: &Json) -> Result<For, ReadError> {
        json::one_of(
            value,
            &[
                ("submission", For::Submission),
                ("person", For::Person),
                ("dependant", For::Dependant),
                ("spouse_or_child", For::SpouseOrChild),
            ],
        )
    }
}

/// One document a journey asks for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentKind {
    pub id: String,
    pub journey: String,
    #[serde(rename = "for")]
    pub asked_of: For,
    pub rule_id: String,
}

impl FromJson for DocumentKind {
    fn from_json(value: &Json) -> Result<DocumentKind, ReadError> {
        let members = Members::of(value)?;
        Ok(DocumentKind {
            id: members.required("id")?,
            journey: members.required("journey")?,
            asked_of: members.required("for")?,
            rule_id: members.required("rule_id")?,
        })
    }
}

impl DocumentKind {
    /// Required when its rule is the Law's or confirmed; optional, and said to be, otherwise.
    pub fn required(&self) -> bool {
        let rule = rules().iter().find(|r| r.id == self.rule_id);
        rule.is_some_and(|r| matches!(r.confidence, Confidence::Law | Confidence::Confirmed))
    }

    /// The message key of its name.
    pub fn label(&self) -> String {
        format!("documents.{}", self.id)
    }
}

/// What any uploaded file must be.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileLimits {
    pub label: String,
    pub citation: Citation,
    pub confidence: Confidence,
    pub max_file_bytes: u64,
    pub max_submission_bytes: u64,
    pub types: Vec<FileType>,
}

impl FromJson for FileLimits {
    fn from_json(value: &Json) -> Result<FileLimits, ReadError> {
        let members = Members::of(value)?;
        Ok(FileLimits {
            label: members.required("label")?,
            citation: members.required("citation")?,
            confidence: members.required("confidence")?,
            max_file_bytes: members.required("max_file_bytes")?,
            max_submission_bytes: members.required("max_submission_bytes")?,
            types: members.required("types")?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentData {
    pub limits: FileLimits,
    pub documents: Vec<DocumentKind>,
}

impl FromJson for DocumentData {
    fn from_json(value: &Json) -> Result<DocumentData, ReadError> {
        let members = Members::of(value)?;
        Ok(DocumentData {
            limits: members.required("limits")?,
            documents: members.required("documents")?,
        })
    }
}

pub fn document_data() -> &'static DocumentData {
    static DATA: OnceLock<DocumentData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "documents",
            include_str!(concat!(env!("OUT_DIR"), "/data/documents.json")),
        )
    })
}

/// The documents `journey` asks for, in the data's order.
pub fn documents_of(journey: &str) -> impl Iterator<Item = &'static DocumentKind> {
    document_data()
        .documents
        .iter()
        .filter(move |d| d.journey == journey)
}

/// Why a file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    /// Larger than the limit for one file, in bytes.
    TooLarge(u64),
    /// Neither PDF, PNG nor JPEG by its content.
    NotAllowed,
    /// It would take the submission's files beyond their limit, in bytes.
    SubmissionTooLarge(u64),
}

impl FileProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            FileProblem::Empty => "documents.problem.empty",
            FileProblem::TooLarge(_) => "documents.problem.too_large",
            FileProblem::NotAllowed => "documents.problem.type",
            FileProblem::SubmissionTooLarge(_) => "documents.problem.total",
        }
    }

    /// The limit it names, in whole megabytes.
    pub fn values(self) -> Vec<(String, String)> {
        match self {
            FileProblem::TooLarge(max) | FileProblem::SubmissionTooLarge(max) => {
                vec![("max".into(), format!("{} MB", max / (1024 * 1024)))]
            }
            _ => Vec::new(),
        }
    }
}

/// A file of `size` bytes beginning with `head`, added to files of `already` bytes in the same
/// submission: its type, or why it is refused (rule `documents.file`).
pub fn check_file(head: &[u8], size: u64, already: u64) -> Result<FileType, FileProblem> {
    let limits = &document_data().limits;
    if size == 0 {
        return Err(FileProblem::Empty);
    }
    if size > limits.max_file_bytes {
        return Err(FileProblem::TooLarge(limits.max_file_bytes));
    }
    let kind = sniff(head)
        .filter(|t| limits.types.contains(t))
        .ok_or(FileProblem::NotAllowed)?;
    if already.saturating_add(size) > limits.max_submission_bytes {
        return Err(FileProblem::SubmissionTooLarge(limits.max_submission_bytes));
    }
    Ok(kind)
}
