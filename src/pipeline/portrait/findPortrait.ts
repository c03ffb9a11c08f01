/**
 * The holder's portrait on the rectified document: looked for with the face detector where ICAO 9303
 * puts it, and judged for shine and for a finger over it. Thresholds and their sources: README.md.
 */
import type { DetectedFace, FaceDetector } from '../face/types.ts';
import { cellMeans } from '../image.ts';
import {
  isSkin,
  joinedToEdges,
  MIN_FINGER_CONTACT_MM,
  nearColour,
  paperColour,
  type Rgb,
} from './skinCover.ts';
import type { DocumentFormat } from '../rectify/rectifyDocument.ts';
import type { PortraitMeasure, RgbaImage } from '../types.ts';
import { boxShare, cropZone, zoneShare, type Share, type ZoneCrop } from './portraitZone.ts';

interface PortraitLayout {
  /** Where the portrait may be: the left of the upright document, above any MRZ. */
  readonly zone: Share;
  /** Where, inside the zone, the portrait's face should be when the detector finds none. */
  readonly face: Share;
  /** The zone's height in millimetres (ICAO 9303: the page's or card's height times the zone's share). */
  readonly zoneMmTall: number;
  /** The zone's sides that are the document's own edges, where a finger can reach in from. */
  readonly edges: readonly ('left' | 'top' | 'bottom')[];
}

/**
 * The portrait zone's width as a share of the document's, on a passport page and an ID-1 card alike:
 * the document's width is the zone's over this (isPortraitSized).
 */
const ZONE_WIDTH_SHARE = 0.42;

/**
 * ICAO 9303 part 4 §2 and figure 4 (TD3, 125 × 88 mm): the portrait, zone V, sits on the left of the
 * data page under the header, 26-35 mm wide and 32-45 mm high, and the MRZ takes the bottom 23.2 mm
 * (so the zone stops at 76% of the height). Part 5 (TD1, 85.6 × 54 mm) and the EU licence model
 * (Directive 2006/126/EC, annex I) put the portrait on the left of the card's front, 18-26 mm wide,
 * across most of its height. The face shares are the middle of such a portrait, where the face is
 * (ICAO 9303 part 3 §3.9 and ISO/IEC 19794-5: the face fills 70-80% of the portrait's height).
 */
const LAYOUTS: Record<DocumentFormat, PortraitLayout> = {
  'passport-page': {
    zone: { x0: 0, y0: 0, x1: ZONE_WIDTH_SHARE, y1: 0.76 },
    face: { x0: 0.1, y0: 0.19, x1: 0.26, y1: 0.5 },
    zoneMmTall: 0.76 * 88,
    edges: ['left', 'top'],
  },
  'id-1': {
    zone: { x0: 0, y0: 0, x1: ZONE_WIDTH_SHARE, y1: 1 },
    face: { x0: 0.09, y0: 0.3, x1: 0.28, y1: 0.68 },
    zoneMmTall: 54,
    edges: ['left', 'top', 'bottom'],
  },
};

/** Where the document's way up is known (an MRZ read on it), and which way. */
export type Uprightness = 'upright' | 'upside-down' | 'unknown';

export const PORTRAIT_THRESHOLDS = {
  /**
   * A face the detector is sure of: MediaPipe's own threshold is 0.5, but printed patterns and ghost
   * portraits score 0.5-0.7 and real portraits 0.85-0.98 (face/README.md, on ../shared/real-photos).
   */
  minSureFaceScore: 0.75,
  /** Shine: a cell of the grid this bright in every channel (clipped: paper white in a photo stays below, as clarity/ found) ... */
  glareLevel: 250,
  /** ... and this colourless (max - min channel), JPEG's chroma noise allowed for. */
  glareMaxChroma: 24,
} as const;

