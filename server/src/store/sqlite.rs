//! SQLite: one file in WAL mode, written by one thread.
//!
//! Every request goes to that thread through a channel. It takes what is waiting (up to
//! [`BATCH`] jobs), runs them in one transaction, commits with a full sync, and only then
//! answers each: a submission is acknowledged once it is on disk, and many submissions share
//! one sync under load (group commit). One writer also makes the idempotency rule race-free:
//! two attempts with the same key are decided one after the other.

use std::path::Path;
use std::sync::mpsc;
use std::thread;

use astana_hub_portal::api::{Kind, Reference, Replay, replay};
use chrono::Datelike;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use tokio::sync::oneshot;

use super::{
    NewDocument, NewSubmission, Outcome, Record, StoreError, StoredDocument, Upload, file_type,
    fits, fresh_document_id, kind_name, receipt, record, replayed, type_name, unknown_document,
};
use chrono::NaiveDate;

/// The most jobs decided in one transaction.
const BATCH: usize = 256;
/// The migrations in order; the file's `PRAGMA user_version` counts those applied.
const MIGRATIONS: [&str; 2] = [
    include_str!("../../migrations/sqlite/0001_submissions.sql"),
    include_str!("../../migrations/sqlite/0002_documents.sql"),
];

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError(e.to_string())
    }
}

enum Job {
    Submit(NewSubmission, oneshot::Sender<Result<Outcome, StoreError>>),
    Find(
        Reference,
        oneshot::Sender<Result<Option<Record>, StoreError>>,
    ),
    Ready(oneshot::Sender<Result<(), StoreError>>),
    Upload(NewDocument, oneshot::Sender<Result<Upload, StoreError>>),
    Document(
        String,
        NaiveDate,
        oneshot::Sender<Result<Option<StoredDocument>, StoreError>>,
    ),
}

/// A handle on the writer thread; cheap to clone.
#[derive(Clone)]
pub struct Sqlite {
    jobs: mpsc::Sender<Job>,
}

impl Sqlite {
    /// Opens (or creates) the database and starts the writer thread.
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        let conn = open_connection(path)?;
        let (jobs, queue) = mpsc::channel();
        thread::Builder::new()
            .name("store-writer".into())
            .spawn(move || run(conn, queue))
            .map_err(|e| StoreError(e.to_string()))?;
        Ok(Sqlite { jobs })
    }

    pub async fn submit(&self, submission: NewSubmission) -> Result<Outcome, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Submit(submission, reply))?;
        answer.await.map_err(|_| stopped())?
    }

    pub async fn find(&self, reference: Reference) -> Result<Option<Record>, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Find(reference, reply))?;
        answer.await.map_err(|_| stopped())?
    }

    pub async fn upload(&self, document: NewDocument) -> Result<Upload, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Upload(document, reply))?;
        answer.await.map_err(|_| stopped())?
    }

    pub async fn document(
        &self,
        id: String,
        expired_before: NaiveDate,
    ) -> Result<Option<StoredDocument>, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Document(id, expired_before, reply))?;
        answer.await.map_err(|_| stopped())?
    }

    /// The writer commits a transaction: the file is writable.
    pub async fn ready(&self) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Ready(reply))?;
        answer.await.map_err(|_| stopped())?
    }

    fn send(&self, job: Job) -> Result<(), StoreError> {
        self.jobs.send(job).map_err(|_| stopped())
    }
}

fn stopped() -> StoreError {
    StoreError("the store's writer stopped".into())
}

fn open_connection(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError(format!("journal mode {mode} instead of WAL")));
    }
    // FULL: a commit is synced before it is acknowledged, so it survives a power cut too.
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")?;
    let applied: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if applied > MIGRATIONS.len() {
        return Err(StoreError(format!(
            "database layout {applied} is not known to this server (expects {})",
            MIGRATIONS.len()
        )));
    }
    for (done, migration) in MIGRATIONS.iter().enumerate().skip(applied) {
        conn.execute_batch(&format!(
            "BEGIN; {migration} PRAGMA user_version = {}; COMMIT;",
            done + 1
        ))?;
    }
    Ok(conn)
}
fn run(mut conn: Connection, queue: mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        decide_batch(&mut conn, batch);
    }
}

