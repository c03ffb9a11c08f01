/**
 * Canny's edge detector as OpenCV's `Canny` runs it (3 × 3 Sobel with the border replicated, the L1
 * magnitude, four directions across the edge, hysteresis over 8-neighbours), except where a pixel ties
 * with its neighbour across the edge: OpenCV keeps it only where it beats the neighbour before it (left,
 * above) and ties the one after, so the edge it keeps moves by a pixel when the photo is turned, and
 * 1 to 2% of the outline's edge pixels differed between a photo and the same photo turned a quarter or
 * a half (real-photos' glare-313: 772 of 92142 turned half a turn), enough to open or close a
 * contour: the outline found then depended on which way up the photo came (issue 12). Here a pixel is
 * kept where it is at least each neighbour across the edge and more than one of them, and of two tied
 * the darker, whichever side that is, so the edges turn with the photo.
 */
import type { Mat } from '@techstark/opencv-js';
import type { MatScope } from '../cv.ts';

/** tan 22.5° as OpenCV's Canny holds it: 13573 / 2^15. Used both ways round, so it is symmetric. */
const TAN_22_5 = 13573;
const TAN_SHIFT = 32768;

/**
 * A channel's gradient magnitude and where it is a maximum across the edge, for any thresholds; both
 * padded with a pixel of 0 all round (row length `cols + 2`), so that no neighbour is off the image.
 */
export interface EdgeMaxima {
  /** Magnitudes up to this are no maxima: edges are found at `low` thresholds of at least this. */
  readonly floor: number;
  readonly cols: number;
  readonly rows: number;
  /** |dx| + |dy|, as OpenCV's Canny without L2gradient. */
  readonly magnitude: Int32Array;
  /** Where the magnitude is a maximum across the edge: indices into `magnitude`, in row order. */
  readonly maxima: Int32Array;
}

/**
 * The Sobel gradient of a CV_8UC1 channel and its maxima across the edge, above `floor` (the lowest
 * `low` threshold the edges will be found at: most of a smoothed photo's pixels are under it, and
 * are passed over).
 */
export function edgeMaxima(scope: MatScope, channel: Mat, floor: number): EdgeMaxima {
  const { cv } = scope;
  const dxMat = scope.mat();
  const dyMat = scope.mat();
  cv.Sobel(channel, dxMat, cv.CV_16S, 1, 0, 3, 1, 0, cv.BORDER_REPLICATE);
  cv.Sobel(channel, dyMat, cv.CV_16S, 0, 1, 3, 1, 0, cv.BORDER_REPLICATE);
  const { cols, rows } = channel;
  // Copied out of the WASM heap, whose views die when it grows.
  const dx = Int16Array.from(dxMat.data16S);
  const dy = Int16Array.from(dyMat.data16S);
  const magnitude = paddedL1Magnitude(dx, dy, cols, rows);
  const values = padded(channel.data, cols, rows);
  return {
    floor,
    cols,
    rows,
    magnitude,
    maxima: maximaAcross({ dx, dy, magnitude, values, cols, rows, floor }),
  };
}

function padded(data: Uint8Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array((cols + 2) * (rows + 2));
  for (let y = 0; y < rows; y++) out.set(data.subarray(y * cols, (y + 1) * cols), (y + 1) * (cols + 2) + 1);
  return out;
}

function paddedL1Magnitude(dx: Int16Array, dy: Int16Array, cols: number, rows: number): Int32Array {
  const w = cols + 2;
  const magnitude = new Int32Array(w * (rows + 2));
  for (let y = 0; y < rows; y++) {
    let i = y * cols;
    let p = (y + 1) * w + 1;
    for (let x = 0; x < cols; x++, i++, p++) {
      const gx = dx[i]!;
      const gy = dy[i]!;
      magnitude[p] = (gx < 0 ? -gx : gx) + (gy < 0 ? -gy : gy);
    }
  }
  return magnitude;
}

