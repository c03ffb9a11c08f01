/**
 * Registers the service worker that keeps the app and its engines for offline use. Called once the
 * engines have loaded, so that its downloads come from the HTTP cache and do not slow the first check.
 */

/** Set by vite.config.ts: changes with every build, so a new build's service worker is installed. */
declare const __ID_PRECHECK_BUILD_ID__: string;

export function registerOfflineCache(): void {
  if (!('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker
    .register(`${base}sw.js?build=${encodeURIComponent(__ID_PRECHECK_BUILD_ID__)}`, { scope: base })
    .catch((error: unknown) => console.warn('Offline use is not available:', error));
}
