/**
 * The outline search held to a prediction of where the document is (from its MRZ: mrz/documentGeometry.ts).
 * Only a candidate that fits the prediction may be the document; where none does, the prediction
 * itself is judged on the edges: its corners off the photo are missing, and where its sides lie on no
 * edge the outline is marked unseen, never borrowed from a nearby object (a box beside a card, the
 * page above a passport's data page, a frame printed inside the document).
 */
import type { MatVector } from '@techstark/opencv-js';
import type { OpenCv } from '../../engines/types.ts';
import { withMats } from '../cv.ts';
import {
  convexIoU,
  distance,
  intersect,
  isConvex,
  orderClockwiseFromTopLeft,
  signedArea,
} from '../geometry.ts';
import type { Line, Point } from '../geometry.ts';
import {
  CORNER_NAMES,
  pointIn,
  type AnalysisPoint,
  type CornerName,
  type Quad,
  type RgbaImage,
} from '../types.ts';
import { documentCandidates } from './candidates.ts';
import { coveredByBorderGaps } from './coveredCorners.ts';
import { edgeMapOf, edgesOf, smoothedChannels, type EdgeMap } from './edgeMap.ts';
import { EDGE_SENSITIVITIES, thinBorderCandidates } from './findDocumentOutline.ts';
import { clipToFrame, sharedBorder } from './frame.ts';
import type { Candidate, DocumentOutline } from './judgeQuad.ts';
import { findSidesNear, type SidesNear } from './sidesNear.ts';
import { scanEndsAtDocument, wholePhotoOutline } from './roundedCorners.ts';
import { holdsZoneAsIcao } from './zoneOnPage.ts';
import { OUTLINE_THRESHOLDS } from './thresholds.ts';

/**
 * A found quad fits the prediction when they overlap this much (intersection over union). ICAO
 * allows the zone ±1 mm and the page ±0.75 mm; a perspective view that the axis-aligned
 * prediction ignores costs more. Measured on the fixtures: the true outline against the prediction
 * from its read MRZ is 0.80–0.97; the page above a passport page (the whole booklet) is below 0.55.
 */
export const FIT_IOU = 0.7;

/**
 * How far an edge found may lie from where the document's edge is, in the analysis copy's pixels,
 * whatever the photo's size: the 5-px median moves a border by up to 2 px, and the sides near a
 * prediction are looked for every 2 px (sidesNear.ts). Near the photo's border, a side found within
 * this of the margin there cannot be told from a line inside it: a small photo's few pixels a
 * millimetre make that a millimetre or more (passporteye's 100_pass-chn halved: a laminate's edge 2.9 mm
 * from the photo's border found at 3.9 mm).
 */
const EDGE_PLACE_ERROR_PX = 2;

/** Where the document is predicted to be, and the box of the code it was predicted from (both in one pixel space, in the document's own corner order). */
export interface PredictedOutline<P extends Point> {
  readonly quad: Quad<P>;
  readonly zone: Quad<P>;
}

/**
 * How far a document may depart from ICAO's layout and still hold its code as its own. Mock-ups and
 * national models print the zone wider for their page than ICAO 9303 does (the MIDV-500 German
 * passport's zone fills 97% of its page's width, ICAO's 89%), so the prediction from the zone's width
 * overshoots them; their page still holds the zone whole, near its bottom edge, centred, with the
 * format's aspect.
 */
const ZONE_FIT = {
  /** The page's width along the lines, at most this times the prediction's. */
  maxWidthOverPredicted: 1.15,
  /** Its aspect (width along the lines over height) within this share of the format's. */
  aspectTolerance: 0.15,
  /** The zone's foot at most this share of the page's height above its bottom edge. */
  maxBottomMarginShare: 0.15,
  /** The zone's centre at most this share of the page's width off the page's middle. */
  maxOffCentreShare: 0.1,
} as const;

/**
 * Whether a found quad is the document the code predicts: it overlaps the prediction (FIT_IOU), or
 * it holds the zone whole as ICAO lays a zone on a document (ZONE_FIT). The whole open booklet (the
 * lines run across it, not along), the page above a data page, a box or a card beside it, and the
 * portrait's frame do neither.
 */
