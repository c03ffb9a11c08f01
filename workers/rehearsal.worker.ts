/**
 * The rehearsal page's Web Worker: finds the faces in each camera frame and judges the face checks,
 * off the page's thread. Started only when the rehearsal opens, so the photo check never loads the face
 * model. rehearsalClient.ts is the other side.
 */
import { expose } from 'comlink';
import { faceFrameToRgba } from '../src/decode/faceFrame.ts';
import { loadBrowserFaceDetector } from '../src/engines/faceBrowser.ts';
import type { DetectedFace } from '../src/pipeline/face/types.ts';
import { judgeFaceChecks, type FaceChecks } from '../src/pipeline/rehearsal/judgeFace.ts';

export interface FaceFrameJudgement {
  readonly checks: FaceChecks;
  readonly faces: readonly DetectedFace[];
  /** Reading the frame's pixels, finding the faces, judging them: ms each. */
  readonly timingsMs: { readonly pixels: number; readonly detect: number; readonly judge: number };
}

const appBase = new URL(import.meta.env.BASE_URL, self.location.href);

const api = {
  /** Loads OpenCV and the face model now, so the first frame does not wait for them. */
  async prepare(): Promise<void> {
    await loadBrowserFaceDetector(appBase);
  },

  /**
   * Judges one frame (transferred, and closed once its pixels are read). The page sends the next frame
   * only once this one is answered, so frames never queue.
   */
  async judgeFaceFrame(frame: VideoFrame | ImageBitmap): Promise<FaceFrameJudgement> {
    const detector = await loadBrowserFaceDetector(appBase).catch((error: unknown) => {
      frame.close();
      throw error;
    });
    const started = performance.now();
    const image = faceFrameToRgba(frame);
    const read = performance.now();
    const faces = detector.detectFaces(image);
    const detected = performance.now();
    const checks = judgeFaceChecks(image, faces);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      checks,
      faces,
      timingsMs: {
        pixels: round(read - started),
        detect: round(detected - read),
        judge: round(performance.now() - detected),
      },
    };
  },
};

export type Api = typeof api;

expose(api);
