/**
 * Our OpenCV build (vendor/opencv, made by tools/opencv-build/build.sh from OpenCV 4.10.0) computes
 * what the pipeline expects: each build, with SIMD and without, finds the outline and clarity that
 * the @techstark/opencv-js package (4.12.0, the pipeline's OpenCV until issue 13) finds on fixtures,
 * binds every function the whitelist names, and starts the way the web app's worker starts it.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { startNodeOpenCv } from '../../src/engines/node.ts';
import {
  OPENCV_RUNTIME_FILE,
  startOpenCvRuntime,
  type OpenCvBuild,
  type OpenCvRuntimeFactory,
} from '../../src/engines/opencvRuntime.ts';
import type { OpenCv } from '../../src/engines/types.ts';
import { measureClarity } from '../../src/pipeline/clarity/measureClarity.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../src/pipeline/cv.ts';
import { findDocumentOutline } from '../../src/pipeline/outline/findDocumentOutline.ts';
import { ANALYSIS_SIDE_PX } from '../../src/pipeline/sizes.ts';
import type { RgbaImage } from '../../src/pipeline/types.ts';
import { fixture, PROJECT_ROOT } from '../support/fixtures.ts';
import { loadPackagedOpenCv } from '../support/packagedOpenCv.ts';

const VENDOR = join(PROJECT_ROOT, 'vendor', 'opencv');
const BUILDS: readonly OpenCvBuild[] = ['simd', 'plain'];

/** The names tools/opencv-build/opencv_js.config.py binds: every quoted name in its lists. */
const whitelisted = [
  ...readFileSync(join(PROJECT_ROOT, 'tools/opencv-build/opencv_js.config.py'), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .matchAll(/'([A-Za-z_][A-Za-z0-9_]*)',/gu),
].map((match) => match[1]!);

let packaged: OpenCv;
const ours = {} as Record<OpenCvBuild, OpenCv>;
beforeAll(async () => {
  packaged = await loadPackagedOpenCv();
  for (const build of BUILDS) ours[build] = await startNodeOpenCv(build);
});

describe('our OpenCV build', () => {
  it('binds every function the whitelist names, with the value types and classes the pipeline uses', () => {
    expect(whitelisted).toContain('warpPerspective');
    for (const build of BUILDS) {
      const cv = ours[build] as unknown as Record<string, unknown>;
      const missing = [
        ...whitelisted,
        'Mat',
        'MatVector',
        'matFromArray',
        'Size',
        'Point',
        'Scalar',
        'Rect',
      ].filter((name) => typeof cv[name] !== 'function');
      expect({ build, missing }).toStrictEqual({ build, missing: [] });
      // Left out: the package's other modules.
      expect(cv.readNetFromTFLite).toBeUndefined();
    }
  });

  it('generates no code at run time, so the worker needs no unsafe-eval', () => {
    const runtime = readFileSync(join(VENDOR, OPENCV_RUNTIME_FILE), 'utf8');
    expect(runtime).not.toMatch(/new Function|\beval\(/u);
    expect(runtime).toMatch(/export default createOpenCv/u);
  });

  it('rejects, not hangs, when the WebAssembly is not OpenCV', async () => {
    const { default: create } = (await import(pathToFileURL(join(VENDOR, OPENCV_RUNTIME_FILE)).href)) as {
      default: OpenCvRuntimeFactory;
    };
    const empty = WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    await expect(startOpenCvRuntime(create, empty)).rejects.toThrow();
  });

  async function analysisCopy(file: string): Promise<RgbaImage> {
    const photo = await decodePhoto(await readFile(file));
    return withMats(packaged, (scope) =>
      matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX).mat),
    );
  }

  for (const variant of ['clean', 'corner-cut', 'blur', 'glare'] as const) {
    it(`finds the outline and clarity the package finds in the ${variant} fixture, with SIMD and without`, async () => {
      const image = await analysisCopy(fixture(variant).path);
      const measure = (cv: OpenCv) => ({
        outline: findDocumentOutline(cv, image),
        clarity: measureClarity(cv, image, Math.max(image.width, image.height)),
      });
      const expected = measure(packaged);
      for (const build of BUILDS)
        expect({ build, ...measure(ours[build]) }).toStrictEqual({ build, ...expected });
    });
  }

  it('throws the errors the package throws for a bad call', () => {
    const badCall = (cv: OpenCv) => {
      try {
        const mat = new cv.Mat(2, 2, cv.CV_8UC1);
        try {
          (mat.row as unknown as () => unknown)();
        } finally {
          mat.delete();
        }
      } catch (error) {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      return 'no error';
    };
    for (const build of BUILDS) expect(badCall(ours[build])).toStrictEqual(badCall(packaged));
    expect(badCall(ours.simd)).toMatch(/called with 0 arguments, expected 1/u);
  });
});
