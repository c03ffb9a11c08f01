/**
 * The warp's bands of target rows: together they make every row once, and each holds every photo row
 * and column its samples take (both neighbours of a place rounded to 1/32 px), in no more than
 * BAND_BYTES where the document stands upright.
 */
import { describe, expect, it } from 'vitest';
import { BAND_BYTES, sourceBands, type Band } from '../../../src/pipeline/rectify/warpBands.ts';

const PHOTO = { width: 4000, height: 3000 };
const ROW_BYTES = PHOTO.width * 4;

/** The inverse map (target → photo) of a 1600 × 1126 target turned `degrees` about the photo's centre, 2.2 photo px a target px. */
function turned(degrees: number): number[] {
  const [c, s] = [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];
  const k = 2.2;
  const [cx, cy] = [800, 563];
  return [k * c, -k * s, 2000 - k * (c * cx - s * cy), k * s, k * c, 1500 - k * (s * cx + c * cy), 0, 0, 1];
}

/** The photo rows or columns the kernel reads for target row `y`: both neighbours of each place, clamped. */
function read(m: readonly number[], y: number, along: 'rows' | 'columns'): [number, number] {
  const [k, size] = along === 'rows' ? [3, PHOTO.height] : [0, PHOTO.width];
  let [low, high] = [Infinity, -Infinity];
  for (let x = 0; x < 1600; x++) {
    const w = m[6]! * x + m[7]! * y + m[8]!;
    const at = Math.floor(Math.round(((m[k]! * x + m[k + 1]! * y + m[k + 2]!) / w) * 32) / 32);
    const clamp = (r: number) => Math.min(size - 1, Math.max(0, r));
    [low, high] = [Math.min(low, clamp(at)), Math.max(high, clamp(at + 1))];
  }
  return [low, high];
}

function checkBands(m: number[]): Band[] {
  const bands = sourceBands(m, 1600, 1126, PHOTO.height, ROW_BYTES);
  expect(bands.map((band) => band.fromRow)).toStrictEqual([
    0,
    ...bands.slice(0, -1).map((band) => band.toRow),
  ]);
  expect(bands.at(-1)!.toRow).toBe(1126);
  for (const band of bands)
    for (let y = band.fromRow; y < band.toRow; y++) {
      const [low, high] = read(m, y, 'rows');
      expect(low >= band.firstRow && high <= band.lastRow, `row ${y}`).toBe(true);
      const [left, right] = read(m, y, 'columns');
      expect(left >= band.firstColumn && right <= band.lastColumn, `row ${y}'s columns`).toBe(true);
    }
  return bands;
}

describe('sourceBands', () => {
  it('bands an upright document in BAND_BYTES of photo rows or less, each holding the rows it reads', () => {
    const bands = checkBands(turned(0));
    expect(bands.length).toBeGreaterThan(5);
    for (const band of bands)
      expect((band.lastRow - band.firstRow + 1) * ROW_BYTES).toBeLessThanOrEqual(BAND_BYTES);
  });

  it('bands a tilted document in a share of the rows the whole reads', () => {
    for (const degrees of [3, 12, -12]) {
      const bands = checkBands(turned(degrees));
      const rows = bands.map((band) => band.lastRow - band.firstRow + 1);
      const whole =
        Math.max(...bands.map((band) => band.lastRow)) - Math.min(...bands.map((band) => band.firstRow)) + 1;
      expect(Math.max(...rows), `${degrees}°`).toBeLessThan(0.6 * whole);
    }
  });

  it('takes in only the columns a band reads: a document in the middle of the photo, not its width', () => {
    for (const band of checkBands(turned(5))) {
      expect(band.firstColumn).toBeGreaterThan(100);
      expect(band.lastColumn).toBeLessThan(PHOTO.width - 100);
    }
  });

  it('makes a document turned far from upright in one band, not many that read the same rows', () => {
    expect(checkBands(turned(80))).toHaveLength(1);
    expect(checkBands(turned(-100))).toHaveLength(1);
  });

  it('reads the whole photo where a place maps through the line at infinity (the kernel then reads 0, 0)', () => {
    const m = [1, 0, 0, 0, 1, 0, 0.001, 0, -0.5];
    expect(sourceBands(m, 1600, 1126, PHOTO.height, ROW_BYTES)).toStrictEqual([
      {
        fromRow: 0,
        toRow: 1126,
        firstRow: 0,
        lastRow: PHOTO.height - 1,
        firstColumn: 0,
        lastColumn: PHOTO.width - 1,
      },
    ]);
  });
});
