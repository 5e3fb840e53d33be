//! What the page says after an error the portal cannot recover from (a panic): in the language
//! shown, that something went wrong, whether the answers are saved, and a link that reloads the
//! page. Without it the page stops reacting and says nothing. Plain DOM calls, texts of the
//! shell: nothing of the framework is trusted once a panic has happened.

use crate::i18n::{Lang, text};

const ID: &str = "crash-notice";

/// Puts the notice at the top of the page, once: the page may keep failing after the first
/// panic, and the notice must not pile up.
pub fn show_crash_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    // `<html lang>` follows the language shown.
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let said = if super::pages::form::all_saved() {
        "crash.saved"
    } else {
        "crash.not_saved"
    };
    let element = |tag: &str, class: &str, key: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text(lang, key)));
        Some(e)
    };
    let (Some(notice), Some(title), Some(body), Some(reload)) = (
        element("div", "notification-banner", ""),
        element("h2", "notification-banner__title", "crash.title"),
        element("p", "notification-banner__content", said),
        element("a", "", "crash.reload"),
    ) else {
        return;
    };
    notice.set_id(ID);
    let _ = notice.set_attribute("role", "alert");
    // The same address, loaded afresh: "external" keeps the router from handling the click.
    let here = document.location().and_then(|l| l.href().ok());
    let _ = reload.set_attribute("href", &here.unwrap_or_default());
    let _ = reload.set_attribute("rel", "external");
    let _ = body.append_with_str_1(" ");
    let _ = body.append_with_node_1(&reload);
    let _ = notice.append_with_node_2(&title, &body);
    let place = document
        .get_element_by_id("main-content")
        .or_else(|| document.body().map(Into::into));
    if let Some(place) = place {
        let _ = place.prepend_with_node_1(&notice);
    }
}
