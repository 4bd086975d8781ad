// Service worker of the widget's own page (and of partner pages that opt in with
// data-offline="on"): after a first visit the self-check works without a network.
//
// Network first: when online, every file comes fresh from the server (so a new version is used
// on the next visit) and the copy in the cache is refreshed; the cache answers only when the
// network does not. Nothing is ever stale for good.
const CACHE = 'autonomie-numerique-v2';
const APP_FILES = [
  'index.html',
  'autonomie.js',
  'autonomie-app.js',
  'autonomie-app_bg.wasm',
  'autonomie-extras.js',
  'autonomie-extras_bg.wasm',
  'autonomie-staff.js',
  'autonomie-staff_bg.wasm',
  'page.css',
  // Each wasm module's texts in the languages other than French (French is compiled in).
  'i18n/main/en.json',
  'i18n/main/ar.json',
  'i18n/main/uk.json',
  'i18n/extras/en.json',
  'i18n/extras/ar.json',
  'i18n/extras/uk.json',
  'i18n/staff/en.json',
  'i18n/staff/ar.json',
  'i18n/staff/uk.json',
  'data/lieux-demo.csv',
  // The national places index: its manifest; the département files are kept as they are
  // fetched (below), so the places a person searched stay available offline.
  'data/lieux/manifest.json',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(APP_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// A network that does not answer counts as no network after this long.
const NETWORK_PATIENCE_MS = 6000;
const GAVE_UP = 'timeout';

function fetchWithPatience(request) {
  return Promise.race([
    fetch(request),
    new Promise((_, reject) => setTimeout(() => reject(new Error(GAVE_UP)), NETWORK_PATIENCE_MS)),
  ]);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  event.respondWith(
    fetchWithPatience(request)
      .then((response) => {
        // Keep same-origin files and CORS-readable data (a partner's places file).
        if (response.ok && (response.type === 'basic' || response.type === 'cors')) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch((error) =>
        caches.match(request).then((hit) =>
          hit ||
          // The page opened with settings in its address (?lang=…) is the same file.
          (request.mode === 'navigate' ? caches.match('index.html') : undefined) ||
          // A server that does not answer is told apart from no network: the widget says
          // "ne répond pas" and offers to try again.
          (error && error.message === GAVE_UP
            ? new Response('', { status: 504, statusText: 'Gateway Timeout' })
            : Response.error()),
        ),
      ),
  );
});
