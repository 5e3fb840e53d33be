//! Turns the human-edited data files into what the crate embeds:
//! - `src/domain/data/*.toml` (rules as data) become JSON in `OUT_DIR/data/`, so the crate
//!   reads them with its own small JSON reader (`src/json.rs`) instead of a TOML parser;
//! - `src/i18n/shell/*.toml` and `src/i18n/journeys/*.toml` (interface texts, domain texts),
//!   each file named by its keys' first part, become texts in two parts (see
//!   `src/i18n/mod.rs`): the shell's, which every page needs, as the English table `MESSAGES`,
//!   sorted by key, and `OUT_DIR/texts/kk.json` and `ru.json`; the journeys', as
//!   `OUT_DIR/texts/journeys/en.json`, `kk.json` and `ru.json`, which also hold the country
//!   names of `countries.toml` under `country.<code>`, and under `country.order` the codes in
//!   the order of that language's alphabet (sorted here, so the browser sorts nothing). All in
//!   the format of `src/i18n/file.rs`; `src/bin/texts.rs` copies them into the site.
use std::{collections::BTreeMap, env, fs, path::Path};

// Only the writer is needed here; the crate reads the files with the same module.
#[allow(dead_code)]
#[path = "src/i18n/file.rs"]
mod file;

// The reader the file module reads with.
#[allow(dead_code)]
#[path = "src/json.rs"]
mod json;

// The forms each language needs and how a plural text is written, as the crate reads them.
#[allow(dead_code)]
#[path = "src/i18n/plural.rs"]
mod plural;

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_owned();
    let countries = convert_rule_data(Path::new("src/domain/data"), &out.join("data"));
    generate_messages(Path::new("src/i18n"), &out, countries);
}

/// Converts each rule file, and returns what of `countries.toml` travels with the journeys'
/// texts of each language (en, kk, ru): the Kazakh and Russian names, taken out of the data
/// (keyed `country.<code>`), and every language's order of the countries (`country.order`).
fn convert_rule_data(from: &Path, to: &Path) -> [file::Texts; 3] {
    let mut names = [file::Texts::new(), file::Texts::new(), file::Texts::new()];
    println!("cargo:rerun-if-changed={}", from.display());
    fs::create_dir_all(to).expect("create data output folder");
    let Ok(entries) = fs::read_dir(from) else {
        return names;
    };
    for entry in entries {
        let path = entry.expect("read data folder").path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("read data file");
        let mut value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
        let name = path.file_stem().expect("file name").to_string_lossy();
        if name == "countries" {
            names = take_country_names(&mut value);
        }
        let json = serde_json::to_string(&value).expect("TOML converts to JSON");
        fs::write(to.join(format!("{name}.json")), json).expect("write data JSON");
    }
    names
}

fn take_country_names(countries_file: &mut toml::Value) -> [file::Texts; 3] {
    let mut texts = [file::Texts::new(), file::Texts::new(), file::Texts::new()];
    let countries = countries_file
        .get_mut("countries")
        .and_then(toml::Value::as_array_mut)
        .expect("countries.toml has a `countries` list");
    // Each language's (name, code) pairs, to sort.
    let mut named: [Vec<(String, String)>; 3] = Default::default();
    for country in countries {
        let table = country.as_table_mut().expect("each country is a table");
        let code = table.get("code").and_then(toml::Value::as_str);
        let code = code.expect("each country has a code").to_owned();
        let key = format!("country.{code}");
        for (i, lang) in LANGS.into_iter().enumerate() {
            let name = match (lang, table.get(lang)) {
                (_, Some(toml::Value::String(name))) => name.clone(),
                _ => panic!("countries.toml: {code} has no {lang} name"),
            };
            if lang != "en" {
                table.remove(lang);
                texts[i].insert(key.clone(), name.clone());
            }
            named[i].push((name, code.clone()));
        }
    }
    for (i, (lang, alphabet)) in ALPHABETS.into_iter().enumerate() {
        let list = &mut named[i];
        list.sort_by_cached_key(|(name, code)| {
            (
                collation_key(name, alphabet, lang),
                name.clone(),
                code.clone(),
            )
        });
        let order: Vec<&str> = list.iter().map(|(_, code)| code.as_str()).collect();
        texts[i].insert("country.order".to_owned(), order.join(" "));
    }
    texts
}

