import { describe, expect, it } from 'vitest';
import { coveredByBorderGaps } from '../../../src/pipeline/outline/coveredCorners.ts';
import type { EdgeMap } from '../../../src/pipeline/outline/edgeMap.ts';
import { pointIn, type AnalysisPoint, type Quad, type RgbaImage } from '../../../src/pipeline/types.ts';

const [WIDTH, HEIGHT] = [400, 300];
// An ID-1 card, 254 × 160 px, at (73, 70).
const CARD = { x: 73, y: 70, width: 254, height: 160 };
const quad = [
  pointIn('analysis', CARD.x, CARD.y),
  pointIn('analysis', CARD.x + CARD.width, CARD.y),
  pointIn('analysis', CARD.x + CARD.width, CARD.y + CARD.height),
  pointIn('analysis', CARD.x, CARD.y + CARD.height),
] as unknown as Quad<AnalysisPoint>;

/**
 * The card's border as an edge map, missing for 20 px (12.5% of the short side) along both sides
 * from its top-left corner: what a thumb over the corner leaves, and also what a pale card's faint
 * corner on a pale table leaves.
 */
function borderBrokenAtTopLeft(): EdgeMap {
  const data = new Uint8Array(WIDTH * HEIGHT);
  const { x, y, width, height } = CARD;
  for (let i = 0; i <= width; i++) {
    if (i > 20) data[y * WIDTH + x + i] = 255;
    data[(y + height) * WIDTH + x + i] = 255;
  }
  for (let j = 0; j <= height; j++) {
    if (j > 20) data[(y + j) * WIDTH + x] = 255;
    data[(y + j) * WIDTH + x + width] = 255;
  }
  return { data, cols: WIDTH, rows: HEIGHT };
}

/** A pale blue card on a beige table (shakex/card2.jpg's colours), with `over` painted on top. */
function photo(over?: { readonly cx: number; readonly cy: number; readonly r: number }): RgbaImage {
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const onCard = x >= CARD.x && x < CARD.x + CARD.width && y >= CARD.y && y < CARD.y + CARD.height;
      const onThumb = over && Math.hypot(x - over.cx, y - over.cy) <= over.r;
      const colour = onThumb ? [205, 150, 125] : onCard ? [212, 222, 236] : [226, 220, 205];
      data.set([...colour, 255], (y * WIDTH + x) * 4);
    }
  return { width: WIDTH, height: HEIGHT, data };
}

describe('coveredByBorderGaps (issue 12: a corner is covered only where something lies over it)', () => {
  it('names the corner whose border is broken, judged on the edges alone', () => {
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [])).toStrictEqual(['top-left']);
  });

  it('does not call a faint corner covered when the photo shows the card inside it and the table beyond it', () => {
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [], photo())).toStrictEqual([]);
  });

  it('names the corner when a thumb lies over it, inside the card and beyond it', () => {
    const thumb = photo({ cx: CARD.x + 4, cy: CARD.y + 4, r: 24 });
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [], thumb)).toStrictEqual(['top-left']);
  });
});
