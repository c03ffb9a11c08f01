/**
 * Whether the photo is of people rather than of a document: a face the detector is sure of that is no
 * document's portrait, and next to no print anywhere in the photo. An identity document prints its
 * holder's name, dates and number beside the portrait (ICAO 9303 part 4 zones I–IV, part 5 likewise;
 * the EU licence's fields 1–5), so a sharp photo of one shows print even where its words cannot be
 * read; a selfie, a holiday snap or a portrait shows a face and almost none. A face inside the
 * document's outline and the size of its portrait is the document's: a blurred photo of a passport
 * shows it and no print either (the photometric composites' focus and motion blur).
 */
import type { OpenCv } from '../../engines/types.ts';
import { countGlyphsInLines, MIN_GLYPHS } from '../clarity/measurePrint.ts';
import { matToGrey, rgbaToMat, turnQuarters, withMats } from '../cv.ts';
import type { DetectedFace, FaceDetector } from '../face/types.ts';
import { isInsideConvex, quadSideLengths } from '../geometry.ts';
import { resizeRgbaByArea, shrinkRgbaToFit } from '../resizeArea.ts';
import type { GreyImage } from '../image.ts';
import type { ImagePoint, Quad, RgbaImage } from '../types.ts';
import { PORTRAIT_THRESHOLDS } from './findPortrait.ts';

export interface PeopleMeasure {
  /**
   * Faces the detector is sure of (PORTRAIT_THRESHOLDS.minSureFaceScore) in the whole photo that are
   * not the document's portrait; null where they were not looked for, the photo showing a document's
   * print.
   */
  readonly sureFaces: number | null;
  /**
   * Glyphs standing in text lines anywhere in the photo, across it or down it (clarity/measurePrint.ts's
   * countGlyphsInLines), at PEOPLE_SIDE_PX.
   */
  readonly photoGlyphs: number;
  /** A sure face and less print than any document shows: a photo of people, not of an ID. */
  readonly photoOfPeople: boolean;
}

/** The photo is judged shrunk to this longest side: print is measured at ≤ 800 px (clarity/README.md). */
const PEOPLE_SIDE_PX = 800;

/**
 * Less print than this is no document's. Four text lines' worth of MIN_GLYPHS: a card front's name,
 * date of birth, number and expiry alone are more. Measured over the whole photo at 800 px: real
 * passports and cards (../shared/real-ids, real-photos) with a sure face show 81–1021 glyphs, and
 * 55–143 those smaller than 800 px, enlarged (halved too: down to a 137-px passport); the photos of
 * people in real-photos 15, 22 and 35 (two men before a patterned gold wall), halved 7, 7 and 32.
 */
export const MAX_GLYPHS_OF_PEOPLE = 4 * MIN_GLYPHS;

/**
 * A portrait's face is at most this share of its document's longer side. ICAO 9303 part 3 §3.9 and
 * part 4/5's layouts: a 35 × 45 mm portrait on a 125 mm passport page, about 25 × 32 mm on an 85.6 mm
 * card, the face within it about two thirds of its width: 0.18–0.23 of the document. The detector's
 * box runs a little wider; twice that is a face no portrait on this document could hold.
 */
const MAX_PORTRAIT_FACE_SHARE = 0.4;

/** `outline`: the document's quad in the photo's pixels, if one was found. */
export function lookForPeople(
  cv: OpenCv,
  detector: FaceDetector,
  photo: RgbaImage,
  outline: Quad<ImagePoint> | null,
): PeopleMeasure {
  const small = shrinkRgbaToFit(cv, photo, PEOPLE_SIDE_PX);
  // Print first: counted, it settles most photos that come here (a document's print, at 5-47 ms), and
  // looking for faces four ways up costs 20-140 ms (../shared's real-ids and real-photos, 2026-12-06).
  // Counted whichever way the lines run: a passport photographed on its side is print all the same.
  const photoGlyphs = withMats(cv, (scope) => countGlyphsInLines(scope, greyAtPeopleSide(cv, small)));
  if (photoGlyphs >= MAX_GLYPHS_OF_PEOPLE) return { sureFaces: null, photoGlyphs, photoOfPeople: false };
  const sureFaces = sureFacesAnyWayUp(cv, detector, small).filter(
    (face) => !isPortraitOf(face, photo, outline),
  ).length;
  return { sureFaces, photoGlyphs, photoOfPeople: sureFaces > 0 };
}

