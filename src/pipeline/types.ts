/**
 * The pipeline's plain-data vocabulary. Every stage takes and returns these: no DOM, no worker API,
 * no file system, so the Web Worker, the CLI and the tests all call the same code.
 */
import type { ImagePoint, Quad } from './pixelSpaces.ts';
import type { PortraitMeasure } from './portraitMeasure.ts';

export type { PortraitMeasure } from './portraitMeasure.ts';
export { pointIn, rectIn } from './pixelSpaces.ts';
export type {
  AnalysisPoint,
  DocumentPoint,
  ImagePoint,
  PixelSpace,
  PointIn,
  Quad,
  Rect,
} from './pixelSpaces.ts';

/** Decoded pixels, 4 bytes a pixel (RGBA), row-major, no padding. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** Named by where they sit in the photo as the person sees it. */
export type CornerName = 'top-left' | 'top-right' | 'bottom-right' | 'bottom-left';
export const CORNER_NAMES: readonly CornerName[] = ['top-left', 'top-right', 'bottom-right', 'bottom-left'];

export type EdgeName = 'top' | 'right' | 'bottom' | 'left';

export type Status = 'pass' | 'fail' | 'unsure';

export type RuleId = 'four-corners' | 'clear-photo' | 'in-date' | 'accepted-document' | 'valid-details';
export const RULE_IDS: readonly RuleId[] = [
  'four-corners',
  'clear-photo',
  'in-date',
  'accepted-document',
  'valid-details',
];

export type DocumentKind =
  | 'passport'
  | 'id-card'
  | 'uk-driving-licence'
  | 'eu-driving-licence'
  | 'visa'
  | 'residence-permit'
  | 'other'
  | 'unknown';

