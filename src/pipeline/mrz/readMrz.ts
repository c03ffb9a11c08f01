/**
 * Finds, OCRs, shapes and repairs the MRZ of a rectified document or, without an outline, of the
 * whole photo. Tries the other ways up when the first finds nothing.
 */
import type { Engines, OcrGlyph } from '../../engines/types.ts';
import { cropGrey, type GreyImage } from '../image.ts';
import { rectIn, type MrzReading, type PixelSpace, type Rect } from '../types.ts';
import { locateMrzBands, type MrzBand } from './locateMrz.ts';
import { codeEndBeforeMarks } from './marksBeyondCode.ts';
import { unturnBox, type MrzImage } from './mrzImage.ts';
import type { MrzLayout } from './formats.ts';
import { glyphInks, glyphShapes, scoreGlyphs } from './classifyGlyphs.ts';
import { cropForOcr } from './cropForOcr.ts';
import { hasCodeRow, measureCodeRows, type CodeRowShape } from './codeLineShape.ts';
import { codeLinesOf, type CodeSighting } from './codeSighting.ts';
import { doubtfulFailures, hasDoubtfulGlyph, isExpiryReadForCertain, readForCertain } from './certainty.ts';
import { combineReadings, type MrzRead, type ReadGlyph } from './evidence.ts';
import { isConsistentReading, isPlausibleReading } from './plausibility.ts';
import { repairMrz } from './repairMrz.ts';
import { isMrzLength, isWorthReadingAgain } from './searchBounds.ts';
import { shapeMrzLines } from './shapeMrzLines.ts';
import { readerComparisonListener } from './readerComparison.ts';
import { settleByOutlines, type SettledReading } from './settleByOutlines.ts';

/**
 * Glyph heights to OCR at, in turn. 32 px reads most of ../shared/real-ids (14/24 alone); 48 and 40
 * px each read some that 32 misses (the union is 16/24), so they are tried when the first read is
 * not wholly consistent, and the reads are combined (combineReadings).
 */
const OCR_GLYPH_HEIGHTS_PX = [32, 48, 40] as const;
/**
 * A pixel is strong colour where its MRZ ink (brightest channel) stands this far above its luminance:
 * a red stamp's ~100. A tinted page's pastel, ~10-30, is not (the fixtures' tinted passport page has
 * none over 50, and 93% over 25).
 */
const COLOUR_LIFT = 50;
/**
 * The share of a band in strong colour from which it is read again on its ink. Measured over the
 * lower quarter of ../shared/real-photos' prado scans with a stamp over the code, 0.35-3.5%; the
 * fixtures' passport, cards and visa, 0.
 */
const OVERPRINT_SHARE = 0.002;
/** `S`: the space of the image given (`image` for the photo, `document` for the rectified document). */
export interface MrzResult<S extends PixelSpace = PixelSpace> {
  readonly reading: MrzReading;
  /** Glyph height in the pixels of the image given. */
  readonly glyphHeightPx: number;
  /** Quarter turns clockwise that made the image upright (1 or 3 on a rectified booklet: findMrz). */
  readonly quarterTurns: number;
  /** Where the MRZ is, in the pixels of the image given (as given, not turned). */
  readonly box: Rect<S>;
  /**
   * The character pitch along the lines, in the pixels of the image given: the median step from one
   * glyph to the next as OCR placed them (ICAO's 2.54 mm, so the document's scale). Null when too
   * few glyphs were placed.
   */
  readonly pitchPx: number | null;
}

