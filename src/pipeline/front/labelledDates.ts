/**
 * A front's dates found by their labels, wherever the fields sit: the date after a label on its line,
 * else the date under it in the label's column (by the OCR's glyph boxes where the reader gave them,
 * else by the labels' and dates' order across the line). Which date is the expiry is said by its
 * label, never guessed as the latest; a date that breaks the order birth < issue < expiry is not
 * trusted. See README.md in this folder.
 */
import type { OcrLine } from '../../engines/types.ts';
import type { IsoDate } from '../types.ts';
import { datesInLine, type DayOrder, type PrintedDate } from './printedDates.ts';

/** A line as read: its text alone, or with its glyphs' boxes (in the pixels of the image read). */
export type PrintedLine = string | Pick<OcrLine, 'text' | 'glyphs'>;

export type DateRole = 'expiry' | 'issue' | 'birth';

/**
 * Labels of the date fields, upper-cased, in the languages of the documents we read. Sources:
 * [EU-DL] Directive 2006/126/EC, Annex I: field 3 date (and place) of birth, 4a date of issue, 4b
 * date of expiry; [ICAO] ICAO 9303 part 5 §4.1 (TD1 front): "Date of expiry", "Date of birth", and
 * the states' own languages beside the English; [US] AAMVA DL/ID Card Design Standard (2020) §2.4:
 * "EXP", "ISS", "DOB".
 */
const DATE_LABELS: readonly { readonly role: DateRole; readonly pattern: RegExp }[] = [
  // [EU-DL]: a field number at a line's start, or after a gap, with its dot ("4b." "4a.").
  { role: 'expiry', pattern: /(?:^|\s)4\s?B(?=[.,:]|\s|$)/u },
  { role: 'issue', pattern: /(?:^|\s)4\s?A(?=[.,:]|\s|$)/u },
  { role: 'birth', pattern: /^\s*3\s?[.,]/u },
  // [ICAO] and the states' languages, then [US].
  {
    role: 'expiry',
    pattern:
      /DATE OF EXPIRY|EXPIRY DATE|DATE D.?EXPIR(?:ATION|\.)?|\bEXPIR(?:Y|ES|ATION|E LE)\b|VALID (?:UNTIL|TO)\b|G[UÜ]LTIG BIS|V[AÁ]LIDO (?:HASTA|AT[EÉ])|FECHA DE CADUCIDAD|CADUCIDAD|\bVALIDEZ\b|SCADENZA|GELDIG TOT|VERVALDATUM|DATA DE VALIDADE|WA[ZŻ]NY DO|\bEXP\b/u,
  },
  {
    role: 'issue',
    pattern:
      /DATE OF ISSUE|ISSUE DATE|D[EÉ]LIVRANCE|AUSSTELLUNG|EXPEDICI[OÓ]N|RILASCIO|AFGIFTE|EMISS[AÃ]O|WYDANIA|\bISS\b/u,
  },
  {
    role: 'birth',
    pattern:
      /DATE OF BIRTH|BIRTH DATE|DATE DE NAISS|GEBURTSDATUM|FECHA DE NACIMIENTO|DATA DI NASCITA|GEBOORTEDATUM|DATA DE NASCIMENTO|URODZENIA|\bDOB\b/u,
  },
];

/** A validity period printed as a range ("2018.11.07-2038.11.07", "01.02.2020 TO 01.02.2030"). */
const RANGE_JOIN = /^\s*(?:[-–~]|TO|BIS|AU|AL|T\/M)\s*$/u;

/** What the front's labels say its dates are; null where no label named one, or its dates disagree. */
export interface LabelledDates {
  readonly expiry: IsoDate | null;
  readonly issue: IsoDate | null;
  readonly birth: IsoDate | null;
  /** The end of a validity period printed as a range, labelled or not (its start is earlier). */
  readonly validityEnd: IsoDate | null;
}

/** A line as this reader works on it: upper-cased, its dates, and each character's left and right edge. */
interface ReadLine {
  readonly text: string;
  readonly dates: readonly PrintedDate[];
  /** x0 and x1 of each character of `text`, or null for spaces and where the glyphs do not match. */
  readonly xs: readonly ({ readonly x0: number; readonly x1: number } | null)[] | null;
}

