//! Load benchmark on loopback: submissions of the three kinds from concurrent clients, a share
//! of them deliberately sent twice with the same key and body, then counted back: every
//! acknowledged submission must be found (none lost) and stored once (none duplicated).
//! The second run kills the server (SIGKILL) halfway and starts it again on the same database;
//! clients retry with the same key until they are acknowledged.
//!
//! usage: load --server PATH [--dir DIR] [--count 5000] [--clients 50] [--retry-percent 10]
//!             [--time-limit-s 300]

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use astana_hub_server::client::request;
use astana_hub_server::samples::{BIN, TODAY, application, enrolment, invitation};
use serde_json::json;

struct Settings {
    server: PathBuf,
    dir: PathBuf,
    count: usize,
    clients: usize,
    retry_percent: usize,
    time_limit: Duration,
}

fn settings() -> Result<Settings, String> {
    let mut s = Settings {
        server: std::env::current_exe()
            .map_err(|e| e.to_string())?
            .with_file_name("astana-hub-server"),
        dir: std::env::temp_dir().join("astana-hub-load"),
        count: 5000,
        clients: 50,
        retry_percent: 10,
        time_limit: Duration::from_secs(300),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let [flag, value] = pair else {
            return Err(format!("{} needs a value", pair[0]));
        };
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{flag}: {value}"))
        };
        match flag.as_str() {
            "--server" => s.server = PathBuf::from(value),
            "--dir" => s.dir = PathBuf::from(value),
            "--count" => s.count = number()?,
            "--clients" => s.clients = number()?.max(1),
            "--retry-percent" => s.retry_percent = number()?.min(100),
            "--time-limit-s" => s.time_limit = Duration::from_secs(number()? as u64),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(s)
}

/// The server under test, on an ephemeral loopback port.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(binary: &Path, db: &Path) -> Result<Server, String> {
        let mut child = Command::new(binary)
            .args([
                "--addr",
                "127.0.0.1",
                "--port",
                "0",
                "--today",
                TODAY,
                "--quiet",
            ])
            .arg("--db")
            .arg(db)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let mut line = String::new();
        let stdout = child.stdout.take().ok_or("no stdout")?;
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .ok_or_else(|| format!("the server said {line:?}"))?
            .to_owned();
        Ok(Server { child, addr })
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Submission `i` of a run: its endpoint, key, body and second factor. Every body differs.
fn submission(run: &str, i: usize) -> (&'static str, String, String, String) {
    let tag = format!("{run} {i}");
    let (path, data, second_factor) = match i % 3 {
        0 => {
            let mut a = application();
            a["organisation"]["name"] = json!(format!("Load {tag} LLP"));
            ("/v1/applications", a, BIN.to_owned())
        }
        1 => {
            let mut e = enrolment();
            let email = format!("team.{run}.{i}@example.kz");
            e["applicant"]["contact_email"] = json!(email);
            ("/v1/enrolments", e, email)
        }
        _ => {
            let mut v = invitation();
            v["position"] = json!(format!("Engineer {tag}"));
            ("/v1/invitations", v, BIN.to_owned())
        }
    };
    let body = json!({"schema_version": 1, "data": data}).to_string();
    (path, format!("{run}-{i:010}"), body, second_factor)
}

/// What the clients saw.
#[derive(Default)]
struct Tally {
    /// Microseconds of every answered attempt.
    latencies: Vec<u64>,
    /// Attempts without an answer (the server was down) or with a 5xx, all retried.
    failed_attempts: usize,
    /// Deliberate retries answered with another reference than the first answer.
    split: usize,
    /// (reference, second factor) of each acknowledged submission.
    acknowledged: Vec<(String, String)>,
}

struct Shared {
    addr: Mutex<String>,
    acknowledged: AtomicUsize,
    deadline: Instant,
}

/// Sends until acknowledged (201 or 200); answers the reference.
fn send(shared: &Shared, tally: &mut Tally, path: &str, key: &str, body: &str) -> Option<String> {
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", key),
    ];
    while Instant::now() < shared.deadline {
        let addr = shared.addr.lock().map(|a| a.clone()).unwrap_or_default();
        let started = Instant::now();
        match request(
            &addr,
            "POST",
            path,
            &headers,
            body.as_bytes(),
            Duration::from_secs(10),
        ) {
            Ok(a) if a.status == 200 || a.status == 201 => {
                tally.latencies.push(started.elapsed().as_micros() as u64);
                return a.json()["data"]["reference"].as_str().map(str::to_owned);
            }
            Ok(a) if a.status < 500 => {
                eprintln!("{key}: refused with {}", a.status);
                return None;
            }
            _ => {
                tally.failed_attempts += 1;
                thread::sleep(Duration::from_millis(10));
            }
        }
    }
    None
}

