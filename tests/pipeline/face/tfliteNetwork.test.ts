import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FACE_SCENES, renderFaceScene } from '../../../scripts/rehearsal/faceScenes.ts';
import { BLAZE_FACE_MODEL } from '../../../src/engines/browserAssets.ts';
import { decodeBlazeFace, makeBlazeFaceInput } from '../../../src/pipeline/face/blazeFace.ts';
import { loadTfliteNetwork } from '../../../src/pipeline/face/tfliteNetwork.ts';
import { bindOperator, SharedScratch } from '../../../src/pipeline/face/tfliteOperators.ts';
import { readTfliteModel } from '../../../src/pipeline/face/tfliteModel.ts';
import { TensorArena } from '../../../src/pipeline/face/tensorArena.ts';
import { allowSimdKernels } from '../../../src/pipeline/wasm.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';

const modelBytes = () => new Uint8Array(readFileSync(join(PROJECT_ROOT, BLAZE_FACE_MODEL.source)));

afterEach(() => allowSimdKernels(true));

/** The drawn scene of two faces as the network takes it, -1..1. */
async function twoFacesInput() {
  const input = makeBlazeFaceInput(await renderFaceScene(FACE_SCENES['two-faces']));
  return { values: Float32Array.from(input.rgb, (value) => value / 127.5 - 1), letterbox: input.letterbox };
}

const maxAbsDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((most, value, i) => Math.max(most, Math.abs(value - b[i]!)), 0);

describe('loadTfliteNetwork', () => {
  it('runs BlazeFace in WebAssembly SIMD and in JavaScript to the same outputs, two faces from each', async () => {
    const simd = loadTfliteNetwork(modelBytes());
    allowSimdKernels(false);
    const plain = loadTfliteNetwork(modelBytes());
    expect([simd.simd, plain.simd]).toStrictEqual([true, false]);
    const { values, letterbox } = await twoFacesInput();
    const [a, b] = [simd.run(values), plain.run(values)];
    expect(Object.keys(a).sort()).toStrictEqual(['classificators', 'regressors']);
    expect(a['classificators']!.length).toBe(896);
    expect(a['regressors']!.length).toBe(896 * 16);
    // Sums of the same products in another order: float32 rounding apart, nothing more.
    expect(maxAbsDifference(a['classificators']!, b['classificators']!)).toBeLessThan(1e-3);
    expect(maxAbsDifference(a['regressors']!, b['regressors']!)).toBeLessThan(1e-3);
    for (const outputs of [a, b])
      expect(decodeBlazeFace(outputs['classificators']!, outputs['regressors']!, letterbox)).toHaveLength(2);
  });

  it('gives the same outputs run twice (its tensors share memory, nothing is left over from a run)', async () => {
    const network = loadTfliteNetwork(modelBytes());
    const { values } = await twoFacesInput();
    const first = network.run(values);
    network.run(new Float32Array(values.length).fill(0.7));
    expect(network.run(values)).toStrictEqual(first);
  });

  it('refuses an input of the wrong size, and an operator it does not run, by name', () => {
    const network = loadTfliteNetwork(modelBytes());
    expect(() => network.run(new Float32Array(10))).toThrow(/takes 49152 values, not 10/);
    const model = readTfliteModel(modelBytes());
    const binding = {
      model,
      // RELU6 (21): not among BlazeFace's operators.
      op: { opcode: 21, inputs: [], outputs: [], options: null },
      weights: new Map<number, Float32Array>(),
      arena: new TensorArena(null),
      simd: null,
      depthwise: null,
      elementwise: null,
      buffer: () => {
        throw new Error('no tensors');
      },
      scratch: new SharedScratch(),
    };
    expect(() => bindOperator(binding)).toThrow('The TFLite reader does not run builtin operator 21');
  });
});
