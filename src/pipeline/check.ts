/**
 * The whole check of one photo: outline, rectify, clarity, MRZ, rules. Pure over RGBA pixels and the
 * engines passed in, so the Web Worker, the CLI and the tests run exactly this.
 */
import type { Engines } from '../engines/types.ts';
import { measureClarity, type ClarityMeasures } from './clarity/measureClarity.ts';
import { matToRgba, MatScope, rgbaToMat, shrinkToFit } from './cv.ts';
import { signedArea, type Point } from './geometry.ts';
import { toGreyscale } from './image.ts';
import { documentFromFront, isFrontExpiryTrusted } from './licence/documentFromFront.ts';
import { readDistinguishingSign, type DistinguishingSign } from './licence/readDistinguishingSign.ts';
import { readDocumentFront, turnHalf, type FrontReading } from './licence/readDocumentFront.ts';
import { documentFromMrz, isExpiryConfirmed } from './mrz/documentFromMrz.ts';
import { plainMrzImage, type MrzImage } from './mrz/mrzImage.ts';
import { readMrz, type MrzResult } from './mrz/readMrz.ts';
import { findDocumentOutline, scaleQuad, type DocumentOutline } from './outline/findDocumentOutline.ts';
import { measuresOf } from './measures.ts';
import {
  planRectification,
  rectifiedMrzImage,
  rectifyPlanned,
  type RectifiedDocument,
} from './rectify/rectifyDocument.ts';
import { forgetWarpedPhoto } from './rectify/warpPerspective.ts';
import {
  areBordersClear,
  judgeAcceptedDocument,
  judgeClearPhoto,
  judgeFourCorners,
  judgeInDate,
  crossCheckIssuer,
  judgeFrontDetails,
  judgeValidDetails,
  verdictOf,
} from './rules/judgeRules.ts';
import type { CheckOptions, CheckReport, ImagePoint, PendingPhoto, Quad, Rect, RgbaImage } from './types.ts';

/** The outline is found on a copy this size: edges of a card survive, print and texture mostly do not. */
export const ANALYSIS_SIDE_PX = 900;

export async function checkDocument(
  input: RgbaImage | PendingPhoto,
  engines: Engines,
  options: CheckOptions,
): Promise<CheckReport> {
  const timings: Record<string, number> = {};
  const started = performance.now();
  let mark = started;
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - mark);
    mark = now;
  };

  options.onProgress?.('outline');
  const scope = new MatScope(engines.cv);
  let image: RgbaImage;
  let analysis: RgbaImage;
  let outline: DocumentOutline | null;
  let rectified: RectifiedDocument | null;
  let clarity: ClarityMeasures;
  let mrz: Awaited<ReturnType<typeof findMrz>>;
  try {
    analysis =
      'full' in input
        ? input.analysis
        : matToRgba(shrinkToFit(scope, rgbaToMat(scope, input), ANALYSIS_SIDE_PX).mat);
    const found = findDocumentOutline(engines.cv, analysis);
    image = 'full' in input ? await input.full : input;
    const scale = Math.max(analysis.width, analysis.height) / Math.max(image.width, image.height);
    outline = found && { ...found, quad: scaleQuad(found.quad, 1 / scale) };
    lap('outline');
    options.signal?.throwIfAborted();

    // The MRZ's OCR is started before the document is warped whole: the search needs only a small copy
    // and the band (rectifiedMrzImage). The OCR engine then reads on its own thread while this one warps
    // the document and measures its clarity, so the mrz timing spans rectify's and clarity's.
    options.onProgress?.('mrz');
    const mrzStarted = performance.now();
    const plan = outline && planRectification(outline.quad);
    const rectifiedForMrz = plan && {
      image: rectifiedMrzImage(scope, image, plan),
      photoPxPerDocPx: plan.photoPxPerDocPx,
    };
    const reading = findMrz(engines, image, rectifiedForMrz, options.signal);
    reading.catch(() => {}); // awaited below: this only keeps a failure meanwhile from going unhandled
    await startedJobsPosted();
    mark = performance.now();
    rectified = plan && rectifyPlanned(scope, image, plan);
    lap('rectify');
    // Without an outline the whole photo stands in for the document (a tight crop or a scan).
    clarity = rectified
      ? measureClarity(engines.cv, rectified.image, rectified.image.width * rectified.photoPxPerDocPx)
      : measureClarity(engines.cv, analysis, Math.max(image.width, image.height));
    lap('clarity');
    mrz = await reading;
    timings['mrz'] = Math.round(performance.now() - mrzStarted);
    mark = performance.now();
  } finally {
    scope.release();
    forgetWarpedPhoto();
  }
  options.signal?.throwIfAborted();
  // The MRZ is part of the document: found in the photo outside the outline, it shows the outline is
  // something printed on the document (its photo, a frame), and the document's own edges were not seen.
  if (outline && mrz && !mrz.inRectified && !boxInsideQuad(mrz.box, outline.quad)) {
    outline = null;
    rectified = null;
    clarity = measureClarity(engines.cv, analysis, Math.max(image.width, image.height));
  }

  // A document with no MRZ on this side: a driving licence's printed fields, or a card's front.
  let front: FrontReading | null = null;
  if (!mrz && rectified) {
    options.onProgress?.('licence');
    front = await readDocumentFront(engines, rectified.image);
    lap('licence');
  }
  // A licence with a one-line MRZ also shows its issuer in its flag: read it to cross-check the MRZ.
  const mrzDocument = documentFromMrz(mrz?.reading ?? null);
  let sign: DistinguishingSign | null = null;
  if (mrz?.inRectified && rectified && mrzDocument.kind === 'eu-driving-licence') {
    const upright = mrz.quarterTurns === 2 ? turnHalf(rectified.image) : rectified.image;
    sign = await readDistinguishingSign(engines, upright);
    lap('licence');
  }

  options.onProgress?.('rules');
  const document = front ? documentFromFront(front) : mrzDocument;
  const measures = measuresOf(image, outline, rectified?.format ?? null, clarity, mrz);
  const clear = judgeClearPhoto(measures);
  const bordersClear = areBordersClear(measures);
  const corners = judgeFourCorners({
    found: outline !== null,
    missingCorners: outline?.missingCorners ?? [],
    coveredCorners: outline?.coveredCorners ?? [],
    offEdges: outline?.offEdges ?? [],
    bordersClear,
  });
  const expiryConfirmed = mrz
    ? isExpiryConfirmed(mrz.reading)
    : front !== null && isFrontExpiryTrusted(front);
  const trustworthy = clear.status === 'pass' && corners.status === 'pass';
  const rules = [
    corners,
    clear,
    judgeInDate(document, expiryConfirmed, options.today),
    judgeAcceptedDocument(document),
    front
      ? judgeFrontDetails(front, trustworthy)
      : mrzDocument.kind === 'eu-driving-licence'
        ? crossCheckIssuer(judgeValidDetails(mrz?.reading ?? null, trustworthy), mrzDocument.issuer, sign)
        : judgeValidDetails(mrz?.reading ?? null, trustworthy),
  ];
  lap('rules');
  timings['total'] = Math.round(performance.now() - started);
  return {
    verdict: verdictOf(rules),
    rules,
    document,
    outline: outline?.quad ?? null,
    missingCorners: [
      ...new Set([
        ...(outline?.missingCorners ?? []),
        ...(bordersClear ? (outline?.coveredCorners ?? []) : []),
      ]),
    ],
    mrzReading: mrz?.reading ?? null,
    measures,
    timingsMs: timings,
  };
}

