import { beforeAll, describe, expect, it } from 'vitest';
import { FACE_SCENE_NAMES, FACE_SCENES, renderFaceScene } from '../../../scripts/rehearsal/faceScenes.ts';
import { loadNodeFaceDetector } from '../../../src/engines/node.ts';
import type { DetectedFace, FaceDetector, NormalisedPoint } from '../../../src/pipeline/face/types.ts';
import {
  headPose,
  judgeFaceChecks,
  judgeFramed,
  judgeOneFace,
  judgeVisible,
} from '../../../src/pipeline/rehearsal/judgeFace.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';

let detector: FaceDetector;
beforeAll(async () => {
  detector = await loadNodeFaceDetector();
});

describe('the face checks on drawn scenes, through the real detector', () => {
  for (const name of FACE_SCENE_NAMES)
    it(`${name}: each check says what the scene's truth says`, async () => {
      const scene = FACE_SCENES[name];
      const image = await renderFaceScene(scene);
      const checks = judgeFaceChecks(image, detector.detectFaces(image));
      const statuses = Object.fromEntries(checks.map((check) => [check.id, check.status]));
      const expected: Record<string, string> = scene.expected;
      expect(Object.fromEntries(Object.keys(expected).map((id) => [id, statuses[id]]))).toStrictEqual(
        expected,
      );
    });

  it('says why: a backlit face is told to turn towards the light, a dark one to turn a light on', async () => {
    for (const [name, message] of [
      ['backlit-face', 'The light is behind you, so your face is in shadow.'],
      ['dark-face', 'Your face is too dark.'],
    ] as const) {
      const image = await renderFaceScene(FACE_SCENES[name]);
      expect(judgeFaceChecks(image, detector.detectFaces(image))[3].message).toBe(message);
    }
  });
});

/** A face built by hand: its box, its score and where its eyes and nose are. */
function face(
  box: DetectedFace['box'],
  {
    score = 0.95,
    eyes = [
      [0.45, 0.45],
      [0.55, 0.45],
    ],
    nose = [0.5, 0.5],
  } = {} as {
    score?: number;
    eyes?: readonly [NormalisedPoint, NormalisedPoint];
    nose?: NormalisedPoint;
  },
): DetectedFace {
  const [rightEye, leftEye] = eyes;
  return {
    box,
    score,
    landmarks: {
      rightEye,
      leftEye,
      noseTip: nose,
      mouth: [0.5, 0.55],
      rightEar: [0.4, 0.47],
      leftEar: [0.6, 0.47],
    },
  };
}

const centred = { x: 0.35, y: 0.3, width: 0.3, height: 0.4 };

describe('judgeOneFace', () => {
  it('passes one sure face, is unsure of a faint second one or a faint only one, and fails none or two', () => {
    const sure = face(centred);
    const faint = face({ x: 0.7, y: 0.1, width: 0.1, height: 0.1 }, { score: 0.6 });
    expect(
      [[sure], [sure, faint], [faint], [], [sure, sure]].map((faces) => judgeOneFace(faces).status),
    ).toStrictEqual(['pass', 'unsure', 'unsure', 'fail', 'fail']);
    expect(judgeOneFace([sure, sure]).message).toBe('We can see 2 faces.');
  });
});

describe('judgeFramed', () => {
  it('passes a centred face turned to the camera, and fails each way of being badly framed', () => {
    const cases: [string, DetectedFace][] = [
      ['centred', face(centred)],
      ['small', face({ x: 0.45, y: 0.4, width: 0.1, height: 0.15 })],
      ['close', face({ x: 0.1, y: 0.05, width: 0.8, height: 0.9 })],
      ['off to the side', face({ x: 0.02, y: 0.3, width: 0.3, height: 0.4 })],
      ['turned', face(centred, { nose: [0.54, 0.5] })],
      [
        'tilted',
        face(centred, {
          eyes: [
            [0.45, 0.42],
            [0.55, 0.48],
          ],
          nose: [0.49, 0.5],
        }),
      ],
    ];
    expect(cases.map(([name, f]) => [name, judgeFramed(f).status, judgeFramed(f).message])).toStrictEqual([
      ['centred', 'pass', 'Your face is in the middle, facing the camera.'],
      ['small', 'fail', 'Your face is too small in the video.'],
      ['close', 'fail', 'Your face is too close to the camera.'],
      ['off to the side', 'fail', 'Your face is not in the middle of the video.'],
      ['turned', 'fail', 'Your face is turned away from the camera.'],
      ['tilted', 'fail', 'Your head is tilted to one side.'],
    ]);
  });

  it('measures the turn in eye distances along the eye line, and the tilt in degrees', () => {
    const pose = headPose([0.4, 0.5], [0.6, 0.5], [0.55, 0.6]);
    expect(pose.turn).toBeCloseTo(0.25, 9);
    expect(pose.tiltDegrees).toBe(0);
  });
});

/** A 200 × 200 skin-coloured face with two striped eye patches, the left one all shine or skin if asked. */
function eyesImage(leftEye: 'eye' | 'shine' | 'blank'): RgbaImage {
  const data = new Uint8Array(200 * 200 * 4);
  for (let i = 0; i < data.length; i += 4) data.set([150, 120, 100, 255], i);
  const patch = (cx: number, cy: number, kind: 'eye' | 'shine' | 'blank') => {
    for (let y = cy - 5; y < cy + 5; y++)
      for (let x = cx - 6; x < cx + 6; x++) {
        const value = kind === 'shine' ? 255 : (x + y) % 4 < 2 ? 30 : 240;
        // A blank eye is skin: covered, or a hat brim's shadow too even to show one.
        data.set(kind === 'blank' ? [150, 120, 100, 255] : [value, value, value, 255], (y * 200 + x) * 4);
      }
  };
  patch(80, 80, 'eye');
  patch(120, 80, leftEye);
  return { width: 200, height: 200, data };
}

describe('judgeVisible', () => {
  const visibleFace = face(
    { x: 0.25, y: 0.2, width: 0.5, height: 0.6 },
    {
      eyes: [
        [0.4, 0.4],
        [0.6, 0.4],
      ],
    },
  );

  it('passes open eyes; fails shine over an eye; is unsure of an eye it cannot make out, or a faint face', () => {
    expect(judgeVisible(eyesImage('eye'), visibleFace).status).toBe('pass');
    expect(judgeVisible(eyesImage('shine'), visibleFace).message).toBe('Shine hides your eyes.');
    expect(judgeVisible(eyesImage('blank'), visibleFace).status).toBe('unsure');
    expect(judgeVisible(eyesImage('eye'), { ...visibleFace, score: 0.6 }).message).toBe(
      'We can only partly see your face.',
    );
  });

  it('fails a face cut off by the edge of the video', () => {
    const cut = { ...visibleFace, box: { x: -0.1, y: 0.2, width: 0.5, height: 0.6 } };
    expect(judgeVisible(eyesImage('eye'), cut).message).toBe('Part of your face is outside the video.');
  });
});
