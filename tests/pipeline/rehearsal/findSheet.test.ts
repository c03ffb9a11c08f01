import { describe, expect, it } from 'vitest';
import {
  FACE_SCENE_NAMES,
  FACE_SCENES,
  renderFaceScene,
  type FaceScene,
  SCENE_HEIGHT,
  SCENE_WIDTH,
} from '../../../scripts/rehearsal/faceScenes.ts';
import { findHeldSheet } from '../../../src/pipeline/rehearsal/findSheet.ts';
import { SHEET_THRESHOLDS } from '../../../src/pipeline/rehearsal/sheetThresholds.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';

/** A flat picture of one colour, with rectangles of others painted on it. */
function painted(
  background: readonly [number, number, number],
  rectangles: readonly {
    x: number;
    y: number;
    w: number;
    h: number;
    rgb: readonly [number, number, number];
  }[],
): RgbaImage {
  const data = new Uint8Array(SCENE_WIDTH * SCENE_HEIGHT * 4);
  for (let y = 0; y < SCENE_HEIGHT; y++)
    for (let x = 0; x < SCENE_WIDTH; x++) {
      const on = rectangles.findLast((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
      data.set([...(on?.rgb ?? background), 255], (y * SCENE_WIDTH + x) * 4);
    }
  return { width: SCENE_WIDTH, height: SCENE_HEIGHT, data };
}

describe('findHeldSheet on the drawn scenes', () => {
  it('finds the sheet held up beside the face, round its drawn outline, and the writing on it', async () => {
    const scene = FACE_SCENES['written-digits'];
    const sheet = findHeldSheet(await renderFaceScene(scene), []);
    expect(sheet).not.toBeNull();
    const { box, ink } = sheet!;
    // The drawn sheet, 240 × 170 turned 4°, has a bounding box of about 251 × 186 round (490, 250).
    expect([box.x + box.width / 2, box.y + box.height / 2].map(Math.round)).toStrictEqual([490, 250]);
    expect(box.width).toBeGreaterThan(235);
    expect(box.width).toBeLessThan(255);
    expect(box.height).toBeGreaterThan(165);
    expect(box.height).toBeLessThan(190);
    expect(ink.share).toBeGreaterThan(SHEET_THRESHOLDS.minInkShare);
    // The 4 digits fill most of the sheet's width, and about 0.42 of its height.
    expect(ink.box!.width / box.width).toBeGreaterThan(0.7);
    expect(ink.box!.height / box.height).toBeGreaterThan(0.35);
  });

  it("finds it as well through a camera's noise (s.d. 8 a channel) in a dim room (half the light)", async () => {
    const image = await renderFaceScene({ ...FACE_SCENES['written-digits'], roomLight: 0.5 });
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const data = Uint8Array.from(image.data, (value, i) =>
      i % 4 === 3 ? value : value + (random() + random() + random() - 1.5) * 16,
    );
    const clean = findHeldSheet(image, [])!;
    const noisy = findHeldSheet({ ...image, data }, [])!;
    expect(noisy.box.width - clean.box.width).toBeLessThanOrEqual(8);
    expect(noisy.box.height - clean.box.height).toBeLessThanOrEqual(8);
    expect(noisy.ink.share).toBeCloseTo(clean.ink.share, 2);
    expect(noisy.ink.share).toBeGreaterThan(SHEET_THRESHOLDS.minInkShare);
  });

  it('finds a blank sheet, with nothing written on it', async () => {
    const sheet = findHeldSheet(await renderFaceScene(FACE_SCENES['blank-sheet']), []);
    expect(sheet?.ink).toStrictEqual({ share: 0, box: null });
  });

  for (const name of FACE_SCENE_NAMES.filter((name) => !(FACE_SCENES[name] as FaceScene).sheet))
    it(`finds no sheet in ${name}, where none is held (a wall, a picture frame, faces, a shirt)`, async () => {
      expect(findHeldSheet(await renderFaceScene(FACE_SCENES[name]), [])).toBeNull();
    });
});

describe('findHeldSheet on painted frames', () => {
  const grey = [150, 150, 150] as const;
  const paper = [240, 240, 236] as const;

  // The sheet's box is found to the grid's 4 px cells: 150 (in a cell's middle) comes out as 152.
  it('finds a white sheet on a grey wall, and not a sheet of the same white that runs out of the frame', () => {
    const held = painted(grey, [{ x: 380, y: 150, w: 200, h: 150, rgb: paper }]);
    expect(findHeldSheet(held, [])?.box).toStrictEqual({ x: 380, y: 152, width: 200, height: 148 });
    const cut = painted(grey, [{ x: 500, y: 150, w: 140, h: 150, rgb: paper }]);
    expect(findHeldSheet(cut, [])).toBeNull();
  });

  it('does not take a bright coloured card, or a white patch too small to write on, for a sheet', () => {
    const yellow = painted(grey, [{ x: 380, y: 150, w: 200, h: 150, rgb: [250, 220, 90] }]);
    expect(findHeldSheet(yellow, [])).toBeNull();
    const small = painted(grey, [{ x: 380, y: 150, w: 60, h: 40, rgb: paper }]);
    expect(findHeldSheet(small, [])).toBeNull();
  });

  it('does not take a white wall for a sheet, nor a white shirt under the face', () => {
    expect(findHeldSheet(painted(paper, []), [])).toBeNull();
    const face = { x: 0.3, y: 0.1, width: 0.4, height: 0.5 };
    const landmarks = {
      rightEye: [0.4, 0.3],
      leftEye: [0.6, 0.3],
      noseTip: [0.5, 0.4],
      mouth: [0.5, 0.5],
      rightEar: [0.3, 0.3],
      leftEar: [0.7, 0.3],
    } as const;
    const onFace = painted(grey, [{ x: 220, y: 80, w: 200, h: 150, rgb: paper }]);
    expect(findHeldSheet(onFace, [{ box: face, score: 0.9, landmarks }])).toBeNull();
  });

  it('measures dark marks on the sheet as writing, and faint ones not', () => {
    const marks = (rgb: readonly [number, number, number]) =>
      painted(grey, [
        { x: 380, y: 150, w: 200, h: 150, rgb: paper },
        { x: 420, y: 200, w: 12, h: 50, rgb },
        { x: 470, y: 200, w: 12, h: 50, rgb },
      ]);
    expect(findHeldSheet(marks([30, 30, 40]), [])?.ink).toStrictEqual({
      share: (2 * 12 * 50) / (200 * 148),
      box: { x: 420, y: 200, width: 62, height: 50 },
    });
    expect(findHeldSheet(marks([200, 200, 200]), [])?.ink).toStrictEqual({ share: 0, box: null });
  });
});
