/**
 * What the page did with the camera, recorded inside the page from its first script on: every stream
 * it opened, and each change of the camera guidance, the live region's words and the page's phase,
 * with when it happened. Tests read the record; the app knows nothing of it.
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface CameraRecord {
  /** performance.now() when each getUserMedia call resolved. */
  readonly openedAt: number[];
  /** Each value the camera view's data-guidance took, in order, with when. */
  readonly guidance: { readonly at: number; readonly value: string }[];
  /** Each instruction the camera view showed, in order. */
  readonly instructions: string[];
  /** Each text the camera's polite live region was given. */
  readonly announcements: string[];
  /** Each value main's data-phase took, with when. */
  readonly phases: { readonly at: number; readonly value: string }[];
}

interface Recorder {
  __camera: CameraRecord;
  __cameraStreams: MediaStream[];
}

export async function watchCamera(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const page = window as unknown as Recorder;
    const record: CameraRecord = {
      openedAt: [],
      guidance: [],
      instructions: [],
      announcements: [],
      phases: [],
    };
    page.__camera = record;
    page.__cameraStreams = [];
    const devices = navigator.mediaDevices;
    if (devices?.getUserMedia) {
      const open = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        page.__cameraStreams.push(stream);
        record.openedAt.push(performance.now());
        return stream;
      };
    }
    const latest = <T>(list: readonly T[]) => list[list.length - 1];
    new MutationObserver(() => {
      const at = performance.now();
      const guidance = document.querySelector('[data-guidance]')?.getAttribute('data-guidance');
      if (guidance && latest(record.guidance)?.value !== guidance)
        record.guidance.push({ at, value: guidance });
      const phase = document.querySelector('main')?.getAttribute('data-phase');
      if (phase && latest(record.phases)?.value !== phase) record.phases.push({ at, value: phase });
      const shown = document.querySelector('.app-camera__instruction')?.textContent ?? '';
      if (shown && latest(record.instructions) !== shown) record.instructions.push(shown);
      const spoken = document.querySelector('.app-camera [aria-live]')?.textContent ?? '';
      if (spoken && latest(record.announcements) !== spoken) record.announcements.push(spoken);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export function cameraRecord(page: Page): Promise<CameraRecord> {
  return page.evaluate(() => (window as unknown as Recorder).__camera);
}

/** Every track of every stream the page opened, as `readyState`s ('live' or 'ended'). */
export function cameraTrackStates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as Recorder).__cameraStreams.flatMap((stream) =>
      stream.getTracks().map((track) => track.readyState),
    ),
  );
}
