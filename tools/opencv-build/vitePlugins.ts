/**
 * The web build's OpenCV (vite.config.ts uses both plugins, in the main build and the worker's):
 * - opencvPlugin: our build from vendor/opencv/ (build.sh), its runtime as `virtual:opencv-runtime` and
 *   each build's WebAssembly as a hashed assets/opencv-*.wasm, listed by `virtual:opencv-wasm`;
 * - opencvPackagePlugin: the @techstark/opencv-js package split into its runtime and its WebAssembly
 *   (src/engines/opencvWasm.ts says how), for the face detector alone, which needs the package's dnn
 *   module until it runs without OpenCV (issue 13f); its WebAssembly is assets/face-opencv-*.wasm.
 * The dev server serves the WebAssembly itself; the build emits it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { OPENCV_RUNTIME_FILE, OPENCV_WASM_FILES, type OpenCvBuild } from '../../src/engines/opencvRuntime.ts';
import { splitOpenCvScript } from '../../src/engines/opencvWasm.ts';

const VENDOR = 'vendor/opencv';

/**
 * Where the build wrote each build's WebAssembly (assets/opencv-*.wasm), once it has: the precache
 * manifest lists them apart, so that the service worker stores only the one its engine runs.
 */
export const emittedOpenCvWasm = new Map<OpenCvBuild, string>();
const RUNTIME_ID = 'virtual:opencv-runtime';
const WASM_ID = 'virtual:opencv-wasm';

/** Our OpenCV build: the runtime module as it is, and the URL and size of each build's WebAssembly. */
export function opencvPlugin(root: string): Plugin {
  const devWasm = new Map<string, string>(); // URL path → file, when serving
  const references = new Map<OpenCvBuild, string>();
  let devBase: string | null = null;
  return {
    name: 'id-precheck:opencv',
    configResolved(config: ResolvedConfig) {
      devBase = config.command === 'serve' ? config.base : null;
    },
    resolveId(id) {
      if (id === RUNTIME_ID) return join(root, VENDOR, OPENCV_RUNTIME_FILE);
      return id === WASM_ID ? `\0${WASM_ID}` : null;
    },
    load(id) {
      if (id !== `\0${WASM_ID}`) return null;
      const builds = (Object.entries(OPENCV_WASM_FILES) as [OpenCvBuild, string][]).map(([build, file]) => {
        const path = join(root, VENDOR, file);
        const bytes = readFileSync(path);
        let url: string;
        if (devBase !== null) {
          devWasm.set(`${devBase}${VENDOR}/${file}`, path);
          url = JSON.stringify(`${devBase}${VENDOR}/${file}`);
        } else {
          const reference = this.emitFile({ type: 'asset', name: file, source: bytes });
          references.set(build, reference);
          url = `import.meta.ROLLUP_FILE_URL_${reference}`;
        }
        return `${build}: { url: ${url}, bytes: ${bytes.length} }`;
      });
      return `export const opencvWasm = { ${builds.join(', ')} };`;
    },
    generateBundle() {
      for (const [build, reference] of references) emittedOpenCvWasm.set(build, this.getFileName(reference));
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use((request, response, next) => {
        const file = devWasm.get((request.url ?? '').split('?')[0] ?? '');
        if (!file) return next();
        response.setHeader('Content-Type', 'application/wasm');
        response.end(readFileSync(file));
      });
    },
  };
}

const PACKAGE_SCRIPT = 'node_modules/@techstark/opencv-js/dist/opencv.js';
const PACKAGE_RUNTIME_ID = 'virtual:opencv-package-runtime';
const PACKAGE_WASM_URL_ID = 'virtual:opencv-package-wasm-url';
const PACKAGE_DEV_WASM_PATH = 'vendor/face-opencv/opencv.wasm';

/** The OpenCV package, for the face detector until issue 13f: split once, on first use. */
export function opencvPackagePlugin(root: string): Plugin {
  let split: { runtimeModule: string; wasm: Buffer } | undefined;
  const splitOnce = () => {
    if (!split) {
      const parts = splitOpenCvScript(readFileSync(join(root, PACKAGE_SCRIPT), 'utf8'));
      split = { runtimeModule: parts.runtimeModule, wasm: Buffer.from(parts.wasmBase64, 'base64') };
    }
    return split;
  };
  let devWasmUrl: string | null = null;
  return {
    name: 'id-precheck:opencv-package',
    configResolved(config: ResolvedConfig) {
      devWasmUrl = config.command === 'serve' ? `${config.base}${PACKAGE_DEV_WASM_PATH}` : null;
    },
    resolveId(id) {
      return id === PACKAGE_RUNTIME_ID || id === PACKAGE_WASM_URL_ID ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${PACKAGE_RUNTIME_ID}`) return splitOnce().runtimeModule;
      if (id !== `\0${PACKAGE_WASM_URL_ID}`) return null;
      const bytes = `export const packagedOpenCvWasmBytes = ${splitOnce().wasm.length};`;
      if (devWasmUrl) return `export default ${JSON.stringify(devWasmUrl)};\n${bytes}`;
      const reference = this.emitFile({ type: 'asset', name: 'face-opencv.wasm', source: splitOnce().wasm });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};\n${bytes}`;
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use((request, response, next) => {
        if ((request.url ?? '').split('?')[0] !== devWasmUrl) return next();
        response.setHeader('Content-Type', 'application/wasm');
        response.end(splitOnce().wasm);
      });
    },
  };
}
