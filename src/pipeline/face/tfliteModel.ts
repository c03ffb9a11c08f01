/**
 * Just enough of a TFLite model reader to run BlazeFace: the model file is a FlatBuffer
 * (tensorflow/lite/schema/schema.fbs), and we read only the parts a forward pass needs: the buffers,
 * the tensors (shape, type, buffer, quantisation), the operators (opcode, inputs, outputs, options) and
 * the first subgraph's inputs and outputs. Field numbers below are the schema's, counted from 0.
 */

/** schema.fbs TensorType: the element types we meet. */
export const TENSOR_TYPE = { FLOAT32: 0, FLOAT16: 1, INT32: 2 } as const;

export interface TfliteTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly type: number;
  /** The constant data of a weight, bias or shape; null for what the network computes. */
  readonly data: Uint8Array | null;
  /** Per-tensor or per-channel quantisation scales (empty when the tensor is not quantised). */
  readonly scales: readonly number[];
}

export interface TfliteOperator {
  /** schema.fbs BuiltinOperator. */
  readonly opcode: number;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  /** The builtin options table, read by field number (each op knows its own options' layout). */
  readonly options: FlatTable | null;
}

export interface TfliteModel {
  readonly tensors: readonly TfliteTensor[];
  readonly operators: readonly TfliteOperator[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

/** A FlatBuffer table: its fields by number, absent ones given their schema default. */
export class FlatTable {
  private readonly view: DataView;
  private readonly vtable: number;
  private readonly vtableSize: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly at: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.vtable = at - this.view.getInt32(at, true);
    this.vtableSize = this.view.getUint16(this.vtable, true);
  }

  /** Where field `field` is stored, or 0 when the table leaves it out. */
  private field(field: number): number {
    const entry = 4 + 2 * field;
    if (entry >= this.vtableSize) return 0;
    const offset = this.view.getUint16(this.vtable + entry, true);
    return offset === 0 ? 0 : this.at + offset;
  }

  /** Where an offset field (table, vector, string) points, or 0. */
  private target(field: number): number {
    const at = this.field(field);
    return at === 0 ? 0 : at + this.view.getUint32(at, true);
  }

  int8(field: number, fallback = 0): number {
    const at = this.field(field);
    return at === 0 ? fallback : this.view.getInt8(at);
  }

  uint8(field: number, fallback = 0): number {
    const at = this.field(field);
    return at === 0 ? fallback : this.view.getUint8(at);
  }

  int32(field: number, fallback = 0): number {
    const at = this.field(field);
    return at === 0 ? fallback : this.view.getInt32(at, true);
  }

  uint32(field: number, fallback = 0): number {
    const at = this.field(field);
    return at === 0 ? fallback : this.view.getUint32(at, true);
  }

  table(field: number): FlatTable | null {
    const at = this.target(field);
    return at === 0 ? null : new FlatTable(this.bytes, at);
  }

  string(field: number): string {
    const at = this.target(field);
    if (at === 0) return '';
    const length = this.view.getUint32(at, true);
    return new TextDecoder().decode(this.bytes.subarray(at + 4, at + 4 + length));
  }

  /** A vector of scalars or structs, as its raw bytes (`size` bytes an element); empty when absent. */
  bytesOf(field: number, size = 1): Uint8Array {
    const at = this.target(field);
    if (at === 0) return new Uint8Array(0);
    const length = this.view.getUint32(at, true);
    return this.bytes.subarray(at + 4, at + 4 + length * size);
  }

  int32s(field: number): number[] {
    const raw = this.bytesOf(field, 4);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getInt32(i * 4, true));
  }

  float32s(field: number): number[] {
    const raw = this.bytesOf(field, 4);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  }

  tables(field: number): FlatTable[] {
    const at = this.target(field);
    if (at === 0) return [];
    const length = this.view.getUint32(at, true);
    return Array.from({ length }, (_, i) => {
      const slot = at + 4 + i * 4;
      return new FlatTable(this.bytes, slot + this.view.getUint32(slot, true));
    });
  }
}

/** "TFL3", at bytes 4–7 of every TFLite model. */
const FILE_IDENTIFIER = 'TFL3';

/** Reads a TFLite model's first subgraph; throws for bytes that are not one. */
export function readTfliteModel(bytes: Uint8Array): TfliteModel {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(4, 8)) !== FILE_IDENTIFIER)
    throw new Error('Not a TFLite model (no TFL3 identifier)');
  const root = new FlatTable(bytes, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true));
  // Model: 1 operator_codes, 2 subgraphs, 4 buffers.
  // OperatorCode: 0 deprecated_builtin_code (int8), 3 builtin_code (int32, which newer writers fill).
  const opcodes = root.tables(1).map((code) => Math.max(code.int8(0), code.int32(3)));
  const buffers = root.tables(4).map((buffer) => buffer.bytesOf(0));
  const [graph] = root.tables(2);
  if (!graph) throw new Error('The TFLite model has no subgraph');
  // SubGraph: 0 tensors, 1 inputs, 2 outputs, 3 operators.
  // Tensor: 0 shape, 1 type, 2 buffer, 3 name, 4 quantization (QuantizationParameters: 2 scale).
  const tensors = graph.tables(0).map((tensor): TfliteTensor => {
    const data = buffers[tensor.uint32(2)];
    return {
      name: tensor.string(3),
      shape: tensor.int32s(0),
      type: tensor.int8(1),
      data: data && data.length > 0 ? data : null,
      scales: tensor.table(4)?.float32s(2) ?? [],
    };
  });
  // Operator: 0 opcode_index, 1 inputs, 2 outputs, 4 builtin_options.
  const operators = graph.tables(3).map((operator): TfliteOperator => {
    const opcode = opcodes[operator.uint32(0)];
    if (opcode === undefined) throw new Error('A TFLite operator names an opcode the model lacks');
    return {
      opcode,
      inputs: operator.int32s(1),
      outputs: operator.int32s(2),
      options: operator.table(4),
    };
  });
  return { tensors, operators, inputs: graph.int32s(1), outputs: graph.int32s(2) };
}
