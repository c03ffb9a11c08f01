/**
 * bench:web's first visit on a slow phone (issue 13), in a fresh context each time: Chromium's CPU
 * slowed 4× through the DevTools protocol, and the network held to 1.6 Mbps down with 150 ms round
 * trips (Lighthouse's "slow 4G" phone). Three figures per visit, median of `VISITS`:
 * - photo input usable: from navigation start to the photo input in the DOM (React attaches its
 *   handler in the same commit), seen by a MutationObserver in the page;
 * - ready: the page's own mark (ENGINES_READY_MARK), from navigation start;
 * - bytes before ready: every response (headers and encoded body, as on the wire) that finished before
 *   that mark, the workers' included.
 *
 * The network is throttled by a proxy in front of the server, not by Chromium: the DevTools protocol's
 * network conditions bind the page and its worker but not the worker that worker starts (tesseract.js's),
 * whose 1.3 MB core arrived in 34 ms on a "1.6 Mbps" visit. The proxy holds every response for one
 * round trip, then lets the bodies of all responses through one shared 1.6 Mbps link, in slices, so
 * that parallel downloads share it as they would on a phone (TCP's slow start is not modelled).
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Browser, Request } from '@playwright/test';
import { ENGINES_READY_MARK } from '../src/app/checkClient.ts';

/** Targets from issue 13. */
export const THROTTLED_TARGETS = { photoInputMs: 3000, readyMs: 6000, bytesBeforeReady: 4e6 };
const VISITS = 3;
/** Lighthouse's mobile throttling, which issue 13 names: 1.6 Mbps down, 150 ms round trips. */
const NETWORK = { roundTripMs: 150, bytesPerSecond: 1.6e6 / 8 };
/** The link's unit of sharing between parallel responses. */
const SLICE_BYTES = 8 * 1024;
const CPU_SLOWDOWN = 4;
const PHOTO_INPUT_MARK = 'bench:photo-input';

export interface ThrottledVisit {
  readonly photoInputMs: number;
  readonly readyMs: number;
  readonly bytesBeforeReady: number;
  /** Encoded bytes per path, before ready. */
  readonly byPath: ReadonlyMap<string, number>;
}

