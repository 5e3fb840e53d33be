// Shrinks the release build's scripts: the WebAssembly's glue (astana-hub-portal.js), the chunk
// loader (__wasm_split.js) and boot.js, all in the first load. Names within a script get
// shorter; what other files name stays: exports, object keys and the file names in strings
// (.ci/name-files.mjs finds them afterwards). Run by .ci/finish-build in a release build only.
// Usage: node .ci/minify.mjs <staging dir>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("usage: node .ci/minify.mjs <staging dir>");

for (const name of ["astana-hub-portal.js", "__wasm_split.js", "boot.js"]) {
  const path = join(staging, name);
  const code = readFileSync(path, "utf8");
  const { code: small } = await minify(code, { module: true, compress: { passes: 2 }, format: { comments: false } });
  writeFileSync(path, small);
  console.log(`minify: ${name} ${code.length} -> ${small.length} bytes`);
}
