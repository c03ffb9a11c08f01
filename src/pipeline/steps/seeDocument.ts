/**
 * The check's first step, seeing the document: its outline, the document rectified, its clarity and
 * its MRZ. An MRZ found in the photo outside the outline shows the outline was something printed on
 * the document (its photo, a frame), not the document: the outline is then dropped, and clarity
 * measured on the photo instead.
 */
import type { Engines, OpenCv } from '../../engines/types.ts';
import { measureClarity, type ClarityMeasures } from '../clarity/measureClarity.ts';
import { measurePhotoMedium, type PhotoMediumMeasures } from '../clarity/measureDarkPanel.ts';
import { MIN_GLYPHS } from '../clarity/measurePrint.ts';
import { MatScope, turnQuarters } from '../cv.ts';
import type { CodeSighting } from '../mrz/codeSighting.ts';
import { isInsideConvex } from '../geometry.ts';
import { rectifiedMrzImage } from '../mrz/mrzImage.ts';
import { findDocumentOutline, scaleQuad, type DocumentOutline } from '../outline/findDocumentOutline.ts';
import {
  planRectification,
  rectifyPlanned,
  type RectifiedDocument,
  type Rectification,
} from '../rectify/rectifyDocument.ts';
import { forgetWarpedPhoto } from '../rectify/warpPerspective.ts';
import { shrinkRgbaToFit } from '../resizeArea.ts';
import { ANALYSIS_SIDE_PX } from '../sizes.ts';
import type { CheckOptions, ImagePoint, PendingPhoto, Quad, Rect, RgbaImage } from '../types.ts';
import { decideReading, type ReadingDecision } from './decideReading.ts';
import { findMrz, type FoundMrz } from './findMrz.ts';
import { measureWhileReading, type MeasuredAhead } from './measureAhead.ts';
import { fitOutlineToCodeSighting, fitOutlineToMrz, isReadAsCode } from './fitOutlineToMrz.ts';
import { outlineHeldByPrint } from './outlineHoldsPrint.ts';
import { readWithin, type ReadingDeadline } from './readingBudget.ts';
import type { StageClock } from './stageClock.ts';

export interface SeenDocument {
  /** The photo's full pixels. */
  readonly image: RgbaImage;
  /** Photo pixels. */
  readonly outline: DocumentOutline | null;
  readonly rectified: RectifiedDocument | null;
  readonly clarity: ClarityMeasures;
  readonly mrz: FoundMrz | null;
  /** Whether the photo is of a screen (on or off) or a printout, measured on the photo's own pixels. */
  readonly medium: PhotoMediumMeasures;
  /** Whether its text is worth reading (decideReading.ts): where not, the MRZ search was stopped. */
  readonly reading: ReadingDecision;
  /** Measures of the rectified document taken while the MRZ was read (measureAhead.ts). */
  readonly ahead?: MeasuredAhead | null;
}

export async function seeDocument(
  photo: PendingPhoto,
  engines: Engines,
  options: CheckOptions,
  clock: StageClock,
  deadline?: ReadingDeadline,
): Promise<SeenDocument> {
  options.onProgress?.('outline');
  const scope = new MatScope(engines.cv);
  let seen: SeenDocument & { readonly analysis: RgbaImage; readonly sighted: boolean };
  try {
    const analysis = photo.analysis ?? shrinkRgbaToFit(engines.cv, await photo.full, ANALYSIS_SIDE_PX);
    const found = findDocumentOutline(engines.cv, analysis);
    const image = await photo.full;
    const scale = Math.max(analysis.width, analysis.height) / Math.max(image.width, image.height);
    const outline = found && { ...found, quad: scaleQuad(found.quad, 1 / scale) };
    clock.lap('outline');
    options.signal?.throwIfAborted();
    const read = await readWhileWarping(scope, engines, image, analysis, outline, options, clock, deadline);
    const { plan, sighting, ...measured } = read;
    seen = { image, analysis, outline, ...measured, sighted: sighting !== null };
    const { rectified, mrz } = measured;
    const fitted =
      mrz && isReadAsCode(mrz)
        ? fitOutlineToMrz(scope, analysis, image, outline, plan, mrz)
        : sighting && fitOutlineToCodeSighting(scope, analysis, image, outline, sighting);
    if (fitted?.changed) {
      seen = {
        ...seen,
        outline: fitted.outline,
        ...lookAgain(scope, engines.cv, image, analysis, fitted.outline, mrz),
      };
      clock.lap('outline');
    } else if (!rectified && isOnItsSide(mrz)) {
      // Measured before the code was read, across a photo whose print the code shows runs down it.
      seen = { ...seen, clarity: photoClarity(engines.cv, analysis, image, mrz) };
    }
  } finally {
    scope.release();
    forgetWarpedPhoto();
  }
  options.signal?.throwIfAborted();
  const { outline, mrz, analysis, image, medium, reading, ahead } = seen;
  if (outline && mrz && !mrz.inRectified && !boxInsideQuad(mrz.box, outline.quad)) {
    const clarity = photoClarity(engines.cv, analysis, image, mrz);
    return { image, outline: null, rectified: null, clarity, mrz, medium, reading };
  }
  const { rectified, clarity } = seen;
  const found = { image, outline, rectified, clarity, mrz, medium, reading, ahead };
  // An outline no code vouches for is held to the photo's print (outlineHoldsPrint.ts).
  if (!outline || mrz || seen.sighted) return found;
  const held = outlineHeldByPrint(engines.cv, analysis, image, outline);
  if (held === outline) return found;
  // What it went round was not the document, nor are the clarity measured on it the document's: the
  // photo stands in for the document, as where no outline is found (or the frame is the outline). A
  // 2D barcode on a licence's back (real-photos' yushulx-zadl/dl.png at JPEG quality 60) measured
  // sharpness 20783 and print 4.6 px high ("too small"), the whole card 3558 and 6.8 px.
  return { ...found, outline: held, clarity: photoClarity(engines.cv, analysis, image) };
}

