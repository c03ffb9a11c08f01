/**
 * The photo itself, at full resolution: ImageCapture.takePhoto where the browser has it (Chromium: the
 * camera's photo resolution, often above the video's), else the current video frame at its full size.
 */

/** takePhoto can stall on some cameras; after this the video frame is used instead. */
const TAKE_PHOTO_TIMEOUT_MS = 3000;
/** The fallback frame is encoded once, to be decoded by the worker like any chosen photo. */
const FALLBACK_JPEG_QUALITY = 0.95;

export async function takeStill(track: MediaStreamTrack, video: HTMLVideoElement): Promise<Blob> {
  if (typeof ImageCapture === 'function') {
    try {
      return await withTimeout(takePhoto(new ImageCapture(track)), TAKE_PHOTO_TIMEOUT_MS);
    } catch (error) {
      console.warn('The camera could not take a photo; using the video frame instead.', error);
    }
  }
  return videoFrameAsJpeg(video);
}

async function takePhoto(capture: ImageCapture): Promise<Blob> {
  // A flash puts a patch of glare on a laminated card: off, where the camera lets us say so.
  const capabilities = await capture.getPhotoCapabilities().catch(() => null);
  return capture.takePhoto(capabilities?.fillLightMode?.includes('off') ? { fillLightMode: 'off' } : {});
}

function videoFrameAsJpeg(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The video frame could not be encoded.'))),
      'image/jpeg',
      FALLBACK_JPEG_QUALITY,
    ),
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No photo after ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