/**
 * The narrowest face a portrait on an identity document holds, as a share of the document's width.
 * ICAO 9303's smallest portraits are 26 mm wide on a 125 mm passport page (part 4, zone V) and 18 mm
 * on an 85.6 mm card (part 5; the EU licence model likewise), and the head fills at least half the
 * portrait's width (ICAO 9303 part 3 §3.9, ISO/IEC 19794-5's full frontal image): 13 and 9 mm, 0.10 and
 * 0.105 of the document; the detector's box is about the head's width. Measured (2026-12-05): the
 * faces found in the zone on every ID of the fixtures, ../shared and the composites were 0.118 to 0.5
 * of their document's width; a fashion model's, standing full length on a magazine page that the
 * outline took for a passport page (real-photos' glare-1001), 0.087.
 */
export const MIN_PORTRAIT_FACE_SHARE = 0.1;

/**
 * Pure: whether the face found in the portrait zone is as wide as a portrait on the document can hold
 * (MIN_PORTRAIT_FACE_SHARE): a smaller one is a figure in a picture, no holder's portrait, and no sign
 * that the object is an identity document.
 */
export function isPortraitSized(portrait: PortraitMeasure): boolean {
  if (!portrait.face) return false;
  const documentWidth = portrait.zone.width / ZONE_WIDTH_SHARE;
  return portrait.face.box.width >= MIN_PORTRAIT_FACE_SHARE * documentWidth;
}

/** The zone is judged on a grid of cells about this many to its longer side (each the mean of its pixels). */
const GRID_CELLS = 96;

export interface PortraitSearch {
  readonly document: RgbaImage;
  readonly format: DocumentFormat;
  readonly uprightness: Uprightness;
  readonly expected: boolean;
}

/**
 * The portrait zone of a document as it lies (not turned) looked at, and its paper's colour: the look
 * findPortrait takes first unless the document is upside down. Taken while the MRZ's OCR still reads
 * (steps/measureAhead.ts), before the way up is known, and handed to findPortrait for that document.
 */
export interface ZoneLook {
  readonly document: RgbaImage;
  readonly format: DocumentFormat;
  readonly paper: Rgb;
  readonly crop: ZoneCrop;
  readonly face: DetectedFace | null;
}

export function lookInZone(detector: FaceDetector, document: RgbaImage, format: DocumentFormat): ZoneLook {
  const crop = cropZone(document, LAYOUTS[format].zone, false);
  const face = bestFace(detector.detectFaces(crop.image));
  return { document, format, paper: paperColour(document, GRID_CELLS), crop, face };
}

/**
 * Looks for the face in the portrait zone (both ends of the document when its way up is unknown: the
 * zone, and the opposite one turned half round) and measures the shine and the cover over it. `ahead`,
 * a look at this document's zone taken already, is not taken again (ignored for any other document).
 */
