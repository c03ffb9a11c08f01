/**
 * What binding a TFLite operator to its kernel takes (its tensors' slots, shapes, constants and
 * options), shared by the operators' binders (tfliteOperators.ts, convolutionOperators.ts).
 */
import type { SimdKernel } from '../wasm.ts';
import type { ElementwiseSimd } from './elementwiseSimd.ts';
import { paddingBefore, type Hwc, type Window } from './convolutions.ts';
import type { Slot, TensorArena } from './tensorArena.ts';
import { ACTIVATION } from './tensorOps.ts';
import type { TfliteModel, TfliteOperator } from './tfliteModel.ts';

export interface Binding {
  readonly model: TfliteModel;
  readonly op: TfliteOperator;
  /** The constant float tensors (weights and biases), by tensor. */
  readonly weights: ReadonlyMap<number, Float32Array>;
  readonly arena: TensorArena;
  /** The 1 × 1 convolution's SIMD kernel, whose memory the arena is; null where it cannot run. */
  readonly simd: SimdKernel | null;
  /** The 3 × 3 depthwise convolution's, on the same memory (depthwiseSimd.ts); null where it cannot run. */
  readonly depthwise: SimdKernel | null;
  /** ADD's and RELU's, on the same memory (elementwiseSimd.ts); null where they cannot run. */
  readonly elementwise: ElementwiseSimd | null;
  /** The slot of a tensor the network computes (its input, an operator's output). */
  buffer(tensor: number): Slot;
  readonly scratch: SharedScratch;
}

/** Working space the steps use in turn, one slot as long as the longest need, allocated once all are known. */
export class SharedScratch {
  #length = 0;
  #slot: Slot | undefined;

  need(length: number): void {
    this.#length = Math.max(this.#length, length);
  }

  allocate(arena: TensorArena): void {
    this.#slot = arena.allocate(this.#length);
  }

  get slot(): Slot {
    if (!this.#slot) throw new Error('The network’s working space is used before it is allocated');
    return this.#slot;
  }
}

/** schema.fbs Padding. */
const PADDING_SAME = 0;

/** A 4-D tensor's shape as height, width and channels; its batch must be 1. */
export function hwc(binding: Binding, tensor: number): Hwc {
  const { shape, name } = binding.model.tensors[tensor]!;
  const [batch, height, width, channels] = shape;
  if (shape.length !== 4 || batch !== 1) throw new Error(`TFLite tensor ${name} is not 1 × H × W × C`);
  return { height: height!, width: width!, channels: channels! };
}

export function weightsOf(binding: Binding, tensor: number | undefined): Float32Array {
  const found = tensor === undefined ? undefined : binding.weights.get(tensor);
  if (!found) throw new Error('A TFLite convolution has weights or a bias that are not constant');
  return found;
}

/** The fused activation in options field `field`: one of those `activate` applies, or refused. */
export function activationOf(binding: Binding, field: number): number {
  const activation = binding.op.options?.int8(field) ?? ACTIVATION.NONE;
  if (!Object.values(ACTIVATION).some((known) => known === activation))
    throw new Error(`The TFLite reader does not apply fused activation ${activation}`);
  return activation;
}

/** A convolution or pooling window from its options: padding at field 0, strides at 1 (x) and 2 (y). */
export function windowOf(
  binding: Binding,
  inShape: Hwc,
  outShape: Hwc,
  [kernelHeight, kernelWidth]: [h: number, w: number],
): Window {
  const options = binding.op.options;
  const same = (options?.int8(0) ?? PADDING_SAME) === PADDING_SAME;
  const strideX = options?.int32(1) ?? 1;
  const strideY = options?.int32(2) ?? 1;
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

/** Dilation factors at option fields `fields` (x, y) other than 1 are refused. */
export function refuseDilation(binding: Binding, fields: [number, number]): void {
  const options = binding.op.options;
  if ((options?.int32(fields[0], 1) ?? 1) !== 1 || (options?.int32(fields[1], 1) ?? 1) !== 1)
    throw new Error('The TFLite reader does not run dilated convolutions');
}
