/**
 * The rehearsal page's Web Worker: finds the faces in each camera frame and judges the face checks,
 * off the page's thread, and for a person who writes their numbers, `numbers-shown` (its OCR in a
 * tesseract worker of its own, at most once a second). Started only when the rehearsal opens, so the
 * photo check never loads the face model. rehearsalClient.ts is the other side.
 */
import { expose } from 'comlink';
import { faceFrameToRgba } from '../src/decode/faceFrame.ts';
import { loadBrowserDigitReader } from '../src/engines/digitsBrowser.ts';
import { loadBrowserFaceDetector } from '../src/engines/faceBrowser.ts';
import type { DetectedFace } from '../src/pipeline/face/types.ts';
import { judgeFaceChecks, type FaceChecks } from '../src/pipeline/rehearsal/judgeFace.ts';
import type { RehearsalCheck } from '../src/pipeline/rehearsal/types.ts';
import { WrittenNumbersWatcher } from '../src/pipeline/rehearsal/watchWrittenNumbers.ts';

export interface FaceFrameJudgement {
  readonly checks: FaceChecks;
  readonly faces: readonly DetectedFace[];
  /** Judged when the frame was sent with the numbers the person writes. */
  readonly numbersShown: RehearsalCheck<'numbers-shown'> | null;
  /**
   * Reading the frame's pixels, finding the faces, judging them: ms each; and the latest reading of
   * written numbers (on the OCR's own thread, not this frame's), when there has been one.
   */
  readonly timingsMs: {
    readonly pixels: number;
    readonly detect: number;
    readonly judge: number;
    readonly read: number | null;
  };
}

const appBase = new URL(import.meta.env.BASE_URL, self.location.href);
const writtenNumbers = new WrittenNumbersWatcher(() => loadBrowserDigitReader(appBase));

const api = {
  /** Loads the face model now, so the first frame does not wait for it. */
  async prepare(): Promise<void> {
    await loadBrowserFaceDetector(appBase);
  },

  /** Loads the digit reader now (a person chose to write their numbers), so its first reading is sooner. */
  async prepareDigitReader(): Promise<void> {
    await loadBrowserDigitReader(appBase);
  },

  /**
   * Judges one frame (transferred, and closed once its pixels are read). The page sends the next frame
   * only once this one is answered, so frames never queue. `written`: the 4 numbers shown, when the
   * person writes them.
   */
  async judgeFaceFrame(frame: VideoFrame | ImageBitmap, written?: string): Promise<FaceFrameJudgement> {
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
    const numbersShown = written ? writtenNumbers.judge(image, faces, written, performance.now()) : null;
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      checks,
      faces,
      numbersShown,
      timingsMs: {
        pixels: round(read - started),
        detect: round(detected - read),
        judge: round(performance.now() - detected),
        read:
          numbersShown && writtenNumbers.lastReadingMs !== null ? round(writtenNumbers.lastReadingMs) : null,
      },
    };
  },
};

export type Api = typeof api;

expose(api);
