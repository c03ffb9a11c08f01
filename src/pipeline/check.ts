/**
 * The whole check of one photo: outline, rectify, clarity, MRZ, rules. Pure over RGBA pixels and the
 * engines passed in, so the Web Worker, the CLI and the tests run exactly this.
 */
import type { Engines } from '../engines/types.ts';
import { measureClarity } from './clarity/measureClarity.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from './cv.ts';
import { signedArea, type Point } from './geometry.ts';
import { documentFromFront, isFrontExpiryTrusted } from './licence/documentFromFront.ts';
import { readDistinguishingSign, type DistinguishingSign } from './licence/readDistinguishingSign.ts';
import { readDocumentFront, turnHalf, type FrontReading } from './licence/readDocumentFront.ts';
import { documentFromMrz, isExpiryConfirmed } from './mrz/documentFromMrz.ts';
import type { Box } from './mrz/locateMrz.ts';
import { readMrz, type MrzResult } from './mrz/readMrz.ts';
import { findDocumentOutline, scaleQuad, type DocumentOutline } from './outline/findDocumentOutline.ts';
import { measuresOf } from './measures.ts';
import { rectifyDocument, type RectifiedDocument } from './rectify/rectifyDocument.ts';
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
import type { CheckOptions, CheckReport, ImagePoint, Quad, RgbaImage } from './types.ts';

/** The outline is found on a copy this size: edges of a card survive, print and texture mostly do not. */
export const ANALYSIS_SIDE_PX = 900;

export async function checkDocument(
  image: RgbaImage,
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
  const found = withMats(engines.cv, (scope) => {
    const photo = rgbaToMat(scope, image);
    const { mat: small, scale } = shrinkToFit(scope, photo, ANALYSIS_SIDE_PX);
    const analysis = matToRgba(small);
    const found = findDocumentOutline(engines.cv, analysis);
    const outline: DocumentOutline | null = found && { ...found, quad: scaleQuad(found.quad, 1 / scale) };
    lap('outline');
    const rectified: RectifiedDocument | null = outline && rectifyDocument(scope, photo, outline.quad);
    lap('rectify');
    return { outline, rectified, analysis };
  });
  const { analysis } = found;
  let { outline, rectified } = found;
  options.signal?.throwIfAborted();

  options.onProgress?.('clarity');
  // Without an outline the whole photo stands in for the document (a tight crop or a scan).
  let clarity = rectified
    ? measureClarity(engines.cv, rectified.image, rectified.image.width * rectified.photoPxPerDocPx)
    : measureClarity(engines.cv, analysis, Math.max(image.width, image.height));
  lap('clarity');
  options.signal?.throwIfAborted();

  options.onProgress?.('mrz');
  const mrz = await findMrz(engines, image, rectified, options.signal);
  lap('mrz');
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
  rectified: RectifiedDocument | null,
  signal: AbortSignal | undefined,
): Promise<(MrzResult & { inPhotoPx: number; inRectified: boolean }) | null> {
  if (rectified) {
    const found = await readMrz(engines, rectified.image, {
      minLineShare: 0.55,
      turns: [0, 2],
      fullWidth: true,
      signal,
    });
    if (found)
      return { ...found, inPhotoPx: found.glyphHeightPx * rectified.photoPxPerDocPx, inRectified: true };
  }
  // Without an outline, a photo on its side is as likely as upside down; with one that found no MRZ
  // (a licence front), upside down is the only other way the rectified search had not tried.
  const turns = rectified ? [0, 2] : [0, 2, 1, 3];
  const found = await readMrz(engines, image, { minLineShare: 0.25, turns, fullWidth: false, signal });
  return found && { ...found, inPhotoPx: found.glyphHeightPx, inRectified: false };
}

/** Whether the box's centre lies inside the convex quad (both in photo pixels). */
function boxInsideQuad(box: Box, quad: Quad<ImagePoint>): boolean {
  const centre: Point = [box.x + box.width / 2, box.y + box.height / 2];
  const sign = Math.sign(signedArea(quad));
  return quad.every((a, i) => {
    const b = quad[(i + 1) % 4]!;
    return sign * ((b[0] - a[0]) * (centre[1] - a[1]) - (b[1] - a[1]) * (centre[0] - a[0])) >= 0;
  });
}
