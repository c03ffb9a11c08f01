/**
 * The fake camera's videos and the fake microphone's sounds for the rehearsal's browser tests, written
 * into .tmp/rehearsal/ at test time (not committed): each drawn face scene (faceScenes.ts) as a 2 s
 * looping .y4m in which the person sways a little, and each sound (audio.ts) as a .wav. Chromium plays
 * them with `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<y4m>
 * --use-file-for-fake-audio-capture=<wav>`.
 *
 *   tsx scripts/rehearsal/media.ts     # (re)writes them all
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaceSceneName } from './faceScenes.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REHEARSAL_MEDIA_DIR = join(projectRoot, '.tmp', 'rehearsal');

const FPS = 10;
export const BENCH_FPS = 30;
/** bench:rehearsal's scenes: saying the numbers, and writing them (`--write`). */
export const BENCH_SCENES = ['one-framed-face', 'written-digits'] as const;
const SECONDS = 2;

/**
 * - `four-digits`: SPEECH_STARTS_S of a quiet room, then "4, 7, 2, 9" said by espeak-ng, then 25 s of the
 *   room, so that a recording started before the first number hears the four numbers once (the file
 *   loops from when the page opens the microphone; on a loaded machine, opening the camera and pressing
 *   record has taken over 3 s);
 * - `silence`: nothing at all (a muted microphone);
 * - `noise`: loud white noise (-25 dBFS), as from a fan or a busy street.
 */
export const REHEARSAL_SOUNDS = ['four-digits', 'silence', 'noise'] as const;
export type RehearsalSound = (typeof REHEARSAL_SOUNDS)[number];

/** The digits the `four-digits` sound says. */
export const SPOKEN_DIGITS = '4729';
/** How long `four-digits` is quiet before the first number. */
export const SPEECH_STARTS_S = 8;

export function sceneVideoPath(scene: FaceSceneName, fps = FPS): string {
  return join(REHEARSAL_MEDIA_DIR, fps === FPS ? `${scene}.y4m` : `${scene}-${fps}fps.y4m`);
}

export function soundPath(sound: RehearsalSound): string {
  return join(REHEARSAL_MEDIA_DIR, `${sound}.wav`);
}

/**
 * Writes every video and sound that is missing or older than the scripts that make them; with `bench`,
 * bench:rehearsal's video too.
 */
export async function ensureRehearsalMedia(options: { readonly bench?: boolean } = {}): Promise<void> {
  const { FACE_SCENE_NAMES } = await import('./faceScenes.ts');
  const here = dirname(fileURLToPath(import.meta.url));
  const inputs = ['media.ts', 'faceScenes.ts', 'writtenSheet.ts', 'audio.ts'].map(
    (file) => statSync(join(here, file)).mtimeMs,
  );
  const fresh = (path: string) => existsSync(path) && inputs.every((mtime) => mtime < statSync(path).mtimeMs);
  mkdirSync(REHEARSAL_MEDIA_DIR, { recursive: true });
  for (const scene of FACE_SCENE_NAMES) if (!fresh(sceneVideoPath(scene))) await writeSceneVideo(scene);
  // bench:rehearsal's: a camera's usual 30 frames a second, so the worker, not the camera, sets the pace.
  for (const scene of options.bench ? BENCH_SCENES : [])
    if (!fresh(sceneVideoPath(scene, BENCH_FPS))) await writeSceneVideo(scene, BENCH_FPS);
  for (const sound of REHEARSAL_SOUNDS) if (!fresh(soundPath(sound))) await writeSound(sound);
}

async function writeSceneVideo(name: FaceSceneName, fps = FPS): Promise<void> {
  const { FACE_SCENES, SCENE_HEIGHT, SCENE_WIDTH, renderFaceScene } = await import('./faceScenes.ts');
  const { rgbToI420 } = await import('../camera-video.ts');
  const path = sceneVideoPath(name, fps);
  const partial = `${path}.partial`;
  const file = openSync(partial, 'w');
  try {
    writeSync(file, `YUV4MPEG2 W${SCENE_WIDTH} H${SCENE_HEIGHT} F${fps}:1 Ip A1:1 C420mpeg2\n`);
    const rgb = new Uint8Array(SCENE_WIDTH * SCENE_HEIGHT * 3);
    const yuv = new Uint8Array((SCENE_WIDTH * SCENE_HEIGHT * 3) / 2);
    for (let frame = 0; frame < fps * SECONDS; frame++) {
      // A slow sway of a few pixels, one cycle a loop, so that the video joins up.
      const phase = (2 * Math.PI * frame) / (fps * SECONDS);
      const rgba = (await renderFaceScene(FACE_SCENES[name], 4 * Math.sin(phase), 2 * Math.sin(2 * phase)))
        .data;
      for (let i = 0, o = 0; i < rgba.length; i += 4) {
        rgb[o++] = rgba[i]!;
        rgb[o++] = rgba[i + 1]!;
        rgb[o++] = rgba[i + 2]!;
      }
      rgbToI420(rgb, SCENE_WIDTH, SCENE_HEIGHT, yuv);
      writeSync(file, 'FRAME\n');
      writeSync(file, yuv);
    }
  } finally {
    closeSync(file);
  }
  renameSync(partial, path);
}

async function writeSound(sound: RehearsalSound): Promise<void> {
  const { concat, encodeWav, mix, noise, silence, speakDigits } = await import('./audio.ts');
  const rate = 22050;
  const room = (seconds: number) => noise(seconds, -65, rate, 7);
  let audio;
  if (sound === 'four-digits') {
    const said = speakDigits(SPOKEN_DIGITS);
    if (said.sampleRate !== rate) throw new Error(`espeak-ng spoke at ${said.sampleRate} Hz, not ${rate}`);
    audio = concat(room(SPEECH_STARTS_S), mix(said, room(said.samples.length / rate)), room(25));
  } else if (sound === 'silence') audio = silence(5, rate);
  else audio = noise(5, -25, rate);
  writeFileSync(`${soundPath(sound)}.partial`, encodeWav(audio));
  renameSync(`${soundPath(sound)}.partial`, soundPath(sound));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureRehearsalMedia({ bench: true });
  console.log(`Rehearsal media in ${REHEARSAL_MEDIA_DIR}`);
}
