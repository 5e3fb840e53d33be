//! PostgreSQL: any number of server instances on one database, with no coordination between
//! them beyond the database's own. A key makes one record because `idempotency_key` is unique
//! (`INSERT ... ON CONFLICT DO NOTHING`, then the record is read back: a second instance
//! inserting the same key at the same moment waits for the first and finds its record). A
//! reference names one record because it is the primary key: a random serial already taken
//! is drawn again. Each statement commits on its own, synced before it is acknowledged.

use astana_hub_portal::api::{Reference, Replay, replay};
use chrono::Datelike;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;
use tokio_postgres::error::SqlState;

use super::{
    NewDocument, NewSubmission, Outcome, Record, StoreError, StoredDocument, Upload, file_type,
    fits, fresh_document_id, kind_name, receipt, record, replayed, type_name, unknown_document,
};
use astana_hub_portal::api::FieldError;
use chrono::NaiveDate;

/// The migrations in order; `schema_migrations` holds the number of each one applied.
const MIGRATIONS: [&str; 2] = [
    include_str!("../../migrations/postgres/0001_submissions.sql"),
    include_str!("../../migrations/postgres/0002_documents.sql"),
];
/// Taken while migrating, so that instances starting together migrate one after the other.
const MIGRATION_LOCK: i64 = 0x4148_5f4d_4947;

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> StoreError {
        StoreError(e.to_string())
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(e: deadpool_postgres::PoolError) -> StoreError {
        StoreError(e.to_string())
    }
}

#[derive(Clone)]
pub struct Postgres {
    pool: Pool,
}

impl Postgres {
    /// Connects with at most `pool_size` connections and applies the missing migrations.
    pub async fn connect(url: &str, pool_size: usize) -> Result<Postgres, StoreError> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e: tokio_postgres::Error| StoreError(e.to_string()))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(pool_size.max(1))
            .build()
            .map_err(|e| StoreError(e.to_string()))?;
        let store = Postgres { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    integer PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now()
             )",
        )
        .await?;
        let applied: i32 = tx
            .query_one(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                &[],
            )
            .await?
            .get(0);
        let applied = usize::try_from(applied).unwrap_or(0);
        if applied > MIGRATIONS.len() {
            return Err(StoreError(format!(
                "database layout {applied} is not known to this server (expects {})",
                MIGRATIONS.len()
            )));
        }
        for (done, migration) in MIGRATIONS.iter().enumerate().skip(applied) {
            tx.batch_execute(migration).await?;
            let version = i32::try_from(done + 1).unwrap_or(i32::MAX);
            tx.execute(
                "INSERT INTO schema_migrations (version) VALUES ($1)",
                &[&version],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn submit(&self, s: NewSubmission) -> Result<Outcome, StoreError> {
        let mut client = self.pool.get().await?;
        // A key already used is answered by its record; only a new key is checked further.
        let checked = !s.refused.is_empty() || !s.attachments.is_empty() || !s.missing.is_empty();
        if checked && let Some(outcome) = remembered(&client, &s).await? {
            return Ok(outcome);
        }
        'decide: loop {
            if checked {
                let refused = refusals(&client, &s).await?;
                if !refused.is_empty() {
                    return Ok(Outcome::Refused(refused));
                }
            }
            let ids: Vec<String> = s.attachments.iter().map(|a| a.id.clone()).collect();
            loop {
                let number = getrandom::u64().map_err(|e| StoreError(e.to_string()))?;
                let reference = Reference::new(s.today.year(), s.kind, number);
                let tx = client.transaction().await?;
                let inserted = tx
                    .query_opt(
                        "INSERT INTO submissions
                            (reference, kind, submitted_on, second_factor, idempotency_key,
                             fingerprint, body)
                         VALUES ($1, $2, $3::text::date, $4, $5, $6, $7)
                         ON CONFLICT (idempotency_key) DO NOTHING
                         RETURNING reference",
                        &[
                            &reference.as_str(),
                            &kind_name(s.kind),
                            &s.today.to_string(),
                            &s.second_factor,
                            &s.idempotency_key,
                            &s.fingerprint,
                            &s.body,
                        ],
                    )
                    .await;
                match inserted {
                    Ok(Some(_)) => {}
                    Ok(None) => {
                        drop(tx);
                        return remembered(&client, &s)
                            .await?
                            .ok_or_else(|| StoreError("the key's record is gone".into()));
                    }
                    // The reference is taken (the key is not): draw another.
                    Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => continue,
                    Err(e) => return Err(e.into()),
                }
                if !ids.is_empty() {
                    // Another submission claimed one of them, or it expired, since the check:
                    // decide again, which refuses it.
                    let claimed = tx
                        .query_one(
                            "WITH claimed AS (
                                 UPDATE documents SET claimed_by = $1
                                  WHERE id = ANY($2) AND claimed_by IS NULL
                                    AND created_on >= $3::text::date
                                 RETURNING id)
                             SELECT count(*) FROM claimed",
                            &[&reference.as_str(), &ids, &s.expired_before.to_string()],
                        )
                        .await?
                        .get::<_, i64>(0);
                    let mut distinct = ids.clone();
                    distinct.sort();
                    distinct.dedup();
                    if usize::try_from(claimed).ok() != Some(distinct.len()) {
                        drop(tx);
                        continue 'decide;
                    }
                }
                tx.commit().await?;
                return Ok(Outcome::Created(Record {
                    reference,
                    kind: s.kind,
                    submitted_on: s.today,
                    second_factor: s.second_factor,
                }));
            }
        }
    }

    pub async fn upload(&self, d: NewDocument) -> Result<Upload, StoreError> {
        let client = self.pool.get().await?;
        client
            .execute(
                "DELETE FROM documents WHERE claimed_by IS NULL AND created_on < $1::text::date",
                &[&d.expired_before.to_string()],
            )
            .await?;
        let id = fresh_document_id()?;
        let size = i64::try_from(d.size).map_err(|_| StoreError("a size beyond i64".into()))?;
        let inserted = client
            .query_opt(
                "INSERT INTO documents
                    (id, idempotency_key, sha256, size, type, bytes, created_on)
                 VALUES ($1, $2, $3, $4, $5, $6, $7::text::date)
                 ON CONFLICT (idempotency_key) DO NOTHING
                 RETURNING id",
                &[
                    &id,
                    &d.idempotency_key,
                    &d.sha256,
                    &size,
                    &type_name(d.file_type),
                    &d.bytes,
                    &d.today.to_string(),
                ],
            )
            .await?;
        if inserted.is_some() {
            return Ok(Upload::Created(receipt(
                id,
                size,
                type_name(d.file_type),
                d.sha256.clone(),
            )?));
        }
        let row = client
            .query_one(
                "SELECT id, size, type, sha256 FROM documents WHERE idempotency_key = $1",
                &[&d.idempotency_key],
            )
            .await?;
        Ok(replayed(
            receipt(row.get(0), row.get(1), row.get(2), row.get(3))?,
            &d,
        ))
    }

    pub async fn document(
        &self,
        id: &str,
        expired_before: NaiveDate,
    ) -> Result<Option<StoredDocument>, StoreError> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt(
                "SELECT type, bytes FROM documents
                  WHERE id = $1 AND (claimed_by IS NOT NULL OR created_on >= $2::text::date)",
                &[&id, &expired_before.to_string()],
            )
            .await?;
        row.map(|r| {
            Ok(StoredDocument {
                file_type: file_type(r.get(0))?,
                bytes: r.get(1),
            })
        })
        .transpose()
    }

    pub async fn find(&self, reference: &Reference) -> Result<Option<Record>, StoreError> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt(
                "SELECT kind, submitted_on::text, second_factor
                   FROM submissions WHERE reference = $1",
                &[&reference.as_str()],
            )
            .await?;
        row.map(|r| record(reference.as_str(), r.get(0), r.get(1), r.get(2)))
            .transpose()
    }

    pub async fn ready(&self) -> Result<(), StoreError> {
        self.pool.get().await?.execute("SELECT 1", &[]).await?;
        Ok(())
    }
}

