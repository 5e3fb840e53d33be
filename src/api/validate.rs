//! The field checks of a submission, declared on its types with `validator` (lengths from
//! [`super::limits`], ranges, nested types and the custom checks below), and their errors as
//! the contract's [`FieldError`]s.
//!
//! The checks that need the date of the day or several fields at once stay in each type's
//! `check`, which starts from [`check_fields`].

use std::cmp::Ordering;

use serde::Serialize;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

use super::limits;
use super::problem::FieldError;
use crate::domain::{
    contact::{email_shaped, kazakh_phone},
    ids::{IdError, parse_applicant_bin, parse_bin, parse_iin},
};

// The limits of `super::limits`, in the type of `validator`'s `length(max = ...)`.
pub(super) const MAX_TEXT: u64 = limits::MAX_TEXT as u64;
pub(super) const MAX_LONG_TEXT: u64 = limits::MAX_LONG_TEXT as u64;
pub(super) const MAX_ITEMS: u64 = limits::MAX_ITEMS as u64;

/// The code of a text longer than its limit; the limit is the error's `max`.
pub const TOO_LONG: &str = "api.field.too_long";
/// The code of a list with more items than [`limits::MAX_ITEMS`].
pub const TOO_MANY: &str = "api.field.too_many";

/// The typed checks of `body` (lengths, shapes, identification numbers) as field errors, in
/// the order of the fields in the body.
pub fn check_fields<T: Validate + Serialize>(body: &T) -> Vec<FieldError> {
    in_body_order(body, validated(body))
}

/// The typed checks of `body` as field errors, ordered by path ([`field_errors`]).
pub(super) fn validated<T: Validate>(body: &T) -> Vec<FieldError> {
    match body.validate() {
        Ok(()) => Vec::new(),
        Err(errors) => field_errors(&errors),
    }
}

/// `validator`'s errors as field errors: dotted paths (`team.2.name`, `organisation.bin`,
/// `activities.3`), one error per path (the first of its field's checks: the length before
/// the shape), ordered by path with list indexes as numbers.
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut found = Vec::new();
    collect(errors, "", &mut found);
    found.sort_by(|a, b| by_path(&a.path, &b.path));
    found.dedup_by(|later, first| later.path == first.path);
    found
}

fn collect(errors: &ValidationErrors, prefix: &str, found: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = join(prefix, field);
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    field_error(&path, error, found);
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, found),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    collect(inner, &join(&path, &i.to_string()), found);
                }
            }
        }
    }
}

/// One error of the field at `path`; an error of a list's items ([`short_items`]) names each
/// item refused.
fn field_error(path: &str, error: &ValidationError, found: &mut Vec<FieldError>) {
    let max = error.params.get("max").and_then(|m| m.as_u64());
    let detail = match (error.code.as_ref(), max) {
        (TOO_LONG, Some(max)) => Some(format!("at most {max} characters")),
        (TOO_MANY, Some(max)) => Some(format!("at most {max} items")),
        _ => None,
    };
    let make = |path: String| FieldError {
        path,
        code: error.code.to_string(),
        detail: detail.clone(),
    };
    match error.params.get("items").and_then(|i| i.as_array()) {
        Some(items) => found.extend(
            items
                .iter()
                .filter_map(|i| i.as_u64())
                .map(|i| make(join(path, &i.to_string()))),
        ),
        None => found.push(make(path.to_owned())),
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// Paths by their parts, list indexes as numbers (`team.2` before `team.10`).
fn by_path(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.split('.'), b.split('.'));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<usize>(), y.parse::<usize>()) {
                    (Ok(x), Ok(y)) => x.cmp(&y),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// `errors` in the order their fields come in `body` (the order of the types' declarations,
/// which is the forms' order), one per path: the first. A path absent from the body (an
/// optional field left out) goes after the others.
pub(super) fn in_body_order<T: Serialize>(
    body: &T,
    mut errors: Vec<FieldError>,
) -> Vec<FieldError> {
    if errors.len() > 1 {
        let order = serde_json::to_string(body)
            .map(|json| paths_in_order(&json))
            .unwrap_or_default();
        errors.sort_by_key(|e| {
            order
                .iter()
                .position(|p| *p == e.path)
                .unwrap_or(usize::MAX)
        });
    }
    let mut seen: Vec<String> = Vec::new();
    errors.retain(|e| {
        let first = !seen.contains(&e.path);
        if first {
            seen.push(e.path.clone());
        }
        first
    });
    errors
}

/// A place in the JSON being read: an object's current key, or a list's current index.
enum Level {
    Object(Option<String>),
    List(usize),
}

/// Every key and list item of the JSON `text` (as serde_json writes it), as a dotted path, in
/// the order they are written.
fn paths_in_order(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut levels: Vec<Level> = Vec::new();
    // After `{` or `,` in an object, the next string is a key.
    let mut key_next = false;
    let path = |levels: &[Level]| {
        levels
            .iter()
            .filter_map(|level| match level {
                Level::Object(key) => key.clone(),
                Level::List(i) => Some(i.to_string()),
            })
            .collect::<Vec<_>>()
            .join(".")
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut string = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => string.push(c),
                    }
                }
                if key_next && let Some(Level::Object(key)) = levels.last_mut() {
                    *key = Some(string);
                    paths.push(path(&levels));
                }
                key_next = false;
            }
            '{' => {
                levels.push(Level::Object(None));
                key_next = true;
            }
            '[' => {
                levels.push(Level::List(0));
                if chars.peek() != Some(&']') {
                    paths.push(path(&levels));
                }
            }
            ',' => match levels.last_mut() {
                Some(Level::List(i)) => {
                    *i += 1;
                    paths.push(path(&levels));
                }
                _ => key_next = true,
            },
            '}' | ']' => {
                levels.pop();
            }
            _ => {}
        }
    }
    paths
}

