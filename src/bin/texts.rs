//! Writes the Kazakh and Russian texts files into a folder of the site, for the browser to
//! fetch when the language is chosen: `texts <dir>` writes `<dir>/kk.json` and `<dir>/ru.json`.
//! A hook in Trunk.toml runs it on every build, so the files always match the wasm beside them.

use std::{env, fs, path::PathBuf, process::ExitCode};

const FILES: [(&str, &str); 2] = [
    (
        "kk.json",
        include_str!(concat!(env!("OUT_DIR"), "/texts/kk.json")),
    ),
    (
        "ru.json",
        include_str!(concat!(env!("OUT_DIR"), "/texts/ru.json")),
    ),
];

fn main() -> ExitCode {
    let Some(dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: texts <folder to write kk.json and ru.json into>");
        return ExitCode::from(2);
    };
    let written = fs::create_dir_all(&dir).and_then(|()| {
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
