//! Several instances on one database: a submission sent to two instances at the same moment,
//! or retried on another instance, makes one record; health, and readiness that follows the
//! database; a stop on SIGTERM that finishes the requests in flight; the request timeout.
//! SQLite runs one instance, so there both sends meet it.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use astana_hub_server::samples::{TODAY, application};
use astana_hub_server::store::is_postgres;
use astana_hub_server::testbed::{Cluster, stored_submissions};
use common::*;
use serde_json::json;

const KEYS: usize = 20;

#[test]
fn one_key_sent_to_two_instances_at_once_or_retried_on_another_makes_one_record() {
    for db in databases("instances") {
        let first = Server::start(&db, TODAY);
        let second = is_postgres(&db).then(|| Server::start(&db, TODAY));
        let servers = [Some(&first), second.as_ref()];
        let addrs: Vec<String> = servers.iter().flatten().map(|s| s.addr.clone()).collect();
        let addrs = Arc::new(addrs);

        for k in 0..KEYS {
            let key = key(&format!("twice-{k}"));
            let mut body = application();
            body["organisation"]["name"] = json!(format!("Twice {k} LLP"));
            let body = versioned(body);
            let start = Arc::new(Barrier::new(2));
            let sends: Vec<_> = (0..2)
                .map(|i| {
                    let (addrs, start) = (Arc::clone(&addrs), Arc::clone(&start));
                    let (key, body) = (key.clone(), body.clone());
                    thread::spawn(move || {
                        let target = Target(addrs[i % addrs.len()].clone());
                        start.wait();
                        target.post("/v1/applications", Some(&key), &body)
                    })
                })
                .collect();
            let answers: Vec<_> = sends.into_iter().map(|s| s.join().unwrap()).collect();
            let mut statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
            statuses.sort_unstable();
            assert_eq!(statuses, [200, 201], "one made, one replayed");
            let reference = &answers[0].json()["data"]["reference"];
            assert_eq!(&answers[1].json()["data"]["reference"], reference);

            // Retried later on the other instance: the same record again.
            let retry = Target(addrs[(k + 1) % addrs.len()].clone());
            let again = retry.post("/v1/applications", Some(&key), &body);
            assert_eq!(again.status, 200);
            assert_eq!(&again.json()["data"]["reference"], reference);
        }
        assert_eq!(stored_submissions(&db).unwrap(), KEYS as i64);
    }
}

#[test]
fn health_and_readiness_answer() {
    for db in databases("health") {
        let server = Server::start(&db, TODAY);
        for (path, status) in [("/health", "ok"), ("/ready", "ready")] {
            let answer = server.get(path);
            assert_eq!(answer.status, 200, "{path}");
            assert_eq!(answer.json(), json!({"status": status}));
        }
        if is_postgres(&db) {
            Cluster::shared().drop_database(&db).unwrap();
            let lost = server.get("/ready");
            assert_eq!(lost.status, 503, "the database is gone");
            assert_eq!(
                lost.header("content-type"),
                Some("application/problem+json")
            );
            assert_eq!(server.get("/health").status, 200, "the process still runs");
        }
    }
}

#[test]
fn sigterm_finishes_the_requests_in_flight_then_stops() {
    for db in databases("sigterm") {
        let server = Server::start(&db, TODAY);
        let body = versioned(application()).to_string();
        let (head, tail) = body.as_bytes().split_at(body.len() / 2);
        let mut stream = TcpStream::connect(&server.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "POST /v1/applications HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
             Content-Type: application/json\r\nIdempotency-Key: {}\r\n\
             Content-Length: {}\r\n\r\n",
            key("in-flight"),
            body.len()
        )
        .unwrap();
        stream.write_all(head).unwrap();
        thread::sleep(Duration::from_millis(200));

        server.terminate();
        thread::sleep(Duration::from_millis(300));
        // Stopping: no new connection is taken, the one in flight is finished.
        assert!(TcpStream::connect(&server.addr).is_err(), "still listening");
        stream.write_all(tail).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
        assert!(server.wait(), "a clean exit");
        assert_eq!(stored_submissions(&db).unwrap(), 1);
    }
}

#[test]
fn a_request_not_answered_in_time_is_refused_with_a_503_problem() {
    let [sqlite, _] = databases("timeout");
    let server = Server::start_with(&sqlite, TODAY, &["--request-timeout-s", "1"]);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // A body that never ends.
    write!(
        stream,
        "POST /v1/applications HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
         Content-Type: application/json\r\nIdempotency-Key: {}\r\nContent-Length: 100\r\n\r\n{{",
        key("slow")
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
}
