/**
 * Drawn scenes for the rehearsal's face checks: a head and shoulders in front of a wall, drawn as SVG
 * and rendered by sharp, which MediaPipe's BlazeFace finds as it does a photographed face (score 0.9
 * and over for a face 200 px high in 640 × 480). Each scene carries the statuses the face checks must
 * give it: the unit tests judge single frames (tests/pipeline/rehearsal/), the browser tests play the
 * scenes as the fake camera (scripts/rehearsal/media.ts writes them as videos).
 */
import sharp from 'sharp';
import type { RgbaImage, Status } from '../../src/pipeline/types.ts';
import type { FaceCheckId } from '../../src/pipeline/rehearsal/types.ts';
import { heldSheetSvg, type DrawnSheet } from './writtenSheet.ts';

export const SCENE_WIDTH = 640;
export const SCENE_HEIGHT = 480;

interface Head {
  /** Centre of the face, in scene pixels. */
  readonly x: number;
  readonly y: number;
  /** Face height (hairline to chin), px. */
  readonly size: number;
}

export interface FaceScene {
  readonly heads: readonly Head[];
  /** The wall behind: a bright one with a dimmed face is a person with a window behind them. */
  readonly wall: string;
  /** The person's light: their colours are multiplied by this. */
  readonly faceLight: number;
  /** The whole picture's light (a dark room): every colour multiplied by this. */
  readonly roomLight: number;
  /** A sheet of paper held up beside the face, blank or with numbers written on it. */
  readonly sheet?: DrawnSheet;
  /** What the face checks must say of it; a check left out may say anything. */
  readonly expected: Partial<Record<FaceCheckId, Status>>;
  /** What `numbers-shown` must say of it when the page's numbers are WRITTEN_DIGITS. */
  readonly numbersShown?: Status | readonly Status[];
}

/** The numbers written on the sheet of `written-digits`, and the page's numbers in its tests. */
export const WRITTEN_DIGITS = '3805';

/** The face beside a held sheet: a little left of centre, as a person holding paper up to one side sits. */
const BESIDE_SHEET: Head = { x: 250, y: 230, size: 240 };
const SHEET = { x: 490, y: 250, width: 240, height: 170, turn: 4, seed: 18 } as const;

const FRAMED: Head = { x: 320, y: 230, size: 240 };

export const FACE_SCENES = {
  'one-framed-face': {
    heads: [FRAMED],
    wall: '#c9cfd6',
    faceLight: 1,
    roomLight: 1,
    expected: { 'one-face': 'pass', 'face-framed': 'pass', 'face-visible': 'pass', light: 'pass' },
    numbersShown: 'fail',
  },
  'no-face': {
    heads: [],
    wall: '#c9cfd6',
    faceLight: 1,
    roomLight: 1,
    expected: { 'one-face': 'fail', 'face-framed': 'unsure', 'face-visible': 'unsure', light: 'unsure' },
  },
  'two-faces': {
    heads: [
      { x: 190, y: 230, size: 170 },
      { x: 460, y: 230, size: 170 },
    ],
    wall: '#c9cfd6',
    faceLight: 1,
    roomLight: 1,
    expected: { 'one-face': 'fail' },
  },
  'dark-face': {
    heads: [FRAMED],
    wall: '#c9cfd6',
    faceLight: 1,
    roomLight: 0.3,
    expected: { 'one-face': 'pass', 'face-framed': 'pass', light: 'fail' },
  },
  'backlit-face': {
    heads: [FRAMED],
    wall: '#fbfbf8',
    faceLight: 0.45,
    roomLight: 1,
    expected: { 'one-face': 'pass', 'face-framed': 'pass', light: 'fail' },
  },
  'small-face': {
    heads: [{ x: 320, y: 230, size: 110 }],
    wall: '#c9cfd6',
    faceLight: 1,
    roomLight: 1,
    expected: { 'one-face': 'pass', 'face-framed': 'fail', light: 'pass' },
    numbersShown: 'fail',
  },
  'written-digits': {
    heads: [BESIDE_SHEET],
    sheet: { ...SHEET, digits: WRITTEN_DIGITS },
    wall: '#c9cfd6',
    faceLight: 1,
    roomLight: 1,
    expected: { 'one-face': 'pass', 'face-framed': 'pass', 'face-visible': 'pass', light: 'pass' },
    numbersShown: 'pass',
  },
  'blank-sheet': {
    heads: [BESIDE_SHEET],
    sheet: { ...SHEET, digits: '' },
    wall: '#c9cfd6',
    faceLight: 1,
    roomLight: 1,
    expected: { 'one-face': 'pass', 'face-framed': 'pass', light: 'pass' },
    numbersShown: ['fail', 'unsure'],
  },
} satisfies Record<string, FaceScene>;

export type FaceSceneName = keyof typeof FACE_SCENES;
export const FACE_SCENE_NAMES = Object.keys(FACE_SCENES) as FaceSceneName[];

