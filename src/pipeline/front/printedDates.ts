/**
 * Dates as documents print them on their fronts, found in a line of OCR'd text: where each one sits
 * in the line (for its label and its column) and which calendar day it is.
 */
import { lookAlikesFor } from '../lookAlikes.ts';
import type { IsoDate } from '../types.ts';

/** A date found in a line: the day, and the characters of the line it was read from. */
export interface PrintedDate {
  readonly date: IsoDate;
  /** Index of its first character in the line's text, and one past its last. */
  readonly start: number;
  readonly end: number;
}

/**
 * How the document writes a day: day first (every European document: ICAO 9303 part 4 §7.1 shows
 * "DD MM YYYY" or "DD MMM YYYY" in the visual zone, the EU licence "DD.MM.YYYY") or month first
 * (US documents: AAMVA's DL/ID Card Design Standard, 2020, prints "MM/DD/CCYY"); where the state
 * is not known, only a date both orders read alike, or only one order reads at all ("11/20/2019").
 */
export type DayOrder = 'day-first' | 'month-first' | 'unknown';

/** A 19xx or 20xx year not in a longer run of digits, which keeps a licence number from reading as a date. */
const YEAR = '((?:19|20)\\d{2})(?!\\d)';

/**
 * Month names as passports and cards print them, three or four letters, in the languages of the
 * documents we read (English, French, German, Spanish, Italian, Dutch, Portuguese; ICAO 9303 part 4
 * §7.1 lets the state add its own language's month after a slash: "MAY/MAI").
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['JAN', 'JANV', 'ENE', 'GEN'],
  ['FEB', 'FEV', 'FÉV', 'FEVR', 'FÉVR'],
  ['MAR', 'MARS', 'MÄR', 'MRZ', 'MRT', 'MAA'],
  ['APR', 'AVR', 'ABR'],
  ['MAY', 'MAI', 'MAG', 'MEI'],
  ['JUN', 'JUIN', 'GIU'],
  ['JUL', 'JUIL', 'LUG'],
  ['AUG', 'AOU', 'AOÛ', 'AOUT', 'AOÛT', 'AGO'],
  ['SEP', 'SEPT', 'SET'],
  ['OCT', 'OKT', 'OTT', 'OUT'],
  ['NOV'],
  ['DEC', 'DÉC', 'DEZ', 'DIC'],
];
const MONTH_OF = new Map(MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));
const MONTH_WORD = '([A-ZÄÉÛ]{3,4})\\.?(?:\\s?/\\s?[A-ZÄÉÛ]{3,4}\\.?)?';

/**
 * The forms, each with where its day, month and year are in the match. A separator OCR lost
 * ("0109 2021") is allowed between numbers; a year first ("2038.11.07", as Chinese cards and ISO
 * 8601 write it) needs its separators, or a run of digits would read as one.
 */
const DATE_FORMS: readonly { readonly pattern: RegExp; readonly order: 'dmy' | 'ymd' | 'd-mon-y' }[] = [
  { pattern: new RegExp(`(?<!\\d)((?:19|20)\\d{2})[./-](\\d{2})[./-](\\d{2})(?!\\d)`, 'gu'), order: 'ymd' },
  { pattern: new RegExp(`(?<!\\d)(\\d{2})[-./ ]?(\\d{2})[-./ ]?${YEAR}`, 'gu'), order: 'dmy' },
  { pattern: new RegExp(`(?<!\\d)(\\d{1,2})\\s?${MONTH_WORD}\\s?${YEAR}`, 'gu'), order: 'd-mon-y' },
];

/** What a digit's look-alike letters become where a word is mostly digits (the licence reader's column). */
const AS_DIGIT = lookAlikesFor('licence-digit');

/**
 * Pure: the line with look-alike letters mended to digits in words that are mostly digits ("O1.O1.2O2O"),
 * its length unchanged so that positions still point into the line as read. Words of letters (a month's
 * name) are left alone.
 */
export function mendDigitWords(line: string): string {
  return line.replace(/\S+/gu, (word) => {
    const digits = word.replace(/\D/gu, '').length;
    const letters = [...word].filter((c) => c in AS_DIGIT).length;
    if (digits < 4 || letters === 0 || letters > digits) return word;
    return [...word].map((c) => AS_DIGIT[c] ?? c).join('');
  });
}

/** Pure: every real calendar day printed in the line, left to right, in the document's day order. */
export function datesInLine(line: string, order: DayOrder = 'day-first'): PrintedDate[] {
  const text = mendDigitWords(line.toUpperCase());
  const found: PrintedDate[] = [];
  for (const form of DATE_FORMS) {
    for (const match of text.matchAll(form.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      const date = dateOf(match, form.order, order);
      if (date) found.push({ date, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function dateOf(match: RegExpMatchArray, form: 'dmy' | 'ymd' | 'd-mon-y', order: DayOrder): IsoDate | null {
  const [, a = '', b = '', c = ''] = match;
  if (form === 'ymd') return isoDateOf(a, b, c);
  if (form === 'd-mon-y') {
    const month = MONTH_OF.get(b);
    return month === undefined ? null : isoDateOf(c, String(month), a);
  }
  const dayFirst = isoDateOf(c, b, a);
  const monthFirst = isoDateOf(c, a, b);
  if (order === 'unknown') {
    // Only a day that the other order does not read as another day.
    return !dayFirst || !monthFirst || dayFirst === monthFirst ? (dayFirst ?? monthFirst) : null;
  }
  return order === 'month-first' ? monthFirst : dayFirst;
}

/** The ISO date of a year, month and day, or null where that day does not exist. */
export function isoDateOf(year: string, month: string, day: string): IsoDate | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(m)}-${pad(d)}`;
}
