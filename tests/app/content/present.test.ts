import { describe, expect, it } from 'vitest';
import { isDeadEndReport, nextSteps } from '../../../src/app/content/present.ts';
import { judgeAcceptedDocument } from '../../../src/pipeline/rules/acceptedDocument.ts';
import { judgeClearPhoto } from '../../../src/pipeline/rules/clearPhoto.ts';
import { judgeInDate } from '../../../src/pipeline/rules/inDate.ts';
import type { DocumentSummary, Measures } from '../../../src/pipeline/types.ts';

const visa = (expiry: string): DocumentSummary => ({
  kind: 'visa',
  issuer: 'USA',
  expiry,
  mrz: null,
  provisional: null,
});
const blurred: Measures = {
  imageWidth: 1600,
  imageHeight: 1200,
  documentAreaShare: 0.5,
  sharpness: 5,
  glare: 0,
  brightness: 200,
  darkestPrint: 20,
  textHeightPx: 30,
  printHeightPx: null,
  printSharpness: null,
  printReblurRatio: null,
  documentSeen: true,
};

describe('nextSteps and isDeadEndReport', () => {
  it('says once what to use instead where the document is refused, beside a retake’s advice', () => {
    const rules = [
      judgeClearPhoto(blurred),
      judgeInDate(visa('2020-01-01'), true, '2026-06-01'),
      judgeAcceptedDocument(visa('2020-01-01')),
    ];
    expect(isDeadEndReport(rules)).toBe(true);
    expect(nextSteps(rules)).toStrictEqual([
      'Hold the camera still, tap the screen to focus on your ID, and try again.',
      'Use a different photo ID that is in date, or that expired less than 12 months ago. NHS login accepts: a passport, a UK driving licence (full or provisional), a UK biometric residence permit (BRP), a UK residence card, a UK application registration card (ARC), a CitizenCard, a European driving licence (full), a European national identity card, or a valid UK entry clearance visa sticker.',
      'Use the passport the visa is in instead, or another photo ID. NHS login accepts: a passport, a UK driving licence (full or provisional), a UK biometric residence permit (BRP), a UK residence card, a UK application registration card (ARC), a CitizenCard, a European driving licence (full), a European national identity card, or a valid UK entry clearance visa sticker.',
    ]);
  });

  it('is no dead end where a retake can help', () => {
    const rules = [judgeClearPhoto(blurred), judgeInDate(visa('2026-01-01'), true, '2026-06-01')];
    expect([isDeadEndReport(rules), nextSteps(rules)]).toStrictEqual([
      false,
      ['Hold the camera still, tap the screen to focus on your ID, and try again.'],
    ]);
  });
});
