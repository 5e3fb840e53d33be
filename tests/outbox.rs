//! The outbox's rules, natively: the confirmation's record made around a receipt that comes
//! later, and when a flush may send an entry.

use astana_hub_portal::api::{Kind, Milestone, Reference, Stage, Submission};
use astana_hub_portal::backend::{BackendError, Unsent};
use astana_hub_portal::ui::outbox::{Entry, Template};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn blank() -> Submission {
    Submission {
        reference: Reference::new(0, Kind::Application, 0),
        kind: Kind::Application,
        submitted_on: NaiveDate::MIN,
        timeline: Vec::new(),
    }
}

fn receipt() -> Submission {
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    Submission {
        reference: Reference::new(2026, Kind::Enrolment, 4711),
        kind: Kind::Enrolment,
        submitted_on: day,
        timeline: vec![Milestone {
            stage: Stage::Submitted,
            due: day,
        }],
    }
}

/// The three shapes the journeys keep: the receipt in a field, flattened among other fields,
/// and the receipt alone.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Nested {
    submission: Option<Submission>,
    names: Vec<String>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Flat {
    #[serde(flatten)]
    submission: Submission,
    attachments: Vec<String>,
}

/// The record filled in later reads back as the one made with the receipt at once.
fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
    make: impl Fn(Submission) -> T,
) {
    let made = serde_json::to_string(&make(blank())).unwrap();
    let blank = serde_json::to_string(&blank()).unwrap();
    let template = Template::around(&made, &blank).expect("the blank receipt is in the record");
    // Kept in an entry and read back.
    let entry = Entry::waiting("apply", "k", request(), template);
    let kept = serde_json::to_string(&entry).unwrap();
    let entry: Entry = serde_json::from_str(&kept).unwrap();
    let filled = entry.record(&serde_json::to_string(&receipt()).unwrap());
    let read: T = serde_json::from_str(&filled).expect("a record the confirmation reads");
    assert_eq!(read, make(receipt()));
}

#[test]
fn a_record_is_made_around_the_receipt_to_come() {
    round_trip(|s| Nested {
        submission: Some(s),
        names: vec!["Ayan \"A\" {Ltd}".into()],
    });
    round_trip(|s| Flat {
        submission: s,
        attachments: vec!["a".into(), "}{".into()],
    });
    round_trip(|s| s);
}

#[test]
fn a_record_without_the_receipt_has_no_template() {
    let blank = serde_json::to_string(&blank()).unwrap();
    assert_eq!(Template::around(r#"{"names":[]}"#, &blank), None);
}

fn request() -> Unsent {
    Unsent {
        endpoint: "v1/applications".into(),
        body: r#"{"schema_version":1,"data":{}}"#.into(),
    }
}

fn entry(error: Option<BackendError>, claim: Option<(&str, f64)>) -> Entry {
    let mut entry = Entry::waiting(
        "apply",
        "0123456789abcdef0123456789abcdef",
        request(),
        Template::default(),
    );
    entry.page = "/apply/check".into();
    entry.base = "/apply".into();
    entry.kind = "receipt".into();
    if let Some(error) = error {
        entry.refuse(error);
    }
    if let Some((by, until)) = claim {
        entry.claim = by.into();
        entry.until = until;
    }
    assert_eq!(entry.request(), request());
    entry
}

#[test]
fn when_a_flush_may_send_an_entry() {
    let now = 1_000.0;
    // (name, entry, sendable now)
    let cases = [
        ("waiting", entry(None, None), true),
        ("claimed", entry(None, Some(("other", 1_001.0))), false),
        ("claim expired", entry(None, Some(("other", 1_000.0))), true),
        ("refused", entry(Some(BackendError::Server), None), false),
        (
            "refused, fields",
            entry(
                Some(BackendError::Refused(vec![
                    astana_hub_portal::api::FieldError::new("organisation.bin", "ids.x"),
                ])),
                None,
            ),
            false,
        ),
    ];
    for (name, entry, sendable) in cases {
        assert_eq!(entry.sendable(now), sendable, "{name}");
        // Kept and read back as stored, error and claim included.
        let read: Entry = serde_json::from_str(&serde_json::to_string(&entry).unwrap()).unwrap();
        assert_eq!(read, entry, "{name}");
    }
    let mine = entry(None, Some(("me", 2_000.0)));
    assert!(mine.claimed_by("me"));
    assert!(!mine.claimed_by("other"));
    assert!(!entry(None, None).claimed_by("me"));
}

#[test]
fn a_refusal_is_kept_as_text_and_read_back() {
    let errors = [
        BackendError::Offline,
        BackendError::TimedOut,
        BackendError::Refused(vec![astana_hub_portal::api::FieldError::new(
            "organisation.bin",
            "ids.x",
        )]),
        BackendError::Conflict(None),
        BackendError::Conflict(Some("AH-2026-P-ABCDEF-G".into())),
        BackendError::NotFound,
        BackendError::TooManyRequests(90),
        BackendError::Server,
        BackendError::Unexpected,
    ];
    assert_eq!(entry(None, None).failure(), None);
    for error in errors {
        let kept = entry(Some(error.clone()), None);
        let read: Entry = serde_json::from_str(&serde_json::to_string(&kept).unwrap()).unwrap();
        assert_eq!(read.failure(), Some(error));
    }
}
