/**
 * Small helpers over OpenCV.js: its Mats live in the WASM heap and must be freed by hand, so every
 * stage allocates through a MatScope and frees it in `finally`.
 */
import type { Mat, MatVector } from '@techstark/opencv-js';
import type { OpenCv } from '../engines/types.ts';
import type { GreyImage } from './image.ts';
import type { RgbaImage } from './types.ts';

export class MatScope {
  private readonly owned: { delete(): void }[] = [];
  constructor(readonly cv: OpenCv) {}

  mat(): Mat {
    return this.track(new this.cv.Mat());
  }

  /** Its `get(i)` makes a new Mat, which holds the element's pixels: track that too. */
  vector(): MatVector {
    return this.track(new this.cv.MatVector());
  }

  track<T extends { delete(): void }>(value: T): T {
    this.owned.push(value);
    return value;
  }

  release(): void {
    for (const value of this.owned.splice(0).reverse()) value.delete();
  }
}

/** Runs `work` with a scope whose Mats are all freed afterwards, even when it throws. */
export function withMats<T>(cv: OpenCv, work: (scope: MatScope) => T): T {
  const scope = new MatScope(cv);
  try {
    return work(scope);
  } finally {
    scope.release();
  }
}

export function rgbaToMat(scope: MatScope, image: RgbaImage): Mat {
  const mat = scope.track(new scope.cv.Mat(image.height, image.width, scope.cv.CV_8UC4));
  mat.data.set(image.data);
  return mat;
}

export function greyToMat(scope: MatScope, image: GreyImage): Mat {
  const mat = scope.track(new scope.cv.Mat(image.height, image.width, scope.cv.CV_8UC1));
  mat.data.set(image.data);
  return mat;
}

/** Copies a Mat out of the WASM heap (whose views die when it grows). */
export function matToGrey(mat: Mat): GreyImage {
  return { width: mat.cols, height: mat.rows, data: new Uint8Array(mat.data) };
}

export function matToRgba(mat: Mat): RgbaImage {
  return { width: mat.cols, height: mat.rows, data: new Uint8Array(mat.data) };
}

/**
 * The image turned `turns` quarter turns clockwise (any whole number; 0 mod 4 is the image itself): an
 * image whose way up something on it told (a code read, a face) is measured the way its print runs.
 */
export function turnQuarters(cv: OpenCv, image: RgbaImage, turns: number): RgbaImage {
  const code = [null, cv.ROTATE_90_CLOCKWISE, cv.ROTATE_180, cv.ROTATE_90_COUNTERCLOCKWISE][
    ((turns % 4) + 4) % 4
  ];
  if (code === null || code === undefined) return image;
  return withMats(cv, (scope) => {
    const turned = scope.mat();
    cv.rotate(rgbaToMat(scope, image), turned, code);
    return matToRgba(turned);
  });
}

/** Resizes so the longest side is at most `maxSide` (area averaging); the scale applied is returned. */
export function shrinkToFit(scope: MatScope, src: Mat, maxSide: number): { mat: Mat; scale: number } {
  const scale = Math.min(1, maxSide / Math.max(src.cols, src.rows));
  if (scale === 1) return { mat: src, scale };
  const dst = scope.mat();
  const size = new scope.cv.Size(Math.round(src.cols * scale), Math.round(src.rows * scale));
  scope.cv.resize(src, dst, size, 0, 0, scope.cv.INTER_AREA);
  return { mat: dst, scale };
}

/** A float32 Mat of points, as getPerspectiveTransform wants them. */
export function pointsMat(scope: MatScope, points: readonly (readonly [number, number])[]): Mat {
  return scope.track(scope.cv.matFromArray(points.length, 1, scope.cv.CV_32FC2, points.flat()));
}

/** Reads a contour's points out of its Mat (CV_32SC2). */
export function contourPoints(contour: Mat): [number, number][] {
  const ints = contour.data32S;
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < ints.length; i += 2) points.push([ints[i]!, ints[i + 1]!]);
  return points;
}

/** One connected component of a mask: its bounding box and its area, in the mask's pixels. */
export interface ComponentBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly area: number;
}

/** The connected components of a binary mask (OpenCV's stats, the background left out). */
export function componentBoxes(scope: MatScope, mask: Mat, connectivity: 4 | 8 = 8): ComponentBox[] {
  const { cv } = scope;
  const [labels, stats, centroids] = [scope.mat(), scope.mat(), scope.mat()];
  const count = cv.connectedComponentsWithStats(mask, labels, stats, centroids, connectivity, cv.CV_32S);
  const s = stats.data32S;
  const boxes: ComponentBox[] = [];
  for (let i = 1; i < count; i++)
    boxes.push({
      x: s[i * 5]!,
      y: s[i * 5 + 1]!,
      width: s[i * 5 + 2]!,
      height: s[i * 5 + 3]!,
      area: s[i * 5 + 4]!,
    });
  return boxes;
}
