/**
 * readDocument (via checkDocument): where no outline was found, the photo stands in for the document
 * and is read, whichever way up it was taken.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

/** A gift certificate's print filling the whole frame: no edge of it is in the photo to outline. */
async function voucherFillingTheFrame(): Promise<Buffer> {
  const lines = [
    'GIFT CERTIFICATE',
    'Redeemable at any of our stores',
    'for goods to the value of',
    'TWENTY POUNDS',
    'Valid for twelve months from the date of issue',
    'Not exchangeable for cash',
  ];
  const text = lines
    .map(
      (line, i) =>
        `<text x="40" y="${90 + i * 70}" font-family="DejaVu Sans" font-size="${i === 0 ? 48 : 30}" fill="#222">${line}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="520"><rect width="900" height="520" fill="#f4efe4"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('readDocument with no outline', () => {
  it('reads the photo itself, upright, on its side or upside down: a voucher is no ID', async () => {
    const voucher = await voucherFillingTheFrame();
    const seen = [];
    for (const angle of [0, 90, 180]) {
      const turned = await sharp(voucher).rotate(angle).png().toBuffer();
      const report = await checkDocument(await decodePhotoForCheck(turned), engines, { today: '2026-06-01' });
      const rule = report.rules.find((r) => r.id === 'accepted-document')!;
      seen.push({ outline: report.outline, status: rule.status, reason: rule.reason });
    }
    expect(seen).toStrictEqual(
      Array.from({ length: 3 }, () => ({ outline: null, status: 'fail', reason: 'voucher' })),
    );
  }, 120_000);
});
