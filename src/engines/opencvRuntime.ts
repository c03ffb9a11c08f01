/**
 * Starts OpenCV from the two halves the build makes of opencv.js (opencvWasm.ts): Emscripten's factory
 * and the WebAssembly, compiled by the caller. Shared by the web app's worker (opencvBrowser.ts) and
 * the test that checks the halves compute what the package does (tests/engines/opencvWasm.test.ts).
 */
import type createOpenCvRuntime from 'virtual:opencv-runtime';
import type { OpenCv } from './types.ts';

export type OpenCvRuntimeFactory = typeof createOpenCvRuntime;

/** Resolves with OpenCV once its runtime is initialised; rejects if the WebAssembly does not start. */
export async function startOpenCvRuntime(
  create: OpenCvRuntimeFactory,
  compiled: Promise<WebAssembly.Module>,
): Promise<OpenCv> {
  let runtime: ReturnType<OpenCvRuntimeFactory> | undefined;
  await new Promise<void>((resolve, reject) => {
    runtime = create({
      instantiateWasm(imports, receiveInstance) {
        compiled
          .then(async (module) => receiveInstance(await WebAssembly.instantiate(module, imports), module))
          .catch(reject);
        return {}; // asynchronous: Emscripten waits for receiveInstance
      },
      // Not resolved with the module itself: it is a thenable whose `then` never settles.
      onRuntimeInitialized: () => resolve(),
      onAbort: (what) => reject(new Error(`OpenCV could not start: ${String(what)}`)),
    });
  });
  if (!runtime) throw new Error('OpenCV could not start: no module');
  delete runtime.then;
  return runtime;
}
