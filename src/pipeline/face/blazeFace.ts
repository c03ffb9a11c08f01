/**
 * BlazeFace (short range), MediaPipe's face detector for faces within about 2 m of a front camera,
 * on either side of the network: the 128 × 128 input it expects, made from RGBA pixels, and its 896
 * raw anchor outputs turned into faces. Pure: the network itself runs in blazeFaceDetector.ts.
 *
 * The numbers are those of MediaPipe's own graph for this model (face_detection_short_range.pbtxt:
 * SsdAnchorsCalculator and TensorsToDetectionsCalculator options), so our faces match what MediaPipe
 * would report for the same input.
 */
import type { RgbaImage } from '../types.ts';
import type { DetectedFace, FaceLandmarks, NormalisedBox, NormalisedPoint } from './types.ts';

/** The network's input is a 128 × 128 RGB square. */
export const BLAZE_FACE_SIDE_PX = 128;

/** MediaPipe's min_score_thresh for this model. */
export const MIN_FACE_SCORE = 0.5;
/** MediaPipe's min_suppression_threshold: detections overlapping more than this are one face. */
const SUPPRESSION_IOU = 0.3;
const VALUES_PER_ANCHOR = 16;

interface Anchor {
  readonly cx: number;
  readonly cy: number;
}

/**
 * SsdAnchorsCalculator with num_layers 4, strides [8, 16, 16, 16], one aspect ratio, an interpolated
 * scale and fixed_anchor_size: two anchors a cell on the 16 × 16 grid, six on the 8 × 8 grid (its three
 * layers share a stride, so they are merged), every anchor 1 × 1. 512 + 384 = 896.
 */
const ANCHORS: readonly Anchor[] = (() => {
  const anchors: Anchor[] = [];
  for (const { cells, perCell } of [
    { cells: 16, perCell: 2 },
    { cells: 8, perCell: 6 },
  ])
    for (let y = 0; y < cells; y++)
      for (let x = 0; x < cells; x++)
        for (let k = 0; k < perCell; k++) anchors.push({ cx: (x + 0.5) / cells, cy: (y + 0.5) / cells });
  return anchors;
})();

export const BLAZE_FACE_ANCHOR_COUNT = ANCHORS.length;

/** Where the image sits inside the square input: scaled to fit, centred, the rest mid-grey. */
export interface Letterbox {
  /** Input pixels per image pixel. */
  readonly scale: number;
  readonly left: number;
  readonly top: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
}

export interface BlazeFaceInput {
  /** RGB, 3 bytes a pixel, BLAZE_FACE_SIDE_PX square. */
  readonly rgb: Uint8Array;
  readonly letterbox: Letterbox;
}

/**
 * The image shrunk to fit the input square, each input pixel the mean of the image pixels it covers
 * (a box filter: a frame shrunk 5× by sampling would alias), the border mid-grey, which the network's
 * scaling to -1..1 makes 0, as MediaPipe's zero padding does.
 */
export function makeBlazeFaceInput(image: RgbaImage): BlazeFaceInput {
  const side = BLAZE_FACE_SIDE_PX;
  const scale = side / Math.max(image.width, image.height);
  const contentWidth = Math.max(1, Math.round(image.width * scale));
  const contentHeight = Math.max(1, Math.round(image.height * scale));
  const left = Math.floor((side - contentWidth) / 2);
  const top = Math.floor((side - contentHeight) / 2);
  const rgb = new Uint8Array(side * side * 3).fill(128);
  const xBounds = boxBounds(contentWidth, image.width);
  const yBounds = boxBounds(contentHeight, image.height);
  boxMeansInto(image.data, image.width, xBounds, yBounds, rgb, (top * side + left) * 3, side * 3);
  return {
    rgb,
    letterbox: { scale, left, top, imageWidth: image.width, imageHeight: image.height },
  };
}

/** The image pixels [bounds[i], bounds[i+1]) that output pixel i covers; never empty. */
/**
 * Each box's mean red, green and blue (boxes between consecutive bounds) into `rgb`, `rowStep` bytes a
 * row from `at`. Over typed arrays and numbers alone, returning nothing: a loop that runs once an image
 * keeps its optimised code from one photo to the next only so (image.ts).
 */
