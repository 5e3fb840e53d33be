//! The ISO 3166-1 country list used for citizenship.
#![cfg(not(target_arch = "wasm32"))]

use astana_hub_portal::domain::countries::{countries, country, search};
use astana_hub_portal::i18n::Lang;

#[test]
fn iso_3166_1_list_is_complete_sorted_and_named_in_three_languages() {
    let all = countries();
    assert_eq!(all.len(), 249, "ISO 3166-1 assigns 249 alpha-2 codes");
    for pair in all.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "sorted and unique: {}",
            pair[1].code
        );
    }
    for c in all {
        assert!(
            c.code.len() == 2 && c.code.chars().all(|ch| ch.is_ascii_uppercase()),
            "{}",
            c.code
        );
        for lang in Lang::ALL {
            assert!(!c.name(lang).trim().is_empty(), "{} in {lang:?}", c.code);
        }
        for text in [c.name(Lang::Kk), c.name(Lang::Ru)] {
            assert!(
                !text.chars().any(|ch| ch.is_ascii_alphabetic()),
                "{}: Kazakh and Russian names are in Cyrillic: {text}",
                c.code
            );
        }
    }
}

#[test]
fn lookup_by_code_ignores_case() {
    assert_eq!(country("kz").map(|c| c.name(Lang::Ru)), Some("Казахстан"));
    assert_eq!(country(" DE ").map(|c| c.name(Lang::Kk)), Some("Германия"));
    assert_eq!(country("XX"), None);
    assert_eq!(country(""), None);
}

#[test]
fn search_by_name_in_the_chosen_language_or_by_code() {
    let names =
        |q: &str, lang| -> Vec<String> { search(q, lang).iter().map(|c| c.code.clone()).collect() };
    assert_eq!(names("kazakh", Lang::En), ["KZ"]);
    assert_eq!(names("қазақ", Lang::Kk), ["KZ"]);
    assert_eq!(names("УЗБЕК", Lang::Ru), ["UZ"]);
    assert_eq!(names("tr", Lang::Ru), ["TR"], "a code matches exactly");
    assert!(names("guinea", Lang::En).len() >= 4);
    assert_eq!(search("", Lang::En).len(), countries().len());
    assert!(search("<script>", Lang::En).is_empty());
}
