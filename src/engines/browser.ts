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
import { DownloadMeter, prefetchCounted, type OnDownloadProgress } from './downloadProgress.ts';
import { loadBrowserFaceDetector } from './faceBrowser.ts';
import { loadBrowserOpenCv } from './opencvBrowser.ts';
import { createTesseractEngine, type TesseractLocations } from './tesseract.ts';
import type { Engines } from './types.ts';

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

let loading: Promise<Engines> | undefined;
const progressListeners = new Set<OnDownloadProgress>();

/**
 * OpenCV (compiled on this worker's thread) and tesseract (in a worker of its own), side by side: on
 * a first visit each spends most of its time downloading and compiling WebAssembly, which overlap.
 * The face detector's model (229 KB) comes with them; if it alone fails to load, the check runs
 * without looking for the portrait rather than not at all.
 * `onProgress` hears how much of their files has arrived (once the engines are loaded, nothing more).
 * The printed-text model is not among them: the first licence or card front fetches it.
 */
export function loadBrowserEngines(base: URL, onProgress?: OnDownloadProgress): Promise<Engines> {
  if (onProgress) progressListeners.add(onProgress);
  loading ??= (async () => {
    const meter = new DownloadMeter((progress) =>
      progressListeners.forEach((listener) => listener(progress)),
    );
    const locations = browserTesseractLocations(base);
    const opencv = loadBrowserOpenCv(meter);
    const tesseract = prefetchTesseractFiles(base, meter).then(() => createTesseractEngine(locations));
    const faces = loadBrowserFaceDetector(base, meter).catch((error: unknown) => {
      console.warn('The face detector could not be loaded; the portrait will not be checked.', error);
      return undefined;
    });
    meter.start();
    const [cv, ocr, faceDetector] = await Promise.all([opencv, tesseract, faces]);
    return faceDetector ? { cv, ocr, faces: faceDetector } : { cv, ocr };
  })();
  // A failed load is not kept: the next check tries again (the network may be back).
  loading.then(
    () => progressListeners.clear(),
    () => {
      loading = undefined;
    },
  );
  return loading;
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
