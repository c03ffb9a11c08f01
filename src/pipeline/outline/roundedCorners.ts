/**
 * A scan cut at the document's own edge: its sides lie on the photo's border, where no edge can be
 * told from the border, but its rounded corners still show in the photo's corners (ISO/IEC 7810 and
 * ICAO 9303 part 3: r = 3.18 mm on ID-1, TD1 and TD2 cards; passport pages are rounded alike). A
 * quarter circle tangent to both borders, with the ground beyond it even and the photo changing one
 * way across it all along, is the document's corner seen; print or texture running into the photo's
 * corner (a crop inside the document) makes no such arc.
 */
import type { Point } from '../geometry.ts';
import { pointIn, type PixelSpace, type PointIn } from '../pixelSpaces.ts';
import { CORNER_NAMES, type CornerName, type RgbaImage } from '../types.ts';
import type { DocumentOutline } from './judgeQuad.ts';

/** ISO/IEC 7810's corner radius, mm. */
const CORNER_RADIUS_MM = 3.18;

/**
 * The radii tried, as shares of ISO's at the code's scale: a scan's scale from its code is a few per
 * cent off, and passport pages and national cards round their corners more or less.
 */
const RADIUS_SHARES = [0.6, 0.75, 0.9, 1.05, 1.2, 1.4, 1.6] as const;

/** How far inside the photo's border the document's edge may lie, as a share of the radius: a scan's white margin. */
const MAX_INSET_SHARE = 0.5;

/** The arc is sampled away from where it meets the sides (there it runs along the border). */
const ARC_DEGREES = [15, 75] as const;

/** Share of the arc's samples that must change the same way across it. */
const MIN_ARC_SUPPORT = 0.8;

/**
 * The least change across the arc (the largest of R, G, B, 2 px either side), and at least this
 * many times the ground's own spread beyond it: a faint grey corner on a white scan changes by ~40
 * (passporteye's 100_id-rou), JPEG noise on white by < 5.
 */
const MIN_STEP = 12;
const MIN_STEP_OVER_GROUND_SPREAD = 3;

/**
 * How near the photo's frame must lie to the predicted page, scaled about the zone's centre, to be
 * taken for it: the scale within what mock-ups and national layouts print (the zone 0.87 to 1.15 of
 * ICAO's width for its page: zoneOnPage.ts), alike across and down, each side within 4% of the page.
 * A viewer's window round a page (passporteye's 100_pass-polx: its buttons below the zone) is 11% off.
 */
const FRAME_FIT = { minScale: 0.87, maxScale: 1.15, maxScaleMismatch: 0.04, maxSideOffShare: 0.04 } as const;

/**
 * Whether the photo is a scan that ends at the document's own edge: its frame is where the code puts
 * the page (FRAME_FIT), and all four of its corners show a rounded corner (passporteye's
 * 100_id-rou: a TD2 card cut at its edge, its corners faint grey arcs). `predicted`'s quad and zone
 * are in the image's pixels; `pxPerMm` the scale the code gives.
 */
export function scanEndsAtDocument(
  image: RgbaImage,
  predicted: { readonly quad: readonly Point[]; readonly zone: readonly Point[] },
  pxPerMm: number,
): boolean {
  return (
    frameIsPredictedPage(image, predicted) &&
    CORNER_NAMES.every((corner) => seesRoundedCorner(image, corner, pxPerMm))
  );
}

function frameIsPredictedPage(
  { width, height }: RgbaImage,
  predicted: { readonly quad: readonly Point[]; readonly zone: readonly Point[] },
): boolean {
  const xs = predicted.quad.map((p) => p[0]);
  const ys = predicted.quad.map((p) => p[1]);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const cx = predicted.zone.reduce((sum, p) => sum + p[0], 0) / predicted.zone.length;
  const cy = predicted.zone.reduce((sum, p) => sum + p[1], 0) / predicted.zone.length;
  const [sx, sy] = [width / (right - left), height / (bottom - top)];
  const scale = (sx + sy) / 2;
  if (scale < FRAME_FIT.minScale || scale > FRAME_FIT.maxScale) return false;
  if (Math.abs(sx / sy - 1) > FRAME_FIT.maxScaleMismatch) return false;
  const [dx, dy] = [FRAME_FIT.maxSideOffShare * width, FRAME_FIT.maxSideOffShare * height];
  return (
    Math.abs(cx - (cx - left) * scale) <= dx &&
    Math.abs(cx + (right - cx) * scale - width) <= dx &&
    Math.abs(cy - (cy - top) * scale) <= dy &&
    Math.abs(cy + (bottom - cy) * scale - height) <= dy
  );
}

