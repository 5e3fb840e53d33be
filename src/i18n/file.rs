//! The file of one part of one language's texts (`texts/kk.json`, `texts/journeys/en.json`, …;
//! see [`super::Part`]): a JSON object from key to text. The build writes it; native builds
//! compile it in, the browser fetches it when it is needed. Keyed, not positional, so a copy
//! cached from an older build still fits: a key it lacks is shown in English, a key it has that
//! is no longer used is never asked for.

use std::collections::BTreeMap;

use crate::json::{self, Json};

/// Key to text.
pub type Texts = BTreeMap<String, String>;

pub fn write(texts: &Texts) -> String {
    serde_json::to_string(texts).expect("a map of strings always serializes")
}

/// The texts of a file, or why it is not one: anything but an object of strings is refused.
/// Read with [`crate::json`], as this is on the first load of a Kazakh or Russian reader.
pub fn parse(file: &str) -> Result<Texts, String> {
    let Json::Object(members) = json::parse(file)? else {
        return Err("a texts file is an object".into());
    };
    // Inserted one by one: collecting would sort them first, with a sort the first load
    // otherwise does without.
    let mut texts = Texts::new();
    for (key, text) in members {
        let Json::String(text) = text else {
            return Err(format!(
                "the text of {key} is {}, not a string",
                text.kind()
            ));
        };
        texts.insert(key, text);
    }
    Ok(texts)
}