export function fitsPrediction<P extends Point>(
  quad: readonly Point[],
  predicted: PredictedOutline<P>,
): boolean {
  if (convexIoU(quad, predicted.quad) >= FIT_IOU) return true;
  const [topLeft, topRight, , bottomLeft] = predicted.quad;
  const predictedWidth = distance(topLeft, topRight);
  const predictedHeight = distance(topLeft, bottomLeft);
  const right: Point = [
    (topRight[0] - topLeft[0]) / predictedWidth,
    (topRight[1] - topLeft[1]) / predictedWidth,
  ];
  const down: Point = [
    (bottomLeft[0] - topLeft[0]) / predictedHeight,
    (bottomLeft[1] - topLeft[1]) / predictedHeight,
  ];
  const zone = predicted.zone;
  const centre: Point = [(zone[0][0] + zone[2][0]) / 2, (zone[0][1] + zone[2][1]) / 2];
  const along = distance(zone[0], zone[1]);
  const across = distance(zone[0], zone[3]);
  const u = quad.map((p) => (p[0] - centre[0]) * right[0] + (p[1] - centre[1]) * right[1]);
  const v = quad.map((p) => (p[0] - centre[0]) * down[0] + (p[1] - centre[1]) * down[1]);
  const [uMin, uMax, vMin, vMax] = [Math.min(...u), Math.max(...u), Math.min(...v), Math.max(...v)];
  const [width, height] = [uMax - uMin, vMax - vMin];
  const slack = 0.02 * along;
  const holdsZone =
    uMin <= -along / 2 + slack &&
    uMax >= along / 2 - slack &&
    vMin < -across / 2 &&
    vMax >= across / 2 - slack;
  return (
    holdsZone &&
    width <= ZONE_FIT.maxWidthOverPredicted * predictedWidth &&
    Math.abs(width / height / (predictedWidth / predictedHeight) - 1) <= ZONE_FIT.aspectTolerance &&
    vMax - across / 2 <= ZONE_FIT.maxBottomMarginShare * height &&
    Math.abs((uMin + uMax) / 2) <= ZONE_FIT.maxOffCentreShare * width
  );
}

/**
 * `predictions`: where the document may be, the likeliest first, each its corners in its own order
 * (top-left, top-right, bottom-right, bottom-left), in the analysis copy's pixels. `marginPx`: how near the photo's border an unseen side
 * may come before its corners count as not in the photo (a few millimetres on the document).
 * `pxPerMm`: the document's scale in the image, where known (from its code): a scan that ends at
 * the document's edge is then known by its rounded corners (roundedCorners.ts).
 */
export function findOutlineNear(
  cv: OpenCv,
  image: RgbaImage,
  predictions: readonly PredictedOutline<AnalysisPoint>[],
  marginPx: number,
  pxPerMm?: number,
): DocumentOutline<AnalysisPoint> {
  return withMats(cv, (scope) => {
    let channels: MatVector | undefined;
    const smoothed = () => (channels ??= smoothedChannels(scope, image));
    let best: Candidate | null = null;
    const maps: EdgeMap[] = [];
    for (const sensitivity of EDGE_SENSITIVITIES) {
      const edgesMat = edgesOf(scope, image, sensitivity, smoothed);
      maps.push(edgeMapOf(edgesMat));
      for (const candidate of documentCandidates(scope, edgesMat, image)) {
        if (!predictions.some((predicted) => fitsPrediction(candidate.outline.quad, predicted))) continue;
        if (!best || candidate.score > best.score) best = candidate;
      }
      if (best) return best.outline;
    }
    // A document whose border is a thin drawn line (an ICAO figure's TD2 card, passporteye's
    // 100_pass2-uto) has none in the median-smoothed maps.
    for (const candidate of thinBorderCandidates(scope, image)) {
      if (!predictions.some((predicted) => fitsPrediction(candidate.outline.quad, predicted))) continue;
      if (!best || candidate.score > best.score) best = candidate;
    }
    if (best) return best.outline;
    // A scan that ends at the document's own edge: its sides are the photo's border, which no edge
    // can be told from, but its rounded corners show in the photo's corners.
    if (pxPerMm && predictions.some((predicted) => scanEndsAtDocument(image, predicted, pxPerMm)))
      return wholePhotoOutline(image, 'analysis');
    // No candidate fits: the prediction whose sides lie most on edges is judged (the likeliest on a tie).
    const judged = predictions.map((predicted) => judgePrediction(maps, image, predicted, marginPx));
    return judged.reduce((best, next) => (next.edgeSupport > best.edgeSupport + 0.05 ? next : best));
  });
}

/**
 * The predicted quad, its sides looked for near it (sidesNear.ts). A corner is missing when it lies off
 * the photo, or when a side reaching it is on no edge within `marginPx` of the photo's border (the
 * document may run off there: its corner is not seen in the photo). Sides on no edge elsewhere leave
 * the outline unseen: the document is there, by its code, but we cannot see where it ends.
 */
