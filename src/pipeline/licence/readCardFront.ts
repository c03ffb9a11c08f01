/**
 * The front of an identity card or residence permit whose MRZ is on the back (TD1: the French CNIe of
 * 2021, the German Personalausweis, a UK biometric residence permit): what it is, who issued it, and
 * the expiry where a label says which date that is. Its details can only be checked on the back.
 */
import type { CardFrontReading } from '../types.ts';
import { dateAfterLabel } from './readLicence.ts';

/**
 * Titles on card fronts and what kind of document they name, with the state they point to when no
 * country is printed beside them. ID cards: the title in the issuing state's language (as on the
 * cards; ICAO 9303 part 5 leaves the wording to the state). Residence permits: the EU uniform format
 * titles them in the state's language (Council Regulation (EC) No 1030/2002, annex, field 1), and the
 * UK's BRP reads "RESIDENCE PERMIT".
 */
const CARD_TITLES: readonly {
  readonly pattern: RegExp;
  readonly kind: 'id-card' | 'residence-permit';
  readonly issuer: string | null;
}[] = [
  { pattern: /RESIDENCE (PERMIT|CARD)/u, kind: 'residence-permit', issuer: null },
  { pattern: /TITRE DE S[EÉ]JOUR/u, kind: 'residence-permit', issuer: 'FRA' },
  { pattern: /AUFENTHALTSTITEL/u, kind: 'residence-permit', issuer: 'DEU' },
  { pattern: /PERMESSO DI SOGGIORNO/u, kind: 'residence-permit', issuer: 'ITA' },
  { pattern: /VERBLIJFSDOCUMENT|VERBLIJFSVERGUNNING/u, kind: 'residence-permit', issuer: 'NLD' },
  { pattern: /CARTE NATIONALE D.?IDENTIT/u, kind: 'id-card', issuer: 'FRA' },
  { pattern: /PERSONALAUSWEIS/u, kind: 'id-card', issuer: 'DEU' },
  { pattern: /DOCUMENTO NACIONAL DE IDENTIDAD/u, kind: 'id-card', issuer: 'ESP' },
  { pattern: /CARTA D.?IDENTIT/u, kind: 'id-card', issuer: 'ITA' },
  { pattern: /IDENTITEITSKAART/u, kind: 'id-card', issuer: 'NLD' },
  { pattern: /CART[AÃ]O DE CIDAD[AÃ]O/u, kind: 'id-card', issuer: 'PRT' },
  { pattern: /DOW[OÓ]D OSOBISTY/u, kind: 'id-card', issuer: 'POL' },
  { pattern: /CARTE D.?IDENTIT|IDENTITY CARD/u, kind: 'id-card', issuer: null },
];

/** States' names as their cards print them, which settle a shared or English title. */
const STATE_NAMES: readonly { readonly pattern: RegExp; readonly issuer: string }[] = [
  { pattern: /UNITED KINGDOM/u, issuer: 'GBR' },
  { pattern: /R[EÉ]PUBLIQUE FRAN[CÇ]AISE/u, issuer: 'FRA' },
  { pattern: /BUNDESREPUBLIK DEUTSCHLAND/u, issuer: 'DEU' },
  { pattern: /REINO DE ESPA[NÑ]A/u, issuer: 'ESP' },
  { pattern: /REPUBBLICA ITALIANA/u, issuer: 'ITA' },
  { pattern: /KONINKRIJK DER NEDERLANDEN/u, issuer: 'NLD' },
  { pattern: /ROYAUME DE BELGIQUE|KONINKRIJK BELGI[EË]|BELGIQUE|BELGI[EË]/u, issuer: 'BEL' },
  { pattern: /LUXEMBOURG/u, issuer: 'LUX' },
  { pattern: /IRELAND|[EÉ]IRE/u, issuer: 'IRL' },
];

/**
 * Labels of the expiry field, in the languages of the titles above and English, which the cards print
 * beside their own (the CNIe: "DATE D'EXPIR."; the Personalausweis: "GÜLTIG BIS"; the BRP: "VALID UNTIL").
 */
const EXPIRY_LABEL = /DATE D.?EXPIR|EXPIRY|VALID UNTIL|G[UÜ]LTIG BIS|VALIDEZ|SCADENZA|GELDIG TOT/u;

/** Pure: from the OCR'd lines of a card to what its front says, or null when no card title is on it. */
export function parseCardFrontText(lines: readonly string[]): CardFrontReading | null {
  const upper = lines.map((line) => line.toUpperCase());
  const text = upper.join('\n');
  const title = CARD_TITLES.find((t) => t.pattern.test(text));
  if (!title) return null;
  const issuer = STATE_NAMES.find((s) => s.pattern.test(text))?.issuer ?? title.issuer;
  return { kind: title.kind, issuer, expiry: dateAfterLabel(upper, EXPIRY_LABEL) };
}
