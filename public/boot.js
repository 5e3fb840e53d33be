// Starts the portal. A file of its own, not an inline script, so the content security policy
// needs no 'unsafe-inline'. Paths are relative to <base href>.
import init from "./astana-hub-portal.js";

init({ module_or_path: new URL("astana-hub-portal_bg.wasm", document.baseURI) }).catch(() => {
  const app = document.getElementById("app");
  if (app) {
    app.textContent =
      "The portal could not start in this browser. Please reload the page or try an up-to-date browser. " +
      "Портал не удалось запустить. Обновите страницу или используйте современный браузер.";
  }
});