function judgePrediction(
  maps: readonly EdgeMap[],
  image: RgbaImage,
  predicted: PredictedOutline<AnalysisPoint>,
  marginPx: number,
): DocumentOutline<AnalysisPoint> {
  const { width, height } = image;
  const { corners, sides } = sidesHoldingZone(image, maps, predicted);
  // Cover is judged on the sensitive map, as the search that found no candidate last looked in it.
  const edges = maps.at(-1)!;
  // The document's corners in the photo's order (the one nearest its top-left first); side i of the
  // quad is then side i + shift of the document.
  const quad = orderClockwiseFromTopLeft(corners);
  const shift = corners.indexOf(quad[0]);
  const sideSeen = (i: number) => sides.seen[(i + shift) % 4]!;
  const tolerance = OUTLINE_THRESHOLDS.outsideTolerance * Math.hypot(width, height);
  const outside = (p: Point) =>
    p[0] < -tolerance || p[1] < -tolerance || p[0] > width - 1 + tolerance || p[1] > height - 1 + tolerance;
  const nearBorder = (p: Point) =>
    p[0] < marginPx || p[1] < marginPx || p[0] > width - 1 - marginPx || p[1] > height - 1 - marginPx;
  const supports = quad.map((_, i) => sides.supports[(i + shift) % 4]!);
  // The photo's own border is drawn into the edge map: a side along it is not the document's edge.
  // Nor is a line within the margin of it all along: a laminate's edge or a printed frame a few
  // millimetres inside a document that runs off the photo looks the same (passporteye's tight crops).
  const along = (i: number, margin: number) =>
    sharedBorder(quad[i]!, quad[(i + 1) % 4]!, width, height, margin) !== null;
  const seen = quad.map((_, i) => sideSeen(i) && !along(i, marginPx));
  // A side seen beyond the margin by no more than where its edges lie may be such a line too: it is
  // neither the document's edge nor known not to be (the outline is unseen there, not cut off).
  const doubtful = seen.some((s, i) => s && along(i, marginPx + EDGE_PLACE_ERROR_PX));
  const missing = new Set<CornerName>();
  quad.forEach((p, i) => {
    if (outside(p)) missing.add(CORNER_NAMES[i]!);
  });
  // An unseen side by the border: both its ends are not in the photo.
  quad.forEach((p, i) => {
    const q = quad[(i + 1) % 4]!;
    if (!seen[i] && (nearBorder(p) || nearBorder(q))) {
      if (nearBorder(p)) missing.add(CORNER_NAMES[i]!);
      if (nearBorder(q)) missing.add(CORNER_NAMES[(i + 1) % 4]!);
    }
  });
  const missingCorners = CORNER_NAMES.filter((name) => missing.has(name));
  const edgesUnseen = missingCorners.length === 0 && (doubtful || seen.some((s) => !s));
  const polygon = clipToFrame(quad, width, height);
  const visibleArea = Math.abs(signedArea(polygon));
  const offEdges = [
    ...new Set(
      polygon.flatMap((p, i) => {
        const q = polygon[(i + 1) % polygon.length]!;
        return distance(p, q) > 4 ? (sharedBorder(p, q, width, height) ?? []) : [];
      }),
    ),
  ];
  const { horizontal, vertical } = sidesOf(quad);
  return {
    quad,
    missingCorners,
    coveredCorners: edgesUnseen ? [] : coveredByBorderGaps(edges, quad, missingCorners, image),
    offEdges,
    areaShare: visibleArea / (width * height),
    aspect: Math.max(horizontal, vertical) / Math.max(1, Math.min(horizontal, vertical)),
    edgeSupport: supports.reduce((s, v) => s + v, 0) / 4,
    ...(edgesUnseen ? { edgesUnseen } : {}),
    predicted: true,
  };
}

/**
 * The sides found near the prediction and their corners (document order). Sides that do not hold
 * the zone as ICAO lays it are lines inside the document (a tint's edge, a row of print) or beside
 * it: none of them is taken, and the prediction is judged unseen.
 */
function sidesHoldingZone(
  image: RgbaImage,
  maps: readonly EdgeMap[],
  predicted: PredictedOutline<AnalysisPoint>,
): { corners: Quad<AnalysisPoint>; sides: Pick<SidesNear, 'supports' | 'seen'> } {
  const found = findSidesNear(image, maps, predicted.quad, predicted.zone);
  const corners = cornersOf(found.lines, predicted.quad);
  if (holdsZoneAsIcao(corners, predicted.quad, predicted.zone)) return { corners, sides: found };
  return { corners: predicted.quad, sides: { supports: [0, 0, 0, 0], seen: [false, false, false, false] } };
}

/**
 * Where the sides' lines meet (document order: corner i between sides i - 1 and i); the prediction's
 * corners where they do not make a convex quad near it (a side found on print or another object).
 */
function cornersOf(lines: readonly Line[], predicted: Quad<AnalysisPoint>): Quad<AnalysisPoint> {
  const corners = predicted.map((p, i) => intersect(lines[(i + 3) % 4]!, lines[i]!, 0.2) ?? p);
  const span = distance(predicted[0], predicted[2]);
  const far = corners.some((c, i) => distance(c, predicted[i]!) > 0.7 * span);
  if (far || !isConvex(corners)) return predicted;
  return corners.map(([x, y]) => pointIn('analysis', x, y)) as unknown as Quad<AnalysisPoint>;
}

const sidesOf = (quad: Quad<AnalysisPoint>) => ({
  horizontal: (distance(quad[0], quad[1]) + distance(quad[3], quad[2])) / 2,
  vertical: (distance(quad[1], quad[2]) + distance(quad[0], quad[3])) / 2,
});
