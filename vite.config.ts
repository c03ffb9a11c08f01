/**
 * The web app's build. Besides React, five small plugins:
 * - opencvWasm: splits opencv.js into its JavaScript runtime and its WebAssembly (src/engines/opencvWasm.ts
 *   says why), served as virtual:opencv-runtime and a hashed assets/opencv-*.wasm;
 * - engineFiles: serves (dev) and copies (build) tesseract's worker, core and models, the face model and the NHS icons
 *   to the app's own origin, from the table in src/engines/browserAssets.ts;
 * - nhsukOffline: drops nhsuk-frontend's web-font rules (they load from assets.nhs.uk; we fall back to
 *   Arial, as the design system does) and its IE8 hacks, and bundles its icons instead of expecting
 *   them at /assets/;
 * - precacheManifest: lists every built file for the service worker (precache.json);
 * - cspMeta: repeats the Content-Security-Policy in index.html.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { splitOpenCvScript, type SplitOpenCvScript } from './src/engines/opencvWasm.ts';
import {
  BLAZE_FACE_MODEL,
  OWN_MRZ_MODEL,
  STOCK_MRZ_MODEL,
  TESSERACT_CORES,
  TESSERACT_WORKER,
  TEXT_MODEL,
  type PrecacheManifest,
  type TesseractCore,
  type VendorFile,
} from './src/engines/browserAssets.ts';
import { contentSecurityPolicy } from './src/app/security.ts';

const root = import.meta.dirname;
const ownMrzModel = existsSync(join(root, OWN_MRZ_MODEL.source));
const mrzModel = ownMrzModel ? OWN_MRZ_MODEL : STOCK_MRZ_MODEL;
const nhsukImages = 'node_modules/nhsuk-frontend/dist/nhsuk/assets/images';
const icons: VendorFile[] = ['nhsuk-icon-192.png', 'nhsuk-icon-512.png', 'favicon.svg', 'favicon.ico'].map(
  (file) => ({ source: `${nhsukImages}/${file}`, path: `vendor/icons/${file}` }),
);
const engineFiles: VendorFile[] = [
  TESSERACT_WORKER,
  ...Object.values(TESSERACT_CORES).flatMap((core) => [core.script, core.wasm]),
  mrzModel,
  TEXT_MODEL,
  BLAZE_FACE_MODEL,
  ...icons,
];
const buildId = createHash('sha256')
  .update(engineFiles.map((file) => `${file.path}:${statSync(join(root, file.source)).size}`).join())
  .update(String(Date.now()))
  .digest('hex')
  .slice(0, 12);

function engineFilesPlugin(): Plugin {
  return {
    name: 'id-precheck:engine-files',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\//u, '');
        const file = engineFiles.find((candidate) => candidate.path === path);
        if (!file) return next();
        response.setHeader('Content-Type', contentTypeOf(file.path));
        createReadStream(join(root, file.source)).pipe(response);
      });
    },
    generateBundle() {
      for (const file of engineFiles)
        this.emitFile({ type: 'asset', fileName: file.path, source: readFileSync(join(root, file.source)) });
    },
  };
}

/** WebAssembly must be served as such to compile while it streams in. */
function contentTypeOf(path: string): string {
  if (path.endsWith('.wasm')) return 'application/wasm';
  if (path.endsWith('.js')) return 'text/javascript';
  return 'application/octet-stream';
}

const OPENCV_SCRIPT = 'node_modules/@techstark/opencv-js/dist/opencv.js';
const OPENCV_RUNTIME_ID = 'virtual:opencv-runtime';
const OPENCV_WASM_URL_ID = 'virtual:opencv-wasm-url';
/** Where the dev server serves the WebAssembly (the build emits it as a hashed asset instead). */
const OPENCV_DEV_WASM_PATH = 'vendor/opencv/opencv.wasm';

