/**
 * A camera frame's pixels for the rehearsal's face checks, no larger than FACE_FRAME_SIDE_PX a side:
 * the detector sees 128 × 128 whatever it is given, and the light and eye measures need no more than a
 * face a few hundred pixels high, so reading a 1280 × 720 frame whole would only cost time.
 */
import type { RgbaImage } from '../pipeline/types.ts';

export const FACE_FRAME_SIDE_PX = 640;

let canvas: OffscreenCanvas | undefined;

/** Draws the frame down and reads it back, then closes it (it holds a camera buffer until then). */
export function faceFrameToRgba(frame: VideoFrame | ImageBitmap): RgbaImage {
  try {
    const [frameWidth, frameHeight] =
      frame instanceof ImageBitmap ? [frame.width, frame.height] : [frame.displayWidth, frame.displayHeight];
    const scale = Math.min(1, FACE_FRAME_SIDE_PX / Math.max(frameWidth, frameHeight));
    const width = Math.max(1, Math.round(frameWidth * scale));
    const height = Math.max(1, Math.round(frameHeight * scale));
    if (canvas?.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('This browser cannot read pixels from the camera.');
    context.drawImage(frame, 0, 0, width, height);
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  } finally {
    frame.close();
  }
}