/// What the contract answers for a key already used, or `None` when the key is new.
async fn remembered(
    client: &tokio_postgres::Client,
    s: &NewSubmission,
) -> Result<Option<Outcome>, StoreError> {
    let row = client
        .query_opt(
            "SELECT fingerprint, reference, kind, submitted_on::text
               FROM submissions WHERE idempotency_key = $1",
            &[&s.idempotency_key],
        )
        .await?;
    let Some(row) = row else { return Ok(None) };
    let fingerprint: &str = row.get(0);
    let previous = record(row.get(1), row.get(2), row.get(3), String::new())?;
    Ok(
        match replay(Some((fingerprint, &previous)), &s.fingerprint) {
            Replay::Same(r) if r.kind == s.kind => Some(Outcome::Replayed(r)),
            Replay::Same(r) | Replay::Conflict(r) => Some(Outcome::Conflict(r.reference)),
            Replay::New => None,
        },
    )
}

/// The checks' refusals, then each named document not held (unclaimed, with its size and
/// hash), then the required documents missing.
async fn refusals(
    client: &tokio_postgres::Client,
    s: &NewSubmission,
) -> Result<Vec<FieldError>, StoreError> {
    let mut refused = s.refused.clone();
    for (i, named) in s.attachments.iter().enumerate() {
        let row = client
            .query_opt(
                "SELECT size, sha256, claimed_by IS NOT NULL FROM documents
                  WHERE id = $1 AND (claimed_by IS NOT NULL OR created_on >= $2::text::date)",
                &[&named.id, &s.expired_before.to_string()],
            )
            .await?;
        if !row.is_some_and(|r| fits(named, r.get(0), r.get(1), r.get(2))) {
            refused.push(unknown_document(i));
        }
    }
    refused.extend(s.missing.iter().cloned());
    Ok(refused)
}
