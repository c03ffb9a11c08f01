/**
 * The two halves of OpenCV.js that vite.config.ts makes from the package's one script (see
 * opencvWasm.ts for why): the JavaScript runtime as an ES module, and the URL of its WebAssembly.
 * Web build only; Node loads the package's script whole (engines/node.ts).
 */

declare module 'virtual:opencv-runtime' {
  import type cv from '@techstark/opencv-js';

  /** What we pass to Emscripten's factory: the subset of its module options we use. */
  export interface OpenCvModuleOptions {
    /** Emscripten calls this instead of fetching the binary itself; `{}` says "asynchronously". */
    instantiateWasm(
      imports: WebAssembly.Imports,
      receiveInstance: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
    ): object;
    onRuntimeInitialized(): void;
    onAbort(what: unknown): void;
  }

  /**
   * Returns the Emscripten module at once; it becomes OpenCV (`cv`) once its runtime is initialised.
   * It is a thenable (Emscripten's `then`), which must go before it is resolved as a value.
   */
  const createOpenCvRuntime: (options: OpenCvModuleOptions) => typeof cv & { then?: unknown };
  export default createOpenCvRuntime;
}

declare module 'virtual:opencv-wasm-url' {
  /** Same-origin URL of opencv.wasm: hashed under assets/ in the build, served by the dev server. */
  const opencvWasmUrl: string;
  export default opencvWasmUrl;
  /** Its size, for the download's progress. */
  export const opencvWasmBytes: number;
}
