import { describe, expect, it } from 'vitest';
import { addOnSimd, loadElementwiseSimd, reluOnSimd } from '../../../src/pipeline/face/elementwiseSimd.ts';
import { loadPointwiseSimd } from '../../../src/pipeline/face/pointwiseSimd.ts';
import { TensorArena } from '../../../src/pipeline/face/tensorArena.ts';
import { activate, ACTIVATION, add } from '../../../src/pipeline/face/tensorOps.ts';

/** Floats over many magnitudes, with the values a loop may treat apart: -0, 0, NaN, the tiniest. */
function values(length: number, seed: number): Float32Array {
  let state = seed;
  const special = [-0, 0, NaN, 1e-45, -1e-45, 3.4e38];
  return Float32Array.from({ length }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    if (i % 7 === 3) return special[(state >> 8) % special.length]!;
    return (state / 2 ** 30 - 1) * 10 ** ((state % 13) - 6);
  });
}

function kernels() {
  const pointwise = loadPointwiseSimd();
  expect(pointwise).not.toBeNull();
  const elementwise = loadElementwiseSimd(pointwise!);
  expect(elementwise).not.toBeNull();
  return { arena: new TensorArena(pointwise), elementwise: elementwise! };
}

describe('ADD and RELU in WebAssembly SIMD', () => {
  it('adds as the JavaScript loop does, to the very float, writing nothing past the output', () => {
    const { arena, elementwise } = kernels();
    const [a, b] = [values(4 * 301, 1), values(4 * 301, 2)];
    const [first, second] = [arena.allocate(a.length, a), arena.allocate(b.length, b)];
    const output = arena.allocate(a.length);
    const after = arena.allocate(4, new Float32Array([1, 2, 3, 4]));
    addOnSimd(elementwise, first, second, output);
    const expected = new Float32Array(a.length);
    add(a, b, expected);
    expect(output.view).toStrictEqual(expected);
    expect([...after.view]).toStrictEqual([1, 2, 3, 4]);
  });

  it('keeps what is not below zero (-0 and NaN too) and zeroes the rest, as the JavaScript loop does', () => {
    const { arena, elementwise } = kernels();
    const v = values(4 * 257, 3);
    const input = arena.allocate(v.length, v);
    const output = arena.allocate(v.length);
    const after = arena.allocate(4, new Float32Array([1, 2, 3, 4]));
    reluOnSimd(elementwise, input, output);
    const expected = Float32Array.from(v);
    activate(expected, ACTIVATION.RELU);
    expect(output.view).toStrictEqual(expected);
    expect([...output.view].filter((value) => Object.is(value, -0))).toHaveLength(
      [...v].filter((value) => Object.is(value, -0)).length,
    );
    expect([...after.view]).toStrictEqual([1, 2, 3, 4]);
  });
});