export interface ReadMrzOptions<S extends PixelSpace = PixelSpace> {
  /** 0.6 on a rectified document; lower on a whole photo, where the document may be small. */
  readonly minLineShare: number;
  /** Quarter turns to try, in order. */
  readonly turns: readonly number[];
  /**
   * Crop the whole width of the image round a band: on a rectified document the MRZ spans it, and
   * the faint `<` fillers at a line's end often fall outside the band as located.
   */
  readonly fullWidth: boolean;
  /** Bands of fewer lines are not read (1 unless given). */
  readonly minLines?: number;
  readonly signal?: AbortSignal;
  /**
   * Told of each band whose rows are a format's code lines (codeSighting.ts), read or not: where none
   * reads, the rows still bound the document (steps/fitOutlineToMrz.ts).
   */
  readonly onCodeSighting?: (sighting: CodeSighting<S>) => void;
}

export async function readMrz<S extends PixelSpace>(
  engines: Engines,
  image: MrzImage<S>,
  options: ReadMrzOptions<S>,
): Promise<MrzResult<S> | null> {
  let fallback: MrzResult<S> | null = null;
  for (const turns of options.turns) {
    options.signal?.throwIfAborted();
    const upright = image.turned(turns);
    const bands = locateMrzBands(engines.cv, upright.search(), options.minLineShare).slice(0, 2);
    for (const band of bands) {
      options.signal?.throwIfAborted();
      if (band.lineCount < (options.minLines ?? 1) || !isMrzLength(upright, band, options.fullWidth))
        continue;
      const result = await readBand<S>(engines, upright, band, turns, options);
      if (!result) continue;
      if (!fallback || validCount(result) > validCount(fallback)) fallback = result;
      // Most checks holding means this is the MRZ and this way up: another OCR pass would not help.
      if (validCount(result) * 2 >= result.reading.checks.length) return fallback;
    }
  }
  return fallback;
}

const validCount = (result: { readonly reading: MrzReading }) =>
  result.reading.checks.filter((check) => check.valid).length;

/** `image` is the image given, turned upright by `quarterTurns`; the box found is the given image's. */
async function readBand<S extends PixelSpace>(
  engines: Engines,
  image: MrzImage<'upright'>,
  band: MrzBand,
  quarterTurns: number,
  options: Pick<ReadMrzOptions<S>, 'fullWidth' | 'onCodeSighting'>,
): Promise<MrzResult<S> | null> {
  const { fullWidth, onCodeSighting } = options;
  const region = fullWidth ? { ...band, box: { ...band.box, x: 0, width: image.width } } : band;
  const margined = marginedRegion(image, region);
  const pixels = image.region(margined);
  const onRows =
    onCodeSighting &&
    ((rows: readonly CodeRowShape[], cropPxPerPx: number) => {
      const lines = codeLinesOf(rows);
      if (!lines) return;
      const box = unturnBox<S>(band.box, quarterTurns, image.width, image.height);
      onCodeSighting({ format: lines.format, box, quarterTurns, pitchPx: lines.pitchPx / cropPxPerPx });
    });
  let read = await readAtScales(engines, pixels, region.lineHeight, OCR_GLYPH_HEIGHTS_PX, fullWidth, onRows);
  // Colour printed over the code (a stamp across it) reads as ink on luminance: once more on the MRZ's
  // ink (mrzInk), where it fades, when the lines stack as an MRZ's do but did not read wholly, and
  // strong colour is there to fade.
  const ink = !read?.consistent && band.lineCount >= 2 ? image.inkRegion(margined) : null;
  if (ink && colourShare(pixels, ink) >= OVERPRINT_SHARE) {
    const inkRead = await readAtScales(engines, ink, region.lineHeight, [OCR_GLYPH_HEIGHTS_PX[0]], fullWidth);
    // Only a whole reading replaces luminance's: on a code misprinted on purpose (a specimen's `<`
    // for a check digit), a part-read on the ink made a wrong repair hold where luminance's did not.
    if (inkRead?.consistent) read = inkRead;
  }
  // Marks just past the code's end (handwriting, a stamp) garble the lines they share a row with: once
  // more, up to the name line's end, when the first read saw marks there and did not read wholly.
  if (read && !read.consistent && read.codeEndPx !== null) {
    const cut = cropGrey(pixels, rectIn('upright', 0, 0, Math.round(read.codeEndPx), pixels.height));
    const cutRead = await readAtScales(engines, cut, region.lineHeight, [OCR_GLYPH_HEIGHTS_PX[0]], fullWidth);
    if (cutRead && (cutRead.consistent || validChecks(cutRead) > validChecks(read))) read = cutRead;
  }
  if (!read || !isPlausibleReading(read.layout, read.reading)) return null;
  const box = unturnBox<S>(band.box, quarterTurns, image.width, image.height);
  const sure = readForCertain(read.layout, read.first, read.combined, read.reading);
  const doubtfulFields = doubtfulFailures(read.layout, read.reading, sure);
  const reading = {
    ...read.reading,
    ...(doubtfulFields.length > 0 && { doubtfulFields }),
    ...(isExpiryReadForCertain(read.layout, sure) && { expiryReadForCertain: true }),
  };
  return { reading, glyphHeightPx: band.lineHeight, quarterTurns, box, pitchPx: read.pitchPx };
}

