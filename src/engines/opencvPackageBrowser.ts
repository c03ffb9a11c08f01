/**
 * The @techstark/opencv-js package in the web app's worker, for the face detector alone: its dnn module
 * runs BlazeFace, which our own build (opencvBrowser.ts) leaves out. To go once the face detector runs
 * without OpenCV (issue 13f). The build splits the package's one script into its runtime and its
 * WebAssembly (opencvWasm.ts), so the WebAssembly compiles while it streams in.
 */
import packagedOpenCvWasmUrl, { packagedOpenCvWasmBytes } from 'virtual:opencv-package-wasm-url';
import type { DownloadMeter } from './downloadProgress.ts';
import { fetchCounted } from './downloadProgress.ts';
import { openCvLoader } from './opencv.ts';
import { startPackagedOpenCv } from './opencvWasm.ts';
import type { OpenCv } from './types.ts';

/** Resolves with the package's OpenCV ready to use; the first call starts the download. */
export const loadBrowserPackagedOpenCv: (meter: DownloadMeter) => Promise<OpenCv> = openCvLoader(
  async (meter: DownloadMeter) => {
    const compiling = WebAssembly.compileStreaming(
      fetchCounted(packagedOpenCvWasmUrl, meter.expect(packagedOpenCvWasmBytes)),
    );
    compiling.catch(() => {}); // reported by startPackagedOpenCv, once the runtime has asked for it
    // A chunk of its own, fetched beside the WebAssembly: the worker's own script stays small.
    const { default: createPackagedOpenCv } = await import('virtual:opencv-package-runtime');
    return { default: await startPackagedOpenCv(createPackagedOpenCv, compiling) };
  },
);
