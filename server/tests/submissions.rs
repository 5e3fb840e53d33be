//! The contract over HTTP: the catalogue, the three submissions, refused fields, the body's
//! limits, idempotency, status lookups, CORS and the safety headers; each on both engines.

mod common;

use astana_hub_portal::api::limits::{MAX_ITEMS, MAX_TEXT};
use astana_hub_portal::api::{Kind, Reference};
use astana_hub_server::samples::*;
use common::*;
use serde_json::{Value, json};

fn reference_of(answer: &Value) -> Reference {
    Reference::parse(answer["data"]["reference"].as_str().expect("a reference")).expect("valid")
}

fn paths(answer: &Value) -> Vec<(String, String)> {
    answer["errors"]
        .as_array()
        .expect("field errors")
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().into(),
                e["code"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn catalogue_is_versioned_and_dated_today() {
    for db in databases("catalogue") {
        let server = Server::start(&db, TODAY);
        let answer = server.get("/v1/catalogue");
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("content-type"), Some("application/json"));
        let body = answer.json();
        assert_eq!(body["schema_version"], json!(1));
        assert_eq!(body["data"]["as_of"], json!(TODAY));
        assert!(!body["data"]["programmes"].as_array().unwrap().is_empty());
    }
}

#[test]
fn each_kind_is_acknowledged_with_a_checked_reference_and_timeline() {
    for db in databases("each_kind") {
        let server = Server::start(&db, TODAY);
        for (path, body, kind) in [
            ("/v1/applications", application(), Kind::Application),
            ("/v1/enrolments", enrolment(), Kind::Enrolment),
            ("/v1/invitations", invitation(), Kind::Invitation),
        ] {
            let path_key = key(path);
            let answer = server.post(path, Some(&path_key), &versioned(body));
            assert_eq!(answer.status, 201, "{path}: {:?}", answer.json());
            let body = answer.json();
            let reference = reference_of(&body);
            assert_eq!(reference.kind(), kind);
            assert_eq!(reference.year(), 2026);
            assert_eq!(body["data"]["submitted_on"], json!(TODAY));
            let stages: Vec<_> = body["data"]["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["stage"].as_str().unwrap().to_owned())
                .collect();
            assert_eq!(
                stages,
                ["submitted", "moderation", "commission", "decision"]
            );
        }
    }
}

#[test]
fn refused_fields_are_problem_json_with_paths() {
    for db in databases("refused") {
        let server = Server::start(&db, TODAY);
        let mut body = application();
        body["organisation"]["bin"] = json!("970740000839");
        body["contact"]["email"] = json!("aigerim@");
        body["activities"] = json!(["software_development", "resale"]);
        body["declarations"]["data_processing"] = json!(false);
        let answer = server.post(
            "/v1/applications",
            Some(&key("refused-1")),
            &versioned(body),
        );
        assert_eq!(answer.status, 422);
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
        let problem = answer.json();
        assert_eq!(
            problem["type"],
            json!("urn:astana-hub-portal:problem:validation")
        );
        assert_eq!(
            paths(&problem),
            [
                ("organisation.bin".into(), "ids.bad_check_digit".into()),
                ("contact.email".into(), "api.field.email".into()),
                ("activities.1".into(), "api.field.unknown_activity".into()),
                (
                    "declarations.data_processing".into(),
                    "api.field.declaration".into()
                ),
            ]
        );

        let mut late = enrolment();
        late["cohort_id"] = json!("techpreneurs-autumn");
        late["team"][1]["email"] = json!("not an email");
        let answer = server.post("/v1/enrolments", Some(&key("refused-2")), &versioned(late));
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [
                ("team.1.email".into(), "api.field.email".into()),
                ("cohort_id".into(), "api.field.cohort_closed".into()),
            ]
        );

        let mut trainee_without_people = invitation();
        trainee_without_people["people"] = json!([]);
        trainee_without_people["valid_until"] = json!("2026-04-01");
        let answer = server.post(
            "/v1/invitations",
            Some(&key("refused-3")),
            &versioned(trainee_without_people),
        );
        assert_eq!(
            paths(&answer.json()),
            [
                ("people".into(), "api.field.required".into()),
                ("valid_until".into(), "api.field.date_order".into()),
            ]
        );
    }
}

#[test]
fn invitations_are_checked_by_the_visa_rules_then_tracked_by_the_employers_bin() {
    for db in databases("visa_rules") {
        let server = Server::start(&db, TODAY);
        let mut refused = invitation();
        // The passport must outlast the visa (19 April 2027) by three months.
        refused["people"][0]["passport_expires"] = json!("2027-07-18");
        refused["people"][0]["surname"] = json!("Смит");
        let answer = server.post("/v1/invitations", Some(&key("visa-1")), &versioned(refused));
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [
                (
                    "people.0.passport_expires".into(),
                    "visa.reason.passport_margin".into()
                ),
                (
                    "people.0.surname".into(),
                    "visa.reason.surname_suggestion".into()
                ),
            ]
        );

        let reference = reference_of(
            &server
                .post(
                    "/v1/invitations",
                    Some(&key("visa-2")),
                    &versioned(invitation()),
                )
                .json(),
        );
        assert_eq!(reference.kind(), Kind::Invitation);
        let found = server.status(reference.as_str(), BIN);
        assert_eq!(found.status, 200);
        assert_eq!(found.json()["data"]["kind"], json!("invitation"));
    }
}

