/**
 * Photometric composites: a real specimen scan from ../shared (read there, never copied into the
 * project) or a card drawn here, put on a table, and then spoilt as a camera spoils it: a bright wash
 * over its print that does not clip the sensor, glare that does, motion and focus blur, low light
 * with sensor noise, and a small phone photo whose print is smeared. Made at eval and test time,
 * never committed; the truth comes from the construction (what was done, how strongly, over what).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Status } from '../../src/pipeline/types.ts';

const REAL_PHOTOS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'real-photos',
);

/**
 * Flat specimen scans whose clear-photo truth is pass in ../shared/real-photos (manifest.json): the
 * print of each is crisp at native size, so each spoiling below is the only thing wrong.
 */
export const SPECIMEN_SCANS = [
  'regula-webcomp/passport.jpg',
  'sidtd/aze00.jpg',
  'prado/TUR-AS-02002_S.jpg',
  'imagejs-mrz/id_fail.png',
] as const;

/** What a composite is, as its construction says. */
export interface PhotometricTruth {
  /** The specimen it was made from, relative to ../shared/real-photos, or 'drawn card'. */
  readonly source: string;
  readonly spoiling:
    'none' | 'washed' | 'clipped-glare' | 'motion-blur' | 'focus-blur' | 'low-light' | 'small-smeared';
  /** How strong: the wash's peak share of the way to white, the blur in px, the light's gain. */
  readonly strength: number;
  /** Over what part of the document, as shares of its width and height: [x, y, radius]. */
  readonly over: readonly [number, number, number] | null;
  /** The clear-photo verdict a careful person gives it. */
  readonly clearPhoto: Status;
}

export interface Composite {
  readonly name: string;
  make(): Promise<{ image: Buffer; truth: PhotometricTruth }>;
}

interface Rgb {
  readonly width: number;
  readonly height: number;
  /** 3 floats a pixel, 0..255. */
  readonly data: Float32Array;
}

async function readRgb(input: Buffer | string): Promise<Rgb> {
  const { data, info } = await sharp(input).removeAlpha().toColourspace('srgb').raw().toBuffer({
    resolveWithObject: true,
  });
  return { width: info.width, height: info.height, data: Float32Array.from(data) };
}

async function encode(image: Rgb): Promise<Buffer> {
  const bytes = Buffer.alloc(image.data.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.max(0, Math.min(255, Math.round(image.data[i]!)));
  return sharp(bytes, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/**
 * The document on a dark table, with a margin of a sixth of its width all round, so that its outline
 * can be found as in a photo.
 */
async function onTable(document: Buffer | string): Promise<Rgb> {
  const meta = await sharp(document).metadata();
  const margin = Math.round((meta.width ?? 600) / 6);
  const placed = await sharp(document)
    .removeAlpha()
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: { r: 52, g: 48, b: 44 } })
    .png()
    .toBuffer();
  return readRgb(placed);
}

/**
 * A bright, colourless wash: each pixel moved `peak` of the way towards `white`, falling off as a
 * Gaussian of the given radius round the centre (shares of the image's width and height). With
 * `white` below 254 it lightens the print without clipping the sensor; at 255 and peak 1 its core clips.
 */
export function addWash(
  image: Rgb,
  over: readonly [number, number, number],
  peak: number,
  white: number,
): Rgb {
  const [cx, cy, r] = [over[0] * image.width, over[1] * image.height, over[2] * image.width];
  const out = new Float32Array(image.data);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const w = peak * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r));
      if (w < 0.01) continue;
      for (let c = 0, i = (y * image.width + x) * 3; c < 3; c++, i++)
        out[i] = out[i]! + (white - out[i]!) * w;
    }
  }
  return { ...image, data: out };
}

/** A horizontal motion blur over `length` pixels (a box along the row). */
export function motionBlur(image: Rgb, length: number): Rgb {
  const out = new Float32Array(image.data.length);
  const half = Math.floor(length / 2);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        let n = 0;
        for (let k = -half; k <= half; k++) {
          const xx = Math.max(0, Math.min(image.width - 1, x + k));
          sum += image.data[(y * image.width + xx) * 3 + c]!;
          n++;
        }
        out[(y * image.width + x) * 3 + c] = sum / n;
      }
    }
  }
  return { ...image, data: out };
}

async function focusBlur(image: Rgb, sigma: number): Promise<Rgb> {
  return readRgb(
    await sharp(await encodePng(image))
      .blur(sigma)
      .png()
      .toBuffer(),
  );
}

