import { describe, expect, it } from 'vitest';
import { judgeFourCorners } from '../../../src/pipeline/rules/fourCorners.ts';

describe('judgeFourCorners', () => {
  it('names the cut-off corners', () => {
    const result = judgeFourCorners({
      found: true,
      missingCorners: ['top-left', 'bottom-left'],
      coveredCorners: [],
      offEdges: ['left'],
    });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('The top-left and bottom-left corners of your ID are cut off.');
  });
  it('claims a covered corner only where blur and glare have not broken the borders', () => {
    const covered = { found: true, missingCorners: [], coveredCorners: ['top-right'], offEdges: [] } as const;
    expect(judgeFourCorners(covered).message).toBe(
      'The top-right corner of your ID looks covered, perhaps by a finger.',
    );
    expect(judgeFourCorners({ ...covered, bordersClear: true }).status).toBe('fail');
    expect(judgeFourCorners({ ...covered, bordersClear: false }).status).toBe('pass');
  });
  it('is unsure where the MRZ puts the document but none of its edges were seen there (issue 12, item 2)', () => {
    const unseen = { found: true, missingCorners: [], coveredCorners: [], offEdges: [], edgesUnseen: true };
    const result = judgeFourCorners(unseen);
    expect({ status: result.status, message: result.message }).toStrictEqual({
      status: 'unsure',
      message:
        'We could not see the edges of your ID clearly enough to tell whether all 4 corners are in the photo.',
    });
    // A corner known to be off the photo is still a fail.
    expect(judgeFourCorners({ ...unseen, missingCorners: ['top-left'] }).status).toBe('fail');
  });
});
