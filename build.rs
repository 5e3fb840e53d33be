//! Turns the human-edited data files into what the crate embeds:
//! - `src/domain/data/*.toml` (rules as data) become JSON in `OUT_DIR/data/`, so the browser
//!   build parses them with serde_json, which it carries anyway, instead of a TOML parser;
//! - `src/i18n/*.toml` (interface texts, domain texts) become one sorted table of
//!   `(key, [en, kk, ru])`.
use std::{collections::BTreeMap, env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    convert_rule_data(Path::new("src/domain/data"), &Path::new(&out).join("data"));
    generate_messages(Path::new("src/i18n"), &Path::new(&out).join("messages.rs"));
}

fn convert_rule_data(from: &Path, to: &Path) {
    println!("cargo:rerun-if-changed={}", from.display());
    fs::create_dir_all(to).expect("create data output folder");
    let Ok(entries) = fs::read_dir(from) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("read data folder").path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("read data file");
        let value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("TOML converts to JSON");
        let name = path.file_stem().expect("file name").to_string_lossy();
        fs::write(to.join(format!("{name}.json")), json).expect("write data JSON");
    }
}

const LANGS: [&str; 3] = ["en", "kk", "ru"];

/// messages.toml nests keys as TOML tables: `[nav.home]` with `en`, `kk`, `ru` inside is the
/// message `nav.home`. A table holding a text under any of the three language keys is a message;
/// `[acc.language.en]` is a table under the key `en`, so `acc.language` is not.
fn collect_messages(prefix: &str, table: &toml::Table, into: &mut BTreeMap<String, [String; 3]>) {
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
            _ => panic!("messages.toml: `{key}` must be a table with en, kk and ru"),
        }
    }
}

fn generate_messages(from: &Path, to: &Path) {
    println!("cargo:rerun-if-changed={}", from.display());
    let mut messages = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir(from)
        .expect("read src/i18n")
        .map(|e| e.expect("read src/i18n").path())
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
        for (key, texts) in found {
            if messages.insert(key.clone(), texts).is_some() {
                panic!(
                    "message `{key}` is defined twice (again in {})",
                    path.display()
                );
            }
        }
    }
    let mut code = String::from("pub(crate) static MESSAGES: &[(&str, [&str; 3])] = &[\n");
    for (key, [en, kk, ru]) in &messages {
        code.push_str(&format!("    ({key:?}, [{en:?}, {kk:?}, {ru:?}]),\n"));
    }
    code.push_str("];\n");
    fs::write(to, code).expect("write messages.rs");
}
