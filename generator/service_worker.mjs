// Writes <site>/sw.js, the service worker, with Workbox's generateSW (npm
// workbox-build, pinned in package.json) rather than by hand:
//   node generator/service_worker.mjs <site folder>
// Run by generator/build.py (finish_site) after the pages are final and
// before the .br/.gz copies are made.
//
// - Precached: the checker page in both languages and everything it loads
//   (the theme's and the checker's scripts and styles, the Pyodide runtime,
//   the wheels, the manifest), so that the checker works offline after one
//   visit. Each entry carries a revision (a digest of its content), except
//   the files whose address already changes with their content (the Pyodide
//   folder is named by its version, a wheel's folder and a theme bundle by a
//   digest): those are fetched as they are, from the HTTP cache the page has
//   just filled, so installing does not download the runtime a second time.
// - Pages the reader opens are kept (network first, the cache when offline).
//   Only addresses without a query are kept: a query can carry what the
//   reader typed (the search's ?h=…), and nothing typed is stored.
// - A new build brings a new sw.js: it takes over at once (skipWaiting,
//   clientsClaim) and deletes the previous build's precache.
import { generateSW } from "workbox-build";

const site = process.argv[2];
if (!site) {
  console.error("usage: node generator/service_worker.mjs <site folder>");
  process.exit(2);
}

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  swDest: `${site}/sw.js`,
  globPatterns: [
    "checker/index.html",
    "zh/checker/index.html",
    "assets/checker-manifest.json",
    "assets/checker/**/*.{js,mjs,css}",
    "assets/pyodide/**/*.{mjs,wasm,zip,json}",
    "assets/wheels/**/*.whl",
    "assets/*.{js,css}",
    "assets/javascripts/*.js",
    "assets/stylesheets/*.css",
  ],
  globIgnores: ["**/*.br", "**/*.gz", "**/*.map"],
  dontCacheBustURLsMatching: /^assets\/(pyodide\/[^/]+\/|wheels\/[0-9a-f]{16}\/|(javascripts|stylesheets)\/[^/]*\.[0-9a-f]{8}\.min\.(js|css)$)/,
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,   // pyodide.asm.wasm is 9.6 MB
  cacheId: "icp",
  inlineWorkboxRuntime: true,                        // one same-origin file, no importScripts
  mode: "production",
  sourcemap: false,
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  runtimeCaching: [
    {
      urlPattern: ({ request, url }) => request.mode === "navigate" && url.origin === self.location.origin && !url.search,
      handler: "NetworkFirst",
      options: { cacheName: "icp-pages", networkTimeoutSeconds: 5 },
    },
    {
      urlPattern: ({ request, url }) => request.mode !== "navigate" && url.origin === self.location.origin && !url.search,
      handler: "StaleWhileRevalidate",
      options: { cacheName: "icp-assets" },
    },
  ],
});
for (const warning of warnings) console.error(warning);
if (warnings.length) process.exit(1);
console.log(`sw.js: ${count} files precached, ${(size / 1e6).toFixed(1)} MB`);
