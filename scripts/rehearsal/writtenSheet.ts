/**
 * A sheet of paper held up beside the face, for the `numbers-shown` check: drawn as SVG into the face
 * scenes (faceScenes.ts), blank or carrying digits written in a thick marker stroke. Each digit is a few
 * strokes as a person writes them, every point jittered and the digit slanted, turned and sized a little
 * differently (a seeded generator, so a scene is the same every time it is drawn), since no handwriting
 * font is installed here and a typeface's regular digits would flatter the OCR.
 */

export interface DrawnSheet {
  /** Centre of the sheet, in scene pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Turned clockwise by this, in degrees (a held sheet is never quite level). */
  readonly turn: number;
  /** What is written on it ('' for a blank sheet). */
  readonly digits: string;
  /** Seeds the jitter of the handwriting. */
  readonly seed: number;
  /** Marker stroke width as a share of the digits' height. */
  readonly stroke?: number;
  /** The ink's colour. */
  readonly ink?: string;
}

/**
 * Each digit's strokes as SVG path data in a box 0.6 wide and 1 high (y down), in the order and shape a
 * hand writes them: a crossed 7 or an open 4 would be other people's hands, so these are plain ones.
 */
const DIGIT_STROKES: Readonly<Record<string, readonly string[]>> = {
  '0': ['M .3 0 C .02 0 0 1 .3 1 C .6 1 .58 0 .3 0'],
  '1': ['M .12 .2 L .36 0 L .36 1'],
  '2': ['M .05 .25 C .08 -.06 .56 -.06 .53 .3 C .5 .55 .2 .75 .04 1 L .58 1'],
  '3': [
    'M .06 .1 C .25 -.06 .56 .02 .5 .25 C .46 .42 .3 .46 .22 .47 C .62 .5 .6 1 .28 1 C .16 1 .08 .96 .04 .9',
  ],
  '4': ['M .42 1 L .42 0 L .03 .68 L .6 .68'],
  '5': ['M .54 0 L .14 0 L .1 .42 C .34 .3 .58 .42 .56 .68 C .54 1 .2 1.04 .04 .88'],
  '6': ['M .5 .04 C .24 -.04 .05 .3 .06 .66 C .08 1.04 .54 1.04 .54 .68 C .54 .36 .2 .4 .08 .6'],
  '7': ['M .03 0 L .58 0 L .22 1'],
  '8': ['M .3 .47 C .02 .4 .06 0 .3 0 C .54 0 .58 .4 .3 .47 C 0 .55 .04 1 .3 1 C .58 1 .62 .55 .3 .47'],
  '9': ['M .54 .34 C .56 -.05 .06 -.05 .06 .28 C .06 .6 .52 .58 .54 .34 L .46 1'],
};

/** mulberry32: a small seeded generator, so each drawn sheet is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One digit's path, its points jittered and the whole slanted, turned and scaled, placed at (x, y). */
function writtenDigit(digit: string, x: number, y: number, height: number, random: () => number): string {
  const strokes = DIGIT_STROKES[digit];
  if (!strokes) throw new Error(`No strokes for "${digit}"`);
  const spread = (amount: number) => (random() * 2 - 1) * amount;
  const slant = 0.12 + spread(0.12);
  const turn = spread(0.08);
  const scale = height * (1 + spread(0.1));
  const wobble = 0.035;
  const place = (u: number, v: number): string => {
    const ju = u + spread(wobble);
    const jv = v + spread(wobble);
    const su = ju + slant * (1 - jv);
    const px = su * Math.cos(turn) - jv * Math.sin(turn);
    const py = su * Math.sin(turn) + jv * Math.cos(turn);
    return `${(x + px * scale).toFixed(1)} ${(y + py * scale).toFixed(1)}`;
  };
  return strokes
    .map((stroke) =>
      stroke.replace(/(-?[\d.]+) (-?[\d.]+)/gu, (_, u: string, v: string) => place(Number(u), Number(v))),
    )
    .join(' ');
}

/** The sheet as an SVG group: the paper (with a little shade towards one edge) and its writing. */
export function heldSheetSvg(sheet: DrawnSheet, shade: (hex: string) => string): string {
  const random = seeded(sheet.seed);
  const { width, height } = sheet;
  // Written across most of the sheet, as big as its width lets them be, up to 0.42 of its height.
  const advance = 0.8;
  const across = advance * Math.max(0, sheet.digits.length - 1) + 0.72;
  const digitHeight = Math.min(height * 0.42, (width * 0.82) / across);
  const digitAdvance = digitHeight * advance;
  // The slant leans each digit's top to the right: the line's middle is a little left of its start's.
  const startX = (-across * digitHeight) / 2 - digitHeight * 0.06;
  const paths = [...sheet.digits]
    .map((digit, i) =>
      writtenDigit(
        digit,
        startX + i * digitAdvance + (random() * 2 - 1) * digitHeight * 0.06,
        -digitHeight / 2 + (random() * 2 - 1) * digitHeight * 0.08,
        digitHeight,
        random,
      ),
    )
    .join(' ');
  const ink = shade(sheet.ink ?? '#1d1d2b');
  const stroke = (sheet.stroke ?? 0.13) * digitHeight;
  const paper =
    `<linearGradient id="paper" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade('#fbfbf7')}"/>` +
    `<stop offset="1" stop-color="${shade('#e9e9e3')}"/></linearGradient>`;
  const writing = paths
    ? `<path d="${paths}" fill="none" stroke="${ink}" stroke-width="${stroke.toFixed(1)}" stroke-linecap="round" stroke-linejoin="round"/>`
    : '';
  // A thumb over the sheet's lower edge, as it is held.
  const thumb = `<ellipse cx="${(-width * 0.3).toFixed(1)}" cy="${(height * 0.5).toFixed(1)}" rx="${(width * 0.07).toFixed(1)}" ry="${(height * 0.09).toFixed(1)}" fill="${shade('#deaa84')}"/>`;
  return (
    `<defs>${paper}</defs><g transform="translate(${sheet.x} ${sheet.y}) rotate(${sheet.turn})">` +
    `<rect x="${-width / 2}" y="${-height / 2}" width="${width}" height="${height}" fill="url(#paper)"/>` +
    `${writing}${thumb}</g>`
  );
}
