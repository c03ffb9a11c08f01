/**
 * The Content-Security-Policy the app is served with (scripts/serve-web.ts sends it as a header, which
 * also covers the Web Workers; the build repeats it in a <meta> for hosts that cannot set headers).
 * The page and every worker have the same policy.
 *
 * - connect-src 'self': the photo cannot be sent anywhere, and no engine file comes from a CDN.
 * - 'wasm-unsafe-eval': OpenCV and tesseract compile WebAssembly; no JavaScript eval is allowed, not
 *   even in the checker's worker (our OpenCV build generates no code at run time: tools/opencv-build;
 *   the face detector is our own code: pipeline/face).
 * - worker-src 'self': the checker's worker and tesseract's, both started from their own URLs.
 * - img-src blob:: nothing today (the preview is a canvas), kept for drag images in some browsers.
 * - media-src blob:: the rehearsal plays its recording back from a blob: URL, in the tab's memory.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self' blob: data:",
  'media-src': "'self' blob:",
  'style-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** As an HTTP header value. `forMeta` drops what a <meta> cannot carry (frame-ancestors). */
export function contentSecurityPolicy(options: { forMeta?: boolean } = {}): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .filter(([directive]) => !(options.forMeta && directive === 'frame-ancestors'))
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}
