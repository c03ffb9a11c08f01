/**
 * A camera frame's pixels, for the live guidance in the Web Worker, as RGBA no larger than
 * CAMERA_FRAME_SIDE_PX a side: the size the pipeline's framing stage judges a frame at
 * (pipeline/framing/judgeFraming.ts), which makes its smaller copies itself, the same way in every
 * browser and in the Node tests.
 */
import { FRAMING_SIDE_PX } from '../pipeline/sizes.ts';
import type { RgbaImage } from '../pipeline/types.ts';
import { PhotoError } from './photoError.ts';

/**
 * A 1280×720 frame is read as it is; a bigger one (a 4K stream) is drawn down to this first, so
 * reading it costs no more than a 1280×720 one, and framing has nothing to shrink.
 */
export const CAMERA_FRAME_SIDE_PX = FRAMING_SIDE_PX;

export interface CameraFramePixels {
  readonly image: RgbaImage;
  /** How many camera pixels each pixel of `image` stands for (1 unless the frame was drawn smaller). */
  readonly cameraPxPerFramePx: number;
}

/**
 * Reads the frame and closes it (it holds a camera buffer until then). The pixels are valid until the
 * next frame is read: one frame at a time.
 */
export async function cameraFrameToRgba(frame: VideoFrame | ImageBitmap): Promise<CameraFramePixels> {
  try {
    const [cameraWidth, cameraHeight] =
      frame instanceof ImageBitmap ? [frame.width, frame.height] : [frame.displayWidth, frame.displayHeight];
    const scale = Math.min(1, CAMERA_FRAME_SIDE_PX / Math.max(cameraWidth, cameraHeight));
    const width = Math.round(cameraWidth * scale);
    const height = Math.round(cameraHeight * scale);
    const data =
      (scale === 1 && !(frame instanceof ImageBitmap) && (await copyAsRgba(frame))) ||
      drawAsRgba(frame, width, height);
    return { image: { width, height, data }, cameraPxPerFramePx: 1 / scale };
  } finally {
    frame.close();
  }
}

/**
 * One buffer for every frame of a session: copyTo into a fresh 3.7 MB buffer takes 13 ms, most of it
 * the kernel faulting in new pages, and into this one 1.6 ms (1280×720, Chromium 156). Safe because
 * the page sends one frame at a time, and the pixels are copied into OpenCV's heap before the next is
 * read.
 */
let copyBuffer: Uint8ClampedArray | undefined;

/**
 * The camera's YUV converted straight into RGBA, at a tenth of the cost of drawing it on a canvas and
 * reading it back (26 ms). Null where copyTo cannot convert formats.
 */
async function copyAsRgba(frame: VideoFrame): Promise<Uint8ClampedArray | null> {
  const bytes = frame.displayWidth * frame.displayHeight * 4;
  if (copyBuffer?.length !== bytes) copyBuffer = new Uint8ClampedArray(bytes);
  const data = copyBuffer;
  try {
    await frame.copyTo(data, { format: 'RGBA', colorSpace: 'srgb' });
    return data;
  } catch {
    return null;
  }
}

/** One canvas for every frame of a session: the frames are all the same size. */
let canvas: OffscreenCanvas | undefined;

function drawAsRgba(frame: VideoFrame | ImageBitmap, width: number, height: number): Uint8ClampedArray {
  if (canvas?.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new PhotoError('check-failed', 'This browser cannot read pixels from the camera.');
  // Shrinking by 3 (4K to 1280), plain bilinear sampling would alias print into false sharpness.
  context.imageSmoothingQuality = 'high';
  context.drawImage(frame, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}