/** ISO 8601 calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/** Whether `value` is a YYYY-MM-DD date that exists (not 2026-02-30, which `Date` rolls over to 2 March). */
export function isIsoDate(value: string): value is IsoDate {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export interface RuleResult {
  readonly id: RuleId;
  readonly status: Status;
  /**
   * Why, as a stable code (`expired-within-allowance`, `expired`, `not-accepted`…): the key of the
   * words in rules/texts.ts. The app, the CLI's JSON and tests key on it while the words may change.
   */
  readonly reason: string;
  /** What we found, in plain words, in the NHS's voice. */
  readonly message: string;
  /** What to do for the retake ('' when nothing needs doing). */
  readonly advice: string;
  /** The numbers behind the status: measures, thresholds, which corner, the date read. */
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface DocumentSummary {
  readonly kind: DocumentKind;
  /** ICAO 3-letter code of the issuing state (GBR, FRA, D<< is normalised to DEU), or null. */
  readonly issuer: string | null;
  readonly expiry: IsoDate | null;
  /** The MRZ lines as read (after repair), or null when none was read. */
  readonly mrz: readonly string[] | null;
  /** Driving licences only: true for a provisional licence, false for full, null when unknown. */
  readonly provisional: boolean | null;
}

/** One OCR'd line with the positions of characters that the check digits could not vouch for. */
export interface MrzReading {
  readonly format: MrzFormat;
  readonly lines: readonly string[];
  /** Per line, the columns whose characters are suspect (a failed check digit's field). */
  readonly suspect: readonly (readonly number[])[];
  /**
   * Each check digit's field and whether it holds, after repair; `readable` is false where the check
   * digit's place holds no digit (hidden or unreadable: a `<` there holds only over an empty field).
   */
  readonly checks: readonly { readonly field: string; readonly valid: boolean; readonly readable: boolean }[];
  /** The repairs made: line, column, the character read and the one it became. */
  readonly repairs: readonly { line: number; column: number; from: string; to: string }[];
  /**
   * Failing checks whose characters were not all read for certain (mrz/readMrz.ts: repaired, or with
   * a rival look-alike close behind): their failure may be a misread. Absent when there are none.
   */
  readonly doubtfulFields?: readonly string[];
  /**
   * Every digit of the expiry was read for certain (mrz/certainty.ts), whether or not its check
   * digit holds: the date stands as printed. Absent otherwise.
   */
  readonly expiryReadForCertain?: boolean;
}

export type MrzFormat =
  | 'TD1'
  | 'TD2'
  | 'TD3'
  | 'MRVA'
  | 'MRVB'
  | 'FRENCH_DRIVING_LICENSE'
  /** The French national identity card of 1988-2021: two lines of 36, not ICAO's TD2. */
  | 'FRENCH_NATIONAL_ID';

/** The 37 characters an MRZ may hold (ICAO 9303 part 3, 4.1): the OCR engine is told to read no others. */
export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** The issuing state's distinguishing sign, read from the flag of an EU model driving licence. */
export interface DistinguishingSign {
  /** The sign as printed: 'F', 'IRL'. */
  readonly sign: string;
  /** Its ICAO code: 'FRA', 'IRL'. */
  readonly issuer: string;
}

/** What a driving licence's printed front says (front/readLicence.ts). */
export interface LicenceReading {
  readonly kind: 'uk-driving-licence' | 'eu-driving-licence';
  readonly issuer: string | null;
  /**
   * What named the issuer: the sign in the flag, a country printed on the card, the title's language,
   * or (an English title with neither) the DVLA's marks: "DVLA" in field 4c, a DVLA-format number.
   * Null on a licence's back, which names no state (front/readLicenceBack.ts).
   */
  readonly issuerFrom: 'sign' | 'country' | 'title' | 'dvla' | null;
  /** The distinguishing sign as read from the flag ('F', 'IRL', 'UK'), or null. */
  readonly sign: string | null;
  readonly provisional: boolean;
  readonly expiry: IsoDate | null;
  /** Whether the expiry came from field 4b's label, or as the latest of three or more dates. */
  readonly expiryFrom: '4b' | 'latest-date' | null;
  readonly birthDate: IsoDate | null;
  readonly driverNumber: string | null;
  /** UK only: the driver number agrees with the surname and birth date; null when not checkable. */
  readonly driverNumberConsistent: boolean | null;
  /**
   * Set where the number disagrees: whether it was read for certain (no look-alike mended, every
   * character sure, a second read alike: front/confirmDriverNumber.ts). Only then is it a failure.
   */
  readonly driverNumberReadSurely?: boolean;
}

/** What the front of a card whose MRZ is on the back says (front/readCardFront.ts). */
export interface CardFrontReading {
  readonly kind: 'id-card' | 'residence-permit';
  readonly issuer: string | null;
  /** The date under an expiry label, or null when none is labelled (or it could not be read). */
  readonly expiry: IsoDate | null;
}

/** What printed text that is no accepted document's says it is (front/readNotAnId.ts). */
export type NotAnIdKind = RefusedCardKind | 'voucher' | 'business-card' | 'page-of-text' | 'health-card';
type RefusedCardKind = 'bank-card' | 'non-european-licence' | 'non-european-id-card' | 'refused-card';

/**
 * Printed text read where no MRZ was found that names no licence or card we know: what it says it is
 * (`seen`), or null when it carries no sign of an identity document at all (no title, no dates in a
 * document's format, no field labels).
 */
export interface NotAnIdReading {
  readonly seen: NotAnIdKind | null;
  /** Another state's ID: the date under its expiry label (front/labelledDates.ts), where one was read. */
  readonly expiry?: IsoDate;
}

/**
 * A document's printed front, read where no MRZ was found: a licence's fields, a card's front, or text
 * that is not an accepted document's.
 */
export type FrontReading =
  | { readonly kind: 'licence'; readonly licence: LicenceReading }
  | { readonly kind: 'card-front'; readonly card: CardFrontReading }
  | { readonly kind: 'not-an-id'; readonly notAnId: NotAnIdReading };

export interface Measures {
  /** The longest side of the photo as decoded, pixels. */
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Share of the photo's area that the document covers (0..1), or null without an outline. */
  readonly documentAreaShare: number | null;
  /** Variance of the Laplacian over the rectified document. */
  readonly sharpness: number | null;
  /** Share of the document (0..1, weighted towards text) that is blown-out, colourless glare. */
  readonly glare: number | null;
  /** Median luminance of the document, 0..255. */
  readonly brightness: number | null;
  /** Luminance of the darkest 1% of the document: print stays dark unless the photo is washed out. */
  readonly darkestPrint: number | null;
  /** Height of an MRZ character in the original photo, pixels, or null. */
  readonly textHeightPx: number | null;
  /** Median height of the printed glyphs found on the document, in photo pixels, or null when too few. */
  readonly printHeightPx: number | null;
  /** Variance of the Laplacian over those glyphs only (contrast-stretched), or null when too few. */
  readonly printSharpness: number | null;
  /** How much of that a further 1-px blur removes (measurePrint.ts): ≥ 3 sharp, ≤ 2.5 blurred. */
  readonly printReblurRatio: number | null;
  /**
   * The same ratio taken across and down apart (measurePrint.ts): the least of the two, and that over
   * the most (small: print shaken one way, sharp the other). Absent where not measured (a camera frame).
   */
  readonly printReblurLeastWay?: number | null;
  readonly printReblurBalance?: number | null;
  /** Whether there is evidence of a document at all: an outline, or an MRZ read. */
  readonly documentSeen: boolean;
  /**
   * The holder's portrait on the rectified document (portrait/), when the check looked for it: left
   * out where it did not (no document outline, no face detector, a camera frame).
   */
  readonly portrait?: PortraitMeasure;
  /** Pen ink written over the print (clarity/measureHandwriting.ts), where a document was rectified. */
  readonly handwriting?: HandwritingMeasure;
}

/** Ballpoint-blue strokes on the rectified document, per mille of its area: all of them, and those on or against print. */
export interface HandwritingMeasure {
  readonly penPerMille: number;
  readonly overPrintPerMille: number;
  /** Whether enough of them lie over the print to call it handwriting other than a signature. */
  readonly writtenOver: boolean;
}

/**
 * A photo as both decoders hand it to the check: its full pixels, perhaps still decoding, and the
 * small copy the outline is searched on (longest side ANALYSIS_SIDE_PX in sizes.ts, or the photo
 * itself when smaller) when the decoder made one on the way. Node's decoder makes it for a big photo,
 * because libvips shrinks a JPEG while decoding it far faster than OpenCV.js can, and the outline is
 * then searched while the full decode finishes; otherwise (null) the check shrinks the full photo.
 */
export interface PendingPhoto {
  readonly analysis: RgbaImage | null;
  readonly full: Promise<RgbaImage>;
}

/** A photo already decoded whole, as the check takes it. */
export function readyPhoto(image: RgbaImage): PendingPhoto {
  return { analysis: null, full: Promise.resolve(image) };
}

export type CheckStep = 'loading' | 'outline' | 'clarity' | 'mrz' | 'licence' | 'rules';

/**
 * Which side of a two-sided card the photo shows, where it tells: the back of a card whose code is
 * there (a TD1 ID card or residence card: ICAO 9303 part 5 puts its MRZ on the back), or the front,
 * read by its printed title. The front, with the face, is the photo NHS login needs.
 */
export type CardSide = 'front' | 'back';

export interface CheckReport {
  readonly verdict: Status;
  readonly rules: readonly RuleResult[];
  readonly document: DocumentSummary;
  /** Image pixels; corners off the frame lie outside 0..width, 0..height. */
  readonly outline: Quad<ImagePoint> | null;
  readonly missingCorners: readonly CornerName[];
  readonly mrzReading: MrzReading | null;
  /** A card's side, where the photo shows one: the back is never the photo to upload. */
  readonly side: CardSide | null;
  readonly measures: Measures;
  readonly timingsMs: Readonly<Record<string, number>>;
  /** Present when the reading budget ran out before the document was read (steps/readingBudget.ts). */
  readonly readingCut?: true;
  /**
   * Present when the photo was judged without reading its text, and why (steps/decideReading.ts): a
   * photo of people, or one too blurred for any print to be read.
   */
  readonly notRead?: 'photo-of-people' | 'too-blurred';
}

export interface CheckOptions {
  /** The date `in-date` judges against. */
  readonly today: IsoDate;
  readonly signal?: AbortSignal;
  readonly onProgress?: (step: CheckStep) => void;
  /** The most ms the check may spend reading (steps/readingBudget.ts); none when left out. */
  readonly readingBudgetMs?: number;
  /** The clock the reading budget is counted on, in ms (Node: the process's CPU time); wall time if left out. */
  readonly readingClock?: () => number;
}
