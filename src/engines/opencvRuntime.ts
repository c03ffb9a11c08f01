/**
 * Starts our OpenCV.js build (tools/opencv-build: an ES module exporting Emscripten's factory, and its
 * WebAssembly as a file of its own) from the factory and the WebAssembly compiled by the caller. One
 * code path for the web app's worker (opencvBrowser.ts), Node (node.ts) and the test that checks the
 * build computes what the pipeline expects (tests/engines/opencvWasm.test.ts).
 */
import type createOpenCvRuntime from 'virtual:opencv-runtime';
import type { WasmLevel } from './browserAssets.ts';
import type { OpenCv } from './types.ts';

export type OpenCvRuntimeFactory = typeof createOpenCvRuntime;

/** The two builds of the one JavaScript runtime: with WebAssembly SIMD (faster) and without. */
export type OpenCvBuild = 'simd' | 'plain';

/** The files tools/opencv-build/build.sh writes into vendor/opencv/. */
export const OPENCV_RUNTIME_FILE = 'opencv.js';
export const OPENCV_WASM_FILES: Readonly<Record<OpenCvBuild, string>> = {
  simd: 'opencv-simd.wasm',
  plain: 'opencv.wasm',
};

/** The build an engine runs: SIMD wherever it validates (relaxed SIMD engines have plain SIMD too). */
export function openCvBuildFor(level: WasmLevel): OpenCvBuild {
  return level === 'plain' ? 'plain' : 'simd';
}

/**
 * Resolves with OpenCV once its runtime is initialised (Emscripten's factory resolves with the module
 * then); rejects if the WebAssembly does not compile or start.
 */
export function startOpenCvRuntime(
  create: OpenCvRuntimeFactory,
  compiled: Promise<WebAssembly.Module>,
): Promise<OpenCv> {
  return new Promise<OpenCv>((resolve, reject) => {
    create({
      instantiateWasm(imports, receiveInstance) {
        compiled
          .then(async (module) => receiveInstance(await WebAssembly.instantiate(module, imports), module))
          .catch(reject);
        return {}; // asynchronous: Emscripten waits for receiveInstance
      },
    }).then(resolve, (why: unknown) => reject(new Error(`OpenCV could not start: ${String(why)}`)));
  });
}
