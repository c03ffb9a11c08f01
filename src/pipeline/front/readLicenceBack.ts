/**
 * The back of an EU model driving licence (Directive 2006/126/EC, Annex I, as amended: fields 9 to
 * 12 as a table, a row per category, AM to DE, with the date each was first granted (field 10) and
 * its expiry (11), two-digit years). The back names no issuer and no holder: it is a licence of the
 * EU model, from any state that issues that model (the EU's, the EEA's, Switzerland's, the UK's), and
 * nothing more. The front is the side NHS login's photo needs; accepted-document can still say the
 * document is a kind it accepts.
 */
import type { LicenceReading } from '../types.ts';
import { textOf, type PrintedLine } from './labelledDates.ts';

/**
 * The Directive's categories as words of their own, their 1 as OCR reads it in a sans-serif face
 * too (I or l: "Al" for A1, in onfido's back and in ours drawn at test time). AM, BE and DE are left
 * out: they are words of prose too ("am", "be", "de"); A and B alone are any letter.
 */
const EU_CATEGORIES = /\b(A[1IL]|A2|B[1IL]|C[1IL]E?|CE|D[1IL]E?)\b/gu;
/** Field 10's and 11's dates, DD.MM.YY. */
const CATEGORY_DATE = /(?<!\d)\d{2}\.\d{2}\.\d{2}(?!\d)/gu;
/**
 * Categories other states print on a licence's back that the EU model has not: South Africa's EB,
 * EC and EC1 (its E before the letter, the EU's after), the US's classes. Any of them: not the EU model.
 */
const OTHER_MODELS = /\b(EB|EC1?|CLASS)\b/u;

/** Three of the Directive's categories, two of their dates, and no other model's categories. */
const MIN_CATEGORIES = 3;
const MIN_DATES = 2;

/** Pure: the lines read one way up, to the back of an EU model licence, or null. */
export function parseLicenceBackText(printed: readonly PrintedLine[]): LicenceReading | null {
  const text = printed.map(textOf).join('\n').toUpperCase();
  const categories = new Set((text.match(EU_CATEGORIES) ?? []).map((code) => code.replace(/[IL]/u, '1')));
  const dates = text.match(CATEGORY_DATE) ?? [];
  if (categories.size < MIN_CATEGORIES || dates.length < MIN_DATES || OTHER_MODELS.test(text)) return null;
  // A provisional licence is no model licence: the back's table is the full licence's.
  return EU_MODEL_LICENCE_UNREAD;
}

/**
 * An EU model licence known as one, but with none of its fields read: no issuer (its sign was not
 * read), no dates, no holder. Provisional false: the model card of the back's table (readLicenceBack)
 * and of the pink look (licenceLook.ts) is the full licence's.
 */
export const EU_MODEL_LICENCE_UNREAD: LicenceReading = {
  kind: 'eu-driving-licence',
  issuer: null,
  issuerFrom: null,
  sign: null,
  provisional: false,
  expiry: null,
  expiryFrom: null,
  birthDate: null,
  driverNumber: null,
  driverNumberConsistent: null,
};