async function encodePng(image: Rgb): Promise<Buffer> {
  const bytes = Buffer.alloc(image.data.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.max(0, Math.min(255, Math.round(image.data[i]!)));
  return sharp(bytes, { raw: { width: image.width, height: image.height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Too little light: the signal scaled by `gain`, and the sensor's noise (σ in 0..255) added. */
export function lowLight(image: Rgb, gain: number, noise: number, seed = 1): Rgb {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = new Float32Array(image.data.length);
  for (let i = 0; i < out.length; i++) {
    // Box–Muller from two uniforms: Gaussian noise.
    const n = Math.sqrt(-2 * Math.log(random() + 1e-9)) * Math.cos(2 * Math.PI * random());
    out[i] = image.data[i]! * gain + n * noise;
  }
  return { ...image, data: out };
}

/** The whole photo shrunk to `side` px on its longest side, as a small phone photo is. */
async function shrink(image: Rgb, side: number): Promise<Rgb> {
  return readRgb(
    await sharp(await encodePng(image))
      .resize(side, side, { fit: 'inside' })
      .png()
      .toBuffer(),
  );
}

/**
 * An ID-1 card (85.6 × 54 mm at 10 px/mm) drawn with crisp black print: a title, six labelled fields
 * and a grey portrait box, on plain stock of the colour given (a white card in room light photographs
 * off-white; `#ffffff` is a render or a scan whose paper is at the sensor's limit). What clear-photo
 * must pass as it is.
 */
export async function drawnCard(stock = '#e6e2da'): Promise<Buffer> {
  const fields = [
    'SURNAME  EXAMPLE',
    'GIVEN NAMES  JANE MARY',
    'DATE OF BIRTH  01.02.1990',
    'DATE OF EXPIRY  12.11.2031',
    'NUMBER  X4RTBPFW4',
    'PLACE OF BIRTH  LEEDS',
  ];
  const text = fields
    .map(
      (line, i) =>
        `<text x="300" y="${150 + i * 52}" font-family="DejaVu Sans" font-size="30" fill="#111">${line}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540">
    <rect width="856" height="540" rx="30" fill="${stock}"/>
    <text x="40" y="80" font-family="DejaVu Sans" font-weight="bold" font-size="40" fill="#1a2a6c">IDENTITY CARD</text>
    <rect x="40" y="120" width="220" height="290" fill="#9aa0a8"/>
    ${text}
    <text x="40" y="480" font-family="DejaVu Sans Mono" font-size="34" fill="#111">IDXXXX4RTBPFW46&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The spoilings, each applied to a document on the table; the share of the document the MRZ band is at. */
const SPOILINGS: readonly {
  readonly suffix: string;
  readonly spoiling: PhotometricTruth['spoiling'];
  readonly strength: number;
  readonly over: PhotometricTruth['over'];
  readonly clearPhoto: Status;
  readonly apply: (image: Rgb) => Promise<Rgb> | Rgb;
}[] = [
  { suffix: 'as-is', spoiling: 'none', strength: 0, over: null, clearPhoto: 'pass', apply: (i) => i },
  // Over the lower text (the MRZ's band on a scan that fills two thirds of the table).
  {
    suffix: 'washed',
    spoiling: 'washed',
    strength: 0.97,
    over: [0.5, 0.62, 0.14],
    clearPhoto: 'fail',
    apply: (i) => addWash(i, [0.5, 0.62, 0.14], 0.97, 252),
  },
  {
    suffix: 'clipped-glare',
    spoiling: 'clipped-glare',
    strength: 1,
    over: [0.45, 0.66, 0.12],
    clearPhoto: 'fail',
    apply: (i) => addWash(i, [0.45, 0.66, 0.12], 1.6, 255),
  },
  {
    suffix: 'motion-blur',
    spoiling: 'motion-blur',
    strength: 15,
    over: null,
    clearPhoto: 'fail',
    apply: (i) => motionBlur(i, 15),
  },
  {
    suffix: 'focus-blur',
    spoiling: 'focus-blur',
    strength: 4,
    over: null,
    clearPhoto: 'fail',
    apply: (i) => focusBlur(i, 4),
  },
  {
    suffix: 'low-light',
    spoiling: 'low-light',
    strength: 0.25,
    over: null,
    clearPhoto: 'fail',
    apply: (i) => lowLight(i, 0.25, 6),
  },
  {
    suffix: 'small-smeared',
    spoiling: 'small-smeared',
    strength: 512,
    over: null,
    clearPhoto: 'fail',
    apply: async (i) => focusBlur(await shrink(i, 512), 1.6),
  },
];

function composite(source: string, load: () => Promise<Buffer | string>): Composite[] {
  const name = source.replace(/[/.]/g, '-');
  return SPOILINGS.map(({ suffix, apply, ...truth }) => ({
    name: `${name}-${suffix}`,
    async make() {
      const image = await encode(await apply(await onTable(await load())));
      return { image, truth: { source, ...truth } };
    },
  }));
}

/** Every photometric composite of the drawn card, which needs nothing outside the project. */
export const DRAWN_COMPOSITES: readonly Composite[] = composite('drawn card', () => drawnCard());

/** Every photometric composite of the specimen scans found in ../shared (none when it is absent). */
export function specimenComposites(): Composite[] {
  return SPECIMEN_SCANS.filter((file) => existsSync(join(REAL_PHOTOS, file))).flatMap((file) =>
    composite(file, () => Promise.resolve(join(REAL_PHOTOS, file))),
  );
}

/** The generators in the shape the composites' eval set takes: `{ name, make() }`. */
export function photometricComposites(): Composite[] {
  return [...DRAWN_COMPOSITES, ...specimenComposites()];
}
