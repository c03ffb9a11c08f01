/**
 * Opening the camera: the rear one where there is a choice, at the highest resolution it offers up to
 * 4K, and each way it can fail as a code the page has words for (content/text.ts).
 */

export type CameraProblemCode = 'camera-denied' | 'camera-missing' | 'camera-unavailable';

/** Thrown by openCamera, with the reason in the page's terms. */
export class CameraProblem extends Error {
  constructor(
    readonly code: CameraProblemCode,
    cause: unknown,
  ) {
    super(code, { cause });
    this.name = 'CameraProblem';
  }
}

/**
 * `ideal`, never `exact`: a camera that cannot do 4K or has no rear lens still opens, at what it can.
 * Landscape numbers; phones held upright turn them themselves.
 */
export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 3840 }, height: { ideal: 2160 } },
};

/** Whether this browser can show a camera at all (not over plain http, not in old browsers). */
export function canUseCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

export async function openCamera(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
  } catch (error) {
    throw new CameraProblem(problemCodeOf(error), error);
  }
}

/** getUserMedia's DOMException names (Media Capture and Streams, §9.2), by what the person can do. */
function problemCodeOf(error: unknown): CameraProblemCode {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'camera-denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'camera-missing';
  return 'camera-unavailable';
}

export function stopTracks(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
