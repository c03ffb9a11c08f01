/**
 * Loads the engines for Node (the CLI, the tests, the benchmarks), from the installed packages and the
 * project's own model, with no network. Once per process.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBlazeFaceDetector } from '../pipeline/face/blazeFaceDetector.ts';
import type { FaceDetector } from '../pipeline/face/types.ts';
import { BLAZE_FACE_MODEL, detectWasmLevel } from './browserAssets.ts';
import { openCvLoader } from './opencv.ts';
import {
  OPENCV_RUNTIME_FILE,
  OPENCV_WASM_FILES,
  openCvBuildFor,
  startOpenCvRuntime,
  type OpenCvBuild,
  type OpenCvRuntimeFactory,
} from './opencvRuntime.ts';
import { createTesseractDigitReader, createTesseractEngine, type TesseractLocations } from './tesseract.ts';
import type { DigitReader, Engines, OpenCv } from './types.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stockEnglish = join(projectRoot, 'node_modules', '@tesseract.js-data', 'eng');

/** tesseract.js's worker wrapped to keep Leptonica's messages off stderr (the file says why). */
const NODE_WORKER = join(projectRoot, 'src', 'engines', 'tesseractNodeWorker.cjs');

/** Where our own MRZ model lives (tools/train-mrz makes it); stock legacy English is the fallback. */
export function nodeTesseractLocations(): TesseractLocations {
  const ourModel = join(projectRoot, 'models', 'mrz.traineddata');
  const cachePath = join(tmpdir(), 'id-precheck-tesseract');
  mkdirSync(cachePath, { recursive: true });
  const text = { textLangPath: join(stockEnglish, '4.0.0_best_int'), cachePath, workerPath: NODE_WORKER };
  return existsSync(ourModel)
    ? { mrzLangPath: dirname(ourModel), mrzLanguage: 'mrz', mrzGzip: false, ...text }
    : { mrzLangPath: join(stockEnglish, '4.0.0'), mrzLanguage: 'eng', mrzGzip: true, ...text };
}

/** Our OpenCV build (tools/opencv-build/build.sh writes it there). */
const OPENCV_VENDOR = join(projectRoot, 'vendor', 'opencv');

/**
 * Starts a new instance of one build of our OpenCV, as the web app's worker does (opencvBrowser.ts):
 * the runtime's ES module given the WebAssembly compiled here. Not memoised: loadNodeOpenCv is.
 */
export async function startNodeOpenCv(build: OpenCvBuild): Promise<OpenCv> {
  const compiling = readFile(join(OPENCV_VENDOR, OPENCV_WASM_FILES[build])).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  compiling.catch(() => {}); // reported by startOpenCvRuntime
  const runtime = pathToFileURL(join(OPENCV_VENDOR, OPENCV_RUNTIME_FILE)).href;
  const { default: create } = (await import(runtime)) as { default: OpenCvRuntimeFactory };
  return startOpenCvRuntime(create, compiling);
}

/**
 * The build this process runs: SIMD where the engine has it (Node has since 16), unless
 * ID_PRECHECK_OPENCV_BUILD=plain asks for the build browsers without SIMD get, to measure or test it.
 */
export function nodeOpenCvBuild(): OpenCvBuild {
  return process.env.ID_PRECHECK_OPENCV_BUILD === 'plain' ? 'plain' : openCvBuildFor(detectWasmLevel());
}

/** OpenCV for the pipeline, once per process. */
export const loadNodeOpenCv: () => Promise<OpenCv> = openCvLoader(async () => ({
  default: await startNodeOpenCv(nodeOpenCvBuild()),
}));

let loading: Promise<Engines> | undefined;

/**
 * OpenCV, the OCR worker and the face detector, started side by side (OpenCV compiles on this thread,
 * tesseract in its own; the face detector is our own code and needs neither).
 */
export function loadNodeEngines(): Promise<Engines> {
  loading ??= (async () => {
    const [cv, ocr, faces] = await Promise.all([
      loadNodeOpenCv(),
      createTesseractEngine(nodeTesseractLocations()),
      loadNodeFaceDetector(),
    ]);
    return { cv, ocr, faces };
  })();
  return loading;
}

/** The CPU time this process has used, all its threads (the OCR workers too), in ms: a reading budget's clock. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

let faceDetector: Promise<FaceDetector> | undefined;

/** The face detector, its model read from the installed @mediapipe/face_detection package. Once per process. */
export function loadNodeFaceDetector(): Promise<FaceDetector> {
  faceDetector ??= Promise.resolve().then(() =>
    createBlazeFaceDetector(readFileSync(join(projectRoot, BLAZE_FACE_MODEL.source))),
  );
  return faceDetector;
}

let digitReader: Promise<DigitReader> | undefined;

/** The rehearsal's reader of written digits (the printed-text model), for tests and measurements. */
export function loadNodeDigitReader(): Promise<DigitReader> {
  digitReader ??= createTesseractDigitReader(nodeTesseractLocations());
  return digitReader;
}
