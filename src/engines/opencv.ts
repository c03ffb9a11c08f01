/**
 * Loads OpenCV.js once. Shared by the Node loader and the Web Worker: the same package works in both.
 */
import type { OpenCv } from './types.ts';

let loading: Promise<OpenCv> | undefined;

/** Resolves with OpenCV ready to use. Loads the 10 MB module on first call only. */
export function loadOpenCv(): Promise<OpenCv> {
  loading ??= (async () => {
    const module = (await import('@techstark/opencv-js')) as { default?: unknown };
    const cv = (module.default ?? module) as OpenCv & { then?: unknown; onRuntimeInitialized?: () => void };
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
  return loading;
}
