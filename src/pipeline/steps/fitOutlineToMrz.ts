/**
 * Holds the outline to the document's MRZ. ICAO 9303 fixes where the zone sits on a TD1, TD2 or TD3
 * document and the document's size, so the zone found predicts the document's outline
 * (mrz/documentGeometry.ts). An outline the code does not fit (the whole open booklet, the page above
 * the data page, a box beside the card, the portrait's frame) is not the document: the search is
 * then held to the prediction (outline/outlineNear.ts), which never borrows a nearby object's edges.
 */
import type { OpenCv } from '../../engines/types.ts';
import { pointsMat, type MatScope } from '../cv.ts';
import type { CodeSighting } from '../mrz/codeSighting.ts';
import { predictDocumentsFromMrz } from '../mrz/documentGeometry.ts';
import { scaleQuad, type DocumentOutline } from '../outline/findDocumentOutline.ts';
import { findOutlineNear, fitsPrediction, type PredictedOutline } from '../outline/outlineNear.ts';
import type { Rectification } from '../rectify/rectifyDocument.ts';
import { pointIn, type AnalysisPoint, type ImagePoint, type Quad, type RgbaImage } from '../types.ts';
import type { FoundMrz } from './findMrz.ts';

/**
 * How near the photo's border an unseen side may come before its corners count as off the photo:
 * 3 mm on the document, about the prediction's own error (ICAO's ±1 mm on the zone's place, and the
 * zone's width measured to a glyph).
 */
const BORDER_MARGIN_MM = 3;

export interface FittedOutline {
  readonly outline: DocumentOutline | null;
  /** Whether the outline is another than the one given (the document must be rectified again). */
  readonly changed: boolean;
}

/**
 * `plan`: how the outline given was rectified, when the MRZ was read on it (`mrz.inRectified`).
 * `analysis` is the copy the outline was searched on; `image` the photo.
 */
export function fitOutlineToMrz(
  scope: MatScope,
  analysis: RgbaImage,
  image: RgbaImage,
  outline: DocumentOutline | null,
  plan: Rectification | null,
  mrz: FoundMrz,
): FittedOutline {
  const unchanged = { outline, changed: false };
  if (!isReadAsCode(mrz)) return unchanged;
  const format = mrz.reading.format;
  let predictions: PredictedOutline<ImagePoint>[];
  let pxPerMm: number;
  if (mrz.inRectified) {
    if (!plan) return unchanged;
    const inDocument = predictDocumentsFromMrz(format, mrz.box, mrz.quarterTurns, 'document', mrz.pitchPx);
    if (inDocument.length === 0) return unchanged;
    predictions = inDocument.map((predicted) => ({
      quad: documentToPhoto(scope, plan, predicted.quad),
      zone: documentToPhoto(scope, plan, predicted.zone),
    }));
    pxPerMm = inDocument[0]!.pxPerMm * plan.photoPxPerDocPx;
  } else {
    const inPhoto = predictDocumentsFromMrz(format, mrz.box, mrz.quarterTurns, 'image', mrz.pitchPx);
    if (inPhoto.length === 0) return unchanged;
    predictions = inPhoto.map(({ quad, zone }) => ({ quad, zone }));
    pxPerMm = inPhoto[0]!.pxPerMm;
  }
  if (outline && predictions.some((predicted) => fitsPrediction(outline.quad, predicted))) return unchanged;
  const found = searchNear(scope, analysis, image, predictions, pxPerMm, 'read');
  return { outline: found, changed: true };
}

/**
 * Only a code read as a code is evidence of where the document lies: most of its check digits must
 * hold, more than half (specimens often print one or two wrong; a zone cut short is refused by the
 * prediction itself, by its width against its pitch).
 */
export function isReadAsCode(mrz: FoundMrz): boolean {
  const validChecks = mrz.reading.checks.filter((check) => check.valid).length;
  return validChecks * 2 > mrz.reading.checks.length;
}

