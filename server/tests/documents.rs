//! Uploaded documents: kept byte for byte under their idempotency key, checked by their
//! content and size, named by submissions (which must name documents the service holds, and
//! those their journey requires), and deleted when no submission claimed them within the
//! draft lifetime; each on both engines.

mod common;

use astana_hub_server::client::Answer;
use astana_hub_server::samples::*;
use astana_hub_server::testbed::stored_documents;
use common::*;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// A complete, minimal PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n\
trailer << /Root 1 0 R >>\n%%EOF\n";

/// The start and end of a JFIF JPEG, with a byte of every value in between.
fn jpeg() -> Vec<u8> {
    let mut bytes = vec![
        0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x01, 0x00, 0x00,
        0x01, 0x00, 0x01, 0x00, 0x00,
    ];
    bytes.extend(0..=255u8);
    bytes.extend([0xff, 0xd9]);
    bytes
}

const MAX_FILE: usize = 5 * 1024 * 1024;

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn upload(server: &Server, key: &str, content_type: &str, bytes: &[u8]) -> Answer {
    server.send(
        "POST",
        "/v1/documents",
        &[("Idempotency-Key", key), ("Content-Type", content_type)],
        bytes,
    )
}

fn first_error(answer: &Answer) -> (String, String) {
    let body = answer.json();
    let error = &body["errors"][0];
    (
        error["path"].as_str().unwrap_or_default().to_owned(),
        error["code"].as_str().unwrap_or_default().to_owned(),
    )
}

fn attachment(receipt: &Value, kind: &str, person: Option<usize>) -> Value {
    let mut a = json!({
        "id": receipt["id"],
        "kind": kind,
        "name": "scan.pdf",
        "size": receipt["size"],
        "sha256": receipt["sha256"],
    });
    if let Some(p) = person {
        a["person"] = json!(p);
    }
    a
}

/// The sample invitation with the employee's dependent mother.
fn invitation_with_dependant() -> Value {
    let mut body = invitation();
    let mut mother = body["people"][0].clone();
    mother["given_names"] = json!("MARY");
    mother["sex"] = json!("female");
    mother["date_of_birth"] = json!("1955-06-01");
    mother["passport_number"] = json!("987654321");
    mother["relationship"] = json!("dependant");
    mother["supporting_document"] = json!("Certificate of dependency");
    body["people"].as_array_mut().expect("people").push(mother);
    body
}

#[test]
fn a_pdf_and_a_jpeg_come_back_byte_for_byte() {
    for db in databases("documents_back") {
        let server = Server::start(&db, TODAY);
        for (name, bytes, file_type, media_type) in [
            ("pdf", PDF.to_vec(), "pdf", "application/pdf"),
            ("jpeg", jpeg(), "jpeg", "image/jpeg"),
        ] {
            // The declared type is not trusted: the content says what the file is.
            let answer = upload(&server, &key(name), "application/octet-stream", &bytes);
            assert_eq!(answer.status, 201, "{name}: {:?}", answer.json());
            assert_eq!(answer.header("content-type"), Some("application/json"));
            let receipt = answer.json()["data"].clone();
            let id = receipt["id"].as_str().expect("an id");
            assert!(id.starts_with("doc_") && id.len() == 36, "{id}");
            assert!(
                id[4..]
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
            );
            assert_eq!(receipt["size"], json!(bytes.len()));
            assert_eq!(receipt["type"], json!(file_type));
            assert_eq!(receipt["sha256"], json!(sha256(&bytes)));

            let back = server.get(&format!("/v1/documents/{id}"));
            assert_eq!(back.status, 200);
            assert_eq!(back.body, bytes, "{name}");
            assert_eq!(sha256(&back.body), sha256(&bytes));
            assert_eq!(back.header("content-type"), Some(media_type));
            assert_eq!(back.header("cache-control"), Some("no-store"));
            assert_eq!(back.header("x-content-type-options"), Some("nosniff"));
            assert!(
                back.header("content-disposition")
                    .is_some_and(|d| d.starts_with("attachment")),
                "{:?}",
                back.header("content-disposition")
            );
        }
        let unknown = server.get(&format!("/v1/documents/doc_{}", "0".repeat(32)));
        assert_eq!(unknown.status, 404);
        assert_eq!(
            unknown.header("content-type"),
            Some("application/problem+json")
        );
    }
}

