/**
 * Registers /sw.js (src/web/public/sw.js): the app opens offline and every page's code is cached.
 * It never caches API responses. After each load, it is asked to cache any files a new release
 * added, so pages not yet visited also work offline.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(async () => {
        const registration = await navigator.serviceWorker.ready;
        registration.active?.postMessage('refresh-assets');
      })
      .catch(() => {
        // Not supported or refused (private modes): the app still works online.
      });
  });
}
