/**
 * A plain radix-2 FFT over the square patches measureMedium.ts looks for a screen's or a printer's
 * lattice in: small and fixed in size, so precomputed twiddles and no library.
 */

/** The patch side: a power of two. */
export const FFT_SIDE = 128;

/** In-place 2-D FFT of a FFT_SIDE × FFT_SIDE array: rows, then columns (radix 2). */
export function fft2(re: Float64Array, im: Float64Array): void {
  const rowRe = new Float64Array(FFT_SIDE);
  const rowIm = new Float64Array(FFT_SIDE);
  for (const [lineStep, itemStep] of [
    [FFT_SIDE, 1],
    [1, FFT_SIDE],
  ] as const) {
    for (let k = 0; k < FFT_SIDE; k++) {
      for (let i = 0, j = k * lineStep; i < FFT_SIDE; i++, j += itemStep) {
        rowRe[i] = re[j]!;
        rowIm[i] = im[j]!;
      }
      fft1(rowRe, rowIm);
      for (let i = 0, j = k * lineStep; i < FFT_SIDE; i++, j += itemStep) {
        re[j] = rowRe[i]!;
        im[j] = rowIm[i]!;
      }
    }
  }
}

const TWIDDLE_RE = Float64Array.from({ length: FFT_SIDE / 2 }, (_, i) =>
  Math.cos((-2 * Math.PI * i) / FFT_SIDE),
);
const TWIDDLE_IM = Float64Array.from({ length: FFT_SIDE / 2 }, (_, i) =>
  Math.sin((-2 * Math.PI * i) / FFT_SIDE),
);

function fft1(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = re[i]!;
      re[i] = re[j]!;
      re[j] = r;
      const m = im[i]!;
      im[i] = im[j]!;
      im[j] = m;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const wr = TWIDDLE_RE[k * step]!;
        const wi = TWIDDLE_IM[k * step]!;
        const a = start + k;
        const b = a + size / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
}
