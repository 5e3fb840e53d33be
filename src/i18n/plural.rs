//! Plural forms. A text that holds a count has one form per plural category its language
//! needs, by the CLDR cardinal rules for whole numbers: English and Kazakh `one` (1) and
//! `other`; Russian `one` (1, 21, 31, … but not 11), `few` (2–4, 22–24, … but not 12–14) and
//! `many` (the rest). In `src/i18n/*.toml` such a text names its count and gives the forms:
//!
//! ```toml
//! [form.chars_left]
//! count = "count"
//! en = { one = "You have {count} character remaining", other = "You have {count} characters remaining" }
//! kk = { one = "…", other = "…" }
//! ru = { one = "Остался {count} символ", few = "Осталось {count} символа", many = "Осталось {count} символов" }
//! ```
//!
//! The build refuses a language without exactly its forms or a form without the count. In the
//! texts files a plural text stays one string ([`encode`]), so their format and the lookup do
//! not change. Shared with `build.rs`, so this file uses nothing of the crate.

/// Starts a plural text in the texts files, and separates its parts: a control character no
/// text contains.
pub const MARK: char = '\u{1e}';

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    One,
    Few,
    Many,
    Other,
}

impl Form {
    /// The category's name, as the text files write it.
    pub fn name(self) -> &'static str {
        match self {
            Form::One => "one",
            Form::Few => "few",
            Form::Many => "many",
            Form::Other => "other",
        }
    }
}

/// The forms the texts of a language (its code) have, in the order a plural text holds them.
pub fn forms(lang: &str) -> &'static [Form] {
    match lang {
        "ru" => &[Form::One, Form::Few, Form::Many],
        _ => &[Form::One, Form::Other],
    }
}

/// The form a count of `n` takes in a language (its code).
pub fn form(lang: &str, n: u64) -> Form {
    match lang {
        "ru" => match (n % 10, n % 100) {
            (1, rest) if rest != 11 => Form::One,
            (2..=4, rest) if !(12..=14).contains(&rest) => Form::Few,
            _ => Form::Many,
        },
        _ if n == 1 => Form::One,
        _ => Form::Other,
    }
}

/// A plural text as the texts files hold it: the mark, the count's name, then each form after
/// a mark, in the order of [`forms`].
pub fn encode(count: &str, texts: &[&str]) -> String {
    let mut out = format!("{MARK}{count}");
    for text in texts {
        out.push(MARK);
        out.push_str(text);
    }
    out
}

/// The count's name and the forms of a plural text, in the order of [`forms`]; `None` for a
/// text without forms.
pub fn decode(text: &str) -> Option<(&str, Vec<&str>)> {
    let mut parts = text.strip_prefix(MARK)?.split(MARK);
    let count = parts.next()?;
    Some((count, parts.collect()))
}
