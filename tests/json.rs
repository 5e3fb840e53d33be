//! The small JSON reader and writer (`src/json.rs`): what serde_json reads, it reads the same;
//! what is not JSON, it refuses with where it stopped; it writes what serde_json writes.

use astana_hub_portal::json::{Json, parse};
use proptest::prelude::*;

/// serde_json's value as the reader's, numbers compared by their value.
fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => a.parse::<f64>().ok() == b.as_f64(),
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn reads_what_serde_json_writes(v in value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            serde_json::to_string(&v).unwrap()
        };
        let read = parse(&text);
        prop_assert!(read.as_ref().is_ok_and(|ours| same(ours, &v)), "{text}: {read:?}");
    }

    /// The writer writes what serde_json writes, compact and indented, so a draft or a list
    /// written by an older version reads the same and files keep their shape; and what it
    /// writes reads back as the value written.
    #[test]
    fn writes_what_serde_json_writes(v in value()) {
        let ours = parse(&serde_json::to_string(&v).unwrap()).unwrap();
        prop_assert_eq!(ours.write(), serde_json::to_string(&v).unwrap());
        prop_assert_eq!(ours.write_pretty(), serde_json::to_string_pretty(&v).unwrap());
        prop_assert_eq!(parse(&ours.write()), Ok(ours.clone()));
        prop_assert_eq!(parse(&ours.write_pretty()), Ok(ours));
    }

    /// Any text at all: accepted where serde_json accepts it, refused where it refuses it. (They
    /// differ past 64 levels of nesting and on numbers beyond f64's range, which this reader
    /// keeps as text; random text reaches neither.)
    #[test]
    fn random_text_is_accepted_or_refused_as_serde_json_does(text in any::<String>()) {
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        let ours = parse(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
    }
}

#[test]
fn escapes_are_decoded() {
    let cases = [
        (r#""a\"b\\c\/d""#, "a\"b\\c/d"),
        (r#""\b\f\n\r\t""#, "\u{8}\u{c}\n\r\t"),
        (r#""\u0041\u00e9\u0416""#, "AéЖ"),
        (r#""\ud83d\ude00""#, "😀"),
        (r#""қазақ 😀""#, "қазақ 😀"),
    ];
    for (text, expected) in cases {
        assert_eq!(parse(text), Ok(Json::String(expected.into())), "{text}");
    }
}

#[test]
fn what_is_not_json_is_refused_with_where_it_stopped() {
    let cases = [
        ("", "unexpected end at line 1, column 1"),
        ("{", "expected a name in quotes at line 1, column 2"),
        ("{\"a\" 1}", "expected `:` at line 1, column 6"),
        (
            "{\"a\":1,}",
            "expected a name in quotes at line 1, column 8",
        ),
        ("[1 2]", "expected `,` or `]` at line 1, column 4"),
        ("{\n  \"a\": tru\n}", "expected a value at line 2, column 8"),
        ("01", "invalid number at line 1, column 3"),
        ("1.", "invalid number at line 1, column 3"),
        ("-", "invalid number at line 1, column 2"),
        ("1e", "invalid number at line 1, column 3"),
        ("\"a", "unterminated string at line 1, column 3"),
        (
            "\"a\nb\"",
            "control character in a string at line 1, column 3",
        ),
        (r#""\x""#, "invalid escape at line 1, column 3"),
        (r#""\u12""#, "invalid escape at line 1, column 4"),
        (
            r#""\ud83d""#,
            "lone surrogate in a string at line 1, column 8",
        ),
        (
            r#""\ude00""#,
            "lone surrogate in a string at line 1, column 8",
        ),
        ("{} x", "trailing characters at line 1, column 4"),
        ("<html>", "expected a value at line 1, column 1"),
    ];
    for (text, expected) in cases {
        assert_eq!(parse(text), Err(expected.to_owned()), "{text:?}");
    }
}

#[test]
fn nesting_is_limited_so_no_input_exhausts_the_stack() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&deep(64)).is_ok());
    assert!(parse(&deep(100_000)).is_err_and(|e| e.starts_with("nested too deeply")));
}

#[test]
fn numbers_keep_their_text() {
    assert_eq!(
        parse(r#"[0, -12, 0.25, 1E+3]"#),
        Ok(Json::Array(
            ["0", "-12", "0.25", "1E+3"]
                .map(|n| Json::Number(n.into()))
                .into()
        ))
    );
}

#[test]
fn repeated_names_are_kept_in_order() {
    assert_eq!(
        parse(r#"{"a": 1, "a": true}"#),
        Ok(Json::Object(vec![
            ("a".into(), Json::Number("1".into())),
            ("a".into(), Json::Bool(true)),
        ]))
    );
}
