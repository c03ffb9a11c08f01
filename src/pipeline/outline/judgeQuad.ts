/**
 * Judging a candidate: the sides found become a quad (their refitted lines' intersections), which is
 * believed only if it is convex, of a document's shape, within reach of the photo and on edges; its
 * score is what candidates compete on.
 */
import {
  distance,
  intersect,
  isConvex,
  orderClockwiseFromTopLeft,
  quadSideLengths,
  signedArea,
} from '../geometry.ts';
import type { Point } from '../geometry.ts';
import {
  CORNER_NAMES,
  pointIn,
  type AnalysisPoint,
  type CornerName,
  type EdgeName,
  type ImagePoint,
  type PixelSpace,
  type PointIn,
  type Quad,
  type RgbaImage,
} from '../types.ts';
import { coverOfCorners } from './coveredCorners.ts';
import { edgeSupport, hasEdgeSupport, refineSide, type EdgeMap, type Side } from './edgeMap.ts';
import { segmentSupport, type SideMeasure } from './sideSupport.ts';
import { borderOf, clipToFrame, frameExit, sharedBorder } from './frame.ts';
import { OUTLINE_THRESHOLDS } from './thresholds.ts';

/** `P`: the analysis copy's points as found (findDocumentOutline), the photo's once scaled (scaleQuad). */
export interface DocumentOutline<P extends PointIn<PixelSpace> = ImagePoint> {
  /** Clockwise from the corner nearest the photo's top-left. */
  readonly quad: Quad<P>;
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
  /**
   * Set when the outline is where the document's MRZ puts it (outlineNear.ts) but its sides lie on no
   * edge: the document is in the photo, and we cannot see where it ends.
   */
  readonly edgesUnseen?: true;
  /** Set when the quad is the MRZ's prediction judged on the edges, not an outline the search found. */
  readonly predicted?: true;
}

export interface Candidate {
  readonly outline: DocumentOutline<AnalysisPoint>;
  readonly score: number;
}

/** `visible` is the visible document's polygon, or null when that is the quad's part inside the photo. */
export function judgeQuad(
  edges: EdgeMap,
  image: RgbaImage,
  sides: Side[],
  visible: Point[] | null,
): Candidate | null {
  const { width, height } = image;
  const corners = cornersOf(edges, sides, width, height);
  if (!corners || !isConvex(corners)) return null;
  const quad = extendToStandardShape(
    edges,
    orderClockwiseFromTopLeft(corners.map(([x, y]) => pointIn('analysis', x, y))),
  );
  const aspect = aspectOf(quad);
  if (aspect < OUTLINE_THRESHOLDS.minAspect || aspect > OUTLINE_THRESHOLDS.maxAspect) return null;
  if (reachesTooFar(quad, width, height)) return null;
  const sideSupports = quad.map((p, i) => edgeSupport(edges, p, quad[(i + 1) % 4]!, 0.1, 0.9));
  const onFrame = cornersOfUnseenSidesOnFrame({ image, maps: [edges] }, quad);
  const missingCorners = [
    ...new Set([...missingCornersOf(quad, sides.length === 3, width, height), ...onFrame.cutOff]),
  ].sort((a, b) => CORNER_NAMES.indexOf(a) - CORNER_NAMES.indexOf(b));
  const support = sideSupports.reduce((s, v) => s + v, 0) / 4;
  if (support < OUTLINE_THRESHOLDS.minEdgeSupport) return null;

  const cover = coverOfCorners(edges, quad, missingCorners, image);
  const polygon = visible ?? clipToFrame(quad, width, height);
  const visibleArea = Math.abs(signedArea(polygon));
  const outline: DocumentOutline<AnalysisPoint> = {
    quad,
    missingCorners,
    coveredCorners: cover.covered,
    offEdges: offEdgesOf(polygon, width, height),
    areaShare: visibleArea / (width * height),
    aspect,
    edgeSupport: support,
    ...((onFrame.unseen || cover.unseen) && missingCorners.length === 0
      ? { edgesUnseen: true as const }
      : {}),
  };
  // Support counts twice: a document's border is continuous, texture's edges are not. Measured on the
  // fixtures: a wood-grain region (support 0.66, 41% of the photo) must lose to the card (1.0, 12%),
  // and a pale card on a pale desk (0.8, 20%) must beat the photo printed on it (1.0, 3%).
  return { outline, score: support ** 2 * Math.sqrt(visibleArea) };
}

/** Where the sides' refitted lines meet; null where two neighbours are too near parallel to meet. */
function cornersOf(edges: EdgeMap, sides: Side[], width: number, height: number): Point[] | null {
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
    // leave the photo, and both of those corners are marked missing (missingCornersOf).
    corners.unshift(frameExit(sides[0]!.from, lines[0]!, width, height));
    corners.push(frameExit(sides[2]!.to, lines[2]!, width, height));
  }
  return corners;
}

/** A cut-off corner lies just outside the photo; one far outside is two lines meeting at a shallow angle. */
function reachesTooFar(quad: Quad<AnalysisPoint>, width: number, height: number): boolean {
  const reach = OUTLINE_THRESHOLDS.maxCornerReach;
  return quad.some(
    ([x, y]) =>
      x < -reach * width || y < -reach * height || x > (1 + reach) * width || y > (1 + reach) * height,
  );
}

