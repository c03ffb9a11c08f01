import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebServer, listen, SECURITY_HEADERS } from '../../scripts/webServer.ts';

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A request with its path sent as written: fetch and URL would tidy `..` and escapes first. */
function send(port: number, path: string, init: { method?: string; gzip?: boolean } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: init.gzip ? { 'Accept-Encoding': 'gzip' } : {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    outgoing.on('error', fail);
    outgoing.end();
  });
}

/** Each security header, as Node hands response headers back (lower case). */
const securityHeaders = Object.fromEntries(
  Object.entries(SECURITY_HEADERS).map(([name, value]) => [name.toLowerCase(), value]),
);
const expectSecurityHeaders = (reply: Reply) =>
  expect(reply.headers).toMatchObject(securityHeaders as Record<string, string>);

describe('the web app’s static server', () => {
  const folder = mkdtempSync(join(tmpdir(), 'id-precheck-serve-'));
  const dist = join(folder, 'dist');
  let server: Server;
  let port: number;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>id-precheck</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log("app");\n'.repeat(100));
    // A sibling whose name starts with the root's: a string-prefix containment test lets it through.
    mkdirSync(join(folder, 'dist-secret'));
    writeFileSync(join(folder, 'dist-secret', 'secret.txt'), 'the secret');
    server = await createWebServer(dist);
    await listen(server, 0);
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('serves the app with its security headers', async () => {
    const page = await send(port, '/');
    expect(page.status).toBe(200);
    expectSecurityHeaders(page);
    expect(page.headers['permissions-policy']).toBe('camera=(self), microphone=(self), geolocation=()');
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString()).toBe('<!doctype html><title>id-precheck</title>');

    const script = await send(port, '/assets/app-1234.js', { gzip: true });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(script.body).toString()).toBe('console.log("app");\n'.repeat(100));
  });

  it('answers malformed escapes with 400 and its headers, and logs no stack trace', async () => {
    const logged = vi.spyOn(console, 'error');
    for (const path of ['/%zz', '/%', '/assets/%E0%A4%A']) {
      const reply = await send(port, path);
      expect(reply.status).toBe(400);
      expectSecurityHeaders(reply);
    }
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('serves nothing outside its root, a sibling that shares its name’s start included', async () => {
    for (const path of [
      '/..%2fdist-secret/secret.txt',
      '/..%2f..%2fdist-secret%2fsecret.txt',
      '/assets/..%2f..%2fdist-secret/secret.txt',
    ]) {
      const reply = await send(port, path);
      expect({ path, status: reply.status }).toStrictEqual({ path, status: 403 });
      expectSecurityHeaders(reply);
      expect(reply.body.toString()).not.toContain('secret');
    }
    // URL parsing takes an escaped `..` segment as `..`, which stops at the root: /dist-secret/ under it.
    expect((await send(port, '/%2e%2e/dist-secret/secret.txt')).status).toBe(404);
    expect((await send(port, '/nothing-here.js')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD, with its headers', async () => {
    const reply = await send(port, '/', { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers['allow']).toBe('GET, HEAD');
    expectSecurityHeaders(reply);
  });

  it('says which port is busy and how to choose another', async () => {
    const second = await createWebServer(dist);
    await expect(listen(second, port)).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is busy (another server, perhaps an earlier npm start, is using it). ` +
        'Stop that one, or choose another port: npm run serve:web -- --port 4174',
    );
  });
});
