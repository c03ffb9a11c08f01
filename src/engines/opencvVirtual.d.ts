/**
 * The modules vite.config.ts's OpenCV plugins make. Web build only: Node reads the same files from
 * vendor/opencv/ (engines/node.ts).
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
  }

  /**
   * Our build's factory (vendor/opencv/opencv.js, tools/opencv-build): resolves with OpenCV (`cv`)
   * once its runtime is initialised; rejects if it aborts.
   */
  const createOpenCvRuntime: (options: OpenCvModuleOptions) => Promise<typeof cv>;
  export default createOpenCvRuntime;
}

declare module 'virtual:opencv-wasm' {
  /** Same-origin URL and size of each build's WebAssembly (hashed under assets/ in the build). */
  export const opencvWasm: Readonly<
    Record<'simd' | 'plain', { readonly url: string; readonly bytes: number }>
  >;
}
