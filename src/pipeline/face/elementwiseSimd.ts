/**
 * BlazeFace's ADD and RELU operators in WebAssembly SIMD, four floats at a time, over the network's
 * own memory (tensorArena.ts): with the convolutions in SIMD, their JavaScript loops (tensorOps.ts add
 * and activate) were a third of an inference. They give those loops' very values: JavaScript adds two
 * float32 as float64 and rounds the sum to float32 as it stores it, which is the float32 sum itself
 * (the float64 sum is exact, or rounded at a bit far below float32's); RELU keeps a value unless it is
 * below zero (f32x4.pmax: -0 and NaN stay, as they do there). For tensors of a multiple of 4 floats,
 * as all of BlazeFace's are.
 */
import type { Slot } from './tensorArena.ts';
import { simdKernelOn, simdModule, wasm, type SimdKernel } from '../wasm.ts';

const LANES = 4;

// Parameters (byte addresses, the bytes to go), then the local offset.
const [FIRST, SECOND, OUTPUT, BYTES, AT] = [0, 1, 2, 3, 4];

/** For each 16 bytes of the tensors: `vector` leaves the one to store at OUTPUT + AT. */
function elementwiseModule(name: string, vector: readonly (readonly number[])[]): Uint8Array<ArrayBuffer> {
  const { get, set, i32, ADD, GE_U, BLOCK, LOOP, END, CONTINUE, EXIT_IF, store } = wasm;
  const code = [
    ...[i32(0), set(AT), BLOCK, LOOP, get(AT), get(BYTES), GE_U, EXIT_IF],
    ...[get(OUTPUT), get(AT), ADD, ...vector, store(0)],
    ...[get(AT), i32(16), ADD, set(AT), CONTINUE, END, END],
  ].flat();
  return simdModule({ name, params: 4, locals: [[1, 'i32']], code });
}

const at = (address: number) => [wasm.get(address), wasm.get(AT), wasm.ADD, wasm.load(0)];

/** add(first, second, output, bytes): output = first + second. */
const addModule = () => elementwiseModule('add', [...at(FIRST), ...at(SECOND), wasm.F32X4_ADD]);

/** relu(input, unused, output, bytes): output = input, or 0 where it is below 0. */
const reluModule = () => elementwiseModule('relu', [...at(FIRST), wasm.i32(0), wasm.SPLAT, wasm.F32X4_PMAX]);

export interface ElementwiseSimd {
  readonly add: SimdKernel;
  readonly relu: SimdKernel;
}

/** The two kernels on the network's memory (that of `pointwise`), or null where they cannot run. */
export function loadElementwiseSimd(pointwise: SimdKernel): ElementwiseSimd | null {
  const add = simdKernelOn(pointwise, 'add', addModule);
  const relu = simdKernelOn(pointwise, 'relu', reluModule);
  return add && relu && { add, relu };
}

/** Whether the kernels run over a tensor of `length` floats. */
export const runsOnElementwiseSimd = (length: number) => length % LANES === 0;

/** output = first + second. */
export function addOnSimd(kernels: ElementwiseSimd, first: Slot, second: Slot, output: Slot): void {
  kernels.add.run(first.address, second.address, output.address, output.length * 4);
}

/** output = input, or 0 where it is below 0. */
export function reluOnSimd(kernels: ElementwiseSimd, input: Slot, output: Slot): void {
  kernels.relu.run(input.address, 0, output.address, output.length * 4);
}
