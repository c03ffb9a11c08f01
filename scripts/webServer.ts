/**
 * The static server for the built web app, as a function (scripts/serve-web.ts is its command; the
 * tests start it in process): the Content-Security-Policy as a header, so it also binds the Web
 * Workers; Brotli or gzip for text and WebAssembly (Brotli from the build's `<file>.br`, at a quality too
 * slow to reach here: vite.config.ts; gzip, for browsers that do not accept Brotli, made here); caching that lets the service worker's precache come from the HTTP cache on
 * a first visit. Every file is read and compressed before the server is handed back, as a static host
 * serves precompressed files: compressing 20 MB on the first request for it would block the server
 * and be counted in the app's cold start.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy } from '../src/app/security.ts';

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
/**
 * Worth compressing: text, WebAssembly (tesseract's 3.4 MB core gzips to 1.2 MB) and models; not
 * images, nor models tesseract wants gzipped (`.traineddata.gz`). The build writes a Brotli copy of
 * each (vite.config.ts); the face model's float16 weights still lose 19% (229 to 186 KB).
 */
export const COMPRESSIBLE_EXTENSIONS: readonly string[] = [
  '.html',
  '.js',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.traineddata',
  '.tflite',
  '.wasm',
];
const COMPRESSIBLE = new Set(COMPRESSIBLE_EXTENSIONS);

/** On every response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The camera view asks for the camera; nothing else the page does needs a powerful feature.
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

interface Prepared {
  readonly body: Buffer;
  readonly gzipped: Buffer | null;
  /** The build's precompressed copy, when there is one. */
  readonly brotli: Buffer | null;
  readonly etag: string;
}

/** The smallest encoding the request accepts: Brotli, then gzip, then none. */
function encode(file: Prepared, acceptEncoding: string): { encoding: 'br' | 'gzip' | null; body: Buffer } {
  if (file.brotli && /\bbr\b/u.test(acceptEncoding)) return { encoding: 'br', body: file.brotli };
  if (file.gzipped && /\bgzip\b/u.test(acceptEncoding)) return { encoding: 'gzip', body: file.gzipped };
  return { encoding: null, body: file.body };
}

/** A server for the files under `dir`, each read and compressed already; not yet listening. */
export async function createWebServer(dir: string): Promise<Server> {
  const root = resolve(dir);
  const prepared = new Map<string, Promise<Prepared>>();
  /** Read and compressed once per version of the file (a rebuild replaces it). */
  const prepare = (path: string, modified: number): Promise<Prepared> => {
    const key = `${path}@${modified}`;
    let entry = prepared.get(key);
    if (!entry) {
      entry = Promise.all([readFile(path), readFile(`${path}.br`).catch(() => null)]).then(
        ([body, brotli]) => ({
          body,
          gzipped: COMPRESSIBLE.has(extname(path)) ? gzipSync(body, { level: 6 }) : null,
          brotli,
          etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        }),
      );
      prepared.set(key, entry);
    }
    return entry;
  };

  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = resolvedPath(root, url.pathname);
    if (path === 'malformed') {
      plain(response, 400, 'Bad request: the path is not a valid URL path');
      return;
    }
    if (path === 'outside') {
      plain(response, 403, 'Forbidden');
      return;
    }
    if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
    const info = await stat(path).catch(() => null);
    const file = info?.isFile() ? await prepare(path, info.mtimeMs).catch(() => null) : null;
    if (!file) {
      plain(response, 404, 'Not found');
      return;
    }
    const hashed = url.pathname.startsWith('/assets/');
    const common = {
      ...SECURITY_HEADERS,
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
    const { encoding, body } = encode(file, String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, {
      ...common,
      'Content-Length': body.length,
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      console.error(`serve-web: ${request.method} ${request.url}: ${String(error)}`);
      if (!response.headersSent) plain(response, 500, 'Server error');
      else response.destroy();
    });
  });

  // The `.br` copies are read with the file they belong to.
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile() && !e.name.endsWith('.br'))) {
    const path = join(entry.parentPath, entry.name);
    await prepare(path, (await stat(path)).mtimeMs);
  }
  return server;
}

/**
 * The file a URL path names under `root`, or why there is none. Containment is judged on the resolved
 * path relative to the root, not on a string prefix: `/..%2fdist-secret/` resolves to a sibling whose
 * name starts with the root's.
 */
export function resolvedPath(root: string, urlPath: string): string | 'malformed' | 'outside' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'malformed'; // `/%zz`, `/%`
  }
  if (decoded.includes('\0')) return 'malformed';
  const path = resolve(root, `.${sep}${decoded}`);
  const within = relative(root, path);
  if (within === '..' || within.startsWith(`..${sep}`) || isAbsolute(within)) return 'outside';
  return path;
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

/**
 * Listens on `host:port`; a busy port is refused in words that say which port and how to choose
 * another, not with Node's stack trace.
 */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<void> {
  return new Promise((done, fail) => {
    const refused = (error: NodeJS.ErrnoException) => {
      server.off('listening', listening);
      if (error.code === 'EADDRINUSE')
        fail(
          new Error(
            `Port ${port} on ${host} is busy (another server, perhaps an earlier npm start, is using it). ` +
              'Stop that one, or choose another port: npm run serve:web -- --port 4174',
          ),
        );
      else fail(new Error(`Could not listen on ${host}:${port}: ${error.message}`));
    };
    const listening = () => {
      server.off('error', refused);
      done();
    };
    server.once('error', refused);
    server.once('listening', listening);
    server.listen(port, host);
  });
}
