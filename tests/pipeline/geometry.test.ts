import { describe, expect, it } from 'vitest';
import { insideConvexTest, isInsideConvex, type Point } from '../../src/pipeline/geometry.ts';

describe('insideConvexTest', () => {
  const clockwise: Point[] = [
    [0, 0],
    [10, 0],
    [12, 8],
    [-1, 9],
  ];
  const points: Point[] = [
    [5, 4],
    [0, 0],
    [5, 0],
    [5, -0.5],
    [11.9, 8.5],
    [-3, 4],
  ];

  it('takes points inside or on an edge, either way round the quad runs, and no others', () => {
    const expected = [true, true, true, false, false, false];
    for (const quad of [clockwise, [...clockwise].reverse()]) {
      const inside = insideConvexTest(quad);
      expect(points.map(([x, y]) => inside(x, y))).toStrictEqual(expected);
      expect(points.map((point) => isInsideConvex(point, quad))).toStrictEqual(expected);
    }
  });
});
