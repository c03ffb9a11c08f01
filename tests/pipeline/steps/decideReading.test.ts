import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { readyPhoto, type CheckReport, type PendingPhoto } from '../../../src/pipeline/types.ts';
import { FACE_SCENES, renderFaceScene } from '../../../scripts/rehearsal/faceScenes.ts';
import { FIXTURES_DIR, loadManifest } from '../../support/fixtures.ts';

const manifest = loadManifest();

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

/** The check of `photo` by the real engines, counting the OCR reads it asked for. */
async function checkCountingReads(photo: PendingPhoto) {
  const reads = { mrz: 0, printedText: 0 };
  const { ocr } = engines;
  const counting: Engines = {
    ...engines,
    ocr: {
      ...ocr,
      readMrz: (image, signal) => (reads.mrz++, ocr.readMrz(image, signal)),
      readPrintedText: (image, signal) => (reads.printedText++, ocr.readPrintedText(image, signal)),
    },
  };
  const report = await checkDocument(photo, counting, { today: manifest.today });
  return { report, reads };
}

const fixturePhoto = async (file: string) => decodePhotoForCheck(await readFile(join(FIXTURES_DIR, file)));

const statuses = (report: CheckReport) => report.rules.map((rule) => [rule.id, rule.status]);

describe('decideReading, through the check', () => {
  it('judges a photo of a person without the MRZ search going on or the front reader', async () => {
    const person = await renderFaceScene(FACE_SCENES['one-framed-face']);
    const { report, reads } = await checkCountingReads(readyPhoto(person));
    expect({
      notRead: report.notRead,
      accepted: report.rules.find((rule) => rule.id === 'accepted-document')?.reason,
      mrzReadsAtMostTheOneUnderWay: reads.mrz <= 1,
      printedText: reads.printedText,
    }).toStrictEqual({
      notRead: 'photo-of-people',
      accepted: 'photo-of-people',
      mrzReadsAtMostTheOneUnderWay: true,
      printedText: 0,
    });
  });

  it('judges a licence blurred past reading at once: clear-photo fails, the reading rules are unsure', async () => {
    const { report, reads } = await checkCountingReads(await fixturePhoto('fra-driving-licence-blur-8.jpg'));
    expect({
      notRead: report.notRead,
      rules: statuses(report),
      mrzReadsAtMostTheOneUnderWay: reads.mrz <= 1,
      printedText: reads.printedText,
    }).toStrictEqual({
      notRead: 'too-blurred',
      rules: [
        // The only outline found is the portrait's frame, with the licence's print round it: its
        // corners are not the licence's (steps/outlineHoldsPrint.ts).
        ['four-corners', 'unsure'],
        ['clear-photo', 'fail'],
        ['in-date', 'unsure'],
        ['accepted-document', 'unsure'],
        ['valid-details', 'unsure'],
      ],
      mrzReadsAtMostTheOneUnderWay: true,
      printedText: 0,
    });
  });

  it('still reads a licence blurred less, whose large title survives the blur', async () => {
    const { report } = await checkCountingReads(await fixturePhoto('gbr-driving-licence-blur-5.jpg'));
    expect([report.notRead, report.document.kind]).toStrictEqual([undefined, 'uk-driving-licence']);
  });

  it('reads a sharp passport as before', async () => {
    const { report } = await checkCountingReads(await fixturePhoto('gbr-passport-clean-1.jpg'));
    expect([report.notRead, report.document.kind, report.verdict]).toStrictEqual([
      undefined,
      'passport',
      'pass',
    ]);
  });
});
