/**
 * The engines' download progress: bytes counted as a real HTTP body arrives (brotli-encoded, as
 * serve-web.ts sends the big files), summed over files against the sizes the build gave.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DownloadMeter,
  fetchCounted,
  prefetchCounted,
  type DownloadProgress,
} from '../../src/engines/downloadProgress.ts';

/** 300 KB that compress, as WebAssembly does, but not to nothing. */
const body = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url !== '/engine.wasm') return void response.writeHead(404).end();
    const encoded = brotliCompressSync(body);
    response
      .writeHead(200, {
        'Content-Type': 'application/wasm',
        'Content-Encoding': 'br',
        'Content-Length': encoded.length,
      })
      .end(encoded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchCounted', () => {
  it('counts the decoded body as it is read, and hands it on whole with its headers', async () => {
    let counted = 0;
    const response = await fetchCounted(`${origin}/engine.wasm`, (bytes) => (counted += bytes));
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
    expect(counted).toBe(body.length);
  });

  it('prefetchCounted reads to the end, and refuses a missing file', async () => {
    let counted = 0;
    await prefetchCounted(`${origin}/engine.wasm`, (bytes) => (counted += bytes));
    expect(counted).toBe(body.length);
    await expect(prefetchCounted(`${origin}/missing.wasm`, () => {})).rejects.toThrow(/404/u);
  });
});

describe('DownloadMeter', () => {
  it('sums files against their expected sizes, reporting at each whole percent, never past a file', () => {
    const reports: DownloadProgress[] = [];
    const meter = new DownloadMeter((progress) => reports.push(progress));
    const first = meter.expect(600);
    const second = meter.expect(400);
    meter.start();
    first(3); // 0.3%: no new whole percent
    first(7); // 1%
    second(500); // more than the file's 400: counts 400
    first(590);
    expect(reports).toStrictEqual([
      { loadedBytes: 0, totalBytes: 1000 },
      { loadedBytes: 10, totalBytes: 1000 },
      { loadedBytes: 410, totalBytes: 1000 },
      { loadedBytes: 1000, totalBytes: 1000 },
    ]);
  });

  it('settles allArrived once every expected byte has come, and not before', async () => {
    const meter = new DownloadMeter(() => {});
    const first = meter.expect(600);
    const second = meter.expect(400);
    let arrived = false;
    void meter.allArrived.then(() => (arrived = true));
    meter.start();
    first(600);
    second(399);
    await Promise.resolve();
    expect(arrived).toBe(false);
    second(1);
    await meter.allArrived;
    expect(arrived).toBe(true);
  });
});
