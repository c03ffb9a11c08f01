/**
 * The web build's OpenCV (vite.config.ts uses the plugin in the main build and the worker's): our build
 * from vendor/opencv/ (build.sh), its runtime as `virtual:opencv-runtime` and each build's WebAssembly
 * as a hashed assets/opencv-*.wasm, listed by `virtual:opencv-wasm`. The dev server serves the
 * WebAssembly itself; the build emits it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { OPENCV_RUNTIME_FILE, OPENCV_WASM_FILES, type OpenCvBuild } from '../../src/engines/opencvRuntime.ts';

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
