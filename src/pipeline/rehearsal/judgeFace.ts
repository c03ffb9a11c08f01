/**
 * The face checks of the video step's rehearsal, judged on one camera frame from the face detector's
 * findings and the frame's pixels: `one-face`, `face-framed`, `face-visible` and `light`. NHS login's
 * help asks that the person "face the camera directly", that "your face is clear and not covered, for
 * example by a hat or glasses", that "the video is not too light or dark" and that "only your face is in
 * the video". Thresholds and where they came from are in README.md beside this file.
 */
import type { DetectedFace, NormalisedBox, NormalisedPoint } from '../face/types.ts';
import type { RgbaImage } from '../types.ts';
import type { FaceCheckId, RehearsalCheck } from './types.ts';

export const FACE_THRESHOLDS = {
  /** A detection at least this sure is a face; between MIN_FACE_SCORE (0.5) and this, maybe one. */
  confidentScore: 0.75,
  /** Face box height as a share of the frame's: smaller is too far away, larger too close. */
  minHeight: 0.25,
  maxHeight: 0.75,
  /** How far the face box's centre may sit from the frame's centre, as a share of its width and height. */
  maxOffCentreX: 0.2,
  maxOffCentreY: 0.22,
  /** Nose tip off the eyes' midpoint, in eye distances: beyond this the head is turned aside. */
  maxTurn: 0.3,
  /** The line through the eyes off level, degrees. */
  maxTiltDegrees: 15,
  /** How much of the face box may lie outside the frame before part of the face is cut off. */
  maxBoxOutside: 0.04,
  /** Luma at or above this is shine (0..255). */
  shineLuma: 245,
  /** Share of an eye's patch that is shine before the eye counts as hidden by it. */
  maxEyeShine: 0.12,
  /** Standard deviation of luma across an eye's patch below which no eye can be made out. */
  minEyeContrast: 10,
  /** Mean luma of the face's middle: below is too dark, above too bright. */
  minFaceLuma: 70,
  maxFaceLuma: 210,
  /** Backlit: the background this much brighter than the face, and at least `backlitBackground`. */
  backlitDifference: 60,
  backlitBackground: 170,
  /** With no face found, a frame whose mean luma is past these is too dark or too bright to see one. */
  minFrameLuma: 40,
  maxFrameLuma: 225,
} as const;

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

export function judgeOneFace(faces: readonly DetectedFace[]): RehearsalCheck<'one-face'> {
  const id = 'one-face';
  const confident = faces.filter((face) => face.score >= FACE_THRESHOLDS.confidentScore).length;
  const evidence = { faces: faces.length, confident, scores: faces.map((face) => round(face.score)) };
  if (confident > 1)
    return {
      id,
      status: 'fail',
      message: `We can see ${confident} faces.`,
      advice: 'Make sure only your face is in the video: nobody behind you, and no photos of faces in view.',
      evidence,
    };
  if (confident === 1 && faces.length === 1)
    return { id, status: 'pass', message: 'We can see one face: yours.', advice: '', evidence };
  if (confident === 1)
    return {
      id,
      status: 'unsure',
      message: 'We can see your face, and maybe another one.',
      advice: 'Make sure only your face is in the video: nobody behind you, and no photos of faces in view.',
      evidence,
    };
  if (faces.length > 0)
    return {
      id,
      status: 'unsure',
      message: 'We can only just make out a face.',
      advice: 'Face the camera directly, with light on your face.',
      evidence,
    };
  return {
    id,
    status: 'fail',
    message: 'We cannot see a face.',
    advice: 'Face the camera, with your whole face in the video and light on it.',
    evidence,
  };
}

export function judgeFramed(face: DetectedFace): RehearsalCheck<'face-framed'> {
  const id = 'face-framed';
  const t = FACE_THRESHOLDS;
  const { box, landmarks } = face;
  const offX = box.x + box.width / 2 - 0.5;
  const offY = box.y + box.height / 2 - 0.5;
  const { turn, tiltDegrees } = headPose(landmarks.rightEye, landmarks.leftEye, landmarks.noseTip);
  const evidence = {
    height: round(box.height),
    offCentre: [round(offX), round(offY)],
    turn: round(turn),
    tiltDegrees: Math.round(tiltDegrees),
  };
  const fail = (message: string, advice: string): RehearsalCheck<'face-framed'> => ({
    id,
    status: 'fail',
    message,
    advice,
    evidence,
  });
  if (box.height < t.minHeight)
    return fail(
      'Your face is too small in the video.',
      'Move closer to the camera, so that your face fills about a third of the video from top to bottom.',
    );
  if (box.height > t.maxHeight)
    return fail(
      'Your face is too close to the camera.',
      'Move back a little, so that all of your head is in the video.',
    );
  if (Math.abs(offX) > t.maxOffCentreX || Math.abs(offY) > t.maxOffCentreY)
    return fail(
      'Your face is not in the middle of the video.',
      `Move ${placeAdvice(offX, offY)}, so that your face is in the middle of the video.`,
    );
  if (Math.abs(turn) > t.maxTurn)
    return fail(
      'Your face is turned away from the camera.',
      'Face the camera directly, looking straight at it.',
    );
  if (Math.abs(tiltDegrees) > t.maxTiltDegrees)
    return fail(
      'Your head is tilted to one side.',
      'Hold your head straight, looking directly at the camera.',
    );
  return {
    id,
    status: 'pass',
    message: 'Your face is in the middle, facing the camera.',
    advice: '',
    evidence,
  };
}

