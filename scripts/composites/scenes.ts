/**
 * Scenes for issue 12, items 1 and 2: flat scans of real specimens (../shared) placed as a person's
 * photo would have them. An open passport booklet (the data page with the page above it, the fold
 * and the cover round both), other rectangles beside the document (a phone, another card, a
 * notebook under it), a finger over a corner, a corner off the frame. The truth is the construction:
 * where the data page's corners went, and whether all four are in view and uncovered.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { createRandom, type Random } from '../fixtures/random.ts';
import type { Composite, CompositeGenerator } from './types.ts';

type Point = readonly [number, number];

interface Specimen {
  readonly set: 'real-ids' | 'real-photos';
  readonly file: string;
  /** ICAO 9303 size: TD3 passport page 125 × 88 mm, TD1 card 85.6 × 53.98 mm. */
  readonly format: 'TD3' | 'TD1';
}

/** Flat scans cropped to the document's edge, with an MRZ the manifests give. */
const SPECIMENS: readonly Specimen[] = [
  { set: 'real-photos', file: 'prado/TUR-AO-02001_O.jpg', format: 'TD3' },
  { set: 'real-photos', file: 'prado/MNE-AS-01001_S.jpg', format: 'TD3' },
  { set: 'real-photos', file: 'sidtd/aze00.jpg', format: 'TD3' },
  { set: 'real-photos', file: 'regula-webcomp/passport.jpg', format: 'TD3' },
  { set: 'real-ids', file: 'arg0s-mrz/passports_Canada.png', format: 'TD3' },
  { set: 'real-photos', file: 'prado/BGR-BO-02001_O.jpg', format: 'TD1' },
  { set: 'real-photos', file: 'prado/MNE-BO-02001_O.jpg', format: 'TD1' },
  { set: 'real-ids', file: 'arg0s-mrz/id_cards_Sweden.png', format: 'TD1' },
];

const SIZE_MM = { TD3: [125, 88], TD1: [85.6, 53.98] } as const;
const CANVAS = { width: 1200, height: 900 } as const;
const TODAY = '2026-12-01';

export type SceneName =
  'booklet' | 'booklet-cut' | 'beside-phone' | 'beside-card' | 'on-notebook' | 'finger' | 'cut-off';

/** Scenes for each specimen, in turn: booklets only for passport pages. */
const SCENES: Record<Specimen['format'], readonly SceneName[]> = {
  TD3: ['booklet', 'booklet-cut', 'beside-phone', 'finger'],
  TD1: ['beside-card', 'on-notebook', 'beside-phone', 'cut-off', 'finger'],
};

export const sceneComposites: CompositeGenerator = async (shared, seed) => {
  const composites: Composite[] = [];
  for (const specimen of SPECIMENS) {
    for (const scene of SCENES[specimen.format]) {
      const composite = await sceneComposite(shared, scene, specimen.file, seed);
      if (composite) composites.push(composite);
    }
  }
  return composites;
};

/** One scene of one specimen (its file as SPECIMENS names it); null when ../shared lacks it. */
export async function sceneComposite(
  shared: string,
  scene: SceneName,
  file: string,
  seed: string,
): Promise<Composite | null> {
  const specimen = SPECIMENS.find((s) => s.file === file);
  if (!specimen) throw new Error(`no specimen ${file} in SPECIMENS`);
  const path = join(shared, specimen.set, specimen.file);
  if (!existsSync(path)) return null;
  const random = createRandom(`${seed}/${scene}/${specimen.file}`);
  return makeScene(scene, specimen, await readFile(path), await mrzOf(shared, specimen), random);
}

async function mrzOf(shared: string, specimen: Specimen): Promise<readonly string[] | null> {
  const manifest = JSON.parse(await readFile(join(shared, specimen.set, 'manifest.json'), 'utf8')) as {
    file: string;
    mrz: string[] | null;
  }[];
  return manifest.find((entry) => entry.file === specimen.file)?.mrz ?? null;
}

