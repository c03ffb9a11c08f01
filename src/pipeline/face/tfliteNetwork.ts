/**
 * A TFLite model's forward pass in our own code, for the few operators BlazeFace is made of: the model
 * is read once (tfliteModel.ts), its float16 weights widened once, each operator bound to its kernel
 * (tfliteOperators.ts) and to slots of one memory (tensorArena.ts), a slot reused by tensors whose lives
 * do not overlap. An operator outside the list is refused when the model is loaded, by name, never
 * skipped.
 */
import { loadDepthwiseSimd } from './depthwiseSimd.ts';
import { loadElementwiseSimd } from './elementwiseSimd.ts';
import { loadPointwiseSimd } from './pointwiseSimd.ts';
import { TensorArena, type Slot } from './tensorArena.ts';
import { float16ToFloat32 } from './tensorOps.ts';
import { bindOperator, OP, SharedScratch } from './tfliteOperators.ts';
import { readTfliteModel, TENSOR_TYPE, type TfliteModel, type TfliteOperator } from './tfliteModel.ts';

export interface TfliteNetwork {
  /** The input tensor's shape, NHWC. */
  readonly inputShape: readonly number[];
  /** Whether its 1 × 1 convolutions run in WebAssembly SIMD (pointwiseSimd.ts) or in JavaScript. */
  readonly simd: boolean;
  /** Runs the network on `input` (float32, NHWC) and gives each output tensor by name, a copy. */
  run(input: Float32Array): Record<string, Float32Array>;
}

/** Loads a float TFLite model (weights float32 or float16) for the operators in OP. */
export function loadTfliteNetwork(bytes: Uint8Array): TfliteNetwork {
  const model = readTfliteModel(bytes);
  const [inputTensor, ...otherInputs] = model.inputs;
  if (inputTensor === undefined || otherInputs.length > 0) throw new Error('Expected one input tensor');
  const simd = loadPointwiseSimd();
  const depthwise = simd && loadDepthwiseSimd(simd);
  const elementwise = simd && loadElementwiseSimd(simd);
  const arena = new TensorArena(simd);
  const weights = readWeights(model);
  const operators = model.operators.filter((op) => op.opcode !== OP.DEQUANTIZE);
  const slots = allocateTensors(model, operators, inputTensor, arena);
  const buffer = (tensor: number) => {
    const found = slots.get(tensor);
    if (!found) throw new Error(`TFLite tensor ${model.tensors[tensor]?.name} has no value`);
    return found;
  };
  const scratch = new SharedScratch();
  const steps = operators.map((op) =>
    bindOperator({ model, op, weights, arena, simd, depthwise, elementwise, buffer, scratch }),
  );
  scratch.allocate(arena);
  const input = buffer(inputTensor);
  return {
    inputShape: model.tensors[inputTensor]!.shape,
    simd: simd !== null,
    run(values) {
      if (values.length !== input.length)
        throw new Error(`The network takes ${input.length} values, not ${values.length}`);
      input.view.set(values);
      for (const step of steps) step();
      return Object.fromEntries(
        model.outputs.map((tensor) => [model.tensors[tensor]!.name, buffer(tensor).view.slice()]),
      );
    },
  };
}

/**
 * The constant float tensors: float32 data as it is, float16 data widened, DEQUANTIZE's outputs
 * computed now (their inputs are constants), so running the network never dequantises.
 */
function readWeights(model: TfliteModel): Map<number, Float32Array> {
  const weights = new Map<number, Float32Array>();
  model.tensors.forEach((tensor, index) => {
    if (tensor.data && tensor.type === TENSOR_TYPE.FLOAT32)
      weights.set(index, new Float32Array(new Uint8Array(tensor.data).buffer));
  });
  for (const op of model.operators) {
    if (op.opcode !== OP.DEQUANTIZE) continue;
    const from = model.tensors[op.inputs[0]!];
    if (!from?.data || from.type !== TENSOR_TYPE.FLOAT16)
      throw new Error('DEQUANTIZE is run only on constant float16 weights');
    weights.set(op.outputs[0]!, float16ToFloat32(from.data));
  }
  return weights;
}

/**
 * A slot for the input and each operator's output, in the operators' order; a slot whose tensor is
 * read for the last time is free for a later tensor no longer (the smallest that fits is taken;
 * outputs are never freed). BlazeFace's 6.3 MB of tensors fit in 2.8 MB so.
 */
function allocateTensors(
  model: TfliteModel,
  operators: readonly TfliteOperator[],
  inputTensor: number,
  arena: TensorArena,
): Map<number, Slot> {
  const lastUse = new Map<number, number>();
  operators.forEach((op, step) => op.inputs.forEach((tensor) => lastUse.set(tensor, step)));
  for (const tensor of model.outputs) lastUse.set(tensor, Infinity);
  const slots = new Map<number, Slot>();
  const free: Slot[] = [];
  const allocate = (tensor: number) => {
    const { shape, type, name } = model.tensors[tensor]!;
    if (type !== TENSOR_TYPE.FLOAT32) throw new Error(`TFLite tensor ${name} is not float32`);
    const length = shape.reduce((product, side) => product * side, 1);
    const fits = free.filter((candidate) => candidate.capacity >= length);
    const best = fits.reduce<Slot | undefined>((a, b) => (a && a.capacity <= b.capacity ? a : b), undefined);
    if (best) free.splice(free.indexOf(best), 1);
    slots.set(tensor, best ? best.narrowed(length) : arena.allocate(length));
  };
  allocate(inputTensor);
  operators.forEach((op, step) => {
    for (const tensor of op.outputs) allocate(tensor);
    for (const tensor of new Set(op.inputs))
      if (lastUse.get(tensor) === step && slots.has(tensor)) free.push(slots.get(tensor)!);
  });
  return slots;
}