/**
 * Which way to move, as the person sees themselves: the preview is mirrored, so a face on the image's
 * left is on their right side of the screen. Said as where the face should go on the screen.
 */
function placeAdvice(offX: number, offY: number): string {
  const t = FACE_THRESHOLDS;
  const parts: string[] = [];
  if (Math.abs(offY) > t.maxOffCentreY)
    parts.push(offY < 0 ? 'lower in the picture' : 'higher in the picture');
  if (Math.abs(offX) > t.maxOffCentreX) parts.push('towards the middle of the picture');
  return parts.join(' and ');
}

/**
 * How far the head is turned (the nose tip's distance from the eyes' midpoint along the eye line, in
 * eye distances: 0 facing the camera) and tilted (the eye line's angle off level).
 */
export function headPose(
  rightEye: NormalisedPoint,
  leftEye: NormalisedPoint,
  noseTip: NormalisedPoint,
): { turn: number; tiltDegrees: number } {
  const dx = leftEye[0] - rightEye[0];
  const dy = leftEye[1] - rightEye[1];
  const eyeDistance = Math.hypot(dx, dy) || 1e-6;
  const midX = (leftEye[0] + rightEye[0]) / 2;
  const midY = (leftEye[1] + rightEye[1]) / 2;
  const along = ((noseTip[0] - midX) * dx + (noseTip[1] - midY) * dy) / eyeDistance;
  return { turn: along / eyeDistance, tiltDegrees: (Math.atan2(dy, dx) * 180) / Math.PI };
}

export function judgeVisible(image: RgbaImage, face: DetectedFace): RehearsalCheck<'face-visible'> {
  const id = 'face-visible';
  const t = FACE_THRESHOLDS;
  const { box, landmarks } = face;
  const outside = shareOutside(box);
  const eyeDistance = Math.hypot(
    (landmarks.leftEye[0] - landmarks.rightEye[0]) * image.width,
    (landmarks.leftEye[1] - landmarks.rightEye[1]) * image.height,
  );
  const eyes = [landmarks.rightEye, landmarks.leftEye].map((eye) => measureEye(image, eye, eyeDistance));
  const evidence = {
    score: round(face.score),
    outside: round(outside),
    eyeShine: eyes.map((eye) => round(eye.shine)),
    eyeContrast: eyes.map((eye) => Math.round(eye.contrast)),
  };
  if (outside > t.maxBoxOutside)
    return {
      id,
      status: 'fail',
      message: 'Part of your face is outside the video.',
      advice: 'Move so that all of your face, from your hair to your chin, is in the video.',
      evidence,
    };
  if (eyes.some((eye) => eye.shine > t.maxEyeShine))
    return {
      id,
      status: 'fail',
      message: 'Shine hides your eyes.',
      advice: 'Tilt your glasses down a little or take them off, or move away from a light in front of you.',
      evidence,
    };
  if (eyes.some((eye) => eye.contrast < t.minEyeContrast))
    return {
      id,
      status: 'unsure',
      message: 'We cannot make out your eyes.',
      advice: 'Keep your eyes open and uncovered: no sunglasses, hat brim or hair over them.',
      evidence,
    };
  if (face.score < t.confidentScore)
    return {
      id,
      status: 'unsure',
      message: 'We can only partly see your face.',
      advice: 'Make sure nothing covers your face: no hat, no hand, no mask.',
      evidence,
    };
  return { id, status: 'pass', message: 'We can see your eyes and your whole face.', advice: '', evidence };
}

/** The share of the box's area that lies outside the frame. */
function shareOutside(box: NormalisedBox): number {
  const inside =
    Math.max(0, Math.min(1, box.x + box.width) - Math.max(0, box.x)) *
    Math.max(0, Math.min(1, box.y + box.height) - Math.max(0, box.y));
  return 1 - inside / (box.width * box.height);
}

