/**
 * The face checks of the video step's rehearsal, judged on one camera frame from the face detector's
 * findings and the frame's pixels: `one-face`, `face-framed`, `face-visible` and `light`. NHS login's
 * help asks that the person "face the camera directly", that "your face is clear and not covered, for
 * example by a hat or glasses", that "the video is not too light or dark" and that "only your face is in
 * the video". Thresholds and where they came from are in README.md beside this file.
 */
import type { DetectedFace } from '../face/types.ts';
import type { RgbaImage } from '../types.ts';
import { FACE_THRESHOLDS } from './faceThresholds.ts';
import { judgeFramed } from './judgeFramed.ts';
import { judgeLight } from './judgeLight.ts';
import { judgeOneFace } from './judgeOneFace.ts';
import { judgeVisible } from './judgeVisible.ts';
import { noFace } from './noFace.ts';
import type { RehearsalCheck } from './types.ts';

export { FACE_THRESHOLDS } from './faceThresholds.ts';
export { headPose, judgeFramed } from './judgeFramed.ts';
export { judgeLight } from './judgeLight.ts';
export { judgeOneFace } from './judgeOneFace.ts';
export { judgeVisible } from './judgeVisible.ts';

export type FaceChecks = readonly [
  RehearsalCheck<'one-face'>,
  RehearsalCheck<'face-framed'>,
  RehearsalCheck<'face-visible'>,
  RehearsalCheck<'light'>,
];

export function judgeFaceChecks(image: RgbaImage, faces: readonly DetectedFace[]): FaceChecks {
  const confident = faces.filter((face) => face.score >= FACE_THRESHOLDS.confidentScore);
  // The person is the biggest face: someone behind them is smaller.
  const main = [...(confident.length > 0 ? confident : faces)].sort(
    (a, b) => b.box.width * b.box.height - a.box.width * a.box.height,
  )[0];
  return [
    judgeOneFace(faces),
    main ? judgeFramed(main) : noFace('face-framed'),
    main ? judgeVisible(image, main) : noFace('face-visible'),
    judgeLight(image, main),
  ];
}
