/**
 * The face detector inside a Web Worker: the BlazeFace model from the app's own origin (browserAssets.ts;
 * the build copies it into vendor/face/), counted with the other engine files, run by our own code
 * (pipeline/face/tfliteNetwork.ts): no OpenCV, so the rehearsal's worker downloads none. Once per
 * worker. The photo check loads it with its engines (browser.ts), to look for the portrait on the
 * document.
 */
import { createBlazeFaceDetector } from '../pipeline/face/blazeFaceDetector.ts';
import type { FaceDetector } from '../pipeline/face/types.ts';
import { BLAZE_FACE_MODEL } from './browserAssets.ts';
import { DownloadMeter, fetchCounted } from './downloadProgress.ts';

/** Set by vite.config.ts: the size of each file it copies into vendor/, by its path there. */
declare const __ID_PRECHECK_VENDOR_BYTES__: Readonly<Record<string, number>>;

let loading: Promise<FaceDetector> | undefined;

/**
 * `base` is the app's base URL (import.meta.env.BASE_URL) resolved against the worker's location;
 * `meter` counts the model's bytes.
 */
export function loadBrowserFaceDetector(
  base: URL,
  meter = new DownloadMeter(() => {}),
): Promise<FaceDetector> {
  loading ??= (async () => {
    const expected = meter.expect(__ID_PRECHECK_VENDOR_BYTES__[BLAZE_FACE_MODEL.path] ?? 0);
    const response = await fetchCounted(new URL(BLAZE_FACE_MODEL.path, base).href, expected);
    if (!response.ok) throw new Error(`The face model could not be loaded (HTTP ${response.status})`);
    return createBlazeFaceDetector(new Uint8Array(await response.arrayBuffer()));
  })();
  // A failed load is not kept: the next call tries again (the network may be back).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
