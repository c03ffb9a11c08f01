/**
 * The web app's build. Besides React, five small plugins:
 * - opencv (tools/opencv-build/vitePlugins.ts): our OpenCV build's runtime and its two WebAssembly files
 *   (with and without SIMD);
 * - engineFiles: serves (dev) and copies (build) tesseract's worker, core and models, the face model and the NHS icons
 *   to the app's own origin, from the table in src/engines/browserAssets.ts;
 * - nhsukOffline: drops nhsuk-frontend's web-font rules (they load from assets.nhs.uk; we fall back to
 *   Arial, as the design system does) and its IE8 hacks, and bundles its icons instead of expecting
 *   them at /assets/;
 * - precacheManifest: lists every built file for the service worker (precache.json);
 * - cspMeta: repeats the Content-Security-Policy in index.html;
 * - brotli: writes a Brotli copy (`<file>.br`) of each compressible file, for the server to send to
 *   browsers that accept it (scripts/serve-web.ts), as static hosts serve precompressed files.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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
import { COMPRESSIBLE_EXTENSIONS } from './scripts/webServer.ts';
import { contentSecurityPolicy } from './src/app/security.ts';
import { emittedOpenCvWasm, opencvPlugin } from './tools/opencv-build/vitePlugins.ts';

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
      // The worker's build (which emits OpenCV's WebAssembly) has finished by now: it runs inside ours.
      const opencvWasm = { simd: emittedOpenCvWasm.get('simd'), plain: emittedOpenCvWasm.get('plain') };
      if (!opencvWasm.simd || !opencvWasm.plain) throw new Error('OpenCV’s WebAssembly was not emitted');
      const files = listFiles(outDir)
        .filter((file) => !file.endsWith('.map') && !file.startsWith('vendor/') && file !== 'sw.js')
        .filter((file) => file !== 'precache.json' && !file.endsWith(BROTLI_SUFFIX))
        .filter((file) => file !== opencvWasm.simd && file !== opencvWasm.plain);
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
        faceModel: BLAZE_FACE_MODEL.path,
        opencvWasm: { simd: opencvWasm.simd, plain: opencvWasm.plain },
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

const BROTLI_SUFFIX = '.br';
/** Below this, the header it costs is worth more than the bytes it saves. */
const BROTLI_MIN_BYTES = 1024;
/**
 * Compressing is slow at quality 11 (each of the three tesseract cores 7 s on this 2-core machine)
 * and the big files come unchanged from node_modules or vendor/: each result is
 * kept under its content's hash, so a rebuild takes a second again.
 */
const BROTLI_CACHE = join(root, 'node_modules/.cache/id-precheck-brotli');
const brotli = promisify(brotliCompress);

/**
 * At Brotli's highest quality, against gzip's level 6 that serve-web.ts would otherwise send: OpenCV's
 * WebAssembly 1.82 MB against 2.48 MB, the tesseract core 1.01 MB against 1.31 MB (measured on this
 * build), which brings a first visit's bytes before ready from 4.0 MB to about 3.1 MB.
 */
function brotliPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'id-precheck:brotli',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // After every other plugin has written its files (precache.json included).
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await mkdir(BROTLI_CACHE, { recursive: true });
        const files = listFiles(outDir).filter((file) =>
          COMPRESSIBLE_EXTENSIONS.some((end) => file.endsWith(end)),
        );
        await Promise.all(files.map((file) => writeBrotliCopy(join(outDir, file))));
      },
    },
  };
}

async function writeBrotliCopy(path: string): Promise<void> {
  const body = await readFile(path);
  if (body.length < BROTLI_MIN_BYTES) return;
  const cached = join(BROTLI_CACHE, `${createHash('sha256').update(body).digest('hex')}${BROTLI_SUFFIX}`);
  let compressed = await readFile(cached).catch(() => null);
  if (!compressed) {
    compressed = await brotli(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.BROTLI_PARAM_MODE]: /\.(wasm|tflite)$/u.test(path)
          ? zlib.BROTLI_MODE_GENERIC
          : zlib.BROTLI_MODE_TEXT,
      },
    });
    await writeFile(cached, compressed);
  }
  await writeFile(`${path}${BROTLI_SUFFIX}`, compressed);
}

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    opencvPlugin(root),
    nhsukOfflinePlugin(),
    engineFilesPlugin(),
    precacheManifestPlugin(),
    cspMetaPlugin(),
    brotliPlugin(),
  ],
  define: {
    __ID_PRECHECK_OWN_MRZ_MODEL__: JSON.stringify(ownMrzModel),
    __ID_PRECHECK_BUILD_ID__: JSON.stringify(buildId),
    __ID_PRECHECK_VENDOR_BYTES__: JSON.stringify(
      Object.fromEntries(engineFiles.map((file) => [file.path, statSync(join(root, file.source)).size])),
    ),
  },
  worker: { format: 'es', plugins: () => [opencvPlugin(root)] },
  build: {
    target: 'es2022',
    rolldownOptions: {
      input: { index: join(root, 'index.html'), sw: join(root, 'src/app/offline/serviceWorker.ts') },
      // The page takes only the mrz package's table of state names (content/present.ts); its parsers,
      // whose modules build their field tables at the top level, were kept as if those calls did
      // something. They do not (pure functions of constant arguments).
      treeshake: { moduleSideEffects: (id: string) => !/[/\\]node_modules[/\\]mrz[/\\]/u.test(id) },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  preview: { port: 4173, strictPort: true },
});
