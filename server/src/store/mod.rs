//! The durable store, one seam over two engines: SQLite (one embedded file, one instance) and
//! PostgreSQL (any number of instances on one database). `--db` chooses: a `postgres://`
//! address or a file path. Both apply the same idempotency rule and keep their migrations in
//! `server/migrations/<engine>/`, applied in order when the store opens.

mod postgres;
mod sqlite;

use astana_hub_portal::api::{DocumentReceipt, FieldError, Kind, Reference};
use astana_hub_portal::domain::documents::FileType;
use chrono::NaiveDate;

/// A submission as the store keeps it, without its body.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub reference: Reference,
    pub kind: Kind,
    pub submitted_on: NaiveDate,
    /// Normalised BIN or email.
    pub second_factor: String,
}

/// A submission to decide: the checks already made, the store applies the idempotency rule.
#[derive(Clone, Debug)]
pub struct NewSubmission {
    pub kind: Kind,
    pub idempotency_key: String,
    pub fingerprint: String,
    /// The fields the checks refused; refused only when the key is new.
    pub refused: Vec<FieldError>,
    pub second_factor: String,
    /// The canonical JSON of the submission's data.
    pub body: String,
    pub today: NaiveDate,
    /// The documents the submission names: each must be held, unclaimed, with this size and
    /// hash, else it is refused at `attachments.<i>.id`. Claimed by the new record.
    pub attachments: Vec<Named>,
    /// Refused after the attachments the store does not hold (the required documents missing).
    pub missing: Vec<FieldError>,
    /// Documents created before this day and never claimed are gone.
    pub expired_before: NaiveDate,
}

/// A document a submission names: its id, size and SHA-256 (lowercase hexadecimal).
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub id: String,
    pub size: u64,
    pub sha256: String,
}

/// An upload to keep, already checked.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub idempotency_key: String,
    pub sha256: String,
    pub size: u64,
    pub file_type: FileType,
    pub bytes: Vec<u8>,
    pub today: NaiveDate,
    /// Documents created before this day and never claimed are deleted first.
    pub expired_before: NaiveDate,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Upload {
    Created(DocumentReceipt),
    /// The key made this document, with the same bytes.
    Replayed(DocumentReceipt),
    /// The key made a document of other bytes.
    Conflict,
}

/// A document's bytes and type, to send back.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDocument {
    pub file_type: FileType,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Created(Record),
    Replayed(Record),
    /// The key made this record, with another body or for another kind.
    Conflict(Reference),
    Refused(Vec<FieldError>),
}

/// The store failed; the details stay in the server's log.
#[derive(Debug)]
pub struct StoreError(pub String);

/// Which engine an address names: PostgreSQL by its URL scheme, else a SQLite file.
pub fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A handle on the store; cheap to clone.
#[derive(Clone)]
pub enum Store {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

impl Store {
    /// Opens the database `db` names, bringing its layout up to date.
    pub async fn open(db: &str, pool_size: usize) -> Result<Store, StoreError> {
        if is_postgres(db) {
            postgres::Postgres::connect(db, pool_size)
                .await
                .map(Store::Postgres)
        } else {
            sqlite::Sqlite::open(std::path::Path::new(db)).map(Store::Sqlite)
        }
    }

    pub async fn submit(&self, submission: NewSubmission) -> Result<Outcome, StoreError> {
        match self {
            Store::Sqlite(s) => s.submit(submission).await,
            Store::Postgres(p) => p.submit(submission).await,
        }
    }

    pub async fn find(&self, reference: Reference) -> Result<Option<Record>, StoreError> {
        match self {
            Store::Sqlite(s) => s.find(reference).await,
            Store::Postgres(p) => p.find(&reference).await,
        }
    }

    pub async fn upload(&self, document: NewDocument) -> Result<Upload, StoreError> {
        match self {
            Store::Sqlite(s) => s.upload(document).await,
            Store::Postgres(p) => p.upload(document).await,
        }
    }

    /// The document `id`, unless it is unknown, or never claimed and created before
    /// `expired_before`.
    pub async fn document(
        &self,
        id: &str,
        expired_before: NaiveDate,
    ) -> Result<Option<StoredDocument>, StoreError> {
        match self {
            Store::Sqlite(s) => s.document(id.to_owned(), expired_before).await,
            Store::Postgres(p) => p.document(id, expired_before).await,
        }
    }

    /// Whether the database answers: what readiness reports.
    pub async fn ready(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(s) => s.ready().await,
            Store::Postgres(p) => p.ready().await,
        }
    }
}

fn record(
    reference: &str,
    kind: &str,
    submitted_on: &str,
    second_factor: String,
) -> Result<Record, StoreError> {
    let unreadable = || StoreError("a stored row is unreadable".into());
    Ok(Record {
        reference: Reference::parse(reference).map_err(|_| unreadable())?,
        kind: Kind::ALL
            .into_iter()
            .find(|k| kind_name(*k) == kind)
            .ok_or_else(unreadable)?,
        submitted_on: submitted_on.parse().map_err(|_| unreadable())?,
        second_factor,
    })
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Application => "application",
        Kind::Enrolment => "enrolment",
        Kind::Invitation => "invitation",
        Kind::ListRequest => "list_request",
    }
}

/// A new document id: `doc_` and 32 lowercase hexadecimal digits from the system's secure
/// random source.
fn fresh_document_id() -> Result<String, StoreError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| StoreError(e.to_string()))?;
    Ok(format!("doc_{}", hex(&bytes)))
}

/// Lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn type_name(file_type: FileType) -> &'static str {
    match file_type {
        FileType::Pdf => "pdf",
        FileType::Png => "png",
        FileType::Jpeg => "jpeg",
    }
}

fn file_type(name: &str) -> Result<FileType, StoreError> {
    [FileType::Pdf, FileType::Png, FileType::Jpeg]
        .into_iter()
        .find(|t| type_name(*t) == name)
        .ok_or_else(|| StoreError("a stored document's type is unreadable".into()))
}

/// The receipt of a stored document.
fn receipt(
    id: String,
    size: i64,
    kind: &str,
    sha256: String,
) -> Result<DocumentReceipt, StoreError> {
    Ok(DocumentReceipt {
        id,
        size: u64::try_from(size).map_err(|_| StoreError("a stored size is negative".into()))?,
        file_type: file_type(kind)?,
        sha256,
    })
}

/// What the key's earlier upload means for this one.
fn replayed(previous: DocumentReceipt, d: &NewDocument) -> Upload {
    if previous.sha256 == d.sha256 && previous.size == d.size {
        Upload::Replayed(previous)
    } else {
        Upload::Conflict
    }
}

/// Whether a stored document fits what a submission names: the same size and hash, unclaimed.
fn fits(named: &Named, size: i64, sha256: &str, claimed: bool) -> bool {
    !claimed && u64::try_from(size) == Ok(named.size) && sha256.eq_ignore_ascii_case(&named.sha256)
}

fn unknown_document(i: usize) -> FieldError {
    FieldError::new(format!("attachments.{i}.id"), "api.field.unknown_document")
}
