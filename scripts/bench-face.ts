/**
 * `npm run bench:face`: our BlazeFace forward pass (src/pipeline/face/tfliteNetwork.ts) against OpenCV
 * dnn's, on real inputs: the rehearsal's drawn scenes, every fixture, and the photos of ../shared when
 * present. Prints the largest differences of the raw outputs (score logits, box and keypoint values in
 * input pixels), of the decoded faces (scores, box corners and landmarks, normalised), how many images'
 * faces differ in number, and ms per inference (the network alone: both get the same 128 × 128 input)
 * for each, median, p90 and max. Where the installed OpenCV has no dnn (a slim build), prints ours only.
 * Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePhoto, readPhotoFile } from '../src/decode/node.ts';
import { BLAZE_FACE_MODEL } from '../src/engines/browserAssets.ts';
import { loadNodeOpenCv } from '../src/engines/node.ts';
import type { OpenCv } from '../src/engines/types.ts';
import { BLAZE_FACE_SIDE_PX, decodeBlazeFace, makeBlazeFaceInput } from '../src/pipeline/face/blazeFace.ts';
import { loadTfliteNetwork } from '../src/pipeline/face/tfliteNetwork.ts';
import type { DetectedFace } from '../src/pipeline/face/types.ts';
import type { RgbaImage } from '../src/pipeline/types.ts';
import { FIXTURES_DIR, PROJECT_ROOT } from '../tests/support/fixtures.ts';
import { FACE_SCENE_NAMES, FACE_SCENES, renderFaceScene } from './rehearsal/faceScenes.ts';
import { sharedPhotos } from './sharedPhotos.ts';

type Outputs = { logits: Float32Array; regressors: Float32Array };
const side = BLAZE_FACE_SIDE_PX;
const model = readFileSync(join(PROJECT_ROOT, BLAZE_FACE_MODEL.source));

const network = loadTfliteNetwork(model);
const values = new Float32Array(side * side * 3);
/** As blazeFaceDetector.ts runs it: the pixels to -1..1 in a buffer kept, then the network. */
function runOurs(rgb: Uint8Array): Outputs {
  for (let i = 0; i < values.length; i++) values[i] = rgb[i]! / 127.5 - 1;
  const outputs = network.run(values);
  return { logits: outputs['classificators']!, regressors: outputs['regressors']! };
}

/** The detector as it was before issue 13: OpenCV's dnn reading the model and running it. */
function dnnRunner(cv: OpenCv): ((rgb: Uint8Array) => Outputs) | null {
  const dnn = cv as unknown as {
    readNetFromTFLite?(path: string): {
      setInput(blob: unknown): void;
      forward2(outputs: unknown, names: readonly string[]): void;
    };
  };
  if (!dnn.readNetFromTFLite) return null;
  cv.FS_createDataFile('/', 'bench-face.tflite', model, true, false, false);
  const net = dnn.readNetFromTFLite('/bench-face.tflite');
  return (rgb) => {
    const mat = cv.matFromArray(side, side, cv.CV_8UC3, rgb);
    const scalar = new cv.Scalar(127.5, 127.5, 127.5);
    const blob = cv.blobFromImage(mat, 1 / 127.5, new cv.Size(side, side), scalar, false, false);
    const outputs = new cv.MatVector();
    net.setInput(blob);
    net.forward2(outputs, ['classificators', 'regressors']);
    const [logits, regressors] = [outputs.get(0), outputs.get(1)];
    const result = { logits: logits.data32F.slice(), regressors: regressors.data32F.slice() };
    for (const mat2 of [logits, regressors, outputs, blob, mat]) mat2.delete();
    return result;
  };
}

async function* images(): AsyncGenerator<[string, RgbaImage]> {
  for (const name of FACE_SCENE_NAMES) yield [`scene ${name}`, await renderFaceScene(FACE_SCENES[name])];
  const fixtures = readdirSync(FIXTURES_DIR).filter((file) => /\.(jpe?g|png)$/i.test(file));
  for (const file of fixtures) yield [file, await decodePhoto(await readPhotoFile(join(FIXTURES_DIR, file)))];
  for (const path of sharedPhotos()) {
    const image = await decodePhoto(await readPhotoFile(path)).catch(() => null);
    if (image) yield [path.split('/shared/')[1] ?? path, image];
  }
}

const maxAbsDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((most, value, i) => Math.max(most, Math.abs(value - b[i]!)), 0);

/** The largest difference between two images' faces, in score or normalised coordinates. */
function faceDifference(a: readonly DetectedFace[], b: readonly DetectedFace[]): number {
  const numbers = (face: DetectedFace) => [
    face.score,
    face.box.x,
    face.box.y,
    face.box.width,
    face.box.height,
    ...Object.values(face.landmarks).flat(),
  ];
  let most = 0;
  a.forEach((face, i) => {
    const other = numbers(b[i]!);
    numbers(face).forEach((value, k) => (most = Math.max(most, Math.abs(value - other[k]!))));
  });
  return most;
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, max ${at(1).toFixed(2)} ms`;
};

/** This process's CPU time in ms: steadier than wall time on a shared machine (both networks run on this thread). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timed<T>(run: () => T, into: { wall: number[]; cpu: number[] }): T {
  const [wall, cpu] = [performance.now(), cpuMs()];
  const result = run();
  into.wall.push(performance.now() - wall);
  into.cpu.push(cpuMs() - cpu);
  return result;
}

const dnn = dnnRunner(await loadNodeOpenCv());
// Warm both up (V8 compiles our loops on their first runs; OpenCV allocates its layers' buffers).
const warm = makeBlazeFaceInput(await renderFaceScene(FACE_SCENES['one-framed-face'])).rgb;
for (let i = 0; i < 5; i++) {
  runOurs(warm);
  dnn?.(warm);
}

const [oursMs, dnnMs] = [
  { wall: [] as number[], cpu: [] as number[] },
  { wall: [] as number[], cpu: [] as number[] },
];
const worst = { logit: 0, regressor: 0, face: 0 };
const counted = { images: 0, faces: 0, differentCounts: [] as string[] };
for await (const [name, image] of images()) {
  const input = makeBlazeFaceInput(image);
  const ours = timed(() => runOurs(input.rgb), oursMs);
  counted.images++;
  const oursFaces = decodeBlazeFace(ours.logits, ours.regressors, input.letterbox);
  counted.faces += oursFaces.length;
  if (!dnn) continue;
  const theirs = timed(() => dnn(input.rgb), dnnMs);
  const theirFaces = decodeBlazeFace(theirs.logits, theirs.regressors, input.letterbox);
  worst.logit = Math.max(worst.logit, maxAbsDifference(ours.logits, theirs.logits));
  worst.regressor = Math.max(worst.regressor, maxAbsDifference(ours.regressors, theirs.regressors));
  if (oursFaces.length !== theirFaces.length)
    counted.differentCounts.push(`${name} (${oursFaces.length} vs ${theirFaces.length})`);
  else worst.face = Math.max(worst.face, faceDifference(oursFaces, theirFaces));
}

console.log(`${counted.images} images, ${counted.faces} faces found by ours (score ≥ 0.5)`);
const kernels = network.simd ? 'WebAssembly SIMD' : 'JavaScript';
console.log(`ours (${kernels}): wall ${stats(oursMs.wall)}; CPU ${stats(oursMs.cpu)} per inference`);
if (dnn) {
  console.log(`OpenCV dnn: wall ${stats(dnnMs.wall)}; CPU ${stats(dnnMs.cpu)} per inference`);
  console.log(
    `max |Δ| logits ${worst.logit.toExponential(2)}, regressors (input px) ${worst.regressor.toExponential(2)}`,
  );
  console.log(
    `max |Δ| of faces found by both (score, normalised box and landmarks): ${worst.face.toExponential(2)}`,
  );
  console.log(`images whose number of faces differs: ${counted.differentCounts.length}`);
  for (const line of counted.differentCounts) console.log(`  ${line}`);
} else console.log('The installed OpenCV has no dnn: nothing to compare with.');
