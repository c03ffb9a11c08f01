/**
 * Loads OpenCV.js once per loader. Each environment says how to get the module (`loadModule`): Node
 * reads our build's WebAssembly from vendor/opencv (node.ts), the web app's worker fetches it
 * (opencvBrowser.ts); both start it with startOpenCvRuntime (opencvRuntime.ts).
 */
import type { OpenCv } from './types.ts';

/** Resolves with an object whose `default` is the OpenCV module: never the thenable module itself. */
export type OpenCvModuleLoader<A extends unknown[]> = (...args: A) => Promise<{ readonly default: unknown }>;

/**
 * A function that resolves with OpenCV ready to use, loading it on its first call only (the arguments
 * of later calls are not used). A failed load is not kept: the next call tries again.
 */
export function openCvLoader<A extends unknown[]>(
  loadModule: OpenCvModuleLoader<A>,
): (...args: A) => Promise<OpenCv> {
  let loading: Promise<OpenCv> | undefined;
  return (...args) => {
    loading ??= (async () => {
      const cv = (await loadModule(...args)).default as OpenCv & {
        then?: unknown;
        onRuntimeInitialized?: () => void;
      };
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
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}
