//! The browser's side of documents: the SHA-256 of a file's bytes (the browser's own digest),
//! and the mock's store of uploaded files in IndexedDB, where a 5 MB file fits (localStorage
//! does not). A small module of the browser's own JavaScript: IndexedDB and the digest are
//! asynchronous callback and promise APIs that read far shorter there than through web-sys.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const DB = "ahp-mock-documents";
const STORE = "documents";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(mode, act) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = act(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
    tx.onabort = () => { db.close(); reject(tx.error); };
  }));
}

export async function sha256_hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function keep_document(id, bytes, media_type) {
  // Copied at once: the view into the module's memory is only valid during this call.
  const blob = new Blob([bytes], { type: media_type });
  return run("readwrite", (store) => store.put(blob, id)).then(() => undefined);
}

export function held_document(id) {
  return run("readonly", (store) => store.count(id)).then((n) => n > 0);
}

export function forget_document(id) {
  return run("readwrite", (store) => store.delete(id)).then(() => undefined);
}

export function forget_documents() {
  return run("readwrite", (store) => store.clear()).then(() => undefined);
}
"#)]
extern "C" {
    /// The SHA-256 of `bytes`, in lowercase hexadecimal.
    #[wasm_bindgen(catch)]
    pub async fn sha256_hex(bytes: &[u8]) -> Result<JsValue, JsValue>;
    /// Keeps `bytes` under `id` in the mock's store.
    #[wasm_bindgen(catch)]
    pub async fn keep_document(
        id: &str,
        bytes: &[u8],
        media_type: &str,
    ) -> Result<JsValue, JsValue>;
    /// Whether the mock's store holds `id`.
    #[wasm_bindgen(catch)]
    pub async fn held_document(id: &str) -> Result<JsValue, JsValue>;
    /// Removes `id` from the mock's store.
    #[wasm_bindgen(catch)]
    pub async fn forget_document(id: &str) -> Result<JsValue, JsValue>;
    /// Empties the mock's store ("delete my data").
    #[wasm_bindgen(catch)]
    pub async fn forget_documents() -> Result<JsValue, JsValue>;
}

/// The SHA-256 of `bytes` in hexadecimal; `None` where the browser has no digest (an insecure
/// page).
pub async fn digest(bytes: &[u8]) -> Option<String> {
    sha256_hex(bytes).await.ok()?.as_string()
}
