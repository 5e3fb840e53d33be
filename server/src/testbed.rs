//! What the tests and the load benchmark share: a throwaway PostgreSQL cluster (`initdb` into
//! a temporary folder, `pg_ctl` on a free loopback port), and the count of stored submissions
//! in either engine, and of stored documents.
//!
//! A guard process stops the cluster and deletes its folder as soon as the process that
//! started it ends, however it ends (a panic, `exit`, a kill): it waits for the end of a pipe
//! that only the starting process holds open.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::store::is_postgres;

pub struct Cluster {
    port: u16,
    /// Closed when the cluster is dropped or this process ends: the guard then stops it.
    _guard: ChildStdin,
}

/// Run by the guard: wait for the pipe to close, then stop the cluster and delete it.
const GUARD: &str = r#"trap '' INT TERM HUP
read -r _
"$@" -D "$DIR/data" stop -m immediate >/dev/null 2>&1
rm -rf "$DIR""#;

impl Cluster {
    /// A new cluster. `durable`: every commit synced as in production (the benchmark's
    /// figures); otherwise nothing is synced, which the tests do not need.
    pub fn start(durable: bool) -> Result<Cluster, String> {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let bin = bin_dir()?;
        let dir = std::env::temp_dir().join(format!(
            "astana-hub-pg-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        // PostgreSQL refuses to run as root: as root, it runs as nobody.
        let as_user: Vec<String> = if is_root()? {
            run(Command::new("chown").args(["nobody:nogroup"]).arg(&dir))?;
            [
                "setpriv",
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
            ]
            .map(String::from)
            .to_vec()
        } else {
            Vec::new()
        };
        let argv = |program: &str| {
            let mut all = as_user.clone();
            all.push(bin.join(program).display().to_string());
            all
        };
        let command = |program: &str| {
            let all = argv(program);
            let mut c = Command::new(&all[0]);
            c.args(&all[1..]);
            c
        };
        let guard = Command::new("sh")
            .args(["-c", GUARD, "guard"])
            .args(argv("pg_ctl"))
            .env("DIR", &dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the cluster's guard: {e}"))?
            .stdin
            .ok_or("the guard has no stdin")?;

        let data = dir.join("data");
        run(command("initdb")
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "--auth=trust", "-E", "UTF8"])
            .args(["--locale=C", "--no-sync", "--no-instructions"]))?;
        let sync = if durable {
            ""
        } else {
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        };
        // A port found free may be taken before the server binds it: try another.
        let mut failure = String::new();
        for _ in 0..3 {
            let port = free_port()?;
            let options = format!(
                "-p {port} -c listen_addresses=127.0.0.1 -k {} -c max_connections=200{sync}",
                dir.display()
            );
            let started = run(command("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(dir.join("postgres.log"))
                .args(["-w", "-t", "60", "-o", &options, "start"]));
            match started {
                Ok(()) => {
                    return Ok(Cluster {
                        port,
                        _guard: guard,
                    });
                }
                Err(e) => failure = e + &log_tail(&dir.join("postgres.log")),
            }
        }
        Err(failure)
    }

    /// The cluster this process shares among its tests, started on first use.
    pub fn shared() -> &'static Cluster {
        static SHARED: OnceLock<Result<Cluster, String>> = OnceLock::new();
        match SHARED.get_or_init(|| Cluster::start(false)) {
            Ok(cluster) => cluster,
            Err(e) => panic!("no PostgreSQL cluster for the tests: {e}"),
        }
    }

    /// A new empty database named after `name`; its address.
    pub fn database(&self, name: &str) -> Result<String, String> {
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let name: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let name = format!("{name}_{}", MADE.fetch_add(1, Ordering::SeqCst));
        self.admin(format!("CREATE DATABASE \"{name}\""))?;
        Ok(self.address(&name))
    }

    /// Drops the database at `address`, closing its connections: its servers lose it.
    pub fn drop_database(&self, address: &str) -> Result<(), String> {
        let name = address.rsplit('/').next().unwrap_or_default();
        self.admin(format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
    }

    fn admin(&self, sql: String) -> Result<(), String> {
        let admin = self.address("postgres");
        block_on(async move {
            let (client, connection) = tokio_postgres::connect(&admin, tokio_postgres::NoTls)
                .await
                .map_err(|e| e.to_string())?;
            tokio::spawn(connection);
            client.batch_execute(&sql).await.map_err(|e| e.to_string())
        })
    }

    fn address(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }
}

/// Rows in the `submissions` table of `db`, a SQLite file or a PostgreSQL address.
pub fn stored_submissions(db: &str) -> Result<i64, String> {
    count(db, "SELECT count(*) FROM submissions")
}

/// Rows in the `documents` table of `db`: all of them, or those a submission claimed.
pub fn stored_documents(db: &str, claimed_only: bool) -> Result<i64, String> {
    count(
        db,
        if claimed_only {
            "SELECT count(*) FROM documents WHERE claimed_by IS NOT NULL"
        } else {
            "SELECT count(*) FROM documents"
        },
    )
}

/// The number `sql` counts in `db`.
fn count(db: &str, sql: &'static str) -> Result<i64, String> {
    if !is_postgres(db) {
        let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
        return conn
            .query_row(sql, [], |r| r.get(0))
            .map_err(|e| e.to_string());
    }
    let db = db.to_owned();
    block_on(async move {
        let (client, connection) = tokio_postgres::connect(&db, tokio_postgres::NoTls)
            .await
            .map_err(|e| e.to_string())?;
        tokio::spawn(connection);
        let row = client.query_one(sql, &[]).await;
        row.map(|r| r.get(0)).map_err(|e| e.to_string())
    })
}

fn block_on<T>(work: impl Future<Output = Result<T, String>>) -> Result<T, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(work)
}

/// The folder of `initdb` and `pg_ctl`: on the PATH, or where Debian's package puts them
/// (`/usr/lib/postgresql/<version>/bin`, the newest version).
fn bin_dir() -> Result<PathBuf, String> {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .collect();
    debian.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
    on_path
        .into_iter()
        .chain(debian.into_iter().map(|(_, dir)| dir))
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
        .ok_or_else(|| {
            "PostgreSQL's initdb and pg_ctl are not installed (neither on the PATH nor in \
             /usr/lib/postgresql/*/bin): run .ci/setup, which installs them"
                .to_owned()
        })
}

fn is_root() -> Result<bool, String> {
    let out = Command::new("id")
        .arg("-u")
        .output()
        .map_err(|e| format!("id -u: {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim() == "0")
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Runs a command to its end; its output in the error if it fails.
fn run(command: &mut Command) -> Result<(), String> {
    let out = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{:?}: {e}", command.get_program()))?;
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "{:?} failed: {}{}",
        command.get_program(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

fn log_tail(log: &Path) -> String {
    let mut text = String::new();
    let _ = std::fs::File::open(log).and_then(|mut f| f.read_to_string(&mut text));
    let lines: Vec<&str> = text.lines().rev().take(10).collect();
    lines.into_iter().rev().collect::<Vec<_>>().join("\n")
}
