/**
 * Finds the document's four corners in a (downscaled) photo, says which lie outside the frame, and
 * which look covered. See README.md in this folder for the method and its thresholds.
 */
import type { Mat, MatVector } from '@techstark/opencv-js';
import type { OpenCv } from '../../engines/types.ts';
import { contourPoints, MatScope, rgbaToMat, withMats } from '../cv.ts';
import {
  distance,
  intersect,
  isConvex,
  lineThrough,
  orderClockwiseFromTopLeft,
  quadSideLengths,
  signedArea,
  type Line,
  type Point,
} from '../geometry.ts';
import {
  CORNER_NAMES,
  type CornerName,
  type EdgeName,
  type ImagePoint,
  type Quad,
  type RgbaImage,
} from '../types.ts';
import { medianBlur5 } from './medianBlur5.ts';

export const OUTLINE_THRESHOLDS = {
  /** A candidate covering less of the frame than this is not a document (the "small" fixtures are ~6%). */
  minAreaShare: 0.015,
  /**
   * Long side over short side, measured on the photo. ID-1 cards are 1.585 and passport pages 1.42
   * (ICAO 9303 part 3); perspective and a cut-off edge stretch that, so the range is generous.
   */
  minAspect: 1.15,
  maxAspect: 2.1,
  /**
   * Where the hull has more than four sides, the document's own are those at least this share of the
   * longest side (a card's short side is 63% of its long one, and may be half hidden)...
   */
  minOwnSideShare: 0.25,
  /** ...with at least this share of their length on edges (a chord from card to finger has almost none). */
  minOwnSideSupport: 0.6,
  /** Share of each side's length that must lie on detected edges for the quad to be believed. */
  minEdgeSupport: 0.45,
  /**
   * A corner is covered when, on both its sides, the border starts at least this share of the short
   * side away from it (sharp fixtures: at most 0.045; a thumb over a corner: 0.06 to 0.11)...
   */
  coveredBorderGap: 0.055,
  /** ...and at least this many times as far as at any other corner in the photo. */
  coveredGapOverOthers: 2,
  /** How far outside the photo (share of its width or height) a corner may lie and still be believed. */
  maxCornerReach: 0.35,
  /** How far outside the frame (share of the photo's diagonal) a corner must lie to count as cut off. */
  outsideTolerance: 0.004,
} as const;

export interface DocumentOutline {
  /** Clockwise from the corner nearest the photo's top-left, in the pixels of the image given. */
  readonly quad: Quad<ImagePoint>;
  readonly missingCorners: readonly CornerName[];
  readonly coveredCorners: readonly CornerName[];
  /** The photo's edges that the document runs off. */
  readonly offEdges: readonly EdgeName[];
  /** Visible document area over the photo's area. */
  readonly areaShare: number;
  /** Long side over short side, as seen. */
  readonly aspect: number;
  /** Share of the quad's in-frame perimeter that lies on image edges (0..1). */
  readonly edgeSupport: number;
}

interface Candidate {
  readonly outline: DocumentOutline;
  readonly score: number;
}

/**
 * Canny thresholds to try: the first keeps only strong borders (a card on wood, on cloth), the
 * second finds a pale card on a pale desk. Candidates from both compete on the same score.
 */
const EDGE_SENSITIVITIES: readonly (readonly [number, number])[] = [
  [40, 110],
  [15, 45],
];
/** How many of the largest hulls per edge map are tried as documents. */
const CANDIDATES_PER_MAP = 12;

