/**
 * Canny's WebAssembly kernels (canny.ts drives them), emitted with wasm.ts: the gradient and its
 * non-maximum suppression eight pixels a step, and the marking of the edges found 16 pixels a step.
 */
import { emitRowGroups, simdModule, wasm } from '../wasm.ts';

/** tan 22.5° (√2 − 1) in 15-bit fixed point, as canny.cpp's TG22 rounds it: 13573. */
const TG22 = Math.round((Math.SQRT2 - 1) * (1 << 15));

/** The map's states (canny.ts): a maximum above low, none, a maximum above high; and reached from one. */
export const MAP_STATES = { MAY: 0, CANNOT: 1, EDGE: 2, FOLLOWED: 3 } as const;

/** Pixels a step of the gradient and the suppression: eight 16-bit lanes. */
export const GRADIENT_STEP = 8;

const P = { plane: 0, stride: 1, width: 2, height: 3, dx: 4, dy: 5, magnitude: 6, map: 7, low: 8, high: 9 };
const PARAMS = 10;
const I = { y: 10, x: 11, last: 12, cell: 13 };
const I32_LOCALS = 4;
const VECTORS = [
  'gx',
  'gy',
  'm',
  'h',
  'v',
  'low',
  'high',
  'tg22',
  'ax',
  'ay',
  'one',
  'two',
  'maximum',
] as const;
const V = Object.fromEntries(VECTORS.map((name, i) => [name, PARAMS + I32_LOCALS + i])) as Record<
  (typeof VECTORS)[number],
  number
>;

type Emit = (...instructions: (readonly number[])[]) => void;

/**
 * `maxima(plane, stride, width, height, dx, dy, magnitude, map, low, high)`: over the padded plane
 * (`stride` = width + 2 bytes a row, height + 2 rows), first the Sobel derivatives (int16) and their
 * L1 magnitude at each pixel's padded place, then each pixel's state in the map: MAY where its
 * magnitude is a maximum across the edge and above low, EDGE where above high too, else CANNOT.
 * A row's last step overlaps the one before rather than run past the row (width ≥ 8).
 */
export function maximaModule(): Uint8Array<ArrayBuffer> {
  const code: number[] = [];
  const emit: Emit = (...instructions) => {
    for (const instruction of instructions) code.push(...instruction);
  };
  const { get, set, i32, SUB, I16X8_SPLAT } = wasm;
  emit(get(P.low), I16X8_SPLAT, set(V.low), get(P.high), I16X8_SPLAT, set(V.high));
  emit(i32(TG22), I16X8_SPLAT, set(V.tg22), i32(1), I16X8_SPLAT, set(V.one), i32(2), I16X8_SPLAT, set(V.two));
  emit(get(P.width), i32(GRADIENT_STEP), SUB, set(I.last));
  overSteps(emit, () => gradientStep(emit));
  overSteps(emit, () => suppressionStep(emit));
  return simdModule({
    name: 'maxima',
    params: PARAMS,
    locals: [
      [I32_LOCALS, 'i32'],
      [VECTORS.length, 'v128'],
    ],
    code,
  });
}

/** For each row and each step of its pixels, `atStep` with I.cell the step's first pixel's padded place. */
function overSteps(emit: Emit, atStep: () => void): void {
  const { get, set, i32, ADD, MUL, GE_S, GT_S, EQ, SELECT, BLOCK, LOOP, END, CONTINUE, EXIT_IF } = wasm;
  emit(i32(0), set(I.y), BLOCK, LOOP, get(I.y), get(P.height), GE_S, EXIT_IF);
  emit(i32(0), set(I.x), BLOCK, LOOP);
  emit(get(I.last), get(I.x), get(I.x), get(I.last), GT_S, SELECT, set(I.x)); // x = min(x, last)
  emit(get(I.y), i32(1), ADD, get(P.stride), MUL, get(I.x), ADD, i32(1), ADD, set(I.cell));
  atStep();
  emit(get(I.x), get(I.last), EQ, EXIT_IF, get(I.x), i32(GRADIENT_STEP), ADD, set(I.x), CONTINUE, END, END);
  emit(get(I.y), i32(1), ADD, set(I.y), CONTINUE, END, END);
}