async function makeScene(
  scene: SceneName,
  specimen: Specimen,
  source: Buffer,
  mrz: readonly string[] | null,
  random: Random,
): Promise<Composite> {
  const [widthMm, heightMm] = SIZE_MM[specimen.format];
  const pageWidth = Math.round(random.between(440, 560) * (specimen.format === 'TD1' ? 0.9 : 1));
  const pageHeight = Math.round((pageWidth * heightMm) / widthMm);
  const page = await sharp(source)
    .resize(pageWidth, pageHeight, { fit: 'fill' })
    .removeAlpha()
    .ensureAlpha()
    .png()
    .toBuffer();

  // The object placed: the page alone, or the booklet round it; `corners` are the page's in it.
  let object = page;
  let objectSize = { width: pageWidth, height: pageHeight };
  let corners: Point[] = rectangleCorners(0, 0, pageWidth, pageHeight);
  if (scene === 'booklet' || scene === 'booklet-cut') {
    const margin = Math.round(pageWidth * 0.03);
    objectSize = { width: pageWidth + 2 * margin, height: 2 * pageHeight + 2 * margin };
    object = await sharp(
      svg(objectSize.width, objectSize.height, bookletSvg(objectSize, margin, pageWidth, pageHeight)),
    )
      .composite([{ input: page, left: margin, top: margin + pageHeight }])
      .png()
      .toBuffer();
    corners = rectangleCorners(margin, margin + pageHeight, pageWidth, pageHeight);
  }

  const angle = random.between(-8, 8);
  const rotated = await sharp(object)
    .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  const turned = corners.map((p) => rotatePoint(p, angle, objectSize, rotated.info));

  // Where the object goes: centred with some play, or pushed off the frame for the cut-off scenes.
  let left = Math.round((CANVAS.width - rotated.info.width) / 2 + random.between(-60, 60));
  let top = Math.round((CANVAS.height - rotated.info.height) / 2 + random.between(-40, 40));
  if (scene === 'booklet' || scene === 'booklet-cut')
    top = Math.round(CANVAS.height - rotated.info.height - 20);
  const placed = () => turned.map(([x, y]) => [x + left, y + top] as const);
  if (scene === 'cut-off' || scene === 'booklet-cut') {
    // The page's bottom-right corner 40–90 px past the frame's right edge.
    const bottomRight = placed()[2]!;
    left += Math.round(CANVAS.width - 1 - bottomRight[0] + random.between(40, 90));
  }
  const outline = placed();

  const layers: OverlayOptions[] = [];
  const under: OverlayOptions[] = [];
  const box = boundsOf(outline);
  if (scene === 'beside-phone') layers.push(phoneBeside(box, random));
  if (scene === 'beside-card') layers.push(cardBeside(box, random));
  if (scene === 'on-notebook') under.push(notebookUnder(box, random));
  layers.unshift(await clippedImage(rotated.data, rotated.info, left, top));
  if (scene === 'finger') layers.push(fingerOver(outline[random.pick([0, 1, 2, 3])]!, random));

  const bytes = await sharp(await background(random))
    .composite([...under, ...layers])
    .jpeg({ quality: 90 })
    .toBuffer();
  const allIn = scene !== 'cut-off' && scene !== 'booklet-cut' && scene !== 'finger';
  return {
    file: `scenes/${scene}/${specimen.file}`,
    bytes,
    today: TODAY,
    expected: { 'four-corners': [allIn ? 'pass' : 'fail'] },
    mrz,
    outline: outline.map(([x, y]) => [Math.round(x), Math.round(y)] as const),
  };
}

function rectangleCorners(x: number, y: number, width: number, height: number): Point[] {
  return [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
  ];
}

/** sharp turns clockwise about the centre and grows the canvas to hold the turned image. */
function rotatePoint(
  [x, y]: Point,
  degrees: number,
  before: { width: number; height: number },
  after: { width: number; height: number },
): Point {
  const a = (degrees * Math.PI) / 180;
  const [dx, dy] = [x - before.width / 2, y - before.height / 2];
  return [
    after.width / 2 + dx * Math.cos(a) - dy * Math.sin(a),
    after.height / 2 + dx * Math.sin(a) + dy * Math.cos(a),
  ];
}

function boundsOf(points: readonly Point[]) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

const svg = (width: number, height: number, body: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`);

/** The cover (dark, a little larger than the pages), the page above with faint print, and the fold. */
function bookletSvg(
  size: { width: number; height: number },
  margin: number,
  pageWidth: number,
  pageHeight: number,
): string {
  const lines = Array.from({ length: 9 }, (_, i) => {
    const y = margin + pageHeight * (0.15 + i * 0.08);
    return `<line x1="${margin + pageWidth * 0.08}" y1="${y}" x2="${margin + pageWidth * 0.92}" y2="${y}" stroke="#c9c3b0" stroke-width="2"/>`;
  }).join('');
  const fold = margin + pageHeight;
  return (
    `<rect width="${size.width}" height="${size.height}" rx="${margin}" fill="#5a1420"/>` +
    `<rect x="${margin}" y="${margin}" width="${pageWidth}" height="${pageHeight}" fill="#ece6d6"/>` +
    `<text x="${margin + pageWidth / 2}" y="${margin + pageHeight * 0.1}" font-size="${pageHeight * 0.06}" text-anchor="middle" fill="#8a8270">VISAS</text>` +
    lines +
    `<rect x="${margin}" y="${fold - 3}" width="${pageWidth}" height="6" fill="#9a9282" opacity="0.8"/>`
  );
}

/** A phone lying beside the document, about its size: a dark rounded slab with a grey screen. */
function phoneBeside(box: ReturnType<typeof boundsOf>, random: Random): OverlayOptions {
  const height = Math.round((box.bottom - box.top) * random.between(0.9, 1.2));
  const width = Math.round(height * 0.5);
  const left = box.right + 25 + Math.round(random.between(0, 40));
  const top = Math.round(box.top + random.between(-30, 30));
  const body =
    `<rect width="${width}" height="${height}" rx="${width * 0.12}" fill="#15171a"/>` +
    `<rect x="${width * 0.06}" y="${height * 0.05}" width="${width * 0.88}" height="${height * 0.9}" rx="${width * 0.05}" fill="#3b4350"/>`;
  return clippedOverlay(width, height, left, top, body);
}

/** Another card beside the document: a pale loyalty card with a printed band. */
function cardBeside(box: ReturnType<typeof boundsOf>, random: Random): OverlayOptions {
  const width = Math.round((box.right - box.left) * random.between(0.75, 0.95));
  const height = Math.round(width / 1.585);
  const left = Math.round(box.left - width - 30 - random.between(0, 30));
  const top = Math.round(box.top + random.between(-40, 40));
  const body =
    `<rect width="${width}" height="${height}" rx="${width * 0.04}" fill="#e4eef5"/>` +
    `<rect y="${height * 0.2}" width="${width}" height="${height * 0.22}" fill="#2a6fb0"/>`;
  return clippedOverlay(width, height, left, top, body);
}

/** A ruled notebook under the document, larger than it. */
function notebookUnder(box: ReturnType<typeof boundsOf>, random: Random): OverlayOptions {
  const width = Math.round((box.right - box.left) * random.between(1.25, 1.45));
  const height = Math.round((box.bottom - box.top) * random.between(1.3, 1.6));
  const left = Math.round(box.left - (width - (box.right - box.left)) * random.between(0.3, 0.7));
  const top = Math.round(box.top - (height - (box.bottom - box.top)) * random.between(0.3, 0.7));
  const rules = Array.from({ length: 30 }, (_, i) => {
    const y = (height * (i + 2)) / 32;
    return `<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#9fb8d8" stroke-width="1.5"/>`;
  }).join('');
  return clippedOverlay(
    width,
    height,
    left,
    top,
    `<rect width="${width}" height="${height}" fill="#f6f4ee"/>${rules}`,
  );
}

