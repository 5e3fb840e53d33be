//! The ISO 3166-1 country list used for citizenship.
#![cfg(not(target_arch = "wasm32"))]

use astana_hub_portal::domain::countries::{countries, country, search, sorted};
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

/// Names in the order of `alphabet` (lower case), letter by letter, a space before any
/// punctuation and both before any letter; a shorter name first.
fn in_alphabet_order(names: &[&str], alphabet: &str) -> Result<(), String> {
    let rank = |name: &str| -> Vec<usize> {
        name.to_lowercase()
            .chars()
            .map(|c| match alphabet.chars().position(|l| l == c) {
                Some(i) => i + 2,
                None if c == ' ' => 0,
                None => 1,
            })
            .collect()
    };
    for pair in names.windows(2) {
        if rank(pair[0]) > rank(pair[1]) {
            return Err(format!("{} before {}", pair[0], pair[1]));
        }
    }
    Ok(())
}

fn names(lang: Lang) -> Vec<&'static str> {
    sorted(lang).iter().map(|c| c.name(lang)).collect()
}

/// Kazakh letters are in their own places of the alphabet, not after Я as code points would
/// put them: А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я.
#[test]
fn kazakh_names_follow_the_kazakh_alphabet() {
    let kk = names(Lang::Kk);
    let at = |name: &str| {
        kk.iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let cases = [
        ("Куба", "Қазақстан", "Қ after К"),
        ("Кюрасао", "Қытай", "Қ after every К"),
        ("Қырғызстан", "Қытай", "Қы-р before Қы-т"),
        ("Қытай", "Лаос", "Қ before Л"),
        ("Оман", "Өзбекстан", "Ө after О"),
        ("Өзбекстан", "Пәкістан", "Ө before П"),
        ("Уругвай", "Ұлыбритания", "Ұ after У"),
        ("Ұлыбритания", "Үндістан", "Ү after Ұ"),
        ("Үндістан", "Фиджи", "Ү before Ф"),
        ("Ауғанстан", "Әзірбайжан", "Ә after А"),
        ("Әзірбайжан", "Бангладеш", "Ә before Б"),
        ("Оман", "Оңтүстік Африка Республикасы", "Ң after М and Н"),
        ("Эстония", "Ямайка", "Я last"),
    ];
    for (before, after, why) in cases {
        assert!(at(before) < at(after), "{before} before {after}: {why}");
    }
    assert_eq!(kk.last(), Some(&"Ямайка"));
    let alphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    in_alphabet_order(&kk, alphabet).unwrap();
}

#[test]
fn russian_names_follow_the_russian_alphabet() {
    let ru = names(Lang::Ru);
    in_alphabet_order(&ru, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя").unwrap();
    assert_eq!(ru.first(), Some(&"Австралия"));
    assert_eq!(ru.last(), Some(&"Япония"));
}

/// English ignores accents: Åland Islands among the A's, Côte d'Ivoire among the C's.
#[test]
fn english_names_sort_accented_letters_as_their_base_letter() {
    let en = names(Lang::En);
    let at = |name: &str| {
        en.iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert!(at("Afghanistan") < at("Åland Islands") && at("Åland Islands") < at("Albania"));
    assert!(at("Costa Rica") < at("Côte d'Ivoire") && at("Côte d'Ivoire") < at("Croatia"));
    assert!(at("Cuba") < at("Curaçao") && at("Curaçao") < at("Cyprus"));
    assert_eq!(en.first(), Some(&"Afghanistan"));
    assert_eq!(en.last(), Some(&"Zimbabwe"));
}

#[test]
fn every_language_lists_every_country_once() {
    for lang in Lang::ALL {
        let mut codes: Vec<&str> = sorted(lang).iter().map(|c| c.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), countries().len(), "{lang:?}");
    }
}
