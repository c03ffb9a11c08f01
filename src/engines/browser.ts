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
import { loadBrowserOpenCv } from './opencvBrowser.ts';
import { createTesseractEngine, type TesseractLocations } from './tesseract.ts';
import type { Engines } from './types.ts';

/** Set by vite.config.ts: whether models/mrz.traineddata existed when the app was built. */
declare const __ID_PRECHECK_OWN_MRZ_MODEL__: boolean;

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

let loading: Promise<Engines> | undefined;

/**
 * OpenCV (compiled on this worker's thread) and tesseract (in a worker of its own), side by side: on
 * a first visit each spends most of its time downloading and compiling WebAssembly, which overlap.
 */
export function loadBrowserEngines(base: URL): Promise<Engines> {
  loading ??= (async () => {
    const [cv, ocr] = await Promise.all([
      loadBrowserOpenCv(),
      createTesseractEngine(browserTesseractLocations(base)),
    ]);
    return { cv, ocr };
  })();
  // A failed load is not kept: the next check tries again (the network may be back).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
