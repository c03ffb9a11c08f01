import { describe, expect, it } from 'vitest';
import {
  activate,
  ACTIVATION,
  float16ToFloat32,
  maxPool2d,
  pad,
} from '../../../src/pipeline/face/tensorOps.ts';

describe('float16ToFloat32', () => {
  it('widens half floats: one, minus two, the largest, the smallest subnormal, infinity', () => {
    const halves = new Uint16Array([0x3c00, 0xc000, 0x7bff, 0x0001, 0x7c00, 0x3555]);
    const widened = float16ToFloat32(new Uint8Array(halves.buffer));
    expect([...widened]).toStrictEqual([1, -2, 65504, 2 ** -24, Infinity, Math.fround(0.333251953125)]);
  });
});

describe('maxPool2d', () => {
  it('keeps the largest of each 2 × 2 window, channel by channel', () => {
    // 2 × 4 pixels of 2 channels: channel 0 counts up, channel 1 down.
    const input = Float32Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? i / 2 : -i));
    const output = new Float32Array(4);
    const window = { kernelHeight: 2, kernelWidth: 2, strideY: 2, strideX: 2, padTop: 0, padLeft: 0 };
    maxPool2d(input, { height: 2, width: 4, channels: 2 }, window, output, {
      height: 1,
      width: 2,
      channels: 2,
    });
    expect([...output]).toStrictEqual([5, -1, 7, -5]);
  });

  it('pools 2 × 2 at stride 2 as it pools any window: a 3 × 3 window padded by one, then 2 × 2 by 2', () => {
    // 5 × 6 pixels of 3 channels, values in no order; the odd row and column are left out at stride 2.
    const inShape = { height: 5, width: 6, channels: 3 };
    const input = Float32Array.from({ length: 90 }, (_, i) => Math.fround(Math.sin(i * 12.9898) * 43.75));
    const padded = { kernelHeight: 3, kernelWidth: 3, strideY: 1, strideX: 1, padTop: 1, padLeft: 1 };
    const wide = new Float32Array(90);
    maxPool2d(input, inShape, padded, wide, inShape);
    const at = (y: number, x: number, c: number) => input[(y * 6 + x) * 3 + c]!;
    const expectedWide = Array.from({ length: 90 }, (_, i) => {
      const [y, x, c] = [Math.floor(i / 18), Math.floor(i / 3) % 6, i % 3];
      const taps = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => [y + dy, x + dx] as const));
      return Math.max(
        ...taps.filter(([ty, tx]) => ty >= 0 && ty < 5 && tx >= 0 && tx < 6).map(([ty, tx]) => at(ty, tx, c)),
      );
    });
    expect([...wide]).toStrictEqual(expectedWide);
    const halves = { kernelHeight: 2, kernelWidth: 2, strideY: 2, strideX: 2, padTop: 0, padLeft: 0 };
    const pooled = new Float32Array(18);
    maxPool2d(input, inShape, halves, pooled, { height: 2, width: 3, channels: 3 });
    const expectedPooled = Array.from({ length: 18 }, (_, i) => {
      const [y, x, c] = [Math.floor(i / 9), Math.floor(i / 3) % 3, i % 3];
      return Math.max(
        at(2 * y, 2 * x, c),
        at(2 * y, 2 * x + 1, c),
        at(2 * y + 1, 2 * x, c),
        at(2 * y + 1, 2 * x + 1, c),
      );
    });
    expect([...pooled]).toStrictEqual(expectedPooled);
  });
});

describe('pad', () => {
  it('adds zero channels after each pixel’s own (BlazeFace’s channel padding)', () => {
    const output = new Float32Array(6).fill(9);
    pad(
      new Float32Array([1, 2, 3, 4]),
      { height: 1, width: 2, channels: 2 },
      { height: 0, width: 0, channels: 0 },
      output,
      {
        height: 1,
        width: 2,
        channels: 3,
      },
    );
    expect([...output]).toStrictEqual([1, 2, 0, 3, 4, 0]);
  });

  it('pads rows, columns and channels before, with zeros everywhere else', () => {
    const output = new Float32Array(12).fill(9);
    pad(
      new Float32Array([1, 2]),
      { height: 1, width: 2, channels: 1 },
      { height: 1, width: 1, channels: 1 },
      output,
      { height: 2, width: 3, channels: 2 },
    );
    expect([...output]).toStrictEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2]);
  });
});

describe('activate', () => {
  it('RELU zeroes the negatives, RELU6 caps at 6 too, NONE leaves all', () => {
    const run = (activation: number) => {
      const data = new Float32Array([-2, 0.5, 7]);
      activate(data, activation);
      return [...data];
    };
    expect([run(ACTIVATION.NONE), run(ACTIVATION.RELU), run(ACTIVATION.RELU6)]).toStrictEqual([
      [-2, 0.5, 7],
      [0, 0.5, 7],
      [0, 0.5, 6],
    ]);
  });
});
