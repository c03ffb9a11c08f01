/**
 * Serves the built web app (dist/) on localhost with the headers it is designed for: the
 * Content-Security-Policy (as a header, so it also binds the Web Workers), gzip for text, and caching
 * that lets the service worker's precache come from the HTTP cache on a first visit. Every file is read
 * and compressed before the server listens, as a static host serves precompressed files: compressing
 * 20 MB on the first request for it would block the server and be counted in the app's cold start.
 *
 *   tsx scripts/serve-web.ts [--port 4173] [--dir dist]
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy } from '../src/app/security.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4173' }, dir: { type: 'string', default: 'dist' } },
});
const root = resolve(values.dir);
const port = Number(values.port);

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};
/** Worth compressing: text, and WebAssembly (OpenCV's 8 MB gzips to 2.5 MB). */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.traineddata',
  '.wasm',
]);

interface Prepared {
  readonly body: Buffer;
  readonly gzipped: Buffer | null;
  readonly etag: string;
}
const prepared = new Map<string, Promise<Prepared>>();

/** Read and compressed once per version of the file (a rebuild replaces it). */
function prepare(path: string, modified: number): Promise<Prepared> {
  const key = `${path}@${modified}`;
  let entry = prepared.get(key);
  if (!entry) {
    entry = readFile(path).then((body) => ({
      body,
      gzipped: COMPRESSIBLE.has(extname(path)) ? gzipSync(body, { level: 6 }) : null,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    }));
    prepared.set(key, entry);
  }
  return entry;
}

const headers = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The microphone for the rehearsal of the video step (src/app/rehearsal/), on our own origin only.
  'Permissions-Policy': 'geolocation=(), microphone=(self), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const server = createServer((request, response) => {
  void (async () => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(403, headers).end();
      return;
    }
    if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
    const info = await stat(path).catch(() => null);
    const file = info?.isFile() ? await prepare(path, info.mtimeMs).catch(() => null) : null;
    if (!file) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const hashed = url.pathname.startsWith('/assets/');
    const common = {
      ...headers,
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      // Hashed names never change; everything else is revalidated (a 304 costs nothing).
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: file.etag,
      Vary: 'Accept-Encoding',
    };
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, common).end();
      return;
    }
    const gzip = file.gzipped && /\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzipped! : file.body;
    response.writeHead(200, {
      ...common,
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  })().catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});

const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) =>
  entry.isFile(),
);
for (const entry of files) {
  const path = join(entry.parentPath, entry.name);
  await prepare(path, (await stat(path)).mtimeMs);
}

server.listen(port, '127.0.0.1', () => {
  console.log(`id-precheck web app: http://localhost:${port}/`);
});
