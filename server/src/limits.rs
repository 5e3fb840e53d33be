//! Size limits, checked before a body is read into its type, so that no field can make the
//! service store or process more than a form could ever send.

use astana_hub_portal::api::FieldError;
use serde_json::Value;

use astana_hub_portal::api::limits::{MAX_ITEMS, MAX_LONG_TEXT, MAX_TEXT};

/// The largest request body, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The shortest and the longest idempotency key (`public/openapi.yaml`): long enough to be
/// unique when made at random.
pub const MIN_KEY: usize = 16;
pub const MAX_KEY: usize = 64;

/// Fields where people write prose.
const LONG_TEXT_FIELDS: [&str; 4] = [
    "description",
    "business_plan_summary",
    "project_summary",
    "access_needs",
];

/// Every text and list of `data` that is too long, with its path (`team.2.name`).
pub fn check(data: &Value) -> Vec<FieldError> {
    let mut errors = Vec::new();
    walk(data, "", "", &mut errors);
    errors
}

fn walk(value: &Value, path: &str, field: &str, errors: &mut Vec<FieldError>) {
    match value {
        Value::String(text) => {
            let max = if LONG_TEXT_FIELDS.contains(&field) {
                MAX_LONG_TEXT
            } else {
                MAX_TEXT
            };
            if text.chars().count() > max {
                errors.push(too_long(
                    path,
                    "api.field.too_long",
                    format!("{max} characters"),
                ));
            }
        }
        Value::Array(items) => {
            if items.len() > MAX_ITEMS {
                errors.push(too_long(
                    path,
                    "api.field.too_many",
                    format!("{MAX_ITEMS} items"),
                ));
            }
            for (i, item) in items.iter().enumerate().take(MAX_ITEMS) {
                walk(item, &join(path, &i.to_string()), field, errors);
            }
        }
        Value::Object(map) => {
            for (name, item) in map {
                walk(item, &join(path, name), name, errors);
            }
        }
        _ => {}
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn too_long(path: &str, code: &str, most: String) -> FieldError {
    FieldError {
        path: path.to_owned(),
        code: code.to_owned(),
        detail: Some(format!("at most {most}")),
    }
}

/// An idempotency key: [`MIN_KEY`] to [`MAX_KEY`] visible ASCII characters.
pub fn key_is_acceptable(key: &str) -> bool {
    (MIN_KEY..=MAX_KEY).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_texts_and_lists_are_named_by_path() {
        let data = json!({
            "project_summary": "x".repeat(MAX_LONG_TEXT),
            "team": [{"name": "y".repeat(MAX_TEXT + 1), "access_needs": "z".repeat(MAX_TEXT + 1)}],
            "activities": vec!["a"; MAX_ITEMS + 1],
        });
        let paths: Vec<_> = check(&data).into_iter().map(|e| (e.path, e.code)).collect();
        assert_eq!(
            paths,
            [
                ("activities".into(), "api.field.too_many".into()),
                ("team.0.name".into(), "api.field.too_long".into()),
            ]
        );
    }

    #[test]
    fn characters_not_bytes_are_counted() {
        assert!(check(&json!({"name": "Ә".repeat(MAX_TEXT)})).is_empty());
    }

    #[test]
    fn keys_are_visible_ascii_of_bounded_length() {
        assert!(key_is_acceptable("0f3a9c0f3a9c0f3a"));
        assert!(!key_is_acceptable("0f3a9c0f3a9c0f3"));
        assert!(!key_is_acceptable("with space 0f3a9c0f3a9c"));
        assert!(!key_is_acceptable(&"k".repeat(MAX_KEY + 1)));
    }
}