#[test]
fn an_individual_enrols_by_iin_in_an_individuals_programme_and_tracks_it_by_the_iin() {
    for db in databases("individual") {
        let server = Server::start(&db, TODAY);
        let mut refused = individual_enrolment();
        refused["applicant"]["iin"] = json!(BIN);
        refused["team"][0]["iin"] = json!("900515300019");
        let answer = server.post(
            "/v1/enrolments",
            Some(&key("person-1")),
            &versioned(refused),
        );
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [
                ("applicant.iin".into(), "ids.iin.looks_like_bin".into()),
                ("team.0.iin".into(), "ids.bad_check_digit".into()),
            ]
        );

        // Art. 8-1(5-1): the catalogue says who a programme takes, an uncertain condition that
        // only warns in the browser: the service takes a company's enrolment too.
        let mut company = individual_enrolment();
        company["applicant"] = json!({"kind": "participant", "bin": BIN});
        let answer = server.post(
            "/v1/enrolments",
            Some(&key("person-2")),
            &versioned(company),
        );
        assert_eq!(answer.status, 201, "{:?}", answer.json());

        let answer = server.post(
            "/v1/enrolments",
            Some(&key("person-3")),
            &versioned(individual_enrolment()),
        );
        assert_eq!(answer.status, 201, "{:?}", answer.json());
        let reference = reference_of(&answer.json());
        assert_eq!(reference.kind(), Kind::Enrolment);
        let spaced = format!("{} {} {}", &IIN[..4], &IIN[4..8], &IIN[8..]);
        let found = server.status(reference.as_str(), &spaced);
        assert_eq!(found.status, 200);
        assert_eq!(found.json()["data"]["kind"], json!("enrolment"));
        assert_eq!(
            server
                .status(reference.as_str(), "aigerim@example.kz")
                .status,
            404,
            "an individual is tracked by the IIN"
        );
    }
}

#[test]
fn a_refused_submission_is_not_remembered_under_its_key() {
    for db in databases("refused_key") {
        let server = Server::start(&db, TODAY);
        let mut bad = application();
        bad["organisation"]["name"] = json!(" ");
        assert_eq!(
            server
                .post("/v1/applications", Some(&key("k")), &versioned(bad))
                .status,
            422
        );
        // Corrected, the same draft goes through with the same key.
        assert_eq!(
            server
                .post(
                    "/v1/applications",
                    Some(&key("k")),
                    &versioned(application())
                )
                .status,
            201
        );
    }
}

#[test]
fn unreadable_or_misshapen_bodies_are_refused_without_echoing_values() {
    for db in databases("unreadable") {
        let server = Server::start(&db, TODAY);
        let json_type = [
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "00000000000000u1"),
        ];

        let answer = server.send("POST", "/v1/applications", &json_type, b"{not json");
        assert_eq!(
            (answer.status, answer.json()["type"].clone()),
            (400, json!("urn:astana-hub-portal:problem:bad-request"))
        );

        let old = json!({"schema_version": 2, "data": application()});
        assert_eq!(
            server
                .post("/v1/applications", Some(&key("u2")), &old)
                .status,
            400
        );

        let mut missing = application();
        missing["contact"].as_object_mut().unwrap().remove("email");
        let answer = server.post("/v1/applications", Some(&key("u3")), &versioned(missing));
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [("contact.email".into(), "api.field.required".into())]
        );

        let mut wrong_type = application();
        wrong_type["headcount"] = json!("SECRET-VALUE");
        let answer = server.post("/v1/applications", Some(&key("u4")), &versioned(wrong_type));
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [("headcount".into(), "api.field.invalid".into())]
        );
        assert!(!String::from_utf8_lossy(&answer.body).contains("SECRET"));

        let text = [
            ("Content-Type", "text/plain"),
            ("Idempotency-Key", "00000000000000u5"),
        ];
        let answer = server.send(
            "POST",
            "/v1/applications",
            &text,
            application().to_string().as_bytes(),
        );
        assert_eq!(answer.status, 400);

        let answer = server.post("/v1/applications", None, &versioned(application()));
        assert_eq!(answer.status, 400, "no idempotency key");
        let short = server.post(
            "/v1/applications",
            Some("too-short-15-ch"),
            &versioned(application()),
        );
        assert_eq!(short.status, 400, "an idempotency key under 16 characters");
    }
}

