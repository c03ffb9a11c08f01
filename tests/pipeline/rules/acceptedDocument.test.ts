import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { ACCEPTED_DOCUMENT, judgeAcceptedDocument } from '../../../src/pipeline/rules/acceptedDocument.ts';
import type { CheckEvidence } from '../../../src/pipeline/rules/evidence.ts';
import {
  rectIn,
  type DocumentKind,
  type DocumentSummary,
  type Measures,
  type PortraitMeasure,
} from '../../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';

const documentOf = (
  kind: DocumentKind,
  issuer: string | null,
  expiry: string | null = null,
): DocumentSummary => ({
  kind,
  issuer,
  expiry,
  mrz: null,
  provisional: null,
});

const ACCEPTS =
  'NHS login accepts: a passport, a UK driving licence (full or provisional), a UK biometric residence permit (BRP), a UK residence card, a UK application registration card (ARC), a CitizenCard, a European driving licence (full), a European national identity card, or a valid UK entry clearance visa sticker.';
const WITHOUT_PHOTO_ID =
  'If you do not have other photo ID and your GP surgery is in England, you can prove who you are without photo ID: ask the surgery for your Linkage Key (it could be called Passphrase), ODS Code (Organisation Code or Practice ID) and Account ID. They will ask you to fill in a form. Each set of details can be used once. Or get help from the NHS login help centre: https://help.login.nhs.uk/';

describe('judgeAcceptedDocument', () => {
  // NHS login's list of April 2024 (see src/pipeline/rules/acceptedDocuments.ts).
  const cases: [DocumentKind, string | null, string][] = [
    ['passport', 'GBR', 'pass'],
    ['passport', 'USA', 'pass'],
    ['passport', 'SYR', 'pass'],
    ['id-card', 'FRA', 'pass'],
    ['id-card', 'NOR', 'pass'],
    ['id-card', 'GRC', 'pass'],
    ['id-card', 'CHE', 'pass'],
    ['id-card', 'MNE', 'unsure'],
    ['id-card', 'CHN', 'fail'],
    ['residence-permit', 'GBR', 'pass'],
    ['residence-permit', 'FRA', 'fail'],
    ['visa', 'GBR', 'pass'],
    ['visa', 'BGR', 'fail'],
    ['eu-driving-licence', 'FRA', 'pass'],
    ['uk-driving-licence', 'GBR', 'pass'],
    ['unknown', null, 'unsure'],
    // Whether these are accepted turns on the issuer, which was not read.
    ['id-card', null, 'unsure'],
    ['residence-permit', null, 'unsure'],
    ['visa', null, 'unsure'],
  ];
  it('says pass, fail or unsure as the list does', () => {
    expect(
      cases.map(([kind, issuer]) => [kind, issuer, judgeAcceptedDocument(documentOf(kind, issuer)).status]),
    ).toStrictEqual(cases);
  });

  it('refuses a learner or provisional European licence: a new photo will not help, and what will', () => {
    expect(
      judgeAcceptedDocument({ ...documentOf('eu-driving-licence', 'IRL'), provisional: true }),
    ).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      reason: 'eu-provisional-licence',
      message: 'Only full European driving licences are accepted, not learner or provisional ones.',
      advice: `A new photo will not fix this. Use your passport, your national identity card or a full driving licence instead. ${ACCEPTS} ${WITHOUT_PHOTO_ID}`,
      evidence: {
        kind: 'eu-driving-licence',
        issuer: 'IRL',
        provisional: true,
        source: '[NHS-LOGIN-2024] [EU-LEARNER]',
      },
    });
  });

  it('accepts a UK provisional licence', () => {
    const result = judgeAcceptedDocument({ ...documentOf('uk-driving-licence', 'GBR'), provisional: true });
    expect(result.status).toBe('pass');
  });

  it('accepts a UK entry clearance visa, and refuses other countries’ visas', () => {
    expect([
      judgeAcceptedDocument(documentOf('visa', 'GBR')),
      judgeAcceptedDocument(documentOf('visa', 'USA')),
    ]).toStrictEqual([
      {
        id: 'accepted-document',
        status: 'pass',
        reason: 'uk-entry-clearance-visa',
        message: 'UK entry clearance visas are accepted.',
        advice: '',
        evidence: { kind: 'visa', issuer: 'GBR', provisional: null, source: '[NHS-LOGIN-2024] [ICAO-9303]' },
      },
      {
        id: 'accepted-document',
        status: 'fail',
        reason: 'visa',
        message: 'NHS login accepts UK entry clearance visas only, not visas from other countries.',
        advice: `A new photo will not fix this. Use the passport the visa is in instead, or another photo ID. ${ACCEPTS} ${WITHOUT_PHOTO_ID}`,
        evidence: { kind: 'visa', issuer: 'USA', provisional: null, source: '[NHS-LOGIN-2024]' },
      },
    ]);
  });

  it('is unsure about another European state’s card, and says a passport is safest', () => {
    expect(judgeAcceptedDocument(documentOf('id-card', 'SRB'))).toStrictEqual({
      id: 'accepted-document',
      status: 'unsure',
      reason: 'other-european-id-card',
      message:
        'NHS login accepts European national identity cards, but does not say which European countries count. It may not accept a card from this country.',
      advice:
        'Using your passport is safest. An identity card from an EU country, Iceland, Liechtenstein, Norway or Switzerland is also accepted.',
      evidence: { kind: 'id-card', issuer: 'SRB', provisional: null, source: '[NHS-LOGIN-2024] [EUROPE]' },
    });
  });

  it('refuses another country’s residence permit, and says what to use instead', () => {
    expect(judgeAcceptedDocument(documentOf('residence-permit', 'FRA'))).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      reason: 'other-residence-permit',
      message: 'NHS login accepts residence permits from the UK only, not from other countries.',
      advice: `A new photo will not fix this. Use your passport instead, or your national identity card if a European country issued it. ${ACCEPTS} ${WITHOUT_PHOTO_ID}`,
      evidence: { kind: 'residence-permit', issuer: 'FRA', provisional: null, source: '[NHS-LOGIN-2024]' },
    });
  });

  it('fails a photo of a screen or a printout whatever it shows, in NHS login\u2019s words', () => {
    const medium = {
      medium: 'screen' as const,
      patches: 5,
      latticePatches: 5,
      peakRatio: 644.31,
      periodPx: 5.33,
      colourCoherence: 0.96,
    };
    expect(judgeAcceptedDocument(documentOf('passport', 'GBR'), medium)).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      reason: 'screen',
      message:
        'This looks like a photo of a screen. NHS login needs a photo of the document itself, not of a printout or a screen.',
      advice: 'Take a photo of your original photo ID itself, not of a picture of it on a screen.',
      evidence: { kind: 'passport', issuer: 'GBR', medium },
    });
    const printout = judgeAcceptedDocument(documentOf('id-card', 'FRA'), { ...medium, medium: 'printout' });
    expect([printout.status, printout.reason, printout.message]).toStrictEqual([
      'fail',
      'printout',
      'This looks like a photo of a printout. NHS login needs a photo of the document itself, not of a printout or a screen.',
    ]);
  });

  it('judges the document as usual when the photo is not known to be a screen or printout', () => {
    const medium = {
      medium: null,
      patches: 5,
      latticePatches: 0,
      peakRatio: 11.4,
      periodPx: null,
      colourCoherence: null,
    };
    expect(judgeAcceptedDocument(documentOf('passport', 'GBR'), medium)).toStrictEqual(
      judgeAcceptedDocument(documentOf('passport', 'GBR')),
    );
  });
});

