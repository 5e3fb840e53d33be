// Names every file a page loads by its content, so a release can never mix with the version a
// visitor already has: a file's name changes whenever its bytes do. A post_build hook of
// Trunk.toml, the last but one (the service worker's list is made from what this leaves).
//
// Each file but the documents addressed by a fixed name (index.html, 404.html, config.json,
// the host's files, the API description) moves into assets/ as <name>.<hash>.<ext>. A file
// that names another (a script importing a module, a loader fetching a chunk) is named after
// the files it names have their new names, so its hash covers theirs; files that name each
// other (the main module's glue and the chunk loader) share one hash over all of them.
// index.html and 404.html then name the new files, and carry:
//   <meta name="files">: the new names of the texts and of the packs by their old ones, for the
//     code that fetches a language's texts or a page's pack by its name (boot.js, src/ui/site.rs);
//   <meta name="version">: one hash of every name, which tells a page whether the site now
//     serves another version (src/ui/lazy.rs).
// Usage: node .ci/name-files.mjs [staging dir, trunk's by default]
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";

const root = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!root) throw new Error("usage: node .ci/name-files.mjs <staging dir> (or run by trunk, Trunk.toml)");

const documents = new Set(["index.html", "404.html", "config.json", "_headers", "_redirects", "robots.txt", "openapi.yaml"]);
const textTypes = new Set([".js", ".css", ".json", ".svg", ".html"]);
const hashLength = 10;

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name)).replaceAll("\\", "/")],
  );
const files = walk(root).filter((path) => !documents.has(path));
const bytes = new Map(files.map((path) => [path, readFileSync(join(root, path))]));
const isText = (path) => textTypes.has(extname(path));

// A name as it stands in another file: the whole path from the site's root, optionally after
// "./", not part of a longer name, and not a key of an object: the glue's table of what the
// WebAssembly imports is keyed by the module names compiled into it, which stay as they are.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const mention = (path) => new RegExp(`(?<![\\w./-])(\\./)?${escape(path)}(?![\\w-]|["']\\s*:)`, "g");
const mentions = new Map(files.map((path) => [path, mention(path)]));
const names = (text, path) => text.search(mentions.get(path)) >= 0;

// The texts and the packs of a page's modules are fetched by a name the code builds ("texts/"
// + language, "pack_" + page), found in the list of <meta name="files">: a name of theirs
// written out in a script is left as it is.
const listed = (path) => path.startsWith("texts/") || /^pack_[a-z0-9_]+\.wasm$/.test(path);
const contents = new Map(files.filter(isText).map((path) => [path, bytes.get(path).toString("utf8")]));
const refers = new Map(
  files.map((path) => [
    path,
    isText(path) ? files.filter((other) => other !== path && !listed(other) && names(contents.get(path), other)) : [],
  ]),
);

// Groups of files that name each other, each after every group it names (Tarjan's order).
function groupsInOrder() {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let next = 0;
  const visit = (path) => {
    index.set(path, next);
    low.set(path, next);
    next += 1;
    stack.push(path);
    onStack.add(path);
    for (const other of refers.get(path)) {
      if (!index.has(other)) {
        visit(other);
        low.set(path, Math.min(low.get(path), low.get(other)));
      } else if (onStack.has(other)) {
        low.set(path, Math.min(low.get(path), index.get(other)));
      }
    }
    if (low.get(path) === index.get(path)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== path);
      groups.push(group.sort());
    }
  };
  files.forEach((path) => index.has(path) || visit(path));
  return groups;
}

// New names, relative to assets/: every file moves there, so names relative to each other hold.
const renamed = new Map();
const rewrite = (text, only) => {
  for (const [old, now] of renamed) {
    if (only.has(old)) text = text.replace(mentions.get(old), (_, dot) => `${dot ?? ""}${now}`);
  }
  return text;
};
for (const group of groupsInOrder()) {
  const outside = new Set(group.flatMap((path) => refers.get(path)).filter((path) => !group.includes(path)));
  for (const path of group.filter(isText)) contents.set(path, rewrite(contents.get(path), outside));
  const digest = createHash("sha256");
  for (const path of group) digest.update(path).update(isText(path) ? contents.get(path) : bytes.get(path));
  const hash = digest.digest("hex").slice(0, hashLength);
  for (const path of group) {
    const ext = extname(path);
    renamed.set(path, `${path.slice(0, -ext.length)}.${hash}${ext}`);
  }
  const inside = new Set(group);
  for (const path of group.filter(isText)) contents.set(path, rewrite(contents.get(path), inside));
}

for (const path of files) {
  const target = join(root, "assets", renamed.get(path));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, isText(path) ? contents.get(path) : bytes.get(path));
  rmSync(join(root, path));
}
// The folders the files moved out of (texts/, snippets/), now empty.
for (const dir of new Set(files.filter((path) => path.includes("/")).map((path) => path.split("/")[0]).filter((top) => top !== "assets"))) {
  rmSync(join(root, dir), { recursive: true, force: true });
}

// The pages: new names, under assets/, and the two meta lines.
const version = createHash("sha256")
  .update([...renamed.values()].sort().join("\n"))
  .digest("hex")
  .slice(0, hashLength);
const namedFiles = Object.fromEntries([...renamed].filter(([old]) => listed(old)).map(([old, now]) => [old, `assets/${now}`]));
for (const page of ["index.html", "404.html"]) {
  let html = readFileSync(join(root, page), "utf8");
  for (const [old, now] of renamed) if (!listed(old)) html = html.replace(mentions.get(old), `assets/${now}`);
  const meta = `<meta name="version" content="${version}" />\n    <meta name="files" content='${JSON.stringify(namedFiles)}' />\n    `;
  html = html.replace("<title>", `${meta}<title>`);
  writeFileSync(join(root, page), html);
}
console.log(`name-files: ${files.length} files named by their content under assets/, version ${version}`);
