import { describe, expect, it } from 'vitest';
import { kindFromDocumentCode } from '../../../src/pipeline/mrz/documentCodes.ts';

describe('kindFromDocumentCode', () => {
  it('reads residence permits from the second letter R (ICAO 9303 part 5; the UK BRP is IR)', () => {
    expect(['IR', 'ID', 'I<', 'P<', 'V<'].map((code) => kindFromDocumentCode(code, 'TD1'))).toStrictEqual([
      'residence-permit',
      'id-card',
      'id-card',
      'passport',
      'visa',
    ]);
  });
});
