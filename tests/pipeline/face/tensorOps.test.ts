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
