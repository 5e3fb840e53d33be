//! `POST /v1/list-requests` over HTTP: a request for inclusion in the Fund's list is made,
//! replayed, refused field by field, and tracked by its BIN with no invented timeline; each on
//! both engines.

mod common;

use astana_hub_portal::api::{Kind, Reference};
use astana_hub_server::samples::*;
use common::*;
use serde_json::{Value, json};

const PATH: &str = "/v1/list-requests";

fn reference_of(answer: &Value) -> Reference {
    Reference::parse(answer["data"]["reference"].as_str().expect("a reference")).expect("valid")
}

#[test]
fn a_list_request_is_made_replayed_and_tracked_by_its_bin() {
    for db in &databases("list_request") {
        let server = Server::start(db, TODAY);
        let first = server.post(PATH, Some(&key("list-1")), &versioned(list_request()));
        assert_eq!(first.status, 201, "{:?}", first.json());
        let body = first.json();
        let reference = reference_of(&body);
        assert_eq!(reference.kind(), Kind::ListRequest);
        assert_eq!(&reference.as_str()[8..10], "F-");
        assert_eq!(body["data"]["kind"], json!("list_request"));
        // The Fund publishes no timeline for inclusion: the receipt alone.
        assert_eq!(
            body["data"]["timeline"],
            json!([{"stage": "submitted", "due": TODAY}])
        );

        let again = server.post(PATH, Some(&key("list-1")), &versioned(list_request()));
        assert_eq!(again.status, 200);
        assert_eq!(again.json(), body);

        let mut other = list_request();
        other["contact_name"] = json!("Another Person");
        let conflict = server.post(PATH, Some(&key("list-1")), &versioned(other));
        assert_eq!(conflict.status, 409);
        assert_eq!(conflict.json()["reference"], body["data"]["reference"]);

        let found = server.status(reference.as_str(), "9707 4000 0838");
        assert_eq!(found.status, 200);
        assert_eq!(found.json()["data"]["kind"], json!("list_request"));
        assert_eq!(found.json()["data"]["stage"], json!("submitted"));
        assert_eq!(
            server.status(reference.as_str(), "dana@example.kz").status,
            404
        );
        server.kill();

        // Months later it is still with the Fund: no stage is made up.
        let later = Server::start(db, "2026-09-01");
        let status = later.status(reference.as_str(), BIN).json();
        assert_eq!(status["data"]["stage"], json!("submitted"));
        assert_eq!(status["data"]["timeline"].as_array().map(Vec::len), Some(1));
        later.kill();
    }
}

#[test]
fn a_list_request_is_refused_field_by_field_and_not_remembered() {
    for db in databases("list_request_refused") {
        let server = Server::start(&db, TODAY);
        let mut body = list_request();
        body["organisation_name"] = json!("  ");
        body["bin"] = json!("970740000839");
        body["entity_type"] = json!("bank");
        body["contact_name"] = json!("");
        body["contact_email"] = json!("dana@");
        body["information_true"] = json!(false);
        let answer = server.post(PATH, Some(&key("list-refused")), &versioned(body));
        assert_eq!(answer.status, 422);
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
        let paths: Vec<_> = answer.json()["errors"]
            .as_array()
            .expect("field errors")
            .iter()
            .map(|e| e["path"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            paths,
            [
                "organisation_name",
                "bin",
                "entity_type",
                "contact_name",
                "contact_email",
                "information_true"
            ]
        );
        // Nothing was made under the key: the corrected body goes through with it.
        let fixed = server.post(PATH, Some(&key("list-refused")), &versioned(list_request()));
        assert_eq!(fixed.status, 201);

        let mut missing = list_request();
        missing.as_object_mut().unwrap().remove("entity_type");
        let answer = server.post(PATH, Some(&key("list-missing")), &versioned(missing));
        assert_eq!(answer.status, 422);
        assert_eq!(answer.json()["errors"][0]["path"], json!("entity_type"));
        server.kill();
    }
}
