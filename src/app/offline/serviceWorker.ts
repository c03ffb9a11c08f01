/**
 * The service worker: precaches the app and every engine file on install, so a second visit works with
 * the network off. Pages are network-first (a new build is picked up at once); everything else is
 * cache-first. Only same-origin GETs are ever handled: there is nothing else to handle.
 */
import { detectWasmLevel, type PrecacheManifest } from '../../engines/browserAssets.ts';
import { openCvBuildFor } from '../../engines/opencvRuntime.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE_PREFIX = 'id-precheck-';
/** registerOfflineCache.ts puts the build's id in our URL, so each build fills a cache of its own. */
const CACHE_NAME = CACHE_PREFIX + (new URL(sw.location.href).searchParams.get('build') ?? 'unversioned');
const scope = () => new URL(sw.registration.scope);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(new URL('precache.json', scope()), { cache: 'no-cache' });
      const manifest = (await response.json()) as PrecacheManifest;
      const files = [
        ...manifest.files,
        manifest.tesseractWorker,
        ...manifest.cores[detectWasmLevel()],
        manifest.opencvWasm[openCvBuildFor(detectWasmLevel())],
        manifest.mrzModel,
        manifest.textModel,
        manifest.faceModel,
      ];
      const cache = await caches.open(CACHE_NAME);
      await cache.addAll(files.map((file) => new URL(file, scope()).href));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const earlier = (await caches.keys()).filter(
        (key) => key.startsWith(CACHE_PREFIX) && key !== CACHE_NAME,
      );
      await Promise.all(earlier.map((key) => caches.delete(key)));
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(
        async () => (await caches.match(new URL('index.html', scope()).href)) ?? Response.error(),
      ),
    );
    return;
  }
  event.respondWith((async () => (await caches.match(request, { ignoreSearch: true })) ?? fetch(request))());
});
