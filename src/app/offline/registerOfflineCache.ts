/**
 * Registers the service worker that keeps the app and its engines for offline use, once the engines
 * have loaded (or failed to), tesseract's included. Registered at once, its precache fetched OpenCV's WebAssembly and the
 * tesseract core a second time, from the network, while the worker was downloading and compiling
 * them (seen in a trace of a first visit); once they are in, it gets them from the HTTP cache.
 */

/** Set by vite.config.ts: changes with every build, so a new build's service worker is installed. */
declare const __ID_PRECHECK_BUILD_ID__: string;

export function registerOfflineCache(enginesLoaded: Promise<unknown>): void {
  if (!('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const register = () =>
    navigator.serviceWorker.register(`${base}sw.js?build=${encodeURIComponent(__ID_PRECHECK_BUILD_ID__)}`, {
      scope: base,
    });
  enginesLoaded
    .then(register, register)
    .catch((error: unknown) => console.warn('Offline use is not available:', error));
}