/** Returns the best plausible outline, or null when nothing in the photo looks like a document. */
export function findDocumentOutline(cv: OpenCv, image: RgbaImage): DocumentOutline | null {
  return withMats(cv, (scope) => {
    const channels = smoothedChannels(scope, image);
    const frameArea = image.width * image.height;
    let best: Candidate | null = null;
    for (const [low, high] of EDGE_SENSITIVITIES) {
      if (best && isConvincing(best.outline)) break;
      const edgesMat = edgeMap(scope, channels, low, high);
      const contours = scope.vector();
      // Every contour, not only outer ones: where clutter touches a card's border, the inner side of
      // that border is still a clean closed curve round the card.
      cv.findContours(edgesMat, contours, scope.mat(), cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
      // One view of the pixels: OpenCV.js builds a new one on every `.data` read.
      const edges: EdgeMap = { data: edgesMat.data, cols: edgesMat.cols, rows: edgesMat.rows };
      const hulls: { points: Point[]; contour: Point[]; area: number }[] = [];
      for (let i = 0; i < contours.size(); i++) {
        const contour = contours.get(i);
        const box = cv.boundingRect(contour);
        if (box.width * box.height < OUTLINE_THRESHOLDS.minAreaShare * frameArea) continue;
        const hull = scope.mat();
        cv.convexHull(contour, hull, false, true);
        const points = contourPoints(hull);
        const area = Math.abs(signedArea(points));
        if (area < OUTLINE_THRESHOLDS.minAreaShare * frameArea) continue;
        // The two sides of one thin edge give two near-identical hulls: keep one.
        if (
          hulls.some((h) => Math.abs(h.area - area) < 0.03 * area && distance(h.points[0]!, points[0]!) < 12)
        )
          continue;
        hulls.push({ points, contour: contourPoints(contour), area });
      }
      hulls.sort((a, b) => b.area - a.area);
      for (const hull of hulls.slice(0, CANDIDATES_PER_MAP)) {
        for (const candidate of [
          outlineFromHull(scope, edges, hull.points, image),
          outlineFromOwnSides(scope, edges, hull.contour, image),
        ]) {
          if (candidate && (!best || candidate.score > best.score)) best = candidate;
        }
      }
    }
    return best?.outline ?? null;
  });
}

/** Good enough that a more sensitive edge map need not be tried. */
function isConvincing(outline: DocumentOutline): boolean {
  return outline.edgeSupport >= 0.85 && outline.areaShare >= 0.1;
}

/**
 * The R, G and B planes (and alpha, unused), median-smoothed over 5 px: print and texture fade first,
 * a card's border stays sharp. A 3-px median leaves print edges that cost outlines: IoU >= 0.9 with
 * the truth on 77% of fixtures, not 97%. OpenCV.js's own median (no SIMD) took 70 of this stage's
 * 100 ms at 900 px, so ours runs where WebAssembly SIMD does, with the same result.
 */
function smoothedChannels(scope: MatScope, image: RgbaImage): MatVector {
  const { cv } = scope;
  const channels = scope.vector();
  const smooth = medianBlur5(image);
  if (smooth) {
    cv.split(rgbaToMat(scope, smooth), channels);
    return channels;
  }
  const rgb = scope.mat();
  cv.cvtColor(rgbaToMat(scope, image), rgb, cv.COLOR_RGBA2RGB);
  const median = scope.mat();
  cv.medianBlur(rgb, median, 5);
  cv.split(median, channels);
  return channels;
}

/** Edge pixels (non-zero) of the analysis image, read from one typed-array view. */
interface EdgeMap {
  readonly data: Uint8Array;
  readonly cols: number;
  readonly rows: number;
}

/** Edges of any colour: Canny on each channel, joined, thickened by a pixel. */
function edgeMap(scope: MatScope, channels: MatVector, low: number, high: number): Mat {
  const { cv } = scope;
  const first = channels.get(0);
  const edges = scope.track(cv.Mat.zeros(first.rows, first.cols, cv.CV_8UC1));
  const channelEdges = scope.mat();
  for (let c = 0; c < 3; c++) {
    cv.Canny(channels.get(c), channelEdges, low, high);
    cv.bitwise_or(edges, channelEdges, edges);
  }
  const kernel = scope.track(cv.Mat.ones(3, 3, cv.CV_8U));
  cv.dilate(edges, edges, kernel);
  // The photo's own border closes a document that runs off it, so the visible part is still a closed
  // region; its sides along the border are recognised as frame, not document, further on.
  cv.rectangle(
    edges,
    new cv.Point(0, 0),
    new cv.Point(edges.cols - 1, edges.rows - 1),
    new cv.Scalar(255),
    1,
  );
  return edges;
}

function outlineFromHull(scope: MatScope, edges: EdgeMap, hull: Point[], image: RgbaImage): Candidate | null {
  const { width, height } = image;
  const polygon = withFrameCorners(hull, width, height);
  const perimeter = polygon.reduce((sum, p, i) => sum + distance(p, polygon[(i + 1) % polygon.length]!), 0);
  const chains = documentChains(polygon, width, height);
  let threeSided: Side[] | null = null;
  for (const share of [0.01, 0.02, 0.035, 0.05, 0.08]) {
    const sides = chains.flatMap((chain) =>
      sidesOf(approximate(scope, chain.points, share * perimeter, chain.closed), chain.closed),
    );
    if (sides.length === 4) return judgeQuad(edges, image, sides, polygon);
    if (sides.length === 3) threeSided ??= sides;
    if (sides.length < 3) break;
  }
  return threeSided ? judgeQuad(edges, image, threeSided, polygon) : null;
}

/**
 * The stretches of the hull that are the document's own edge, between stretches along the photo's
 * border. Simplified one by one, the short visible end of a side that leaves the photo is not merged
 * with the border it meets.
 */
function documentChains(
  polygon: Point[],
  width: number,
  height: number,
): { points: Point[]; closed: boolean }[] {
  const n = polygon.length;
  const alongFrame = polygon.map((p, i) => sharedBorder(p, polygon[(i + 1) % n]!, width, height) !== null);
  const firstFrame = alongFrame.indexOf(true);
  if (firstFrame < 0) return [{ points: polygon, closed: true }];
  const chains: { points: Point[]; closed: boolean }[] = [];
  let current: Point[] = [];
  // Walk the edges starting just after a frame edge, so no chain is split at the array's end.
  for (let k = 1; k <= n; k++) {
    const i = (firstFrame + k) % n;
    if (alongFrame[i]) {
      if (current.length > 0) chains.push({ points: [...current, polygon[i]!], closed: false });
      current = [];
    } else {
      current.push(polygon[i]!);
    }
  }
  return chains;
}

/**
 * The same contour unhulled: where a finger crosses the document's border, the hull follows the
 * finger and a coarse simplification bends a side to meet it, but the contour itself still runs
 * straight along the document's visible sides. (Where the finger also reaches the photo's border, the
 * document's only contour is the one round the background, whose hull is the whole photo.)
 */
function outlineFromOwnSides(
  scope: MatScope,
  edges: EdgeMap,
  contour: Point[],
  image: RgbaImage,
): Candidate | null {
  const { width, height } = image;
  const chains = documentChains(contour, width, height);
  const length = chains.reduce(
    (sum, chain) =>
      sum + chain.points.reduce((s, p, i) => (i === 0 ? 0 : s + distance(chain.points[i - 1]!, p)), 0),
    0,
  );
  const sides = chains.flatMap((chain) =>
    sidesOf(approximate(scope, chain.points, 0.005 * length, chain.closed), chain.closed),
  );
  if (sides.length <= 4) return null; // four or fewer: the hull's own simplification has them
  const own = longSupportedSides(edges, sides);
  return own.length === 4 ? judgeQuad(edges, image, own, null) : null;
}

/**
 * Where something crosses the document's border (a thumb over a corner, a finger on a side), its hull
 * follows the finger, and a coarser simplification would bend a side to meet it. The document's own
 * sides are the long stretches that lie on edges; the stretches round a finger are short, and the
 * hull's chords between finger and document lie on no edge. Collinear neighbours are one side.
 */
function longSupportedSides(edges: EdgeMap, sides: Side[]): Side[] {
  const longest = Math.max(...sides.map((side) => distance(side.from, side.to)));
  const kept = sides.filter(
    (side) =>
      distance(side.from, side.to) >= OUTLINE_THRESHOLDS.minOwnSideShare * longest &&
      refinedSupport(edges, side) >= OUTLINE_THRESHOLDS.minOwnSideSupport,
  );
  const merged: Side[] = [];
  for (const side of kept) {
    const previous = merged.at(-1);
    if (previous && areCollinear(previous, side, longest))
      merged[merged.length - 1] = { from: previous.from, to: side.to };
    else merged.push(side);
  }
  const [first, last] = [merged[0], merged.at(-1)];
  if (merged.length > 1 && first && last && areCollinear(last, first, longest)) {
    merged[0] = { from: last.from, to: first.to };
    merged.pop();
  }
  return merged;
}

/** Edge support along the side's refitted line: simplification cuts rounded corners, so its chord is a little off. */
function refinedSupport(edges: EdgeMap, side: Side): number {
  const line = refineSide(edges, side);
  const onLine = (p: Point): Point => {
    const t = (p[0] - line.point[0]) * line.direction[0] + (p[1] - line.point[1]) * line.direction[1];
    return [line.point[0] + t * line.direction[0], line.point[1] + t * line.direction[1]];
  };
  return edgeSupport(edges, onLine(side.from), onLine(side.to), 0.1, 0.9);
}

/** Within about 5° of each other, and the second starting within 2% of the longest side off the first's line. */
function areCollinear(a: Side, b: Side, longest: number): boolean {
  const la = lineThrough(a.from, a.to);
  const lb = lineThrough(b.from, b.to);
  const sine = Math.abs(la.direction[0] * lb.direction[1] - la.direction[1] * lb.direction[0]);
  const offset = Math.abs(
    (b.from[0] - a.from[0]) * la.direction[1] - (b.from[1] - a.from[1]) * la.direction[0],
  );
  return sine < 0.09 && offset < 0.02 * longest;
}

function sidesOf(points: Point[], closed: boolean): Side[] {
  const sides: Side[] = [];
  const count = closed ? points.length : points.length - 1;
  for (let i = 0; i < count; i++) {
    const from = points[i]!;
    const to = points[(i + 1) % points.length]!;
    if (distance(from, to) > 4) sides.push({ from, to });
  }
  return sides;
}

/**
 * A document running off the frame leaves no edge along the frame, so its hull closes with a chord
 * across the document. Where the chord joins two different borders, the frame corner between them is
 * part of the visible document: put it back so that the frame-lying edges can be recognised.
 */
function withFrameCorners(hull: Point[], width: number, height: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    out.push(a);
    const ba = borderOf(a, width, height);
    const bb = borderOf(b, width, height);
    if (ba && bb && ba !== bb) {
      const corner = frameCornerBetween(ba, bb, width, height);
      if (corner) out.push(corner);
    }
  }
  return out;
}

