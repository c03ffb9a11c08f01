import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACE_SCENES, renderFaceScene } from '../../../scripts/rehearsal/faceScenes.ts';
import { decodePhoto, readPhotoFile } from '../../../src/decode/node.ts';
import { loadNodeFaceDetector } from '../../../src/engines/node.ts';
import type { FaceDetector } from '../../../src/pipeline/face/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';

const realPhotos = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

let detector: FaceDetector;
beforeAll(async () => {
  detector = await loadNodeFaceDetector();
});

describe('the BlazeFace detector, run by our own TFLite reader', () => {
  it('finds the drawn face, its box around the head and its eyes on the drawn eyes', async () => {
    const faces = detector.detectFaces(await renderFaceScene(FACE_SCENES['one-framed-face']));
    expect(faces).toHaveLength(1);
    const [face] = faces;
    expect(face!.score).toBeGreaterThan(0.85);
    // Drawn: face centre (320, 230) of 640 × 480, 240 px high; eyes at (279, 211) and (361, 211).
    const centre = [face!.box.x + face!.box.width / 2, face!.box.y + face!.box.height / 2];
    expect(Math.abs(centre[0]! - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(centre[1]! - 230 / 480)).toBeLessThan(0.06);
    const toPx = ([x, y]: readonly [number, number]) => [x * 640, y * 480];
    const [rx, ry] = toPx(face!.landmarks.rightEye);
    const [lx, ly] = toPx(face!.landmarks.leftEye);
    expect(Math.hypot(rx! - 279, ry! - 211)).toBeLessThan(12);
    expect(Math.hypot(lx! - 361, ly! - 211)).toBeLessThan(12);
  });

  it('finds no face on a plain page', () => {
    const page = { width: 1200, height: 900, data: new Uint8Array(1200 * 900 * 4).fill(240) };
    expect(detector.detectFaces(page)).toStrictEqual([]);
  });

  it('finds no face on an empty wall, and two where two are drawn', async () => {
    expect(detector.detectFaces(await renderFaceScene(FACE_SCENES['no-face']))).toStrictEqual([]);
    const two = detector.detectFaces(await renderFaceScene(FACE_SCENES['two-faces']));
    expect(
      two.map((face) => (face.box.x + face.box.width / 2 < 0.5 ? 'left' : 'right')).sort(),
    ).toStrictEqual(['left', 'right']);
  });

  it.skipIf(!existsSync(realPhotos))(
    'finds the one face of a real portrait, and both of a real photo of two',
    async () => {
      const portrait = await decodePhoto(
        await readPhotoFile(join(realPhotos, 'onfido-python', 'sample_photo.png')),
      );
      const one = detector.detectFaces(portrait);
      expect(one.map((face) => face.score > 0.85)).toStrictEqual([true]);
      const pair = await decodePhoto(await readPhotoFile(join(realPhotos, 'onfido-sdk-ui', 'two_faces.jpg')));
      expect(detector.detectFaces(pair).filter((face) => face.score > 0.85)).toHaveLength(2);
    },
  );
});
