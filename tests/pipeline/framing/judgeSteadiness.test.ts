import { describe, expect, it } from 'vitest';
import { judgeSteadiness, type FramedMoment } from '../../../src/pipeline/framing/judgeSteadiness.ts';
import { pointIn, type ImagePoint, type Quad } from '../../../src/pipeline/types.ts';

/** A 1280×720 frame: 1% of its diagonal is 14.7 px. */
const card = (dx = 0, dy = 0): Quad<ImagePoint> => [
  pointIn('image', 200 + dx, 100 + dy),
  pointIn('image', 1000 + dx, 100 + dy),
  pointIn('image', 1000 + dx, 600 + dy),
  pointIn('image', 200 + dx, 600 + dy),
];
const moment = (atMs: number, outline: Quad<ImagePoint> | null, passes = true): FramedMoment => ({
  atMs,
  outline,
  passes,
  width: 1280,
  height: 720,
});

describe('judgeSteadiness', () => {
  it('is steady once passing frames have held still for 300 ms', () => {
    const moments = [0, 100, 200, 300].map((at, i) => moment(at, card(i % 2, 0)));
    expect(judgeSteadiness(moments.slice(0, 3))).toStrictEqual({ steady: false, sinceMs: 0 });
    expect(judgeSteadiness(moments)).toStrictEqual({ steady: true, sinceMs: 0 });
  });

  it('starts the run again after a frame that would not pass', () => {
    const moments = [
      moment(0, card()),
      moment(100, card(), false),
      moment(200, card()),
      moment(300, card()),
      moment(400, card()),
    ];
    expect(judgeSteadiness(moments)).toStrictEqual({ steady: false, sinceMs: 200 });
  });

  it('is not steady while the card moves, however long it passes', () => {
    const moments = [0, 100, 200, 300, 400, 500].map((at) => moment(at, card(at / 10, 0)));
    expect(judgeSteadiness(moments)).toStrictEqual({ steady: false, sinceMs: 400 });
  });

  it('needs three frames, however far apart', () => {
    expect(judgeSteadiness([moment(0, card()), moment(900, card())])).toStrictEqual({
      steady: false,
      sinceMs: 0,
    });
  });

  it('is not steady without an outline', () => {
    expect(judgeSteadiness([moment(0, null, false)])).toStrictEqual({ steady: false, sinceMs: null });
    expect(judgeSteadiness([])).toStrictEqual({ steady: false, sinceMs: null });
  });
});