const FRAME_MARGIN_PX = 4;

/** The photo borders a point lies on: none, one, or two at a photo corner. */
function bordersOf(p: Point, width: number, height: number, margin = FRAME_MARGIN_PX): EdgeName[] {
  const borders: EdgeName[] = [];
  if (p[1] <= margin) borders.push('top');
  if (p[0] >= width - 1 - margin) borders.push('right');
  if (p[1] >= height - 1 - margin) borders.push('bottom');
  if (p[0] <= margin) borders.push('left');
  return borders;
}

function borderOf(p: Point, width: number, height: number): EdgeName | null {
  return bordersOf(p, width, height)[0] ?? null;
}

/**
 * The border a segment runs along, if both its ends lie near the same one. Simplification moves a
 * hull's vertices by up to its tolerance, so "near" is 2% of the photo's short side, not a pixel.
 */
function sharedBorder(a: Point, b: Point, width: number, height: number): EdgeName | null {
  const margin = Math.max(FRAME_MARGIN_PX, 0.02 * Math.min(width, height));
  const ofB = bordersOf(b, width, height, margin);
  return bordersOf(a, width, height, margin).find((border) => ofB.includes(border)) ?? null;
}

function frameCornerBetween(a: EdgeName, b: EdgeName, width: number, height: number): Point | null {
  const key = [a, b].sort().join('+');
  const corners: Record<string, Point> = {
    'left+top': [0, 0],
    'right+top': [width - 1, 0],
    'bottom+right': [width - 1, height - 1],
    'bottom+left': [0, height - 1],
  };
  return corners[key] ?? null;
}

