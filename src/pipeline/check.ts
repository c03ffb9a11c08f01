/**
 * The whole check of one photo: outline, rectify, clarity, MRZ, rules. Pure over RGBA pixels and the
 * engines passed in, so the Web Worker, the CLI and the tests run exactly this.
 */
import type { Engines } from '../engines/types.ts';
import { measureClarity, type ClarityMeasures } from './clarity/measureClarity.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from './cv.ts';
import { quadSideLengths, signedArea, type Point } from './geometry.ts';
import { documentFromLicence } from './licence/documentFromLicence.ts';
import { readLicence, type LicenceReading } from './licence/readLicence.ts';
import { documentFromMrz, isExpiryConfirmed } from './mrz/documentFromMrz.ts';
import type { Box } from './mrz/locateMrz.ts';
import { readMrz, type MrzResult } from './mrz/readMrz.ts';
import { findDocumentOutline, scaleQuad, type DocumentOutline } from './outline/findDocumentOutline.ts';
import {
  DOCUMENT_FORMATS,
  formatFromAspect,
  rectifyDocument,
  type RectifiedDocument,
} from './rectify/rectifyDocument.ts';
import {
  judgeAcceptedDocument,
  judgeClearPhoto,
  judgeFourCorners,
  judgeInDate,
  judgeLicenceDetails,
  judgeValidDetails,
  verdictOf,
} from './rules/judgeRules.ts';
import type { CheckOptions, CheckReport, ImagePoint, Measures, Quad, RgbaImage } from './types.ts';

/** The outline is found on a copy this size: edges of a card survive, print and texture mostly do not. */
export const ANALYSIS_SIDE_PX = 900;
/** ICAO 9303 part 3 §4.3: OCR-B size 1 characters are about 2.3 mm high (with ascender tolerance). */
const MRZ_GLYPH_HEIGHT_MM = 2.3;

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

  // A document with no MRZ on this side: a driving licence's printed fields, when it is one.
  let licence: LicenceReading | null = null;
  if (!mrz && rectified) {
    options.onProgress?.('licence');
    licence = await readLicence(engines, rectified.image);
    lap('licence');
  }

  options.onProgress?.('rules');
  const document = licence ? documentFromLicence(licence) : documentFromMrz(mrz?.reading ?? null);
  const measures = measuresOf(image, outline, rectified, clarity, mrz);
  const clear = judgeClearPhoto(measures);
  const corners = judgeFourCorners({
    found: outline !== null,
    missingCorners: outline?.missingCorners ?? [],
    coveredCorners: outline?.coveredCorners ?? [],
    offEdges: outline?.offEdges ?? [],
  });
  const expiryConfirmed = mrz ? isExpiryConfirmed(mrz.reading) : licence?.expiryFrom != null;
  const rules = [
    corners,
    clear,
    judgeInDate(document, expiryConfirmed, options.today),
    judgeAcceptedDocument(document),
    licence
      ? judgeLicenceDetails(licence, clear.status === 'pass' && corners.status === 'pass')
      : judgeValidDetails(mrz?.reading ?? null, clear.status === 'pass' && corners.status === 'pass'),
  ];
  lap('rules');
  timings['total'] = Math.round(performance.now() - started);
  return {
    verdict: verdictOf(rules),
    rules,
    document,
    outline: outline?.quad ?? null,
    missingCorners: [...new Set([...(outline?.missingCorners ?? []), ...(outline?.coveredCorners ?? [])])],
    mrzReading: mrz?.reading ?? null,
    measures,
    timingsMs: timings,
  };
}

/**
 * In the rectified document (either way up) when there is one; else, or when that finds nothing,
 * in the whole photo, all four ways up.
 */
async function findMrz(
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

function measuresOf(
  image: RgbaImage,
  outline: DocumentOutline | null,
  rectified: RectifiedDocument | null,
  clarity: ClarityMeasures,
  mrz: { inPhotoPx: number } | null,
): Measures {
  let textHeightPx = outline ? null : (mrz?.inPhotoPx ?? null);
  if (outline) {
    // How high MRZ-sized print is, from the document's width in the photo: steadier than the MRZ
    // band's measured height, which blur and upsampling inflate (small fixtures: 12–14 px for 7).
    const { horizontal, vertical } = quadSideLengths(outline.quad);
    const format = rectified?.format ?? formatFromAspect(outline.aspect);
    textHeightPx = (Math.max(horizontal, vertical) / DOCUMENT_FORMATS[format].widthMm) * MRZ_GLYPH_HEIGHT_MM;
  }
  return {
    imageWidth: image.width,
    imageHeight: image.height,
    documentAreaShare: outline ? round(outline.areaShare, 4) : null,
    sharpness: round(clarity.sharpness, 1),
    glare: round(clarity.glare, 4),
    brightness: clarity.brightness,
    darkestPrint: clarity.contrastRange[0],
    textHeightPx: textHeightPx === null ? null : round(textHeightPx, 1),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
