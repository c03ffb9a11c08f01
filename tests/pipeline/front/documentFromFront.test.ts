import { describe, expect, it } from 'vitest';
import { documentFromFront, isFrontExpiryTrusted } from '../../../src/pipeline/front/documentFromFront.ts';
import type { FrontReading, LicenceReading } from '../../../src/pipeline/types.ts';

// What readDocumentFront returns for irl-learner-permit-clean-1.jpg.
const LEARNER_PERMIT: LicenceReading = {
  kind: 'eu-driving-licence',
  issuer: 'IRL',
  issuerFrom: 'sign',
  sign: 'IRL',
  provisional: true,
  expiry: '2027-08-31',
  expiryFrom: '4b',
  birthDate: '2007-06-30',
  driverNumber: null,
  driverNumberConsistent: null,
};
const LEARNER: FrontReading = { kind: 'licence', licence: LEARNER_PERMIT };
const CARD_FRONT: FrontReading = {
  kind: 'card-front',
  card: { kind: 'id-card', issuer: 'FRA', expiry: null },
};

describe('documentFromFront', () => {
  it('summarises a licence, provisional or not', () => {
    expect(documentFromFront(LEARNER)).toStrictEqual({
      kind: 'eu-driving-licence',
      issuer: 'IRL',
      expiry: '2027-08-31',
      mrz: null,
      provisional: true,
    });
  });

  it('summarises a card front, where provisional means nothing', () => {
    expect(documentFromFront(CARD_FRONT)).toStrictEqual({
      kind: 'id-card',
      issuer: 'FRA',
      expiry: null,
      mrz: null,
      provisional: null,
    });
  });
});

describe("documentFromFront on another state's ID", () => {
  it('keeps the expiry under its label for in-date to judge, and trusts it', () => {
    const usLicence: FrontReading = {
      kind: 'not-an-id',
      notAnId: { seen: 'non-european-licence', expiry: '2023-02-01' },
    };
    expect(documentFromFront(usLicence)).toStrictEqual({
      kind: 'other',
      issuer: null,
      expiry: '2023-02-01',
      mrz: null,
      provisional: null,
    });
    const bankCard: FrontReading = { kind: 'not-an-id', notAnId: { seen: 'bank-card' } };
    expect([usLicence, bankCard].map(isFrontExpiryTrusted)).toStrictEqual([true, false]);
  });
});

describe('isFrontExpiryTrusted', () => {
  it('trusts a labelled or latest date, and nothing when no date was read', () => {
    const unlabelled: FrontReading = {
      kind: 'licence',
      licence: { ...LEARNER_PERMIT, expiry: null, expiryFrom: null },
    };
    expect([LEARNER, unlabelled, CARD_FRONT].map(isFrontExpiryTrusted)).toStrictEqual([true, false, false]);
  });
});
