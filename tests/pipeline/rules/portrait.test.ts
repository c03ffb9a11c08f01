import { describe, expect, it } from 'vitest';
import { judgeClearPhoto } from '../../../src/pipeline/rules/clearPhoto.ts';
import { PORTRAIT_LIMITS, portraitProblemOf } from '../../../src/pipeline/rules/portrait.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
import { rectIn, type Measures, type PortraitMeasure } from '../../../src/pipeline/types.ts';

const FACE: PortraitMeasure = {
  expected: true,
  zone: rectIn('document', 0, 0, 460, 690),
  face: { box: rectIn('document', 130, 290, 150, 150), score: 0.95 },
  judgedOver: 'face',
  glare: 0,
  covered: 0,
};

const CLEAR: Measures = {
  imageWidth: 1600,
  imageHeight: 1200,
  documentAreaShare: 0.4,
  sharpness: 900,
  glare: 0,
  brightness: 200,
  darkestPrint: 20,
  textHeightPx: 20,
  printHeightPx: 20,
  printSharpness: 900,
  printReblurRatio: 4,
  documentSeen: true,
};

describe('portraitProblemOf', () => {
  it('names shine first, then a finger, each past its limit for what was judged', () => {
    const limits = PORTRAIT_LIMITS;
    const cases: [Partial<PortraitMeasure>, ReturnType<typeof portraitProblemOf>][] = [
      [{}, null],
      [{ glare: limits.maxGlareOverFace }, null],
      [{ glare: limits.maxGlareOverFace + 0.01 }, 'glare-over-portrait'],
      [{ glare: 0.5, covered: 0.5 }, 'glare-over-portrait'],
      [{ covered: limits.maxCoveredFace + 0.01 }, 'portrait-covered'],
      // With no face found, only where the face should be is judged, against the higher bars.
      [{ face: null, judgedOver: 'expected-face', glare: limits.maxGlareOverFace + 0.01 }, null],
      [
        { face: null, judgedOver: 'expected-face', glare: limits.maxGlareOverExpectedFace + 0.01 },
        'glare-over-portrait',
      ],
      [
        { face: null, judgedOver: 'expected-face', covered: limits.maxCoveredExpectedFace + 0.01 },
        'portrait-covered',
      ],
      // A card's back: nothing judged, whatever lies there.
      [{ expected: false, face: null, judgedOver: null, glare: 0, covered: 0 }, null],
    ];
    for (const [change, problem] of cases) expect(portraitProblemOf({ ...FACE, ...change })).toBe(problem);
    expect(portraitProblemOf(undefined)).toBeNull();
  });
});

describe('clear-photo with the portrait', () => {
  it('fails shine over the face in NHS login’s words, before glare elsewhere, and a finger after it', () => {
    const shine = judgeClearPhoto({ ...CLEAR, glare: 0.1, portrait: { ...FACE, glare: 0.6 } });
    expect([shine.status, shine.message]).toStrictEqual([
      'fail',
      RULE_TEXTS['clear-photo']['glare-over-portrait'].message,
    ]);
    expect(shine.message).toBe('There is shine over the photo of your face.');
    const finger = judgeClearPhoto({ ...CLEAR, portrait: { ...FACE, covered: 0.6 } });
    expect([finger.status, finger.message]).toStrictEqual([
      'fail',
      RULE_TEXTS['clear-photo']['portrait-covered'].message,
    ]);
    const glareElsewhere = judgeClearPhoto({ ...CLEAR, glare: 0.1, portrait: { ...FACE, covered: 0.6 } });
    expect(glareElsewhere.message).toBe(RULE_TEXTS['clear-photo'].glare.message);
  });

  it('passes a clear photo whose face was found, and carries the face in its evidence', () => {
    const result = judgeClearPhoto({ ...CLEAR, portrait: FACE });
    expect(result.status).toBe('pass');
    expect((result.evidence as unknown as Measures).portrait).toStrictEqual(FACE);
  });
});
