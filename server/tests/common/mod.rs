//! Starts the real server binary on an ephemeral loopback port, and the bodies the tests send.
#![allow(dead_code)] // each test file uses a part of these helpers

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use astana_hub_server::client::{Answer, request};
use serde_json::{Value, json};

pub struct Server {
    child: Child,
    pub addr: String,
    pub log: PathBuf,
}

impl Server {
    /// A server on `db` whose "today" is `today`, with one allowed browser origin.
    pub fn start(db: &Path, today: &str) -> Server {
        let log = db.with_extension(format!("{today}.log"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_astana-hub-server"))
            .args(["--port", "0", "--today", today])
            .args(["--allow-origin", "http://127.0.0.1:8080"])
            .arg("--db")
            .arg(db)
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

/// A fresh database path for one test.
pub fn fresh_db(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("server-tests");
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let db = dir.join(format!("{name}.sqlite3"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    db
}

/// An idempotency key of the contract's minimum length, named after `name`.
pub fn key(name: &str) -> String {
    format!("{name:0>16}")
}

pub fn versioned(data: Value) -> Value {
    json!({"schema_version": 1, "data": data})
}
