/**
 * A TFLite model's forward pass in our own code, for the few operators BlazeFace is made of: the model
 * is read once (tfliteModel.ts), its float16 weights widened once, each operator bound to its kernel
 * (tfliteKernels.ts) and to buffers allocated once and reused by tensors whose lives do not overlap.
 * An operator outside the list is refused when the model is loaded, by name, never skipped.
 */
import {
  activate,
  add,
  conv2d,
  depthwiseConv2d,
  float16ToFloat32,
  maxPool2d,
  pad,
  paddingBefore,
  pointwiseConv2d,
  transposeConvWeights,
  type Hwc,
  type Window,
} from './tfliteKernels.ts';
import { readTfliteModel, TENSOR_TYPE, type TfliteModel, type TfliteOperator } from './tfliteModel.ts';

/** schema.fbs BuiltinOperator: the operators we run. */
const OP = {
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

/** schema.fbs Padding. */
const PADDING_SAME = 0;

export interface TfliteNetwork {
  /** The input tensor's shape, NHWC. */
  readonly inputShape: readonly number[];
  /** Runs the network on `input` (float32, NHWC) and gives each output tensor by name, a copy. */
  run(input: Float32Array): Record<string, Float32Array>;
}

/** What an operator's kernel is bound with: its tensors' buffers, shapes and constants. */
interface Binding {
  readonly model: TfliteModel;
  readonly op: TfliteOperator;
  readonly weights: ReadonlyMap<number, Float32Array>;
  buffer(tensor: number): Float32Array;
}

/** Loads a float TFLite model (weights float32 or float16) for the operators in OP. */
export function loadTfliteNetwork(bytes: Uint8Array): TfliteNetwork {
  const model = readTfliteModel(bytes);
  const [inputTensor, ...otherInputs] = model.inputs;
  if (inputTensor === undefined || otherInputs.length > 0) throw new Error('Expected one input tensor');
  const weights = readWeights(model);
  const operators = model.operators.filter((op) => op.opcode !== OP.DEQUANTIZE);
  const buffers = allocateBuffers(model, operators, inputTensor);
  const buffer = (tensor: number) => {
    const found = buffers.get(tensor);
    if (!found) throw new Error(`TFLite tensor ${model.tensors[tensor]?.name} has no value`);
    return found;
  };
  const steps = operators.map((op) => bindOperator({ model, op, weights, buffer }));
  const input = buffer(inputTensor);
  return {
    inputShape: model.tensors[inputTensor]!.shape,
    run(values) {
      if (values.length !== input.length)
        throw new Error(`The network takes ${input.length} values, not ${values.length}`);
      input.set(values);
      for (const step of steps) step();
      return Object.fromEntries(
        model.outputs.map((tensor) => [model.tensors[tensor]!.name, buffer(tensor).slice()]),
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
 * A float32 buffer for the input and each operator's output, in the operators' order; a buffer whose
 * tensor is read for the last time is free for a later tensor of its size (outputs are never freed).
 */
function allocateBuffers(
  model: TfliteModel,
  operators: readonly TfliteOperator[],
  inputTensor: number,
): Map<number, Float32Array> {
  const lastUse = new Map<number, number>();
  operators.forEach((op, step) => op.inputs.forEach((tensor) => lastUse.set(tensor, step)));
  for (const tensor of model.outputs) lastUse.set(tensor, Infinity);
  const buffers = new Map<number, Float32Array>();
  const free: Float32Array[] = [];
  const allocate = (tensor: number) => {
    const { shape, type, name } = model.tensors[tensor]!;
    if (type !== TENSOR_TYPE.FLOAT32) throw new Error(`TFLite tensor ${name} is not float32`);
    const length = shape.reduce((product, side) => product * side, 1);
    const reused = free.findIndex((candidate) => candidate.length === length);
    buffers.set(tensor, reused >= 0 ? free.splice(reused, 1)[0]! : new Float32Array(length));
  };
  allocate(inputTensor);
  operators.forEach((op, step) => {
    for (const tensor of op.outputs) allocate(tensor);
    for (const tensor of new Set(op.inputs))
      if (lastUse.get(tensor) === step && buffers.has(tensor)) free.push(buffers.get(tensor)!);
  });
  return buffers;
}

function bindOperator(binding: Binding): () => void {
  const bind = BINDERS.get(binding.op.opcode);
  if (!bind) {
    const name = OP_NAMES.get(binding.op.opcode) ?? `builtin operator ${binding.op.opcode}`;
    throw new Error(`The TFLite reader does not run ${name}`);
  }
  return bind(binding);
}

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

/** A 4-D tensor's shape as height, width and channels; its batch must be 1. */
function hwc(binding: Binding, tensor: number): Hwc {
  const { shape, name } = binding.model.tensors[tensor]!;
  const [batch, height, width, channels] = shape;
  if (shape.length !== 4 || batch !== 1) throw new Error(`TFLite tensor ${name} is not 1 × H × W × C`);
  return { height: height!, width: width!, channels: channels! };
}

function weightsOf(binding: Binding, tensor: number | undefined): Float32Array {
  const found = tensor === undefined ? undefined : binding.weights.get(tensor);
  if (!found) throw new Error('A TFLite convolution has weights or a bias that are not constant');
  return found;
}

/** A convolution or pooling window from its options: padding at field 0, strides at 1 (x) and 2 (y). */
function windowOf(binding: Binding, inShape: Hwc, outShape: Hwc, kernel: [h: number, w: number]): Window {
  const options = binding.op.options;
  const same = (options?.int8(0) ?? PADDING_SAME) === PADDING_SAME;
  const strideX = options?.int32(1) ?? 1;
  const strideY = options?.int32(2) ?? 1;
  const [kernelHeight, kernelWidth] = kernel;
  const expected = (side: number, stride: number, size: number) =>
    same ? Math.ceil(side / stride) : Math.ceil((side - size + 1) / stride);
  if (
    expected(inShape.height, strideY, kernelHeight) !== outShape.height ||
    expected(inShape.width, strideX, kernelWidth) !== outShape.width
  )
    throw new Error('A TFLite window gives an output of another size than its tensor');
  return {
    kernelHeight,
    kernelWidth,
    strideY,
    strideX,
    padTop: paddingBefore(same, inShape.height, outShape.height, strideY, kernelHeight),
    padLeft: paddingBefore(same, inShape.width, outShape.width, strideX, kernelWidth),
  };
}

function refuseDilation(binding: Binding, fields: [number, number]): void {
  const options = binding.op.options;
  if ((options?.int32(fields[0], 1) ?? 1) !== 1 || (options?.int32(fields[1], 1) ?? 1) !== 1)
    throw new Error('The TFLite reader does not run dilated convolutions');
}

// Conv2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 fused_activation_function, 4–5 dilation.
function bindConv2d(binding: Binding): () => void {
  const { op } = binding;
  const [from, kernel, biasTensor] = op.inputs;
  const inShape = hwc(binding, from!);
  const outShape = hwc(binding, op.outputs[0]!);
  const weights = weightsOf(binding, kernel);
  const bias = weightsOf(binding, biasTensor);
  const kernelShape = binding.model.tensors[kernel!]!.shape;
  const window = windowOf(binding, inShape, outShape, [kernelShape[1]!, kernelShape[2]!]);
  refuseDilation(binding, [4, 5]);
  const activation = op.options?.int8(3) ?? 0;
  const [input, output] = [binding.buffer(from!), binding.buffer(op.outputs[0]!)];
  const pixels = outShape.height * outShape.width;
  if (window.kernelHeight === 1 && window.kernelWidth === 1 && window.strideX === 1 && window.strideY === 1)
    return () => {
      pointwiseConv2d(input, pixels, inShape.channels, weights, bias, output);
      activate(output, activation);
    };
  const transposed = transposeConvWeights(weights, kernelShape);
  return () => {
    conv2d(input, inShape, transposed, bias, window, output, outShape);
    activate(output, activation);
  };
}

// DepthwiseConv2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 depth_multiplier, 4 activation, 5–6 dilation.
function bindDepthwiseConv2d(binding: Binding): () => void {
  const { op } = binding;
  const [from, kernel, biasTensor] = op.inputs;
  const inShape = hwc(binding, from!);
  const outShape = hwc(binding, op.outputs[0]!);
  if (inShape.channels !== outShape.channels)
    throw new Error('The TFLite reader runs depthwise convolutions of depth multiplier 1 only');
  const weights = weightsOf(binding, kernel);
  const bias = weightsOf(binding, biasTensor);
  const kernelShape = binding.model.tensors[kernel!]!.shape;
  const window = windowOf(binding, inShape, outShape, [kernelShape[1]!, kernelShape[2]!]);
  refuseDilation(binding, [5, 6]);
  const activation = op.options?.int8(4) ?? 0;
  const [input, output] = [binding.buffer(from!), binding.buffer(op.outputs[0]!)];
  return () => {
    depthwiseConv2d(input, inShape, weights, bias, window, output, outShape);
    activate(output, activation);
  };
}

// Pool2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 filter_width, 4 filter_height, 5 activation.
function bindMaxPool2d(binding: Binding): () => void {
  const { op } = binding;
  const inShape = hwc(binding, op.inputs[0]!);
  const outShape = hwc(binding, op.outputs[0]!);
  const options = op.options;
  const window = windowOf(binding, inShape, outShape, [options?.int32(4) ?? 1, options?.int32(3) ?? 1]);
  const activation = options?.int8(5) ?? 0;
  const [input, output] = [binding.buffer(op.inputs[0]!), binding.buffer(op.outputs[0]!)];
  return () => {
    maxPool2d(input, inShape, window, output, outShape);
    activate(output, activation);
  };
}

// AddOptions: 0 fused_activation_function. Both inputs of one shape (no broadcasting).
function bindAdd(binding: Binding): () => void {
  const { op, model } = binding;
  const [a, b] = op.inputs.map((tensor) => binding.buffer(tensor));
  const output = binding.buffer(op.outputs[0]!);
  const shapes = [...op.inputs, op.outputs[0]!].map((tensor) => model.tensors[tensor]!.shape.join('×'));
  if (!a || !b || new Set(shapes).size !== 1) throw new Error('The TFLite reader adds tensors of one shape only');
  const activation = op.options?.int8(0) ?? 0;
  return () => {
    add(a, b, output);
    activate(output, activation);
  };
}

function bindRelu(binding: Binding): () => void {
  const [input, output] = [binding.buffer(binding.op.inputs[0]!), binding.buffer(binding.op.outputs[0]!)];
  return () => {
    output.set(input);
    activate(output, 1);
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
  if (at(0) !== 0 || view.getInt32(4, true) !== 0) throw new Error('The TFLite reader does not pad the batch');
  const before: Hwc = { height: at(1), width: at(2), channels: at(3) };
  const inShape = hwc(binding, op.inputs[0]!);
  const outShape = hwc(binding, op.outputs[0]!);
  const [input, output] = [binding.buffer(op.inputs[0]!), binding.buffer(op.outputs[0]!)];
  return () => pad(input, inShape, before, output, outShape);
}

/** The same values under another shape: a copy, so that every tensor keeps a buffer of its own. */
function bindReshape(binding: Binding): () => void {
  const [input, output] = [binding.buffer(binding.op.inputs[0]!), binding.buffer(binding.op.outputs[0]!)];
  if (input.length !== output.length) throw new Error('A TFLite reshape changes the number of values');
  return () => output.set(input);
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
  const activation = op.options?.int8(1) ?? 0;
  return () => {
    let to = 0;
    for (let slice = 0; slice < outer; slice++)
      for (const part of parts) {
        const size = part.length / outer;
        output.set(part.subarray(slice * size, (slice + 1) * size), to);
        to += size;
      }
    activate(output, activation);
  };
}
