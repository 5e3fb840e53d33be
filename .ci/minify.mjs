// Shrinks the release build's scripts and style, all in the first load. The scripts (the
// WebAssembly's glue astana-hub-portal.js and its snippets, the chunk loader __wasm_split.js
// and boot.js): names within a script get shorter; what other files name stays: exports,
// object keys and the file names in strings (.ci/name-files.mjs finds them afterwards). The
// style (main.css) loses its comments and the spaces around its braces and semicolons, about
// 0.7 KB compressed.
// Run by .ci/finish-build in a release build only.
// Usage: node .ci/minify.mjs <staging dir>
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("usage: node .ci/minify.mjs <staging dir>");

// The glue's snippets (snippets/<crate>/inline<n>.js): the JavaScript of the crate's own
// bindings, with its comments.
const snippetDir = join(staging, "snippets");
const snippets = (existsSync(snippetDir) ? readdirSync(snippetDir, { recursive: true }) : [])
  .filter((name) => name.endsWith(".js"))
  .map((name) => join("snippets", name));
for (const name of ["astana-hub-portal.js", "__wasm_split.js", "boot.js", ...snippets]) {
  const path = join(staging, name);
  const code = readFileSync(path, "utf8");
  const { code: small } = await minify(code, { module: true, compress: { passes: 2 }, format: { comments: false } });
  writeFileSync(path, small);
  console.log(`minify: ${name} ${code.length} -> ${small.length} bytes`);
}

// Comments, then runs of white space, then the spaces around braces and semicolons. Safe while
// no quoted text in the style holds a comment mark, a brace, a semicolon or two spaces running:
// every quoted text must come through unchanged, else the build stops.
const stylePath = join(staging, "main.css");
const style = readFileSync(stylePath, "utf8");
const uncommented = style.replace(/\/\*[\s\S]*?\*\//g, "");
const smallStyle = uncommented
  .replace(/\s+/g, " ")
  .replace(/\s*([{};])\s*/g, "$1")
  .trim();
const changed = (uncommented.match(/"[^"]*"/g) ?? []).filter((text) => !smallStyle.includes(text));
if (changed.length > 0) throw new Error(`minify: main.css quoted text would change: ${changed.join(" ")}`);
writeFileSync(stylePath, smallStyle);
console.log(`minify: main.css ${style.length} -> ${smallStyle.length} bytes`);

// The pages' link to the style carries its hash (subresource integrity), made by trunk for the
// style as it was: the browser would refuse the smaller one.
const integrity = `sha384-${createHash("sha384").update(smallStyle).digest("base64")}`;
for (const page of ["index.html", "404.html"]) {
  const path = join(staging, page);
  const html = readFileSync(path, "utf8");
  const linked = html.replace(/(<link[^>]*href="[^"]*main\.css"[^>]*integrity=")sha384-[^"]+"/, `$1${integrity}"`);
  if (linked === html) throw new Error(`minify: ${page} links main.css with no integrity to update`);
  writeFileSync(path, linked);
}
