/**
 * Between the photos of a batch, the last big photo's memory is collected while the next one decodes.
 *
 * Its pixels (sharp's buffer, 45 MB for a 12 MP photo), the warp's memory made anew for it and the
 * copies the check made are freed by V8's garbage collector alone, which runs when V8 judges best: it
 * lets the memory outside its heap grow by about 64 MB past what it held at its last collection. A
 * batch's peak, which comes while a tilted 12 MP page is warped, then held up to two earlier photos'
 * pixels or none, as the collector had run: over ../shared's 143 photos in one CLI process, peak RSS
 * was 453-492 MB in most runs and once 613 (npm run bench:memory; issue 13). A full collection costs
 * 40-90 ms of CPU here (npm run trace:memory), so it is made only after a photo big enough to matter,
 * and while the next photo decodes on libvips' threads, before that photo's check (and its reading
 * budget) starts. Where the collector is not exposed (`node --expose-gc`, which bin/allocator.js
 * passes), this does nothing.
 */

/**
 * Full pixels from which a photo's leavings are worth a collection: 4 MP, 16 MB of RGBA (a fifth of
 * V8's 64 MB allowance, and about the warp's memory for a tilted page of that size).
 */
export const COLLECT_AFTER_PIXELS = 4_000_000;

export interface PhotoGarbage {
  /** The photo just checked, by its full pixels' width × height. */
  checked(pixels: number): void;
  /** Resolves with `decoding`'s photo once the last big photo's memory has been collected too. */
  collectWhile<T>(decoding: Promise<T>): Promise<T>;
}

export function photoGarbage(
  collect: NodeJS.GCFunction | undefined = globalThis.gc,
  afterPixels = COLLECT_AFTER_PIXELS,
): PhotoGarbage {
  let owed = false;
  return {
    checked(pixels) {
      owed ||= pixels >= afterPixels;
    },
    async collectWhile(decoding) {
      if (!owed || !collect) return decoding;
      owed = false;
      // Run as a task of its own, so the decode's continuation can start libvips' threads first.
      const [photo] = await Promise.all([decoding, collect({ type: 'major', execution: 'async' })]);
      return photo;
    },
  };
}
