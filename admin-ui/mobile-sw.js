/* The phone app's service worker (built into m/sw.js with VERSION and PRECACHE above this line).
 * The app shell starts offline: the page and its assets are cached at install; pages under /m/
 * are fetched from the network first and from the cache when offline; hashed assets from the
 * cache first. Data (checklists, answers, photos) is kept by the app itself in IndexedDB; the API
 * is never cached here. */
const CACHE = `pinzhi-phone-${VERSION}`;
const SHELL = '/m/';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([SHELL, '/m/manifest.webmanifest', '/m/icon.svg', ...PRECACHE])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('pinzhi-phone-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/m/')) {
    event.respondWith(fetch(request).then((response) => {
      if (response.ok) caches.open(CACHE).then((cache) => cache.put(SHELL, response.clone()));
      return response;
    }).catch(() => caches.match(SHELL)));
    return;
  }
  if (url.pathname.startsWith('/admin/assets/') || url.pathname === '/m/manifest.webmanifest' || url.pathname === '/m/icon.svg') {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request).then((response) => {
      if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
      return response;
    })));
  }
});
