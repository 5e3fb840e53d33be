//! The second factor cannot be guessed: status lookups are limited per reference and per
//! client address, refused with 429 and `Retry-After`, and another client still gets through.

mod common;

use astana_hub_portal::api::{Kind, Reference};
use astana_hub_server::samples::{BIN, TODAY, application};
use common::*;
use serde_json::json;

const GUESSES: usize = 1000;
const PER_REFERENCE: usize = 10;
const PER_CLIENT: usize = 20;

/// A lookup sent through a load balancer that wrote `client` last in X-Forwarded-For.
fn lookup(server: &Server, forwarded: &str, reference: &str, second_factor: &str) -> (u16, u64) {
    let query = versioned(json!({"reference": reference, "second_factor": second_factor}));
    let answer = server.send(
        "POST",
        "/v1/status",
        &[
            ("Content-Type", "application/json"),
            ("X-Forwarded-For", forwarded),
        ],
        query.to_string().as_bytes(),
    );
    if answer.status == 429 {
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(answer.json()["status"], json!(429));
    }
    let retry_after = answer
        .header("retry-after")
        .map_or(0, |s| s.parse().expect("seconds"));
    (answer.status, retry_after)
}

#[test]
fn a_thousand_wrong_guesses_are_refused_after_the_limit_while_others_get_through() {
    for db in databases("lookups") {
        let server = Server::start_with(
            &db,
            TODAY,
            &[
                "--status-per-reference",
                &PER_REFERENCE.to_string(),
                "--status-per-client",
                &PER_CLIENT.to_string(),
                "--status-window-s",
                "3600",
                "--client-ip-header",
                "X-Forwarded-For",
            ],
        );
        let submit = |name: &str| {
            let mut body = application();
            body["organisation"]["name"] = json!(name);
            let answer = server.post("/v1/applications", Some(&key(name)), &versioned(body));
            answer.json()["data"]["reference"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let target = submit("target");
        let mine = submit("mine");

        // One reference, 1,000 BINs guessed from many addresses: the earlier addresses of the
        // header are the client's own, and do not count.
        let mut refused = Vec::new();
        for i in 0..GUESSES {
            let forwarded = format!("10.0.{}.{}, 203.0.113.{}", i / 250, i % 250, i % 7);
            let (status, retry_after) =
                lookup(&server, &forwarded, &target, &format!("{:012}", i * 7919));
            if i < PER_REFERENCE {
                assert_eq!(status, 404, "guess {i}");
            } else {
                assert_eq!(status, 429, "guess {i}");
                assert!(retry_after > 0, "guess {i}");
                refused.push(retry_after);
            }
        }
        assert_eq!(refused.len(), GUESSES - PER_REFERENCE);
        // Each allowed lookup comes back after a share of the window.
        assert!(refused.iter().all(|s| *s <= 3600 / PER_REFERENCE as u64));

        // 1,000 references guessed from one address: refused after the client's limit.
        let mut answered = 0;
        for n in 0..GUESSES as u64 {
            let guess = Reference::new(2026, Kind::Application, n * 104_729);
            match lookup(&server, "198.51.100.7", guess.as_str(), BIN) {
                (404, _) => answered += 1,
                (429, wait) => assert!(wait > 0),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(answered, PER_CLIENT);

        // Another client, its own reference: found.
        assert_eq!(lookup(&server, "192.0.2.44", &mine, BIN), (200, 0));
    }
}
