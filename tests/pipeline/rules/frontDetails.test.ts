import { describe, expect, it } from 'vitest';
import { judgeCardFrontDetails } from '../../../src/pipeline/rules/frontDetails.ts';

describe('judgeCardFrontDetails', () => {
  it('says the code is on the back and asks for a photo of it', () => {
    expect(judgeCardFrontDetails({ kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' })).toStrictEqual({
      id: 'valid-details',
      status: 'unsure',
      reason: 'card-front',
      message:
        'This is the front of your ID card. The code we check (rows of letters, numbers and <<<) is on the back.',
      advice: 'Turn your ID card over and take a photo of the back, the side with the code.',
      evidence: { side: 'front', kind: 'id-card', issuer: 'FRA' },
    });
  });
});