/** The address of the step's place moved `rows` and `columns`, in a plane at `plane` of `bytes` a cell. */
function placeOf(plane: number, rows: number, columns: number, bytes: 1 | 2): number[] {
  const { get, i32, ADD, MUL, SHL } = wasm;
  const moved = rows === 0 ? [] : [...get(P.stride), ...i32(rows), ...MUL, ...ADD];
  const cell = [...get(I.cell), ...moved, ...(columns === 0 ? [] : [...i32(columns), ...ADD])];
  return [...get(plane), ...cell, ...(bytes === 2 ? [...i32(1), ...SHL] : []), ...ADD];
}

/** The Sobel derivatives of the step's pixels and their L1 magnitude, stored at their places. */
function gradientStep(emit: Emit): void {
  const { get, set, i32, load8x8U, store, I16X8_ADD, I16X8_SUB, I16X8_SHL, I16X8_ABS } = wasm;
  const pixels = (rows: number, columns: number) => [...placeOf(P.plane, rows, columns, 1), ...load8x8U(0)];
  type Place = readonly [rows: number, columns: number];
  const difference = ([plus, minus]: readonly [Place, Place]) => [
    ...pixels(...plus),
    ...pixels(...minus),
    ...I16X8_SUB,
  ];
  /** A derivative: the three differences, the middle one counted twice. */
  const sobel = (differences: readonly (readonly [Place, Place])[]) =>
    emit(
      difference(differences[0]!),
      difference(differences[1]!),
      i32(1),
      I16X8_SHL,
      I16X8_ADD,
      difference(differences[2]!),
      I16X8_ADD,
    );
  // gx = (up right − up left) + 2 (right − left) + (down right − down left)
  sobel([
    [
      [-1, 1],
      [-1, -1],
    ],
    [
      [0, 1],
      [0, -1],
    ],
    [
      [1, 1],
      [1, -1],
    ],
  ]);
  emit(set(V.gx));
  // gy = (down left − up left) + 2 (down − up) + (down right − up right)
  sobel([
    [
      [1, -1],
      [-1, -1],
    ],
    [
      [1, 0],
      [-1, 0],
    ],
    [
      [1, 1],
      [-1, 1],
    ],
  ]);
  emit(set(V.gy));
  emit(placeOf(P.dx, 0, 0, 2), get(V.gx), store(0), placeOf(P.dy, 0, 0, 2), get(V.gy), store(0));
  emit(placeOf(P.magnitude, 0, 0, 2), get(V.gx), I16X8_ABS, get(V.gy), I16X8_ABS, I16X8_ADD, store(0));
}

/**
 * The step's pixels' states, from their magnitudes and derivatives (canny.cpp's arithmetic): across
 * the edge horizontally where |dy| 2^15 < |dx| TG22, vertically where |dy| 2^15 > |dx| (TG22 + 2^16),
 * else diagonally; a maximum there, then above low and above high. Stored as bytes in the map.
 */
function suppressionStep(emit: Emit): void {
  const { get, set, i32, load, I16X8_SPLAT, I16X8_ADD, I16X8_ABS, I16X8_GT_S, I16X8_GE_S, I16X8_LT_S } = wasm;
  const { V128_AND, V128_XOR, BITSELECT, NARROW_16_8_U, STORE64_LANE } = wasm;
  const magnitudes = (rows: number, columns: number) => [
    ...placeOf(P.magnitude, rows, columns, 2),
    ...load(0),
  ];
  /** m > the magnitude at (rows, columns), and m ≥ (or >, `strictAfter`) the one opposite. */
  const maximumAlong = (rows: number, columns: number, strictAfter: boolean) =>
    emit(
      get(V.m),
      magnitudes(rows, columns),
      I16X8_GT_S,
      get(V.m),
      magnitudes(-rows, -columns),
      strictAfter ? I16X8_GT_S : I16X8_GE_S,
      V128_AND,
    );
  emit(magnitudes(0, 0), set(V.m));
  emit(placeOf(P.dx, 0, 0, 2), load(0), set(V.gx), placeOf(P.dy, 0, 0, 2), load(0), set(V.gy));
  emit(get(V.gx), I16X8_ABS, set(V.ax), get(V.gy), I16X8_ABS, set(V.ay));
  directionMasks(emit);
  // On a diagonal: up-left and down-right where dx and dy share a sign, else up-right and down-left.
  maximumAlong(-1, 1, true);
  maximumAlong(-1, -1, true);
  emit(get(V.gx), get(V.gy), V128_XOR, i32(0), I16X8_SPLAT, I16X8_LT_S, BITSELECT, set(V.maximum));
  maximumAlong(0, -1, false);
  maximumAlong(-1, 0, false);
  emit(get(V.maximum), get(V.v), BITSELECT, get(V.h), BITSELECT, set(V.maximum));
  // state = 1 + (a maximum above low: −1) + (a maximum above high: 2): MAY 0, CANNOT 1, EDGE 2.
  emit(get(V.one), get(V.maximum), get(V.m), get(V.low), I16X8_GT_S, V128_AND, I16X8_ADD);
  emit(get(V.maximum), get(V.m), get(V.high), I16X8_GT_S, V128_AND, get(V.two), V128_AND, I16X8_ADD);
  emit(set(V.m), placeOf(P.map, 0, 0, 1), get(V.m), get(V.m), NARROW_16_8_U, STORE64_LANE(0));
}

