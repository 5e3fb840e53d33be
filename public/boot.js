// Starts the portal. A file of its own, not an inline script, so the content security policy
// needs no 'unsafe-inline'. The build names each file by its content (.ci/name-files.mjs):
// the code's files are named here relative to this one, the texts and the packs through
// index.html's <meta name="files">, relative to <base href>.
import init from "./astana-hub-portal.js";

// The address of a file the code names, a language's texts ("texts/kk.json") or a page's pack
// ("pack_fees.wasm"), as this version names it.
const named = JSON.parse(document.querySelector('meta[name="files"]')?.content ?? "{}");
const siteFile = (path) => new URL(named[path] ?? path, document.baseURI);
// A journey's texts in a language, and those every journey shows ("common", src/i18n/journeys.toml).
const journeyTexts = (journey, code) => siteFile(`texts/journeys/${journey}/${code}.json`);

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
if (lang === "kk" || lang === "ru") preload(siteFile(`texts/${lang}.json`));

// A page's modules in one file, its pack (.ci/journey-files.mjs), which says what it holds: a
// 4-byte length, that many bytes of JSON, [[module, length], ...], then the modules. They are
// left in globalThis.ahpPack, by name, where the chunk loader (__wasm_split.js) takes each
// instead of fetching it; one the pack cannot give is fetched on its own.
function unpack(pack) {
  globalThis.ahpPack = fetch(pack)
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(pack))))
    .then((bytes) => {
      const length = new DataView(bytes).getUint32(0, true);
      const contents = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, length)));
      const modules = new Map();
      let offset = 4 + length;
      for (const [name, size] of contents) {
        const module = bytes.slice(offset, offset + size);
        offset += size;
        modules.set(name, () => new Response(module, { headers: { "Content-Type": "application/wasm" } }));
      }
      return modules;
    });
  globalThis.ahpPack.catch(() => {});
}

// A journey's page opened directly: its code and texts, which the portal would otherwise ask
// for only once it has started. A journey's first path segment names its start page, with "_"
// for "-" ("list-request" is the page list_request); a page under it (a step, a confirmation)
// is "<journey>_steps". Its code comes in its pack, named in <meta name="files">; with a service
// worker serving the page, which keeps the modules and not the packs, the modules come one by
// one, as journey-files.js (written by the build) lists them, fetched only then. The portal
// starts once these fetches are under way (its WebAssembly is downloading meanwhile, preloaded
// by index.html), so that it asks for the same files only after them and gets them once.
const [journey, page] = location.pathname
  .slice(new URL(document.baseURI).pathname.length)
  .replaceAll("-", "_")
  .split("/");
const chunk = page ? `${journey}_steps` : journey;
if (journey && Object.hasOwn(named, `pack_${chunk}.wasm`)) {
  const code = lang === "kk" || lang === "ru" ? lang : "en";
  preload(journeyTexts("common", code));
  preload(journeyTexts(journey, code));
  if (!navigator.serviceWorker?.controller) {
    unpack(siteFile(`pack_${chunk}.wasm`));
  } else {
    try {
      const { default: journeyFiles } = await import("./journey-files.js");
      journeyFiles[chunk]?.forEach((file) => preload(new URL(file, import.meta.url)));
    } catch {
      // Only a head start: the portal fetches what it needs itself.
    }
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