/**
 * In the rectified document (either way up) when there is one; else, or when that finds nothing,
 * in the whole photo, all four ways up. Exported for `npm run eval:mrz`, which compares readers
 * through exactly this search.
 */
export async function findMrz(
  engines: Engines,
  image: RgbaImage,
  document: { readonly image: MrzImage<'document'>; readonly photoPxPerDocPx: number } | null,
  signal: AbortSignal | undefined,
): Promise<
  | (MrzResult<'document'> & { inPhotoPx: number; inRectified: true })
  | (MrzResult<'image'> & { inPhotoPx: number; inRectified: false })
  | null
> {
  if (document) {
    const found = await readMrz(engines, document.image, {
      minLineShare: 0.55,
      turns: [0, 2],
      fullWidth: true,
      signal,
    });
    if (found)
      return { ...found, inPhotoPx: found.glyphHeightPx * document.photoPxPerDocPx, inRectified: true };
  }
  // Without an outline, a photo on its side is as likely as upside down; with one that found no MRZ
  // (a licence front), upside down is the only other way the rectified search had not tried.
  const turns = document ? [0, 2] : [0, 2, 1, 3];
  const photo = plainMrzImage(engines.cv, toGreyscale(image));
  const found = await readMrz(engines, photo, { minLineShare: 0.25, turns, fullWidth: false, signal });
  return found && { ...found, inPhotoPx: found.glyphHeightPx, inRectified: false };
}

/**
 * Lets promises already started run up to their first real wait: the OCR job is then posted to its
 * thread before this one takes up other work (tesseract.js posts it a few microtasks after the call).
 */
function startedJobsPosted(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Whether the box's centre lies inside the convex quad (both in photo pixels). */
function boxInsideQuad(box: Rect<'image'>, quad: Quad<ImagePoint>): boolean {
  const centre: Point = [box.x + box.width / 2, box.y + box.height / 2];
  const sign = Math.sign(signedArea(quad));
  return quad.every((a, i) => {
    const b = quad[(i + 1) % 4]!;
    return sign * ((b[0] - a[0]) * (centre[1] - a[1]) - (b[1] - a[1]) * (centre[0] - a[0])) >= 0;
  });
}
