/**
 * Whether the photo's text is worth reading at all (issue 13: a time budget spent where the evidence
 * is). Decided from what the check measured while the MRZ search began, so that a photo no reader
 * can get anything from is judged without the rest of the search and without the front reader:
 * - a photo of people (portrait/lookForPeople.ts): a sure face that is no document's portrait, and
 *   less print in the whole photo than any document shows. A selfie's MRZ search and front reading
 *   took 2.5 s on ../shared/real-photos and could only find nothing.
 * - a photo too blurred for any print to be read (UNREADABLE_BLUR below).
 * Every rule is still judged: the photo's two on the measures, the reading rules unsure for want of
 * anything read (their messages ask for a photo in focus).
 */
import type { Engines } from '../../engines/types.ts';
import type { ClarityMeasures } from '../clarity/measureClarity.ts';
import type { DocumentOutline } from '../outline/findDocumentOutline.ts';
import { lookForPeople, MAX_GLYPHS_OF_PEOPLE, type PeopleMeasure } from '../portrait/lookForPeople.ts';
import type { CheckReport, RgbaImage } from '../types.ts';

/** Why nothing in the photo is read. */
export type NothingToRead = NonNullable<CheckReport['notRead']>;

export interface ReadingDecision {
  /** Null: read the photo as usual. */
  readonly skip: NothingToRead | null;
  /** The look for people, where it was taken (the check reuses it rather than look again). */
  readonly people: PeopleMeasure | null;
}

/**
 * Print blurred past reading: the document's variance of the Laplacian (clarity/README.md) under
 * `maxSharpness`, and no print standing in lines, or print no sharper than `maxPrintSharpness` over
 * its glyphs (clear-photo fails print under 550). Measured with `npm run eval` (2026-12-05) over the
 * fixtures, ../shared and the composites: the blurred photos that read nothing were 10-24 sharp
 * with print at 13-26 or none (fra-driving-licence-blur-8, the focus-blurred id_fail and
 * TUR-AS-02002_S); the blurriest that still read something, a licence title of large print, 20 with
 * print at 40 (gbr-driving-licence-blur-5) and 28 at 57 (the drawn card's focus blur). Both bounds
 * must hold, so a large title that survives the blur is still read.
 */
export const UNREADABLE_BLUR = { maxSharpness: 25, maxPrintSharpness: 30 } as const;

export function decideReading(
  engines: Engines,
  image: RgbaImage,
  outline: DocumentOutline | null,
  clarity: ClarityMeasures,
): ReadingDecision {
  if (isBlurredPastReading(clarity)) return { skip: 'too-blurred', people: null };
  // Looked for only where the print measured is already less than any document's: elsewhere the
  // look would cost a face detection for nothing (it is taken after reading, if nothing was read).
  if (!engines.faces || clarity.print.glyphCount >= MAX_GLYPHS_OF_PEOPLE) return { skip: null, people: null };
  const people = lookForPeople(engines.cv, engines.faces, image, outline?.quad ?? null);
  return { skip: people.photoOfPeople ? 'photo-of-people' : null, people };
}

function isBlurredPastReading({ sharpness, print }: ClarityMeasures): boolean {
  const printSharpness = print.printSharpness ?? 0;
  return sharpness < UNREADABLE_BLUR.maxSharpness && printSharpness < UNREADABLE_BLUR.maxPrintSharpness;
}