/**
 * V.h and V.v: which pixels of the step lie across a horizontal or a vertical edge, compared in 32
 * bits a half of the step at a time and narrowed back to 16-bit masks.
 */
function directionMasks(emit: Emit): void {
  const { get, set, i32, NARROW_32_16, I32X4_SHL, I32X4_ADD, I32X4_LT_S, I32X4_GT_S } = wasm;
  const { EXTMUL_LOW_S16, EXTMUL_HIGH_S16, WIDEN_LOW_S16, WIDEN_HIGH_S16 } = wasm;
  const halves = [
    [EXTMUL_LOW_S16, WIDEN_LOW_S16],
    [EXTMUL_HIGH_S16, WIDEN_HIGH_S16],
  ] as const;
  for (const [extmul, widen] of halves)
    emit(get(V.ay), widen, i32(15), I32X4_SHL, get(V.ax), get(V.tg22), extmul, I32X4_LT_S);
  emit(NARROW_32_16, set(V.h));
  for (const [extmul, widen] of halves) {
    emit(get(V.ay), widen, i32(15), I32X4_SHL, get(V.ax), get(V.tg22), extmul);
    emit(get(V.ax), widen, i32(16), I32X4_SHL, I32X4_ADD, I32X4_GT_S);
  }
  emit(NARROW_32_16, set(V.v));
}

/**
 * `mark(map, stride, width, height, edges)`: 255 into `edges` (width bytes a row) where the map's
 * state has EDGE's bit (EDGE or FOLLOWED), 16 pixels a step (width ≥ 16).
 */
export function markModule(): Uint8Array<ArrayBuffer> {
  const M = { map: 0, stride: 1, width: 2, height: 3, edges: 4 };
  const L = { y: 5, x: 6, last: 7, rowBytes: 8, rows: 9, edge: 10 };
  const code: number[] = [];
  const emit: Emit = (...instructions) => {
    for (const instruction of instructions) code.push(...instruction);
  };
  const { get, set, i32, ADD, MUL, load, store, I8X16_SPLAT, I8X16_EQ, V128_AND, V128_OR } = wasm;
  emit(
    i32(MAP_STATES.EDGE),
    I8X16_SPLAT,
    set(L.edge),
    get(M.width),
    set(L.rowBytes),
    get(M.height),
    set(L.rows),
  );
  const edgesAt = [...get(M.edges), ...get(L.y), ...get(M.width), ...MUL, ...ADD, ...get(L.x), ...ADD];
  const mapAt = [
    ...get(M.map),
    ...get(L.y),
    ...i32(1),
    ...ADD,
    ...get(M.stride),
    ...MUL,
    ...ADD,
    ...get(L.x),
    ...ADD,
  ];
  emitRowGroups(
    emit,
    L,
    () => {},
    () =>
      emit(
        edgesAt,
        edgesAt,
        load(0),
        mapAt,
        load(1),
        get(L.edge),
        V128_AND,
        get(L.edge),
        I8X16_EQ,
        V128_OR,
        store(0),
      ),
  );
  return simdModule({
    name: 'mark',
    params: 5,
    locals: [
      [5, 'i32'],
      [1, 'v128'],
    ],
    code,
  });
}
