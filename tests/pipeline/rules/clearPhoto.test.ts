import { describe, expect, it } from 'vitest';
import { clarityProblemOf, judgeClearPhoto } from '../../../src/pipeline/rules/clearPhoto.ts';
import type { Measures } from '../../../src/pipeline/types.ts';

describe('clarityProblemOf and judgeClearPhoto', () => {
  const clear: Measures = {
    imageWidth: 1600,
    imageHeight: 1200,
    documentAreaShare: 0.4,
    sharpness: 900,
    glare: 0,
    brightness: 200,
    darkestPrint: 20,
    textHeightPx: 20,
    printHeightPx: 14,
    printSharpness: 5000,
    printReblurRatio: 7,
    documentSeen: true,
  };
  it('name the first problem in the rule’s order: no document, dark, washed out, blurred, glare, too small', () => {
    const cases: [Partial<Measures>, ReturnType<typeof clarityProblemOf>, string][] = [
      [{}, null, 'pass'],
      [{ sharpness: null }, 'unmeasured', 'unsure'],
      [{ brightness: 40, sharpness: 50 }, 'dark', 'fail'],
      [{ brightness: 245, darkestPrint: 150 }, 'washed-out', 'fail'],
      [{ glare: 0.1, sharpness: 50 }, 'glare', 'fail'],
      [{ documentSeen: false }, 'no-document', 'unsure'],
      [{ printSharpness: 200, printHeightPx: 5 }, 'blurred', 'fail'],
      [{ printReblurRatio: 2 }, 'blurred', 'fail'],
      // Shaken along its lines: blurred one way, sharp the other, though sharp both ways at once.
      [{ printReblurLeastWay: 2.5, printReblurBalance: 0.4 }, 'blurred', 'fail'],
      // Soft evenly both ways (a fine scan), or sharp one way and sharper the other: not shaken.
      [{ printReblurLeastWay: 2.6, printReblurBalance: 0.97 }, null, 'pass'],
      [{ printReblurLeastWay: 5, printReblurBalance: 0.4 }, null, 'pass'],
      // No print found standing in lines on a document that is there: a smear.
      [{ printSharpness: null, printReblurRatio: null, printHeightPx: null }, 'blurred', 'fail'],
      [{ printHeightPx: 5 }, 'small', 'fail'],
      [
        { printSharpness: null, printReblurRatio: null, printHeightPx: null, textHeightPx: 5 },
        'small',
        'fail',
      ],
      // The print itself, measured where it sits, outweighs the whole document's estimates.
      [{ sharpness: 50, textHeightPx: 5 }, null, 'pass'],
    ];
    for (const [change, problem, status] of cases) {
      const measures = { ...clear, ...change };
      expect({ problem: clarityProblemOf(measures), status: judgeClearPhoto(measures).status }).toStrictEqual(
        {
          problem,
          status,
        },
      );
    }
  });
});