export function findPortrait(
  detector: FaceDetector,
  search: PortraitSearch,
  ahead?: ZoneLook,
): PortraitMeasure {
  const { document, format, uprightness, expected } = search;
  const layout = LAYOUTS[format];
  const taken = ahead?.document === document && ahead.format === format ? ahead : null;
  const paper = taken?.paper ?? paperColour(document, GRID_CELLS);
  const tries: boolean[] =
    uprightness === 'upright' ? [false] : uprightness === 'upside-down' ? [true] : [false, true];
  const looked: { crop: ZoneCrop; face: DetectedFace | null }[] = [];
  for (const turned of tries) {
    if (taken && !turned) {
      looked.push({ crop: taken.crop, face: taken.face });
    } else {
      const crop = cropZone(document, layout.zone, turned);
      looked.push({ crop, face: bestFace(detector.detectFaces(crop.image)) });
    }
    // A face the detector is sure of settles which way up the document is: no need to turn it.
    if ((looked.at(-1)!.face?.score ?? 0) >= PORTRAIT_THRESHOLDS.minSureFaceScore) break;
  }
  const best = looked.reduce((a, b) => ((b.face?.score ?? 0) > (a.face?.score ?? 0) ? b : a));
  const face = best.face;
  const sure = face !== null && face.score >= PORTRAIT_THRESHOLDS.minSureFaceScore;
  // Over the face when one was found: a finger only over a face the detector is sure of, since the
  // face's own skin, joined to the edge on a tight crop, is not told from a finger's (real-ids: faces
  // scored 0.50-0.66 had 0.74-0.89 of their place "covered" so). Where no face was found, on a side
  // that should show one, over where its face should be, at whichever end (the way up unknown) is
  // the worse. An unsure face on a side without a portrait (a card's ghost image) is not judged.
  const judgements =
    face !== null && (sure || expected)
      ? [{ crop: best.crop, ...measureOver(best.crop.image, boxShare(face.box), layout, sure, paper) }]
      : expected
        ? looked.map(({ crop }) => ({
            crop,
            ...measureOver(crop.image, zoneShare(layout.face, layout.zone), layout, true, paper),
          }))
        : [];
  const worst = judgements.reduce<(typeof judgements)[number] | null>(
    (a, b) => (a === null || Math.max(b.glare, b.covered) > Math.max(a.glare, a.covered) ? b : a),
    null,
  );
  const crop = worst?.crop ?? best.crop;
  const { glare, covered } = worst ?? { glare: 0, covered: 0 };
  return {
    expected,
    zone: crop.zoneInDocument,
    face: face && { box: best.crop.toDocument(boxShare(face.box)), score: round(face.score, 3) },
    judgedOver: worst === null ? null : face !== null ? 'face' : 'expected-face',
    glare: round(glare, 3),
    covered: round(covered, 3),
  };
}

function bestFace(faces: readonly DetectedFace[]): DetectedFace | null {
  return faces.reduce<DetectedFace | null>(
    (best, face) => (best === null || face.score > best.score ? face : best),
    null,
  );
}

/**
 * On a grid of the zone: the share of `part`'s cells that are shine (bright in every channel and
 * colourless: the print under it is gone), and the share under skin that is joined to one of the
 * document's `edges` through skin (a finger reaches in from outside; the portrait's own face does not
 * touch the document's edge).
 */
function measureOver(
  image: RgbaImage,
  part: Share,
  layout: PortraitLayout,
  judgeCover: boolean,
  paper: Rgb,
): { glare: number; covered: number } {
  const { columns, rows, rgb } = cellMeans(image, GRID_CELLS);
  const glare = new Uint8Array(columns * rows);
  const skin = new Uint8Array(columns * rows);
  for (let index = 0; index < columns * rows; index++) {
    const [r, g, b] = [rgb[index * 3]!, rgb[index * 3 + 1]!, rgb[index * 3 + 2]!];
    const low = Math.min(r, g, b);
    glare[index] =
      low >= PORTRAIT_THRESHOLDS.glareLevel && Math.max(r, g, b) - low <= PORTRAIT_THRESHOLDS.glareMaxChroma
        ? 1
        : 0;
    skin[index] = isSkin(r, g, b) && !nearColour([r, g, b], paper) ? 1 : 0;
  }
  const minContact = Math.ceil((MIN_FINGER_CONTACT_MM / layout.zoneMmTall) * rows);
  const finger = joinedToEdges(skin, columns, rows, layout.edges, minContact);
  const [c0, c1] = [Math.floor(part.x0 * columns), Math.ceil(part.x1 * columns)];
  const [r0, r1] = [Math.floor(part.y0 * rows), Math.ceil(part.y1 * rows)];
  let cells = 0;
  let shine = 0;
  let under = 0;
  for (let row = r0; row < Math.min(rows, r1); row++)
    for (let column = c0; column < Math.min(columns, c1); column++) {
      cells++;
      shine += glare[row * columns + column]!;
      under += finger[row * columns + column]!;
    }
  if (cells === 0) return { glare: 0, covered: 0 };
  return { glare: shine / cells, covered: judgeCover ? under / cells : 0 };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
