/**
 * The Content-Security-Policy the app is served with (scripts/serve-web.ts sends it as a header, which
 * also covers the Web Workers; the build repeats it in a <meta> for hosts that cannot set headers).
 *
 * - connect-src 'self': the photo cannot be sent anywhere, and no engine file comes from a CDN.
 * - 'wasm-unsafe-eval': OpenCV and tesseract compile WebAssembly; no JavaScript eval is allowed.
 * - worker-src blob:: tesseract.js starts its worker from a blob: URL that importScripts our own copy.
 * - img-src blob:: nothing today (the preview is a canvas), kept for drag images in some browsers.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self' blob:",
  'connect-src': "'self'",
  'img-src': "'self' blob: data:",
  'style-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/**
 * The checker's own Web Worker only: OpenCV.js's bindings (Emscripten embind) build their JavaScript
 * wrappers with `new Function`, so the worker that loads it needs 'unsafe-eval'. The worker has no DOM
 * and handles no markup, and the page itself keeps the strict policy above.
 */
export const CHECK_WORKER_SCRIPT_SRC = "'self' 'wasm-unsafe-eval' 'unsafe-eval'";

/** Matches the built worker's file name (assets/check.worker-<hash>.js). */
export const CHECK_WORKER_FILE = /^\/assets\/check\.worker-[\w-]+\.js$/u;

/**
 * As an HTTP header value. `forMeta` drops what a <meta> cannot carry (frame-ancestors); `forWorker`
 * is the policy for the checker's worker script.
 */
export function contentSecurityPolicy(options: { forMeta?: boolean; forWorker?: boolean } = {}): string {
  const policy = {
    ...CONTENT_SECURITY_POLICY,
    ...(options.forWorker ? { 'script-src': CHECK_WORKER_SCRIPT_SRC } : {}),
  };
  return Object.entries(policy)
    .filter(([directive]) => !(options.forMeta && directive === 'frame-ancestors'))
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}
