// The service worker: sw.js at the site's root, generated at build time by
// Workbox (generator/service_worker.mjs). It keeps the checker and the pages
// the reader opens, so they work offline and open at once on return.
//
// It is registered once the checker is ready: by then the runtime is in the
// browser's HTTP cache, so installing the worker fetches nothing twice, and
// a reader who never opens the checker never downloads it for offline use.
// Where there is no sw.js (`mkdocs serve`) or no service worker support,
// nothing happens.
const SERVICE_WORKER = new URL("../../sw.js", import.meta.url);

export function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(SERVICE_WORKER).catch(() => {});
}
