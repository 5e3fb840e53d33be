//! Writes the texts files the browser fetches into a folder of the site: `texts <dir>` writes
//! the shell's Kazakh and Russian, `<dir>/kk.json` and `<dir>/ru.json`, and the journeys' texts
//! in all three languages: each journey's, `<dir>/journeys/<journey>/en.json` and so on, and
//! all of them, `<dir>/journeys/en.json`, `kk.json` and `ru.json` (`src/i18n`).
//! A hook in Trunk.toml runs it on every build, so the files always match the wasm beside them.

use std::{env, fs, path::PathBuf, process::ExitCode};

// TEXTS_FILES: each file's path under the folder, and its contents (written by build.rs).
include!(concat!(env!("OUT_DIR"), "/texts_files.rs"));

fn main() -> ExitCode {
    let Some(dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: texts <folder of the site to write the texts files into>");
        return ExitCode::from(2);
    };
    let written = TEXTS_FILES.iter().try_for_each(|(name, text)| {
        let path = dir.join(name);
        path.parent().map_or(Ok(()), fs::create_dir_all)?;
        fs::write(path, text)
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("texts: cannot write into {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
