/**
 * Finds the MRZ lines in a greyscale image: long, evenly filled text lines, one to three of them,
 * stacked with equal spacing. Works on a rectified document and on a whole photo alike.
 */
import type { OpenCv } from '../../engines/types.ts';
import { greyToMat, matToGrey, withMats } from '../cv.ts';
import { blackHat, closing } from '../morphology.ts';
import type { GreyImage } from '../image.ts';
import { rectIn, type PixelSpace, type Rect } from '../types.ts';

/** `S`: the full-size image's pixels (as returned), or the search copy's (while grouping lines). */
export interface MrzBand<S extends PixelSpace = 'upright'> {
  readonly box: Rect<S>;
  readonly lineCount: number;
  /** Mean height of the lines' ink, pixels of the image searched: about the glyph height. */
  readonly lineHeight: number;
  readonly score: number;
}

/**
 * The search copy (MrzImage.search): no wider than SEARCH_WIDTH_PX, the scale from full size to it,
 * and its strokes joined along its rows where they were made already (mrzImage.ts keeps them for a
 * copy and every turn of it): else they are made here.
 */
export interface SearchCopy {
  readonly image: GreyImage;
  readonly scale: number;
  readonly joined?: () => GreyImage;
}

/**
 * `search` is the image shrunk to SEARCH_WIDTH_PX (MrzImage.search). `minLineShare`: the least share
 * of the image width a line must span (about 0.7 on a rectified document, whose MRZ spans ~90% of it;
 * lower on a whole photo, where the document may be small). Bands come back in full-size pixels.
 */