function approximate(scope: MatScope, points: Point[], epsilon: number, closed: boolean): Point[] {
  if (points.length < 3) return points;
  const curve = scope.track(scope.cv.matFromArray(points.length, 1, scope.cv.CV_32SC2, points.flat()));
  const approx = scope.mat();
  scope.cv.approxPolyDP(curve, approx, epsilon, closed);
  return contourPoints(approx);
}

/** A stretch of the document's own edge, in order round the hull. */
interface Side {
  readonly from: Point;
  readonly to: Point;
}

/** `visible` is the visible document's polygon, or null when that is the quad's part inside the photo. */
function judgeQuad(
  edges: EdgeMap,
  image: RgbaImage,
  sides: Side[],
  visible: Point[] | null,
): Candidate | null {
  const { width, height } = image;
  const lines = sides.map((side) => refineSide(edges, side));
  const corners: Point[] = [];
  for (let i = 0; i < sides.length; i++) {
    if (sides.length === 3 && i === 0) continue; // no fourth side: its ends are placed below
    // Nearly parallel neighbours (within ~11.5°) do not make a corner.
    const corner = intersect(lines[(i + sides.length - 1) % sides.length]!, lines[i]!, 0.2);
    if (!corner) return null;
    corners.push(corner);
  }
  if (sides.length === 3) {
    // A whole side is off the frame: where it lies is unknown, so the quad ends where the two sides
    // leave the photo, and both of those corners are marked missing below.
    corners.unshift(frameExit(sides[0]!.from, lines[0]!, width, height));
    corners.push(frameExit(sides[2]!.to, lines[2]!, width, height));
  }
  if (!isConvex(corners)) return null;
  const quad = extendToStandardShape(edges, orderClockwiseFromTopLeft(corners as ImagePoint[]));
  const { horizontal, vertical } = quadSideLengths(quad);
  const aspect = Math.max(horizontal, vertical) / Math.max(1, Math.min(horizontal, vertical));
  if (aspect < OUTLINE_THRESHOLDS.minAspect || aspect > OUTLINE_THRESHOLDS.maxAspect) return null;

  const diagonal = Math.hypot(width, height);
  const tolerance = OUTLINE_THRESHOLDS.outsideTolerance * diagonal;
  const outside = (p: Point) =>
    p[0] < -tolerance || p[1] < -tolerance || p[0] > width - 1 + tolerance || p[1] > height - 1 + tolerance;
  const onFrame = (p: Point) => borderOf(p, width, height) !== null;
  // A cut-off corner lies just outside the photo; one far outside is two lines meeting at a shallow angle.
  const reach = OUTLINE_THRESHOLDS.maxCornerReach;
  if (
    quad.some(
      ([x, y]) =>
        x < -reach * width || y < -reach * height || x > (1 + reach) * width || y > (1 + reach) * height,
    )
  )
    return null;
  const missingCorners = CORNER_NAMES.filter(
    (_, i) => outside(quad[i]!) || (sides.length === 3 && onFrame(quad[i]!)),
  );

  const sideSupports = quad.map((p, i) => edgeSupport(edges, p, quad[(i + 1) % 4]!, 0.1, 0.9));
  const support = sideSupports.reduce((s, v) => s + v, 0) / 4;
  if (support < OUTLINE_THRESHOLDS.minEdgeSupport) return null;

  const coveredCorners = coveredByBorderGaps(edges, quad, missingCorners);

  const polygon = visible ?? clipToFrame(quad, width, height);

  const visibleArea = Math.abs(signedArea(polygon));
  const offEdges = [
    ...new Set(
      polygon.flatMap((p, i) => {
        const q = polygon[(i + 1) % polygon.length]!;
        return distance(p, q) > 4 ? (sharedBorder(p, q, width, height) ?? []) : [];
      }),
    ),
  ];
  const outline: DocumentOutline = {
    quad,
    missingCorners,
    coveredCorners,
    offEdges,
    areaShare: visibleArea / (width * height),
    aspect,
    edgeSupport: support,
  };
  // Support counts twice: a document's border is continuous, texture's edges are not. Measured on the
  // fixtures: a wood-grain region (support 0.66, 41% of the photo) must lose to the card (1.0, 12%),
  // and a pale card on a pale desk (0.8, 20%) must beat the photo printed on it (1.0, 3%).
  return { outline, score: support ** 2 * Math.sqrt(visibleArea) };
}