#[test]
fn sizes_are_limited_per_body_and_per_field() {
    for db in databases("limits") {
        let server = Server::start(&db, TODAY);
        let mut long = application();
        long["organisation"]["name"] = json!("A".repeat(201));
        long["project"]["description"] = json!("B".repeat(4000));
        let answer = server.post("/v1/applications", Some(&key("l1")), &versioned(long));
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [("organisation.name".into(), "api.field.too_long".into())]
        );

        let mut crowded = enrolment();
        crowded["team"] = json!(vec![crowded["team"][1].clone(); MAX_ITEMS + 1]);
        let answer = server.post("/v1/enrolments", Some(&key("l3")), &versioned(crowded));
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [("team".into(), "api.field.too_many".into())]
        );
        assert_eq!(
            answer.json()["errors"][0]["detail"],
            json!(format!("at most {MAX_ITEMS} items"))
        );

        let answer = server.status("AH-2026-P-7K3M9Q-A", &"9".repeat(MAX_TEXT + 1));
        assert_eq!(answer.status, 422);
        assert_eq!(
            paths(&answer.json()),
            [("second_factor".into(), "api.field.too_long".into())]
        );

        let mut huge = application();
        huge["project"]["description"] = json!("C".repeat(70_000));
        let answer = server.post("/v1/applications", Some(&key("l2")), &versioned(huge));
        assert_eq!(answer.status, 413);
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
    }
}

#[test]
fn the_same_key_and_body_get_the_first_answer_another_body_is_refused() {
    for db in databases("idempotency") {
        let server = Server::start(&db, TODAY);
        let first = server.post(
            "/v1/invitations",
            Some(&key("idem-1")),
            &versioned(invitation()),
        );
        assert_eq!(first.status, 201);

        // The same body with its keys in another order is the same body.
        let reordered: Value = serde_json::from_str(&{
            let mut fields: Vec<_> = invitation()
                .as_object()
                .unwrap()
                .clone()
                .into_iter()
                .collect();
            fields.reverse();
            Value::Object(fields.into_iter().collect()).to_string()
        })
        .unwrap();
        let again = server.post(
            "/v1/invitations",
            Some(&key("idem-1")),
            &versioned(reordered),
        );
        assert_eq!(again.status, 200);
        assert_eq!(again.json(), first.json());

        let mut other = invitation();
        other["stay_days"] = json!(91);
        let conflict = server.post("/v1/invitations", Some(&key("idem-1")), &versioned(other));
        assert_eq!(conflict.status, 409);
        assert_eq!(
            conflict.json()["type"],
            json!("urn:astana-hub-portal:problem:idempotency-conflict")
        );
        // The refusal names the submission already made, so the person can track it.
        assert_eq!(
            conflict.json()["reference"],
            first.json()["data"]["reference"]
        );

        // A key names one submission, whatever the endpoint.
        let elsewhere = server.post(
            "/v1/applications",
            Some(&key("idem-1")),
            &versioned(application()),
        );
        assert_eq!(elsewhere.status, 409);
        assert_eq!(
            elsewhere.json()["reference"],
            first.json()["data"]["reference"]
        );
    }
}

