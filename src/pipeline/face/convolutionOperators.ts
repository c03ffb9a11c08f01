/**
 * CONV_2D and DEPTHWISE_CONV_2D bound to their kernels (convolutions.ts, pointwiseSimd.ts). A 1 × 1
 * convolution of stride 1 runs as it is; any other as one over patches of its input, an output row at
 * a time; either in WebAssembly SIMD where the network has the kernel, in JavaScript where it has not.
 */
import { depthwiseConv2d, gatherPatches, padForWindows, pointwiseConv2d } from './convolutions.ts';
import { depthwiseOnSimd, runsOnDepthwiseSimd } from './depthwiseSimd.ts';
import { transposeForSimd } from './pointwiseSimd.ts';
import type { Slot } from './tensorArena.ts';
import { activate } from './tensorOps.ts';
import { activationOf, hwc, refuseDilation, weightsOf, windowOf, type Binding } from './tfliteBinding.ts';

/** Output channels = input pixels × weights + bias, for `pixels` pixels, written from float `at` of `output`. */
type Pointwise = (input: Slot, pixels: number, output: Slot, at: number) => void;

/** A 1 × 1 convolution by `weights` (OHWI) and `bias`, in SIMD where the network can. */
function pointwise(binding: Binding, weights: Float32Array, bias: Float32Array): Pointwise {
  const inChannels = weights.length / bias.length;
  const { simd } = binding;
  if (!simd) {
    return (input, pixels, output, at) =>
      pointwiseConv2d(input.view, pixels, inChannels, weights, bias, output.view.subarray(at));
  }
  const laidOut = transposeForSimd(weights, bias);
  const weightSlot = binding.arena.allocate(laidOut.weights.length, laidOut.weights);
  const biasSlot = binding.arena.allocate(laidOut.bias.length, laidOut.bias);
  return (input, pixels, output, at) =>
    simd.run(
      input.address,
      pixels,
      inChannels,
      weightSlot.address,
      biasSlot.address,
      output.address + at * 4,
      bias.length,
      laidOut.rowLength * 4,
    );
}

// Conv2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 fused_activation_function, 4–5 dilation.
export function bindConv2d(binding: Binding): () => void {
  const { op } = binding;
  const [from, kernel, biasTensor] = op.inputs;
  const inShape = hwc(binding, from!);
  const outShape = hwc(binding, op.outputs[0]!);
  const weights = weightsOf(binding, kernel);
  const bias = weightsOf(binding, biasTensor);
  const kernelShape = binding.model.tensors[kernel!]!.shape;
  const window = windowOf(binding, inShape, outShape, [kernelShape[1]!, kernelShape[2]!]);
  refuseDilation(binding, [4, 5]);
  const activation = activationOf(binding, 3);
  const [input, output] = [binding.buffer(from!), binding.buffer(op.outputs[0]!)];
  const run = pointwise(binding, weights, bias);
  if (window.kernelHeight === 1 && window.kernelWidth === 1 && window.strideX === 1 && window.strideY === 1)
    return () => {
      run(input, outShape.height * outShape.width, output, 0);
      activate(output.view, activation);
    };
  binding.scratch.need((outShape.width * weights.length) / outShape.channels);
  const rowLength = outShape.width * outShape.channels;
  return () => {
    const patches = binding.scratch.slot;
    for (let y = 0; y < outShape.height; y++) {
      gatherPatches(input.view, inShape, window, y, outShape.width, patches.view);
      run(patches, outShape.width, output, y * rowLength);
    }
    activate(output.view, activation);
  };
}

// DepthwiseConv2DOptions: 0 padding, 1 stride_w, 2 stride_h, 3 depth_multiplier, 4 activation, 5–6 dilation.
export function bindDepthwiseConv2d(binding: Binding): () => void {
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
  const activation = activationOf(binding, 4);
  const [input, output] = [binding.buffer(from!), binding.buffer(op.outputs[0]!)];
  // Wide and tall enough for the padding before, the input, and every window's reach after.
  const { strideX, strideY, kernelHeight, kernelWidth, padTop, padLeft } = window;
  const paddedHeight = Math.max(padTop + inShape.height, (outShape.height - 1) * strideY + kernelHeight);
  const paddedWidth = Math.max(padLeft + inShape.width, (outShape.width - 1) * strideX + kernelWidth);
  const paddedLength = paddedHeight * paddedWidth * inShape.channels;
  binding.scratch.need(paddedLength);
  const { depthwise } = binding;
  if (depthwise && runsOnDepthwiseSimd(window, outShape)) {
    const [weightSlot, biasSlot] = [
      binding.arena.allocate(weights.length, weights),
      binding.arena.allocate(bias.length, bias),
    ];
    return () => {
      const padded = binding.scratch.slot;
      padForWindows(input.view, inShape, padTop, padLeft, padded.view.subarray(0, paddedLength), paddedWidth);
      depthwiseOnSimd(depthwise, padded, paddedWidth, weightSlot, biasSlot, window, output, outShape);
      activate(output.view, activation);
    };
  }
  return () => {
    const padded = binding.scratch.slot.view.subarray(0, paddedLength);
    padForWindows(input.view, inShape, padTop, padLeft, padded, paddedWidth);
    depthwiseConv2d(padded, paddedWidth, weights, bias, window, output.view, outShape);
    activate(output.view, activation);
  };
}
