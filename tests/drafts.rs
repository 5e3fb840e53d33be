//! The saved draft's rules, table by table: what is read and what is refused, how older
//! versions are read, when a draft expires, and when a tab may write over the saved one.

use astana_hub_portal::ui::{Draft, KEPT_DAYS, Unreadable};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A case: its name, the saved text, and the version and BIN read, or why not.
type Case = (
    &'static str,
    &'static str,
    Result<(u32, &'static str), Unreadable>,
);

#[test]
fn reading_a_saved_draft() {
    use Unreadable::*;
    let cases: &[Case] = &[
        // The current version, as written.
        (
            "current",
            r#"{"journey":"apply","version":2,"answers":{"bin":"970740000838"},"idempotency_key":"k","saved_on":"2026-03-02","revision":7}"#,
            Ok((2, "970740000838")),
        ),
        // Older versions lack only the date and the revision: read as the current one.
        (
            "version 1",
            r#"{"journey":"apply","version":1,"answers":{"bin":"1"},"idempotency_key":""}"#,
            Ok((2, "1")),
        ),
        (
            "version 0",
            r#"{"journey":"apply","version":0,"answers":{"bin":"0"}}"#,
            Ok((2, "0")),
        ),
        (
            "no version",
            r#"{"journey":"apply","answers":{"bin":"x"}}"#,
            Ok((2, "x")),
        ),
        // Saved by a newer portal: not guessed at.
        (
            "newer version",
            r#"{"journey":"apply","version":3,"answers":{}}"#,
            Err(Version),
        ),
        // Damaged: not JSON, cut short, wrong shape, unknown fields, another journey.
        ("not JSON", "hello", Err(Damaged)),
        ("cut short", r#"{"journey":"apply","vers"#, Err(Damaged)),
        ("empty", "", Err(Damaged)),
        ("a list", "[1,2]", Err(Damaged)),
        (
            "answers not a map",
            r#"{"journey":"apply","version":2,"answers":[]}"#,
            Err(Damaged),
        ),
        (
            "version not a number",
            r#"{"journey":"apply","version":"2","answers":{}}"#,
            Err(Damaged),
        ),
        (
            "unknown field",
            r#"{"journey":"apply","version":2,"answers":{},"x":1}"#,
            Err(Damaged),
        ),
        (
            "no answers",
            r#"{"journey":"apply","version":2}"#,
            Err(Damaged),
        ),
        (
            "another journey",
            r#"{"journey":"acceleration","version":2,"answers":{}}"#,
            Err(Damaged),
        ),
        (
            "bad date",
            r#"{"journey":"apply","version":2,"answers":{},"saved_on":"2026-02-30"}"#,
            Err(Damaged),
        ),
        (
            "no date",
            r#"{"journey":"apply","version":2,"answers":{"bin":"2"},"saved_on":null}"#,
            Ok((2, "2")),
        ),
        (
            "a member twice",
            r#"{"journey":"apply","version":2,"answers":{},"answers":{}}"#,
            Err(Damaged),
        ),
        (
            "an answer not a string",
            r#"{"journey":"apply","version":2,"answers":{"bin":970740000838}}"#,
            Err(Damaged),
        ),
        (
            "journey not a string",
            r#"{"journey":null,"version":2,"answers":{}}"#,
            Err(Damaged),
        ),
        ("no journey", r#"{"version":2,"answers":{}}"#, Err(Damaged)),
        (
            "revision negative",
            r#"{"journey":"apply","version":2,"answers":{},"revision":-1}"#,
            Err(Damaged),
        ),
        (
            "revision not whole",
            r#"{"journey":"apply","version":2,"answers":{},"revision":1.5}"#,
            Err(Damaged),
        ),
    ];
    for (name, json, expected) in cases {
        let read = Draft::read("apply", json)
            .map(|d| (d.version, d.answers.get("bin").cloned().unwrap_or_default()));
        let expected = expected.map(|(v, bin)| (v, bin.to_owned()));
        assert_eq!(read, expected, "{name}");
        assert_eq!(
            Draft::parse("apply", json).is_some(),
            expected.is_ok(),
            "{name}: parse agrees"
        );
    }
}

#[test]
fn a_read_draft_writes_back_the_same() {
    let json = r#"{"journey":"apply","version":1,"answers":{"org_name":"Qazaq Cloud LLP"}}"#;
    let draft = Draft::read("apply", json).unwrap();
    assert_eq!(
        draft.saved_on, None,
        "an older version has no date until its next change"
    );
    assert_eq!(draft.revision, 0);
    assert_eq!(Draft::read("apply", &draft.to_json()), Ok(draft));
}

/// The file a person downloads: its members in a fixed order, one a line.
#[test]
fn a_draft_is_written_as_an_indented_object() {
    let mut draft = Draft::new("apply");
    draft
        .answers
        .insert("org_name".into(), "«Qazaq\" Cloud» LLP\n".into());
    draft.idempotency_key = "k1".into();
    draft.saved_on = Some(day("2026-03-02"));
    draft.revision = 3;
    let expected = r#"{
  "journey": "apply",
  "version": 2,
  "answers": {
    "org_name": "«Qazaq\" Cloud» LLP\n"
  },
  "idempotency_key": "k1",
  "saved_on": "2026-03-02",
  "revision": 3
}"#;
    assert_eq!(draft.to_json(), expected);
    assert_eq!(
        Draft::new("fees").to_json(),
        "{\n  \"journey\": \"fees\",\n  \"version\": 2,\n  \"answers\": {},\n  \"idempotency_key\": \"\",\n  \"saved_on\": null,\n  \"revision\": 0\n}"
    );
}

#[test]
fn a_draft_expires_after_the_period_from_its_last_change() {
    assert_eq!(KEPT_DAYS, 30);
    let saved = |on: Option<&str>| Draft {
        saved_on: on.map(day),
        ..Draft::new("apply")
    };
    let cases = [
        (Some("2026-03-02"), "2026-03-02", false),
        (Some("2026-03-02"), "2026-04-01", false), // 30 days: still kept
        (Some("2026-03-02"), "2026-04-02", true),  // 31 days
        (Some("2025-12-15"), "2026-03-02", true),
        (Some("2026-03-10"), "2026-03-02", false), // saved "after" today: a moved clock
        (None, "2030-01-01", false),               // undated (older version)
    ];
    for (on, today, expired) in cases {
        assert_eq!(
            saved(on).expired(day(today)),
            expired,
            "saved {on:?}, today {today}"
        );
    }
}

#[test]
fn a_tab_writes_only_over_the_revision_it_read() {
    let stored = |revision| Draft {
        revision,
        ..Draft::new("apply")
    };
    // (revision in storage, revision this tab last read or wrote, may write)
    let cases = [
        (0, 0, true),  // nothing saved yet
        (4, 4, true),  // nobody else wrote since
        (5, 4, false), // another tab saved after this one read
        (0, 4, false), // another tab removed it (sent, or deleted everything)
        (9, 2, false),
    ];
    for (revision, seen, may) in cases {
        assert_eq!(
            stored(revision).writable_over(seen),
            may,
            "stored {revision}, seen {seen}"
        );
    }
}