/** One band's reading, from OCR at one or more glyph heights. */
interface BandRead {
  readonly layout: MrzLayout;
  /** The first read, and the evidence of all reads averaged. */
  readonly first: MrzRead;
  readonly combined: MrzRead;
  readonly reading: MrzReading;
  readonly pitchPx: number | null;
  /** Every check holds and nothing a further read could settle is in doubt. */
  readonly consistent: boolean;
  /** Where the first read saw the code end before marks beside it (codeEndBeforeMarks), band pixels. */
  readonly codeEndPx: number | null;
}

const validChecks = (read: BandRead) => read.reading.checks.filter((check) => check.valid).length;

/**
 * OCR at each glyph height in turn until the reading is consistent, the reads combined; null when
 * the band shows no row shaped like a code line or the first read finds no MRZ (other scales will not
 * either), and no further read when the first is no plausible code.
 */
async function readAtScales(
  engines: Engines,
  pixels: GreyImage,
  lineHeight: number,
  glyphHeights: readonly number[],
  onDocument: boolean,
  onRows?: (rows: readonly CodeRowShape[], cropPxPerPx: number) => void,
): Promise<BandRead | null> {
  const reads: { layout: MrzLayout; read: MrzRead; codeByOutlines?: true }[] = [];
  let pitchPx: number | null = null;
  let codeEndPx: number | null = null;
  let result: BandRead | null = null;
  let settled: (SettledReading & { pitchPx: number | null }) | null = null;
  for (const glyphHeight of glyphHeights) {
    const crop = cropForOcr(engines, pixels, lineHeight, glyphHeight);
    // Only a band with a row of marks at a code's even pitch is worth an OCR read (codeLineShape.ts).
    if (reads.length === 0) {
      const rows = measureCodeRows(engines.cv, crop, glyphHeight);
      onRows?.(rows, crop.width / pixels.width);
      if (!hasCodeRow(rows)) return null;
      // A clean code is read by OCR-B's outlines alone, with no tesseract call (settleByOutlines.ts).
      const own = settleByOutlines(engines.cv, crop, glyphHeight);
      settled = own && { ...own, pitchPx: glyphPitch(own.lines, crop.width / pixels.width) };
      if (settled && !readerComparisonListener()) return settledRead(settled);
    }
    const lines = await engines.ocr.readMrz(crop);
    pitchPx ??= glyphPitch(lines, crop.width / pixels.width);
    if (reads.length === 0) codeEndPx = scaledBack(codeEndBeforeMarks(lines), crop.width / pixels.width);
    const shaped = shapeMrzLines(lines.map((line) => readGlyphs(crop, line.glyphs)));
    if (shaped && (reads.length === 0 || shaped.layout === reads[0]!.layout)) reads.push(shaped);
    if (reads.length === 0) break;
    const { layout, read: first } = reads[0]!;
    const combined = combineReadings(reads.map((r) => r.read));
    const reading = repairMrz(layout, combined);
    const consistent = isConsistentReading(layout, reading) && !hasDoubtfulGlyph(layout, combined);
    result = { layout, first, combined, reading, pitchPx, consistent, codeEndPx };
    if (consistent || !isWorthReadingAgain(layout, reading, reads.length, onDocument)) break;
  }
  // A document code OCR-B's outlines read where tesseract's read none (shapeMrzLines.ts) is guarded by
  // no check digit: the rest of the code must vouch for it, every check holding and the issuer a state.
  // Blurred fixture cards (blur-5), their codes unreadable, otherwise made a code whose expiry failed
  // in-date and an issuer no accepted document's.
  if (result && reads[0]?.codeByOutlines && !isConsistentReading(result.layout, result.reading))
    result = null;
  if (settled) {
    readerComparisonListener()?.({
      own: settled.reading.lines,
      tesseract: result?.reading.lines ?? null,
      tesseractConsistent: result?.consistent ?? false,
    });
    return settledRead(settled);
  }
  return result;
}

