// Writes the service worker, sw.js, the last post_build hook of Trunk.toml. It keeps the whole
// version (index.html and assets/, named by content by .ci/name-files.mjs) once installed, so
// a later visit and every journey open without the network, and it answers every address of
// the portal with index.html, as the host does. A new version waits until the page asks it to
// take over (src/ui/service_worker.rs), so none takes over in the middle of a journey.
// config.json is asked of the network first, the copy kept serving only when offline, so a
// changed configuration (a service worker turned off among them) takes effect at once.
// Usage: node .ci/service-worker.mjs [staging dir, trunk's by default]
import { join } from "node:path";
import { generateSW } from "workbox-build";

const root = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!root) throw new Error("usage: node .ci/service-worker.mjs <staging dir> (or run by trunk, Trunk.toml)");

const { count, size, warnings } = await generateSW({
  globDirectory: root,
  globPatterns: ["index.html", "assets/**/*"],
  // Every journey's texts together: a page fetches them only for a key its journey's own texts
  // lack (src/i18n/journeys.toml), a gap to fix. Each journey's are kept. And the packs, each
  // page's modules in one file for a first visit (.ci/journey-files.mjs): the modules are kept.
  globIgnores: ["assets/texts/journeys/*.json", "assets/pack_*.wasm"],
  swDest: join(root, "sw.js"),
  mode: "production",
  sourcemap: false,
  // One file at a fixed address: nothing else to allow or to name by content.
  inlineWorkboxRuntime: true,
  // Names under assets/ change with their content: no revision to add.
  dontCacheBustURLsMatching: /^assets\//,
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  cleanupOutdatedCaches: true,
  // The first version takes the open page at once (it is that page's version); a later one
  // waits for the page's word.
  clientsClaim: true,
  skipWaiting: false,
  navigateFallback: "index.html",
  // The service's API and its description, when served beside the portal, are not pages.
  navigateFallbackDenylist: [/\/v1\//, /\/openapi\.yaml$/],
  runtimeCaching: [
    {
      urlPattern: /\/config\.json$/,
      handler: "NetworkFirst",
      options: { cacheName: "config", networkTimeoutSeconds: 5 },
    },
  ],
});
warnings.forEach((warning) => console.warn(`service-worker: ${warning}`));
console.log(`service-worker: sw.js keeps ${count} files, ${size} bytes`);