/// Each language's letters in its alphabet's order, lower case. Names are compared letter by
/// letter in this order, whatever their case; Latin letters with diacritics count as their
/// base letter ([`without_accent`]).
const ALPHABETS: [(&str, &str); 3] = [
    ("en", "abcdefghijklmnopqrstuvwxyz"),
    ("kk", "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"),
    ("ru", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
];

/// What a name is sorted by: per character, spaces first, then punctuation, digits, and
/// letters in the alphabet's order. A letter the alphabet lacks stops the build, naming it, so
/// that no name is sorted by an accident of its code point.
fn collation_key(name: &str, alphabet: &str, lang: &str) -> Vec<u32> {
    let weight = |c: char| {
        let c = without_accent(c);
        if let Some(i) = alphabet.chars().position(|letter| letter == c) {
            return 100 + i as u32;
        }
        if c.is_alphabetic() {
            panic!(
                "countries.toml: \"{name}\" has \"{c}\", not a letter of the {lang} alphabet in build.rs"
            );
        }
        match c.to_digit(10) {
            Some(d) => 10 + d,
            None if c.is_whitespace() => 1,
            None => 2,
        }
    };
    name.chars()
        .flat_map(char::to_lowercase)
        .map(weight)
        .collect()
}

/// A lower-case Latin letter with a diacritic as its base letter, for sorting.
fn without_accent(c: char) -> char {
    match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

const LANGS: [&str; 3] = ["en", "kk", "ru"];

/// A texts file nests keys as TOML tables: `[nav.home]` with `en`, `kk`, `ru` inside is the
/// message `nav.home`. A table holding a text under any of the three language keys is a message;
/// `[acc.language.en]` is a table under the key `en`, so `acc.language` is not. A table with a
/// `count` is a plural text (`src/i18n/plural.rs`).
fn collect_messages(prefix: &str, table: &toml::Table, into: &mut BTreeMap<String, [String; 3]>) {
    if let Some(count) = table.get("count").and_then(toml::Value::as_str) {
        into.insert(
            prefix.to_owned(),
            LANGS.map(|l| plural_text(prefix, count, l, table.get(l))),
        );
        return;
    }
    if LANGS
        .iter()
        .any(|l| table.get(*l).is_some_and(toml::Value::is_str))
    {
        // A missing language is emitted as "" so that the completeness test names the key,
        // instead of the build stopping with a less helpful message.
        let text = |l: &str| {
            table
                .get(l)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned()
        };
        into.insert(prefix.to_owned(), LANGS.map(text));
        return;
    }
    for (name, value) in table {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            toml::Value::Table(inner) => collect_messages(&key, inner, into),
            _ => panic!("texts: `{key}` must be a table with en, kk and ru"),
        }
    }
}

/// A plural text in one language, written as the texts files hold it; "" when the language is
/// missing, so that the completeness test names the key. Stops the build when the language does
/// not have exactly its forms, or a form lacks the count.
fn plural_text(key: &str, count: &str, lang: &str, forms: Option<&toml::Value>) -> String {
    let Some(forms) = forms else {
        return String::new();
    };
    let table = forms.as_table().unwrap_or_else(|| {
        panic!("`{key}`: {lang} must be a table of plural forms, as it names a count")
    });
    let needed = plural::forms(lang);
    let names: Vec<&str> = needed.iter().map(|f| f.name()).collect();
    if table.len() != needed.len() || names.iter().any(|n| !table.contains_key(*n)) {
        panic!("`{key}`: {lang} needs exactly the plural forms {names:?}");
    }
    let texts: Vec<&str> = names
        .iter()
        .map(|n| table[*n].as_str().unwrap_or_default())
        .collect();
    let placeholder = format!("{{{count}}}");
    for (name, text) in names.iter().zip(&texts) {
        if !text.contains(&placeholder) || text.contains(plural::MARK) {
            panic!("`{key}`: the {lang} form `{name}` must hold {placeholder}");
        }
    }
    plural::encode(count, &texts)
}

/// The texts in two folders: `shell/`, which the first load carries (the layout, home, "not
/// found", the settings error and what is said about stored answers), and `journeys/`, whose
/// texts are fetched with a journey's code on first visit. A file is named by the first part
/// of its keys (`journeys/inv.toml` holds `inv.*`), so a key's file is found from the key.
const PARTS: [&str; 2] = ["shell", "journeys"];

type Messages = BTreeMap<String, [String; 3]>;

fn generate_messages(from: &Path, out: &Path, countries: [file::Texts; 3]) {
    let (mut shell, mut journeys) = (Messages::new(), Messages::new());
    for part in PARTS {
        let dir = from.join(part);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.expect("read a texts folder").path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("read a messages file");
            let table: toml::Table = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
            let mut found = BTreeMap::new();
            collect_messages("", &table, &mut found);
            let stem = path.file_stem().expect("a file").to_string_lossy();
            for (key, texts) in found {
                if key.split('.').next() != Some(&*stem) {
                    panic!(
                        "{}: `{key}` belongs in {part}/{}.toml (a file holds the keys named by it)",
                        path.display(),
                        key.split('.').next().unwrap_or_default()
                    );
                }
                if shell.contains_key(&key) || journeys.contains_key(&key) {
                    panic!(
                        "message `{key}` is defined twice (again in {})",
                        path.display()
                    );
                }
                let into = if part == "shell" {
                    &mut shell
                } else {
                    &mut journeys
                };
                into.insert(key, texts);
            }
        }
    }
    write_array(
        &out.join("messages.rs"),
        "pub(crate) static MESSAGES: &[(&str, &str)] = &",
        shell
            .iter()
            .map(|(key, [en, _, _])| format!("({key:?}, {en:?})")),
    );

    let journeys_dir = out.join("texts").join("journeys");
    fs::create_dir_all(&journeys_dir).expect("create texts output folder");
    let [mut english_countries, kazakh, russian] = countries;
    // English keeps a missing text as "", so that the completeness test names its key.
    english_countries.extend(journeys.iter().map(|(key, t)| (key.clone(), t[0].clone())));
    let mut every_journey = [english_countries, kazakh, russian];
    for (i, (lang, names)) in ["kk", "ru"]
        .into_iter()
        .zip(&mut every_journey[1..])
        .enumerate()
    {
        fs::write(
            out.join("texts").join(format!("{lang}.json")),
            file::write(&column(&shell, i + 1)),
        )
        .expect("write a texts file");
        names.extend(column(&journeys, i + 1));
    }
    let split = journey_texts(&from.join("journeys.toml"), &journeys);
    for (lang, texts) in LANGS.into_iter().zip(&every_journey) {
        let file_name = format!("{lang}.json");
        fs::write(journeys_dir.join(&file_name), file::write(texts)).expect("write a texts file");
        for (journey, prefixes) in &split {
            let own: file::Texts = texts
                .iter()
                .filter(|(key, _)| prefixes.iter().any(|p| key.split('.').next() == Some(p)))
                .map(|(key, text)| (key.clone(), text.clone()))
                .collect();
            let dir = journeys_dir.join(journey);
            fs::create_dir_all(&dir).expect("create texts output folder");
            fs::write(dir.join(&file_name), file::write(&own)).expect("write a texts file");
        }
    }
    write_texts_index(out, &split);
}

