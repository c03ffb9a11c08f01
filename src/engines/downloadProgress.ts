/**
 * How much of the engines' files has arrived, for the page to show while a first visit downloads them
 * (issue 13: on a slow phone the wait was 11-16 s with no sign of progress). Counted in the worker
 * that fetches the files, as the bytes of each body arrive, and sent to the page with the worker's
 * other messages.
 *
 * In decoded bytes, against each file's size from the build: a fetch sees a compressed body only once
 * decompressed, and the compressed sizes depend on how the server encodes. OpenCV's WebAssembly and
 * tesseract's core compress by about 4× and 3.4×, so the share of decoded bytes stays within a few
 * points of the share of bytes on the wire.
 */

export interface DownloadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
}

export type OnDownloadProgress = (progress: DownloadProgress) => void;

/** Sums the downloads of one engine load, and reports the sum at each whole percent. */
export class DownloadMeter {
  readonly #onProgress: OnDownloadProgress;
  #totalBytes = 0;
  #loadedBytes = 0;
  #reportedPercent = -1;
  #allArrived: () => void = () => {};
  /** Settles once every expected byte has arrived (the files may still be compiling). */
  readonly allArrived: Promise<void> = new Promise((resolve) => (this.#allArrived = resolve));

  constructor(onProgress: OnDownloadProgress) {
    this.#onProgress = onProgress;
  }

  /** Adds a file of `expectedBytes` (decoded) to the total; returns what counts its bytes. */
  expect(expectedBytes: number): (bytes: number) => void {
    this.#totalBytes += expectedBytes;
    let counted = 0;
    return (bytes) => {
      // A file larger than the build said (a server that changed it) never counts for more than its share.
      const counting = Math.min(bytes, expectedBytes - counted);
      counted += counting;
      this.#loadedBytes += counting;
      this.#report();
    };
  }

  /** Before any file has arrived: the page learns the total. */
  start(): void {
    this.#report();
  }

  #report(): void {
    if (this.#totalBytes > 0 && this.#loadedBytes >= this.#totalBytes) this.#allArrived();
    const percent = Math.floor((100 * this.#loadedBytes) / Math.max(1, this.#totalBytes));
    if (percent === this.#reportedPercent) return;
    this.#reportedPercent = percent;
    this.#onProgress({ loadedBytes: this.#loadedBytes, totalBytes: this.#totalBytes });
  }
}

/** `fetch`, with each chunk of the body counted as the caller reads it. */
export async function fetchCounted(url: string, onBytes: (bytes: number) => void): Promise<Response> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok || !response.body) return response;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
  // The headers go with it: WebAssembly.compileStreaming needs the Content-Type.
  return new Response(counted, { status: response.status, headers: response.headers });
}

/**
 * Fetches a file for a library that fetches it again itself (tesseract.js, from its own worker): the
 * body is counted and dropped, and the library's request is answered by the HTTP cache.
 */
export async function prefetchCounted(url: string, onBytes: (bytes: number) => void): Promise<void> {
  const response = await fetchCounted(url, onBytes);
  if (!response.ok) throw new Error(`Could not download ${url}: ${response.status}`);
  await response.body?.pipeTo(new WritableStream());
}