/** Corners outside the photo, and, where a whole side is off it, the two placed where the sides leave it. */
function missingCornersOf(
  quad: Quad<AnalysisPoint>,
  threeSided: boolean,
  width: number,
  height: number,
): CornerName[] {
  const tolerance = OUTLINE_THRESHOLDS.outsideTolerance * Math.hypot(width, height);
  const outside = (p: Point) =>
    p[0] < -tolerance || p[1] < -tolerance || p[0] > width - 1 + tolerance || p[1] > height - 1 + tolerance;
  const onFrame = (p: Point) => borderOf(p, width, height) !== null;
  return CORNER_NAMES.filter((_, i) => outside(quad[i]!) || (threeSided && onFrame(quad[i]!)));
}

/**
 * A corner on the photo's border is seen only where both its sides are: a side that is not on edges
 * inside the photo (away from its border, which is drawn into the edge map) is a chord across a
 * document that runs off the photo there, closed by the border (a card whose end is cut off, its
 * top and bottom edges leaving the photo at a slant): the corner is cut off. Only where the other
 * side is seen running to the border, though: where it is not either (the quad's nearest quarter of
 * it on no edge), nothing there is the document's edge, and the corner says nothing of the
 * document's (real-photos' shakex/v3-card5 turned half a turn: a marble vein taken for a side, the
 * quad closed on the marble beyond the card). The outline is then unseen there, not cut off.
 */
function cornersOfUnseenSidesOnFrame(
  measure: SideMeasure,
  quad: Quad<AnalysisPoint>,
): { readonly cutOff: CornerName[]; readonly unseen: boolean } {
  const { width, height } = measure.image;
  const onFrame = (p: Point) => borderOf(p, width, height) !== null;
  // A side along the border itself cannot be measured (null): it is the border's (frame.ts), not this.
  const seenFrom = (p: Point, q: Point, reach: number) => {
    const support = segmentSupport(
      measure,
      p,
      [p[0] + (q[0] - p[0]) * reach, p[1] + (q[1] - p[1]) * reach],
      1,
    );
    return support === null || support >= OUTLINE_THRESHOLDS.minOwnSideSupport;
  };
  const cutOff: CornerName[] = [];
  let unseen = false;
  quad.forEach((corner, i) => {
    if (!onFrame(corner)) return;
    const [before, after] = [quad[(i + 3) % 4]!, quad[(i + 1) % 4]!];
    const [beforeSeen, afterSeen] = [seenFrom(corner, before, 1), seenFrom(corner, after, 1)];
    if (beforeSeen && afterSeen) return;
    const other = beforeSeen ? before : after;
    if ((beforeSeen || afterSeen) && seenFrom(corner, other, 0.25)) cutOff.push(CORNER_NAMES[i]!);
    else unseen = true;
  });
  return { cutOff, unseen };
}

/** The photo's borders that the visible document's polygon runs along. */
function offEdgesOf(polygon: readonly Point[], width: number, height: number): EdgeName[] {
  return [
    ...new Set(
      polygon.flatMap((p, i) => {
        const q = polygon[(i + 1) % polygon.length]!;
        return distance(p, q) > 4 ? (sharedBorder(p, q, width, height) ?? []) : [];
      }),
    ),
  ];
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
 * edges hold along most of it; the move that best restores a standard aspect is kept, whichever side
 * it is (taken in order from the top-left corner, a move of the top side had to be beaten by 0.05 by
 * a move of the bottom one, and the bottom one's by the top's upside down: issue 12).
 */
function extendToStandardShape(edges: EdgeMap, quad: Quad<AnalysisPoint>): Quad<AnalysisPoint> {
  if (misfit(quad) <= 0.05) return quad;
  const cx = quad.reduce((s, p) => s + p[0], 0) / 4;
  const cy = quad.reduce((s, p) => s + p[1], 0) / 4;
  let best: { quad: Quad<AnalysisPoint>; misfit: number } = { quad, misfit: misfit(quad) };
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const length = distance(a, b);
    let [nx, ny] = [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
    if ((a[0] + b[0]) / 2 - cx < 0 === nx > 0 && (a[1] + b[1]) / 2 - cy < 0 === ny > 0) [nx, ny] = [-nx, -ny];
    const across =
      distance(quad[(i + 2) % 4]!, quad[(i + 3) % 4]!) > 0 ? distance(a, quad[(i + 3) % 4]!) : length;
    for (let d = Math.round(0.03 * across); d <= 0.45 * across; d++) {
      const a2 = pointIn('analysis', a[0] + nx * d, a[1] + ny * d);
      const b2 = pointIn('analysis', b[0] + nx * d, b[1] + ny * d);
      if (!hasEdgeSupport(edges, a2, b2, [0.1, 0.9], 0.8)) continue;
      const moved = quad.map((p, k) =>
        k === i ? a2 : k === (i + 1) % 4 ? b2 : p,
      ) as unknown as Quad<AnalysisPoint>;
      if (misfit(moved) < Math.min(best.misfit, misfit(quad) - 0.05))
        best = { quad: moved, misfit: misfit(moved) };
      break; // the first strong parallel edge outwards is this side's only candidate
    }
  }
  return best.quad;
}
