/**
 * Where the heavy engine files live in the built web app, and where each comes from in the project.
 * One table read by the build (vite.config.ts copies `source` to `path`), the engine loader (which asks
 * for `path` on the page's own origin) and the service worker (which precaches `path`), so the three
 * cannot disagree. Paths are relative to the app's base URL. Pure: no DOM, no Node.
 */

export interface VendorFile {
  /** In the project, relative to its root. */
  readonly source: string;
  /** In the built app, relative to its base URL. */
  readonly path: string;
}

/** tesseract.js 7's browser worker script. */
export const TESSERACT_WORKER: VendorFile = {
  source: 'node_modules/tesseract.js/dist/worker.min.js',
  path: 'vendor/tesseract/worker.min.js',
};

export type WasmLevel = 'relaxedsimd' | 'simd' | 'plain';

/** A tesseract core: Emscripten's script and its WebAssembly, as two files. */
export interface TesseractCore {
  readonly script: VendorFile;
  readonly wasm: VendorFile;
}

/**
 * The full tesseract cores (legacy and LSTM engines both), one per WebAssembly feature level. We name
 * one file instead of letting tesseract.js pick from a folder, because it would otherwise load the
 * legacy core for the MRZ worker and the LSTM-only core for the text worker: two downloads.
 *
 * Not the `.wasm.js` builds that tesseract.js picks by default, whose WebAssembly is base64 inside a
 * 4.7 MB script (parsed, decoded in JavaScript, compiled once all of it is in): with the script and
 * the `.wasm` apart, the WebAssembly compiles as it streams in. Emscripten looks for the `.wasm` beside
 * the worker's own script (its `scriptDirectory` is the worker's location, since tesseract.js passes
 * no `locateFile`), so both live in the worker's folder, and the worker is started from its own URL
 * rather than a blob: URL (see tesseract.ts).
 */
export const TESSERACT_CORES: Readonly<Record<WasmLevel, TesseractCore>> = {
  relaxedsimd: core('tesseract-core-relaxedsimd'),
  simd: core('tesseract-core-simd'),
  plain: core('tesseract-core'),
};

function core(name: string): TesseractCore {
  const file = (extension: string): VendorFile => ({
    source: `node_modules/tesseract.js-core/${name}${extension}`,
    path: `vendor/tesseract/${name}${extension}`,
  });
  return { script: file('.js'), wasm: file('.wasm') };
}

export interface LanguageModel extends VendorFile {
  /** tesseract's language name: the file is `<language>.traineddata[.gz]` in `folder`. */
  readonly language: string;
  readonly gzip: boolean;
  readonly folder: string;
}

/** Our MRZ model (tools/train-mrz makes it), used when models/mrz.traineddata exists at build time. */
export const OWN_MRZ_MODEL: LanguageModel = {
  source: 'models/mrz.traineddata',
  path: 'vendor/mrz/mrz.traineddata',
  folder: 'vendor/mrz',
  language: 'mrz',
  gzip: false,
};

/** Stock legacy English: the fallback MRZ model (11 MB, so it dominates a first visit). */
export const STOCK_MRZ_MODEL: LanguageModel = {
  source: 'node_modules/@tesseract.js-data/eng/4.0.0/eng.traineddata.gz',
  path: 'vendor/eng-legacy/eng.traineddata.gz',
  folder: 'vendor/eng-legacy',
  language: 'eng',
  gzip: true,
};

/** Printed text on licences: the LSTM English model, 3 MB, fetched on the first licence only. */
export const TEXT_MODEL: LanguageModel = {
  source: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
  path: 'vendor/eng-best-int/eng.traineddata.gz',
  folder: 'vendor/eng-best-int',
  language: 'eng',
  gzip: true,
};

/**
 * The face detector: MediaPipe's BlazeFace short-range model, 229 KB, run by our own code
 * (pipeline/face/blazeFaceDetector.ts): the photo check looks for the portrait on the document with it, and
 * the rehearsal page for the person's face (engines/faceBrowser.ts).
 */
export const BLAZE_FACE_MODEL: VendorFile = {
  source: 'node_modules/@mediapipe/face_detection/face_detection_short_range.tflite',
  path: 'vendor/face/face_detection_short_range.tflite',
};

/**
 * The same feature tests tesseract.js runs (wasm-feature-detect's modules, bytes copied), so the worker
 * and the service worker choose the same core.
 */
const SIMD_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98,
  11,
];
const RELAXED_SIMD_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65, 2,
  253, 15, 253, 128, 2, 11,
];

export function detectWasmLevel(): WasmLevel {
  if (WebAssembly.validate(new Uint8Array(RELAXED_SIMD_PROBE))) return 'relaxedsimd';
  if (WebAssembly.validate(new Uint8Array(SIMD_PROBE))) return 'simd';
  return 'plain';
}

/** Written by the build into precache.json beside index.html: what the service worker stores. */
export interface PrecacheManifest {
  readonly buildId: string;
  /** The app shell and every bundled chunk, OpenCV included. */
  readonly files: readonly string[];
  readonly mrzModel: string;
  readonly textModel: string;
  /** The face detector's model (BLAZE_FACE_MODEL). */
  readonly faceModel: string;
  readonly tesseractWorker: string;
  /** Per feature level, the core's script and WebAssembly. */
  readonly cores: Readonly<Record<WasmLevel, readonly string[]>>;
  /** Our OpenCV's WebAssembly, per build (opencvRuntime.ts's openCvBuildFor): not also in `files`. */
  readonly opencvWasm: Readonly<Record<'simd' | 'plain', string>>;
}
