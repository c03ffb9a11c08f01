/**
 * The face detector inside a Web Worker: the OpenCV package's (its dnn module, which our own build leaves
 * out; until issue 13f), and the BlazeFace model from the
 * app's own origin (browserAssets.ts; the build copies it into vendor/face/), fetched side by side and
 * counted with the other engine files. Once per worker. The photo check loads it with its engines
 * (browser.ts), to look for the portrait on the document.
 */
import type { FaceDetector } from '../pipeline/face/types.ts';
import { createBlazeFaceDetector } from './blazeFaceDetector.ts';
import { BLAZE_FACE_MODEL } from './browserAssets.ts';
import { DownloadMeter, fetchCounted } from './downloadProgress.ts';
import { loadBrowserPackagedOpenCv } from './opencvPackageBrowser.ts';

/** Set by vite.config.ts: the size of each file it copies into vendor/, by its path there. */
declare const __ID_PRECHECK_VENDOR_BYTES__: Readonly<Record<string, number>>;

let loading: Promise<FaceDetector> | undefined;

/**
 * `base` is the app's base URL (import.meta.env.BASE_URL) resolved against the worker's location;
 * `meter` counts the model's bytes and the OpenCV package's.
 */
export function loadBrowserFaceDetector(
  base: URL,
  meter = new DownloadMeter(() => {}),
): Promise<FaceDetector> {
  loading ??= (async () => {
    const expected = meter.expect(__ID_PRECHECK_VENDOR_BYTES__[BLAZE_FACE_MODEL.path] ?? 0);
    const model = fetchCounted(new URL(BLAZE_FACE_MODEL.path, base).href, expected).then(async (response) => {
      if (!response.ok) throw new Error(`The face model could not be loaded (HTTP ${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    });
    const [cv, bytes] = await Promise.all([loadBrowserPackagedOpenCv(meter), model]);
    return createBlazeFaceDetector(cv, bytes);
  })();
  // A failed load is not kept: the next call tries again (the network may be back).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