/** The scene as SVG, the heads moved by (dx, dy) px (a person is never quite still). */
export function faceSceneSvg(scene: FaceScene, dx = 0, dy = 0): string {
  const shade = (hex: string, light: number) => {
    const value = Number.parseInt(hex.slice(1), 16);
    const channel = (shift: number) => Math.round(((value >> shift) & 255) * light * scene.roomLight);
    return `rgb(${channel(16)},${channel(8)},${channel(0)})`;
  };
  const person = (hex: string) => shade(hex, scene.faceLight);
  const skin = `<radialGradient id="skin" cx="0.45" cy="0.4" r="0.7"><stop offset="0" stop-color="${person('#f0c19c')}"/><stop offset="0.7" stop-color="${person('#deaa84')}"/><stop offset="1" stop-color="${person('#b98260')}"/></radialGradient>`;
  const heads = scene.heads
    .map((head) => drawHead({ ...head, x: head.x + dx, y: head.y + dy }, person))
    .join('');
  // Held in front of the person, so moving with them.
  const sheet = scene.sheet
    ? heldSheetSvg({ ...scene.sheet, x: scene.sheet.x + dx, y: scene.sheet.y + dy }, person)
    : '';
  // A picture frame on the wall, so that "no face" is not an empty frame.
  const picture = `<rect x="40" y="40" width="120" height="90" fill="none" stroke="${shade('#6b5a48', 1)}" stroke-width="8"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SCENE_WIDTH}" height="${SCENE_HEIGHT}"><defs>${skin}</defs>` +
    `<rect width="${SCENE_WIDTH}" height="${SCENE_HEIGHT}" fill="${shade(scene.wall, 1)}"/>${picture}${heads}${sheet}</svg>`
  );
}

function drawHead({ x: cx, y: cy, size: s }: Head, colour: (hex: string) => string): string {
  const rx = s * 0.38;
  const ry = s * 0.5;
  const eyeY = cy - s * 0.08;
  const eyeDX = s * 0.17;
  const eyeR = s * 0.055;
  const hair = colour('#3b2516');
  const eye = (ex: number) =>
    `<path d="M ${ex - eyeR * 1.6} ${eyeY - eyeR * 1.7} q ${eyeR * 1.6} ${-eyeR * 0.9} ${eyeR * 3.2} 0" stroke="${hair}" stroke-width="${s * 0.025}" fill="none"/>` +
    `<ellipse cx="${ex}" cy="${eyeY}" rx="${eyeR * 1.6}" ry="${eyeR * 0.9}" fill="${colour('#f4f1ec')}"/>` +
    `<circle cx="${ex}" cy="${eyeY}" r="${eyeR * 0.8}" fill="${colour('#4a3222')}"/>` +
    `<circle cx="${ex}" cy="${eyeY}" r="${eyeR * 0.35}" fill="${colour('#111111')}"/>`;
  return (
    `<ellipse cx="${cx}" cy="${cy + s * 0.75}" rx="${s * 0.9}" ry="${s * 0.45}" fill="${colour('#2d4a6b')}"/>` +
    `<rect x="${cx - s * 0.15}" y="${cy + s * 0.3}" width="${s * 0.3}" height="${s * 0.35}" fill="${colour('#d9a47f')}"/>` +
    `<ellipse cx="${cx}" cy="${cy - s * 0.12}" rx="${rx * 1.12}" ry="${ry * 0.95}" fill="${hair}"/>` +
    `<ellipse cx="${cx - rx}" cy="${eyeY + s * 0.06}" rx="${s * 0.06}" ry="${s * 0.1}" fill="${colour('#cf9570')}"/>` +
    `<ellipse cx="${cx + rx}" cy="${eyeY + s * 0.06}" rx="${s * 0.06}" ry="${s * 0.1}" fill="${colour('#cf9570')}"/>` +
    `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="url(#skin)"/>` +
    `<path d="M ${cx - rx * 0.95} ${cy - ry * 0.35} Q ${cx} ${cy - ry * 1.25} ${cx + rx * 0.95} ${cy - ry * 0.35} Q ${cx} ${cy - ry * 0.8} ${cx - rx * 0.95} ${cy - ry * 0.35}" fill="${hair}"/>` +
    eye(cx - eyeDX) +
    eye(cx + eyeDX) +
    `<path d="M ${cx - s * 0.02} ${eyeY + s * 0.03} L ${cx - s * 0.06} ${cy + s * 0.14} Q ${cx} ${cy + s * 0.18} ${cx + s * 0.06} ${cy + s * 0.14}" stroke="${colour('#a86b4c')}" stroke-width="${s * 0.018}" fill="none"/>` +
    `<path d="M ${cx - s * 0.12} ${cy + s * 0.27} Q ${cx} ${cy + s * 0.34} ${cx + s * 0.12} ${cy + s * 0.27} Q ${cx} ${cy + s * 0.3} ${cx - s * 0.12} ${cy + s * 0.27}" fill="${colour('#a4464a')}"/>`
  );
}

/** The scene rendered to RGBA pixels. */
export async function renderFaceScene(scene: FaceScene, dx = 0, dy = 0): Promise<RgbaImage> {
  const data = await sharp(Buffer.from(faceSceneSvg(scene, dx, dy)))
    .ensureAlpha()
    .raw()
    .toBuffer();
  return {
    width: SCENE_WIDTH,
    height: SCENE_HEIGHT,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}