/**
 * The MRZ's OCR is started before the document is warped whole: the search needs only a small copy
 * and the band (rectifiedMrzImage). The OCR engine then reads on its own thread while this one warps
 * the document and measures its clarity, so the mrz timing spans rectify's and clarity's. Where what
 * was measured meanwhile says nothing in the photo can be read (decideReading.ts), the search is
 * stopped: the read under way finishes (ending it would cost the next photo a new worker), and no
 * other band or way up is read.
 */
async function readWhileWarping(
  scope: MatScope,
  engines: Engines,
  image: RgbaImage,
  analysis: RgbaImage,
  outline: DocumentOutline | null,
  options: CheckOptions,
  clock: StageClock,
  deadline: ReadingDeadline | undefined,
): Promise<
  Pick<SeenDocument, 'rectified' | 'clarity' | 'mrz' | 'medium' | 'reading' | 'ahead'> & {
    readonly plan: Rectification | null;
    /** The first code seen in the whole photo, read or not (mrz/codeSighting.ts). */
    readonly sighting: CodeSighting<'image'> | null;
  }
> {
  options.onProgress?.('mrz');
  const mrzStarted = performance.now();
  const plan = outline && planRectification(outline.quad);
  const rectifiedForMrz = plan && {
    image: rectifiedMrzImage(scope, image, plan),
    photoPxPerDocPx: plan.photoPxPerDocPx,
  };
  // Stopped by the check's own signal (a new photo), by the decision below, or by the reading budget,
  // which the OCR engine obeys but our own MRZ reader (mrz/settleByOutlines.ts) reads without. (Not
  // AbortSignal.any: Safari has it only from 17.4.)
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(options.signal?.reason), { once: true });
  const budget = deadline?.signal;
  if (budget?.aborted) stop.abort(budget.reason);
  else budget?.addEventListener('abort', () => stop.abort(budget.reason), { once: true });
  let sighting: CodeSighting<'image'> | null = null;
  let leftDocument = () => {};
  const onDocument = new Promise<void>((resolve) => (leftDocument = resolve));
  const sighted = (seen: CodeSighting<'image'>) => (sighting ??= seen);
  const searching = findMrz(engines, image, rectifiedForMrz, stop.signal, sighted, leftDocument);
  searching.catch(() => {}); // awaited below: this only keeps a failure meanwhile from going unhandled
  await startedJobsPosted();
  clock.mark();
  const rectified = plan && rectifyPlanned(scope, image, plan);
  clock.lap('rectify');
  // Without an outline the whole photo stands in for the document (a tight crop or a scan).
  const clarity = rectified
    ? documentClarity(engines.cv, rectified, plan, analysis, image)
    : photoClarity(engines.cv, analysis, image);
  clock.lap('clarity');
  // Also while the OCR reads: a few FFTs over patches of the photo as the camera saw it.
  const medium = measurePhotoMedium(image, outline?.quad ?? null);
  clock.lap('medium');
  const reading = decideReading(engines, image, outline, clarity);
  clock.lap('decide');
  const skipped = reading.skip && new DOMException(`Nothing to read: ${reading.skip}.`, 'AbortError');
  if (skipped) stop.abort(skipped);
  const read = readWithin(searching, deadline).catch((error: unknown) => {
    if (skipped && error === skipped) return null;
    throw error;
  });
  // Only while the code is looked for on the rectified document: one found in the photo instead moves
  // or drops the outline, and the measures went unused (real-ids: 30 of the 40 taken so).
  const ahead = await measureWhileReading(Promise.race([read, onDocument]), engines, outline, rectified);
  const mrz = await read;
  clock.since('mrz', mrzStarted);
  return { rectified, clarity, mrz, medium, plan, reading, sighting, ahead };
}

