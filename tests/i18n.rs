//! Every text exists in Kazakh, Russian and English, and every key the interface names exists.

use std::{fs, path::Path, sync::Mutex};

use astana_hub_portal::i18n::{
    Lang,
    file::{Texts, parse, write},
    keys, lookup, message, on_missing, plural,
    plural::{Form, decode, form, forms},
    text,
};
use proptest::prelude::*;

#[test]
fn every_key_has_all_three_languages() {
    let missing: Vec<String> = keys()
        .flat_map(|key| {
            Lang::ALL
                .into_iter()
                .filter(move |&lang| lookup(lang, key).is_none())
                .map(move |lang| format!("{key} ({})", lang.code()))
        })
        .collect();
    assert!(keys().count() > 0, "no messages were compiled in");
    assert!(missing.is_empty(), "missing translations: {missing:?}");
}

#[test]
fn unknown_key_is_none() {
    assert_eq!(lookup(Lang::En, "no.such.key"), None);
    assert_eq!(
        lookup(Lang::Ru, "portal.name"),
        Some("Портал самообслуживания Astana Hub")
    );
}

#[test]
fn text_falls_back_to_english_then_to_the_key() {
    assert_eq!(text(Lang::Kk, "language.switcher"), "Тіл");
    assert_eq!(text(Lang::En, "language.switcher"), "Language");
    assert_eq!(text(Lang::Ru, "no.such.key"), "no.such.key");
}

/// A page shown a key its journey's texts lack fetches every journey's (`ui::i18n`), once told
/// of it. With every journey's texts here, as natively, a key not found exists nowhere (a
/// tampered draft's value), and a name is shown as it is: nobody is told, nothing is fetched.
#[test]
fn nothing_is_told_of_a_key_that_exists_nowhere() {
    static TOLD: Mutex<Vec<String>> = Mutex::new(Vec::new());
    on_missing(|_, key| TOLD.lock().unwrap().push(key.to_owned()));
    assert_eq!(text(Lang::Kk, "inv.no_such_text"), "inv.no_such_text");
    assert_eq!(text(Lang::En, "Silkway Accelerator"), "Silkway Accelerator");
    assert_ne!(text(Lang::Ru, "inv.surname"), "inv.surname");
    assert_eq!(*TOLD.lock().unwrap(), Vec::<String>::new());
}

#[test]
fn country_names_travel_with_the_texts_of_their_language() {
    assert_eq!(lookup(Lang::Kk, "country.KZ"), Some("Қазақстан"));
    assert_eq!(lookup(Lang::Ru, "country.KZ"), Some("Казахстан"));
    assert_eq!(
        lookup(Lang::En, "country.KZ"),
        None,
        "English names stay in the country list"
    );
}

