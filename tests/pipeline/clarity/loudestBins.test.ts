import fc from 'fast-check';
import { expect, it } from 'vitest';
import { loudestBins, offerBin } from '../../../src/pipeline/clarity/loudestBins.ts';

it('keeps the head of a stable sort, loudest first, bins equally loud in the order offered', () => {
  fc.assert(
    fc.property(
      // Few distinct loudnesses, so that ties are common.
      fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 200 }),
      fc.integer({ min: 1, max: 20 }),
      (loudness, size) => {
        const offered = loudness.map((whitened, k) => ({ u: k, v: -k, whitened }));
        const kept = loudestBins(size);
        for (const { u, v, whitened } of offered) offerBin(kept, u, v, whitened);
        const sorted = [...offered].sort((a, b) => b.whitened - a.whitened);
        expect(kept.bins).toStrictEqual(sorted.slice(0, size));
      },
    ),
  );
});