interface FoundLabel {
  readonly role: DateRole;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** Pure: the dates the front's labels name, in the document's day order. */
export function readLabelledDates(
  lines: readonly PrintedLine[],
  order: DayOrder = 'day-first',
): LabelledDates {
  const read = lines.map((line) => readLine(line, order));
  const labels = findLabels(read);
  const byRole = (role: DateRole) => {
    const dates = labels.filter((l) => l.role === role).map((label) => dateForLabel(read, labels, label));
    const found = [...new Set(dates.filter((date) => date !== null))];
    // Two labels of one field naming two dates (a misread, or a second document): neither is sure.
    return found.length === 1 ? found[0]! : null;
  };
  const [birth, issue, labelledExpiry] = [byRole('birth'), byRole('issue'), byRole('expiry')];
  const validityEnd = rangeEnds(read);
  // A labelled date that begins a range is its start: the range's end is the expiry.
  const expiry = validityEnd.find((range) => range.from === labelledExpiry)?.to ?? labelledExpiry;
  const ends = [...new Set(validityEnd.map((range) => range.to))];
  return {
    expiry: expiry !== null && isAfter(expiry, [birth, issue]) ? expiry : null,
    issue,
    birth,
    validityEnd: ends.length === 1 && isAfter(ends[0]!, [birth]) ? ends[0]! : null,
  };
}

/** Whether the date is after each of the earlier fields' dates read (birth < issue < expiry). */
function isAfter(date: IsoDate, earlier: readonly (IsoDate | null)[]): boolean {
  return earlier.every((other) => other === null || other < date);
}

/** A printed line's text. */
export function textOf(line: PrintedLine): string {
  return typeof line === 'string' ? line : line.text;
}

function readLine(line: PrintedLine, order: DayOrder): ReadLine {
  const text = textOf(line).toUpperCase();
  const dates = datesInLine(text, order);
  if (typeof line === 'string') return { text, dates, xs: null };
  // The glyphs are the line's characters with the spaces left out, in order.
  const letters = [...text].filter((c) => !/\s/u.test(c)).length;
  if (letters !== line.glyphs.length || text.length !== [...text].length) return { text, dates, xs: null };
  let next = 0;
  const xs = [...text].map((c) => {
    if (/\s/u.test(c)) return null;
    const { box } = line.glyphs[next++]!;
    return { x0: box.x0, x1: box.x1 };
  });
  return { text, dates, xs };
}

function findLabels(read: readonly ReadLine[]): FoundLabel[] {
  const found: FoundLabel[] = [];
  read.forEach(({ text }, line) => {
    for (const { role, pattern } of DATE_LABELS) {
      for (const match of text.matchAll(new RegExp(pattern.source, 'gu'))) {
        const start = match.index + (match[0].length - match[0].trimStart().length);
        const end = match.index + match[0].length;
        // Where two labels overlap ("DATE OF EXPIRY" and "EXPIRY"), the longer one stands.
        const overlapping = found.filter((f) => f.line === line && f.start < end && start < f.end);
        if (overlapping.some((f) => f.end - f.start >= end - start)) continue;
        for (const f of overlapping) found.splice(found.indexOf(f), 1);
        found.push({ role, line, start, end });
      }
    }
  });
  return mergeBilingual(
    read,
    found.sort((a, b) => a.line - b.line || a.start - b.start),
  );
}

/**
 * One field's label in two languages ("DATE D'EXPIR. / EXPIRY DATE") is one label: neighbours of one
 * role on a line with nothing but a slash or punctuation between them are joined.
 */
function mergeBilingual(read: readonly ReadLine[], labels: readonly FoundLabel[]): FoundLabel[] {
  const merged: FoundLabel[] = [];
  for (const label of labels) {
    const last = merged.at(-1);
    const between = last ? read[label.line]!.text.slice(last.end, label.start) : '';
    if (last && last.line === label.line && last.role === label.role && /^[\s/|.,:-]*$/u.test(between)) {
      merged[merged.length - 1] = { ...last, end: label.end };
    } else merged.push(label);
  }
  return merged;
}

/**
 * The date a label names: the first after it on its line, before any other label; else, in the next
 * three lines, the nearest date in its column.
 */
function dateForLabel(
  read: readonly ReadLine[],
  labels: readonly FoundLabel[],
  label: FoundLabel,
): IsoDate | null {
  const line = read[label.line]!;
  const onLine = labels.filter((l) => l.line === label.line);
  const nextOnLine = onLine.find((l) => l.start >= label.end);
  const after = line.dates.find((d) => d.start >= label.end && (!nextOnLine || d.start < nextOnLine.start));
  if (after) return after.date;
  if (line.dates.some((d) => d.start >= label.end)) return null;
  for (let below = label.line + 1; below <= label.line + 3 && below < read.length; below++) {
    const under = read[below]!;
    if (under.dates.length === 0) continue;
    return dateInColumn(line, onLine, label, under);
  }
  return null;
}

/**
 * Of the dates on a line below, the one in the label's column: by the glyphs' x where both lines
 * have them (the date starts within the label's span, or under the gap before the next label);
 * else by order, where the line's date labels and the dates below are as many.
 */
function dateInColumn(
  line: ReadLine,
  onLine: readonly FoundLabel[],
  label: FoundLabel,
  under: ReadLine,
): IsoDate | null {
  if (line.xs && under.xs) {
    const left = spanOf(line, label.start, label.end);
    const next = onLine.find((l) => l.start >= label.end);
    const right = (next && spanOf(line, next.start, next.end)?.x0) ?? Infinity;
    if (left) {
      const slack = left.x1 - left.x0 > 0 ? (left.x1 - left.x0) / 4 : 0;
      const inColumn = under.dates.filter((d) => {
        const span = spanOf(under, d.start, d.end);
        return span !== null && span.x1 > left.x0 - slack && span.x0 < Math.min(right, left.x1 + slack);
      });
      return inColumn.length === 1 ? inColumn[0]!.date : null;
    }
  }
  return onLine.length === under.dates.length ? under.dates[onLine.indexOf(label)]!.date : null;
}

/** The left and right edge of the characters from `start` to `end`, or null where none has a box. */
function spanOf(line: ReadLine, start: number, end: number): { x0: number; x1: number } | null {
  const boxes = (line.xs ?? []).slice(start, end).filter((x) => x !== null);
  if (boxes.length === 0) return null;
  return { x0: Math.min(...boxes.map((b) => b.x0)), x1: Math.max(...boxes.map((b) => b.x1)) };
}

/** Ranges of two dates on a line, joined by a dash or "to", the second later than the first. */
function rangeEnds(read: readonly ReadLine[]): { from: IsoDate; to: IsoDate }[] {
  return read.flatMap(({ text, dates }) =>
    dates.slice(1).flatMap((to, i) => {
      const from = dates[i]!;
      const joined = RANGE_JOIN.test(text.slice(from.end, to.start));
      return joined && from.date < to.date ? [{ from: from.date, to: to.date }] : [];
    }),
  );
}
