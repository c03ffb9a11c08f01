/**
 * What an MRZ's codes say: the kind of document and the issuing state.
 *
 * [ICAO-9303]: document codes, ICAO 9303 part 4 §4.2.2 (P passport), part 5 (I, A, C cards;
 *   a second letter R is used by states for residence permits, e.g. the UK BRP `IR`), part 7 (V visas).
 */
import type { DocumentKind } from '../types.ts';

/** What an MRZ's document code says the document is [ICAO-9303]. */
export function kindFromDocumentCode(code: string, format: string): DocumentKind {
  if (format === 'FRENCH_DRIVING_LICENSE') return 'eu-driving-licence';
  const first = code[0];
  const second = code[1] ?? '<';
  if (first === 'P') return 'passport';
  if (first === 'V') return 'visa';
  if (first === 'I' || first === 'A' || first === 'C') return second === 'R' ? 'residence-permit' : 'id-card';
  return 'other';
}

/** Germany writes `D` in the MRZ, padded with fillers (ICAO 9303 part 3 §5). */
export function normaliseIssuer(code: string): string {
  const trimmed = code.replace(/</gu, '');
  return trimmed === 'D' ? 'DEU' : trimmed;
}
