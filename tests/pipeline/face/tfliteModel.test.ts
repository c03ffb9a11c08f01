import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLAZE_FACE_MODEL } from '../../../src/engines/browserAssets.ts';
import { readTfliteModel, TENSOR_TYPE } from '../../../src/pipeline/face/tfliteModel.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';

const modelBytes = () => new Uint8Array(readFileSync(join(PROJECT_ROOT, BLAZE_FACE_MODEL.source)));

describe('readTfliteModel', () => {
  it('reads BlazeFace: one 128 × 128 RGB input, its two named outputs, and its operators in order', () => {
    const model = readTfliteModel(modelBytes());
    const describeTensor = (index: number) => {
      const { name, shape, type } = model.tensors[index]!;
      return { name, shape, type };
    };
    expect(model.inputs.map(describeTensor)).toStrictEqual([
      { name: 'input', shape: [1, 128, 128, 3], type: TENSOR_TYPE.FLOAT32 },
    ]);
    expect(model.outputs.map(describeTensor)).toStrictEqual([
      { name: 'regressors', shape: [1, 896, 16], type: TENSOR_TYPE.FLOAT32 },
      { name: 'classificators', shape: [1, 896, 1], type: TENSOR_TYPE.FLOAT32 },
    ]);
    // The first layer: its float16 kernel and bias widened (DEQUANTIZE, 6), then CONV_2D (3), then RELU (19).
    expect(model.operators.slice(0, 4).map((op) => op.opcode)).toStrictEqual([6, 6, 3, 19]);
    const conv = model.operators[2]!;
    expect(conv.inputs.map((index) => model.tensors[index]!.shape)).toStrictEqual([
      [1, 128, 128, 3],
      [24, 5, 5, 3],
      [24],
    ]);
    // Conv2DOptions: padding SAME (0), stride 2 both ways.
    expect([conv.options?.int8(0), conv.options?.int32(1), conv.options?.int32(2)]).toStrictEqual([0, 2, 2]);
    const kernel = model.tensors[model.operators[1]!.inputs[0]!]!;
    expect([kernel.type, kernel.data?.length]).toStrictEqual([TENSOR_TYPE.FLOAT16, 24 * 5 * 5 * 3 * 2]);
  });

  it('refuses bytes that are not a TFLite model', () => {
    expect(() => readTfliteModel(new TextEncoder().encode('not a model at all'))).toThrow(/TFL3/);
  });
});
