/**
 * Which rows of the photo a warp reads (warpPerspective.ts copies only those into its memory).
 */

/** Rows beyond the corners' own that a warp may read: bilinear's second row, and rounding to 1/32 px. */
const ROW_MARGIN = 2;

/**
 * The photo's rows (from, up to) that warping to `width`×`height` by `inverse` reads: the span of the
 * target's corners mapped into the photo, and ROW_MARGIN. Where the mapping's denominator is not of one
 * sign over the target (a degenerate quad), or a corner maps to no number, every row.
 */
export function photoRowsRead(
  inverse: ArrayLike<number>,
  width: number,
  height: number,
  photoHeight: number,
): [number, number] {
  const ys: number[] = [];
  const ws: number[] = [];
  for (const [x, y] of [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ] as const) {
    const w = inverse[6]! * x + inverse[7]! * y + inverse[8]!;
    ws.push(w);
    ys.push((inverse[3]! * x + inverse[4]! * y + inverse[5]!) / w);
  }
  const oneSign = ws.every((w) => w > 0) || ws.every((w) => w < 0);
  if (!oneSign || !ys.every(Number.isFinite)) return [0, photoHeight];
  const top = Math.floor(Math.min(...ys)) - ROW_MARGIN;
  const bottom = Math.ceil(Math.max(...ys)) + 1 + ROW_MARGIN;
  return [Math.max(0, Math.min(photoHeight - 1, top)), Math.max(1, Math.min(photoHeight, bottom))];
}