export function locateMrzBands(cv: OpenCv, search: SearchCopy, minLineShare: number): MrzBand[] {
  const { scale } = search;
  const closed = search.joined?.() ?? joinedStrokes(cv, inkStrokes(cv, search.image), 'rows');
  return withMats(cv, (scope) => {
    const contours = scope.vector();
    // Every blob, not only outer ones: a printed frame round the page would otherwise swallow the lines.
    cv.findContours(greyToMat(scope, closed), contours, scope.mat(), cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
    const blobs: Rect<'search'>[] = [];
    for (let i = 0; i < contours.size(); i++) {
      const r = cv.boundingRect(scope.track(contours.get(i)));
      // Single glyphs too (a `<` is taller than wide): rows are joined from them below.
      if (r.height >= 3 && r.width >= 0.3 * r.height)
        blobs.push(rectIn('search', r.x, r.y, r.width, r.height));
    }
    const lines = joinRows(blobs)
      .filter((b) => b.width >= minLineShare * search.image.width)
      .flatMap((b) => (b.width / b.height >= SPLIT_ASPECT ? printRows(closed, b) : [b]))
      .filter((b) => b.width / b.height >= 12);
    return groupLines(lines, search.image.height).map((band) => ({
      ...band,
      box: rectIn(
        'upright',
        band.box.x / scale,
        band.box.y / scale,
        band.box.width / scale,
        band.box.height / scale,
      ),
      lineHeight: band.lineHeight / scale,
    }));
  });
}

/**
 * Dark print on a lighter ground: the black-hat keeps strokes thinner than its 15 px square, and
 * Otsu's threshold over the whole copy parts them from the ground (255 on ink).
 */
export function inkStrokes(cv: OpenCv, image: GreyImage): GreyImage {
  const strokes = blackHat(cv, image, 15, 15);
  return withMats(cv, (scope) => {
    const binary = scope.mat();
    cv.threshold(greyToMat(scope, strokes), binary, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
    return matToGrey(binary);
  });
}

/**
 * The characters of a line joined (MRZ pitch is even, and `<` is ink too), but never two lines: along
 * the rows, or down the columns for the copy's lines once it is turned a quarter.
 */
export function joinedStrokes(cv: OpenCv, strokes: GreyImage, along: 'rows' | 'columns'): GreyImage {
  return along === 'rows' ? closing(cv, strokes, 13, 1) : closing(cv, strokes, 1, 13);
}

/**
 * Only a blob at least this many times as wide as high is looked into for lines: two MRZ lines joined
 * by a stroke are ~8 times (44 glyphs over two lines and their gap); a block of printed fields joined
 * into one blob is squarer, and split into rows it would stack into bands that outscore the MRZ.
 */
const SPLIT_ASPECT = 6;
/** A row holds a line's print where its ink spans at least this share of the fullest row's. */
const PRINT_ROW_SHARE = 0.35;
/** A box whose print rows fill less of its height than this is a line with something else joined on. */
const PRINT_HEIGHT_SHARE = 0.7;

/**
 * The line's own rows: a stamp, a tint's outline or a guilloche that touches a line joins onto it and
 * makes its box taller than its print (up to three times on ../shared/real-photos' prado scans, where
 * the lines then failed to stack), and a stroke crossing two lines makes them one blob. The rows
 * where the joined ink spans at least PRINT_ROW_SHARE of the fullest row's width are the print; each
 * run of them is a line. A box its print mostly fills is kept as it is.
 */
function printRows(closed: GreyImage, box: Rect<'search'>): Rect<'search'>[] {
  const counts: number[] = [];
  for (let y = box.y; y < box.y + box.height; y++) {
    let count = 0;
    const row = y * closed.width;
    for (let x = box.x; x < box.x + box.width; x++) if (closed.data[row + x]! > 0) count++;
    counts.push(count);
  }
  const fullest = Math.max(...counts);
  const runs: Rect<'search'>[] = [];
  let start = -1;
  counts.forEach((count, i) => {
    const inPrint = count >= PRINT_ROW_SHARE * fullest;
    if (inPrint && start < 0) start = i;
    if ((!inPrint || i === counts.length - 1) && start >= 0) {
      const end = inPrint ? i + 1 : i;
      if (end - start >= 3) runs.push(rectIn('search', box.x, box.y + start, box.width, end - start));
      start = -1;
    }
  });
  const printHeight = runs.reduce((sum, run) => sum + run.height, 0);
  return runs.length === 0 || printHeight >= PRINT_HEIGHT_SHARE * box.height ? [box] : runs;
}

/**
 * Joins blobs that sit on one row with small gaps: runs of thin `<` fillers can fade below the
 * threshold and split an MRZ line in two.
 */
function joinRows(blobs: Rect<'search'>[]): Rect<'search'>[] {
  const rows = [...blobs].sort((a, b) => a.x - b.x);
  const joined: Rect<'search'>[] = [];
  for (const blob of rows) {
    const target = joined.findIndex((row) => {
      const overlap = Math.min(row.y + row.height, blob.y + blob.height) - Math.max(row.y, blob.y);
      const gap = blob.x - (row.x + row.width);
      return (
        overlap >= 0.6 * Math.min(row.height, blob.height) &&
        gap <= 2.5 * Math.max(row.height, blob.height) &&
        Math.abs(row.height - blob.height) < 0.7 * Math.max(row.height, blob.height)
      );
    });
    if (target < 0) {
      joined.push(blob);
      continue;
    }
    const row = joined[target]!;
    const x0 = Math.min(row.x, blob.x);
    const y0 = Math.min(row.y, blob.y);
    const x1 = Math.max(row.x + row.width, blob.x + blob.width);
    const y1 = Math.max(row.y + row.height, blob.y + blob.height);
    joined[target] = rectIn('search', x0, y0, x1 - x0, y1 - y0);
  }
  return joined;
}

/** Stacks of 1–3 lines of similar length, left edge and height, evenly spaced; best first. */
function groupLines(lines: Rect<'search'>[], imageHeight: number): MrzBand<'search'>[] {
  const sorted = [...lines].sort((a, b) => a.y - b.y);
  const bands: MrzBand<'search'>[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const group = [sorted[i]!];
    for (let j = i + 1; j < sorted.length && group.length < 3; j++) {
      const last = group[group.length - 1]!;
      const next = sorted[j]!;
      const gap = next.y - (last.y + last.height);
      const similar =
        Math.abs(next.width - last.width) < 0.25 * Math.max(next.width, last.width) &&
        Math.abs(next.x - last.x) < 0.08 * last.width &&
        Math.abs(next.height - last.height) < 0.6 * last.height;
      if (gap >= 0 && gap < 1.6 * last.height && similar) group.push(next);
      else if (gap > 1.6 * last.height) break;
    }
    const x0 = Math.min(...group.map((b) => b.x));
    const y0 = group[0]!.y;
    const x1 = Math.max(...group.map((b) => b.x + b.width));
    const last = group[group.length - 1]!;
    const lineHeight = group.reduce((s, b) => s + b.height, 0) / group.length;
    // Prefer more lines, longer lines, and the lower part of the image (where ICAO puts the MRZ).
    const lowness = (last.y + last.height) / imageHeight;
    const score = group.length * (x1 - x0) * (0.6 + 0.4 * lowness);
    bands.push({
      box: rectIn('search', x0, y0, x1 - x0, last.y + last.height - y0),
      lineCount: group.length,
      lineHeight,
      score,
    });
  }
  return bands.sort((a, b) => b.score - a.score);
}
