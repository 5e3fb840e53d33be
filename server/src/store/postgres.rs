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

use super::{NewSubmission, Outcome, Record, StoreError, kind_name, record};

/// The migrations in order; `schema_migrations` holds the number of each one applied.
const MIGRATIONS: [&str; 1] = [include_str!(
    "../../migrations/postgres/0001_submissions.sql"
)];
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
        let client = self.pool.get().await?;
        if !s.refused.is_empty() {
            return Ok(remembered(&client, &s)
                .await?
                .unwrap_or(Outcome::Refused(s.refused)));
        }
        loop {
            let number = getrandom::u64().map_err(|e| StoreError(e.to_string()))?;
            let reference = Reference::new(s.today.year(), s.kind, number);
            let inserted = client
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
            return match inserted {
                Ok(Some(_)) => Ok(Outcome::Created(Record {
                    reference,
                    kind: s.kind,
                    submitted_on: s.today,
                    second_factor: s.second_factor,
                })),
                Ok(None) => remembered(&client, &s)
                    .await?
                    .ok_or_else(|| StoreError("the key's record is gone".into())),
                // The reference is taken (the key is not): draw another.
                Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => continue,
                Err(e) => Err(e.into()),
            };
        }
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
