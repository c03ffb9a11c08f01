/**
 * The live camera's question about one video frame: would a photo taken now pass the two photo rules
 * (four-corners, clear-photo), and if not, what should the person fix first? The same stages and the
 * same rule judgments as checkDocument (outline, rectify, clarity), with the outline found on a small
 * copy of the frame and the document rectified no bigger than clarity measures it, so that a frame
 * takes tens of milliseconds, and nothing read. See README.md in this folder.
 */
import type { OpenCv } from '../../engines/types.ts';
import { MEASURE_WIDTH_PX, measureClarity } from '../clarity/measureClarity.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats, type MatScope } from '../cv.ts';
import { findDocumentOutline, scaleQuad, type DocumentOutline } from '../outline/findDocumentOutline.ts';
import { rectifyDocument } from '../rectify/rectifyDocument.ts';
import { clarityProblemOf, type ClarityProblem } from '../rules/clearPhoto.ts';
import { FOUR_CORNERS } from '../rules/fourCorners.ts';
import { cornersOf, measuresOf } from '../rules/measures.ts';
import { judgeRules, PHOTO_RULES } from '../rules/registry.ts';
import { FRAMING_SIDE_PX } from '../sizes.ts';
import type { CornerName, ImagePoint, Measures, Quad, RgbaImage, RuleResult } from '../types.ts';

/**
 * The outline is found on a copy this size, area-averaged straight from the frame. Over 67 photos: at
 * 480 px every missing corner is named as at 900 px, and 61 outlines match the truth with IoU > 0.9
 * (64 at 900), in 25 ms instead of 107. Straight from 1280 px (8 ms), the 81 photos of FRAMING_SIDE_PX's
 * calibration (sizes.ts) get the same
 * corner verdicts as through a 960-px copy; through a 640-px one (2×, OpenCV's quick case; 5 ms), a
 * clean card's outline is lost.
 */
export const FRAMING_OUTLINE_SIDE_PX = 480;

/** What to fix first, most important first: the document, its corners, then clarity in the rule's order. */
export type FramingProblem = 'no-document' | 'corners-missing' | 'corners-covered' | ClarityProblem;

export interface FramingOptions {
  /**
   * Camera pixels per pixel of the frame given, when it was shrunk from the camera's: the photo will be
   * taken at the camera's resolution, so the size check (is the writing big enough?) is judged in its
   * pixels.
   */
  readonly cameraPxPerFramePx?: number;
}

export interface FramingReport {
  /** The size the frame was judged at (at most FRAMING_SIDE_PX a side): the outline is in its pixels. */
  readonly width: number;
  readonly height: number;
  /** Clockwise from the corner nearest the frame's top-left; corners off the frame lie outside it. */
  readonly outline: Quad<ImagePoint> | null;
  /** Off the frame or covered. */
  readonly missingCorners: readonly CornerName[];
  /** The first thing to fix, or null when a photo taken now would pass both photo rules. */
  readonly problem: FramingProblem | null;
  readonly fourCorners: RuleResult;
  /** Judged only once all four corners are in: until then the corners are the thing to fix. */
  readonly clearPhoto: RuleResult | null;
  /** In camera pixels (see `cameraPxPerFramePx`), or null when clarity was not measured. */
  readonly measures: Measures | null;
  readonly timingsMs: { readonly shrink: number; readonly outline: number; readonly clarity: number };
}

export function judgeFraming(cv: OpenCv, frame: RgbaImage, options: FramingOptions = {}): FramingReport {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
  return withMats(cv, (scope) => {
    const { mat: judged, scale } = shrinkToFit(scope, rgbaToMat(scope, frame), FRAMING_SIDE_PX);
    const size = { width: judged.cols, height: judged.rows };
    const { mat: small, scale: outlineScale } = shrinkToFit(scope, judged, FRAMING_OUTLINE_SIDE_PX);
    const shrink = lap();
    const found = findDocumentOutline(cv, matToRgba(small));
    const outline = found && { ...found, quad: scaleQuad(found.quad, 1 / outlineScale) };
    const corners = cornersOf(outline);
    const timings = { shrink, outline: lap() };
    if (!outline || corners.missingCorners.length > 0) {
      const fourCorners = FOUR_CORNERS.judge({ corners, measures: null });
      return cornersOnly(size, outline, fourCorners, { ...timings, clarity: 0 });
    }
    const judgedImage = scale === 1 ? frame : matToRgba(judged);
    const measures = measureFrame(scope, judgedImage, outline, (options.cameraPxPerFramePx ?? 1) / scale);
    // Judged as the check judges them. A corner whose border blur or glare broke is not called covered
    // (a card moved into place is motion-blurred): the person is told about the blur instead.
    const [fourCorners, clearPhoto] = judgeRules(PHOTO_RULES, { corners, measures }) as [
      RuleResult,
      RuleResult,
    ];
    const done = { ...timings, clarity: lap() };
    if (fourCorners.status !== 'pass') return cornersOnly(size, outline, fourCorners, done);
    return {
      ...size,
      outline: outline.quad,
      missingCorners: [],
      fourCorners,
      problem: clarityProblemOf(measures),
      clearPhoto,
      measures,
      timingsMs: done,
    };
  });
}

/**
 * As checkDocument does: the document rectified from the judged frame and measured at its native
 * size, but rectified no wider than clarity measures it, since nothing is read from it: the warp is
 * most of the time clarity takes (16 ms at 800 px, Node), and clarity has nothing left to shrink.
 * `cameraPxPerJudgedPx` puts the measures in the camera's pixels.
 */
function measureFrame(
  scope: MatScope,
  judged: RgbaImage,
  outline: DocumentOutline,
  cameraPxPerJudgedPx: number,
): Measures {
  const { cv } = scope;
  const rectified = rectifyDocument(scope, judged, outline.quad, { maxWidthPx: MEASURE_WIDTH_PX });
  const clarity = measureClarity(cv, rectified.image, rectified.image.width * rectified.photoPxPerDocPx);
  const k = cameraPxPerJudgedPx;
  const measures = measuresOf(
    { width: Math.round(judged.width * k), height: Math.round(judged.height * k) },
    { ...outline, quad: scaleQuad(outline.quad, k) },
    rectified.format,
    clarity,
    null,
  );
  // A frame is judged shrunk, where print under 4 px drops out of the glyph search and the median of
  // what is left leans to the larger print: size is judged from the outline, whose four corners are
  // all in the frame by now.
  return { ...measures, printHeightPx: null };
}

/** A frame whose corners are the thing to fix: off the frame, covered, or no document at all. */
function cornersOnly(
  size: { readonly width: number; readonly height: number },
  outline: DocumentOutline | null,
  fourCorners: RuleResult,
  timingsMs: FramingReport['timingsMs'],
): FramingReport {
  const missing = outline?.missingCorners ?? [];
  return {
    ...size,
    outline: outline?.quad ?? null,
    missingCorners: [...new Set([...missing, ...(outline?.coveredCorners ?? [])])],
    fourCorners,
    // An outline whose edges were not seen (outline/judgeQuad.ts) shows no document's corners to fix.
    problem:
      !outline || outline.edgesUnseen
        ? 'no-document'
        : missing.length > 0
          ? 'corners-missing'
          : 'corners-covered',
    clearPhoto: null,
    measures: null,
    timingsMs,
  };
}
