/**
 * A sheet of paper held up in the camera's view, for `numbers-shown`: the biggest region of bright,
 * colourless pixels, smoothly shaded within and set off by a step in brightness all round, that lies
 * wholly inside the frame, away from the face, and fills most of its bounding box; and the writing on
 * it: the darker marks it encloses. Pure over the frame's pixels. Thresholds: README.md beside this file.
 */
import type { DetectedFace } from '../face/types.ts';
import { cellMeans } from '../image.ts';
import { rectIn, type Rect, type RgbaImage } from '../types.ts';
import { SHEET_THRESHOLDS as T } from './sheetThresholds.ts';

export interface HeldSheet {
  /** The sheet's bounding box in the frame. */
  readonly box: Rect<'image'>;
  /** The paper's mean luma. */
  readonly paperLuma: number;
  /** The sheet's share of the frame. */
  readonly areaShare: number;
  /** Its dark marks: their share of the sheet's box, and the box round them (null when there are none). */
  readonly ink: { readonly share: number; readonly box: Rect<'image'> | null };
}

/** The frame looked at in square cells: each cell's mean luma, and whether it is bright and colourless. */
interface CellGrid {
  readonly columns: number;
  readonly rows: number;
  readonly cell: number;
  readonly luma: Float32Array;
  readonly paperLike: Uint8Array;
}

function cellGrid(image: RgbaImage): CellGrid {
  const { columns, rows, cell, rgb } = cellMeans(image, T.gridCells);
  const luma = new Float32Array(columns * rows);
  const paperLike = new Uint8Array(columns * rows);
  for (let i = 0; i < columns * rows; i++) {
    const [mr, mg, mb] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!];
    const y = 0.299 * mr + 0.587 * mg + 0.114 * mb;
    const max = Math.max(mr, mg, mb);
    luma[i] = y;
    paperLike[i] = y >= T.minLuma && max - Math.min(mr, mg, mb) <= T.colourless * max ? 1 : 0;
  }
  unlikeEdges(luma, paperLike, columns, rows);
  return { columns, rows, cell, luma, paperLike };
}

/**
 * Cells on an edge (luma differing by more than T.edgeStep from a cell two away: a sheet's border is
 * blurred over a cell or two) are not paper, so that a sheet is not joined to a wall through them.
 */
function unlikeEdges(luma: Float32Array, paperLike: Uint8Array, columns: number, rows: number): void {
  const edge = new Uint8Array(luma.length);
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < columns; x++) {
      const i = y * columns + x;
      const across = x >= 1 && x + 1 < columns ? Math.abs(luma[i + 1]! - luma[i - 1]!) : 0;
      const down = y >= 1 && y + 1 < rows ? Math.abs(luma[i + columns]! - luma[i - columns]!) : 0;
      if (Math.max(across, down) > T.edgeStep) edge[i] = 1;
    }
  for (let i = 0; i < edge.length; i++) if (edge[i]) paperLike[i] = 0;
}

interface Region {
  readonly label: number;
  readonly count: number;
  readonly lumaSum: number;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly touchesEdge: boolean;
}

/**
 * Paper-like cells joined to their neighbours (4-connected) where the luma steps by at most
 * T.joinStep: a sheet's shading is smooth, and its edge against anything behind it is a step.
 */
function smoothRegions(grid: CellGrid): { labels: Int32Array; regions: Region[] } {
  const { columns, rows, luma, paperLike } = grid;
  const labels = new Int32Array(columns * rows).fill(-1);
  const regions: Region[] = [];
  const stack: number[] = [];
  for (let seed = 0; seed < labels.length; seed++) {
    if (!paperLike[seed] || labels[seed] !== -1) continue;
    const label = regions.length;
    let [count, lumaSum, left, top, right, bottom, touchesEdge] = [0, 0, columns, rows, -1, -1, false];
    labels[seed] = label;
    stack.push(seed);
    // Plain arithmetic, no arrays made per cell: this runs on every camera frame.
    const join = (i: number, j: number) => {
      if (!paperLike[j] || labels[j] !== -1 || Math.abs(luma[j]! - luma[i]!) > T.joinStep) return;
      labels[j] = label;
      stack.push(j);
    };
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % columns;
      const y = (i - x) / columns;
      count++;
      lumaSum += luma[i]!;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x === 0 || y === 0 || x === columns - 1 || y === rows - 1) touchesEdge = true;
      if (x > 0) join(i, i - 1);
      if (x < columns - 1) join(i, i + 1);
      if (y > 0) join(i, i - columns);
      if (y < rows - 1) join(i, i + columns);
    }
    regions.push({ label, count, lumaSum, left, top, right, bottom, touchesEdge });
  }
  return { labels, regions };
}

