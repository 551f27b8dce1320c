/*
 * Trellis service worker — plain JavaScript, served as-is from the site root.
 *
 * It makes the app open and work offline, and nothing more:
 *  - /assets/* (content-hashed, never change): cache first.
 *  - page navigations: network first; offline, the cached app shell (index.html) answers, and the
 *    app's own outbox keeps anything written until the connection is back.
 *  - the shell's few unhashed files (manifest, icons): network first, cache as fallback.
 *  - /api/* is NEVER cached or even looked at: those responses hold private data. Nor are
 *    /dev/*, /healthz and /readyz, and nothing from another origin.
 *
 * Every build writes /asset-manifest.json (see vite.config.ts) listing its hashed files. They are
 * all cached at install, and again whenever a page asks ("refresh-assets"), so a new release's
 * lazily loaded pages work offline too; files no longer listed are removed.
 */

const SHELL_CACHE = 'trellis-shell-v1';
const ASSET_CACHE = 'trellis-assets-v1';
const SHELL_FILES = ['/index.html', '/manifest.webmanifest', '/manifest-discreet.webmanifest', '/favicon.svg', '/icon.svg', '/icon-maskable.svg'];
const ASSET_MANIFEST = '/asset-manifest.json';
const NEVER = ['/api/', '/dev/', '/healthz', '/readyz'];

async function precacheAssets() {
  let manifest;
  try {
    const response = await fetch(ASSET_MANIFEST, { cache: 'no-cache' });
    if (!response.ok) return;
    manifest = await response.json();
  } catch {
    return; // Offline: try again next time.
  }
  if (!manifest || !Array.isArray(manifest.assets) || manifest.assets.length === 0) return;
  const wanted = new Set(manifest.assets.map((path) => new URL(path, self.location.origin).href));
  const cache = await caches.open(ASSET_CACHE);
  const cached = await cache.keys();
  const have = new Set(cached.map((request) => request.url));
  for (const url of wanted) {
    if (have.has(url)) continue;
    try {
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
    } catch {
      // Missing one file is not fatal; it is fetched (and cached) when first used online.
    }
  }
  for (const request of cached) if (!wanted.has(request.url)) await cache.delete(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(SHELL_FILES);
      await precacheAssets();
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, ASSET_CACHE]);
      for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'refresh-assets') event.waitUntil(precacheAssets());
});

async function assetCacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function navigationNetworkFirst(request) {
  try {
    const response = await fetch(request);
    // Every app page is the same shell; keep the newest copy for offline use.
    const type = response.headers.get('content-type') || '';
    if (response.ok && !response.redirected && type.includes('text/html')) {
      const shell = await caches.open(SHELL_CACHE);
      await shell.put('/index.html', response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match('/index.html', { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw error;
  }
}

async function shellNetworkFirst(request, path) {
  const shell = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await shell.put(path, response.clone());
    return response;
  } catch (error) {
    const cached = await shell.match(path);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER.some((prefix) => url.pathname.startsWith(prefix))) return;

  if (request.mode === 'navigate') {
    event.respondWith(navigationNetworkFirst(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetCacheFirst(request));
  } else if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(shellNetworkFirst(request, url.pathname));
  }
});

/*
 * Web Push (docs/decisions/021). The server only ever sends {"title","body","url"} with the same
 * wordless sentence; nothing private reaches a lock screen. A click focuses an open Trellis tab,
 * or opens one.
 */
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = typeof data.title === 'string' ? data.title : 'Trellis';
  const body = typeof data.body === 'string' ? data.body : 'You have something new in Trellis';
  const url = typeof data.url === 'string' && data.url.startsWith('/') ? data.url : '/';
  // Discreet mode (docs/decisions/031): a neutral title, no text and no Trellis icon.
  const options = data.discreet === true ? { body: '', tag: 'notes', data: { url } } : { body, icon: '/icon.svg', tag: 'trellis', data: { url } };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      for (const client of windows) {
        if (new URL(client.url).origin === self.location.origin && 'focus' in client) {
          await client.focus();
          if ('navigate' in client && client.url !== url) await client.navigate(url).catch(() => {});
          return;
        }
      }
      await self.clients.openWindow(url);
    })(),
  );
});