/**
 * Fits the side's line to the edge pixels near its middle 70%: the corners themselves are rounded
 * (ID-1 corner radius 3.18 mm, ISO/IEC 7810) and may be covered, so they would pull the line off.
 */
function refineSide(edges: EdgeMap, side: Side): Line {
  const initial = lineThrough(side.from, side.to);
  const length = distance(side.from, side.to);
  const [nx, ny] = [-initial.direction[1], initial.direction[0]];
  const xs: number[] = [];
  const ys: number[] = [];
  const band = Math.max(3, Math.round(length * 0.015));
  for (let t = 0.15; t <= 0.85; t += 1 / Math.max(40, length)) {
    const bx = side.from[0] + (side.to[0] - side.from[0]) * t;
    const by = side.from[1] + (side.to[1] - side.from[1]) * t;
    // The outermost edge pixel across the side: the document's border, not print just inside it.
    for (let d = band; d >= -band; d--) {
      const x = Math.round(bx + nx * d);
      const y = Math.round(by + ny * d);
      // The photo's border is drawn into the edge map: it is never the document's side.
      const onFrame =
        x <= FRAME_MARGIN_PX ||
        y <= FRAME_MARGIN_PX ||
        x >= edges.cols - 1 - FRAME_MARGIN_PX ||
        y >= edges.rows - 1 - FRAME_MARGIN_PX;
      if (!onFrame && isEdge(edges, x, y)) {
        xs.push(x);
        ys.push(y);
        break;
      }
    }
  }
  if (xs.length < 10) return initial;
  return fitLine(xs, ys) ?? initial;
}

