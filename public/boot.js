// Starts the portal. A file of its own, not an inline script, so the content security policy
// needs no 'unsafe-inline'. The build names each file by its content (.ci/name-files.mjs):
// the code's files are named here relative to this one, and the texts through index.html's
// <meta name="files">, relative to <base href>.
import init from "./astana-hub-portal.js";

// The address of a language's texts, such as "texts/kk.json", as this version names it.
const named = JSON.parse(document.querySelector('meta[name="files"]')?.content ?? "{}");
const texts = (path) => new URL(named[path] ?? path, document.baseURI);
// A journey's texts in a language, and those every journey shows ("common", src/i18n/journeys.toml).
const journeyTexts = (journey, code) => texts(`texts/journeys/${journey}/${code}.json`);

// Starts fetching a file the portal will fetch itself, so it does not wait for it afterwards.
function preload(url) {
  const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous" });
  link.href = url.href;
  document.head.append(link);
}

let lang = "en";
try {
  lang = localStorage.getItem("ahp:lang") ?? "en";
} catch {
  // Storage refused (a private window): the portal starts in English.
}
// A remembered Kazakh or Russian choice: its texts, alongside the WebAssembly, so the portal
// can start in that language at once.
if (lang === "kk" || lang === "ru") preload(texts(`texts/${lang}.json`));

// A page's modules in one file, its pack (.ci/journey-files.mjs): each is left, by address, in
// globalThis.ahpPackedModules, where the chunk loader (__wasm_split.js) takes it instead of
// fetching it. A module the pack cannot give is fetched on its own.
function unpack(pack, files) {
  const whole = fetch(pack).then((response) => (response.ok ? response.arrayBuffer() : Promise.reject()));
  whole.catch(() => {});
  const modules = (globalThis.ahpPackedModules ??= new Map());
  let offset = 0;
  for (const [file, length] of files) {
    const url = new URL(file, import.meta.url);
    const start = offset;
    offset += length;
    modules.set(
      url.href,
      whole.then(
        (bytes) => new Response(bytes.slice(start, start + length), { headers: { "Content-Type": "application/wasm" } }),
        () => fetch(url),
      ),
    );
  }
}

// A journey's page opened directly: its code and texts, which the portal would otherwise ask
// for only once it has started (journey-files.js, written by the build). A journey's first
// path segment names the files of its start page, with "_" for "-" ("list-request" is the
// chunk list_request); a page under it (a step, a confirmation) is in "<journey>_steps".
// The list is fetched only then: the home page, the first load, needs none of it. The portal
// starts once the fetches are under way (its WebAssembly is downloading meanwhile, preloaded
// by index.html), so that it asks for the same files only after them and gets them once.
// With a service worker serving the page, the modules are kept one by one, and come so.
const [journey, page] = location.pathname
  .slice(new URL(document.baseURI).pathname.length)
  .replaceAll("-", "_")
  .split("/");
if (journey) {
  try {
    const { default: journeyFiles } = await import("./journey-files.js");
    const chunk = page ? `${journey}_steps` : journey;
    if (Object.hasOwn(journeyFiles, chunk)) {
      const { pack, files } = journeyFiles[chunk];
      if (navigator.serviceWorker?.controller) files.forEach(([file]) => preload(new URL(file, import.meta.url)));
      else unpack(new URL(pack, import.meta.url), files);
      const code = lang === "kk" || lang === "ru" ? lang : "en";
      preload(journeyTexts("common", code));
      preload(journeyTexts(journey, code));
    }
  } catch {
    // Only a head start: the portal fetches what it needs itself.
  }
}

// What to say when the portal cannot start, in the remembered language; all three for a first
// visit, whose language is not known yet.
const cannotStart = {
  en: "The portal could not start in this browser. Please reload the page or try an up-to-date browser.",
  kk: "Портал бұл браузерде іске қосылмады. Бетті қайта жүктеңіз немесе заманауи браузерді қолданыңыз.",
  ru: "Портал не удалось запустить в этом браузере. Обновите страницу или используйте современный браузер.",
};

init({ module_or_path: new URL("./astana-hub-portal_bg.wasm", import.meta.url) }).catch(() => {
  const app = document.getElementById("app");
  if (app) {
    app.textContent = Object.hasOwn(cannotStart, lang) && lang !== "en"
      ? cannotStart[lang]
      : Object.values(cannotStart).join(" ");
  }
});
