import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import {
  liftSignLetters,
  parseDistinguishingSign,
  readDistinguishingSign,
} from '../../../src/pipeline/front/readDistinguishingSign.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

describe('parseDistinguishingSign', () => {
  // As tesseract read the strip of three copies on our fixtures.
  it('takes a sign whose copies read alike, however the OCR split them into words and lines', () => {
    expect(
      [['FFF'], ['E E E'], ['UK UK UK'], ['IRL', 'IRL', 'IRL']].map((lines) =>
        parseDistinguishingSign(lines),
      ),
    ).toStrictEqual([
      { sign: 'F', issuer: 'FRA' },
      { sign: 'E', issuer: 'ESP' },
      { sign: 'UK', issuer: 'GBR' },
      { sign: 'IRL', issuer: 'IRL' },
    ]);
  });

  it('refuses copies that disagree, lower case, and what is no sign', () => {
    expect(
      [['UK UK Uk'], ['IR', 'IR', 'IR'], ['[3', '[3'], ['F', 'F'], ['lll'], []].map((lines) =>
        parseDistinguishingSign(lines),
      ),
    ).toStrictEqual([null, null, null, null, null, null]);
  });
});

describe('readDistinguishingSign on rectified fixtures', () => {
  const cases: [string, { sign: string; issuer: string } | null][] = [
    ['deu-driving-licence-clean-1.jpg', { sign: 'D', issuer: 'DEU' }],
    ['irl-learner-permit-clean-1.jpg', { sign: 'IRL', issuer: 'IRL' }],
    ['gbr-provisional-licence-clean-1.jpg', { sign: 'UK', issuer: 'GBR' }],
    // A bold B reads only at the second, higher print level.
    ['fra-driving-licence-issuer-mismatch.jpg', { sign: 'B', issuer: 'BEL' }],
    // A lone bar, recognised by its shape.
    ['ita-driving-licence-clean-1.jpg', { sign: 'I', issuer: 'ITA' }],
    // No blue rectangle at all.
    ['fra-id-card-front-clean-1.jpg', null],
  ];
  for (const [file, expected] of cases) {
    it(`reads ${expected?.sign ?? 'no sign'} on ${file}`, async () => {
      const card = await rectifiedFixture(engines.cv, file);
      expect(await readDistinguishingSign(engines, card)).toStrictEqual(expected);
    });
  }

  it('sees the Italian sign as a lone bar, and no other', async () => {
    const italian = liftSignLetters(
      await rectifiedFixture(engines.cv, 'ita-driving-licence-clean-1.jpg'),
      0.5,
    );
    const irish = liftSignLetters(await rectifiedFixture(engines.cv, 'irl-driving-licence-clean-1.jpg'), 0.5);
    expect([italian?.loneBar, irish?.loneBar]).toStrictEqual([true, false]);
  });
});
