/**
 * The face detector: MediaPipe's BlazeFace short-range model (the 229 KB face_detection_short_range.tflite
 * that the @mediapipe/face_detection package ships) run by OpenCV's dnn module, which the app already
 * loads for the photo check. MediaPipe's own runtime would add 5.6 MB of WebAssembly; through OpenCV
 * the model is the only new file. Shared by the Node loader (engines/node.ts) and the Web Worker
 * (engines/faceBrowser.ts), which each say where the model's bytes come from.
 */
import {
  BLAZE_FACE_ANCHOR_COUNT,
  BLAZE_FACE_SIDE_PX,
  decodeBlazeFace,
  makeBlazeFaceInput,
} from '../pipeline/face/blazeFace.ts';
import type { DetectedFace, FaceDetector } from '../pipeline/face/types.ts';
import type { RgbaImage } from '../pipeline/types.ts';
import type { OpenCv } from './types.ts';

const OUTPUTS = ['classificators', 'regressors'];

/** The parts of dnn::Net that opencv.js binds and its type declarations leave out. */
interface DnnNet {
  setInput(blob: InstanceType<OpenCv['Mat']>): void;
  /** Runs the network once and fills `outputs` with the named layers' blobs, in order. */
  forward2(outputs: InstanceType<OpenCv['MatVector']>, names: readonly string[]): void;
  delete(): void;
}

let modelsWritten = 0;

/**
 * Compiles the model into an OpenCV network. OpenCV's TFLite reader takes a file name only, so the
 * bytes are written to its in-memory file system first.
 */
export function createBlazeFaceDetector(cv: OpenCv, model: Uint8Array): FaceDetector {
  const path = `/blaze-face-${modelsWritten++}.tflite`;
  cv.FS_createDataFile('/', path.slice(1), model, true, false, false);
  const net = (cv as unknown as { readNetFromTFLite(path: string): DnnNet }).readNetFromTFLite(path);
  const side = BLAZE_FACE_SIDE_PX;
  return {
    detectFaces(image: RgbaImage): readonly DetectedFace[] {
      const input = makeBlazeFaceInput(image);
      const rgb = cv.matFromArray(side, side, cv.CV_8UC3, input.rgb);
      // To -1..1, channels first: the layout OpenCV's importer gives the network whatever TFLite's was.
      const blob = cv.blobFromImage(
        rgb,
        1 / 127.5,
        new cv.Size(side, side),
        new cv.Scalar(127.5, 127.5, 127.5),
        false,
        false,
      );
      const outputs = new cv.MatVector();
      try {
        net.setInput(blob);
        net.forward2(outputs, OUTPUTS);
        const logits = outputs.get(0);
        const regressors = outputs.get(1);
        try {
          if (logits.data32F.length !== BLAZE_FACE_ANCHOR_COUNT)
            throw new Error(`BlazeFace gave ${logits.data32F.length} scores`);
          return decodeBlazeFace(logits.data32F.slice(), regressors.data32F.slice(), input.letterbox);
        } finally {
          logits.delete();
          regressors.delete();
        }
      } finally {
        outputs.delete();
        blob.delete();
        rgb.delete();
      }
    },
  };
}