/// Decides every job in one transaction and answers them after the commit.
fn decide_batch(conn: &mut Connection, batch: Vec<Job>) {
    let tx = match conn.transaction() {
        Ok(tx) => tx,
        Err(e) => return fail_all(batch, &e.to_string()),
    };
    let mut answers = Vec::with_capacity(batch.len());
    for job in batch {
        match job {
            Job::Submit(s, reply) => {
                let outcome = decide(&tx, &s);
                answers.push(Answer::Submit(outcome, reply));
            }
            Job::Find(r, reply) => answers.push(Answer::Find(find(&tx, &r), reply)),
            Job::Ready(reply) => answers.push(Answer::Ready(reply)),
            Job::Upload(d, reply) => answers.push(Answer::Upload(upload(&tx, &d), reply)),
            Job::Document(id, expired_before, reply) => {
                answers.push(Answer::Document(document(&tx, &id, expired_before), reply))
            }
        }
    }
    if let Err(e) = tx.commit() {
        let message = e.to_string();
        for answer in answers {
            answer.fail(&message);
        }
        return;
    }
    for answer in answers {
        answer.send();
    }
}

enum Answer {
    Submit(
        Result<Outcome, StoreError>,
        oneshot::Sender<Result<Outcome, StoreError>>,
    ),
    Find(
        Result<Option<Record>, StoreError>,
        oneshot::Sender<Result<Option<Record>, StoreError>>,
    ),
    Ready(oneshot::Sender<Result<(), StoreError>>),
    Upload(
        Result<Upload, StoreError>,
        oneshot::Sender<Result<Upload, StoreError>>,
    ),
    Document(
        Result<Option<StoredDocument>, StoreError>,
        oneshot::Sender<Result<Option<StoredDocument>, StoreError>>,
    ),
}

impl Answer {
    // A requester that went away (its client hung up) needs no answer.
    fn send(self) {
        match self {
            Answer::Submit(result, reply) => drop(reply.send(result)),
            Answer::Find(result, reply) => drop(reply.send(result)),
            Answer::Ready(reply) => drop(reply.send(Ok(()))),
            Answer::Upload(result, reply) => drop(reply.send(result)),
            Answer::Document(result, reply) => drop(reply.send(result)),
        }
    }

    fn fail(self, message: &str) {
        match self {
            Answer::Submit(_, reply) => drop(reply.send(Err(StoreError(message.into())))),
            Answer::Find(_, reply) => drop(reply.send(Err(StoreError(message.into())))),
            Answer::Ready(reply) => drop(reply.send(Err(StoreError(message.into())))),
            Answer::Upload(_, reply) => drop(reply.send(Err(StoreError(message.into())))),
            Answer::Document(_, reply) => drop(reply.send(Err(StoreError(message.into())))),
        }
    }
}

fn fail_all(batch: Vec<Job>, message: &str) {
    for job in batch {
        match job {
            Job::Submit(_, reply) => drop(reply.send(Err(StoreError(message.into())))),
            Job::Find(_, reply) => drop(reply.send(Err(StoreError(message.into())))),
            Job::Ready(reply) => drop(reply.send(Err(StoreError(message.into())))),
            Job::Upload(_, reply) => drop(reply.send(Err(StoreError(message.into())))),
            Job::Document(_, _, reply) => drop(reply.send(Err(StoreError(message.into())))),
        }
    }
}

