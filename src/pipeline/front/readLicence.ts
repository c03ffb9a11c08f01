/**
 * Driving licences without an MRZ: recognise a UK or EU photocard licence from its printed text, read
 * its expiry (field 4b), its issuer (the distinguishing sign in its flag, else the country or language
 * printed on it) and, on a UK licence, cross-check the driver number (field 5) against the surname
 * (field 1) and date of birth (field 3). See README.md in this folder.
 */
import { COUNTRIES, NON_EUROPEAN_STATE_NAMES } from '../countries.ts';
import { lookAlikesFor } from '../lookAlikes.ts';
import type { DistinguishingSign, IsoDate, LicenceReading } from '../types.ts';
import { readLabelledDates, textOf, type PrintedLine } from './labelledDates.ts';

/**
 * The order a licence's titles and printed country names are tried in, where a card shows two (a
 * Belgian licence: RIJBEWIJS, PERMIS DE CONDUIRE, FÜHRERSCHEIN): the first found names the issuer until
 * the sign or a country corrects it. The card readers take the table's order; this reader's differs
 * (German first), and is kept as it was so that no reading changes.
 */
const LICENCE_ORDER = ['GBR', 'DEU', 'FRA', 'ESP', 'NLD', 'ITA', 'POL', 'PRT', 'IRL', 'BEL', 'AUT', 'LUX'];

function inLicenceOrder<T extends { readonly issuer: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => LICENCE_ORDER.indexOf(a.issuer) - LICENCE_ORDER.indexOf(b.issuer));
}

/**
 * Title words of the EU model card (Directive 2006/126/EC, Annex I: "driving licence" in the issuing
 * state's language) and the state they point to when nothing better names it: each state's from the
 * country table (countries.ts), then an English title for any state. A language shared by several
 * states (German, French, Dutch) points to its largest, and the sign in the flag corrects it. The UK
 * card says "DRIVING LICENCE" and "UNITED KINGDOM" (DVLA, INF45).
 */
const LICENCE_TITLES: readonly { readonly pattern: RegExp; readonly issuer: string | null }[] = [
  ...inLicenceOrder(
    COUNTRIES.flatMap(({ code, licenceTitle: pattern }) => (pattern ? [{ pattern, issuer: code }] : [])),
  ),
  { pattern: /DRIVING LICEN[CS]E|LEARNER PERMIT/u, issuer: null },
];

/**
 * Marks of a North American licence that prints a title our table holds: Ontario's and New
 * Brunswick's bilingual "DRIVER'S LICENCE / PERMIS DE CONDUIRE"; Québec's "PERMIS DE CONDUIRE" from
 * the "SOCIÉTÉ DE L'ASSURANCE AUTOMOBILE DU QUÉBEC" (SAAQ), its issuer (the provinces' own card
 * designs). The EU model's English title is "DRIVING LICENCE", never "DRIVER'S" (Directive
 * 2006/126/EC, Annex I). Not a province's or country's name: a European licence may print one as the
 * holder's place of birth (field 3, "MONTREAL (CANADA)"). Without a European sign read in its flag, a
 * card with one of these marks is no European licence, whatever its title.
 */
export const NORTH_AMERICAN_MARKS = /DRIVER'?S\s*LICEN[CS]E|ASSURANCE\s*AUTOMOBILE|\bSAAQ\b/u;

/** Country names printed on the card, for the issuer where the title is shared (English). */
const COUNTRY_NAMES = inLicenceOrder(
  COUNTRIES.flatMap(({ code, nameOnLicences: pattern }) => (pattern ? [{ pattern, issuer: code }] : [])),
);

/**
 * Words that make a licence provisional or a learner's permit, which NHS login does not accept from
 * EU states (it accepts UK provisional licences). As printed on the permits: the UK's "PROVISIONAL"
 * (DVLA, INF45); Ireland's "LEARNER PERMIT" / "CEADÚNAS FOGHLAIMEORA" (RSA, in the model-card layout);
 * Belgium's "VOORLOPIG RIJBEWIJS" / "PERMIS DE CONDUIRE PROVISOIRE" / "VORLÄUFIGER FÜHRERSCHEIN";
 * Luxembourg's "PERMIS D'APPRENTISSAGE".
 */
