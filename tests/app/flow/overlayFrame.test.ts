import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { frameOverlay } from '../../../src/app/flow/overlayFrame.ts';
import { CORNER_NAMES, pointIn, type ImagePoint, type Quad } from '../../../src/pipeline/types.ts';
import { FIXTURES_DIR, loadManifest } from '../../support/fixtures.ts';

const at = (x: number, y: number): ImagePoint => pointIn('image', x, y);

describe('frameOverlay', () => {
  // A 1600 × 1200 photo: the unit is 1/200 of its long side, 8 px; a frame that grows does so by 8 units.
  const inside: Quad<ImagePoint> = [at(137.6, 86), at(1171.2, 181.9), at(1171.5, 902.9), at(57.5, 876.7)];

  it('frames the photo alone when the outline lies inside it', () => {
    expect(frameOverlay(1600, 1200, inside, [])).toStrictEqual({
      view: { x: 0, y: 0, width: 1600, height: 1200 },
      photo: { x: 0, y: 0, width: 1600, height: 1200 },
      missing: [],
      unit: 8,
    });
  });

  it('grows past the photo to every corner outside it, with a margin, and marks the missing ones there', () => {
    const cut: Quad<ImagePoint> = [at(-40, 86), at(1171.2, -20.5), at(1650, 1230), at(57.5, 876.7)];
    expect(frameOverlay(1600, 1200, cut, ['top-left', 'top-right', 'bottom-right'])).toStrictEqual({
      view: { x: -104, y: -84.5, width: 1650 + 64 + 104, height: 1230 + 64 + 84.5 },
      photo: { x: 0, y: 0, width: 1600, height: 1200 },
      missing: [
        { corner: 'top-left', at: [-40, 86] },
        { corner: 'top-right', at: [1171.2, -20.5] },
        { corner: 'bottom-right', at: [1650, 1230] },
      ],
      unit: 8,
    });
  });

  it('marks missing corners at the photo’s own corners when no outline was found, in the order given', () => {
    expect(frameOverlay(1200, 1600, null, ['bottom-right', 'top-left'])).toStrictEqual({
      view: { x: 0, y: 0, width: 1200, height: 1600 },
      photo: { x: 0, y: 0, width: 1200, height: 1600 },
      missing: [
        { corner: 'bottom-right', at: [1200, 1600] },
        { corner: 'top-left', at: [0, 0] },
      ],
      unit: 8,
    });
  });

  it('shows every cut corner of the corner-cut fixtures: at its true place, outside the photo, inside the view', async () => {
    const cut = loadManifest().images.filter((entry) => entry.variant === 'corner-cut');
    const seen = await Promise.all(
      cut.map(async (entry) => {
        const { width, height } = await sharp(join(FIXTURES_DIR, entry.file)).metadata();
        const { view, missing, unit } = frameOverlay(width, height, entry.outline, entry.missingCorners);
        const margin = 8 * unit - 1e-9; // less a rounding error: -54.6 - (-54.6 - 64) is 63.99999999999999
        return missing.map(({ corner, at: [x, y] }) => ({
          file: entry.file,
          corner,
          at: [x, y],
          outsideThePhoto: x < 0 || y < 0 || x > width || y > height,
          marginInView:
            x - view.x >= margin &&
            y - view.y >= margin &&
            view.x + view.width - x >= margin &&
            view.y + view.height - y >= margin,
        }));
      }),
    );
    expect(seen.flat()).toStrictEqual(
      cut.flatMap((entry) =>
        entry.missingCorners.map((corner) => ({
          file: entry.file,
          corner,
          at: entry.outline[CORNER_NAMES.indexOf(corner)],
          outsideThePhoto: true,
          marginInView: true,
        })),
      ),
    );
  });
});