describe('ACCEPTED_DOCUMENT on text with no sign of an ID', () => {
  const clear: Measures = {
    imageWidth: 3000,
    imageHeight: 4000,
    documentAreaShare: 0.2,
    sharpness: 2000,
    glare: 0,
    brightness: 190,
    darkestPrint: 23,
    textHeightPx: 33,
    printHeightPx: 25,
    printSharpness: 5000,
    printReblurRatio: 18,
    documentSeen: true,
  };
  /** A passport page's portrait zone (1600 px wide: 672 of it), and a face `width` px wide in it. */
  const portraitWithFace = (width: number): PortraitMeasure => ({
    expected: true,
    zone: rectIn('document', 0, 0, 672, 856),
    face: { box: rectIn('document', 200, 300, width, width), score: 0.73 },
    judgedOver: 'face',
    glare: 0,
    covered: 0,
  });
  const evidence = (portrait: PortraitMeasure): CheckEvidence => ({
    corners: { found: true, missingCorners: [], coveredCorners: [], offEdges: [] },
    measures: { ...clear, portrait },
    today: '2026-12-01',
    document: documentOf('unknown', null),
    expiryConfirmed: false,
    mrz: null,
    front: { kind: 'not-an-id', notAnId: { seen: null } },
    sign: null,
    side: null,
    medium: null,
  });

  it('is unsure where a face a portrait could hold stands in the portrait zone: an ID it could not read', () => {
    // 0.15 of the page's width: the smallest faces on ../shared's passports were 0.12.
    const judged = ACCEPTED_DOCUMENT.judge(evidence(portraitWithFace(240)));
    expect([judged.status, judged.reason]).toStrictEqual(['unsure', 'unknown-kind']);
  });

  it('fails, as no photo ID, where the face is narrower than any ICAO portrait holds (a figure in a picture)', () => {
    // 0.087 of the page's width: a fashion model's face on a magazine page (real-photos' glare-1001).
    const judged = ACCEPTED_DOCUMENT.judge(evidence(portraitWithFace(139)));
    expect([judged.status, judged.reason]).toStrictEqual(['fail', 'not-an-id']);
  });
});

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

describe.skipIf(!existsSync(REAL_PHOTOS))('ACCEPTED_DOCUMENT on a real magazine spread', () => {
  let engines: Engines;
  beforeAll(async () => {
    engines = await loadNodeEngines();
  });
  afterAll(async () => {
    await engines?.ocr.terminate();
  });

  it('fails an open fashion magazine turned a quarter, whose picture shows a face where a portrait would be', async () => {
    // mapo80's glare-1001: the outline takes part of a page for a passport page; the model standing
    // full length in its picture has a face 0.087 of its width, where ICAO's smallest portrait's is 0.10.
    const photo = await decodePhotoForCheck(await readFile(join(REAL_PHOTOS, 'mapo80-glare/glare-1001.jpg')));
    const report = await checkDocument(photo, engines, { today: '2026-12-01' });
    const judged = report.rules.find((rule) => rule.id === 'accepted-document')!;
    expect([judged.status, judged.reason]).toStrictEqual(['fail', 'not-an-id']);
  }, 60_000);
});