/** A fingertip over a corner: skin tone, shaded, reaching in from outside the document. */
function fingerOver([x, y]: Point, random: Random): OverlayOptions {
  const rx = Math.round(random.between(38, 48));
  const ry = Math.round(rx * 1.9);
  const size = ry * 2 + 20;
  const angle = random.between(20, 70) * (random.next() < 0.5 ? -1 : 1);
  const body =
    `<defs><radialGradient id="s" cx="45%" cy="40%" r="60%"><stop offset="0" stop-color="#e9b99a"/><stop offset="1" stop-color="#b67b5e"/></radialGradient></defs>` +
    `<ellipse cx="${size / 2}" cy="${size / 2}" rx="${rx}" ry="${ry}" fill="url(#s)" transform="rotate(${angle} ${size / 2} ${size / 2})"/>`;
  return clippedOverlay(size, size, Math.round(x - size / 2), Math.round(y - size / 2), body);
}

/** An SVG overlay, cut to the canvas (sharp refuses one that reaches outside it). */
function clippedOverlay(width: number, height: number, atLeft: number, atTop: number, body: string) {
  const [left, top] = [Math.round(atLeft), Math.round(atTop)];
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(CANVAS.width, left + width);
  const y1 = Math.min(CANVAS.height, top + height);
  const shifted = `<g transform="translate(${left - x0} ${top - y0})">${body}</g>`;
  return { input: svg(Math.max(1, x1 - x0), Math.max(1, y1 - y0), shifted), left: x0, top: y0 };
}

/** An image overlay cut to the canvas, for a document that runs off the frame. */
async function clippedImage(
  image: Buffer,
  size: { width: number; height: number },
  left: number,
  top: number,
): Promise<OverlayOptions> {
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(CANVAS.width, left + size.width);
  const y1 = Math.min(CANVAS.height, top + size.height);
  const input = await sharp(image)
    .extract({ left: x0 - left, top: y0 - top, width: x1 - x0, height: y1 - y0 })
    .png()
    .toBuffer();
  return { input, left: x0, top: y0 };
}

const BACKGROUNDS = [
  [112, 84, 62],
  [70, 74, 80],
  [150, 132, 110],
  [40, 44, 52],
] as const;
/** Each table drawn once per run: its grain is the slow part of a scene. */
const drawnBackgrounds = new Map<number, Promise<Buffer>>();

/** A table or desk: a plain colour with low-frequency shading and grain. */
function background(random: Random): Promise<Buffer> {
  const index = Math.floor(random.next() * BACKGROUNDS.length);
  let drawn = drawnBackgrounds.get(index);
  if (!drawn)
    drawnBackgrounds.set(
      index,
      (drawn = drawBackground(BACKGROUNDS[index]!, createRandom(`table-${index}`))),
    );
  return drawn;
}

async function drawBackground(base: readonly [number, number, number], random: Random): Promise<Buffer> {
  const { width, height } = CANVAS;
  const pixels = Buffer.alloc(width * height * 3);
  const phase = random.between(0, Math.PI * 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade =
        12 * Math.sin(phase + x / 180 + y / 260) + 6 * Math.sin(y / 7 + x / 90) + random.normal() * 4;
      for (let c = 0; c < 3; c++)
        pixels[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, base[c]! + shade));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}
