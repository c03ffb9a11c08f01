/**
 * The bands of target rows our warp (warpPerspective.ts) makes one at a time, each with the photo rows
 * its samples fall in, so that the kernel's memory holds those rows rather than the whole photo, and
 * the columns they fall in, so that only those are copied there.
 */

/** Target rows [fromRow, toRow) made from photo rows firstRow..lastRow, columns firstColumn..lastColumn. */
export interface Band {
  readonly fromRow: number;
  readonly toRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** The photo's pixels that target rows sample. */
type Sampled = Omit<Band, 'fromRow' | 'toRow'>;

/** Photo bytes a band of target rows is made from, about (more where one step of rows needs more). */
export const BAND_BYTES = 4 << 20;
/** Target rows are banded this many at a time. */
const ROW_STEP = 16;
/** The most photo rows the bands may copy, as a multiple of the rows the whole target reads. */
const MAX_COPIES = 1.75;

/**
 * The target's rows in bands, each with the photo rows its samples fall in: as many rows a band as
 * keep its photo rows within BAND_BYTES, or within twice what one step of ROW_STEP rows reads where a
 * document stands tilted (a step of a 1600-px page tilted 12° reads ~770 rows of a 12 MP photo). One
 * band where the whole target fits, or where the bands would copy over MAX_COPIES times the rows one
 * band would (a document turned far from upright: each band reads most of the same rows again).
 */
export function sourceBands(
  inverse: ArrayLike<number>,
  width: number,
  height: number,
  photoHeight: number,
  rowBytes: number,
): Band[] {
  const photo = { width: rowBytes / 4, height: photoHeight };
  const rowsOf = (fromRow: number, toRow: number) => sampledRows(inverse, width, fromRow, toRow, photo);
  const whole = rowsOf(0, height);
  if (!whole)
    return [
      {
        fromRow: 0,
        toRow: height,
        firstRow: 0,
        lastRow: photoHeight - 1,
        firstColumn: 0,
        lastColumn: photo.width - 1,
      },
    ];
  const span = ({ firstRow, lastRow }: { firstRow: number; lastRow: number }) => lastRow - firstRow + 1;
  const step = span(rowsOf(0, Math.min(height, ROW_STEP))!);
  const budget = Math.max(Math.floor(BAND_BYTES / rowBytes), 2 * step);
  if (span(whole) <= budget) return [{ fromRow: 0, toRow: height, ...whole }];
  const bands: Band[] = [];
  for (let fromRow = 0; fromRow < height;) {
    let toRow = Math.min(height, fromRow + ROW_STEP);
    let rows = rowsOf(fromRow, toRow)!;
    while (toRow < height) {
      const wider = rowsOf(fromRow, Math.min(height, toRow + ROW_STEP))!;
      if (span(wider) > budget) break;
      [toRow, rows] = [Math.min(height, toRow + ROW_STEP), wider];
    }
    bands.push({ fromRow, toRow, ...rows });
    fromRow = toRow;
  }
  const copied = bands.reduce((sum, band) => sum + span(band), 0);
  return copied > MAX_COPIES * span(whole) ? [{ fromRow: 0, toRow: height, ...whole }] : bands;
}

/**
 * The photo rows and columns that target rows [fromRow, toRow) sample, both neighbours included, or
 * null where the mapping's denominator is not positive over them (the kernel then maps a place to
 * 0, 0). With it positive, a rectangle's image is a convex quadrilateral, so its extremes are its
 * corners'; a margin of 2 pixels covers the rounding to 1/32 px and the neighbour below or beside.
 */
function sampledRows(
  m: ArrayLike<number>,
  width: number,
  fromRow: number,
  toRow: number,
  photo: { readonly width: number; readonly height: number },
): Sampled | null {
  let [top, bottom, left, right] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const x of [0, width - 1])
    for (const y of [fromRow, toRow - 1]) {
      const w = m[6]! * x + m[7]! * y + m[8]!;
      if (!(w > 1e-12)) return null;
      const photoX = (m[0]! * x + m[1]! * y + m[2]!) / w;
      const photoY = (m[3]! * x + m[4]! * y + m[5]!) / w;
      [top, bottom] = [Math.min(top, photoY), Math.max(bottom, photoY)];
      [left, right] = [Math.min(left, photoX), Math.max(right, photoX)];
    }
  const clamp = (at: number, size: number) => Math.min(size - 1, Math.max(0, at));
  return {
    firstRow: clamp(Math.floor(top) - 2, photo.height),
    lastRow: clamp(Math.ceil(bottom) + 2, photo.height),
    firstColumn: clamp(Math.floor(left) - 2, photo.width),
    lastColumn: clamp(Math.ceil(right) + 2, photo.width),
  };
}