/// The texts files of `journeys.toml`, `common` and each journey's, with the first parts of the
/// keys each holds. Stops the build on a part that names no file.
fn journey_texts(table: &Path, journeys: &Messages) -> Vec<(String, Vec<String>)> {
    println!("cargo:rerun-if-changed={}", table.display());
    let text = fs::read_to_string(table).expect("read src/i18n/journeys.toml");
    let table: toml::Table = toml::from_str(&text).expect("src/i18n/journeys.toml is valid TOML");
    let names = |value: Option<&toml::Value>, what: &str| -> Vec<String> {
        let list = value.and_then(toml::Value::as_array);
        let list = list.unwrap_or_else(|| panic!("journeys.toml: `{what}` must be a list"));
        list.iter()
            .map(|name| {
                let name = name.as_str().expect("journeys.toml: names are strings");
                let known = name == "country"
                    || journeys
                        .keys()
                        .any(|key| key.split('.').next() == Some(name));
                if !known {
                    panic!("journeys.toml: `{what}` names `{name}`, which is no file of journeys/");
                }
                name.to_owned()
            })
            .collect()
    };
    let common = ("common".to_owned(), names(table.get("common"), "common"));
    let own = table.get("journeys").and_then(toml::Value::as_table);
    let own = own.expect("journeys.toml has a [journeys] table");
    let own = own
        .iter()
        .map(|(j, list)| (j.clone(), names(Some(list), j)));
    std::iter::once(common).chain(own).collect()
}

/// `journey_texts.rs`, the journeys' texts files, each with the first parts of the keys it
/// holds (`JOURNEY_TEXTS`), and
/// `texts_files.rs`, every texts file the site serves with its contents (`TEXTS_FILES`), for
/// `src/bin/texts.rs` to write.
fn write_texts_index(out: &Path, split: &[(String, Vec<String>)]) {
    let mut files = vec!["kk.json".to_owned(), "ru.json".to_owned()];
    for lang in LANGS {
        files.push(format!("journeys/{lang}.json"));
        files.extend(
            split
                .iter()
                .map(|(journey, _)| format!("journeys/{journey}/{lang}.json")),
        );
    }
    write_array(
        &out.join("journey_texts.rs"),
        &format!(
            "pub const JOURNEY_TEXTS: [(&str, &[&str]); {}] = ",
            split.len()
        ),
        split
            .iter()
            .map(|(journey, prefixes)| format!("({journey:?}, &{prefixes:?})")),
    );
    write_array(
        &out.join("texts_files.rs"),
        &format!("const TEXTS_FILES: [(&str, &str); {}] = ", files.len()),
        files.iter().map(|file| {
            format!("({file:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/texts/{file}\")))")
        }),
    );
}

/// Writes Rust source to `path`: `declaration`, up to the array it is given, then the array of
/// `elements`, one a line.
fn write_array(path: &Path, declaration: &str, elements: impl IntoIterator<Item = String>) {
    let mut code = format!("{declaration}[\n");
    for element in elements {
        code.push_str(&format!("    {element},\n"));
    }
    code.push_str("];\n");
    fs::write(path, code).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// One language's texts. A missing text stays out: the reader sees English, the completeness
/// test names the key.
fn column(messages: &Messages, lang: usize) -> file::Texts {
    messages
        .iter()
        .filter(|(_, t)| !t[lang].is_empty())
        .map(|(key, t)| (key.clone(), t[lang].clone()))
        .collect()
}