/** An eye's patch, a third of the eye distance across: its shine and how much detail it has. */
function measureEye(image: RgbaImage, eye: NormalisedPoint, eyeDistance: number) {
  const half = Math.max(2, Math.round(eyeDistance / 6));
  const cx = Math.round(eye[0] * image.width);
  const cy = Math.round(eye[1] * image.height);
  const stats = lumaStats(image, cx - half, cy - half, cx + half, cy + half);
  return { shine: stats.count === 0 ? 0 : stats.shine / stats.count, contrast: stats.deviation };
}

export function judgeLight(image: RgbaImage, face: DetectedFace | undefined): RehearsalCheck<'light'> {
  const id = 'light';
  const t = FACE_THRESHOLDS;
  const frame = lumaStats(image, 0, 0, image.width, image.height);
  if (!face) {
    const evidence = { frameLuma: Math.round(frame.mean) };
    if (frame.mean < t.minFrameLuma)
      return {
        id,
        status: 'fail',
        message: 'The video is too dark.',
        advice: 'Turn on a light, or face a window, so that light falls on your face.',
        evidence,
      };
    if (frame.mean > t.maxFrameLuma)
      return {
        id,
        status: 'fail',
        message: 'The video is too bright.',
        advice: 'Move away from bright light, such as sunshine on the camera.',
        evidence,
      };
    return noFace(id, evidence);
  }
  // The face's middle half: the box's edges take in hair and background.
  const { box } = face;
  const x0 = Math.round((box.x + box.width / 4) * image.width);
  const y0 = Math.round((box.y + box.height / 4) * image.height);
  const x1 = Math.round((box.x + (box.width * 3) / 4) * image.width);
  const y1 = Math.round((box.y + (box.height * 3) / 4) * image.height);
  const middle = lumaStats(image, x0, y0, x1, y1);
  // The background: the frame less the face box, widened to take in the hair and shoulders' edges.
  const around = lumaStats(
    image,
    Math.round((box.x - box.width * 0.25) * image.width),
    Math.round((box.y - box.height * 0.25) * image.height),
    Math.round((box.x + box.width * 1.25) * image.width),
    Math.round((box.y + box.height * 1.25) * image.height),
  );
  const backgroundCount = frame.count - around.count;
  const background =
    backgroundCount > 0
      ? (frame.mean * frame.count - around.mean * around.count) / backgroundCount
      : frame.mean;
  const evidence = { faceLuma: Math.round(middle.mean), backgroundLuma: Math.round(background) };
  if (background >= t.backlitBackground && background - middle.mean >= t.backlitDifference)
    return {
      id,
      status: 'fail',
      message: 'The light is behind you, so your face is in shadow.',
      advice: 'Turn so that the light, or the window, is in front of you, not behind you.',
      evidence,
    };
  if (middle.mean < t.minFaceLuma)
    return {
      id,
      status: 'fail',
      message: 'Your face is too dark.',
      advice: 'Turn on a light, or face a window, so that light falls on your face.',
      evidence,
    };
  if (middle.mean > t.maxFaceLuma)
    return {
      id,
      status: 'fail',
      message: 'Your face is too bright.',
      advice: 'Move away from bright light on your face, such as direct sunshine.',
      evidence,
    };
  return { id, status: 'pass', message: 'Your face is evenly lit.', advice: '', evidence };
}

function noFace<Id extends FaceCheckId>(id: Id, evidence: Record<string, unknown> = {}): RehearsalCheck<Id> {
  return {
    id,
    status: 'unsure',
    message: 'We will check this once we can see your face.',
    advice: 'Face the camera, with your whole face in the video.',
    evidence,
  };
}

interface LumaStats {
  readonly count: number;
  readonly mean: number;
  readonly deviation: number;
  /** Pixels at or above FACE_THRESHOLDS.shineLuma. */
  readonly shine: number;
}

/** Rec. 601 luma over the pixels in [x0, x1) × [y0, y1), clipped to the image. */
function lumaStats(image: RgbaImage, x0: number, y0: number, x1: number, y1: number): LumaStats {
  const left = Math.max(0, x0);
  const top = Math.max(0, y0);
  const right = Math.min(image.width, x1);
  const bottom = Math.min(image.height, y1);
  let count = 0;
  let sum = 0;
  let squares = 0;
  let shine = 0;
  const { data, width } = image;
  for (let y = top; y < bottom; y++) {
    for (let at = (y * width + left) * 4, end = (y * width + right) * 4; at < end; at += 4) {
      const luma = 0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!;
      sum += luma;
      squares += luma * luma;
      if (luma >= FACE_THRESHOLDS.shineLuma) shine++;
      count++;
    }
  }
  if (count === 0) return { count, mean: 0, deviation: 0, shine };
  const mean = sum / count;
  return { count, mean, deviation: Math.sqrt(Math.max(0, squares / count - mean * mean)), shine };
}

const round = (value: number) => Math.round(value * 100) / 100;
