/**
 * The spectrum's loudest bins, kept as measureMedium.ts offers them: the head of a stable sort of all
 * the bins, without sorting them all.
 */

/**
 * The `size` loudest bins offered, loudest first, bins equally loud in the order offered: the head of
 * a stable sort of them all, kept as they come (sorting the ~3,900 bins of each patch took 4 ms of
 * the 12 MP check).
 */
export class LoudestBins {
  readonly bins: { u: number; v: number; whitened: number }[] = [];
  constructor(private readonly size: number) {}

  offer(u: number, v: number, whitened: number): void {
    const { bins, size } = this;
    if (bins.length === size && !(whitened > bins[size - 1]!.whitened)) return;
    let at = bins.length;
    while (at > 0 && bins[at - 1]!.whitened < whitened) at--;
    bins.splice(at, 0, { u, v, whitened });
    if (bins.length > size) bins.pop();
  }
}