/** Whether the photo's corner shows a document's rounded corner, tangent to both borders (or just inside). */
export function seesRoundedCorner(image: RgbaImage, corner: CornerName, pxPerMm: number): boolean {
  const k = CORNER_NAMES.indexOf(corner);
  const { width, height } = image;
  // The corner pixel and the two directions into the photo along its borders.
  const origin: Point = [k === 1 || k === 2 ? width - 1 : 0, k >= 2 ? height - 1 : 0];
  const u: Point = [k === 1 || k === 2 ? -1 : 1, 0];
  const v: Point = [0, k >= 2 ? -1 : 1];
  const nominal = CORNER_RADIUS_MM * pxPerMm;
  if (nominal < 4) return false; // too small to tell an arc from a corner
  for (const share of RADIUS_SHARES) {
    const r = share * nominal;
    const maxInset = Math.max(2, Math.round(MAX_INSET_SHARE * r));
    for (let a = 0; a <= maxInset; a++)
      for (let b = 0; b <= maxInset; b++) if (arcSeen(image, origin, u, v, a, b, r)) return true;
  }
  return false;
}

/**
 * The arc of radius r tangent to the lines a px in along u's border and b px in along v's: the
 * photo changes one way across it, by more than the ground beyond it varies.
 */
function arcSeen(
  image: RgbaImage,
  origin: Point,
  u: Point,
  v: Point,
  a: number,
  b: number,
  r: number,
): boolean {
  const at = (s: number, t: number): Point => [
    origin[0] + s * u[0] + t * v[0],
    origin[1] + s * u[1] + t * v[1],
  ];
  const centre = [a + r, b + r] as const;
  const steps = Math.max(10, Math.round(r * 0.8));
  const changes: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const theta = ((ARC_DEGREES[0] + ((ARC_DEGREES[1] - ARC_DEGREES[0]) * i) / steps) * Math.PI) / 180;
    const [cu, cv] = [Math.cos(theta), Math.sin(theta)];
    const [s, t] = [centre[0] - r * cu, centre[1] - r * cv];
    changes.push(largestChange(image, at(s - 2 * cu, t - 2 * cv), at(s + 2 * cu, t + 2 * cv)));
  }
  const sign = Math.sign(changes.reduce((sum, c) => sum + c, 0));
  const held = (least: number) =>
    changes.filter((c) => c * sign >= least).length >= MIN_ARC_SUPPORT * changes.length;
  // The ground is measured only for an arc that already holds (it costs the most).
  if (sign === 0 || !held(MIN_STEP)) return false;
  const spread = groundSpread(image, at, a, b, r);
  return spread !== null && held(Math.max(MIN_STEP, MIN_STEP_OVER_GROUND_SPREAD * spread));
}

/** The change from outside the arc to inside it: the largest of the three channels', signed. */
function largestChange(image: RgbaImage, outside: Point, inside: Point): number {
  const i = pixelIndex(image, outside);
  const k = pixelIndex(image, inside);
  if (i === null || k === null) return 0;
  let change = 0;
  for (let c = 0; c < 3; c++) {
    const d = image.data[k + c]! - image.data[i + c]!;
    if (Math.abs(d) > Math.abs(change)) change = d;
  }
  return change;
}

/**
 * The ground beyond the arc (between it and the photo's corner, 2 px clear of it): the standard
 * deviation of its brightness, or null where it is too small to measure.
 */
function groundSpread(
  image: RgbaImage,
  at: (s: number, t: number) => Point,
  a: number,
  b: number,
  r: number,
): number | null {
  const values: number[] = [];
  const [cs, ct] = [a + r, b + r];
  for (let s = 0; s < cs; s++)
    for (let t = 0; t < ct; t++) {
      if (Math.hypot(cs - s, ct - t) < r + 2) continue;
      const i = pixelIndex(image, at(s, t));
      if (i !== null) values.push((image.data[i]! + image.data[i + 1]! + image.data[i + 2]!) / 3);
    }
  if (values.length < 6) return null;
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  return Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / values.length);
}

function pixelIndex(image: RgbaImage, [x, y]: Point): number | null {
  const [px, py] = [Math.round(x), Math.round(y)];
  if (px < 0 || py < 0 || px >= image.width || py >= image.height) return null;
  return (py * image.width + px) * 4;
}

/**
 * The whole photo as the document's outline, in the space of the photo given: a scan or photo that ends
 * at the document's own edge, its four corners seen there (`scanEndsAtDocument`, steps/outlineHoldsPrint).
 */
export function wholePhotoOutline<S extends PixelSpace>(
  { width, height }: RgbaImage,
  space: S,
): DocumentOutline<PointIn<S>> {
  const quad = [
    pointIn(space, 0, 0),
    pointIn(space, width - 1, 0),
    pointIn(space, width - 1, height - 1),
    pointIn(space, 0, height - 1),
  ] as const;
  const aspect = Math.max(width, height) / Math.min(width, height);
  return { quad, missingCorners: [], coveredCorners: [], offEdges: [], areaShare: 1, aspect, edgeSupport: 1 };
}
