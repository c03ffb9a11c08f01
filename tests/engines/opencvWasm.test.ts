/**
 * The OpenCV package as the web build gives it to the face detector (src/engines/opencvWasm.ts splits
 * the package's script, and replaces embind's code generation with closures): the split is whole, and
 * the result starts and computes what the package computes in Node. Our own build, which the pipeline
 * runs, is tested in opencvRuntime.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadPackagedNodeOpenCv } from '../../src/engines/node.ts';
import { splitOpenCvScript, startPackagedOpenCv } from '../../src/engines/opencvWasm.ts';
import type { OpenCv } from '../../src/engines/types.ts';
import { ANALYSIS_SIDE_PX } from '../../src/pipeline/sizes.ts';
import { measureClarity } from '../../src/pipeline/clarity/measureClarity.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../src/pipeline/cv.ts';
import { findDocumentOutline } from '../../src/pipeline/outline/findDocumentOutline.ts';
import type { RgbaImage } from '../../src/pipeline/types.ts';
import { fixture, PROJECT_ROOT } from '../support/fixtures.ts';

const OPENCV_SCRIPT = join(PROJECT_ROOT, 'node_modules/@techstark/opencv-js/dist/opencv.js');
const script = readFileSync(OPENCV_SCRIPT, 'utf8');

let packaged: OpenCv;
let web: OpenCv;
beforeAll(async () => {
  packaged = await loadPackagedNodeOpenCv();
  const { runtimeModule, wasmBase64 } = splitOpenCvScript(script);
  // The generated module, imported as the worker imports its chunk (a file, so that it is an ES module).
  const file = join(mkdtempSync(join(tmpdir(), 'opencv-web-')), 'runtime.mjs');
  writeFileSync(file, runtimeModule);
  const { default: create } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
    default: Parameters<typeof startPackagedOpenCv>[0];
  };
  web = await startPackagedOpenCv(create, WebAssembly.compile(Buffer.from(wasmBase64, 'base64')));
});

describe('splitOpenCvScript', () => {
  it('takes out the WebAssembly and leaves no code generated at run time', () => {
    const { runtimeModule, wasmBase64 } = splitOpenCvScript(script);
    expect([...Buffer.from(wasmBase64, 'base64').subarray(0, 4)]).toStrictEqual([0x00, 0x61, 0x73, 0x6d]);
    expect(runtimeModule.length).toBeLessThan(300_000);
    expect(runtimeModule).not.toMatch(/new Function|base64,[A-Za-z0-9+/]{100}/u);
  });

  it('refuses a script that is not the pinned one', () => {
    expect(() =>
      splitOpenCvScript(script.replace('function makeDynCaller(', 'function makeCaller(')),
    ).toThrow(/makeDynCaller/u);
    expect(() => splitOpenCvScript(script.replace('return cv(Module);', 'return cv(Module || {});'))).toThrow(
      /UMD wrapper/u,
    );
  });
});

describe("the web build's OpenCV package, beside the package in Node", () => {
  async function analysisCopy(file: string): Promise<RgbaImage> {
    const photo = await decodePhoto(await readFile(file));
    return withMats(packaged, (scope) =>
      matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX).mat),
    );
  }

  it('finds the same outline and clarity in the clean fixture', async () => {
    const image = await analysisCopy(fixture('clean').path);
    const measure = (cv: OpenCv) => ({
      outline: findDocumentOutline(cv, image),
      clarity: measureClarity(cv, image, Math.max(image.width, image.height)),
    });
    expect(measure(web)).toStrictEqual(measure(packaged));
  });

  it('throws the same errors for a bad call', () => {
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
    expect(badCall(web)).toStrictEqual(badCall(packaged));
    expect(badCall(web)).toMatch(/called with 0 arguments, expected 1/u);
  });
});
