/**
 * MRZ expiry dates: YYMMDD (ICAO 9303 part 3 §4.2.2), the century chosen by dates.ts's window.
 */
import { describe, expect, it } from 'vitest';
import { expiryFromYymmdd } from '../../../src/pipeline/mrz/dates.ts';
import { loadManifest } from '../../support/fixtures.ts';

/** Each YYMMDD field and the date it is, or null where it is no date. */
const CASES: [string, string | null][] = [
  // The century window: up to 60 is this century, from 61 the last.
  ['000101', '2000-01-01'],
  ['310722', '2031-07-22'],
  ['601231', '2060-12-31'],
  ['610101', '1961-01-01'],
  ['961231', '1996-12-31'], // ICAO's MRV example
  ['991231', '1999-12-31'],
  // Leap days: 2000 (a century divisible by 400), 2028 and 1996 have one; 2026 and 1997 do not.
  ['000229', '2000-02-29'],
  ['280229', '2028-02-29'],
  ['960229', '1996-02-29'],
  ['260229', null],
  ['970229', null],
  // Month and day ends.
  ['260430', '2026-04-30'],
  ['260431', null],
  ['261231', '2026-12-31'],
  ['261301', null],
  ['260001', null],
  ['260100', null],
  // Not six digits: fillers, a misread letter, the wrong length.
  ['<<<<<<', null],
  ['31O722', null],
  ['31072', null],
  ['3107221', null],
  ['', null],
];

describe('expiryFromYymmdd', () => {
  it('reads each date in the century window, and refuses days that do not exist', () => {
    expect(CASES.map(([yymmdd]) => [yymmdd, expiryFromYymmdd(yymmdd)])).toStrictEqual(CASES);
  });

  it('reads the expiry of every MRZ in the fixture manifest as the manifest has it', () => {
    // TD3, TD2 and visas put the expiry at line 2 column 21; TD1 at line 2 column 8; the French
    // licence's one line at column 15 (formats.ts cites the ICAO parts).
    const withMrz = loadManifest().images.filter((entry) => entry.document.mrz !== null);
    const column = (mrz: readonly string[]) => (mrz.length === 1 ? 15 : mrz[0]!.length === 30 ? 8 : 21);
    const line = (mrz: readonly string[]) => (mrz.length === 1 ? 0 : 1);
    expect(
      withMrz.map((entry) => {
        const mrz = entry.document.mrz!;
        return [entry.file, expiryFromYymmdd(mrz[line(mrz)]!.slice(column(mrz), column(mrz) + 6))];
      }),
    ).toStrictEqual(withMrz.map((entry) => [entry.file, entry.document.expiry]));
  });
});
