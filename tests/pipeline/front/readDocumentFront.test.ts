import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformPhoto } from '../../../scripts/photoTransforms.ts';
import { decodePhoto, decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { readDocumentFront, turnHalf } from '../../../src/pipeline/front/readDocumentFront.ts';
import { matToRgba, rgbaToMat, withMats } from '../../../src/pipeline/cv.ts';
import type { RgbaImage, RuleResult } from '../../../src/pipeline/types.ts';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../support/fixtures.ts';
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

  it('reads a French ID card front and a Spanish licence upside down: their print reads as runs', async () => {
    const card = turnHalf(await rectifiedFixture(engines.cv, 'fra-id-card-front-clean-1.jpg'));
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'card-front',
      card: { kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' },
    });
    const licence = turnHalf(await rectifiedFixture(engines.cv, 'esp-driving-licence-clean-1.jpg'));
    expect((await readDocumentFront(engines, licence))?.kind).toBe('licence');
  }, 60_000);

  it('reads the front of a French ID card: kind, issuer and the labelled expiry', async () => {
    const card = await rectifiedFixture(engines.cv, 'fra-id-card-front-clean-1.jpg');
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'card-front',
      card: { kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' },
    });
  });
});

describe('readDocumentFront on a card rectified small (a phone frame: issue 12, item 5)', () => {
  /** The fixture's card as a 540 × 960 frame rectifies it: 440 px wide, slightly blurred (σ 1.2 px). */
  async function smallCard(file: string): Promise<RgbaImage> {
    const card = await rectifiedFixture(engines.cv, file);
    const cv = engines.cv;
    return withMats(cv, (scope) => {
      const small = scope.mat();
      const size = new cv.Size(440, Math.round((card.height * 440) / card.width));
      cv.resize(rgbaToMat(scope, card), small, size, 0, 0, cv.INTER_AREA);
      cv.GaussianBlur(small, small, new cv.Size(0, 0), 1.2);
      return matToRgba(small);
    });
  }

  // Read at 440 px, their print under 10 px high, the German card's expiry read as 2018-07-02 and the
  // UK's as 2020-09-30 (2033-07-01 and 2030-09-29 are printed): enlarged first, both read right.
  it('reads a German licence, its sign and its expiry, enlarged to the width it is read at', async () => {
    expect(
      await readDocumentFront(engines, await smallCard('deu-driving-licence-clean-1.jpg')),
    ).toStrictEqual({
      kind: 'licence',
      licence: {
        kind: 'eu-driving-licence',
        issuer: 'DEU',
        issuerFrom: 'sign',
        sign: 'D',
        provisional: false,
        expiry: '2033-07-01',
        expiryFrom: 'latest-date',
        birthDate: '1990-05-12',
        driverNumber: null,
        driverNumberConsistent: null,
      },
    });
  });

  it('reads a UK licence, its sign and its expiry, enlarged to the width it is read at', async () => {
    expect(
      await readDocumentFront(engines, await smallCard('gbr-driving-licence-2-clean-1.jpg')),
    ).toStrictEqual({
      kind: 'licence',
      licence: {
        kind: 'uk-driving-licence',
        issuer: 'GBR',
        issuerFrom: 'sign',
        sign: 'UK',
        provisional: false,
        expiry: '2030-09-29',
        expiryFrom: 'latest-date',
        birthDate: '1996-11-23',
        driverNumber: null,
        driverNumberConsistent: null,
      },
    });
  });
});

describe('readDocumentFront: fields found by their numbers and labels wherever they sit', () => {
  it('reads a licence whose 4b sits beside 4a, not under it (prt-driving-licence-clean-1.jpg)', async () => {
    const card = await rectifiedFixture(engines.cv, 'prt-driving-licence-clean-1.jpg');
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'licence',
      licence: {
        kind: 'eu-driving-licence',
        issuer: 'PRT',
        issuerFrom: 'sign',
        sign: 'P',
        provisional: false,
        expiry: '2025-12-01',
        expiryFrom: '4b',
        birthDate: '1979-04-23',
        driverNumber: null,
        driverNumberConsistent: null,
      },
    });
  });

  it("reads a card front's expiry under its label beside the issue date, dated DD MON/MON YYYY", async () => {
    const card = await rectifiedFixture(engines.cv, 'nld-id-card-front-expired.jpg');
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'card-front',
      card: { kind: 'id-card', issuer: 'NLD', expiry: '2018-03-03' },
    });
  });
});

