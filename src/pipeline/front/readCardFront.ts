/**
 * The front of an identity card or residence permit whose MRZ is on the back (TD1: the French CNIe of
 * 2021, the German Personalausweis, a UK biometric residence permit): what it is, who issued it, and
 * the expiry where a label says which date that is. Its details can only be checked on the back.
 */
import { COUNTRIES, NON_EUROPEAN_STATE_NAMES } from '../countries.ts';
import type { CardFrontReading } from '../types.ts';
import { readLabelledDates, textOf, type PrintedLine } from './labelledDates.ts';

/**
 * Titles on card fronts and what kind of document they name, with the state they point to when no
 * country is printed beside them: each state's from the country table (countries.ts), residence
 * permits first, between an English title of each kind for any state (the UK's BRP reads "RESIDENCE
 * PERMIT") and a generic one.
 */
const CARD_TITLES: readonly {
  readonly pattern: RegExp;
  readonly kind: 'id-card' | 'residence-permit';
  readonly issuer: string | null;
}[] = [
  // The UK's application registration card (ARC), which carries no MRZ, prints its name as its title;
  // NHS login lists it beside the BRP and the residence card ([NHS-LOGIN-2024]).
  { pattern: /APPLICATION\s+REGISTRATION\s+CARD/u, kind: 'residence-permit', issuer: 'GBR' },
  { pattern: /RESIDENCE (PERMIT|CARD)/u, kind: 'residence-permit', issuer: null },
  ...COUNTRIES.flatMap(({ code, residencePermitTitle: pattern }) =>
    pattern ? [{ pattern, kind: 'residence-permit' as const, issuer: code }] : [],
  ),
  ...COUNTRIES.flatMap(({ code, idCardTitle: pattern }) =>
    pattern ? [{ pattern, kind: 'id-card' as const, issuer: code }] : [],
  ),
  { pattern: /CARTE D.?IDENTIT|IDENTITY CARD/u, kind: 'id-card', issuer: null },
];

/** States' names as their cards print them, which settle a shared or English title. */
const STATE_NAMES = COUNTRIES.flatMap(({ code, nameOnCards: pattern }) =>
  pattern ? [{ pattern, issuer: code }] : [],
);

/** Pure: from the OCR'd lines of a card to what its front says, or null when no card title is on it. */
export function parseCardFrontText(lines: readonly PrintedLine[]): CardFrontReading | null {
  const text = lines.map(textOf).join('\n').toUpperCase();
  const title = CARD_TITLES.find((t) => t.pattern.test(text));
  if (!title || NON_EUROPEAN_STATE_NAMES.test(text)) return null;
  const issuer = STATE_NAMES.find((s) => s.pattern.test(text))?.issuer ?? title.issuer;
  // Only a date its label names (labelledDates.ts), or the end of a validity period printed as one.
  const { expiry, validityEnd } = readLabelledDates(lines);
  return { kind: title.kind, issuer, expiry: expiry ?? validityEnd };
}
