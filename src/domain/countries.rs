//! Countries and territories of ISO 3166-1 (alpha-2), named in the three languages, for
//! citizenship questions. The list is data: `data/countries.toml`; the build moves the Kazakh
//! and Russian names into the texts of those languages (`country.<code>`), so the browser
//! fetches them with the rest of the language instead of carrying them in the first load. It
//! also sorts the names by each language's alphabet and writes the codes in that order into
//! the language's texts (`country.order`): Қытай comes after Куба in Kazakh, not after Япония.

use crate::domain::params::parse;
use crate::i18n::{Lang, lookup};
use crate::json::{FromJson, Json, Members, ReadError};
use serde::Serialize;
use std::sync::OnceLock;

/// Kazakhstan: its citizens need no visa invitation (Art. 7-1 is about foreigners and
/// stateless persons).
pub const HOME_COUNTRY: &str = "KZ";

/// A citizenship other than Kazakhstan's (stateless included); empty is no answer.
pub fn is_foreign(code: &str) -> bool {
    let code = code.trim();
    !code.is_empty() && !code.eq_ignore_ascii_case(HOME_COUNTRY)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    pub en: String,
}

impl Country {
    /// The name in `lang`, in English while that language's texts are not here.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            _ => lookup(lang, &format!("country.{}", self.code)).unwrap_or(&self.en),
        }
    }
}

impl FromJson for Country {
    fn from_json(value: &Json) -> Result<Country, ReadError> {
        let members = Members::of(value)?;
        Ok(Country {
            code: members.required("code")?,
            en: members.required("en")?,
        })
    }
}

struct CountryFile {
    countries: Vec<Country>,
}

impl FromJson for CountryFile {
    fn from_json(value: &Json) -> Result<CountryFile, ReadError> {
        Ok(CountryFile {
            countries: Members::of(value)?.required("countries")?,
        })
    }
}

/// Every country, sorted by code.
pub fn countries() -> &'static [Country] {
    static DATA: OnceLock<Vec<Country>> = OnceLock::new();
    DATA.get_or_init(|| {
        parse::<CountryFile>(
            "countries",
            include_str!(concat!(env!("OUT_DIR"), "/data/countries.json")),
        )
        .countries
    })
}

/// The country with this code, in any letter case.
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim().to_ascii_uppercase();
    countries()
        .binary_search_by(|c| c.code.as_str().cmp(&code))
        .ok()
        .map(|i| &countries()[i])
}

/// Every country, by its name in `lang` in the order of that language's alphabet, as the build
/// sorted them. A country the order lacks (texts cached from an older build) comes last; while
/// the language's texts are not here, the countries are in English order, as their names are.
pub fn sorted(lang: Lang) -> Vec<&'static Country> {
    let order = lookup(lang, "country.order").or_else(|| lookup(Lang::En, "country.order"));
    let mut list: Vec<&Country> = order
        .unwrap_or_default()
        .split(' ')
        .filter_map(country)
        .collect();
    let missing: Vec<_> = countries().iter().filter(|c| !list.contains(c)).collect();
    list.extend(missing);
    list
}

/// Countries whose name in `lang` or whose code contains `query`, ignoring letter case, in the
/// order of [`sorted`]; all of them for an empty query. For the searchable citizenship list.
pub fn search(query: &str, lang: Lang) -> Vec<&'static Country> {
    let query = query.trim().to_lowercase();
    sorted(lang)
        .into_iter()
        .filter(|c| {
            query.is_empty()
                || c.name(lang).to_lowercase().contains(&query)
                || c.code.to_lowercase() == query
        })
        .collect()
}