/**
 * Holds the outline to a code seen in the photo but not read (mrz/codeSighting.ts), as fitOutlineToMrz
 * does to a code read: a quad that cannot hold the code (the portrait on a tight crop of a data page,
 * whose code runs nearly the photo's whole width) is not the document. Only an outline found is put
 * right, never a missing one made up. The rows alone do not say that a corner is off the photo,
 * though: a document may print its zone wider for its page than ICAO does, and its page is then
 * smaller than predicted. Where the prediction's corners are not all seen, the outline is unseen
 * (`four-corners` unsure), not cut off.
 */
export function fitOutlineToCodeSighting(
  scope: MatScope,
  analysis: RgbaImage,
  image: RgbaImage,
  outline: DocumentOutline | null,
  sighting: CodeSighting<'image'>,
): FittedOutline {
  const unchanged = { outline, changed: false };
  if (!outline) return unchanged;
  const { format, box, quarterTurns, pitchPx } = sighting;
  const inPhoto = predictDocumentsFromMrz(format, box, quarterTurns, 'image', pitchPx);
  if (inPhoto.length === 0) return unchanged;
  const predictions = inPhoto.map(({ quad, zone }) => ({ quad, zone }));
  if (predictions.some((predicted) => fitsPrediction(outline.quad, predicted))) return unchanged;
  const found = searchNear(scope, analysis, image, predictions, inPhoto[0]!.pxPerMm, 'seen');
  // Not even where the outline found ran off the photo too: that outline was not the document, so
  // it says nothing of the document's corners (passporteye's 33_id-usa: the card whole in the photo,
  // its prediction 6 px past the photo's left border).
  if (found.missingCorners.length === 0) return { outline: found, changed: true };
  return {
    outline: { ...found, missingCorners: [], coveredCorners: [], edgesUnseen: true },
    changed: true,
  };
}

/**
 * The outline search held to the predictions (photo pixels), run on the analysis copy. Only a code
 * `read` (its check digits holding) says the photo's frame is the document's own edge where its
 * corners show round (outline/roundedCorners.ts); rows `seen` but not read predict too loosely.
 */
function searchNear(
  scope: MatScope,
  analysis: RgbaImage,
  image: RgbaImage,
  predictions: readonly PredictedOutline<ImagePoint>[],
  pxPerMm: number,
  code: 'read' | 'seen',
): DocumentOutline {
  const scale = Math.max(analysis.width, analysis.height) / Math.max(image.width, image.height);
  const toAnalysis = (quad: Quad<ImagePoint>) =>
    quad.map(([x, y]) => pointIn('analysis', x * scale, y * scale)) as unknown as Quad<AnalysisPoint>;
  const inAnalysis = predictions.map(({ quad, zone }) => ({
    quad: toAnalysis(quad),
    zone: toAnalysis(zone),
  }));
  const found = findOutlineNear(
    scope.cv,
    analysis,
    inAnalysis,
    BORDER_MARGIN_MM * pxPerMm * scale,
    code === 'read' ? pxPerMm * scale : undefined,
  );
  return { ...found, quad: scaleQuad(found.quad, 1 / scale) };
}

/** Points of the rectified document taken back into the photo through the plan's perspective. */
function documentToPhoto(
  scope: MatScope,
  plan: Rectification,
  quad: Quad<readonly [number, number]>,
): Quad<ImagePoint> {
  const { width, height } = plan;
  const rectangle: [number, number][] = [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ];
  const cv: OpenCv = scope.cv;
  const h = scope.track(
    cv.getPerspectiveTransform(pointsMat(scope, rectangle), pointsMat(scope, plan.corners)),
  ).data64F;
  return quad.map(([x, y]) => {
    const w = h[6]! * x + h[7]! * y + h[8]!;
    return pointIn('image', (h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w);
  }) as unknown as Quad<ImagePoint>;
}
