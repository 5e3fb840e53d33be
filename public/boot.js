// Starts the portal. A file of its own, not an inline script, so the content security policy
// needs no 'unsafe-inline'. Paths are relative to <base href>.
import init from "./astana-hub-portal.js";

// A remembered Kazakh or Russian choice: fetch its texts alongside the WebAssembly, so the
// portal can start in that language without waiting for them afterwards.
try {
  const lang = localStorage.getItem("ahp:lang");
  if (lang === "kk" || lang === "ru") {
    const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous" });
    link.href = new URL(`texts/${lang}.json`, document.baseURI).href;
    document.head.append(link);
  }
} catch {
  // Storage refused (a private window): the portal starts in English.
}

init({ module_or_path: new URL("astana-hub-portal_bg.wasm", document.baseURI) }).catch(() => {
  const app = document.getElementById("app");
  if (app) {
    app.textContent =
      "The portal could not start in this browser. Please reload the page or try an up-to-date browser. " +
      "Портал не удалось запустить. Обновите страницу или используйте современный браузер.";
  }
});
