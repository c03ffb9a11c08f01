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
  /** The start of that range, where one range alone gives the end. */
  readonly validityStart?: IsoDate;
  /** Whether an expiry label was found, its date read or not: the expiry is then not to be guessed. */
  readonly expiryLabelled: boolean;
}

/** A box in the pixels of the image read. */
interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A line as this reader works on it: upper-cased, its dates, and each character's box. */
interface ReadLine {
  readonly text: string;
  readonly dates: readonly PrintedDate[];
  /** The box of each character of `text` (null for spaces), or null where the glyphs do not match. */
  readonly boxes: readonly (Box | null)[] | null;
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
  const starts = [...new Set(validityEnd.map((range) => range.from))];
  const end = ends.length === 1 && isAfter(ends[0]!, [birth]) ? ends[0]! : null;
  return {
    expiry: expiry !== null && isAfter(expiry, [birth, issue]) ? expiry : null,
    issue,
    birth,
    validityEnd: end,
    ...(end !== null && starts.length === 1 && { validityStart: starts[0]! }),
    expiryLabelled: labels.some((label) => label.role === 'expiry'),
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
  if (typeof line === 'string') return { text, dates, boxes: null };
  // The glyphs are the line's characters with the spaces left out, in order.
  const letters = [...text].filter((c) => !/\s/u.test(c)).length;
  if (letters !== line.glyphs.length || text.length !== [...text].length) return { text, dates, boxes: null };
  let next = 0;
  const boxes = [...text].map((c) => (/\s/u.test(c) ? null : line.glyphs[next++]!.box));
  return { text, dates, boxes };
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
 * The date a label names: the first after it on its line, before any other label; else, where the
 * OCR gave boxes, the nearest date beside it on its row or under it in its column; else, by the
 * lines' order, the date in its column on the next line with dates.
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
  const labelBox = spanOf(line, label.start, label.end);
  if (labelBox) return dateNearLabel(read, labels, labelBox);
  for (let below = label.line + 1; below <= label.line + 3 && below < read.length; below++) {
    const under = read[below]!;
    if (under.dates.length === 0) continue;
    // Without boxes, columns pair in order: as many date labels on the line as dates below.
    return onLine.length === under.dates.length ? under.dates[onLine.indexOf(label)]!.date : null;
  }
  return null;
}

/** A date and where it is printed. */
interface PlacedDate {
  readonly date: IsoDate;
  readonly box: Box;
}

/**
 * By the boxes: the nearest date beside the label (on its row, to its right, no other label between),
 * else the nearest under it (starting within its column, within four label heights, no other label
 * between). Two dates as near as each other (less than half a label height apart) are no answer.
 */
function dateNearLabel(read: readonly ReadLine[], labels: readonly FoundLabel[], label: Box): IsoDate | null {
  const h = label.y1 - label.y0;
  const dates = read.flatMap((line) =>
    line.dates.flatMap((d) => boxed(d.date, spanOf(line, d.start, d.end))),
  );
  const others = labels
    .flatMap((l) => boxed(l.role, spanOf(read[l.line]!, l.start, l.end)))
    .map((l) => l.box);
  const beside = dates
    .filter(({ box }) => sameRow(box, label) && box.x0 >= label.x1 - h)
    .filter(({ box }) => !others.some((o) => sameRow(o, label) && o.x0 >= label.x1 - h && o.x1 <= box.x0 + h))
    .map((d) => ({ ...d, gap: d.box.x0 - label.x1 }));
  const slack = (label.x1 - label.x0) / 4;
  const under = dates
    .filter(({ box }) => box.y0 >= label.y1 - h / 2 && box.y0 - label.y1 <= 4 * h)
    .filter(({ box }) => box.x1 > label.x0 - slack && box.x0 < label.x1 + slack)
    .filter(
      ({ box }) =>
        !others.some((o) => o.y0 > label.y1 && o.y1 <= box.y0 && o.x1 > label.x0 && o.x0 < label.x1),
    )
    .map((d) => ({ ...d, gap: d.box.y0 - label.y1 }));
  return nearest(beside, h) ?? nearest(under, h);
}

function boxed<T>(date: T, box: Box | null): { date: T; box: Box }[] {
  return box ? [{ date, box }] : [];
}

/** The one nearest candidate, or null when none is, or the next is as near (within half of `h`). */
function nearest(candidates: readonly (PlacedDate & { gap: number })[], h: number): IsoDate | null {
  const sorted = [...candidates].sort((a, b) => a.gap - b.gap);
  const [first, second] = sorted;
  if (!first) return null;
  return second && second.gap - first.gap < h / 2 && second.date !== first.date ? null : first.date;
}

/** Whether two boxes share most of a row: their heights overlap by half the smaller one's. */
function sameRow(a: Box, b: Box): boolean {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap >= Math.min(a.y1 - a.y0, b.y1 - b.y0) / 2;
}

/** The box round the characters from `start` to `end`, or null where none has a box. */
function spanOf(line: ReadLine, start: number, end: number): Box | null {
  const boxes = (line.boxes ?? []).slice(start, end).filter((b) => b !== null);
  if (boxes.length === 0) return null;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
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
