//! Starts the real server binary on an ephemeral loopback port, on either engine, and the
//! bodies the tests send.
#![allow(dead_code)] // each test file uses a part of these helpers

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use astana_hub_server::client::{Answer, request};
use astana_hub_server::store::is_postgres;
use astana_hub_server::testbed::Cluster;
use serde_json::{Value, json};

pub struct Server {
    child: Child,
    pub addr: String,
    pub log: PathBuf,
}

impl Server {
    /// A server on `db` whose "today" is `today`, with one allowed browser origin, and
    /// status lookups limited far above what the tests make.
    pub fn start(db: &str, today: &str) -> Server {
        Server::start_with(db, today, &["--status-per-client", "100000"])
    }

    /// A server with more flags.
    pub fn start_with(db: &str, today: &str, flags: &[&str]) -> Server {
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let log = test_dir().join(format!("server-{}-{n}.log", std::process::id()));
        // Shown with a failing test's output: which engine it failed on.
        eprintln!(
            "server on {}",
            if is_postgres(db) {
                "PostgreSQL"
            } else {
                "SQLite"
            }
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_astana-hub-server"))
            .args(["--port", "0", "--today", today])
            .args(["--allow-origin", "http://127.0.0.1:8080"])
            .args(["--db", db])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("the server binary starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the server prints its address");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        Server { child, addr, log }
    }

    /// Ends the process at once, as a crash or `kill -9` would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Asks the process to stop (SIGTERM), as an orchestrator does.
    pub fn terminate(&self) {
        let stopped = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(stopped.success());
    }

    /// Waits for the process to end; whether it ended well.
    pub fn wait(mut self) -> bool {
        self.child.wait().expect("the server ends").success()
    }

    pub fn get(&self, path: &str) -> Answer {
        self.send("GET", path, &[], b"")
    }

    pub fn post(&self, path: &str, key: Option<&str>, body: &Value) -> Answer {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(key) = key {
            headers.push(("Idempotency-Key", key));
        }
        self.send("POST", path, &headers, body.to_string().as_bytes())
    }

    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        request(
            &self.addr,
            method,
            path,
            headers,
            body,
            Duration::from_secs(10),
        )
        .expect("the server answers")
    }

    pub fn status(&self, reference: &str, second_factor: &str) -> Answer {
        let query = json!({"reference": reference, "second_factor": second_factor});
        self.post("/v1/status", None, &versioned(query))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn test_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("server-tests");
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir
}

/// A fresh database for one test on each engine: a SQLite file, and a database in this test
/// binary's PostgreSQL cluster (started on first use, stopped when the binary ends).
pub fn databases(name: &str) -> [String; 2] {
    let db = test_dir().join(format!("{name}.sqlite3"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let postgres = Cluster::shared()
        .database(name)
        .unwrap_or_else(|e| panic!("{e}"));
    [db.display().to_string(), postgres]
}

/// An idempotency key of the contract's minimum length, named after `name`.
pub fn key(name: &str) -> String {
    format!("{name:0>16}")
}

pub fn versioned(data: Value) -> Value {
    json!({"schema_version": 1, "data": data})
}

/// Requests to an address that is not a [`Server`] of this test (another instance's).
pub struct Target(pub String);

impl Target {
    pub fn post(&self, path: &str, key: Option<&str>, body: &Value) -> Answer {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(key) = key {
            headers.push(("Idempotency-Key", key));
        }
        request(
            &self.0,
            "POST",
            path,
            &headers,
            body.to_string().as_bytes(),
            Duration::from_secs(10),
        )
        .expect("the server answers")
    }
}
