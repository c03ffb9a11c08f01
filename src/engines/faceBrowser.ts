/**
 * The face detector inside the rehearsal's Web Worker: OpenCV as the photo check's worker loads it,
 * and the BlazeFace model from the app's own origin (browserAssets.ts), fetched side by side. Once per
 * worker, and only when the rehearsal page starts its worker: the photo check never loads the model.
 */
import type { FaceDetector } from '../pipeline/face/types.ts';
import { createBlazeFaceDetector } from './blazeFaceDetector.ts';
import { BLAZE_FACE_MODEL } from './browserAssets.ts';
import { DownloadMeter } from './downloadProgress.ts';
import { loadBrowserOpenCv } from './opencvBrowser.ts';

let loading: Promise<FaceDetector> | undefined;

/** `base` is the app's base URL (import.meta.env.BASE_URL) resolved against the worker's location. */
export function loadBrowserFaceDetector(base: URL): Promise<FaceDetector> {
  loading ??= (async () => {
    const model = fetch(new URL(BLAZE_FACE_MODEL.path, base), { credentials: 'same-origin' }).then(
      async (response) => {
        if (!response.ok) throw new Error(`The face model could not be loaded (HTTP ${response.status})`);
        return new Uint8Array(await response.arrayBuffer());
      },
    );
    // The rehearsal shows no download progress: OpenCV is usually in the HTTP cache from the photo check.
    const [cv, bytes] = await Promise.all([loadBrowserOpenCv(new DownloadMeter(() => {})), model]);
    return createBlazeFaceDetector(cv, bytes);
  })();
  // A failed load is not kept: the next call tries again (the network may be back).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
