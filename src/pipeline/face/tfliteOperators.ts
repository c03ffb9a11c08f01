/**
 * The operators the TFLite reader runs, each bound once to its kernel and its tensors' slots: a step
 * that runs it. The convolutions are in convolutionOperators.ts; the rest are here.
 */
import { bindConv2d, bindDepthwiseConv2d } from './convolutionOperators.ts';
import { addOnSimd, reluOnSimd, runsOnElementwiseSimd } from './elementwiseSimd.ts';
import { activate, ACTIVATION, add, maxPool2d, pad } from './tensorOps.ts';
import { activationOf, hwc, windowOf, type Binding } from './tfliteBinding.ts';
import type { Slot } from './tensorArena.ts';
import { TENSOR_TYPE } from './tfliteModel.ts';

export { SharedScratch } from './tfliteBinding.ts';

/** schema.fbs BuiltinOperator: the operators we run (DEQUANTIZE on constants, when the model is loaded). */
export const OP = {
  ADD: 0,
  CONCATENATION: 2,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEQUANTIZE: 6,
  MAX_POOL_2D: 17,
  RELU: 19,
  RESHAPE: 22,
  PAD: 34,
} as const;

const OP_NAMES = new Map<number, string>(Object.entries(OP).map(([name, code]) => [code, name]));

const BINDERS = new Map<number, (binding: Binding) => () => void>([
  [OP.CONV_2D, bindConv2d],
  [OP.DEPTHWISE_CONV_2D, bindDepthwiseConv2d],
  [OP.MAX_POOL_2D, bindMaxPool2d],
  [OP.ADD, bindAdd],
  [OP.RELU, bindRelu],
  [OP.PAD, bindPad],
  [OP.RESHAPE, bindReshape],
  [OP.CONCATENATION, bindConcatenation],
]);

/** The step that runs `binding.op`; an operator we do not run is refused by name. */
export function bindOperator(binding: Binding): () => void {
  const bind = BINDERS.get(binding.op.opcode);
  if (!bind) {
    const name = OP_NAMES.get(binding.op.opcode) ?? `builtin operator ${binding.op.opcode}`;
    throw new Error(`The TFLite reader does not run ${name}`);
  }
  return bind(binding);
}

// Pool2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 filter_width, 4 filter_height, 5 activation.
function bindMaxPool2d(binding: Binding): () => void {
  const { op } = binding;
  const inShape = hwc(binding, op.inputs[0]!);
  const outShape = hwc(binding, op.outputs[0]!);
  const options = op.options;
  const window = windowOf(binding, inShape, outShape, [options?.int32(4) ?? 1, options?.int32(3) ?? 1]);
  const activation = activationOf(binding, 5);
  const [input, output] = [binding.buffer(op.inputs[0]!), binding.buffer(op.outputs[0]!)];
  return () => {
    maxPool2d(input.view, inShape, window, output.view, outShape);
    activate(output.view, activation);
  };
}

// AddOptions: 0 fused_activation_function. Both inputs of one shape (no broadcasting).
function bindAdd(binding: Binding): () => void {
  const { op, model } = binding;
  const shapes = [...op.inputs, op.outputs[0]!].map((tensor) => model.tensors[tensor]!.shape.join('×'));
  if (op.inputs.length !== 2 || new Set(shapes).size !== 1)
    throw new Error('The TFLite reader adds two tensors of one shape only');
  const [a, b] = op.inputs.map((tensor) => binding.buffer(tensor)) as [Slot, Slot];
  const output = binding.buffer(op.outputs[0]!);
  const activation = activationOf(binding, 0);
  const { elementwise } = binding;
  if (elementwise && runsOnElementwiseSimd(output.length))
    return () => {
      addOnSimd(elementwise, a, b, output);
      activate(output.view, activation);
    };
  return () => {
    add(a.view, b.view, output.view);
    activate(output.view, activation);
  };
}

function bindRelu(binding: Binding): () => void {
  const [input, output] = [binding.buffer(binding.op.inputs[0]!), binding.buffer(binding.op.outputs[0]!)];
  const { elementwise } = binding;
  if (elementwise && runsOnElementwiseSimd(output.length))
    return () => reluOnSimd(elementwise, input, output);
  return () => {
    output.view.set(input.view);
    activate(output.view, ACTIVATION.RELU);
  };
}

/** PAD with constant int32 paddings, [[before, after] per axis], the batch's unpadded. */
function bindPad(binding: Binding): () => void {
  const { op, model } = binding;
  const paddings = model.tensors[op.inputs[1]!];
  if (!paddings?.data || paddings.type !== TENSOR_TYPE.INT32)
    throw new Error('The TFLite reader pads by constant int32 paddings only');
  const view = new DataView(paddings.data.buffer, paddings.data.byteOffset, paddings.data.byteLength);
  const at = (axis: number) => view.getInt32(axis * 8, true);
  if (at(0) !== 0 || view.getInt32(4, true) !== 0)
    throw new Error('The TFLite reader does not pad the batch');
  const before = { height: at(1), width: at(2), channels: at(3) };
  const inShape = hwc(binding, op.inputs[0]!);
  const outShape = hwc(binding, op.outputs[0]!);
  const [input, output] = [binding.buffer(op.inputs[0]!), binding.buffer(op.outputs[0]!)];
  return () => pad(input.view, inShape, before, output.view, outShape);
}

/** The same values under another shape: a copy, so that every tensor keeps a slot of its own. */
function bindReshape(binding: Binding): () => void {
  const [input, output] = [binding.buffer(binding.op.inputs[0]!), binding.buffer(binding.op.outputs[0]!)];
  if (input.length !== output.length) throw new Error('A TFLite reshape changes the number of values');
  return () => output.view.set(input.view);
}

// ConcatenationOptions: 0 axis, 1 fused_activation_function.
function bindConcatenation(binding: Binding): () => void {
  const { op, model } = binding;
  const outShape = model.tensors[op.outputs[0]!]!.shape;
  const rawAxis = op.options?.int32(0) ?? 0;
  const axis = rawAxis < 0 ? rawAxis + outShape.length : rawAxis;
  const outer = outShape.slice(0, axis).reduce((product, side) => product * side, 1);
  const parts = op.inputs.map((tensor) => binding.buffer(tensor));
  const output = binding.buffer(op.outputs[0]!);
  const activation = activationOf(binding, 1);
  return () => {
    let to = 0;
    for (let slice = 0; slice < outer; slice++)
      for (const part of parts) {
        const size = part.length / outer;
        output.view.set(part.view.subarray(slice * size, (slice + 1) * size), to);
        to += size;
      }
    activate(output.view, activation);
  };
}
