/**
 * Fake-camera videos for the browser tests and `npm run bench:web`: a fixture photo filmed by a virtual
 * camera that pans, holds, blurs and steadies, written as YUV4MPEG2 (.y4m), which Chromium plays as its
 * camera with `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>` (looping).
 *
 * Raw video is big (1.4 MB a frame at 1280×720), so the videos are short, at a modest frame rate,
 * generated into .tmp/camera/ (gitignored) and not committed. Every frame is a function of the frame
 * number alone: the same run gives the same bytes.
 *
 *   tsx scripts/camera-video.ts [NAME...]     # (re)writes the named videos, or all of them
 */
import { mkdirSync, openSync, closeSync, renameSync, statSync, writeSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = join(projectRoot, 'fixtures');
export const CAMERA_VIDEO_DIR = join(projectRoot, '.tmp', 'camera');

/** Where the virtual camera looks, in the fixture photo's pixels. */
interface Pose {
  /** The photo point at the centre of the video frame. */
  readonly centreX: number;
  readonly centreY: number;
  /** Video pixels per photo pixel. */
  readonly zoom: number;
}

export interface Segment {
  /** What the person is doing, and what the live guidance should say about it. */
  readonly name: 'moving-in' | 'corner-out' | 'blurred' | 'steady';
  readonly seconds: number;
  readonly from: Pose;
  /** Eased towards over the segment; the camera holds `from` without it. */
  readonly to?: Pose;
  /** Gaussian blur of the photo, sigma in photo pixels (an unfocused camera). */
  readonly blurSigma?: number;
  /** Hand shake: the pose wanders by up to this many photo pixels, as a held phone does. */
  readonly shakePx?: number;
}

export interface CameraVideo {
  /** A fixture photo (fixtures/): the scene the camera films. */
  readonly fixture: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly segments: readonly Segment[];
}

/*
 * The scene is fixtures/fra-id-card-clean-1.jpg (1600×1200): an ID card on dark fabric, its corners at
 * about (181, 227), (1336, 305), (1310, 986) and (169, 1007) (manifest.json). At zoom 0.82 the whole card
 * is in a 1280×720 frame with ~40 px to spare above and below; at zoom 0.9 with the centre at y 672 the
 * frame's top edge runs between the top-left corner (45 photo px above it) and the top-right (33 px below).
 */
const STEADY: Pose = { centreX: 800, centreY: 617, zoom: 0.82 };
const TOP_LEFT_OUT: Pose = { centreX: 800, centreY: 672, zoom: 0.9 };
const ENTERING: Pose = { centreX: 960, centreY: 840, zoom: 1 };
/** Blur sigma 4 photo px (3.3 video px): the fixtures' blur-3 photo measures 109 against a threshold of 200. */
const OUT_OF_FOCUS = 4;
/** A still hand: about half a video pixel. */
const STILL_HAND = 0.6;

export const CAMERA_VIDEOS = {
  /** The browser tests: the card slides in, is held with a corner out, blurred, then steady and sharp. */
  'id-card-into-frame': {
    fixture: 'fra-id-card-clean-1.jpg',
    width: 1280,
    height: 720,
    fps: 10,
    segments: [
      { name: 'moving-in', seconds: 1.5, from: ENTERING, to: TOP_LEFT_OUT },
      { name: 'corner-out', seconds: 1.5, from: TOP_LEFT_OUT, shakePx: STILL_HAND },
      { name: 'blurred', seconds: 1.5, from: STEADY, blurSigma: OUT_OF_FOCUS, shakePx: STILL_HAND },
      { name: 'steady', seconds: 2, from: STEADY, shakePx: STILL_HAND },
    ],
  },
  /**
   * bench:web: at a camera's usual 30 fps, the whole card in frame but blurred (every stage runs, and
   * nothing is captured, so frames per second and latency can be measured), then steady and sharp (the
   * auto-capture delay).
   */
  'bench-blurred-then-sharp': {
    fixture: 'fra-id-card-clean-1.jpg',
    width: 1280,
    height: 720,
    fps: 30,
    segments: [
      { name: 'blurred', seconds: 3, from: STEADY, blurSigma: OUT_OF_FOCUS, shakePx: STILL_HAND },
      { name: 'steady', seconds: 1.5, from: STEADY, shakePx: STILL_HAND },
    ],
  },
} as const satisfies Record<string, CameraVideo>;

export type CameraVideoName = keyof typeof CAMERA_VIDEOS;

export function cameraVideoPath(name: CameraVideoName): string {
  return join(CAMERA_VIDEO_DIR, `${name}.y4m`);
}

/** When each segment starts, in seconds from the start of the video (which then loops). */
export function segmentStarts(video: CameraVideo): Record<string, number> {
  const starts: Record<string, number> = {};
  let at = 0;
  for (const segment of video.segments) {
    starts[segment.name] ??= at;
    at += segment.seconds;
  }
  return starts;
}

/** Writes the video unless an up-to-date one is there (newer than this script and its fixture). */
export async function ensureCameraVideo(name: CameraVideoName): Promise<string> {
  const path = cameraVideoPath(name);
  const video = CAMERA_VIDEOS[name];
  const inputs = [fileURLToPath(import.meta.url), join(fixturesDir, video.fixture)];
  if (existsSync(path) && inputs.every((input) => statSync(input).mtimeMs < statSync(path).mtimeMs))
    return path;
  await writeCameraVideo(video, path);
  return path;
}

interface Scene {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes a pixel. */
  readonly data: Uint8Array;
}

async function loadScene(fixture: string, blurSigma: number): Promise<Scene> {
  // Imported here: playwright.config.ts reads this module for the videos' paths alone.
  const { default: sharp } = await import('sharp');
  let image = sharp(join(fixturesDir, fixture)).removeAlpha();
  if (blurSigma > 0) image = image.blur(blurSigma);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

export async function writeCameraVideo(video: CameraVideo, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const scenes = new Map<number, Scene>();
  for (const segment of video.segments) {
    const sigma = segment.blurSigma ?? 0;
    if (!scenes.has(sigma)) scenes.set(sigma, await loadScene(video.fixture, sigma));
  }
  // Written beside the target and renamed, so a run that stops half-way leaves no half a video.
  const partial = `${path}.partial`;
  const file = openSync(partial, 'w');
  try {
    // 4:2:0 chroma in video range: Chromium plays a y4m as a camera's limited-range BT.601, whatever
    // the colour tag says (full-range bytes come out with their whites clipped, as glare).
    writeSync(file, `YUV4MPEG2 W${video.width} H${video.height} F${video.fps}:1 Ip A1:1 C420mpeg2\n`);
    const rgb = new Uint8Array(video.width * video.height * 3);
    const yuv = new Uint8Array((video.width * video.height * 3) / 2);
    let frameNumber = 0;
    for (const segment of video.segments) {
      const frames = Math.round(segment.seconds * video.fps);
      const scene = scenes.get(segment.blurSigma ?? 0)!;
      for (let i = 0; i < frames; i++, frameNumber++) {
        const pose = poseAt(segment, frames > 1 ? i / (frames - 1) : 1, frameNumber);
        film(scene, pose, video.width, video.height, rgb);
        rgbToI420(rgb, video.width, video.height, yuv);
        writeSync(file, 'FRAME\n');
        writeSync(file, yuv);
      }
    }
  } finally {
    closeSync(file);
  }
  renameSync(partial, path);
}

function poseAt(segment: Segment, progress: number, frameNumber: number): Pose {
  const to = segment.to ?? segment.from;
  const eased = progress * progress * (3 - 2 * progress);
  const mix = (a: number, b: number) => a + (b - a) * eased;
  // A smooth, seeded wander: two incommensurate sines per axis.
  const shake = segment.shakePx ?? 0;
  const t = frameNumber;
  return {
    centreX: mix(segment.from.centreX, to.centreX) + shake * Math.sin(t * 0.91) * Math.cos(t * 0.37),
    centreY: mix(segment.from.centreY, to.centreY) + shake * Math.sin(t * 0.53 + 1) * Math.cos(t * 0.29),
    zoom: mix(segment.from.zoom, to.zoom),
  };
}

/** Renders what the camera sees (bilinear sampling); refuses a pose that looks past the photo's edge. */
function film(scene: Scene, pose: Pose, width: number, height: number, out: Uint8Array): void {
  const left = pose.centreX - width / 2 / pose.zoom;
  const top = pose.centreY - height / 2 / pose.zoom;
  const step = 1 / pose.zoom;
  const right = left + (width - 1) * step;
  const bottom = top + (height - 1) * step;
  if (left < 0 || top < 0 || right > scene.width - 1 || bottom > scene.height - 1)
    throw new Error(`The camera would see past the edge of the photo: ${JSON.stringify(pose)}`);
  const src = scene.data;
  const rowBytes = scene.width * 3;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const sy = top + y * step;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    const y1 = Math.min(y0 + 1, scene.height - 1);
    for (let x = 0; x < width; x++) {
      const sx = left + x * step;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const x1 = Math.min(x0 + 1, scene.width - 1);
      const a = y0 * rowBytes + x0 * 3;
      const b = y0 * rowBytes + x1 * 3;
      const c = y1 * rowBytes + x0 * 3;
      const d = y1 * rowBytes + x1 * 3;
      for (let ch = 0; ch < 3; ch++) {
        const topMix = src[a + ch]! + (src[b + ch]! - src[a + ch]!) * fx;
        const bottomMix = src[c + ch]! + (src[d + ch]! - src[c + ch]!) * fx;
        out[o++] = topMix + (bottomMix - topMix) * fy + 0.5;
      }
    }
  }
}

/**
 * Limited-range ("studio swing") BT.601 Y'CbCr, as cameras send it: Y 16–235, Cb and Cr 16–240 (ITU-R
 * BT.601-7 §2.5.3), chroma averaged over each 2×2 block. Width and height must be even.
 */
export function rgbToI420(rgb: Uint8Array, width: number, height: number, out: Uint8Array): void {
  const uOffset = width * height;
  const vOffset = uOffset + (width * height) / 4;
  for (let i = 0, p = 0; i < width * height; i++, p += 3)
    out[i] = Math.round(16 + (65.481 * rgb[p]! + 128.553 * rgb[p + 1]! + 24.966 * rgb[p + 2]!) / 255);
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((y + dy) * width + x + dx) * 3;
        r += rgb[p]!;
        g += rgb[p + 1]!;
        b += rgb[p + 2]!;
      }
      r /= 4 * 255;
      g /= 4 * 255;
      b /= 4 * 255;
      const c = (y / 2) * (width / 2) + x / 2;
      out[uOffset + c] = clampByte(128 - 37.797 * r - 74.203 * g + 112 * b);
      out[vOffset + c] = clampByte(128 + 112 * r - 93.786 * g - 18.214 * b);
    }
  }
}

const clampByte = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2) as CameraVideoName[];
  for (const name of names.length > 0 ? names : (Object.keys(CAMERA_VIDEOS) as CameraVideoName[])) {
    if (!(name in CAMERA_VIDEOS)) throw new Error(`No camera video called ${name}`);
    const started = performance.now();
    await writeCameraVideo(CAMERA_VIDEOS[name], cameraVideoPath(name));
    console.log(`${cameraVideoPath(name)}: ${Math.round(performance.now() - started)} ms`);
  }
}
