//! Load benchmark on loopback: submissions of the three kinds from concurrent clients, a share
//! of them deliberately sent twice with the same key and body, then counted back: every
//! acknowledged submission must be found (none lost) and stored once (none duplicated).
//! Four runs: one SQLite instance, then killed (SIGKILL) halfway and started again on the same
//! file; three instances on one PostgreSQL (a throwaway cluster, every commit synced), then
//! with one of them killed halfway and started again. Clients spread their attempts over the
//! instances as a balancer would: each attempt, a retry or a deliberate second send, goes to
//! the next instance, and retries with the same key until acknowledged.
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
use astana_hub_server::testbed::{Cluster, stored_submissions};
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
    fn start(binary: &Path, db: &str) -> Result<Server, String> {
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
            // The count back looks every submission up from this one address.
            .args(["--status-per-client", "1000000"])
            .args(["--db", db])
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
    /// The instances' addresses; a restarted instance's new address replaces its old one.
    addrs: Mutex<Vec<String>>,
    acknowledged: AtomicUsize,
    deadline: Instant,
}

/// Sends until acknowledged (201 or 200), each attempt to the next instance; answers the
/// reference.
fn send(
    shared: &Shared,
    tally: &mut Tally,
    turn: &mut usize,
    (path, key, body): (&str, &str, &str),
) -> Option<String> {
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", key),
    ];
    while Instant::now() < shared.deadline {
        let addr = shared
            .addrs
            .lock()
            .map(|a| a[*turn % a.len()].clone())
            .unwrap_or_default();
        *turn += 1;
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
    let mut turn = ids.first().copied().unwrap_or(0);
    for i in ids {
        let (path, key, body, second_factor) = submission(run, i);
        let sent = (path, key.as_str(), body.as_str());
        let Some(reference) = send(shared, &mut tally, &mut turn, sent) else {
            continue;
        };
        shared.acknowledged.fetch_add(1, Ordering::SeqCst);
        if i % 100 < retry_percent {
            let again = send(shared, &mut tally, &mut turn, sent);
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

/// What one run measured.
struct Figures {
    name: &'static str,
    throughput: f64,
    p50: f64,
    p99: f64,
    lost: usize,
    duplicated: usize,
}

/// One run on `db` with `instances` servers; `kill` kills and restarts one of them once half
/// the submissions are in.
/// `tag` names the run in keys and bodies (letters and dashes).
fn run(
    s: &Settings,
    (name, tag): (&'static str, &'static str),
    db: &str,
    instances: usize,
    kill: bool,
) -> Result<Figures, String> {
    let mut servers = (0..instances)
        .map(|_| Server::start(&s.server, db))
        .collect::<Result<Vec<_>, _>>()?;
    let shared = Arc::new(Shared {
        addrs: Mutex::new(servers.iter().map(|s| s.addr.clone()).collect()),
        acknowledged: AtomicUsize::new(0),
        deadline: Instant::now() + s.time_limit,
    });
    let started = Instant::now();
    let clients: Vec<_> = (0..s.clients)
        .map(|c| {
            let shared = Arc::clone(&shared);
            let ids: Vec<usize> = (c..s.count).step_by(s.clients).collect();
            let retry_percent = s.retry_percent;
            thread::spawn(move || client(&shared, tag, ids, retry_percent))
        })
        .collect();

    let mut outage = None;
    if kill {
        while shared.acknowledged.load(Ordering::SeqCst) < s.count / 2
            && Instant::now() < shared.deadline
        {
            thread::sleep(Duration::from_millis(1));
        }
        let at = shared.acknowledged.load(Ordering::SeqCst);
        let down = Instant::now();
        let victim = instances / 2;
        servers.remove(victim).kill();
        let again = Server::start(&s.server, db)?;
        shared.addrs.lock().map_err(|_| "lock")?[victim] = again.addr.clone();
        servers.insert(victim, again);
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
    for (n, (reference, second_factor)) in tally.acknowledged.iter().enumerate() {
        let query = json!({"schema_version": 1,
            "data": {"reference": reference, "second_factor": second_factor}});
        let answer = request(
            &servers[n % servers.len()].addr,
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
    drop(servers);
    let rows = stored_submissions(db)? as usize;
    let distinct: HashSet<&String> = tally.acknowledged.iter().map(|(r, _)| r).collect();
    let duplicated =
        rows.saturating_sub(s.count) + tally.split + (tally.acknowledged.len() - distinct.len());

    tally.latencies.sort_unstable();
    let requests = tally.latencies.len();
    let seconds = elapsed.as_secs_f64();
    let figures = Figures {
        name,
        throughput: tally.acknowledged.len() as f64 / seconds,
        p50: percentile(&tally.latencies, 0.50),
        p99: percentile(&tally.latencies, 0.99),
        lost,
        duplicated,
    };
    println!("{name}:");
    println!(
        "  {} submissions ({} % sent twice) from {} clients to {instances} instance(s): {requests} answered requests in {seconds:.2} s",
        s.count, s.retry_percent, s.clients
    );
    println!(
        "  throughput {:.0} submissions/s, {:.0} requests/s",
        figures.throughput,
        requests as f64 / seconds
    );
    println!(
        "  latency p50 {:.2} ms, p99 {:.2} ms",
        figures.p50, figures.p99
    );
    if let Some((at, down)) = outage {
        println!(
            "  one instance killed (SIGKILL) after {at} acknowledged, listening again after {:.0} ms; {} attempts failed and were retried",
            down.as_secs_f64() * 1000.0,
            tally.failed_attempts
        );
    }
    println!("  rows stored {rows}; lost {lost}; duplicated {duplicated}");
    Ok(figures)
}

/// A fresh SQLite file in the benchmark's folder.
fn sqlite(s: &Settings, name: &str) -> Result<String, String> {
    let db = s.dir.join(format!("{name}.sqlite3"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    db.to_str()
        .map(str::to_owned)
        .ok_or_else(|| "the folder's name is not UTF-8".to_owned())
}

fn runs(s: &Settings) -> Result<Vec<Figures>, String> {
    let cluster = Cluster::start(true)?;
    Ok(vec![
        run(
            s,
            ("SQLite, 1 instance", "sqlite"),
            &sqlite(s, "steady")?,
            1,
            false,
        )?,
        run(
            s,
            ("SQLite, 1 instance, killed and restarted", "sqlite-restart"),
            &sqlite(s, "restart")?,
            1,
            true,
        )?,
        run(
            s,
            ("PostgreSQL, 3 instances", "postgres"),
            &cluster.database("steady")?,
            3,
            false,
        )?,
        run(
            s,
            (
                "PostgreSQL, 3 instances, one killed and restarted",
                "postgres-kill",
            ),
            &cluster.database("restart")?,
            3,
            true,
        )?,
    ])
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
    let figures = match runs(&s) {
        Ok(figures) => figures,
        Err(e) => {
            eprintln!("load: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!();
    println!(
        "| run | submissions/s | p50 ms | p99 ms | lost | duplicated |\n| --- | --- | --- | --- | --- | --- |"
    );
    for f in &figures {
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {} | {} |",
            f.name, f.throughput, f.p50, f.p99, f.lost, f.duplicated
        );
    }
    if figures.iter().all(|f| f.lost == 0 && f.duplicated == 0) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
