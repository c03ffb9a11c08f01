/**
 * Finds the document's four corners in a (downscaled) photo, says which lie outside the frame, and
 * which look covered. See README.md in this folder for the method and its thresholds. The work is in
 * four parts: the edge map (edgeMap.ts), the candidates found in it (candidates.ts), judging each
 * candidate's quad (judgeQuad.ts) and its covered corners (coveredCorners.ts).
 */
import type { MatVector } from '@techstark/opencv-js';
import type { OpenCv } from '../../engines/types.ts';
import { withMats, type MatScope } from '../cv.ts';
import {
  pointIn,
  type AnalysisPoint,
  type ImagePoint,
  type PixelSpace,
  type PointIn,
  type Quad,
  type RgbaImage,
} from '../types.ts';
import { documentCandidates } from './candidates.ts';
import { edgesOf, findEdges, lightlySmoothedGrey, smoothedChannels } from './edgeMap.ts';
import type { Candidate, DocumentOutline } from './judgeQuad.ts';

export type { DocumentOutline } from './judgeQuad.ts';
export { OUTLINE_THRESHOLDS } from './thresholds.ts';

/**
 * Canny thresholds to try: the first keeps only strong borders (a card on wood, on cloth), the
 * second finds a pale card on a pale desk. Candidates from both compete on the same score.
 */
export const EDGE_SENSITIVITIES: readonly (readonly [number, number])[] = [
  [40, 110],
  [15, 45],
];

/**
 * A thin border's outline is taken on the lightly smoothed map only with this share of its sides on
 * edges: a drawn frame is unbroken (77_card-cmw: 1.0), where shapes made of print are not.
 */
const THIN_BORDER_MIN_SUPPORT = 0.9;

/**
 * ...and only whole in the photo, a tenth of it at least: a drawn border is a closed line round a
 * specimen that fills its scan (77_card-cmw: 96% of it; ICAO's TD2 figure, 100_pass2-uto: 78%). The
 * slivers of print that the lightly smoothed map closes elsewhere (a cut-off composite of the Swedish
 * card: 3%, a corner off the photo) are not documents.
 */
const THIN_BORDER_MIN_AREA_SHARE = 0.1;

/** Returns the best plausible outline, or null when nothing in the photo looks like a document. */
export function findDocumentOutline(cv: OpenCv, image: RgbaImage): DocumentOutline<AnalysisPoint> | null {
  return withMats(cv, (scope) => {
    let channels: MatVector | undefined;
    const smoothed = () => (channels ??= smoothedChannels(scope, image));
    let best: Candidate | null = null;
    for (const sensitivity of EDGE_SENSITIVITIES) {
      if (best && isConvincing(best.outline)) break;
      for (const candidate of documentCandidates(
        scope,
        edgesOf(scope, image, sensitivity, smoothed),
        image,
      )) {
        if (!best || candidate.score > best.score) best = candidate;
      }
    }
    return (best ?? thinBorderCandidate(scope, image))?.outline ?? null;
  });
}

/**
 * Where neither map gave a candidate, a document whose border is a thin drawn line (a specimen card's
 * 2-px grey rounded frame on white: passporteye's 77_card-cmw) may be there, erased by the median.
 * Its edges are looked for in the photo lightly smoothed, at the strong sensitivity; only a closed
 * border all on edges is taken, as print and texture there make many shapes of lesser support.
 */
function thinBorderCandidate(scope: MatScope, image: RgbaImage): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of thinBorderCandidates(scope, image)) {
    if (!best || candidate.score > best.score) best = candidate;
  }
  return best;
}

/** The candidates whose border is a thin closed line all on edges, in the lightly smoothed photo. */
export function thinBorderCandidates(scope: MatScope, image: RgbaImage): Candidate[] {
  const [low, high] = EDGE_SENSITIVITIES[0]!;
  const edges = findEdges(scope, lightlySmoothedGrey(scope, image), low, high);
  return documentCandidates(scope, edges, image, true).filter(
    ({ outline }) =>
      outline.edgeSupport >= THIN_BORDER_MIN_SUPPORT &&
      outline.missingCorners.length === 0 &&
      outline.areaShare >= THIN_BORDER_MIN_AREA_SHARE,
  );
}

/** Good enough that a more sensitive edge map need not be tried. */
function isConvincing(outline: DocumentOutline<AnalysisPoint>): boolean {
  return outline.edgeSupport >= 0.85 && outline.areaShare >= 0.1;
}

/**
 * The quad scaled into the photo's pixels: from the analysis copy, or (the live framing) from the
 * judged frame to the camera's.
 */
export function scaleQuad(quad: Quad<PointIn<PixelSpace>>, factor: number): Quad<ImagePoint> {
  return quad.map(([x, y]) => pointIn('image', x * factor, y * factor)) as unknown as Quad<ImagePoint>;
}
