/**
 * What a face detector finds, in coordinates normalised to the image (0..1 across its width and down
 * its height), so that a finding means the same whatever size the frame was judged at.
 */
import type { RgbaImage } from '../types.ts';

/** A point as a fraction of the image's width (x) and height (y). */
export type NormalisedPoint = readonly [x: number, y: number] & { readonly __space?: 'normalised' };

export interface NormalisedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The six points BlazeFace places. "Right" and "left" are the person's own: facing the camera, their
 * right eye is on the image's left.
 */
export interface FaceLandmarks {
  readonly rightEye: NormalisedPoint;
  readonly leftEye: NormalisedPoint;
  readonly noseTip: NormalisedPoint;
  readonly mouth: NormalisedPoint;
  readonly rightEar: NormalisedPoint;
  readonly leftEar: NormalisedPoint;
}

export interface DetectedFace {
  readonly box: NormalisedBox;
  /** The detector's confidence, 0..1. */
  readonly score: number;
  readonly landmarks: FaceLandmarks;
}

/**
 * Finds the faces in an image. Pure over its pixels: the same answer for the same pixels, in the Web
 * Worker, in Node and in the tests. The detector behind it (blazeFaceDetector.ts) is loaded
 * once and passed in, like OpenCV is to the photo pipeline.
 */
export interface FaceDetector {
  detectFaces(image: RgbaImage): readonly DetectedFace[];
}