function boxMeansInto(
  data: RgbaImage['data'],
  width: number,
  xBounds: Int32Array,
  yBounds: Int32Array,
  rgb: Uint8Array,
  at: number,
  rowStep: number,
): void {
  for (let oy = 0; oy + 1 < yBounds.length; oy++) {
    const y0 = yBounds[oy]!;
    const y1 = yBounds[oy + 1]!;
    for (let ox = 0; ox + 1 < xBounds.length; ox++) {
      const x0 = xBounds[ox]!;
      const x1 = xBounds[ox + 1]!;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        let from = (y * width + x0) * 4;
        for (let x = x0; x < x1; x++, from += 4) {
          r += data[from]!;
          g += data[from + 1]!;
          b += data[from + 2]!;
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      const out = at + oy * rowStep + ox * 3;
      rgb[out] = r / count;
      rgb[out + 1] = g / count;
      rgb[out + 2] = b / count;
    }
  }
}

function boxBounds(outputs: number, inputs: number): Int32Array {
  const bounds = new Int32Array(outputs + 1);
  for (let i = 0; i <= outputs; i++) bounds[i] = Math.min(inputs, Math.floor((i * inputs) / outputs));
  for (let i = 0; i < outputs; i++)
    if (bounds[i + 1]! <= bounds[i]!) bounds[i + 1] = Math.min(inputs, bounds[i]! + 1);
  for (let i = outputs - 1; i >= 0; i--) if (bounds[i]! >= bounds[i + 1]!) bounds[i] = bounds[i + 1]! - 1;
  return bounds;
}

/**
 * The network's two outputs, one score logit an anchor and 16 numbers an anchor (box centre and size,
 * then six keypoints, in input pixels relative to the anchor), turned into faces in the image's own
 * normalised coordinates, overlapping detections blended as MediaPipe's weighted suppression does.
 */
export function decodeBlazeFace(
  logits: Float32Array,
  regressors: Float32Array,
  letterbox: Letterbox,
): DetectedFace[] {
  if (logits.length !== ANCHORS.length || regressors.length !== ANCHORS.length * VALUES_PER_ANCHOR)
    throw new Error(`BlazeFace outputs have ${logits.length} scores and ${regressors.length} values`);
  const candidates: DetectedFace[] = [];
  const side = BLAZE_FACE_SIDE_PX;
  const toImage = (inputX: number, inputY: number): NormalisedPoint => [
    (inputX * side - letterbox.left) / letterbox.scale / letterbox.imageWidth,
    (inputY * side - letterbox.top) / letterbox.scale / letterbox.imageHeight,
  ];
  ANCHORS.forEach((anchor, index) => {
    // MediaPipe clips the logit to ±100 before its sigmoid.
    const score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, logits[index]!))));
    if (score < MIN_FACE_SCORE) return;
    const at = index * VALUES_PER_ANCHOR;
    const value = (k: number) => regressors[at + k]! / side;
    const cx = anchor.cx + value(0);
    const cy = anchor.cy + value(1);
    const [x0, y0] = toImage(cx - value(2) / 2, cy - value(3) / 2);
    const [x1, y1] = toImage(cx + value(2) / 2, cy + value(3) / 2);
    const point = (k: number) => toImage(anchor.cx + value(4 + 2 * k), anchor.cy + value(5 + 2 * k));
    candidates.push({
      box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      score,
      landmarks: {
        rightEye: point(0),
        leftEye: point(1),
        noseTip: point(2),
        mouth: point(3),
        rightEar: point(4),
        leftEar: point(5),
      },
    });
  });
  return suppressOverlaps(candidates);
}

/**
 * Weighted non-maximum suppression: the best candidate and every one overlapping it are averaged,
 * weighted by score, into one face (steadier from frame to frame than keeping the best alone).
 */
function suppressOverlaps(candidates: DetectedFace[]): DetectedFace[] {
  const remaining = [...candidates].sort((a, b) => b.score - a.score);
  const faces: DetectedFace[] = [];
  while (remaining.length > 0) {
    const best = remaining[0]!;
    const group = remaining.filter((candidate) => iou(best.box, candidate.box) > SUPPRESSION_IOU);
    const total = group.reduce((sum, face) => sum + face.score, 0);
    const mean = (of: (face: DetectedFace) => number) =>
      group.reduce((sum, face) => sum + of(face) * face.score, 0) / total;
    const meanPoint = (name: keyof FaceLandmarks): NormalisedPoint => [
      mean((face) => face.landmarks[name][0]),
      mean((face) => face.landmarks[name][1]),
    ];
    faces.push({
      box: {
        x: mean((face) => face.box.x),
        y: mean((face) => face.box.y),
        width: mean((face) => face.box.width),
        height: mean((face) => face.box.height),
      },
      score: best.score,
      landmarks: {
        rightEye: meanPoint('rightEye'),
        leftEye: meanPoint('leftEye'),
        noseTip: meanPoint('noseTip'),
        mouth: meanPoint('mouth'),
        rightEar: meanPoint('rightEar'),
        leftEar: meanPoint('leftEar'),
      },
    });
    for (const face of group) remaining.splice(remaining.indexOf(face), 1);
  }
  return faces;
}

function iou(a: NormalisedBox, b: NormalisedBox): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const overlap = width * height;
  return overlap / (a.width * a.height + b.width * b.height - overlap);
}
