//! The durable store, one seam over two engines: SQLite (one embedded file, one instance) and
//! PostgreSQL (any number of instances on one database). `--db` chooses: a `postgres://`
//! address or a file path. Both apply the same idempotency rule and keep their migrations in
//! `server/migrations/<engine>/`, applied in order when the store opens.

mod postgres;
mod sqlite;

use astana_hub_portal::api::{FieldError, Kind, Reference};
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
