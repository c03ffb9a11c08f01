/**
 * The WebAssembly instructions our kernels are written in (wasm.ts assembles them into modules), each
 * a list of bytes, and the LEB128 integers they are encoded with.
 */

const simd = (op: number, ...immediates: number[]) => [0xfd, ...uleb(op), ...immediates];

/**
 * Encodings of the instructions we use, each a list of bytes (WebAssembly core spec 2.0, §5.4; SIMD
 * opcodes from the SIMD proposal's BinarySIMD.md). Memory accesses claim no alignment.
 */
export const wasm = {
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  f64: (value: number) => [0x44, ...new Uint8Array(new Float64Array([value]).buffer)],
  /** v128.load / v128.store at `offset` bytes past the address. */
  load: (offset = 0) => [0xfd, 0x00, 0x00, ...uleb(offset)],
  store: (offset = 0) => [0xfd, 0x0b, 0x00, ...uleb(offset)],
  /** v128.load8x8_u at `offset` bytes past the address: 8 bytes widened to 16-bit lanes. */
  load8x8U: (offset = 0) => [0xfd, 0x02, 0x00, ...uleb(offset)],
  I32_LOAD: (offset = 0) => [0x28, 0x00, ...uleb(offset)],
  I32_STORE: [0x36, 0x00, 0x00],
  I64_LOAD: [0x29, 0x00, 0x00],
  F64_LOAD: (offset = 0) => [0x2b, 0x00, ...uleb(offset)],
  F32_LOAD: (offset = 0) => [0x2a, 0x00, ...uleb(offset)],
  LOAD32_ZERO: simd(0x5c, 0x00, 0x00), // v128.load32_zero
  LOAD64_ZERO: simd(0x5d, 0x00, 0x00), // v128.load64_zero
  /** v128.load64_zero at `offset` bytes past the address: two floats into a vector's low half. */
  load64Zero: (offset = 0) => simd(0x5d, 0x00, ...uleb(offset)),
  F32X4_DEMOTE: simd(0x5e), // f32x4.demote_f64x2_zero
  F64X2_PROMOTE_LOW: simd(0x5f), // f64x2.promote_low_f32x4
  F32X4_PMAX: simd(0xeb), // f32x4.pmax: b if a < b, else a
  ADD: [0x6a],
  SUB: [0x6b],
  MUL: [0x6c],
  AND: [0x71],
  SHL: [0x74],
  SHR_S: [0x75],
  EQZ: [0x45],
  EQ: [0x46],
  LT_S: [0x48],
  LT_U: [0x49],
  GT_S: [0x4a],
  GT_U: [0x4b],
  GE_S: [0x4e],
  GE_U: [0x4f],
  SELECT: [0x1b],
  F_NE: [0x62],
  F_NEAREST: [0x9e],
  F_ADD: [0xa0],
  F_MUL: [0xa2],
  F_DIV: [0xa3],
  F_MIN: [0xa4],
  F_MAX: [0xa5],
  F_OF_I: [0xb7], // f64.convert_i32_s
  I_OF_F: [0xfc, 0x02], // i32.trunc_sat_f64_s
  SUB_SAT_U: simd(0x73), // i8x16.sub_sat_u: a - b, at least 0
  MIN_U: simd(0x77), // i8x16.min_u
  MAX_U: simd(0x79), // i8x16.max_u
  SHUFFLE: (...lanes: number[]) => simd(0x0d, ...lanes), // i8x16.shuffle
  SPLAT: simd(0x11), // i32x4.splat
  EXTRACT: (lane: number) => simd(0x1b, lane), // i32x4.extract_lane
  REPLACE: (lane: number) => simd(0x1c, lane), // i32x4.replace_lane
  REPLACE64: (lane: number) => simd(0x1e, lane), // i64x2.replace_lane
  NARROW_16_8_U: simd(0x66), // i8x16.narrow_i16x8_u
  NARROW_32_16: simd(0x85), // i16x8.narrow_i32x4_s
  WIDEN_LOW_U: simd(0x89), // i16x8.extend_low_i8x16_u
  WIDEN_HIGH_U: simd(0x8a), // i16x8.extend_high_i8x16_u
  I32X4_SHR_S: simd(0xac),
  I32X4_ADD: simd(0xae),
  I32X4_SUB: simd(0xb1),
  DOT: simd(0xba), // i32x4.dot_i16x8_s
  WIDEN_LOW_U16: simd(0xa9), // i32x4.extend_low_i16x8_u
  F32X4_SPLAT: simd(0x13),
  F32X4_ADD: simd(0xe4),
  F32X4_MUL: simd(0xe6),
  F32X4_NEAREST: simd(0x6a),
  F32X4_OF_I32X4: simd(0xfa), // f32x4.convert_i32x4_s
  I32X4_OF_F32X4: simd(0xf8), // i32x4.trunc_sat_f32x4_s
  F64X2_SPLAT: simd(0x14),
  F64X2_REPLACE: (lane: number) => simd(0x22, lane), // f64x2.replace_lane
  F64X2_NE: simd(0x48),
  F64X2_NEAREST: simd(0x94),
  F64X2_ADD: simd(0xf0),
  F64X2_MUL: simd(0xf2),
  F64X2_DIV: simd(0xf3),
  I32X4_OF_F64X2: simd(0xfc), // i32x4.trunc_sat_f64x2_s_zero
  V128_AND: simd(0x4e),
  I16X8_SPLAT: simd(0x10),
  I8X16_SPLAT: simd(0x0f),
  I8X16_EQ: simd(0x23),
  I16X8_LT_S: simd(0x2f),
  I16X8_GT_S: simd(0x31),
  I16X8_GE_S: simd(0x35),
  I32X4_LT_S: simd(0x39),
  I32X4_GT_S: simd(0x3b),
  V128_OR: simd(0x50),
  V128_XOR: simd(0x51),
  BITSELECT: simd(0x52), // v128.bitselect(a, b, mask): a where the mask's bits are set, else b
  I16X8_ABS: simd(0x80),
  I16X8_SHL: simd(0x8b),
  I16X8_SUB: simd(0x91),
  WIDEN_LOW_S16: simd(0xa7), // i32x4.extend_low_i16x8_s
  WIDEN_HIGH_S16: simd(0xa8), // i32x4.extend_high_i16x8_s
  I32X4_SHL: simd(0xab),
  EXTMUL_LOW_S16: simd(0xbc), // i32x4.extmul_low_i16x8_s
  EXTMUL_HIGH_S16: simd(0xbd), // i32x4.extmul_high_i16x8_s
  I16X8_ADD: simd(0x8e),
  I16X8_MUL: simd(0x95),
  I32X4_SHR_U: simd(0xad),
  EXTMUL_LOW_U16: simd(0xbe), // i32x4.extmul_low_i16x8_u
  EXTMUL_HIGH_U16: simd(0xbf), // i32x4.extmul_high_i16x8_u
  NARROW_32_16_U: simd(0x86), // i16x8.narrow_i32x4_u
  /** v128.store64_lane: the vector's 64-bit lane at the address (the address, then the vector, on the stack). */
  STORE64_LANE: (lane: number) => simd(0x5b, 0x00, 0x00, lane),
  /** A block holding a loop: `br 0` inside goes round again, `br_if 1` leaves. */
  BLOCK: [0x02, 0x40],
  LOOP: [0x03, 0x40],
  IF: [0x04, 0x40],
  ELSE: [0x05],
  END: [0x0b],
  CONTINUE: [0x0c, 0],
  EXIT_IF: [0x0d, 1],
} as const;

/** An unsigned LEB128 integer. */
export function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** A signed LEB128 integer. */
function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      return bytes;
    }
    bytes.push(byte | 0x80);
  }
}