/**
 * Clarity of the rectified document, unless no print stands on it while the photo shows some: the
 * outline then went round something on the document or beside it (its portrait, a box), and the
 * photo is what the person's print is in.
 */
function documentClarity(
  cv: OpenCv,
  rectified: RectifiedDocument,
  plan: Rectification,
  analysis: RgbaImage,
  image: RgbaImage,
): ClarityMeasures {
  // Where the document lies in the photo: the fill beyond the photo's edge is not glare.
  const inPhoto = { corners: plan.corners, photoWidth: image.width, photoHeight: image.height };
  const onDocument = measureClarity(
    cv,
    rectified.image,
    rectified.image.width * rectified.photoPxPerDocPx,
    inPhoto,
  );
  if (onDocument.print.glyphCount >= MIN_GLYPHS) return onDocument;
  const onPhoto = photoClarity(cv, analysis, image);
  return onPhoto.print.glyphCount >= MIN_GLYPHS ? onPhoto : onDocument;
}

/**
 * The document rectified and its clarity measured again, on an outline the MRZ put right. Where that
 * outline is only the prediction (corners off the photo, or edges unseen), the photo stands in for
 * the document, as where no outline was found: a rectified prediction holds the dark beyond the
 * photo's border, or the ground round a tight crop, and would be judged for them.
 */
function lookAgain(
  scope: MatScope,
  cv: OpenCv,
  image: RgbaImage,
  analysis: RgbaImage,
  outline: DocumentOutline | null,
  mrz: FoundMrz | null,
): Pick<SeenDocument, 'rectified' | 'clarity'> {
  if (!outline || outline.missingCorners.length > 0 || outline.edgesUnseen)
    return { rectified: null, clarity: photoClarity(cv, analysis, image, mrz) };
  const plan = planRectification(outline.quad);
  const rectified = rectifyPlanned(scope, image, plan);
  return { rectified, clarity: documentClarity(cv, rectified, plan, analysis, image) };
}

/**
 * Clarity of the whole photo, measured on its analysis copy, in the photo's own pixels; turned its
 * way up where the code read in it runs down it. Print is measured in lines across (measurePrint.ts):
 * across a photo on its side, a glyph's width is taken for its height, and prado's Turkish passport
 * scans, whose print stands 8 px high, measured 5-6 px turned a quarter and were "too small" (`npm
 * run eval -- --transform rot90`). Whole quarter turns only: the code's own way up, nothing guessed.
 */
function photoClarity(
  cv: OpenCv,
  analysis: RgbaImage,
  image: RgbaImage,
  mrz: FoundMrz | null = null,
): ClarityMeasures {
  const upright = isOnItsSide(mrz) ? turnQuarters(cv, analysis, mrz.quarterTurns) : analysis;
  return measureClarity(cv, upright, Math.max(image.width, image.height));
}

/** A code read in the photo (not the rectified document) a quarter turn from upright. */
function isOnItsSide(mrz: FoundMrz | null): mrz is FoundMrz {
  return mrz !== null && !mrz.inRectified && mrz.quarterTurns % 2 === 1;
}

/**
 * Lets promises already started run up to their first real wait: the OCR job is then posted to its
 * thread before this one takes up other work (tesseract.js posts it a few microtasks after the call).
 * A message to a channel of its own, where there are channels, is the next task at once: a timeout
 * of 0 waits 1 ms in Node (4 ms in a browser, nested), on every photo (issue 13).
 */
function startedJobsPosted(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Whether the box's centre lies inside the convex quad (both in photo pixels). */
function boxInsideQuad(box: Rect<'image'>, quad: Quad<ImagePoint>): boolean {
  return isInsideConvex([box.x + box.width / 2, box.y + box.height / 2], quad);
}