fn client(shared: &Shared, run: &str, ids: Vec<usize>, retry_percent: usize) -> Tally {
    let mut tally = Tally::default();
    for i in ids {
        let (path, key, body, second_factor) = submission(run, i);
        let Some(reference) = send(shared, &mut tally, path, &key, &body) else {
            continue;
        };
        shared.acknowledged.fetch_add(1, Ordering::SeqCst);
        if i % 100 < retry_percent {
            let again = send(shared, &mut tally, path, &key, &body);
            if again.as_deref() != Some(reference.as_str()) {
                tally.split += 1;
            }
        }
        tally.acknowledged.push((reference, second_factor));
    }
    tally
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank] as f64 / 1000.0
}

/// Rows in the run's database, read from the file after the server stopped.
fn stored_rows(db: &Path) -> Result<usize, String> {
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    conn.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0))
        .map_err(|e| e.to_string())
}

/// One run; `restart` kills and restarts the server once half the submissions are in.
/// Answers whether nothing was lost or duplicated.
fn run(s: &Settings, name: &str, restart: bool) -> Result<bool, String> {
    let db = s.dir.join(format!("{name}.sqlite3"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut server = Server::start(&s.server, &db)?;
    let shared = Arc::new(Shared {
        addr: Mutex::new(server.addr.clone()),
        acknowledged: AtomicUsize::new(0),
        deadline: Instant::now() + s.time_limit,
    });
    let started = Instant::now();
    let clients: Vec<_> = (0..s.clients)
        .map(|c| {
            let shared = Arc::clone(&shared);
            let ids: Vec<usize> = (c..s.count).step_by(s.clients).collect();
            let (run, retry_percent) = (name.to_owned(), s.retry_percent);
            thread::spawn(move || client(&shared, &run, ids, retry_percent))
        })
        .collect();

    let mut outage = None;
    if restart {
        while shared.acknowledged.load(Ordering::SeqCst) < s.count / 2
            && Instant::now() < shared.deadline
        {
            thread::sleep(Duration::from_millis(1));
        }
        let at = shared.acknowledged.load(Ordering::SeqCst);
        let down = Instant::now();
        server.kill();
        server = Server::start(&s.server, &db)?;
        *shared.addr.lock().map_err(|_| "lock")? = server.addr.clone();
        outage = Some((at, down.elapsed()));
    }

    let mut tally = Tally::default();
    for c in clients {
        let t = c.join().map_err(|_| "a client panicked")?;
        tally.latencies.extend(t.latencies);
        tally.failed_attempts += t.failed_attempts;
        tally.split += t.split;
        tally.acknowledged.extend(t.acknowledged);
    }
    let elapsed = started.elapsed();

    // Lost: acknowledged but not found by reference and second factor, or never acknowledged.
    let mut lost = s.count - tally.acknowledged.len();
    for (reference, second_factor) in &tally.acknowledged {
        let query = json!({"schema_version": 1,
            "data": {"reference": reference, "second_factor": second_factor}});
        let answer = request(
            &server.addr,
            "POST",
            "/v1/status",
            &[("Content-Type", "application/json")],
            query.to_string().as_bytes(),
            Duration::from_secs(10),
        );
        if !answer.is_ok_and(|a| a.status == 200) {
            lost += 1;
        }
    }
    drop(server);
    let rows = stored_rows(&db)?;
    let distinct: HashSet<&String> = tally.acknowledged.iter().map(|(r, _)| r).collect();
    let duplicated =
        rows.saturating_sub(s.count) + tally.split + (tally.acknowledged.len() - distinct.len());

    tally.latencies.sort_unstable();
    let requests = tally.latencies.len();
    let seconds = elapsed.as_secs_f64();
    println!("{name}:");
    println!(
        "  {} submissions ({} % sent twice) from {} clients: {requests} answered requests in {seconds:.2} s",
        s.count, s.retry_percent, s.clients
    );
    println!(
        "  throughput {:.0} submissions/s, {:.0} requests/s",
        tally.acknowledged.len() as f64 / seconds,
        requests as f64 / seconds
    );
    println!(
        "  latency p50 {:.2} ms, p99 {:.2} ms",
        percentile(&tally.latencies, 0.50),
        percentile(&tally.latencies, 0.99)
    );
    if let Some((at, down)) = outage {
        println!(
            "  server killed (SIGKILL) after {at} acknowledged, listening again after {:.0} ms; {} attempts failed and were retried",
            down.as_secs_f64() * 1000.0,
            tally.failed_attempts
        );
    }
    println!("  rows stored {rows}; lost {lost}; duplicated {duplicated}");
    Ok(lost == 0 && duplicated == 0)
}

fn main() -> ExitCode {
    let s = match settings() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("load: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&s.dir) {
        eprintln!("load: {}: {e}", s.dir.display());
        return ExitCode::from(2);
    }
    let mut all_good = true;
    for (name, restart) in [("steady", false), ("restart", true)] {
        match run(&s, name, restart) {
            Ok(good) => all_good &= good,
            Err(e) => {
                eprintln!("load: {name}: {e}");
                all_good = false;
            }
        }
    }
    if all_good {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
