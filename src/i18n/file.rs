//! The file of one part of one language's texts (`texts/kk.json`, `texts/journeys/en.json`, …;
//! see [`super::Part`]): a JSON object from key to text. The build writes it; native builds
//! compile it in, the browser fetches it when it is needed. Keyed, not positional, so a copy
//! cached from an older build still fits: a key it lacks is shown in English, a key it has that
//! is no longer used is never asked for.

use std::collections::BTreeMap;

/// Key to text.
pub type Texts = BTreeMap<String, String>;

pub fn write(texts: &Texts) -> String {
    serde_json::to_string(texts).expect("a map of strings always serializes")
}

/// The texts of a file, or why it is not one: anything but an object of strings is refused.
pub fn parse(file: &str) -> Result<Texts, serde_json::Error> {
    serde_json::from_str(file)
}
