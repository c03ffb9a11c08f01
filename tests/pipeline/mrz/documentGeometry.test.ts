import { describe, expect, it } from 'vitest';
import { mrzWidthMm, predictDocumentFromMrz } from '../../../src/pipeline/mrz/documentGeometry.ts';
import { rectIn } from '../../../src/pipeline/types.ts';

const round = (quad: readonly (readonly [number, number])[]) =>
  quad.map(([x, y]) => [Math.round(x), Math.round(y)]);

describe('predictDocumentFromMrz (issue 12, item 2: geometry from the MRZ, ICAO 9303)', () => {
  // A TD3 zone 2 lines × 44 characters at 10 px/mm: 111.22 mm wide, 6.53 mm from the first line's
  // top to the last line's foot (4.23 mm apart, glyphs 2.3 mm high).
  const width = mrzWidthMm(44) * 10;
  const box = rectIn('image', 100, 700, width, 65.3);

  it('puts a TD3 page 125 × 88 mm round the zone, the zone centred 4.8 mm above its bottom edge', () => {
    const predicted = predictDocumentFromMrz('TD3', box, 0, 'image')!;
    expect(predicted.pxPerMm).toBeCloseTo(10, 6);
    const cx = 100 + width / 2;
    expect(round(predicted.quad)).toStrictEqual(
      round([
        [cx - 625, 765.3 + 48 - 880],
        [cx + 625, 765.3 + 48 - 880],
        [cx + 625, 765.3 + 48],
        [cx - 625, 765.3 + 48],
      ]),
    );
  });

  it('turns the page with the zone: a photo turned a quarter clockwise has the page to its left', () => {
    // The same zone seen in a photo that one quarter turn clockwise makes upright: the box is tall.
    const tall = rectIn('image', 700, 100, 65.3, width);
    const predicted = predictDocumentFromMrz('TD3', tall, 1, 'image')!;
    const xs = predicted.quad.map((p) => p[0]);
    expect(Math.max(...xs)).toBeCloseTo(765.3 + 48, 6); // the bottom edge lies to the zone's right
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(880, 6);
  });

  it('takes the scale down the page from the lines when a slanted view shortens it', () => {
    const shortened = rectIn('image', 100, 700, width, 65.3 * 0.8);
    const predicted = predictDocumentFromMrz('TD3', shortened, 0, 'image')!;
    const ys = predicted.quad.map((p) => p[1]);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(704, 0);
  });

  it('makes no prediction for a format whose document size ICAO does not fix', () => {
    expect(predictDocumentFromMrz('MRVA', box, 0, 'image')).toBeNull();
    expect(predictDocumentFromMrz('FRENCH_DRIVING_LICENSE', box, 0, 'image')).toBeNull();
  });
});