/**
 * The photo in grey at PEOPLE_SIDE_PX, a smaller one enlarged to it: a glyph is counted from 4 px
 * high (clarity/measurePrint.ts), so at its own size a small photo's print went uncounted where the
 * same document photographed larger showed plenty. A passport filling a 256-px photo
 * (real-photos' docsaid-mrz/finetune_mrz_img halved) showed 14 glyphs in lines at 256 px, 89 at
 * 800, 134 from its 512-px original; halved passports of 137 and 134 px, 4 and 21 at their own
 * size, 55 and 77 at 800. Enlarging adds no detail: print the photo never resolved stays uncounted.
 */
function greyAtPeopleSide(cv: OpenCv, small: RgbaImage): GreyImage {
  const scale = PEOPLE_SIDE_PX / Math.max(small.width, small.height);
  const sized =
    scale > 1
      ? resizeRgbaByArea(cv, small, Math.round(small.width * scale), Math.round(small.height * scale))
      : small;
  return withMats(cv, (scope) => {
    const greyMat = scope.mat();
    cv.cvtColor(rgbaToMat(scope, sized), greyMat, cv.COLOR_RGBA2GRAY);
    return matToGrey(greyMat);
  });
}

/**
 * The faces the detector is sure of, the photo looked at upright and then, until one is found, a
 * quarter, a half and three quarters turned; their boxes back in the upright photo's shares. The
 * detector (BlazeFace) finds faces within about 45° of upright only: a photo of people taken on its
 * side or upside down (real-photos' two_faces under `npm run eval -- --transform rot90`, rot180)
 * showed none, and was read and judged as a document "we could not tell". Only photos with less print
 * than a document's look here (decideReading.ts), and only where the whole photo's print is less
 * than a document's too (lookForPeople), so the three turns cost little: about 15 ms each.
 */
function sureFacesAnyWayUp(cv: OpenCv, detector: FaceDetector, small: RgbaImage): DetectedFace[] {
  for (const turns of [0, 1, 2, 3]) {
    const sure = detector
      .detectFaces(turnQuarters(cv, small, turns))
      .filter((face) => face.score >= PORTRAIT_THRESHOLDS.minSureFaceScore);
    if (sure.length > 0) return sure.map((face) => ({ ...face, box: unturnShares(face.box, turns) }));
  }
  return [];
}

/** A box in shares of an image turned `turns` quarter turns clockwise, in shares of the unturned one. */
export function unturnShares(box: DetectedFace['box'], turns: number): DetectedFace['box'] {
  const { x, y, width, height } = box;
  switch (((turns % 4) + 4) % 4) {
    case 1: // turned clockwise: the turned (x, y) was the unturned (y, 1 - x)
      return { x: y, y: 1 - (x + width), width: height, height: width };
    case 2:
      return { x: 1 - (x + width), y: 1 - (y + height), width, height };
    case 3: // turned anticlockwise: the turned (x, y) was the unturned (1 - y, x)
      return { x: 1 - (y + height), y: x, width: height, height: width };
    default:
      return box;
  }
}

/** Whether the face sits inside the document's outline, no bigger than a portrait on it can be. */
function isPortraitOf(face: DetectedFace, photo: RgbaImage, outline: Quad<ImagePoint> | null): boolean {
  if (!outline) return false;
  const { x, y, width, height } = face.box;
  const centre: [number, number] = [(x + width / 2) * photo.width, (y + height / 2) * photo.height];
  const { horizontal, vertical } = quadSideLengths(outline);
  return (
    isInsideConvex(centre, outline) &&
    width * photo.width <= MAX_PORTRAIT_FACE_SHARE * Math.max(horizontal, vertical)
  );
}
