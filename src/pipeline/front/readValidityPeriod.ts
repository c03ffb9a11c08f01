/**
 * A card that names no document we read but prints its validity as a range of whole years,
 * "2018.11.07-2038.11.07": the back of a Chinese resident identity card (有效期限), whose title is in
 * Hanzi, which the English model cannot read.
 */
import type { IsoDate, NotAnIdReading } from '../types.ts';
import { readLabelledDates, type PrintedLine } from './labelledDates.ts';

/**
 * Pure: an identity card from outside Europe, expiring at the range's end, where the lines print a
 * validity range of whole years; null otherwise. Not a European one: it is read only where no MRZ was
 * found on the side photographed and no title was read, and a European national ID card carries its
 * title in Latin script on its front and a TD1 MRZ on its back (Regulation (EU) 2019/1157, Art. 3,
 * which follows ICAO 9303 part 5), printing its expiry as one date, not a range. An ID is issued for
 * whole years (ending on the anniversary or the day before it); a letter's or a bill's period seldom is.
 */
export function parseValidityPeriod(lines: readonly PrintedLine[]): NotAnIdReading | null {
  const { validityStart, validityEnd } = readLabelledDates(lines);
  if (!validityStart || !validityEnd || !isWholeYears(validityStart, validityEnd)) return null;
  return { seen: 'non-european-id-card', expiry: validityEnd };
}

/** Whether `end` is an anniversary of `start`, or the day before one, a year or more after it. */
function isWholeYears(start: IsoDate, end: IsoDate): boolean {
  const anniversary = `${end.slice(0, 4)}${start.slice(4)}`;
  const dayAfterEnd = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return end.slice(0, 4) > start.slice(0, 4) && (end === anniversary || dayAfterEnd === anniversary);
}
