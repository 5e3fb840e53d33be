//! Writes the texts files the browser fetches into a folder of the site: `texts <dir>` writes
//! the shell's Kazakh and Russian, `<dir>/kk.json` and `<dir>/ru.json`, and the journeys' texts
//! in all three languages, `<dir>/journeys/en.json`, `kk.json` and `ru.json` (`src/i18n`).
//! A hook in Trunk.toml runs it on every build, so the files always match the wasm beside them.

use std::{env, fs, path::PathBuf, process::ExitCode};

macro_rules! texts_file {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!(env!("OUT_DIR"), "/texts/", $path)),
        )
    };
}

const FILES: [(&str, &str); 5] = [
    texts_file!("kk.json"),
    texts_file!("ru.json"),
    texts_file!("journeys/en.json"),
    texts_file!("journeys/kk.json"),
    texts_file!("journeys/ru.json"),
];

fn main() -> ExitCode {
    let Some(dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: texts <folder of the site to write the texts files into>");
        return ExitCode::from(2);
    };
    let written = fs::create_dir_all(dir.join("journeys")).and_then(|()| {
        FILES
            .iter()
            .try_for_each(|(name, text)| fs::write(dir.join(name), text))
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("texts: cannot write into {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
