import { describe, expect, it } from 'vitest';
import { isPlausibleReading } from '../../../src/pipeline/mrz/plausibility.ts';
import { repairMrz } from '../../../src/pipeline/mrz/repairMrz.ts';
import { shapeMrzLines } from '../../../src/pipeline/mrz/shapeMrzLines.ts';

/** The line shaped, repaired as readMrz repairs it, and judged. */
function plausible(lines: readonly string[]) {
  const shaped = shapeMrzLines(lines)!;
  const reading = repairMrz(shaped.layout, shaped.read);
  return { format: shaped.layout.format, plausible: isPlausibleReading(shaped.layout, reading) };
}

describe('isPlausibleReading', () => {
  it('takes a French licence line whose checks hold, and one with a check broken, for a code', () => {
    // The drawn fixtures' French licence (scripts/fixtures), and the same with its last check digit wrong.
    expect(plausible(['D1FRA19AB458716320417LEFEVRE<7'])).toStrictEqual({
      format: 'FRENCH_DRIVING_LICENSE',
      plausible: true,
    });
    expect(plausible(['D1FRA19AB458716320417LEFEVRE<3'])).toStrictEqual({
      format: 'FRENCH_DRIVING_LICENSE',
      plausible: true,
    });
  });

  it('does not take a line of field print for a one-line licence code on its state alone', () => {
    // Read from kbyai/fra-id-3's field print enlarged: issuer BES is a real state, its expiry month 43.
    expect(plausible(['D3BESUEENSTEO50424317EODI<IJS4'])).toStrictEqual({
      format: 'FRENCH_DRIVING_LICENSE',
      plausible: false,
    });
  });

  it('takes a passport whose state is real even where its checks were misread', () => {
    const td3 = [
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ];
    expect(plausible(td3)).toStrictEqual({ format: 'TD3', plausible: true });
  });
});
