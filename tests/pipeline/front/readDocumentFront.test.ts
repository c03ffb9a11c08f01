import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { readDocumentFront, turnHalf } from '../../../src/pipeline/front/readDocumentFront.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

describe('readDocumentFront on rectified fixtures', () => {
  it('reads a Belgian provisional licence, its issuer from the sign in its flag', async () => {
    const card = await rectifiedFixture(engines.cv, 'bel-provisional-licence-clean-1.jpg');
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'licence',
      licence: {
        kind: 'eu-driving-licence',
        issuer: 'BEL',
        issuerFrom: 'sign',
        sign: 'B',
        provisional: true,
        expiry: '2027-07-19',
        expiryFrom: '4b',
        birthDate: '2006-11-12',
        driverNumber: null,
        driverNumberConsistent: null,
      },
    });
  });

  it('reads a UK licence upside down, its sign included', async () => {
    const card = turnHalf(await rectifiedFixture(engines.cv, 'gbr-driving-licence-2-expired.jpg'));
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'licence',
      licence: {
        kind: 'uk-driving-licence',
        issuer: 'GBR',
        issuerFrom: 'sign',
        sign: 'UK',
        provisional: false,
        expiry: '2024-01-14',
        expiryFrom: '4b',
        birthDate: '1996-11-23',
        driverNumber: 'OKAFO961236C99LW',
        driverNumberConsistent: true,
      },
    });
  });

  it('reads the front of a French ID card: kind, issuer and the labelled expiry', async () => {
    const card = await rectifiedFixture(engines.cv, 'fra-id-card-front-clean-1.jpg');
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'card-front',
      card: { kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' },
    });
  });
});

describe('turnHalf', () => {
  it('turns a 2 × 1 image half a turn, pixel by pixel', () => {
    const image = { width: 2, height: 1, data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) };
    expect(turnHalf(image)).toStrictEqual({
      width: 2,
      height: 1,
      data: new Uint8Array([5, 6, 7, 8, 1, 2, 3, 4]),
    });
  });
});