/** Whether a region could be a sheet held up: whole in view, big enough, not too long, not the face. */
function couldBeSheet(region: Region, grid: CellGrid, faces: readonly DetectedFace[]): boolean {
  const width = region.right - region.left + 1;
  const height = region.bottom - region.top + 1;
  const [x, y] = [(region.left + width / 2) / grid.columns, (region.top + height / 2) / grid.rows];
  const onFace = faces.some(
    ({ box }) => x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height,
  );
  return (
    !region.touchesEdge &&
    !onFace &&
    (width * height) / (grid.columns * grid.rows) >= T.minAreaShare &&
    Math.max(width / height, height / width) <= T.maxAspect
  );
}

/**
 * The biggest region that could be a sheet and that fills its box (with the writing it encloses: a
 * sheet's outline is a quad, turned a little), and that writing; null when there is none.
 */
export function findHeldSheet(image: RgbaImage, faces: readonly DetectedFace[]): HeldSheet | null {
  const grid = cellGrid(image);
  const { labels, regions } = smoothRegions(grid);
  const found = regions
    .filter((region) => couldBeSheet(region, grid, faces))
    .sort((a, b) => b.count - a.count)
    .map((region) => ({ region, enclosed: enclosedCells(labels, grid, region) }))
    .find(({ region, enclosed }) => {
      const boxCells = (region.right - region.left + 1) * (region.bottom - region.top + 1);
      return (region.count + enclosed.length) / boxCells >= T.minFill;
    });
  if (!found) return null;
  const { region: sheet, enclosed } = found;
  const paperLuma = sheet.lumaSum / sheet.count;
  const ink = measureInk(image, grid, enclosed, paperLuma);
  // The cells on the sheet's own edge were left out as edges (unlikeEdges): its box takes them back.
  const { cell, columns, rows } = grid;
  const [left, top] = [Math.max(0, sheet.left - 1), Math.max(0, sheet.top - 1)];
  const [right, bottom] = [Math.min(columns - 1, sheet.right + 1), Math.min(rows - 1, sheet.bottom + 1)];
  const box = rectIn('image', left * cell, top * cell, (right - left + 1) * cell, (bottom - top + 1) * cell);
  return {
    box,
    paperLuma: Math.round(paperLuma),
    areaShare: (box.width * box.height) / (image.width * image.height),
    ink: { share: ink.pixels / (box.width * box.height), box: ink.box },
  };
}

/**
 * The cells in the region's box that are not its own but lie between its cells both along their row
 * and down their column: its writing, and the border cells round each stroke. A cell outside a turned
 * sheet's corner has the sheet on one side only.
 */
function enclosedCells(labels: Int32Array, grid: CellGrid, region: Region): number[] {
  const { columns } = grid;
  const own = (x: number, y: number) => labels[y * columns + x] === region.label;
  const spans = (count: number, at: (k: number) => boolean) => {
    let [first, last] = [-1, -1];
    for (let k = 0; k < count; k++) if (at(k)) [first, last] = [first < 0 ? k : first, k];
    return [first, last] as const;
  };
  const width = region.right - region.left + 1;
  const height = region.bottom - region.top + 1;
  const rowSpans = Array.from({ length: height }, (_, r) =>
    spans(width, (k) => own(region.left + k, region.top + r)),
  );
  const columnSpans = Array.from({ length: width }, (_, c) =>
    spans(height, (k) => own(region.left + c, region.top + k)),
  );
  const holes: number[] = [];
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const [rowFirst, rowLast] = rowSpans[r]!;
      const [columnFirst, columnLast] = columnSpans[c]!;
      if (
        c > rowFirst &&
        c < rowLast &&
        r > columnFirst &&
        r < columnLast &&
        !own(region.left + c, region.top + r)
      )
        holes.push((region.top + r) * columns + region.left + c);
    }
  return holes;
}

/** The pixels in the enclosed cells at least T.inkContrast darker than the paper, and their box. */
function measureInk(
  image: RgbaImage,
  grid: CellGrid,
  cells: readonly number[],
  paperLuma: number,
): { pixels: number; box: Rect<'image'> | null } {
  const { cell, columns } = grid;
  const darkest = paperLuma * (1 - T.inkContrast);
  let [pixels, left, top, right, bottom] = [0, Infinity, Infinity, -1, -1];
  for (const i of cells) {
    const [x0, y0] = [(i % columns) * cell, Math.floor(i / columns) * cell];
    for (let y = y0; y < y0 + cell; y++)
      for (let x = x0; x < x0 + cell; x++) {
        const at = (y * image.width + x) * 4;
        const luma = 0.299 * image.data[at]! + 0.587 * image.data[at + 1]! + 0.114 * image.data[at + 2]!;
        if (luma > darkest) continue;
        pixels++;
        [left, top, right, bottom] = [
          Math.min(left, x),
          Math.min(top, y),
          Math.max(right, x),
          Math.max(bottom, y),
        ];
      }
  }
  return { pixels, box: pixels > 0 ? rectIn('image', left, top, right - left + 1, bottom - top + 1) : null };
}
