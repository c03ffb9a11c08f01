/**
 * Loads OpenCV.js once. Shared by the Node loader and the Web Worker, but each environment says how to
 * get the module (`loadModule`), because bundlers' CommonJS interop (Vite, Vitest) copies the
 * Emscripten module's own `then` onto what `import()` returns, and awaiting that never settles. Node
 * uses `require`; the web build starts the runtime the build split from its WebAssembly
 * (opencvBrowser.ts).
 */
import type { OpenCv } from './types.ts';

/** Resolves with an object whose `default` is the OpenCV module: never the thenable module itself. */
export type OpenCvModuleLoader = () => Promise<{ readonly default: unknown }>;

let loading: Promise<OpenCv> | undefined;

/** Resolves with OpenCV ready to use. Loads the 10 MB module on first call only. */
export function loadOpenCv(loadModule: OpenCvModuleLoader): Promise<OpenCv> {
  loading ??= (async () => {
    const cv = (await loadModule()).default as OpenCv & { then?: unknown; onRuntimeInitialized?: () => void };
    if (!('Mat' in cv) || typeof cv.Mat !== 'function') {
      await new Promise<void>((resolve) => {
        cv.onRuntimeInitialized = resolve;
      });
    }
    // The Emscripten module is a thenable: resolving a promise with it waits on its own `then`,
    // which never settles once the runtime is up. Remove it so the module can be resolved as a value.
    delete cv.then;
    return cv;
  })();
  // A failed load is not kept: the next call tries again (the network may be back).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
