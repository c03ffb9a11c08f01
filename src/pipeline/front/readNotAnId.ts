/**
 * Printed text that names no licence or card we read: what it says it is when it says so (a bank
 * card, a US licence, a non-European ID card, a card NHS login refuses, a voucher, a page of prose),
 * and whether it shows any sign of an identity document at all. The rules fail `accepted-document`
 * on the first, and on the second only for a clear photo of a whole object
 * (rules/acceptedDocument.ts): an ID we could not read stays unsure.
 */
import type { NotAnIdKind, NotAnIdReading } from '../types.ts';
import { readLabelledDates, textOf, type PrintedLine } from './labelledDates.ts';
import { hasLuhnCardNumber, NOT_AN_ID, US_ADDRESS } from './notAnIdSigns.ts';
import type { DayOrder } from './printedDates.ts';
import { datesIn } from './readLicence.ts';

export { hasLuhnCardNumber };

/**
 * Words and labels an identity document prints (its title, its fields' names, the EU licence's field
 * numbers 4a to 4c), in the languages of the documents we read: any one of them, or a date in a
 * document's DD.MM.YYYY form, is a sign that this may be an ID we could not read.
 */
const ID_WORDS =
  /PASSPORT|PASSEPORT|PASAPORTE|REISEPASS|IDENTIT|IDENTIDAD|AUSWEIS|LICEN[CS]E|PERMI[ST]|F[UÜ]HRERSCHEIN|RIJBEWIJS|SURNAME|GIVEN NAMES?|NATIONALIT|BIRTH|EXPIRY|\bSEX\b|\bNOM\b|PR[EÉ]NOM|GEBURT|NACIMIENTO|\bCARD\b|\bCARTE\b|\bCARTA\b|KAART|KARTA|DOCUMENT|^\s*4\s*[abcABC]\b/mu;

/** A date with a two-digit year, as a licence's back (field 10, 11) and the UK's field 3 print it. */
const SHORT_DATE = /(?<!\d)\d{2}[./]\d{2}[./]\d{2}(?!\d)/u;
/**
 * The EU licence's categories (Directive 2006/126/EC, Article 4), as its back lists them in field 9:
 * three of them, each a word of its own, are the back of a licence. AM, BE and DE are left out: they
 * are words of prose too ("am", "be", "de").
 */
const LICENCE_CATEGORIES = /\b(A1|A2|B1|C1|C1E|CE|D1|D1E)\b/gu;

/**
 * What marks a card as American, whose dates are month first ([US-DL] §2.4: "MM/DD/CCYY"): elsewhere
 * a date is read only where both orders agree (printedDates.ts).
 */
const US_SIGNS = new RegExp(
  `${/\bUSA\b|UNITED STATES|\bNYC\b|IDNYC|DRIVER'?S?\s*LICENSE|FEDERAL\s*LIMITS|\bRSTR|\bEND\s*NONE\b/u.source}|${US_ADDRESS.source}`,
  'u',
);

const NO_ID_EXPIRY: ReadonlySet<NotAnIdKind> = new Set(['bank-card', 'business-card', 'health-card']);

/**
 * Pure: from the OCR'd lines, as read each way up, to what they say about a non-document. The
 * labelled expiry is looked for in each reading on its own, its boxes being that image's.
 */
export function parseNotAnIdText(waysUp: readonly (readonly PrintedLine[])[]): NotAnIdReading | null {
  const lines = waysUp.flat().map(textOf);
  const text = lines.join('\n').toUpperCase();
  // A payment card prints its dates as MM/YY only: a full date (an entry clearance visa's "VISA …
  // Valid from 03.02.2026") is not a bank card's.
  const fullDates = datesIn(lines).length > 0;
  // Contact details beside an ID's word or a full date may be an ID's issuer's: not a business card.
  const idLike = fullDates || ID_WORDS.test(text);
  const found = NOT_AN_ID.filter(
    ({ seen }) => !(seen === 'bank-card' && fullDates) && !(seen === 'business-card' && idLike),
  ).find(({ signs, count }) => signs.filter((sign) => sign(text)).length >= count);
  // What no state issues as ID has no expiry of an ID's to judge.
  if (found && NO_ID_EXPIRY.has(found.seen)) return { seen: found.seen };
  if (found) {
    // Another state's ID is still in or out of date by the expiry under its label.
    const order: DayOrder = US_SIGNS.test(text) ? 'month-first' : 'unknown';
    const read = waysUp
      .map((printed) => readLabelledDates(printed, order).expiry)
      .filter((date) => date !== null);
    const expiry = new Set(read).size === 1 ? read[0] : undefined;
    return expiry ? { seen: found.seen, expiry } : { seen: found.seen };
  }
  const categories = new Set(text.match(LICENCE_CATEGORIES) ?? []);
  if (idLike || SHORT_DATE.test(text) || categories.size >= 3) return null;
  return { seen: lines.filter(isProse).length >= MIN_PROSE_LINES ? 'page-of-text' : null };
}

/**
 * Lines of running prose that make a page of text, not an ID: an ID prints a title, labels and
 * values, and no paragraphs. Only where no ID word, document date or licence category was read.
 */
const MIN_PROSE_LINES = 6;

/**
 * Pure: a line of running prose as OCR reads it: 24 characters or more, six or more words that each
 * hold a vowel, in lower case mostly (a document's values are in capitals, its labels short, and a
 * label in two or three languages parts them with a slash: ICAO 9303 part 4's "Date of expiry/Date
 * d'expiration"). Garbage read from a picture or a sideways page is capitals, digits and symbols.
 */
export function isProse(line: string): boolean {
  const words = line.trim().split(/\s+/u);
  const letters = line.match(/\p{L}/gu) ?? [];
  const lower = line.match(/\p{Ll}/gu) ?? [];
  const wordLike = words.filter((word) => /^[("'‘“]?\p{L}+(['’-]\p{L}+)*[)"'’”.,;:!?-]*$/u.test(word));
  return (
    line.trim().length >= 24 &&
    wordLike.length >= 6 &&
    !line.includes('/') &&
    wordLike.length >= words.length * 0.8 &&
    wordLike.every((word) => /[aeiouyà-ÿ]/iu.test(word)) &&
    lower.length >= letters.length * 0.7
  );
}
