import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_TABLE, acceptanceOf } from '../../../src/pipeline/rules/acceptedDocuments.ts';
import { isDeadEnd, RULE_TEXTS, WAY_FORWARD } from '../../../src/pipeline/rules/texts.ts';

const advice = (row: (typeof ACCEPTANCE_TABLE)[number]) => RULE_TEXTS['accepted-document'][row.reason].advice;

describe('ACCEPTANCE_TABLE', () => {
  it('cites NHS login’s list of April 2024 on every row', () => {
    expect(ACCEPTANCE_TABLE.filter((row) => !row.source.startsWith('[NHS-LOGIN-2024]'))).toStrictEqual([]);
  });

  it('says on every refusal that a new photo will not help, and gives advice wherever it is unsure', () => {
    const refusals = ACCEPTANCE_TABLE.filter((row) => row.status === 'fail');
    expect(refusals.filter((row) => !advice(row).startsWith(WAY_FORWARD.newPhotoWillNotHelp))).toStrictEqual(
      [],
    );
    expect(refusals.filter((row) => !isDeadEnd({ status: row.status, advice: advice(row) }))).toStrictEqual(
      [],
    );
    expect(ACCEPTANCE_TABLE.filter((row) => row.status === 'unsure' && advice(row) === '')).toStrictEqual([]);
    expect(ACCEPTANCE_TABLE.filter((row) => row.status === 'pass' && advice(row) !== '')).toStrictEqual([]);
  });

  it('has no exceptions left for Syrian passports or Greek identity cards', () => {
    expect([acceptanceOf('passport', 'SYR')?.reason, acceptanceOf('id-card', 'GRC')?.reason]).toStrictEqual([
      'passport',
      'european-id-card',
    ]);
  });
});

describe('acceptanceOf', () => {
  it('follows NHS login’s list, row by row', () => {
    const cases: [Parameters<typeof acceptanceOf>, string, string][] = [
      [['passport', 'USA'], 'pass', 'passport'],
      [['id-card', 'FRA'], 'pass', 'european-id-card'],
      [['id-card', 'NOR'], 'pass', 'european-id-card'],
      [['id-card', 'CHE'], 'pass', 'european-id-card'],
      [['id-card', 'SRB'], 'unsure', 'other-european-id-card'],
      [['id-card', 'TUR'], 'unsure', 'other-european-id-card'],
      [['id-card', 'GBR'], 'unsure', 'uk-card'],
      [['id-card', 'CHN'], 'fail', 'other-id-card'],
      [['id-card', 'USA'], 'fail', 'other-id-card'],
      [['residence-permit', 'GBR'], 'pass', 'uk-residence-permit'],
      [['residence-permit', 'FRA'], 'fail', 'other-residence-permit'],
      [['visa', 'GBR'], 'pass', 'uk-entry-clearance-visa'],
      [['visa', 'EST'], 'fail', 'visa'],
      [['uk-driving-licence', 'GBR', true], 'pass', 'uk-driving-licence'],
      [['eu-driving-licence', 'BEL', true], 'fail', 'eu-provisional-licence'],
      [['eu-driving-licence', 'BEL', false], 'pass', 'eu-driving-licence'],
      [['other', null], 'fail', 'other-document'],
    ];
    expect(
      cases.map(([args]) => {
        const row = acceptanceOf(...args);
        return [args, row?.status, row?.reason];
      }),
    ).toStrictEqual(cases);
  });

  it('takes a licence not known to be provisional as full (a learner permit says so in its title)', () => {
    expect(acceptanceOf('eu-driving-licence', 'FRA', null)?.status).toBe('pass');
  });

  it('has no answer when acceptance turns on an issuer that was not read, or that names no state', () => {
    expect([
      acceptanceOf('id-card', null),
      acceptanceOf('residence-permit', null),
      acceptanceOf('visa', null),
      // The issuer has no check digit: a code that names no state is a misread, not a foreign card.
      acceptanceOf('id-card', 'QQQ'),
      acceptanceOf('id-card', 'UTO'),
    ]).toStrictEqual([null, null, null, null, null]);
    expect(acceptanceOf('uk-driving-licence', null)?.status).toBe('pass');
  });
});
