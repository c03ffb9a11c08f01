import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_TABLE, acceptanceOf } from '../../../src/pipeline/rules/acceptedDocuments.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';

describe('ACCEPTANCE_TABLE', () => {
  it('cites a source for every row, and gives advice wherever it refuses', () => {
    expect(ACCEPTANCE_TABLE.filter((row) => !/^\[[A-Z-]+\]/u.test(row.source))).toStrictEqual([]);
    const advice = (row: (typeof ACCEPTANCE_TABLE)[number]) =>
      RULE_TEXTS['accepted-document'][row.reason].advice;
    expect(ACCEPTANCE_TABLE.filter((row) => !row.accepted && advice(row) === '')).toStrictEqual([]);
    expect(ACCEPTANCE_TABLE.filter((row) => row.accepted && advice(row) !== '')).toStrictEqual([]);
  });
});

describe('acceptanceOf', () => {
  it('picks the exception before the general row', () => {
    expect(acceptanceOf('eu-driving-licence', 'BEL', true)?.accepted).toBe(false);
    expect(acceptanceOf('eu-driving-licence', 'BEL', false)?.accepted).toBe(true);
    expect(acceptanceOf('id-card', 'GRC')?.accepted).toBe(false);
    expect(acceptanceOf('residence-permit', 'GBR')?.accepted).toBe(true);
  });

  it('takes a licence not known to be provisional as full (a learner permit says so in its title)', () => {
    expect(acceptanceOf('eu-driving-licence', 'FRA', null)?.accepted).toBe(true);
  });

  it('has no answer when acceptance turns on an issuer that was not read', () => {
    expect([acceptanceOf('id-card', null), acceptanceOf('residence-permit', null)]).toStrictEqual([
      null,
      null,
    ]);
    expect(acceptanceOf('uk-driving-licence', null)?.accepted).toBe(true);
  });
});
