/**
 * The face detector: MediaPipe's BlazeFace short-range model (the 229 KB face_detection_short_range.tflite
 * that the @mediapipe/face_detection package ships) run by our own TFLite forward pass (tfliteNetwork.ts):
 * no OpenCV, no WebAssembly, the model the only file. Pure: the Node loader (engines/node.ts) and the Web
 * Worker (engines/faceBrowser.ts) each say where the model's bytes come from.
 */
import {
  BLAZE_FACE_ANCHOR_COUNT,
  BLAZE_FACE_SIDE_PX,
  decodeBlazeFace,
  makeBlazeFaceInput,
} from './blazeFace.ts';
import { loadTfliteNetwork } from './tfliteNetwork.ts';
import type { DetectedFace, FaceDetector } from './types.ts';
import type { RgbaImage } from '../types.ts';

/** The model's input and output tensors, by the names it gives them. */
const SCORES = 'classificators';
const BOXES = 'regressors';

/** Reads the model once (its weights widened to float32) and gives a detector that runs it per image. */
export function createBlazeFaceDetector(model: Uint8Array): FaceDetector {
  const network = loadTfliteNetwork(model);
  const side = BLAZE_FACE_SIDE_PX;
  if (network.inputShape.join('×') !== `1×${side}×${side}×3`)
    throw new Error(`BlazeFace takes 1×${side}×${side}×3, this model ${network.inputShape.join('×')}`);
  const values = new Float32Array(side * side * 3);
  return {
    detectFaces(image: RgbaImage): readonly DetectedFace[] {
      const input = makeBlazeFaceInput(image);
      toUnitRange(input.rgb, values);
      const outputs = network.run(values);
      const logits = outputs[SCORES];
      const regressors = outputs[BOXES];
      if (!logits || !regressors) throw new Error(`BlazeFace has no ${SCORES} or ${BOXES} output`);
      if (logits.length !== BLAZE_FACE_ANCHOR_COUNT)
        throw new Error(`BlazeFace gave ${logits.length} scores`);
      return decodeBlazeFace(logits, regressors, input.letterbox);
    },
  };
}

/**
 * To -1..1, as MediaPipe's graph gives the network its pixels (ImageToTensorCalculator, range -1..1).
 * A loop of its own over typed arrays: inside detectFaces, it read the input through an object made
 * once an image, and V8 threw its compiled code away on every photo (image.ts).
 */
function toUnitRange(rgb: Uint8Array, values: Float32Array): void {
  for (let i = 0; i < values.length; i++) values[i] = rgb[i]! / 127.5 - 1;
}
