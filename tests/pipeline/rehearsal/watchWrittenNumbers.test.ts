/**
 * `numbers-shown` through the real digit reader (tesseract's printed-text model, as the rehearsal's
 * worker runs it) and the real face detector, on the drawn scenes of scripts/rehearsal/faceScenes.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FACE_SCENE_NAMES,
  FACE_SCENES,
  renderFaceScene,
  WRITTEN_DIGITS,
  type FaceScene,
} from '../../../scripts/rehearsal/faceScenes.ts';
import { loadNodeDigitReader, loadNodeFaceDetector } from '../../../src/engines/node.ts';
import type { DigitReader } from '../../../src/engines/types.ts';
import type { FaceDetector } from '../../../src/pipeline/face/types.ts';
import { findHeldSheet } from '../../../src/pipeline/rehearsal/findSheet.ts';
import type { RehearsalCheck } from '../../../src/pipeline/rehearsal/types.ts';
import {
  READ_EVERY_MS,
  readingFromLines,
  WrittenNumbersWatcher,
} from '../../../src/pipeline/rehearsal/watchWrittenNumbers.ts';
import { writingCrop } from '../../../src/pipeline/rehearsal/writingCrop.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';

let reader: DigitReader;
let detector: FaceDetector;
beforeAll(async () => {
  [reader, detector] = await Promise.all([loadNodeDigitReader(), loadNodeFaceDetector()]);
});
afterAll(async () => {
  await reader.terminate();
});

/**
 * Judges the frame as the camera would show it over and over, a frame each 100 ms, until the watcher
 * has made a reading and judged a frame after it (or 3 s have passed).
 */
async function watched(image: RgbaImage, shown: string): Promise<RehearsalCheck<'numbers-shown'>> {
  const watcher = new WrittenNumbersWatcher(async () => reader);
  const faces = detector.detectFaces(image);
  let check = watcher.judge(image, faces, shown, 0);
  for (
    let now = 100;
    now <= 3000 && check.evidence['read'] === null && check.status === 'unsure';
    now += 100
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    check = watcher.judge(image, faces, shown, now);
  }
  return check;
}

describe('the digit reader on the drawn sheet', () => {
  it(`reads ${WRITTEN_DIGITS}, written in a marker stroke, from the sheet's crop`, async () => {
    const image = await renderFaceScene(FACE_SCENES['written-digits']);
    const crop = writingCrop(image, findHeldSheet(image, [])!)!;
    const reading = readingFromLines(await reader.readDigits(crop));
    expect(reading.digits).toBe(WRITTEN_DIGITS);
    expect(Math.min(...reading.confidences)).toBeGreaterThan(50);
  });
});

describe('WrittenNumbersWatcher on the drawn scenes', () => {
  for (const name of FACE_SCENE_NAMES) {
    const expected = (FACE_SCENES[name] as FaceScene).numbersShown;
    if (!expected) continue;
    it(`${name}: numbers-shown says ${[expected].flat().join(' or ')}`, async () => {
      const check = await watched(await renderFaceScene(FACE_SCENES[name]), WRITTEN_DIGITS);
      expect([expected].flat()).toContain(check.status);
    });
  }

  it('does not pass the written sheet against other numbers', async () => {
    const check = await watched(await renderFaceScene(FACE_SCENES['written-digits']), '1962');
    expect(check.status).toBe('fail');
    expect(check.message).toBe(`We read ${[...WRITTEN_DIGITS].join(' ')}, which are not your 4 numbers.`);
  });

  it(`reads at most once every ${READ_EVERY_MS} ms, and says it is reading until the first reading is back`, async () => {
    const image = await renderFaceScene(FACE_SCENES['written-digits']);
    let reads = 0;
    const counting: DigitReader = {
      readDigits: (crop) => {
        reads++;
        return reader.readDigits(crop);
      },
      terminate: async () => {},
    };
    const watcher = new WrittenNumbersWatcher(async () => counting);
    const first = watcher.judge(image, [], WRITTEN_DIGITS, 0);
    expect([first.status, first.message]).toStrictEqual([
      'unsure',
      'We can see writing on your paper, and are reading it.',
    ]);
    for (let now = 100; now < 2500; now += 100) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      watcher.judge(image, [], WRITTEN_DIGITS, now);
    }
    // At 0, 1000 and 2000 ms at the most (later when a reading is slow to come back).
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(3);
    expect(watcher.judge(image, [], WRITTEN_DIGITS, 2500).status).toBe('pass');
  });
});
