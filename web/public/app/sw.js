// The member app's service worker: keeps the app's shell (its page, scripts, styles, icons) so that
// the app opens with no network, and the e-card (kept by the app itself in localStorage) shows
// offline. API answers are never cached here: they hold personal data and must be fresh.
const SHELL = 'congdoan-app-shell-v1';

/** The page and every script and style it names, so that the first visit already works offline. */
async function precache() {
  const cache = await caches.open(SHELL);
  const res = await fetch('/app/', { cache: 'no-cache' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/app/', res);
  const urls = new Set(['/app/manifest.webmanifest', '/app/icon.svg']);
  for (const m of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) urls.add(m[1]);
  await Promise.all(
    [...urls].map(async (u) => {
      try {
        const r = await fetch(u);
        if (r.ok) await cache.put(u, r);
      } catch {
        // one missing icon must not stop the rest
      }
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  // The page: the network first (a new version shows at once), the kept copy when offline.
  if (req.mode === 'navigate') {
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok) (await caches.open(SHELL)).put('/app/', res.clone());
          return res;
        } catch {
          return (await caches.match('/app/')) ?? Response.error();
        }
      })(),
    );
    return;
  }

  // Scripts and styles have content hashes in their names: a kept copy is always right.
  event.respondWith(
    (async () => {
      const kept = await caches.match(req);
      if (kept) return kept;
      const res = await fetch(req);
      if (res.ok && (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/app/')))
        (await caches.open(SHELL)).put(req, res.clone());
      return res;
    })(),
  );
});