// The custom checks, each answering with the code of the message the interface shows.

/// Text with something other than spaces in it.
pub fn required(text: &str) -> Result<(), ValidationError> {
    if text.trim().is_empty() {
        return Err(ValidationError::new("api.field.required"));
    }
    Ok(())
}

/// A list with at least one item.
pub fn some_items<T>(items: &[T]) -> Result<(), ValidationError> {
    if items.is_empty() {
        return Err(ValidationError::new("api.field.required"));
    }
    Ok(())
}

/// Each item of a list of texts at most [`limits::MAX_TEXT`] characters long; the error names the
/// items beyond it (`items`), each refused on its own path (`activities.3`).
pub fn short_items(items: &[String]) -> Result<(), ValidationError> {
    let long: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.chars().count() > limits::MAX_TEXT)
        .map(|(i, _)| i)
        .collect();
    if long.is_empty() {
        return Ok(());
    }
    let mut error = ValidationError::new(TOO_LONG);
    error.add_param("max".into(), &limits::MAX_TEXT);
    error.add_param("items".into(), &long);
    Err(error)
}

/// An email address's shape ([`email_shaped`]).
pub fn email_address(text: &str) -> Result<(), ValidationError> {
    if !email_shaped(text) {
        return Err(ValidationError::new("api.field.email"));
    }
    Ok(())
}

/// A Kazakh phone number ([`kazakh_phone`]).
pub fn phone_number(text: &str) -> Result<(), ValidationError> {
    if !kazakh_phone(text) {
        return Err(ValidationError::new("api.field.phone"));
    }
    Ok(())
}

fn id<T>(parsed: Result<T, IdError>) -> Result<(), ValidationError> {
    parsed
        .map(|_| ())
        .map_err(|e| ValidationError::new(e.message_key()))
}

/// Any BIN, a branch's included ([`parse_bin`]).
pub fn bin_number(text: &str) -> Result<(), ValidationError> {
    id(parse_bin(text))
}

/// The BIN of an organisation acting for itself, not a branch's ([`parse_applicant_bin`]).
pub fn applicant_bin_number(text: &str) -> Result<(), ValidationError> {
    id(parse_applicant_bin(text))
}

/// An IIN ([`parse_iin`]).
pub fn iin_number(text: &str) -> Result<(), ValidationError> {
    id(parse_iin(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_text_and_ignore_what_strings_hold() {
        let text = r#"{"b":{"z":"a \"quoted\", [bracket] {brace}: text","a":[]},"a":[{"y":1},{"x":[2,3]}]}"#;
        assert_eq!(
            paths_in_order(text),
            [
                "b", "b.z", "b.a", "a", "a.0", "a.0.y", "a.1", "a.1.x", "a.1.x.0", "a.1.x.1"
            ]
        );
    }

    #[test]
    fn errors_absent_from_the_body_come_last_and_each_path_once() {
        let body = serde_json::json!({"name": "", "email": "x"});
        let errors = vec![
            FieldError::new("missing", "api.field.required"),
            FieldError::new("email", "api.field.email"),
            FieldError::new("name", "api.field.required"),
            FieldError::new("email", "api.field.too_long"),
        ];
        let ordered: Vec<_> = in_body_order(&body, errors)
            .into_iter()
            .map(|e| (e.path, e.code))
            .collect();
        // serde_json's own maps are sorted: "email" comes before "name" in this body.
        assert_eq!(
            ordered,
            [
                ("email".into(), "api.field.email".into()),
                ("name".into(), "api.field.required".into()),
                ("missing".into(), "api.field.required".into()),
            ]
        );
    }
}
