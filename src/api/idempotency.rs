//! The idempotency rule. A submission carries an `Idempotency-Key`; the service remembers each
//! key with the fingerprint of the body it came with and the answer it gave:
//! - a new key: the submission is made and remembered;
//! - the same key with the same body: the first answer again, nothing new is made;
//! - the same key with another body: refused with 409 Conflict (problem type
//!   [`crate::api::ProblemKind::IdempotencyConflict`]), since a key names one submission; the
//!   refusal names the submission already made (its `reference`), so it is no dead end.
//!
//! The fingerprint is FNV-1a (64 bits) over the canonical JSON of the body: object keys sorted,
//! no spaces, strings and numbers as serde_json writes them. So key order and formatting do not
//! matter, while any changed value does.

use serde::Serialize;
use serde_json::Value;

/// 16 lower-case hex digits.
pub type Fingerprint = String;

/// The body written with sorted keys and no spaces.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(item, out);
            }
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The fingerprint of any body.
pub fn fingerprint<T: Serialize>(body: &T) -> Fingerprint {
    let value = serde_json::to_value(body).unwrap_or(Value::Null);
    format!("{:016x}", fnv1a(canonical_json(&value).as_bytes()))
}

/// What to do with a submission, given what was remembered under its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replay<T> {
    /// A key never seen: make the submission.
    New,
    /// The same key and body: answer this again.
    Same(T),
    /// The same key with another body: refuse, naming what was made under the key.
    Conflict(T),
}

/// Applies the rule to `remembered`, the fingerprint and answer stored under the key, if any.
pub fn replay<T: Clone>(remembered: Option<(&str, &T)>, body_fingerprint: &str) -> Replay<T> {
    match remembered {
        None => Replay::New,
        Some((stored, answer)) if stored == body_fingerprint => Replay::Same(answer.clone()),
        Some((_, answer)) => Replay::Conflict(answer.clone()),
    }
}