/** Used in the main build (dev server) and the worker build, which Vite runs with plugins of its own. */
function opencvWasmPlugin(): Plugin {
  let split: { runtimeModule: string; wasm: Buffer } | undefined;
  const splitOnce = () => {
    if (!split) {
      const parts: SplitOpenCvScript = splitOpenCvScript(readFileSync(join(root, OPENCV_SCRIPT), 'utf8'));
      split = { runtimeModule: parts.runtimeModule, wasm: Buffer.from(parts.wasmBase64, 'base64') };
    }
    return split;
  };
  let devWasmUrl: string | null = null;
  return {
    name: 'id-precheck:opencv-wasm',
    configResolved(config) {
      devWasmUrl = config.command === 'serve' ? `${config.base}${OPENCV_DEV_WASM_PATH}` : null;
    },
    resolveId(id) {
      return id === OPENCV_RUNTIME_ID || id === OPENCV_WASM_URL_ID ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${OPENCV_RUNTIME_ID}`) return splitOnce().runtimeModule;
      if (id !== `\0${OPENCV_WASM_URL_ID}`) return null;
      if (devWasmUrl) return `export default ${JSON.stringify(devWasmUrl)};`;
      const reference = this.emitFile({ type: 'asset', name: 'opencv.wasm', source: splitOnce().wasm });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if ((request.url ?? '').split('?')[0] !== devWasmUrl) return next();
        response.setHeader('Content-Type', 'application/wasm');
        response.end(splitOnce().wasm);
      });
    },
  };
}

function nhsukOfflinePlugin(): Plugin {
  return {
    name: 'id-precheck:nhsuk-offline',
    enforce: 'pre',
    transform(code, id) {
      if (!/nhsuk-frontend[\\/].*\.css$/u.test(id)) return null;
      return (
        code
          .replace(/@font-face\{[^}]*https:\/\/[^}]*\}/gu, '')
          .replace(/url\(\/assets\/images\//gu, 'url(./assets/images/')
          // Internet Explorer 8 hacks, which lightningcss cannot parse.
          .replace(/@media screen\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*\}/gu, '')
      );
    },
  };
}

function precacheManifestPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'id-precheck:precache-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // writeBundle, not closeBundle: it runs only once the build has succeeded, so that a failed build
    // reports its own error rather than this plugin's failure to find the output folder.
    writeBundle() {
      const files = listFiles(outDir)
        .filter((file) => !file.endsWith('.map') && !file.startsWith('vendor/') && file !== 'sw.js')
        .filter((file) => file !== 'precache.json');
      const manifest: PrecacheManifest = {
        buildId,
        files: [...files, ...icons.map((icon) => icon.path)],
        tesseractWorker: TESSERACT_WORKER.path,
        cores: {
          relaxedsimd: corePaths(TESSERACT_CORES.relaxedsimd),
          simd: corePaths(TESSERACT_CORES.simd),
          plain: corePaths(TESSERACT_CORES.plain),
        },
        mrzModel: mrzModel.path,
        textModel: TEXT_MODEL.path,
      };
      writeFileSync(join(outDir, 'precache.json'), JSON.stringify(manifest, null, 2));
    },
  };
}

function corePaths(core: TesseractCore): string[] {
  return [core.script.path, core.wasm.path];
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

function cspMetaPlugin(): Plugin {
  return {
    name: 'id-precheck:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ forMeta: true }) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    opencvWasmPlugin(),
    nhsukOfflinePlugin(),
    engineFilesPlugin(),
    precacheManifestPlugin(),
    cspMetaPlugin(),
  ],
  define: {
    __ID_PRECHECK_OWN_MRZ_MODEL__: JSON.stringify(ownMrzModel),
    __ID_PRECHECK_BUILD_ID__: JSON.stringify(buildId),
  },
  worker: { format: 'es', plugins: () => [opencvWasmPlugin()] },
  build: {
    target: 'es2022',
    rolldownOptions: {
      input: { index: join(root, 'index.html'), sw: join(root, 'src/app/offline/serviceWorker.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  preview: { port: 4173, strictPort: true },
});