/** The image turned a quarter turn clockwise, as a photo taken with the phone held sideways. */
function turnQuarter(image: RgbaImage): RgbaImage {
  const { width, height } = image;
  const source = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const turned = new Uint32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) turned[x * height + (height - 1 - y)] = source[y * width + x]!;
  return { width: height, height: width, data: new Uint8Array(turned.buffer) };
}

describe('readDocumentFront on a photo on its side or upside down', () => {
  it('reads the whole photo turned a quarter, where the outlined object read nothing', async () => {
    const card = turnQuarter(await rectifiedFixture(engines.cv, 'fra-id-card-front-clean-1.jpg'));
    // The outline went round a blank piece of the photo, a twentieth of it: the photo is read whole.
    const blank: RgbaImage = { width: 400, height: 252, data: new Uint8Array(400 * 252 * 4).fill(255) };
    expect(await readDocumentFront(engines, blank, card, 0.05)).toStrictEqual({
      kind: 'card-front',
      card: { kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' },
    });
  }, 60_000);

  it('reads the whole photo upside down too, where the outlined object read nothing', async () => {
    const card = turnHalf(await rectifiedFixture(engines.cv, 'fra-id-card-front-clean-1.jpg'));
    const blank: RgbaImage = { width: 400, height: 252, data: new Uint8Array(400 * 252 * 4).fill(255) };
    expect(await readDocumentFront(engines, blank, card, 0.05)).toStrictEqual({
      kind: 'card-front',
      card: { kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' },
    });
  }, 60_000);
});

/** The in-date rule's status and reason for a photo (halved by area as `npm run eval -- --transform half` does), judged on `today`. */
async function inDateOf(
  path: string,
  today: string,
  half = false,
): Promise<Pick<RuleResult, 'status' | 'reason'>> {
  const bytes = await readFile(path);
  const photo = await decodePhotoForCheck(half ? (await transformPhoto(bytes, 'half')).bytes : bytes);
  const report = await checkDocument(photo, engines, { today });
  const { status, reason } = report.rules.find((rule) => rule.id === 'in-date')!;
  return { status, reason };
}

describe('in-date on fronts whose expiry is printed under its label (fixtures, today 2026-06-01)', () => {
  const cases = [
    ['prt-driving-licence-clean-1.jpg', 'pass', 'expired-within-allowance'],
    ['prt-driving-licence-expired.jpg', 'fail', 'expired'],
    ['nld-id-card-front-clean-1.jpg', 'pass', 'expired-within-allowance'],
    ['nld-id-card-front-expired.jpg', 'fail', 'expired'],
  ] as const;
  for (const [file, status, reason] of cases) {
    it(`${file}: ${status} (${reason})`, async () => {
      expect(await inDateOf(join(FIXTURES_DIR, file), '2026-06-01')).toStrictEqual({ status, reason });
    }, 60_000);
  }
  // Halved, each licence rectifies at 660-1100 px with its print under 12 px (readDocumentFront.ts's
  // MIN_READ_PRINT_PX): read at its own size its expiry went unread (issue 13H); enlarged, as at full size.
  for (const [file, status, reason] of cases.filter(([file]) => file.startsWith('prt-'))) {
    it(`${file} halved: ${status} (${reason})`, async () => {
      expect(await inDateOf(join(FIXTURES_DIR, file), '2026-06-01', true)).toStrictEqual({ status, reason });
    }, 60_000);
  }
});

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

describe.skipIf(!existsSync(REAL_PHOTOS))(
  "in-date on a slice of ../shared/real-photos (its manifest's today)",
  () => {
    const cases = [
      // The outline goes round the flag: the photo is read, and the expiry under "DATE D'EXPIR.".
      ['kbyai/fra-id-3.jpg', '2029-07-26', 'pass', 'in-date'],
      // Field 4b of a made-up UK licence whose outline went round its portrait.
      ['onfido-python/sample_driving_licence.png', '2019-06-15', 'pass', 'in-date'],
      // "EXPIRATION" and "11/20/2019" beside it, month first on a US card, over 12 months before today.
      ['signzy-alldocs/nycid-1-dark.jpg', '2021-04-03', 'fail', 'expired'],
      // "EXP 02/01/2023" on a California licence whose title went unread.
      ['doubango-kyc/usa-california-driving-license-2017.jpg', '2024-06-15', 'fail', 'expired'],
    ] as const;
    for (const [file, today, status, reason] of cases) {
      it(`${file}: ${status} (${reason})`, async () => {
        expect(await inDateOf(join(REAL_PHOTOS, file), today)).toStrictEqual({ status, reason });
      }, 60_000);
    }
    // Halved (320 and 379 px), the photo read whole is enlarged as a small card is (readDocumentFront.ts).
    for (const [file, today, status, reason] of cases.filter(([file]) => /onfido|doubango/u.test(file))) {
      it(`${file} halved: ${status} (${reason})`, async () => {
        expect(await inDateOf(join(REAL_PHOTOS, file), today, true)).toStrictEqual({ status, reason });
      }, 60_000);
    }
  },
);

/** The engines, counting the printed-text model's reads. */
function countingReads(of: Engines): { engines: Engines; reads: () => number } {
  let reads = 0;
  const ocr = {
    ...of.ocr,
    readPrintedText: (...args: Parameters<Engines['ocr']['readPrintedText']>) => {
      reads++;
      return of.ocr.readPrintedText(...args);
    },
  };
  return { engines: { ...of, ocr }, reads: () => reads };
}

describe.skipIf(!existsSync(REAL_PHOTOS))('readDocumentFront on ../shared/real-photos', () => {
  it('reads a magazine page under glare once: upright it shows no run of print, so none upside down', async () => {
    const counted = countingReads(engines);
    const photo = await decodePhotoForCheck(await readFile(join(REAL_PHOTOS, 'mapo80-glare/glare-743.jpg')));
    const report = await checkDocument(photo, counted.engines, { today: '2026-12-05' });
    expect(report.rules.find((rule) => rule.id === 'accepted-document')?.status).toBe('fail');
    expect(counted.reads()).toBe(1);
  }, 60_000);

  it('reads an object rectified at 821 px whose print stands 9 px high enlarged: glare-482 halved is a page', async () => {
    // Halved (1536 × 1152), the magazine's outline rectifies at 821 px, not 1100 as at full size; read
    // there it was "could not tell", read enlarged to 1100 it is a page of text as at full size.
    const bytes = new Uint8Array(await readFile(join(REAL_PHOTOS, 'mapo80-glare/glare-482.jpg')));
    const photo = await decodePhotoForCheck(new Uint8Array((await transformPhoto(bytes, 'half')).bytes));
    const report = await checkDocument(photo, engines, { today: '2026-12-01' });
    const rule = report.rules.find((r) => r.id === 'accepted-document');
    expect([rule?.status, rule?.reason]).toStrictEqual(['fail', 'page-of-text']);
  }, 60_000);

  it('reads a passport page whose portrait shows an upright face upright only; turned half, both ways', async () => {
    // prado's Turkish passport page, taken whole as the document: its print names no licence or card.
    const page = await decodePhoto(await readFile(join(REAL_PHOTOS, 'prado/TUR-AO-02001_O.jpg')));
    const upright = countingReads(engines);
    const turned = countingReads(engines);
    expect(await readDocumentFront(upright.engines, page)).toBeNull();
    expect(await readDocumentFront(turned.engines, turnHalf(page))).toBeNull();
    expect([upright.reads(), turned.reads()]).toStrictEqual([1, 2]);
  }, 60_000);

  it("reads a small photo whole where its card, read enlarged, named nothing: South Africa's licence", async () => {
    // Its outline went astray (a 400 px card of blur), whose enlarged read made 4 words of noise.
    const photo = await decodePhotoForCheck(await readFile(join(REAL_PHOTOS, 'yushulx-zadl/dl.png')));
    const report = await checkDocument(photo, engines, { today: '2026-12-01' });
    const rule = report.rules.find((r) => r.id === 'accepted-document');
    expect([rule?.status, rule?.reason]).toStrictEqual(['fail', 'non-european-licence']);
  }, 60_000);
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

/** accepted-document and in-date, each as status and reason, for a photo turned as `npm run eval -- --transform` turns it. */
async function turnedVerdicts(
  path: string,
  turn: 'rot90' | 'rot180' | 'rot270',
  today: string,
): Promise<Record<'accepted-document' | 'in-date', string>> {
  const turned = await transformPhoto(await readFile(path), turn);
  const report = await checkDocument(await decodePhotoForCheck(turned.bytes), engines, { today });
  const verdict = (id: string) => {
    const rule = report.rules.find((r) => r.id === id)!;
    return `${rule.status} ${rule.reason}`;
  };
  return { 'accepted-document': verdict('accepted-document'), 'in-date': verdict('in-date') };
}

describe('a drawn licence and card front photographed on their sides: verdicts as upright', () => {
  // (The French card turned three quarters reads its expiry as "1804 2" where it reads "18 04 2032"
  // at every other turn: the LSTM's noise over near-identical pixels, for another day.)
  const cases = [
    ['gbr-driving-licence-2-clean-1.jpg', ['rot90', 'rot270'], 'pass uk-driving-licence'],
    ['fra-id-card-front-clean-1.jpg', ['rot90'], 'pass european-id-card'],
  ] as const;
  for (const [file, turns, accepted] of cases) {
    for (const turn of turns) {
      it(`${file} ${turn}: ${accepted}, in date`, async () => {
        expect(await turnedVerdicts(join(FIXTURES_DIR, file), turn, '2026-06-01')).toStrictEqual({
          'accepted-document': accepted,
          'in-date': 'pass in-date',
        });
      }, 60_000);
    }
  }
});

/** The image in the middle of a light grey canvas `margin` pixels wider on every side. */
function onCanvas(image: RgbaImage, margin: number): RgbaImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const data = new Uint8Array(width * height * 4).fill(235);
  for (let y = 0; y < image.height; y++) {
    const row = image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4);
    data.set(row, ((y + margin) * width + margin) * 4);
  }
  return { width, height, data };
}

describe('readDocumentFront where the outlined object holds no print', () => {
  it('reads the whole photo, on its side, whatever share of it the outline covers', async () => {
    // A 1300 × 894 photo of the card on its side; the outline went round half of it, all blank.
    const photo = turnQuarter(
      onCanvas(await rectifiedFixture(engines.cv, 'fra-id-card-front-clean-1.jpg'), 100),
    );
    const blank: RgbaImage = { width: 1100, height: 694, data: new Uint8Array(1100 * 694 * 4).fill(235) };
    expect(await readDocumentFront(engines, blank, photo, 0.5)).toStrictEqual({
      kind: 'card-front',
      card: { kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' },
    });
  }, 60_000);
});

describe.skipIf(!existsSync(REAL_PHOTOS))('../shared/real-photos turned: verdicts as upright', () => {
  // The UK licence sample, a 641 × 411 crop: its small print leans neither way turned a quarter (its
  // glyphs join into words), so only the outline's shape, portrait, says it lies on its side. Read
  // upright only, it was "not a photo ID" (a wrong fail).
  for (const turn of ['rot90', 'rot270'] as const) {
    it(`onfido-python/sample_driving_licence.png ${turn}: a UK licence, in date`, async () => {
      const path = join(REAL_PHOTOS, 'onfido-python/sample_driving_licence.png');
      expect(await turnedVerdicts(path, turn, '2019-06-15')).toStrictEqual({
        'accepted-document': 'pass uk-driving-licence',
        'in-date': 'pass in-date',
      });
    }, 60_000);
  }

  it('a Chinese resident card turned three quarters still reads its validity period (shakex/card4.jpg rot270)', async () => {
    const verdicts = await turnedVerdicts(join(REAL_PHOTOS, 'shakex/card4.jpg'), 'rot270', '2038-04-21');
    expect(verdicts['in-date']).toBe('pass in-date');
  }, 60_000);

  it('a bank card turned a quarter is still a bank card (evgen/_img_8.jpg rot90)', async () => {
    const verdicts = await turnedVerdicts(join(REAL_PHOTOS, 'evgen/_img_8.jpg'), 'rot90', '2026-12-05');
    expect(verdicts['accepted-document']).toBe('fail bank-card');
  }, 60_000);

  it('a recipe page turned a quarter, its outline round blank table, is a page of text (glare-313 rot90)', async () => {
    const path = join(REAL_PHOTOS, 'mapo80-glare/glare-313.jpg');
    const verdicts = await turnedVerdicts(path, 'rot90', '2026-12-05');
    expect(verdicts['accepted-document']).toBe('fail page-of-text');
  }, 60_000);
});