/// The texts file: a JSON object from key to text, and nothing else.
#[test]
fn texts_file_is_an_object_of_strings() {
    let pair = |k: &str, v: &str| Texts::from([(k.to_owned(), v.to_owned())]);
    let cases: [(&str, Option<Texts>); 9] = [
        ("{}", Some(Texts::new())),
        (
            r#"{"nav.home":"Басты бет"}"#,
            Some(pair("nav.home", "Басты бет")),
        ),
        (r#" { "a.b" : "x\"y\n" } "#, Some(pair("a.b", "x\"y\n"))),
        (r#"{"a.b":""}"#, Some(pair("a.b", ""))),
        (r#"["Басты бет"]"#, None),
        (r#"{"a.b":1}"#, None),
        (r#"{"a.b":{"en":"x"}}"#, None),
        (r#"{"a.b":"x""#, None),
        ("", None),
    ];
    for (file, expected) in cases {
        assert_eq!(parse(file).ok(), expected, "{file:?}");
    }
}

proptest! {
    #[test]
    fn any_texts_round_trip_through_the_file(
        texts in prop::collection::btree_map(any::<String>(), any::<String>(), 0..20)
    ) {
        prop_assert_eq!(parse(&write(&texts)).ok(), Some(texts));
    }
}

/// String literals shaped like message keys ("home.title") in the interface's sources, except
/// in comments and in match patterns (`"contact.email" => …`: a path of the service's answer
/// being read, not a text being looked up).
fn keys_named_in(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("read source folder") {
        let path = entry.expect("read source folder").path();
        if path.is_dir() {
            keys_named_in(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            keys_named_in_file(&path, found);
        }
    }
}

fn keys_named_in_file(path: &Path, found: &mut Vec<(String, String)>) {
    let source = fs::read_to_string(path).expect("read source file");
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let parts: Vec<&str> = line.split('"').collect();
        for (i, literal) in parts.iter().enumerate().skip(1).step_by(2) {
            let after = parts.get(i + 1).map_or("", |rest| rest.trim_start());
            let is_pattern = after.starts_with("=>") || after.starts_with('|');
            if is_key_shaped(literal) && !is_pattern {
                found.push(((*literal).to_owned(), path.display().to_string()));
            }
        }
    }
}

fn is_key_shaped(s: &str) -> bool {
    let word = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    // File names ("config.json") have the same shape; no key ends in a file extension.
    let file_name = [
        ".json", ".js", ".wasm", ".css", ".html", ".svg", ".toml", ".yaml",
    ]
    .iter()
    .any(|ext| s.ends_with(ext));
    s.contains('.') && s.split('.').all(word) && !file_name
}

#[test]
fn every_key_named_by_the_interface_exists() {
    let mut named = Vec::new();
    keys_named_in(Path::new("src/ui"), &mut named);
    assert!(
        named.len() > 10,
        "the scan found too few keys: {}",
        named.len()
    );
    let unknown: Vec<_> = named
        .iter()
        .filter(|(key, _)| lookup(Lang::En, key).is_none())
        .collect();
    assert!(unknown.is_empty(), "keys with no text: {unknown:?}");
}

/// The sources of what the first load draws: the layout, home, "not found" and the settings
/// error. Every other page's code, and the notices about stored answers, are fetched with the
/// journeys' texts (src/ui/lazy.rs).
const SHELL_SOURCES: [&str; 10] = [
    "src/ui/mod.rs",
    "src/ui/crash.rs",
    "src/ui/layout.rs",
    "src/ui/demo_banner.rs",
    "src/ui/config.rs",
    "src/ui/i18n.rs",
    "src/ui/page.rs",
    "src/ui/lazy.rs",
    "src/ui/pages/home.rs",
    "src/ui/pages/not_found.rs",
];

#[test]
fn the_shell_names_only_texts_of_the_first_load() {
    let journeys = parse(include_str!(concat!(
        env!("OUT_DIR"),
        "/texts/journeys/en.json"
    )))
    .expect("the build writes valid texts files");
    let mut named = Vec::new();
    for source in SHELL_SOURCES {
        keys_named_in_file(Path::new(source), &mut named);
    }
    assert!(named.len() > 10, "the scan found too few keys: {named:?}");
    let fetched_later: Vec<_> = named
        .iter()
        .filter(|(key, _)| journeys.contains_key(key) || lookup(Lang::En, key).is_none())
        .collect();
    assert!(
        fetched_later.is_empty(),
        "keys the first load needs but does not carry (move them to a file of build.rs's \
         SHELL_FILES): {fetched_later:?}"
    );
}

/// Placeholders that stand for a count of something. A text holding one has plural forms in
/// every language, chosen by that count or by another in the same text (`acc.seats_left`
/// inflects for the seats, not for those left). Amounts in tenge, MRP and percentages are
/// written with words that do not inflect, so their placeholders are not here.
const COUNTS: [&str; 16] = [
    "count",
    "n",
    "seats",
    "left",
    "shown",
    "all",
    "minimum",
    "size",
    "length",
    "decimals",
    "days",
    "days_in_year",
    "years",
    "months",
    "nights",
    "age",
];

#[test]
fn every_text_with_a_count_has_plural_forms() {
    let mut plain = Vec::new();
    for key in keys() {
        for lang in Lang::ALL {
            let Some(text) = lookup(lang, key) else {
                continue;
            };
            let has_count = COUNTS.iter().any(|c| text.contains(&format!("{{{c}}}")));
            if has_count && decode(text).is_none() {
                plain.push(format!("{key} ({})", lang.code()));
            }
        }
    }
    assert!(
        plain.is_empty(),
        "texts with a count but no plural forms: {plain:?}"
    );
}

/// Each plural text has the forms its language needs (English and Kazakh one and other,
/// Russian one, few and many), the same count in every language, and that count in each form.
#[test]
fn every_plural_text_has_the_forms_its_language_needs() {
    let mut plurals = 0;
    for key in keys() {
        let Some((count, _)) = lookup(Lang::En, key).and_then(decode) else {
            continue;
        };
        plurals += 1;
        for lang in Lang::ALL {
            let (name, texts) = lookup(lang, key)
                .and_then(decode)
                .unwrap_or_else(|| panic!("{key} has no plural forms in {lang:?}"));
            assert_eq!(name, count, "{key} in {lang:?} counts another value");
            assert_eq!(texts.len(), forms(lang.code()).len(), "{key} in {lang:?}");
            for t in texts {
                assert!(
                    t.contains(&format!("{{{count}}}")),
                    "{key} in {lang:?}: {t}"
                );
            }
        }
    }
    assert!(plurals >= 20, "only {plurals} plural texts were found");
}

/// CLDR's cardinal rules for whole numbers.
#[test]
fn plural_categories_follow_cldr() {
    use Form::{Few, Many, One, Other};
    let russian = [
        (0, Many),
        (1, One),
        (2, Few),
        (4, Few),
        (5, Many),
        (11, Many),
        (12, Many),
        (14, Many),
        (19, Many),
        (20, Many),
        (21, One),
        (22, Few),
        (25, Many),
        (101, One),
        (111, Many),
        (112, Many),
        (1_000, Many),
        (1_001, One),
    ];
    for (n, f) in russian {
        assert_eq!(form("ru", n), f, "ru {n}");
    }
    for lang in ["en", "kk"] {
        for (n, f) in [
            (0, Other),
            (1, One),
            (2, Other),
            (11, Other),
            (21, Other),
            (101, Other),
        ] {
            assert_eq!(form(lang, n), f, "{lang} {n}");
        }
    }
}

#[test]
fn messages_take_the_form_of_their_count() {
    let chars = |lang, n: u64| message(lang, "form.chars_left", &[("count".into(), n.to_string())]);
    let cases = [
        (Lang::En, 1, "You have 1 character remaining"),
        (Lang::En, 2, "You have 2 characters remaining"),
        (Lang::En, 0, "You have 0 characters remaining"),
        (Lang::Ru, 1, "Остался 1 символ"),
        (Lang::Ru, 3, "Осталось 3 символа"),
        (Lang::Ru, 11, "Осталось 11 символов"),
        (Lang::Ru, 21, "Остался 21 символ"),
        (Lang::Ru, 25, "Осталось 25 символов"),
        (Lang::Kk, 1, "Тағы 1 таңба жазуға болады"),
        (Lang::Kk, 5, "Тағы 5 таңба жазуға болады"),
    ];
    for (lang, n, expected) in cases {
        assert_eq!(chars(lang, n), expected, "{lang:?} {n}");
    }
    let instalments = |n: &str| {
        message(
            Lang::Ru,
            "fees.reason.instalments",
            &[("count".into(), n.into())],
        )
    };
    assert_eq!(instalments("4"), "Годовой взнос платится в 4 платежа.");
    assert_eq!(
        instalments("1\u{a0}000"),
        "Годовой взнос платится в 1\u{a0}000 платежей.",
        "a count written in groups"
    );
    assert_eq!(
        plural(Lang::En, "fees.reason.instalments", 1),
        "The annual fee is paid in {count} instalment."
    );
    assert_eq!(
        text(Lang::Ru, "form.chars_left"),
        "Осталось {count} символов",
        "without a count, the form for most counts"
    );
    assert_eq!(plural(Lang::Ru, "no.such.key", 3), "no.such.key");
}