/**
 * Where the magnitude is at least both neighbours across the edge and more than one of them:
 * horizontal where |dy| < tan 22.5° |dx|, vertical where |dx| < tan 22.5° |dy|, else along the
 * diagonal the gradient points. Of two such maxima tied across the edge (an edge midway between
 * them), only the darker is kept (both where they are alike): a line one pixel wide, as OpenCV's,
 * chosen by what the photo shows there and not by which of them comes first. Keeping both made a
 * blurred border two lines apart, and the blurred fixture fra-id-card-front-blur-3 lost its card's
 * outline; dropping one for a darker neighbour that is no maximum itself broke a faint border.
 */
function maximaAcross(gradient: {
  readonly dx: Int16Array;
  readonly dy: Int16Array;
  readonly magnitude: Int32Array;
  readonly values: Uint8Array;
  readonly cols: number;
  readonly rows: number;
  readonly floor: number;
}): Int32Array {
  const { magnitude, values } = gradient;
  const { candidates, across } = candidateMaxima(gradient);
  const isCandidate = new Uint8Array(magnitude.length);
  for (const p of candidates) isCandidate[p] = 1;
  const maxima: number[] = [];
  candidates.forEach((p, k) => {
    const m = magnitude[p]!;
    const yields = (q: number) => magnitude[q] === m && isCandidate[q] === 1 && values[q]! < values[p]!;
    if (!yields(p - across[k]!) && !yields(p + across[k]!)) maxima.push(p);
  });
  return Int32Array.from(maxima);
}

/** The pixels at least both neighbours across the edge and more than one, with the offset across. */
function candidateMaxima(gradient: {
  readonly dx: Int16Array;
  readonly dy: Int16Array;
  readonly magnitude: Int32Array;
  readonly cols: number;
  readonly rows: number;
  readonly floor: number;
}): { candidates: number[]; across: number[] } {
  const { dx, dy, magnitude, cols, rows, floor } = gradient;
  const w = cols + 2;
  const candidates: number[] = [];
  const offsets: number[] = [];
  for (let y = 0; y < rows; y++) {
    let i = y * cols;
    let p = (y + 1) * w + 1;
    for (let x = 0; x < cols; x++, i++, p++) {
      const m = magnitude[p]!;
      if (m <= floor) continue;
      const gx = dx[i]!;
      const gy = dy[i]!;
      const ax = gx < 0 ? -gx : gx;
      const ay = gy < 0 ? -gy : gy;
      // The neighbours before and after, as offsets from p.
      let across = 1;
      if (ay * TAN_SHIFT < ax * TAN_22_5) across = 1;
      else if (ax * TAN_SHIFT < ay * TAN_22_5) across = w;
      else across = gx < 0 === gy < 0 ? w + 1 : w - 1;
      const a = magnitude[p - across]!;
      const b = magnitude[p + across]!;
      if (m >= a && m >= b && (m > a || m > b)) {
        candidates.push(p);
        offsets.push(across);
      }
    }
  }
  return { candidates, across: offsets };
}

/**
 * Marks 255 in `edges` (the image's size, unpadded, as OpenCV's Canny gives them) the edges at
 * thresholds (low, high): maxima above `high`, and those above `low` joined to them through
 * 8-neighbours. Which pixels join does not depend on the order they are visited in.
 */
export function markEdgesAt(found: EdgeMaxima, low: number, high: number, edges: Uint8Array): void {
  if (low < found.floor) throw new RangeError(`Maxima found above ${found.floor}, not ${low}`);
  const { cols, magnitude, maxima } = found;
  const w = cols + 2;
  // 1: a maximum above `low` not yet joined; 2: joined. The padding stays 0.
  const state = new Uint8Array(magnitude.length);
  for (const p of maxima) if (magnitude[p]! > low) state[p] = 1;
  const neighbours = [-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1];
  const stack = new Int32Array(maxima.length);
  for (const p of maxima) {
    if (state[p] !== 1 || magnitude[p]! <= high) continue;
    state[p] = 2;
    let top = 0;
    stack[top++] = p;
    while (top > 0) {
      const q = stack[--top]!;
      for (const offset of neighbours) {
        if (state[q + offset] === 1) {
          state[q + offset] = 2;
          stack[top++] = q + offset;
        }
      }
    }
  }
  for (const p of maxima) {
    if (state[p] === 2) edges[(Math.floor(p / w) - 1) * cols + (p % w) - 1] = 255;
  }
}
