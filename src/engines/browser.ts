/**
 * Loads the engines inside the web app's Web Worker, every file from the app's own origin (the build
 * copies them there: see browserAssets.ts and vite.config.ts), so nothing is fetched from a CDN and the
 * service worker can keep them for offline use. Once per worker.
 */
import {
  detectWasmLevel,
  OWN_MRZ_MODEL,
  STOCK_MRZ_MODEL,
  TESSERACT_CORES,
  TESSERACT_WORKER,
  TEXT_MODEL,
  type LanguageModel,
} from './browserAssets.ts';
import { arrivingOcrEngine, type ArrivingOcrEngine } from './arrivingOcr.ts';
import { DownloadMeter, prefetchCounted, type DownloadProgress } from './downloadProgress.ts';
import { loadBrowserFaceDetector } from './faceBrowser.ts';
import { loadBrowserOpenCv } from './opencvBrowser.ts';
import type { TesseractLocations } from './tesseract.ts';
import type { Engines, OcrEngine } from './types.ts';

/** Set by vite.config.ts: whether models/mrz.traineddata existed when the app was built. */
declare const __ID_PRECHECK_OWN_MRZ_MODEL__: boolean;
/** Set by vite.config.ts: the size of each file it copies into vendor/, by its path there. */
declare const __ID_PRECHECK_VENDOR_BYTES__: Readonly<Record<string, number>>;

export const MRZ_MODEL: LanguageModel = __ID_PRECHECK_OWN_MRZ_MODEL__ ? OWN_MRZ_MODEL : STOCK_MRZ_MODEL;

/**
 * Absolute URLs, so that they mean the same in tesseract.js's worker as here. `base` is the app's base
 * URL (import.meta.env.BASE_URL) resolved against the worker's location.
 */
export function browserTesseractLocations(base: URL): TesseractLocations {
  const at = (path: string) => new URL(path, base).href;
  return {
    workerPath: at(TESSERACT_WORKER.path),
    corePath: at(TESSERACT_CORES[detectWasmLevel()].script.path),
    mrzLangPath: at(MRZ_MODEL.folder),
    mrzLanguage: MRZ_MODEL.language,
    mrzGzip: MRZ_MODEL.gzip,
    textLangPath: at(TEXT_MODEL.folder),
  };
}

/** The engines in the web app's worker: the OCR engine may still be arriving when the rest are in. */
export interface BrowserEngines extends Engines {
  readonly ocr: ArrivingOcrEngine;
}

/**
 * Which download a progress report is about: what a check needs to start (`checker`); after that,
 * tesseract's files (`code-reader`: the reader of the code on an ID), then its printed-text model
 * (`text-reader`: a licence's or card front's text).
 */
export type EngineDownloadPart = 'checker' | 'code-reader' | 'text-reader';
export type OnEngineDownload = (part: EngineDownloadPart, progress: DownloadProgress) => void;

let loading: Promise<BrowserEngines> | undefined;
const progressListeners = new Set<OnEngineDownload>();
const tellListeners: OnEngineDownload = (part, progress) =>
  progressListeners.forEach((listener) => listener(part, progress));

/**
 * Resolves once a check can start: OpenCV (compiled on this worker's thread) and the face detector's
 * model (186 KB on the wire), side by side. If the face model alone fails to load, the check runs
 * without looking for the portrait rather than not at all.
 *
 * tesseract (in a worker of its own) is not waited for: its files start downloading once the ready
 * set's bytes are in, so that they do not share a slow link with them (on a throttled first visit its
 * 1 MB core, downloaded beside OpenCV, put ready at 11.8 s), and the OCR engine's reads wait for it
 * (arrivingOcr.ts). Its printed-text model follows it. `onProgress` hears each part's download in turn.
 */
export function loadBrowserEngines(base: URL, onProgress?: OnEngineDownload): Promise<BrowserEngines> {
  if (onProgress) progressListeners.add(onProgress);
  loading ??= (async () => {
    const meter = new DownloadMeter((progress) => tellListeners('checker', progress));
    const opencv = loadBrowserOpenCv(meter);
    const faces = loadBrowserFaceDetector(base, meter).catch((error: unknown) => {
      console.warn('The face detector could not be loaded; the portrait will not be checked.', error);
      return undefined;
    });
    meter.start();
    const readySet = Promise.all([opencv, faces]);
    // Once the ready set has downloaded (it may still be compiling); not after it failed (a retry
    // makes another engine).
    const readySetIn = Promise.race([meter.allArrived, readySet.then(ignore)]);
    const ocr = arrivingOcrEngine(
      async () => {
        await readySetIn;
        return loadTesseract(base);
      },
      () => prefetchTextModel(base),
    );
    // Every reader, one after another; the first read that needs one reports a failure, and tries again.
    ocr.fetch('printed-text').then(() => progressListeners.clear(), ignore);
    const [cv, faceDetector] = await readySet;
    return faceDetector ? { cv, ocr, faces: faceDetector } : { cv, ocr };
  })();
  // A failed load is not kept: the next check tries again (the network may be back).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const ignore = () => {};

/** tesseract's files, counted as they arrive (the `code-reader` part), then its MRZ worker started. */
async function loadTesseract(base: URL): Promise<OcrEngine> {
  const meter = new DownloadMeter((progress) => tellListeners('code-reader', progress));
  const prefetched = prefetchTesseractFiles(base, meter);
  meter.start();
  // A chunk of its own (tesseract.js's client, 20 KB), fetched beside its files, after the ready set.
  const [{ createTesseractEngine }] = await Promise.all([import('./tesseract.ts'), prefetched]);
  return createTesseractEngine(browserTesseractLocations(base));
}

/**
 * The printed-text model (3 MB), counted as it arrives (the `text-reader` part), into the HTTP cache
 * where tesseract.js's worker finds it when the first licence or card front starts that reader. After
 * the code reader, not beside it; and before the service worker's precache asks for it too.
 */
async function prefetchTextModel(base: URL): Promise<void> {
  const meter = new DownloadMeter((progress) => tellListeners('text-reader', progress));
  const prefetched = prefetchCounted(
    new URL(TEXT_MODEL.path, base).href,
    meter.expect(__ID_PRECHECK_VENDOR_BYTES__[TEXT_MODEL.path] ?? 0),
  );
  meter.start();
  await prefetched;
}

/**
 * tesseract.js fetches its files one after another from its own worker (its script, then the core's,
 * then the core's WebAssembly, then the model), where we cannot count them. Fetched here first, side by
 * side and counted, they are in the HTTP cache when tesseract.js asks (a revalidation each: the
 * server sends them `no-cache`). Not side by side with tesseract.js's own requests: a file asked for
 * twice at once may come twice.
 */
async function prefetchTesseractFiles(base: URL, meter: DownloadMeter): Promise<void> {
  const core = TESSERACT_CORES[detectWasmLevel()];
  const files = [TESSERACT_WORKER, core.script, core.wasm, MRZ_MODEL];
  await Promise.all(
    files.map((file) =>
      prefetchCounted(
        new URL(file.path, base).href,
        meter.expect(__ID_PRECHECK_VENDOR_BYTES__[file.path] ?? 0),
      ),
    ),
  );
}