/**
 * Corners hidden by a finger or an object. A visible corner's border runs on edges to within its
 * rounding (ID-1: r = 3.18 mm, 6% of the short side; the sides' lines leave the arc at about half
 * that), so on the fixtures' clean photos both sides' borders start within 4.5% of the short side. A
 * covered corner's border starts where the finger ends, on both sides. The corner must also stand out
 * from the others: blur and print can break every corner's border a little.
 */
function coveredByBorderGaps(
  edges: EdgeMap,
  quad: Quad<ImagePoint>,
  missing: readonly CornerName[],
): CornerName[] {
  const { horizontal, vertical } = quadSideLengths(quad);
  const shortSide = Math.max(1, Math.min(horizontal, vertical));
  const gaps = quad.map(
    (corner, i) =>
      Math.min(borderGap(edges, corner, quad[(i + 1) % 4]!), borderGap(edges, corner, quad[(i + 3) % 4]!)) /
      shortSide,
  );
  const seen = (i: number) => !missing.includes(CORNER_NAMES[i]!);
  return CORNER_NAMES.filter((_, i) => {
    if (!seen(i)) return false;
    const others = gaps.filter((_, k) => k !== i && seen(k));
    return (
      gaps[i]! >= OUTLINE_THRESHOLDS.coveredBorderGap &&
      gaps[i]! >= OUTLINE_THRESHOLDS.coveredGapOverOthers * Math.max(0, ...others)
    );
  });
}

/**
 * Pixels from the corner along its side to where the side's border starts to run unbroken on edges
 * for a tenth of the side (a finger's own outline can run along the side for a few pixels), looking at
 * most 40% of the way. Stretches outside the photo count as unbroken.
 */
function borderGap(edges: EdgeMap, corner: Point, other: Point): number {
  const length = distance(corner, other);
  const run = Math.max(4, Math.round(0.1 * length));
  let unbroken = 0;
  for (let s = 0; s < 0.4 * length; s++) {
    const x = Math.round(corner[0] + ((other[0] - corner[0]) * s) / length);
    const y = Math.round(corner[1] + ((other[1] - corner[1]) * s) / length);
    const inFrame = x >= 0 && y >= 0 && x < edges.cols && y < edges.rows;
    unbroken = !inFrame || isNearEdge(edges, x, y) ? unbroken + 1 : 0;
    if (unbroken >= run) return s - run + 1;
  }
  return 0.4 * length;
}

/** Long side over short side of ID-1 cards (ISO/IEC 7810) and passport pages (ICAO 9303 part 4). */
const STANDARD_ASPECTS = [85.6 / 53.98, 125 / 88] as const;

const aspectOf = (quad: readonly Point[]) => {
  const { horizontal, vertical } = quadSideLengths(quad);
  return Math.max(horizontal, vertical) / Math.max(1, Math.min(horizontal, vertical));
};
const misfit = (quad: readonly Point[]) =>
  Math.min(...STANDARD_ASPECTS.map((a) => Math.abs(aspectOf(quad) - a)));

/**
 * A quad of no standard shape has often stopped at a colour change inside the document (a passport
 * page's tint ends above its white MRZ strip). Each side is tried further out, parallel, where the
 * edges hold along most of it; the move that best restores a standard aspect is kept.
 */
