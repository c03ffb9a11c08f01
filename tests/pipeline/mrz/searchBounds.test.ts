import { describe, expect, it } from 'vitest';
import { repairMrz } from '../../../src/pipeline/mrz/repairMrz.ts';
import { isWorthReadingAgain } from '../../../src/pipeline/mrz/searchBounds.ts';
import { shapeMrzLines } from '../../../src/pipeline/mrz/shapeMrzLines.ts';

/** ICAO 9303 part 4's specimen passport, as in repairMrz.test.ts. */
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
/** Print forced into the one-line licence's shape (repairMrz.test.ts's noise). */
const NOISE = ['DDDDDDDDDDDDDD000085KVDDZVNWIX'];

function firstRead(lines: readonly string[]) {
  const shaped = shapeMrzLines([...lines])!;
  return { layout: shaped.layout, reading: repairMrz(shaped.layout, shaped.read.lines) };
}

describe('isWorthReadingAgain', () => {
  it('reads a plausible code again anywhere, noise again only on a rectified document, and after two reads always', () => {
    const code = firstRead(TD3);
    const noise = firstRead(NOISE);
    expect([
      isWorthReadingAgain(code.layout, code.reading, 1, false),
      isWorthReadingAgain(noise.layout, noise.reading, 1, false),
      isWorthReadingAgain(noise.layout, noise.reading, 1, true),
      isWorthReadingAgain(noise.layout, noise.reading, 2, false),
    ]).toStrictEqual([true, false, true, true]);
  });
});
