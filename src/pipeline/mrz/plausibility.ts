/**
 * Whether a reading is an MRZ at all, not print or pattern forced into MRZ shape: its issuer is a
 * state, or enough of its check digits hold.
 */
import { states } from 'mrz';
import type { MrzReading } from '../types.ts';
import { expiryFromYymmdd } from './dates.ts';
import type { MrzLayout } from './formats.ts';

/**
 * Whether OCR'd text is an MRZ at all, not print or pattern forced into MRZ shape: its issuer is a
 * real state code (the `mrz` package's ICAO list, plus ICAO's specimen state UTO) or at least half
 * of its check digits hold, and two at least. Chance alone makes a check digit hold one time in ten.
 */
export function isPlausibleReading(layout: MrzLayout, reading: MrzReading): boolean {
  // Its document code, as repaired, must still be one its layout is for (a licence's D, a passport's
  // P): the layout was chosen for it, and a repair that took it away made noise into another code.
  if (!layout.codes.test(reading.lines[0]!)) return false;
  const held = reading.checks.filter((check) => check.valid).length;
  // Two holding checks at least: one holds by chance one time in ten (the one-line licence has only two),
  // and repair can make noise hold, so the expiry must also be a real date.
  // A layout without an expiry (the old French card) has its birth date guarded instead.
  const date = layout.expiry ?? dateGuardedBy(layout, 'birthDate');
  const realDate =
    date !== null && expiryFromYymmdd(reading.lines[date[0]]!.slice(date[1], date[1] + 6)) !== null;
  // A state code read as printed (the holder's nationality where the issuer was blanked, as on an
  // edited page: onfido-sdk-ui/passport-gbr-edited.jpg's `<<<`) vouches for the dates as well.
  const vouched = realDate || hasKnownState(layout, reading);
  // One line of 30 characters is a row of field print as often as a code: a French licence's back read
  // enlarged gave `D3BESUEENSTEO50424317EODI<IJS4` (issuer BES, a real state; month 43; one check made
  // to hold by repairing a T), in a trial of a finer MRZ search on real-photos' kbyai/fra-id-3. Three
  // letters are a state code about one time in 70, so on one line the state needs a real date and a
  // holding check beside it (both checks, which guard the state too, vouch for it as before).
  if (layout.lines === 1)
    return realDate && (held === reading.checks.length || (held >= 1 && hasKnownIssuer(layout, reading)));
  return hasKnownIssuer(layout, reading) || (vouched && held >= 2 && held * 2 >= reading.checks.length);
}

/** Every check digit holds and the issuer is a real state: nothing another read could improve that we could tell. */
export function isConsistentReading(layout: MrzLayout, reading: MrzReading): boolean {
  return (
    reading.checks.every((check) => check.valid) &&
    isPlausibleReading(layout, reading) &&
    hasKnownIssuer(layout, reading)
  );
}

/** Any of the layout's state codes (issuer, nationality) is an ICAO code as read, not as repaired. */
function hasKnownState(layout: MrzLayout, reading: MrzReading): boolean {
  return layout.states.some(([line, start]) => {
    const changed = reading.repairs.some((r) => r.line === line && r.column >= start && r.column < start + 3);
    return !changed && isStateCode(reading.lines[line]!.slice(start, start + 3));
  });
}

/**
 * The issuing state as read is an ICAO code (the `mrz` package's list, plus the specimen state UTO).
 * A letter repaired into another letter does not count: the state repair makes any three letters a
 * state, so noise would pass. (A digit in a letters-only column made the letter it looks like does.)
 */
export function hasKnownIssuer(
  layout: MrzLayout,
  reading: { lines: readonly string[]; repairs?: MrzReading['repairs'] },
): boolean {
  const [line, start] = layout.issuer;
  const code = [...reading.lines[line]!.slice(start, start + 3)];
  for (const repair of reading.repairs ?? []) {
    const at = repair.column - start;
    if (repair.line === line && at >= 0 && at < 3 && /[A-Z]/u.test(repair.from)) code[at] = repair.from;
  }
  return isStateCode(code.join(''));
}

/** An ICAO state code (the `mrz` package's list, plus the specimen state UTO), `<`-padded as in an MRZ. */
export function isStateCode(code: string): boolean {
  const state = code.replace(/<+$/u, '');
  return state in states || state === 'UTO';
}

function dateGuardedBy(layout: MrzLayout, field: string): readonly [number, number] | null {
  const guard = layout.checks.find((rule) => rule.field === field)?.guards[0];
  return guard ? [guard[0], guard[1]] : null;
}
