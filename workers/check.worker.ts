/**
 * The web app's Web Worker: decodes the photo and runs the pipeline, off the page's thread. The page
 * talks to it through `Api` (Comlink); checkClient.ts is the other side. Kept warm: the engines load
 * once, on `prepare`, and stay loaded for every later photo.
 */
import { expose, transfer } from 'comlink';
import { bitmapForCheck, decodePhotoBitmap } from '../src/decode/browser.ts';
import { cameraFrameToRgba } from '../src/decode/cameraFrame.ts';
import { PhotoError, type PhotoErrorCode } from '../src/decode/photoError.ts';
import { OcrEngineUnavailable, reportingReaderWait } from '../src/engines/arrivingOcr.ts';
import { loadBrowserEngines, type BrowserEngines, type EngineDownloadPart } from '../src/engines/browser.ts';
import type { DownloadProgress } from '../src/engines/downloadProgress.ts';
import { checkDocument } from '../src/pipeline/check.ts';
import { judgeFraming, type FramingReport } from '../src/pipeline/framing/judgeFraming.ts';
import { READING_BUDGET_MS } from '../src/pipeline/steps/readingBudget.ts';
import type { CheckReport, CheckStep, IsoDate } from '../src/pipeline/types.ts';

/**
 * The pipeline's steps, decoding before them, and, within them, a wait for tesseract's files on a
 * first visit (the checker is ready before they are in: engines/browser.ts).
 */
export type WorkerStep = 'decoding' | 'waiting-for-code-reader' | CheckStep;

export type { DownloadProgress, EngineDownloadPart };

export type CheckOutcome =
  | {
      readonly status: 'checked';
      readonly report: CheckReport;
      /** The photo as decoded (orientation applied), shrunk for display: the outline's coordinates × `previewScale`. */
      readonly preview: ImageBitmap;
      readonly previewScale: number;
      readonly decodeMs: number;
    }
  | { readonly status: 'refused'; readonly code: PhotoErrorCode; readonly message: string }
  /** The photo needed tesseract, whose files did not download: the checker's files failed, not the photo. */
  | { readonly status: 'not-loaded' }
  | { readonly status: 'cancelled' };

/** A camera frame judged for the live guidance, and how long reading its pixels took. */
export type FrameJudgement = FramingReport & { readonly pixelsMs: number };

export interface CheckRequest {
  readonly jobId: number;
  readonly photo: Blob;
  readonly today: IsoDate;
}

/** Long side of the preview the page draws: sharp on a phone at 3× density, cheap to draw. */
const PREVIEW_SIDE_PX = 1600;

const appBase = new URL(import.meta.env.BASE_URL, self.location.href);
const running = new Map<number, AbortController>();
let engines: BrowserEngines | undefined;

async function readyEngines(onStep: (step: WorkerStep) => void): Promise<BrowserEngines> {
  if (engines) return engines;
  onStep('loading');
  engines = await loadBrowserEngines(appBase);
  return engines;
}

const api = {
  /**
   * Loads the engines now, so the first photo does not wait for them (or waits less), telling
   * `onDownload` how much of their files has arrived: resolves once a check can start, while
   * tesseract's files may still be arriving.
   */
  async prepare(onDownload: (part: EngineDownloadPart, progress: DownloadProgress) => void): Promise<void> {
    engines ??= await loadBrowserEngines(appBase, onDownload);
  },

  /**
   * Settles once tesseract and its printed-text model are in too (after `prepare`): the service
   * worker's precache, which asks for every file again, waits for them.
   */
  async readersLoaded(): Promise<void> {
    await (engines ?? (await loadBrowserEngines(appBase))).ocr.fetch('printed-text');
  },

  async check(request: CheckRequest, onStep: (step: WorkerStep) => void): Promise<CheckOutcome> {
    const controller = new AbortController();
    running.set(request.jobId, controller);
    try {
      onStep('decoding');
      const started = performance.now();
      const bitmap = await decodePhotoBitmap(request.photo);
      const photo = await bitmapForCheck(bitmap);
      const { preview, previewScale } = await makePreview(bitmap);
      const decodeMs = performance.now() - started;
      const ready = await readyEngines(onStep);
      if (controller.signal.aborted) return { status: 'cancelled' };
      let step: WorkerStep = 'loading';
      const onProgress = (next: CheckStep) => onStep((step = next));
      const ocr = reportingReaderWait(ready.ocr, {
        signal: controller.signal,
        waiting: () => onStep('waiting-for-code-reader'),
        arrived: () => onStep(step),
      });
      const report = await checkDocument(
        photo,
        { ...ready, ocr },
        {
          today: request.today,
          signal: controller.signal,
          onProgress,
          readingBudgetMs: READING_BUDGET_MS.browser,
        },
      );
      return transfer({ status: 'checked', report, preview, previewScale, decodeMs }, [preview]);
    } catch (error) {
      if (controller.signal.aborted) return { status: 'cancelled' };
      if (error instanceof PhotoError) return { status: 'refused', code: error.code, message: error.message };
      if (error instanceof OcrEngineUnavailable) {
        console.warn('The reader could not be loaded:', error.cause);
        return { status: 'not-loaded' };
      }
      console.error(error);
      return {
        status: 'refused',
        code: 'check-failed',
        message: 'Something went wrong while checking this photo. Try again, or try another photo.',
      };
    } finally {
      running.delete(request.jobId);
    }
  },

  /**
   * The live camera guidance: judges one frame (transferred, and closed as soon as its pixels are
   * read). The page sends the next frame only once this one is answered, so frames never queue.
   */
  async judgeFrame(frame: VideoFrame | ImageBitmap): Promise<FrameJudgement> {
    const started = performance.now();
    const pixels = await cameraFrameToRgba(frame);
    const pixelsMs = Math.round(performance.now() - started);
    const ready = await readyEngines(() => {});
    return { ...judgeFraming(ready.cv, pixels.image, pixels), pixelsMs };
  },

  /** Stops a check at its next step; the client terminates the worker if it does not stop in time. */
  cancel(jobId: number): void {
    running.get(jobId)?.abort();
  },
};

async function makePreview(bitmap: ImageBitmap): Promise<{ preview: ImageBitmap; previewScale: number }> {
  const previewScale = Math.min(1, PREVIEW_SIDE_PX / Math.max(bitmap.width, bitmap.height));
  if (previewScale === 1) return { preview: bitmap, previewScale };
  const preview = await createImageBitmap(bitmap, {
    resizeWidth: Math.round(bitmap.width * previewScale),
    resizeHeight: Math.round(bitmap.height * previewScale),
    resizeQuality: 'medium',
  });
  bitmap.close();
  return { preview, previewScale };
}

export type Api = typeof api;

expose(api);
