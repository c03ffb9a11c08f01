/**
 * Issue 12 (four-corners on flat scans): a card whose only border is a thin drawn line on white (a
 * specimen's 2-px grey rounded frame, as passporteye's 77_card-cmw), filling the scan to within a
 * few pixels of its edge. The 5-px median the outline search smooths with erases such a line; the
 * thin-border search finds it. Drawn now with sharp from SVG.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { convexIoU } from '../../../src/pipeline/geometry.ts';
import { findDocumentOutline, scaleQuad } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { shrinkRgbaToFit } from '../../../src/pipeline/resizeArea.ts';
import { cornersOf } from '../../../src/pipeline/rules/measures.ts';
import { judgeFourCorners } from '../../../src/pipeline/rules/fourCorners.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import type { AnalysisPoint, RgbaImage } from '../../../src/pipeline/types.ts';
import type { DocumentOutline } from '../../../src/pipeline/outline/judgeQuad.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

const [WIDTH, HEIGHT, INSET] = [984, 608, 12];

/** A white card with black print on white, its border a `stroke`-px grey rounded line (or none). */
async function whiteCard(stroke: number | null): Promise<RgbaImage> {
  const border =
    stroke === null
      ? ''
      : `<rect x="${INSET}" y="${INSET}" width="${WIDTH - 2 * INSET}" height="${HEIGHT - 2 * INSET}" ` +
        `rx="40" fill="none" stroke="#b0b0b0" stroke-width="${stroke}"/>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${border}` +
    `<circle cx="170" cy="110" r="60" fill="none" stroke="#111" stroke-width="6"/>` +
    `<rect x="420" y="40" width="420" height="100" fill="#222"/>` +
    `<rect x="40" y="160" width="740" height="34" fill="#000"/>` +
    `<text x="90" y="360" font-family="OCR B" font-size="44" fill="#111">IDCMW&lt;512849702&lt;&lt;&lt;&lt;&lt;&lt;&lt;</text>` +
    `<text x="90" y="420" font-family="OCR B" font-size="44" fill="#111">6104128M1402209CMW&lt;&lt;&lt;&lt;1</text>` +
    `</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return shrinkRgbaToFit(cv, { width: info.width, height: info.height, data }, ANALYSIS_SIDE_PX);
}

/** four-corners on the outline found (its quad taken to the photo's pixels; the rule reads no points). */
const judged = (outline: DocumentOutline<AnalysisPoint> | null) => {
  const rule = judgeFourCorners(cornersOf(outline && { ...outline, quad: scaleQuad(outline.quad, 1) }));
  return { status: rule.status, reason: rule.reason };
};

describe('four-corners on a card whose border is a thin drawn line on white', () => {
  it('finds the card by its 2-px border 12 px in from the scan edge, and passes all four corners', async () => {
    const image = await whiteCard(2);
    const outline = findDocumentOutline(cv, image);
    expect(outline).not.toBeNull();
    const scale = image.width / WIDTH;
    const [x0, y0, x1, y1] = [
      INSET * scale,
      INSET * scale,
      (WIDTH - INSET) * scale,
      (HEIGHT - INSET) * scale,
    ];
    const truth = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ] as const;
    expect(convexIoU(outline!.quad, truth)).toBeGreaterThan(0.95);
    expect(judged(outline)).toStrictEqual({ status: 'pass', reason: 'all-in' });
  });

  it('without the border there is no card to find: four-corners fails, not found', async () => {
    expect(judged(findDocumentOutline(cv, await whiteCard(null)))).toStrictEqual({
      status: 'fail',
      reason: 'not-found',
    });
  });
});