const settledRead = (own: SettledReading & { pitchPx: number | null }): BandRead => ({
  layout: own.layout,
  first: own.read,
  combined: own.read,
  reading: own.reading,
  pitchPx: own.pitchPx,
  consistent: true,
  codeEndPx: null,
});

const scaledBack = (x: number | null, scale: number) => (x === null ? null : x / scale);

/** The share of a band's pixels in strong colour (COLOUR_LIFT), which the MRZ's black print is not. */
function colourShare(luma: GreyImage, ink: GreyImage): number {
  let coloured = 0;
  for (let i = 0; i < luma.data.length; i++) if (ink.data[i]! - luma.data[i]! > COLOUR_LIFT) coloured++;
  return coloured / Math.max(1, luma.data.length);
}

/**
 * The median step between neighbouring glyphs' left edges over the lines read, in the band's pixels
 * (`scale`: crop pixels per band pixel). A glyph OCR dropped doubles one step; the median ignores it.
 */
function glyphPitch(
  lines: readonly { readonly glyphs: readonly OcrGlyph[] }[],
  scale: number,
): number | null {
  const steps = lines
    .filter((line) => line.glyphs.length >= 20)
    .flatMap((line) =>
      line.glyphs.slice(1).map((glyph, i) => (glyph.box.x0 - line.glyphs[i]!.box.x0) / scale),
    )
    .filter((step) => step > 0)
    .sort((a, b) => a - b);
  return steps.length >= 20 ? steps[Math.floor(steps.length / 2)]! : null;
}

/** The band with a margin of 0.9 line heights, in whole pixels inside the image. */
function marginedRegion(image: MrzImage<'upright'>, band: MrzBand): Rect<'upright'> {
  const margin = band.lineHeight * 0.9;
  const x0 = Math.max(0, Math.floor(band.box.x - margin));
  const y0 = Math.max(0, Math.floor(band.box.y - margin));
  const x1 = Math.min(image.width, Math.ceil(band.box.x + band.box.width + margin));
  const y1 = Math.min(image.height, Math.ceil(band.box.y + band.box.height + margin));
  return rectIn('upright', x0, y0, x1 - x0, y1 - y0);
}

/** Tesseract's glyphs, each with its likeness to every OCR-B character. */
function readGlyphs(crop: GreyImage, glyphs: readonly OcrGlyph[]): ReadGlyph[] {
  const inks = glyphInks(
    crop,
    glyphs.map((glyph) => glyph.box),
  );
  const likeness = scoreGlyphs(crop, glyphs, inks);
  const shapes = glyphShapes(crop, glyphs, inks);
  return glyphs.map((glyph, i) => ({
    char: glyph.char,
    confidence: glyph.confidence,
    likeness: likeness[i]!,
    xSpan: [glyph.box.x0, glyph.box.x1],
    shape: shapes[i]!,
  }));
}
