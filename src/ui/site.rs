//! The site's own files (`config.json`, the texts), fetched beside `index.html` whatever the
//! path the portal is served under.

use gloo_net::http::Request;
use leptos::prelude::document;

/// The text of a file of the site, by its path relative to `<base href>`; on failure the HTTP
/// status, if an answer came at all.
pub async fn fetch_site_file(path: &str) -> Result<String, Option<u16>> {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let url = web_sys::Url::new_with_base(path, &base)
        .map(|u| u.href())
        .map_err(|_| None)?;
    let response = Request::get(&url).send().await.map_err(|_| None)?;
    if !response.ok() {
        return Err(Some(response.status()));
    }
    response.text().await.map_err(|_| None)
}