/// The idempotency rule of the contract, then the checks, then a new record.
fn decide(tx: &Transaction, s: &NewSubmission) -> Result<Outcome, StoreError> {
    let remembered: Option<(String, String, String, String)> = tx
        .query_row(
            "SELECT fingerprint, reference, kind, submitted_on
               FROM submissions WHERE idempotency_key = ?1",
            params![s.idempotency_key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let remembered = match remembered {
        Some((fingerprint, reference, kind, submitted_on)) => Some((
            fingerprint,
            record(&reference, &kind, &submitted_on, String::new())?,
        )),
        None => None,
    };
    let previous = remembered.as_ref().map(|(f, r)| (f.as_str(), r));
    match replay(previous, &s.fingerprint) {
        Replay::Same(r) if r.kind == s.kind => return Ok(Outcome::Replayed(r)),
        Replay::Same(r) | Replay::Conflict(r) => return Ok(Outcome::Conflict(r.reference)),
        Replay::New => {}
    }
    let mut refused = s.refused.clone();
    for (i, named) in s.attachments.iter().enumerate() {
        let held: Option<(i64, String, bool)> = tx
            .query_row(
                "SELECT size, sha256, claimed_by IS NOT NULL FROM documents
                  WHERE id = ?1 AND (claimed_by IS NOT NULL OR created_on >= ?2)",
                params![named.id, s.expired_before.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if !held.is_some_and(|(size, sha256, claimed)| fits(named, size, &sha256, claimed)) {
            refused.push(unknown_document(i));
        }
    }
    refused.extend(s.missing.iter().cloned());
    if !refused.is_empty() {
        return Ok(Outcome::Refused(refused));
    }
    let reference = fresh_reference(tx, s.today.year(), s.kind)?;
    tx.execute(
        "INSERT INTO submissions
            (reference, kind, submitted_on, second_factor, idempotency_key, fingerprint, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            reference.as_str(),
            kind_name(s.kind),
            s.today.to_string(),
            s.second_factor,
            s.idempotency_key,
            s.fingerprint,
            s.body,
        ],
    )?;
    for named in &s.attachments {
        tx.execute(
            "UPDATE documents SET claimed_by = ?1 WHERE id = ?2",
            params![reference.as_str(), named.id],
        )?;
    }
    Ok(Outcome::Created(Record {
        reference,
        kind: s.kind,
        submitted_on: s.today,
        second_factor: s.second_factor.clone(),
    }))
}

/// A random serial not yet used: references are not guessable in sequence.
fn fresh_reference(tx: &Transaction, year: i32, kind: Kind) -> Result<Reference, StoreError> {
    loop {
        let number: i64 = tx.query_row("SELECT random()", [], |r| r.get(0))?;
        let candidate = Reference::new(year, kind, number.unsigned_abs());
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM submissions WHERE reference = ?1)",
            params![candidate.as_str()],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(candidate);
        }
    }
}

fn find(tx: &Transaction, reference: &Reference) -> Result<Option<Record>, StoreError> {
    let row: Option<(String, String, String)> = tx
        .query_row(
            "SELECT kind, submitted_on, second_factor FROM submissions WHERE reference = ?1",
            params![reference.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(kind, submitted_on, second_factor)| {
        record(reference.as_str(), &kind, &submitted_on, second_factor)
    })
    .transpose()
}

/// Deletes the documents expired unclaimed, then applies the upload's idempotency rule and
/// keeps the new document.
fn upload(tx: &Transaction, d: &NewDocument) -> Result<Upload, StoreError> {
    tx.execute(
        "DELETE FROM documents WHERE claimed_by IS NULL AND created_on < ?1",
        params![d.expired_before.to_string()],
    )?;
    let previous: Option<(String, i64, String, String)> = tx
        .query_row(
            "SELECT id, size, type, sha256 FROM documents WHERE idempotency_key = ?1",
            params![d.idempotency_key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((id, size, kind, sha256)) = previous {
        return Ok(replayed(receipt(id, size, &kind, sha256)?, d));
    }
    let id = fresh_document_id()?;
    let size = i64::try_from(d.size).map_err(|_| StoreError("a size beyond i64".into()))?;
    tx.execute(
        "INSERT INTO documents
            (id, idempotency_key, sha256, size, type, bytes, created_on, claimed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)",
        params![
            id,
            d.idempotency_key,
            d.sha256,
            size,
            type_name(d.file_type),
            d.bytes,
            d.today.to_string(),
        ],
    )?;
    Ok(Upload::Created(receipt(
        id,
        size,
        type_name(d.file_type),
        d.sha256.clone(),
    )?))
}

fn document(
    tx: &Transaction,
    id: &str,
    expired_before: NaiveDate,
) -> Result<Option<StoredDocument>, StoreError> {
    let row: Option<(String, Vec<u8>)> = tx
        .query_row(
            "SELECT type, bytes FROM documents
              WHERE id = ?1 AND (claimed_by IS NOT NULL OR created_on >= ?2)",
            params![id, expired_before.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(kind, bytes)| {
        Ok(StoredDocument {
            file_type: file_type(&kind)?,
            bytes,
        })
    })
    .transpose()
}
