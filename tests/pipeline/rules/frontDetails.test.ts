import { describe, expect, it } from 'vitest';
import { judgeCardFrontDetails } from '../../../src/pipeline/rules/frontDetails.ts';

describe('judgeCardFrontDetails', () => {
  it('says the front is the photo to upload, and offers a check of the back for its code', () => {
    expect(judgeCardFrontDetails({ kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' })).toStrictEqual({
      id: 'valid-details',
      status: 'unsure',
      reason: 'card-front',
      message:
        'This is the front of your ID card, the side with your face: the photo to upload to NHS login. The code we check (rows of letters, numbers and <<<) is on the back.',
      advice:
        'Upload this photo of the front to NHS login. To have the details in the code checked too, you can also check a photo of the back of your ID card.',
      evidence: { side: 'front', kind: 'id-card', issuer: 'FRA' },
    });
  });
});