function extendToStandardShape(edges: EdgeMap, quad: Quad<ImagePoint>): Quad<ImagePoint> {
  if (misfit(quad) <= 0.05) return quad;
  const cx = quad.reduce((s, p) => s + p[0], 0) / 4;
  const cy = quad.reduce((s, p) => s + p[1], 0) / 4;
  let best: { quad: Quad<ImagePoint>; misfit: number } = { quad, misfit: misfit(quad) };
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const length = distance(a, b);
    let [nx, ny] = [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
    if ((a[0] + b[0]) / 2 - cx < 0 === nx > 0 && (a[1] + b[1]) / 2 - cy < 0 === ny > 0) [nx, ny] = [-nx, -ny];
    const across =
      distance(quad[(i + 2) % 4]!, quad[(i + 3) % 4]!) > 0 ? distance(a, quad[(i + 3) % 4]!) : length;
    for (let d = Math.round(0.03 * across); d <= 0.45 * across; d++) {
      const a2: ImagePoint = [a[0] + nx * d, a[1] + ny * d];
      const b2: ImagePoint = [b[0] + nx * d, b[1] + ny * d];
      if (edgeSupport(edges, a2, b2, 0.1, 0.9) < 0.8) continue;
      const moved = quad.map((p, k) =>
        k === i ? a2 : k === (i + 1) % 4 ? b2 : p,
      ) as unknown as Quad<ImagePoint>;
      if (misfit(moved) < best.misfit - 0.05) best = { quad: moved, misfit: misfit(moved) };
      break; // the first strong parallel edge outwards is this side's only candidate
    }
  }
  return best.quad;
}

/** The part of a convex polygon inside the photo (Sutherland–Hodgman, one photo border at a time). */
function clipToFrame(polygon: readonly Point[], width: number, height: number): Point[] {
  // How far inside each border a point lies (negative: outside it).
  const insideBy = [
    (p: Point) => p[0],
    (p: Point) => p[1],
    (p: Point) => width - 1 - p[0],
    (p: Point) => height - 1 - p[1],
  ];
  let out = [...polygon];
  for (const inside of insideBy) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i]!;
      const b = input[(i + 1) % input.length]!;
      const [da, db] = [inside(a), inside(b)];
      if (da >= 0) out.push(a);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
      }
    }
  }
  return out;
}

/** Pushes a point on the frame a little outside it along the side, so it counts as off the frame. */
function frameExit(p: Point, line: Line, width: number, height: number): Point {
  const step = OUTLINE_THRESHOLDS.outsideTolerance * Math.hypot(width, height) * 2;
  const towardsCentre = (p[0] - width / 2) * line.direction[0] + (p[1] - height / 2) * line.direction[1] < 0;
  const sign = towardsCentre ? -1 : 1;
  return [p[0] + sign * step * line.direction[0], p[1] + sign * step * line.direction[1]];
}

/** Total least squares line through the points. */
function fitLine(xs: number[], ys: number[]): Line | null {
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  if (!Number.isFinite(angle)) return null;
  return { point: [mx, my], direction: [Math.cos(angle), Math.sin(angle)] };
}

function isEdge(edges: EdgeMap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= edges.cols || y >= edges.rows) return false;
  return edges.data[y * edges.cols + x]! > 0;
}

/** On an edge pixel or beside one (four-neighbourhood). */
function isNearEdge(edges: EdgeMap, x: number, y: number): boolean {
  return (
    isEdge(edges, x, y) ||
    isEdge(edges, x + 1, y) ||
    isEdge(edges, x, y + 1) ||
    isEdge(edges, x - 1, y) ||
    isEdge(edges, x, y - 1)
  );
}

/** Share of the in-frame samples between fractions t0..t1 of a→b that lie on an edge pixel. */
function edgeSupport(edges: EdgeMap, a: Point, b: Point, t0: number, t1: number): number {
  const steps = Math.max(8, Math.round(distance(a, b) * (t1 - t0)));
  let inFrame = 0;
  let onEdge = 0;
  for (let i = 0; i <= steps; i++) {
    const t = t0 + ((t1 - t0) * i) / steps;
    const x = Math.round(a[0] + (b[0] - a[0]) * t);
    const y = Math.round(a[1] + (b[1] - a[1]) * t);
    if (x < 0 || y < 0 || x >= edges.cols || y >= edges.rows) continue;
    inFrame++;
    if (isNearEdge(edges, x, y)) onEdge++;
  }
  // A stretch that is entirely off the frame is judged by the frame rule, not here.
  return inFrame === 0 ? 1 : onEdge / inFrame;
}

/** The quad scaled from one pixel space to another (analysis copy to full photo). */
export function scaleQuad(quad: Quad<ImagePoint>, factor: number): Quad<ImagePoint> {
  return quad.map(([x, y]) => [x * factor, y * factor] as ImagePoint) as unknown as Quad<ImagePoint>;
}
