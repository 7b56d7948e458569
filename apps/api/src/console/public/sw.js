// The console's service worker (served at /console/sw.js, so its scope is /console/): the console opens
// without a network. Every file of the console is fetched from the network first (a new version is
// seen at once) and kept; without a network the kept copy answers. The API (/api/) is never cached here:
// entries written offline wait in the device's outbox (offline.js).
/** The worker's global (typed loosely: the console's type-check reads this file with the DOM's types). */
const worker = /** @type {any} */ (self);
const CACHE = 'nguon-console-v1';
const SHELL = [
  '/console/', '/console/index.html', '/console/app.css', '/console/manifest.webmanifest', '/console/icon.svg', '/console/icon-192.png', '/console/icon-512.png',
  '/console/app.js', '/console/core.js', '/console/i18n.js', '/console/error-texts.js', '/console/numbers.js', '/console/offline.js',
  '/console/lots.js', '/console/events.js', '/console/registry.js', '/console/account.js', '/console/labels.js',
  '/console/imports.js', '/console/programme.js', '/console/showcase.js', '/console/jobs.js', '/console/epcis.js', '/console/evidence.js', '/console/field.js',
];

worker.addEventListener('install', (/** @type {any} */ event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (/** @type {any} */ event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('nguon-console-') && name !== CACHE).map((name) => caches.delete(name))))
    .then(() => worker.clients.claim()));
});

worker.addEventListener('fetch', (/** @type {any} */ event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== worker.location.origin || !url.pathname.startsWith('/console/')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(event.request);
      if (response.ok) await cache.put(event.request, response.clone());
      return response;
    } catch (error) {
      const kept = await cache.match(event.request, { ignoreSearch: true })
        ?? (event.request.mode === 'navigate' ? await cache.match('/console/') : undefined);
      if (kept) return kept;
      throw error;
    }
  })());
});
