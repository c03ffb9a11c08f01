/**
 * The spectrum's loudest bins, kept as measureMedium.ts offers them: the head of a stable sort of all
 * the bins, without sorting them all.
 *
 * A plain object and a function, not a class: a class instance made for each patch and its method
 * called in the loop left topPeaks' and the method's optimised code tied to objects the collector took
 * with the photo, and V8 compiled both again for every photo (`node --trace-deopt`: "weak objects",
 * every 12 MP check; a plain object and a free function are not).
 */

export interface LoudestBins {
  readonly size: number;
  /** Loudest first. */
  readonly bins: { u: number; v: number; whitened: number }[];
}

/** Keeps the `size` loudest bins offered (offerBin), loudest first, bins equally loud in the order offered. */
export function loudestBins(size: number): LoudestBins {
  return { size, bins: [] };
}

/**
 * Offers a bin: kept as it comes where it is among the loudest (sorting the ~3,900 bins of each patch
 * took 4 ms of the 12 MP check).
 */
export function offerBin(kept: LoudestBins, u: number, v: number, whitened: number): void {
  const { bins, size } = kept;
  if (bins.length === size && !(whitened > bins[size - 1]!.whitened)) return;
  let at = bins.length;
  while (at > 0 && bins[at - 1]!.whitened < whitened) at--;
  bins.splice(at, 0, { u, v, whitened });
  if (bins.length > size) bins.pop();
}