async function throttledVisit(browser: Browser, origin: string, today: string): Promise<ThrottledVisit> {
  const context = await browser.newContext();
  try {
    // A string, not a function: tsx would wrap a named arrow function in a helper the page lacks.
    await context.addInitScript(`{
      const observer = new MutationObserver(() => {
        if (!document.getElementById('photo')) return;
        performance.mark(${JSON.stringify(PHOTO_INPUT_MARK)});
        observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true });
    }`);
    const finished: { path: string; endedAt: number; bytes: Promise<number> }[] = [];
    context.on('requestfinished', (request) => {
      const timing = request.timing();
      finished.push({
        path: new URL(request.url()).pathname,
        endedAt: timing.startTime + timing.responseEnd,
        bytes: encodedBytes(request),
      });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}/?today=${today}`, { timeout: 120_000 });
    await page.locator('main[data-engines="ready"]').waitFor({ timeout: 300_000 });
    const marks = await page.evaluate(
      ([input, ready]) => ({
        timeOrigin: performance.timeOrigin,
        photoInputMs: performance.getEntriesByName(input)[0]?.startTime ?? NaN,
        readyMs: performance.getEntriesByName(ready)[0]?.startTime ?? NaN,
      }),
      [PHOTO_INPUT_MARK, ENGINES_READY_MARK] as const,
    );
    const readyAt = marks.timeOrigin + marks.readyMs;
    const byPath = new Map<string, number>();
    for (const request of finished.filter((r) => r.endedAt <= readyAt))
      byPath.set(request.path, (byPath.get(request.path) ?? 0) + (await request.bytes));
    return {
      photoInputMs: Math.round(marks.photoInputMs),
      readyMs: Math.round(marks.readyMs),
      bytesBeforeReady: [...byPath.values()].reduce((sum, bytes) => sum + bytes, 0),
      byPath,
    };
  } finally {
    await context.close();
  }
}

/**
 * Headers and encoded body. Playwright gives a worker's own script a body of 0 bytes; its
 * Content-Length (the encoded length: serve-web.ts always sends one) stands in for it. A conditional
 * request answered from the HTTP cache (a 304, which Playwright shows as the cached 200) cost its
 * headers only.
 */
async function encodedBytes(request: Request): Promise<number> {
  const sizes = await request.sizes().catch(() => null);
  if (!sizes) return 0;
  const revalidated = (await request.headerValue('if-none-match')) !== null;
  const declared = revalidated ? 0 : Number((await request.response())?.headers()['content-length'] ?? 0);
  return Math.max(sizes.responseBodySize, declared) + sizes.responseHeadersSize;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** One 1.6 Mbps link: each slice of any response waits for the link to be free, then for its time on it. */
class SlowLink {
  #freeAt = 0;

  async send(bytes: number): Promise<void> {
    const start = Math.max(performance.now(), this.#freeAt);
    this.#freeAt = start + (1000 * bytes) / NETWORK.bytesPerSecond;
    await new Promise((resolve) => setTimeout(resolve, this.#freeAt - performance.now()));
  }
}

/** A proxy to `origin` on `port`, behind one slow link (a fresh one per visit: an empty link). */
async function startSlowProxy(origin: string, port: number): Promise<Server> {
  const target = new URL(origin);
  const link = new SlowLink();
  const server = createServer((incoming, outgoing) => {
    setTimeout(() => {
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: target.host },
        },
        (response) => {
          void (async () => {
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            for await (const chunk of response as AsyncIterable<Buffer>) {
              for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
                const slice = chunk.subarray(at, at + SLICE_BYTES);
                await link.send(slice.length);
                outgoing.write(slice);
              }
            }
            outgoing.end();
          })().catch(() => outgoing.destroy());
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    }, NETWORK.roundTripMs);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** The figures as lines to print. `origin` is the server; the visits go through a slow proxy to it. */
export async function benchThrottledFirstVisit(
  browser: Browser,
  origin: string,
  today: string,
): Promise<string[]> {
  const proxyPort = Number(new URL(origin).port) + 1;
  const visits: ThrottledVisit[] = [];
  for (let i = 0; i < VISITS; i++) {
    const proxy = await startSlowProxy(origin, proxyPort);
    try {
      visits.push(await throttledVisit(browser, `http://localhost:${proxyPort}`, today));
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  }
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  const input = median(visits.map((v) => v.photoInputMs));
  const ready = median(visits.map((v) => v.readyMs));
  const bytes = median(visits.map((v) => v.bytesBeforeReady));
  const typical = visits.find((v) => v.bytesBeforeReady === bytes) ?? visits[0]!;
  const largest = [...typical.byPath].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return [
    `throttled first visit (CPU ${CPU_SLOWDOWN}×, 1.6 Mbps down shared by every request, ${NETWORK.roundTripMs} ms a request), median of ${VISITS}:`,
    `  photo input usable: ${input} ms of [${visits.map((v) => v.photoInputMs).join(', ')}] (${verdict(input <= THROTTLED_TARGETS.photoInputMs)} ≤ ${THROTTLED_TARGETS.photoInputMs})`,
    `  ready: ${ready} ms of [${visits.map((v) => v.readyMs).join(', ')}] (${verdict(ready <= THROTTLED_TARGETS.readyMs)} ≤ ${THROTTLED_TARGETS.readyMs})`,
    `  bytes before ready: ${mb(bytes)} of [${visits.map((v) => mb(v.bytesBeforeReady)).join(', ')}] (${verdict(bytes <= THROTTLED_TARGETS.bytesBeforeReady)} ≤ ${mb(THROTTLED_TARGETS.bytesBeforeReady)}), largest:`,
    ...largest.map(([path, size]) => `    ${mb(size).padStart(9)}  ${path}`),
  ];
}
