/**
 * OpenCV in the web app's worker: our build (tools/opencv-build), its WebAssembly fetched and compiled
 * as it streams in, at the same time as its runtime's script downloads. Streaming compilation is also
 * what lets Chromium keep the compiled code for the next visit.
 */
import { opencvWasm } from 'virtual:opencv-wasm';
import { detectWasmLevel } from './browserAssets.ts';
import type { DownloadMeter } from './downloadProgress.ts';
import { fetchCounted } from './downloadProgress.ts';
import { openCvLoader } from './opencv.ts';
import { openCvBuildFor, startOpenCvRuntime } from './opencvRuntime.ts';
import type { OpenCv } from './types.ts';

/** Resolves with OpenCV ready to use; the first call starts the download, counted by `meter`. */
export const loadBrowserOpenCv: (meter: DownloadMeter) => Promise<OpenCv> = openCvLoader(
  async (meter: DownloadMeter) => {
    const wasm = opencvWasm[openCvBuildFor(detectWasmLevel())];
    const compiling = WebAssembly.compileStreaming(fetchCounted(wasm.url, meter.expect(wasm.bytes)));
    compiling.catch(() => {}); // reported by startOpenCvRuntime, once the runtime has asked for it
    // A chunk of its own, fetched beside the WebAssembly: the worker's own script stays small.
    const { default: createOpenCvRuntime } = await import('virtual:opencv-runtime');
    return { default: await startOpenCvRuntime(createOpenCvRuntime, compiling) };
  },
);
