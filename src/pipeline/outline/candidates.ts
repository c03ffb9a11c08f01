/**
 * Candidate outlines in one edge map: each large contour's hull, simplified until it has four (or
 * three) document sides, and the same contour unhulled, kept to its long sides on edges (README.md,
 * method steps 2 to 4). Each is judged by judgeQuad.ts.
 */
import type { Mat } from '@techstark/opencv-js';
import { contourPoints, type MatScope } from '../cv.ts';
import { distance, lineThrough, signedArea, type Point } from '../geometry.ts';
import type { RgbaImage } from '../types.ts';
import { edgeMapOf, edgeSupport, refineSide, type EdgeMap, type Side } from './edgeMap.ts';
import { borderOf, sharedBorder, withFrameCorners } from './frame.ts';
import { judgeQuad, type Candidate } from './judgeQuad.ts';
import { OUTLINE_THRESHOLDS } from './thresholds.ts';

/** How many of the largest hulls per edge map are tried as documents. */
const CANDIDATES_PER_MAP = 12;

/**
 * Every plausible outline in the edge map, from the largest hulls down. `closedInside`: a contour
 * that nowhere meets the photo's border is taken as closed round the document inside the photo,
 * however near the border its sides run (a thin drawn border 10 px in from a scan's edge:
 * findDocumentOutline.ts's thin-border search). Otherwise sides within 2% of the border are frame.
 */
export function documentCandidates(
  scope: MatScope,
  edgesMat: Mat,
  image: RgbaImage,
  closedInside = false,
): Candidate[] {
  const contours = scope.vector();
  // Every contour, not only outer ones: where clutter touches a card's border, the inner side of
  // that border is still a clean closed curve round the card.
  scope.cv.findContours(edgesMat, contours, scope.mat(), scope.cv.RETR_LIST, scope.cv.CHAIN_APPROX_SIMPLE);
  const edges = edgeMapOf(edgesMat);
  const candidates: Candidate[] = [];
  for (const hull of largestHulls(scope, contours, image.width * image.height)) {
    for (const candidate of [
      outlineFromHull(scope, edges, hull.points, image, closedInside),
      outlineFromOwnSides(scope, edges, hull.contour, image, closedInside),
    ]) {
      if (candidate) candidates.push(candidate);
    }
  }
  return candidates;
}

interface Hull {
  readonly points: Point[];
  readonly contour: Point[];
  readonly area: number;
}

/** The convex hulls of contours large enough to be a document, largest first, one of each near-twin. */
function largestHulls(scope: MatScope, contours: ReturnType<MatScope['vector']>, frameArea: number): Hull[] {
  const { cv } = scope;
  const hulls: Hull[] = [];
  for (let i = 0; i < contours.size(); i++) {
    const contour = scope.track(contours.get(i));
    const box = cv.boundingRect(contour);
    if (box.width * box.height < OUTLINE_THRESHOLDS.minAreaShare * frameArea) continue;
    const hull = scope.mat();
    cv.convexHull(contour, hull, false, true);
    const points = contourPoints(hull);
    const area = Math.abs(signedArea(points));
    if (area < OUTLINE_THRESHOLDS.minAreaShare * frameArea) continue;
    // The two sides of one thin edge give two near-identical hulls: keep one, the inner (the smaller),
    // whichever of them the contour search met first (the one met first in an upright photo's rows:
    // keeping the outer moved fra-id-card-front-clean-1's outline by 3 px, and its OCR broke a line).
    const twin = hulls.findIndex(
      (h) => Math.abs(h.area - area) < 0.03 * area && distance(h.points[0]!, points[0]!) < 12,
    );
    if (twin >= 0 && hulls[twin]!.area <= area) continue;
    const found = { points, contour: contourPoints(contour), area };
    if (twin >= 0) hulls[twin] = found;
    else hulls.push(found);
  }
  hulls.sort((a, b) => b.area - a.area);
  return hulls.slice(0, CANDIDATES_PER_MAP);
}

function outlineFromHull(
  scope: MatScope,
  edges: EdgeMap,
  hull: Point[],
  image: RgbaImage,
  closedInside: boolean,
): Candidate | null {
  const { width, height } = image;
  const polygon = withFrameCorners(hull, width, height);
  const perimeter = polygon.reduce((sum, p, i) => sum + distance(p, polygon[(i + 1) % polygon.length]!), 0);
  const chains = documentChains(polygon, width, height, closedInside);
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
  closedInside: boolean,
): { points: Point[]; closed: boolean }[] {
  // A thin border that nowhere meets the photo's (drawn into the edge map) closes round the document
  // inside the photo, however near the border its sides run (passporteye's 77_card-cmw: 10 px in
  // from a 900-px copy's border).
  if (closedInside && !polygon.some((p) => borderOf(p, width, height) !== null))
    return [{ points: polygon, closed: true }];
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
  closedInside: boolean,
): Candidate | null {
  const { width, height } = image;
  const chains = documentChains(contour, width, height, closedInside);
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

function approximate(scope: MatScope, points: Point[], epsilon: number, closed: boolean): Point[] {
  if (points.length < 3) return points;
  const curve = scope.track(scope.cv.matFromArray(points.length, 1, scope.cv.CV_32SC2, points.flat()));
  const approx = scope.mat();
  scope.cv.approxPolyDP(curve, approx, epsilon, closed);
  return contourPoints(approx);
}
