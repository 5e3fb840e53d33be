//! The site's own files (`config.json`, the texts), fetched beside `index.html` whatever the
//! path the portal is served under, and the version of the site this page belongs to.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

/// The content of a `<meta name="…">` of this page; written by the build
/// (`.ci/name-files.mjs`), absent in builds that name no files.
fn meta(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

/// A file's address relative to `<base href>`: the build names the texts by their content and
/// lists the new names by the old ones (`<meta name="files">`); other files keep their names.
fn named(path: &str) -> String {
    meta("files")
        .and_then(|files| new_name(&files, path).map(str::to_owned))
        .unwrap_or_else(|| path.to_owned())
}

/// The new name of `path` in the list the build writes, `{"texts/kk.json":"assets/…",…}`. Found
/// by a plain search rather than a JSON parser: the build writes the list, and its names are
/// paths with no quotes or escapes.
fn new_name<'a>(files: &'a str, path: &str) -> Option<&'a str> {
    let (_, rest) = files.split_once(&format!("\"{path}\":\""))?;
    rest.split_once('"').map(|(name, _)| name)
}

async fn fetch_text(path: &str, cache: RequestCache) -> Result<String, Option<u16>> {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let url = web_sys::Url::new_with_base(path, &base)
        .map(|u| u.href())
        .map_err(|_| None)?;
    // The browser's fetch itself, not the HTTP client the journeys use: that client stays out
    // of the first load.
    let init = RequestInit::new();
    init.set_cache(cache);
    let response: Response = JsFuture::from(window().fetch_with_str_and_init(&url, &init))
        .await
        .and_then(JsCast::dyn_into)
        .map_err(|_| None)?;
    if !response.ok() {
        return Err(Some(response.status()));
    }
    let text = response.text().map_err(|_| None)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(None)
}

/// The text of a file of the site, by its path relative to `<base href>` ("texts/kk.json");
/// on failure the HTTP status, if an answer came at all.
pub async fn fetch_site_file(path: &str) -> Result<String, Option<u16>> {
    fetch_text(&named(path), RequestCache::Default).await
}

/// Whether the site now serves another version than this page's: its `index.html`, asked of
/// the site itself and not of a cache, names another. False when it cannot tell (no answer, or
/// a build that names no version).
pub async fn site_has_new_version() -> bool {
    let Some(ours) = meta("version") else {
        return false;
    };
    let Ok(index) = fetch_text("index.html", RequestCache::NoStore).await else {
        return false;
    };
    let marker = "<meta name=\"version\" content=\"";
    index
        .split_once(marker)
        .and_then(|(_, rest)| rest.split_once('"'))
        .is_some_and(|(theirs, _)| theirs != ours)
}
