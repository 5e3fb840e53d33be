// What a journey's first page needs, written by .ci/build-wasm (step 5) from __wasm_split.js:
//   journey-files.js: for each page split off in src/ui/lazy.rs, its module and the chunks it
//     shares with other pages, as __wasm_split.js loads them;
//   pack_<page>.wasm: those modules in one file, which a first visit to a journey's address
//     fetches in one request (public/boot.js), not forty to ninety: compressed as one stream
//     they are a sixth smaller than compressed one by one. It says what it holds: a 4-byte
//     little-endian length, then that many bytes of JSON, [[module, its length], ...], each
//     module named without its hash (chunk_16), then the modules one after another. It is no
//     module itself; it is named .wasm so that hosts compress it as they compress the modules.
//     index.html names it (<meta name="files">, .ci/name-files.mjs), so boot.js needs no list;
//   __wasm_split.js: each module is taken from the pack boot.js has fetched, when it holds it,
//     and fetched on its own otherwise.
// Usage: node .ci/journey-files.mjs <staging dir>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
if (!root) throw new Error("usage: node .ci/journey-files.mjs <staging dir>");
const loaderPath = join(root, "__wasm_split.js");
const loader = readFileSync(loaderPath, "utf8");

// Each page's loader fetches "./split_<page>.wasm"; the next line that opens a list, such as
// ", [__chunk_7, __chunk_9]", names the chunks it waits for, each fetched as chunk_<n>.wasm.
const pages = {};
const lines = loader.split("\n");
lines.forEach((line, i) => {
  const split = line.match(/"\.\/(split_([a-z0-9_]+)\.wasm)"/);
  if (!split) return;
  const chunks = lines.slice(i + 1).find((next) => next.startsWith(", ["));
  if (chunks === undefined) throw new Error(`journey-files: no chunk list after ${split[1]} in __wasm_split.js`);
  pages[split[2]] = [split[1], ...[...chunks.matchAll(/__chunk_(\d+)\b/g)].map((m) => `chunk_${m[1]}.wasm`)];
});
if (Object.keys(pages).length === 0) throw new Error("journey-files: __wasm_split.js loads no page");

const list = {};
for (const [page, files] of Object.entries(pages)) {
  const modules = files.map((file) => readFileSync(join(root, file)));
  const contents = Buffer.from(JSON.stringify(files.map((file, i) => [file.replace(/\.wasm$/, ""), modules[i].length])));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(contents.length);
  writeFileSync(join(root, `pack_${page}.wasm`), Buffer.concat([length, contents, ...modules]));
  list[page] = files;
}
writeFileSync(
  join(root, "journey-files.js"),
  `// The files of each journey's first page. Written by .ci/journey-files.mjs.\n` +
    `export default ${JSON.stringify(list, null, 1)};\n`,
);

// boot.js leaves the pack's modules, by name, in globalThis.ahpPack (a promise); each is taken
// once, so a module whose pack failed is fetched anew when the page is tried again.
const fetches = loader.split("fetch(new URL(").length - 1;
if (fetches === 0) throw new Error("journey-files: __wasm_split.js fetches no module");
const take = [
  "// A module of the pack public/boot.js has fetched (.ci/journey-files.mjs), or the network's.",
  "function fetchModule(url) {",
  "    const name = url.pathname.split(\"/\").pop().replace(/(\\.[0-9a-f]{10})?\\.wasm$/, \"\");",
  "    const take = (modules) => {",
  "        const module = modules.get(name);",
  "        modules.delete(name);",
  "        return module?.() ?? fetch(url);",
  "    };",
  "    return globalThis.ahpPack ? globalThis.ahpPack.then(take, () => fetch(url)) : fetch(url);",
  "}",
].join("\n");
const [imports, ...rest] = lines;
writeFileSync(loaderPath, [imports, take, ...rest].join("\n").replaceAll("fetch(new URL(", "fetchModule(new URL("));
console.log(`journey-files: ${Object.keys(list).length} pages, each one pack; ${fetches} modules taken from a pack when there is one`);
