/**
 * One block of memory for a network's tensors, weights laid out for its kernels, and working space:
 * the WebAssembly memory of its SIMD kernel where there is one (so the kernel reads and writes them in
 * place), an ArrayBuffer where there is not. Slots are handed out while the network is loaded, which
 * may grow the memory; a slot's view is made again when it has, so no view outlives its buffer.
 */
import type { SimdKernel } from '../wasm.ts';

/** Floats left unused after every slot: a SIMD kernel's whole-vector stores may reach that far. */
const SLACK = 4;

export class Slot {
  #view: Float32Array | undefined;

  constructor(
    private readonly arena: TensorArena,
    /** In floats, from the memory's start; a multiple of 4, so every slot starts on a 16-byte boundary. */
    readonly offset: number,
    readonly length: number,
    /** The floats it may use, from its offset (its length, or more for a slot reused by a smaller tensor). */
    readonly capacity = length,
  ) {}

  /** The same memory for a tensor of `length` floats, at most its capacity. */
  narrowed(length: number): Slot {
    if (length > this.capacity) throw new Error(`A slot of ${this.capacity} floats cannot hold ${length}`);
    return new Slot(this.arena, this.offset, length, this.capacity);
  }

  /** The slot's floats, on the memory's current buffer. */
  get view(): Float32Array {
    const buffer = this.arena.buffer;
    if (this.#view?.buffer !== buffer) this.#view = new Float32Array(buffer, this.offset * 4, this.length);
    return this.#view;
  }

  /** Its first float's byte address in the memory, as a WebAssembly kernel takes it. */
  get address(): number {
    return this.offset * 4;
  }
}

export class TensorArena {
  #used = 0;
  #buffer = new ArrayBuffer(0);

  constructor(private readonly kernel: SimdKernel | null) {}

  get buffer(): ArrayBuffer {
    return this.#buffer;
  }

  /** A new slot of `length` floats, zeroed; `values`, when given, copied into it. */
  allocate(length: number, values?: Float32Array): Slot {
    const slot = new Slot(this, this.#used, length);
    this.#used += Math.ceil((length + SLACK) / 4) * 4;
    this.#grow(this.#used * 4);
    if (values) slot.view.set(values);
    return slot;
  }

  #grow(bytes: number): void {
    if (bytes <= this.#buffer.byteLength) return;
    if (this.kernel) {
      this.#buffer = this.kernel.memoryFor(bytes).buffer as ArrayBuffer;
      return;
    }
    const grown = new ArrayBuffer(Math.max(bytes, 2 * this.#buffer.byteLength));
    new Uint8Array(grown).set(new Uint8Array(this.#buffer));
    this.#buffer = grown;
  }
}
