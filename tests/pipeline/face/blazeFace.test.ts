import { describe, expect, it } from 'vitest';
import {
  BLAZE_FACE_ANCHOR_COUNT,
  BLAZE_FACE_SIDE_PX,
  decodeBlazeFace,
  makeBlazeFaceInput,
  type Letterbox,
} from '../../../src/pipeline/face/blazeFace.ts';

/** A 256 × 128 image: red on its left half, blue on its right. */
function halves() {
  const width = 256;
  const height = 128;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      data.set(x < width / 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * width + x) * 4);
  return { width, height, data };
}

const pixel = (rgb: Uint8Array, x: number, y: number) => [
  ...rgb.subarray((y * 128 + x) * 3, (y * 128 + x) * 3 + 3),
];

describe('makeBlazeFaceInput', () => {
  it('fits a wide image into the square, centred, the border mid-grey, each pixel the mean of those it covers', () => {
    const { rgb, letterbox } = makeBlazeFaceInput(halves());
    expect(letterbox).toStrictEqual({ scale: 0.5, left: 0, top: 32, imageWidth: 256, imageHeight: 128 });
    expect(rgb.length).toBe(BLAZE_FACE_SIDE_PX * BLAZE_FACE_SIDE_PX * 3);
    expect(pixel(rgb, 10, 10)).toStrictEqual([128, 128, 128]);
    expect(pixel(rgb, 10, 40)).toStrictEqual([255, 0, 0]);
    expect(pixel(rgb, 100, 95)).toStrictEqual([0, 0, 255]);
    expect(pixel(rgb, 100, 96)).toStrictEqual([128, 128, 128]);
  });
});

/** Raw outputs with one anchor firing, its box and keypoints given in input pixels from the anchor. */
function outputs(fires: readonly { anchor: number; logit: number; values: readonly number[] }[]) {
  const logits = new Float32Array(BLAZE_FACE_ANCHOR_COUNT).fill(-10);
  const regressors = new Float32Array(BLAZE_FACE_ANCHOR_COUNT * 16);
  for (const fire of fires) {
    logits[fire.anchor] = fire.logit;
    regressors.set(fire.values, fire.anchor * 16);
  }
  return { logits, regressors };
}

const square: Letterbox = { scale: 1, left: 0, top: 0, imageWidth: 128, imageHeight: 128 };

describe('decodeBlazeFace', () => {
  it('places a face by its anchor: anchor 0 is the centre of the 16 × 16 grid’s first cell', () => {
    // A 32 × 40 px box centred 12 px right and 20 px below anchor 0's centre (4, 4); eyes either side.
    const values = [12, 20, 32, 40, 6, 16, 18, 16, 12, 22, 12, 30, 0, 18, 24, 18];
    const { logits, regressors } = outputs([{ anchor: 0, logit: 3, values }]);
    const [face, ...others] = decodeBlazeFace(logits, regressors, square);
    expect(others).toStrictEqual([]);
    expect(face!.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    const px = (v: number) => Math.round(v * 128 * 1000) / 1000;
    expect([face!.box.x, face!.box.y, face!.box.width, face!.box.height].map(px)).toStrictEqual([
      0, 4, 32, 40,
    ]);
    expect(face!.landmarks.rightEye.map(px)).toStrictEqual([10, 20]);
    expect(face!.landmarks.leftEye.map(px)).toStrictEqual([22, 20]);
  });

  it('maps the letterboxed input back to the image, and leaves out anchors below the score threshold', () => {
    const letterbox: Letterbox = { scale: 0.5, left: 0, top: 32, imageWidth: 256, imageHeight: 128 };
    const { logits, regressors } = outputs([
      { anchor: 0, logit: 2, values: [60, 60, 20, 20, ...new Array<number>(12).fill(0)] },
      { anchor: 600, logit: -1, values: new Array<number>(16).fill(0) },
    ]);
    const faces = decodeBlazeFace(logits, regressors, letterbox);
    expect(faces).toHaveLength(1);
    // Centre (64, 64) in the input is (128, 64) in the image: its middle.
    const box = faces[0]!.box;
    expect([box.x + box.width / 2, box.y + box.height / 2]).toStrictEqual([0.5, 0.5]);
    expect([box.width, box.height]).toStrictEqual([40 / 256, 40 / 128]);
  });

  it('blends overlapping detections into one face, weighted by score, and keeps apart ones apart', () => {
    const box = (dx: number) => [dx, 0, 20, 20, ...new Array<number>(12).fill(0)];
    const { logits, regressors } = outputs([
      { anchor: 0, logit: 4, values: box(0) },
      { anchor: 1, logit: 4, values: box(4) },
      { anchor: 30, logit: 2, values: box(0) },
    ]);
    const faces = decodeBlazeFace(logits, regressors, square);
    expect(faces).toHaveLength(2);
    // Anchors 0 and 1 share a centre: the boxes 0 and 4 px right of it average to 2 px right.
    expect((faces[0]!.box.x + 10 / 128) * 128).toBeCloseTo(4 + 2, 6);
  });

  it('refuses outputs of the wrong size', () => {
    expect(() => decodeBlazeFace(new Float32Array(10), new Float32Array(160), square)).toThrow(/10 scores/);
  });
});
