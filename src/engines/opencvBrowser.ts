/**
 * OpenCV in the web app's worker, from the two halves the build splits opencv.js into (opencvWasm.ts):
 * the WebAssembly is fetched and compiled as it streams in, at the same time as the runtime's script
 * downloads, instead of after the whole 10.8 MB script has been parsed and its base64 decoded. Streaming
 * compilation is also what lets Chromium keep the compiled code for the next visit.
 */
import opencvWasmUrl, { opencvWasmBytes } from 'virtual:opencv-wasm-url';
import type { DownloadMeter } from './downloadProgress.ts';
import { fetchCounted } from './downloadProgress.ts';
import { loadOpenCv } from './opencv.ts';
import { startOpenCvRuntime } from './opencvRuntime.ts';
import type { OpenCv } from './types.ts';

/** Resolves with OpenCV ready to use; the first call starts the download, counted by `meter`. */
export function loadBrowserOpenCv(meter: DownloadMeter): Promise<OpenCv> {
  return loadOpenCv(async () => {
    const compiling = WebAssembly.compileStreaming(
      fetchCounted(opencvWasmUrl, meter.expect(opencvWasmBytes)),
    );
    compiling.catch(() => {}); // reported by startOpenCvRuntime, once the runtime has asked for it
    // A chunk of its own, fetched beside the WebAssembly: the worker's own script stays small.
    const { default: createOpenCvRuntime } = await import('virtual:opencv-runtime');
    return { default: await startOpenCvRuntime(createOpenCvRuntime, compiling) };
  });
}