#[test]
fn status_needs_the_reference_and_the_second_factor() {
    for db in databases("status") {
        let server = Server::start(&db, TODAY);
        let app = reference_of(
            &server
                .post(
                    "/v1/applications",
                    Some(&key("s1")),
                    &versioned(application()),
                )
                .json(),
        );
        let team = reference_of(
            &server
                .post("/v1/enrolments", Some(&key("s2")), &versioned(enrolment()))
                .json(),
        );

        let found = server.status(&app.to_string().to_lowercase(), "9707 4000 0838");
        assert_eq!(found.status, 200);
        let status = found.json();
        assert_eq!(status["data"]["stage"], json!("submitted"));
        assert_eq!(status["data"]["as_of"], json!(TODAY));
        assert_eq!(status["data"]["kind"], json!("application"));
        assert_eq!(
            server.status(team.as_str(), " team@EXAMPLE.kz ").status,
            200
        );

        // A wrong second factor and an unknown reference look the same.
        let wrong = server.status(app.as_str(), "971240001583");
        let unknown = server.status(Reference::new(2026, Kind::Application, 7).as_str(), BIN);
        assert_eq!((wrong.status, unknown.status), (404, 404));
        assert_eq!(wrong.body, unknown.body);
        assert_eq!(server.status(app.as_str(), "").status, 404);
        assert_eq!(server.status(team.as_str(), BIN).status, 404);

        let typo = server.status("AH-2026-P-7K3M9Q-B", BIN);
        assert_eq!(typo.status, 422);
        assert_eq!(
            paths(&typo.json()),
            [("reference".into(), "api.reference.check".into())]
        );
        server.kill();

        // The same stored submission, read on later days: the stage follows the server's "today".
        for (today, stage) in [
            ("2026-03-03", "moderation"),
            ("2026-03-20", "commission"),
            ("2026-05-04", "decision"),
        ] {
            let later = Server::start(&db, today);
            let status = later.status(app.as_str(), BIN).json();
            assert_eq!(status["data"]["stage"], json!(stage), "on {today}");
            assert_eq!(status["data"]["as_of"], json!(today));
            later.kill();
        }
    }
}

#[test]
fn browsers_only_from_allowed_origins_and_every_answer_is_hardened() {
    for db in databases("cors") {
        let server = Server::start(&db, TODAY);
        let preflight = |origin: &str| {
            server.send(
                "OPTIONS",
                "/v1/applications",
                &[
                    ("Origin", origin),
                    ("Access-Control-Request-Method", "POST"),
                    (
                        "Access-Control-Request-Headers",
                        "content-type, idempotency-key",
                    ),
                ],
                b"",
            )
        };
        let allowed = preflight("http://127.0.0.1:8080");
        assert_eq!(allowed.status, 200);
        assert_eq!(
            allowed.header("access-control-allow-origin"),
            Some("http://127.0.0.1:8080")
        );
        assert!(
            allowed
                .header("access-control-allow-headers")
                .unwrap()
                .contains("idempotency-key")
        );
        let from_portal = server.send(
            "GET",
            "/v1/catalogue",
            &[("Origin", "http://127.0.0.1:8080")],
            b"",
        );
        assert_eq!(
            from_portal.header("access-control-expose-headers"),
            Some("retry-after,content-disposition"),
            "the portal reads when to try again, and a document's name"
        );

        let refused = preflight("http://evil.example");
        assert_eq!(refused.status, 403);
        assert_eq!(refused.header("access-control-allow-origin"), None);
        let sneaky = server.send(
            "POST",
            "/v1/applications",
            &[
                ("Origin", "http://evil.example"),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", "00000000000000c1"),
            ],
            versioned(application()).to_string().as_bytes(),
        );
        assert_eq!(
            sneaky.status, 403,
            "nothing is submitted from another origin"
        );

        for answer in [server.get("/v1/catalogue"), server.get("/nowhere"), refused] {
            assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
            assert!(
                answer
                    .header("content-security-policy")
                    .unwrap()
                    .contains("frame-ancestors 'none'")
            );
            assert_eq!(answer.header("x-frame-options"), Some("DENY"));
            assert_eq!(answer.header("referrer-policy"), Some("no-referrer"));
            assert_eq!(answer.header("cache-control"), Some("no-store"));
        }
        let nowhere = server.get("/nowhere");
        assert_eq!(
            (nowhere.status, nowhere.header("content-type")),
            (404, Some("application/problem+json"))
        );
        assert_eq!(server.get("/v1/applications").status, 405);
    }
}

#[test]
fn the_log_holds_no_personal_data() {
    for db in databases("log") {
        let server = Server::start(&db, TODAY);
        let mut body = application();
        body["contact"]["email"] = json!("private.person@example.kz");
        assert_eq!(
            server
                .post(
                    "/v1/applications",
                    Some(&key("log-1")),
                    &versioned(body.clone())
                )
                .status,
            201
        );
        body["headcount"] = json!("private.person@example.kz");
        assert_eq!(
            server
                .post("/v1/applications", Some(&key("log-2")), &versioned(body))
                .status,
            422
        );
        server.status("AH-2026-P-7K3M9Q-A", "private.person@example.kz");
        let log_path = server.log.clone();
        server.kill();
        let log = std::fs::read_to_string(log_path).unwrap();
        assert!(log.contains("POST /v1/applications 201"), "{log}");
        assert!(!log.contains("private.person"), "{log}");
        assert!(!log.contains(BIN), "{log}");
    }
}
