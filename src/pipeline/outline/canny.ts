/**
 * OpenCV's `Canny(src, dst, low, high)` of 8-bit planes (3 × 3 Sobel with the edge repeated, the L1
 * gradient), byte for byte, the gradient and its suppression in WebAssembly SIMD, eight pixels a
 * step, and the hysteresis in JavaScript: over ../shared/real-photos' first 30 photos at the outline
 * search's 900 px, an edge map of three channels took our OpenCV build 22 ms, and takes this 8-9
 * (Node, 2026-12-06); the outline search made 1-2 such maps a photo, 26 ms of a check's main thread.
 *
 * Canny's edges are a set, whatever order a program finds them in: the pixels whose gradient is a
 * local maximum across the edge (non-maximum suppression) and above `low`, joined 8-ways to one
 * above `high` through such pixels (hysteresis). OpenCV's canny.cpp skips pushing a strong pixel
 * beside one already pushed and reaches it from there; this pushes every one. The suppression is
 * canny.cpp's own integer arithmetic: the direction by tan 22.5° in 15-bit fixed point, the
 * neighbour before strictly smaller and the one after no larger (a plateau keeps one pixel), both
 * strictly smaller on the diagonals; the magnitude is 0 beyond the image.
 */
import { lazySimdKernel } from '../wasm.ts';
import { GRADIENT_STEP, MAP_STATES, markModule, maximaModule } from './cannyKernels.ts';

/**
 * The map's states: may be an edge, cannot be, is one (canny.cpp's); and is one, reached from one
 * above `high` (FOLLOWED, EDGE's bit and one more: the hysteresis starts from EDGE pixels, and need
 * not start again from those it reached).
 */
const { MAY, CANNOT, EDGE, FOLLOWED } = MAP_STATES;

/** A plane of 8-bit pixels, row after row. */
export interface Plane {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * The union of the planes' Canny edges (255 on each, else 0), the outline search's edges of any
 * colour; null where the kernels cannot run here (no WebAssembly SIMD, or planes narrower than a
 * step), the caller then asking OpenCV. `low` and `high` are taken as OpenCV takes them: swapped
 * where low is the higher, then floored.
 */
export function cannyEdgesOf(planes: readonly Plane[], low: number, high: number): Uint8Array | null {
  const { width, height } = planes[0]!;
  // The marking takes 16 bytes of a row a step.
  if (width < 2 * GRADIENT_STEP || height === 0) return null;
  const maxima = loadMaxima();
  const mark = loadMark();
  if (!maxima || !mark) return null;
  const [lower, higher] = low > high ? [high, low] : [low, high];
  // Thresholds as the kernel compares them, in 16 bits: no magnitude reaches 2^15 (at most 2040).
  const [lowAt, highAt] = [lower, higher].map((t) => Math.max(-32768, Math.min(32767, Math.floor(t))));
  const stride = width + 2;
  const cells = stride * (height + 2);
  const layout = {
    plane: 0,
    dx: align(cells),
    dy: align(cells) + align(2 * cells),
    magnitude: align(cells) + 2 * align(2 * cells),
    map: align(cells) + 3 * align(2 * cells),
    edges: 2 * align(cells) + 3 * align(2 * cells),
  };
  const memory = maxima.memoryFor(layout.edges + width * height);
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(0, layout.edges, layout.edges + width * height);
  // The magnitude's ring (the first and last rows, the columns either side) stays 0.
  new Int16Array(memory.buffer, layout.magnitude, cells).fill(0);
  const map = bytes.subarray(layout.map, layout.map + cells);
  for (const plane of planes) {
    padReplicated(plane, bytes.subarray(0, cells), stride);
    maxima.run(
      layout.plane,
      stride,
      width,
      height,
      layout.dx,
      layout.dy,
      layout.magnitude,
      layout.map,
      lowAt!,
      highAt!,
    );
    // The map's ring cannot be an edge: the hysteresis stops there.
    map.fill(CANNOT, 0, stride);
    map.fill(CANNOT, cells - stride);
    for (let y = 1; y <= height; y++) map[y * stride] = map[y * stride + width + 1] = CANNOT;
    followEdges(map, stride);
    mark.run(layout.map, stride, width, height, layout.edges);
  }
  return bytes.slice(layout.edges, layout.edges + width * height);
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** The plane with one pixel of its edge repeated on every side (OpenCV's BORDER_REPLICATE). */
function padReplicated(plane: Plane, padded: Uint8Array, stride: number): void {
  const { width, height, data } = plane;
  for (let y = 0; y < height + 2; y++) {
    const source = Math.min(height - 1, Math.max(0, y - 1)) * width;
    const at = y * stride;
    padded.set(data.subarray(source, source + width), at + 1);
    padded[at] = data[source]!;
    padded[at + width + 1] = data[source + width - 1]!;
  }
}

/**
 * Hysteresis: every MAY pixel joined 8-ways to an EDGE one becomes FOLLOWED (the map's ring is
 * CANNOT, so no step leaves the map).
 */
function followEdges(map: Uint8Array, stride: number): void {
  let stack = new Int32Array(4096);
  const cells = map.length;
  const words = new Uint32Array(map.buffer, map.byteOffset, cells >> 2);
  for (let seed = 0; seed < cells; seed++) {
    // Four map bytes at once where they lie whole before the end: most hold no EDGE.
    if ((seed & 3) === 0 && seed + 4 <= cells && !hasEdge(words[seed >> 2]!)) {
      seed += 3;
      continue;
    }
    if (map[seed] !== EDGE) continue;
    let top = 0;
    stack[top++] = seed;
    while (top > 0) {
      if (top + 8 > stack.length) stack = grown(stack);
      const at = stack[--top]!;
      // The eight neighbours written out: a loop over them made an array a pixel (13 ms a map, not 8).
      const [above, below] = [at - stride, at + stride];
      if (map[at - 1] === MAY) {
        map[at - 1] = FOLLOWED;
        stack[top++] = at - 1;
      }
      if (map[at + 1] === MAY) {
        map[at + 1] = FOLLOWED;
        stack[top++] = at + 1;
      }
      if (map[above - 1] === MAY) {
        map[above - 1] = FOLLOWED;
        stack[top++] = above - 1;
      }
      if (map[above] === MAY) {
        map[above] = FOLLOWED;
        stack[top++] = above;
      }
      if (map[above + 1] === MAY) {
        map[above + 1] = FOLLOWED;
        stack[top++] = above + 1;
      }
      if (map[below - 1] === MAY) {
        map[below - 1] = FOLLOWED;
        stack[top++] = below - 1;
      }
      if (map[below] === MAY) {
        map[below] = FOLLOWED;
        stack[top++] = below;
      }
      if (map[below + 1] === MAY) {
        map[below + 1] = FOLLOWED;
        stack[top++] = below + 1;
      }
    }
  }
}

/** Whether a byte of the word is EDGE: its bit 1 set and its bit 0 clear. */
const hasEdge = (word: number) => (word & 0x02020202 & ~(word << 1)) !== 0;

function grown(stack: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(stack.length * 2);
  bigger.set(stack);
  return bigger;
}

const loadMaxima = lazySimdKernel('maxima', maximaModule);
const loadMark = lazySimdKernel('mark', markModule);