#[test]
fn files_are_refused_by_content_and_size() {
    for db in databases("documents_refused") {
        let server = Server::start(&db, TODAY);
        // A program renamed to look like a PDF.
        let mut program = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
        program.extend([0u8; 120]);
        let answer = upload(&server, &key("program"), "application/pdf", &program);
        assert_eq!(answer.status, 415);
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(
            first_error(&answer),
            ("file".into(), "documents.problem.type".into())
        );

        let mut large = PDF.to_vec();
        large.resize(MAX_FILE + 1, b' ');
        let answer = upload(&server, &key("large"), "application/pdf", &large);
        assert_eq!(answer.status, 413);
        assert_eq!(
            first_error(&answer),
            ("file".into(), "documents.problem.too_large".into())
        );
        // Exactly the limit is accepted.
        large.truncate(MAX_FILE);
        let answer = upload(&server, &key("at-limit"), "application/pdf", &large);
        assert_eq!(answer.status, 201, "{:?}", answer.json());

        let answer = upload(&server, &key("empty"), "application/pdf", b"");
        assert_eq!(answer.status, 422);
        assert_eq!(
            first_error(&answer),
            ("file".into(), "documents.problem.empty".into())
        );

        let answer = server.send("POST", "/v1/documents", &[], PDF);
        assert_eq!(answer.status, 400, "no idempotency key");
        assert_eq!(stored_documents(&db, false), Ok(1));
    }
}

#[test]
fn one_key_makes_one_document() {
    for db in databases("documents_idempotent") {
        let server = Server::start(&db, TODAY);
        let first = upload(&server, &key("once"), "application/pdf", PDF);
        assert_eq!(first.status, 201);
        let again = upload(&server, &key("once"), "application/pdf", PDF);
        assert_eq!(again.status, 200);
        assert_eq!(again.json(), first.json());

        let other = upload(&server, &key("once"), "image/jpeg", &jpeg());
        assert_eq!(other.status, 409);
        assert_eq!(
            other.json()["type"],
            json!("urn:astana-hub-portal:problem:idempotency-conflict")
        );
        assert_eq!(stored_documents(&db, false), Ok(1));
    }
}

#[test]
fn submissions_name_documents_the_service_holds_and_those_required() {
    for db in databases("documents_named") {
        let server = Server::start(&db, TODAY);
        let receipt =
            upload(&server, &key("dependency"), "application/pdf", PDF).json()["data"].clone();

        let mut unknown = application();
        let mut named = attachment(&receipt, "business_plan", None);
        named["id"] = json!(format!("doc_{}", "f".repeat(32)));
        unknown["attachments"] = json!([named]);
        let answer = server.post(
            "/v1/applications",
            Some(&key("unknown-doc")),
            &versioned(unknown),
        );
        assert_eq!(answer.status, 422, "{:?}", answer.json());
        assert_eq!(
            first_error(&answer),
            (
                "attachments.0.id".into(),
                "api.field.unknown_document".into()
            )
        );

        // The right id with another hash is not the document uploaded.
        let mut wrong_hash = application();
        let mut named = attachment(&receipt, "business_plan", None);
        named["sha256"] = json!(sha256(b"other"));
        wrong_hash["attachments"] = json!([named]);
        let answer = server.post(
            "/v1/applications",
            Some(&key("wrong-hash")),
            &versioned(wrong_hash),
        );
        assert_eq!(
            first_error(&answer),
            (
                "attachments.0.id".into(),
                "api.field.unknown_document".into()
            )
        );

        let lacking = invitation_with_dependant();
        let answer = server.post(
            "/v1/invitations",
            Some(&key("lacking")),
            &versioned(lacking.clone()),
        );
        assert_eq!(answer.status, 422, "{:?}", answer.json());
        assert_eq!(
            first_error(&answer),
            (
                "people.1.documents".into(),
                "api.field.document_required".into()
            )
        );

        let mut complete = lacking;
        complete["attachments"] = json!([attachment(&receipt, "dependency", Some(1))]);
        let answer = server.post(
            "/v1/invitations",
            Some(&key("complete")),
            &versioned(complete.clone()),
        );
        assert_eq!(answer.status, 201, "{:?}", answer.json());
        assert_eq!(stored_documents(&db, true), Ok(1));
        // Retried, the submission is the same one; its document stays claimed by it.
        let again = server.post(
            "/v1/invitations",
            Some(&key("complete")),
            &versioned(complete.clone()),
        );
        assert_eq!(again.status, 200, "{:?}", again.json());
        assert_eq!(
            again.json()["data"]["reference"],
            answer.json()["data"]["reference"]
        );
        // Another submission cannot claim it again.
        let answer = server.post(
            "/v1/invitations",
            Some(&key("second-claim")),
            &versioned(complete),
        );
        assert_eq!(
            first_error(&answer),
            (
                "attachments.0.id".into(),
                "api.field.unknown_document".into()
            )
        );
    }
}

