//! A crash in the middle of a stream of submissions loses nothing that was acknowledged and
//! duplicates nothing that was retried, on both engines.

mod common;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use astana_hub_server::client::request;
use astana_hub_server::samples::{BIN, TODAY, application};
use astana_hub_server::testbed::stored_submissions;
use common::*;
use serde_json::json;

const CLIENTS: usize = 4;
const PER_CLIENT: usize = 15;

/// Posts one application until the server acknowledges it, reading the server's current
/// address before each attempt; answers its reference.
fn submit_until_acknowledged(addr: &Mutex<String>, key: &str, body: &str) -> String {
    loop {
        let target = addr.lock().unwrap().clone();
        let headers = [
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key),
        ];
        let sent = request(
            &target,
            "POST",
            "/v1/applications",
            &headers,
            body.as_bytes(),
            Duration::from_secs(5),
        );
        match sent {
            Ok(a) if a.status == 201 || a.status == 200 => {
                return a.json()["data"]["reference"].as_str().unwrap().to_owned();
            }
            Ok(a) if a.status < 500 => panic!("refused: {} {:?}", a.status, a.json()),
            _ => thread::sleep(Duration::from_millis(20)),
        }
    }
}

#[test]
fn a_restart_in_the_middle_keeps_every_acknowledged_submission() {
    for db in databases("restart") {
        a_restart_keeps_every_acknowledged_submission(&db);
    }
}

fn a_restart_keeps_every_acknowledged_submission(db: &str) {
    let server = Server::start(db, TODAY);
    let addr = Arc::new(Mutex::new(server.addr.clone()));
    let acknowledged = Arc::new(AtomicUsize::new(0));

    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let addr = Arc::clone(&addr);
            let acknowledged = Arc::clone(&acknowledged);
            thread::spawn(move || {
                (0..PER_CLIENT)
                    .map(|i| {
                        let key = format!("restart-{c:04}-{i:04}");
                        let mut body = application();
                        body["organisation"]["name"] = json!(format!("Restart {c}-{i} LLP"));
                        let body = versioned(body).to_string();
                        let reference = submit_until_acknowledged(&addr, &key, &body);
                        // A retry of an acknowledged submission must not make a second one.
                        let again = submit_until_acknowledged(&addr, &key, &body);
                        assert_eq!(again, reference, "{key}");
                        acknowledged.fetch_add(1, Ordering::SeqCst);
                        reference
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();

    while acknowledged.load(Ordering::SeqCst) < CLIENTS * PER_CLIENT / 2 {
        thread::sleep(Duration::from_millis(2));
    }
    let before_crash = acknowledged.load(Ordering::SeqCst);
    server.kill();
    thread::sleep(Duration::from_millis(100));
    let server = Server::start(db, TODAY);
    *addr.lock().unwrap() = server.addr.clone();

    let references: Vec<String> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("a client finished"))
        .collect();
    assert!(
        before_crash < references.len(),
        "the crash came in the middle"
    );
    let distinct: HashSet<_> = references.iter().collect();
    assert_eq!(
        distinct.len(),
        CLIENTS * PER_CLIENT,
        "no duplicated reference"
    );
    for reference in &references {
        assert_eq!(
            server.status(reference, BIN).status,
            200,
            "{reference} lost"
        );
    }
    let rows = stored_submissions(db).unwrap();
    assert_eq!(
        rows,
        (CLIENTS * PER_CLIENT) as i64,
        "one row per submission"
    );
}