const PROVISIONAL_WORDS = /PROVISIONAL|PROVISOIRE|VOORLOPIG|VORL[AÄ]UFIG|LEARNER|FOGHLAIMEORA|APPRENTISSAGE/u;

/** Pure: whether the text carries a driving licence's title in any of the languages known. */
export function hasLicenceTitle(lines: readonly string[]): boolean {
  const text = lines.join('\n').toUpperCase();
  return LICENCE_TITLES.some((t) => t.pattern.test(text));
}

/**
 * DD.MM.YYYY as the model card prints dates, or DD MM YYYY as the CNIe does; OCR sometimes loses a
 * separator ("0109 2021"), so each is optional, and then only a 19xx or 20xx year, not in a longer run
 * of digits, keeps a licence number from reading as a date.
 */
const DATE = /(?<!\d)(\d{2})[./ ]?(\d{2})[./ ]?((?:19|20)\d{2})(?!\d)/u;

/**
 * Pure: from the OCR'd lines of a card (and the sign read from its flag, when there is one) to what
 * it says, or null when it is not a driving licence.
 */
export function parseLicenceText(
  printed: readonly PrintedLine[],
  sign: DistinguishingSign | null = null,
): LicenceReading | null {
  const lines = printed.map(textOf);
  const text = lines.join('\n').toUpperCase();
  const title = LICENCE_TITLES.find((t) => t.pattern.test(text));
  if (!title) return null;
  // A title in a European state's language on a card from outside Europe (countries.ts).
  if (!sign && (NORTH_AMERICAN_MARKS.test(text) || NON_EUROPEAN_STATE_NAMES.test(text))) return null;
  const country = COUNTRY_NAMES.find((c) => c.pattern.test(text))?.issuer ?? null;
  // The sign names the state outright; a country printed on the card next; the title's language;
  // last, on an English title, the DVLA's own marks (the UK card with the Union flag has no sign).
  const [issuer, issuerFrom] = sign
    ? ([sign.issuer, 'sign'] as const)
    : country
      ? ([country, 'country'] as const)
      : title.issuer === null && isDvlaCard(text)
        ? (['GBR', 'dvla'] as const)
        : ([title.issuer, 'title'] as const);
  // An English title alone could be any country's licence (a US or Australian one is not accepted):
  // without a UK or EU sign or country on it, it is not recognised.
  if (issuer === null) return null;
  const kind = issuer === 'GBR' ? 'uk-driving-licence' : 'eu-driving-licence';

  const validDates = datesIn(lines).sort();
  // Field 4b, or an expiry label, names the expiry (labelledDates.ts); with no such label, birth <
  // issue < expiry on every licence, so of three or more dates the latest. A label whose date was
  // not read, or broke that order, leaves the expiry unread: the latest could be a misread 4a.
  const labelledDates = readLabelledDates(printed);
  const labelled = labelledDates.expiry;
  const latest = !labelledDates.expiryLabelled && validDates.length >= 3 ? validDates.at(-1)! : null;
  const expiry = labelled ?? latest;
  // Field 3, else the earliest date on the card: birth precedes issue and expiry.
  const birthDate = labelledDates.birth ?? (validDates.length >= 2 ? validDates[0]! : null);

  const driverNumber = kind === 'uk-driving-licence' ? findUkDriverNumber(text) : null;
  // The surname is checked against the card's other lines: the number's own letters would always match.
  const otherText = text
    .split('\n')
    .filter((line) => !driverNumber || !line.replace(/[^A-Z0-9]/gu, '').includes(driverNumber))
    .join('\n');
  return {
    kind,
    issuer,
    issuerFrom,
    sign: sign?.sign ?? null,
    provisional: PROVISIONAL_WORDS.test(text),
    expiry,
    expiryFrom: labelled ? '4b' : expiry ? 'latest-date' : null,
    birthDate,
    driverNumber,
    driverNumberConsistent:
      driverNumber && birthDate ? isUkDriverNumberConsistent(driverNumber, birthDate, otherText) : null,
  };
}