#[test]
fn documents_never_claimed_are_gone_after_the_draft_lifetime() {
    for db in databases("documents_lifetime") {
        let server = Server::start(&db, TODAY);
        let unclaimed =
            upload(&server, &key("unclaimed"), "application/pdf", PDF).json()["data"].clone();
        let claimed =
            upload(&server, &key("claimed"), "image/jpeg", &jpeg()).json()["data"].clone();
        let mut body = invitation_with_dependant();
        body["attachments"] = json!([attachment(&claimed, "dependency", Some(1))]);
        let answer = server.post("/v1/invitations", Some(&key("claims")), &versioned(body));
        assert_eq!(answer.status, 201, "{:?}", answer.json());
        server.kill();

        // Thirty days on, both are still there.
        let server = Server::start(&db, "2026-04-01");
        let path = |r: &Value| format!("/v1/documents/{}", r["id"].as_str().unwrap());
        assert_eq!(server.get(&path(&unclaimed)).status, 200);
        server.kill();

        // Thirty-one days on, the one never claimed is gone; an upload deletes it for good.
        let server = Server::start(&db, "2026-04-02");
        assert_eq!(server.get(&path(&unclaimed)).status, 404);
        assert_eq!(server.get(&path(&claimed)).status, 200);
        assert_eq!(stored_documents(&db, false), Ok(2));
        let answer = upload(&server, &key("later"), "application/pdf", PDF);
        assert_eq!(answer.status, 201);
        assert_eq!(stored_documents(&db, false), Ok(2));
        assert_eq!(stored_documents(&db, true), Ok(1));
        // Its key is free again.
        let answer = upload(&server, &key("unclaimed"), "image/jpeg", &jpeg());
        assert_eq!(answer.status, 201);
    }
}

#[test]
fn a_body_cut_short_keeps_nothing() {
    use std::io::{Read, Write};
    for db in databases("documents_cut") {
        let server = Server::start(&db, TODAY);
        let mut stream = std::net::TcpStream::connect(&server.addr).expect("connects");
        let head = format!(
            "POST /v1/documents HTTP/1.1\r\nHost: {}\r\nIdempotency-Key: {}\r\n\
             Content-Length: {}\r\n\r\n",
            server.addr,
            key("cut"),
            PDF.len() + 1000
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(PDF).unwrap();
        stream.shutdown(std::net::Shutdown::Write).unwrap();
        let _ = stream.read_to_end(&mut Vec::new());
        assert_eq!(stored_documents(&db, false), Ok(0));
        // Retried whole under the same key, it makes the one document.
        let answer = upload(&server, &key("cut"), "application/pdf", PDF);
        assert_eq!(answer.status, 201);
        assert_eq!(stored_documents(&db, false), Ok(1));
    }
}
