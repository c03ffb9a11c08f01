/**
 * Between the photos of a batch: before a big photo is checked, what the photos before it left is
 * collected, while it decodes.
 *
 * A photo's pixels (sharp's buffer, 45 MB at 12 MP), the warp's memory made anew for it and the copies
 * its check made are freed by V8's garbage collector alone, which runs when V8 judges best: it lets
 * the memory outside its heap grow by about 64 MB past what it held at its last collection. A batch's
 * peak comes while a big photo is checked (a tilted 12 MP page warped), and held up to two earlier
 * photos' pixels or none, as the collector had run: over ../shared's 143 photos in one CLI process,
 * peak RSS was 453-486 MB in most runs and once 613 (npm run bench:memory; issue 13). A full
 * collection costs 40-90 ms of CPU here (npm run trace:memory), so it is made only before a photo big
 * enough to peak, while libvips decodes that photo on its own threads, and before its check (and the
 * check's reading budget) starts. Where the collector is not exposed (`node --expose-gc`, which
 * bin/allocator.js passes), this does nothing.
 */

/** Pixels from which a photo is big enough to make a batch's peak: 4 MP, 16 MB of RGBA. */
export const COLLECT_BEFORE_PIXELS = 4_000_000;

export interface PhotoGarbage {
  /** A photo was checked: what it left is garbage now. */
  checked(): void;
  /**
   * Resolves with `decoding`'s photo, of `pixels` pixels as its header declares (undefined where it
   * could not be read), once what earlier photos left has been collected where it is big.
   */
  collectWhile<T>(decoding: Promise<T>, pixels: number | undefined): Promise<T>;
}

export function photoGarbage(collect: NodeJS.GCFunction | undefined = globalThis.gc): PhotoGarbage {
  let left = false;
  return {
    checked() {
      left = true;
    },
    async collectWhile(decoding, pixels) {
      if (!left || !collect || (pixels ?? Infinity) < COLLECT_BEFORE_PIXELS) return decoding;
      left = false;
      // A task of its own: the decode's continuation starts libvips' threads meanwhile.
      const [photo] = await Promise.all([decoding, collect({ type: 'major', execution: 'async' })]);
      return photo;
    },
  };
}