/**
 * The DVLA's marks on a UK photocard, which name the UK where no sign or country does (the cards
 * issued since 2019 carry the Union flag, with no distinguishing sign in it, and print no country
 * name): "DVLA" as the issuing authority in field 4c, or a driver number in field 5 in the DVLA's
 * 16-character format (INF45), which no other state's licence number follows.
 */
function isDvlaCard(text: string): boolean {
  return /\bDVLA\b/u.test(text) || findUkDriverNumber(text) !== null;
}

/** Every valid calendar date printed in the lines, in the order read. */
export function datesIn(lines: readonly string[]): IsoDate[] {
  return lines
    .flatMap((line) => [...line.matchAll(new RegExp(DATE, 'gu'))].map((m) => isoDate(m)))
    .filter((d): d is IsoDate => d !== null);
}

function isoDate(match: RegExpMatchArray): IsoDate | null {
  const [, dd, mm, yyyy] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/**
 * DVLA driver number (16 characters): 5 of the surname padded with 9, the decade digit of the birth
 * year, the birth month (+50 for women), the day, the year's last digit, 2 initials padded with 9,
 * an arbitrary digit, and 2 check characters.
 */
const UK_DRIVER_NUMBER = /([A-Z9]{5})(\d)([0156]\d)([0-3]\d)(\d)([A-Z9]{2})(\d)([A-Z0-9]{2})/u;
/** Where each position must be a letter (L, or the 9 padding) or a digit (D), for look-alike repair. */
const UK_DRIVER_NUMBER_CLASSES = 'LLLLLDDDDDDLLDXX';
/** What those positions make of a look-alike (the licence reader's column of ../lookAlikes.ts). */
const AS_LETTER = lookAlikesFor('licence-letter');
const AS_DIGIT = lookAlikesFor('licence-digit');

export function findUkDriverNumber(text: string): string | null {
  // OCR breaks the number with stray punctuation or spaces, and reads letters as look-alike digits
  // and back: each 16-character window is mended by what its positions must hold, then matched.
  for (const line of text.split('\n')) {
    const compact = line.replace(/[^A-Z0-9]/gu, '');
    for (let start = 0; start + 16 <= compact.length; start++) {
      const number = ukDriverNumberIn(compact.slice(start, start + 16));
      if (number) return number;
    }
  }
  return null;
}

/** The 16 characters (capitals and digits) mended by what each position must hold, if a driver number. */
export function ukDriverNumberIn(window: string): string | null {
  const mended = [...window]
    .map((c, i) => {
      const kind = UK_DRIVER_NUMBER_CLASSES[i];
      if (kind === 'L') return AS_LETTER[c] ?? c;
      if (kind === 'D') return AS_DIGIT[c] ?? c;
      return c;
    })
    .join('');
  const match = UK_DRIVER_NUMBER.exec(mended);
  return match && match.index === 0 ? match[0] : null;
}

/**
 * Whether the driver number's birth-date digits match the birth date and its surname part begins a
 * word of `otherText` (the card's text without the number's own line).
 */
export function isUkDriverNumberConsistent(
  driverNumber: string,
  birthDate: IsoDate,
  otherText: string,
): boolean {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const monthCode = Number(driverNumber.slice(6, 8));
  const dateAgrees =
    driverNumber[5] === year[2] &&
    (monthCode === Number(month) || monthCode === Number(month) + 50) &&
    driverNumber.slice(8, 10) === day &&
    driverNumber[10] === year[3];
  const surnamePart = driverNumber.slice(0, 5).replace(/9+$/u, '');
  const words = otherText.split(/[^A-Z]+/u).filter((word) => word.length >= 2);
  const surnameAgrees = words.some((word) => word.startsWith(surnamePart));
  return dateAgrees && surnameAgrees;
}
