/**
 * Issue 12, item 6: a photo that is not an ID fails accepted-document and says what it saw; an ID we
 * could not read stays unsure.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { hasLuhnCardNumber, isProse, parseNotAnIdText } from '../../../src/pipeline/front/readNotAnId.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
import { readyPhoto, type CheckReport, type RuleResult } from '../../../src/pipeline/types.ts';
import { objectOnSurface, type FlatObject } from '../../support/composites.ts';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../support/fixtures.ts';

const TEXTS = RULE_TEXTS['accepted-document'];
const accepted = (report: CheckReport): RuleResult =>
  report.rules.find((rule) => rule.id === 'accepted-document')!;

describe('parseNotAnIdText', () => {
  it('knows a bank card by its scheme, its wording and a card number that passes the Luhn check', () => {
    expect(
      parseNotAnIdText([['NatWest', 'VISA', 'Debit', '4000 1234 5678 9010', 'MRS N WEST']]),
    ).toStrictEqual({
      seen: 'bank-card',
    });
    // One sign alone is not enough: "VISA" is printed on visas too.
    expect(parseNotAnIdText([['VISA']])).toStrictEqual({ seen: null });
    // Nor two beside a full date, which no payment card prints (gbr-visa-glare.jpg, read whole).
    const visa = ['UNITED KINGDOM - ENTRY CLEARANCE', 'VISA', 'Valid from', 'Valid until', '03.02.2026'];
    expect(parseNotAnIdText([visa])).toBeNull();
  });

  it('knows a US licence and a US or NYC identification card by their titles', () => {
    expect(parseNotAnIdText([['CALIFORNIA', 'DRIVER LICENSE', 'DL 11234568']])).toStrictEqual({
      seen: 'non-european-licence',
    });
    expect(parseNotAnIdText([['NYC IDENTIFICATION CARD', 'NAME', 'Sample']])).toStrictEqual({
      seen: 'non-european-id-card',
    });
  });

  it('knows a bank card by its number alone, as cards print it, or by its issuer beside a sign', () => {
    expect(parseNotAnIdText([['4111 1111 1111 1111', 'MR J SMITH']])).toStrictEqual({ seen: 'bank-card' });
    // As tesseract read it off a card drawn here: two groups run together, the number still apart.
    expect(parseNotAnIdText([['41111111 11111111', 'MR J SMITH']])).toStrictEqual({ seen: 'bank-card' });
    // A run of 16 digits with its groups run together is not enough alone.
    expect(parseNotAnIdText([['4111111111111111']])).toStrictEqual({ seen: null });
    expect(parseNotAnIdText([['Barclays', 'VALID FROM 01/24']])).toStrictEqual({ seen: 'bank-card' });
    expect(parseNotAnIdText([['Barclays']])).toStrictEqual({ seen: null });
  });

  it("knows China's resident identity card by its 18-character number, its Hanzi unread", () => {
    const front = ['H&E', 'mn', '&0 [224', '11010519491231002X'];
    expect(parseNotAnIdText([front])).toStrictEqual({ seen: 'non-european-id-card' });
    // One character misread, the number fails its check and says nothing.
    expect(parseNotAnIdText([['H&E', '110105194912310021']])).toStrictEqual({ seen: null });
  });

  it("knows South Africa's licence back by its categories (EB, EC1, EC) beside its restrictions' titles", () => {
    // As tesseract read yushulx's back (494 px): the headings half read, two rows' EC whole.
    const back = ['E ResTricTIONs.', 'Al', 'B =', 'EC', 'Ep ==,', 'Ect HI', 'EC'];
    expect(parseNotAnIdText([back])).toStrictEqual({ seen: 'non-european-licence' });
    // Its categories alone are not enough, nor the word alone; the EU model's CE is no EC.
    expect(parseNotAnIdText([['Al', 'B =', 'EC']])).toStrictEqual({ seen: null });
    expect(parseNotAnIdText([['DRIVER RESTRICTIONS']])).toStrictEqual({ seen: null });
    expect(parseNotAnIdText([['RESTRICTIONS', 'C1 CE D1 10.06.82 01.02.30']])).toBeNull();
  });

  it('knows a US card whose title is out of the crop by its ZIP label and its state-and-ZIP address', () => {
    // As tesseract read signzy's close crop of the NYC ID's fields, shrunk to 1100 px (2550 px).
    const crop = ['NAME', 'Sample', 'Samantha, J', 'ADDRESS/ ZIP', 'SA Hr Pe', 'Brooklyn, NY 11201'];
    expect(parseNotAnIdText([[...crop, 'DATE OF BIRTH 12/12/1987']])).toStrictEqual({
      seen: 'non-european-id-card',
    });
    // An address without the ZIP label, or a ZIP label with no US address, is no US card.
    expect(parseNotAnIdText([['NAME', 'Brooklyn, NY 11201', 'DATE OF BIRTH']])).toBeNull();
    expect(parseNotAnIdText([['ADDRESS/ZIP', '10 Downing Street', 'London SW1A 2AA', 'BIRTH']])).toBeNull();
  });

  it("knows a Canadian licence by its English title, or a French one beside Québec's issuer or Morocco's", () => {
    const ontario = ['ONTARIO', "DRIVER'S LICENCE / PERMIS DE CONDUIRE", 'SMITH, JOHN'];
    expect(parseNotAnIdText([ontario])).toStrictEqual({ seen: 'non-european-licence' });
    expect(parseNotAnIdText([['ROYAUME DU MAROC', 'PERMIS DE CONDUIRE', 'ALAMI']])).toStrictEqual({
      seen: 'non-european-licence',
    });
    const quebec = ['PERMIS DE CONDUIRE', "SOCIÉTÉ DE L'ASSURANCE AUTOMOBILE DU QUÉBEC", 'TREMBLAY'];
    expect(parseNotAnIdText([quebec])).toStrictEqual({
      seen: 'non-european-licence',
    });
  });

  it("knows an identity card headed by a state outside Europe, titled in a European state's language", () => {
    const moroccan = ['ROYAUME DU MAROC', "CARTE NATIONALE D'IDENTITE ELECTRONIQUE", 'ALAMI', 'YOUSSEF'];
    expect(parseNotAnIdText([moroccan])).toStrictEqual({ seen: 'non-european-id-card' });
    expect(parseNotAnIdText([['REPÚBLICA DEL PERÚ', 'DOCUMENTO NACIONAL DE IDENTIDAD']])).toStrictEqual({
      seen: 'non-european-id-card',
    });
    // Its passport, whose code went unread, is no identity card: a passport NHS login accepts.
    const passport = ['ROYAUME DU MAROC', 'PASSEPORT', "N° CARTE NATIONALE D'IDENTITE"];
    expect(parseNotAnIdText([passport])?.seen).not.toBe('non-european-id-card');
  });

  it("reads a US card's labelled expiry month first (doubango-kyc's California licence: EXP 02/01/2023)", () => {
    const lines = ['California USA DRIVER LICENSE', 'DL B5568240', 'EXP 02/01/2023', 'DOB 02/01/1995'];
    expect(parseNotAnIdText([lines, ['NOISE READ UPSIDE DOWN']])).toStrictEqual({
      seen: 'non-european-licence',
      expiry: '2023-02-01',
    });
    // Its title unread, as tesseract read it: the AAMVA fields (CLASS, END) say what it is.
    const untitled = ['LIMITS', 'FEDERAL', 'California', 'CLASS C', 'exp 02/01/2023', 'END NONE', 'RSTRNONE'];
    expect(parseNotAnIdText([untitled])).toStrictEqual({
      seen: 'non-european-licence',
      expiry: '2023-02-01',
    });
    // Elsewhere a date is read only where both orders agree, or only one reads: 02/01 could be either.
    expect(parseNotAnIdText([['IDENTIFICATION CARD', 'EXPIRY 02/01/2023']])).toStrictEqual({
      seen: 'non-european-id-card',
    });
  });

  it('knows the cards NHS login refuses by name: student, staff, travel and NHS ID cards', () => {
    const student = ['UNIVERSITY OF NORTHSIDE', 'Student Identity Card', 'JANE SMITH'];
    expect(parseNotAnIdText([student])).toStrictEqual({ seen: 'refused-card' });
    expect(parseNotAnIdText([['Barts Health', 'NHS', 'Staff Nurse']])).toStrictEqual({
      seen: 'refused-card',
    });
    expect(parseNotAnIdText([['16-25 Railcard', 'Valid until 01/27']])).toStrictEqual({
      seen: 'refused-card',
    });
    expect(parseNotAnIdText([['SOCIAL SECURITY', 'JOHN Q PUBLIC', '078-05-1120']])).toStrictEqual({
      seen: 'refused-card',
    });
    // Not beside a title NHS login accepts: a UK residence permit prints "STUDENT" in its remarks.
    const permit = ['UNITED KINGDOM', 'RESIDENCE PERMIT', 'REMARKS', 'STUDENT'];
    expect(parseNotAnIdText([permit])?.seen).not.toBe('refused-card');
  });

  it('knows a library, loyalty or membership card by what it calls itself: a card NHS login refuses', () => {
    // Each prints "CARD", an ID's word too: without its own name it was "could not tell" (unsure).
    expect(parseNotAnIdText([['NORTHSIDE LIBRARIES', 'LIBRARY CARD', 'J SMITH']])).toStrictEqual({
      seen: 'refused-card',
    });
    expect(parseNotAnIdText([['GREENLEAF', 'REWARDS CARD', '6341 0099 2817']])).toStrictEqual({
      seen: 'refused-card',
    });
    expect(parseNotAnIdText([['FITZONE', 'Membership Card', 'Member No 004127']])).toStrictEqual({
      seen: 'refused-card',
    });
    expect(parseNotAnIdText([['Stadtbibliothek Köln', 'Leserkarte 2041']])).toStrictEqual({
      seen: 'refused-card',
    });
    // Not beside a title NHS login accepts: a German library card called "Bibliotheksausweis" names an
    // Ausweis, as the Personalausweis does, and is left alone; so is a residence permit.
    expect(parseNotAnIdText([['Stadtbibliothek', 'Bibliotheksausweis']])?.seen).not.toBe('refused-card');
    expect(parseNotAnIdText([['RESIDENCE PERMIT', 'LIBRARY']])?.seen).not.toBe('refused-card');
  });

  it('knows a health insurance card (EHIC, GHIC, a national health card) by its title, whatever its dates', () => {
    const ehic = [
      'EUROPEAN HEALTH INSURANCE CARD',
      '3 Name SMITH',
      '5 Date of birth 12/03/1980',
      '9 12/03/2028',
    ];
    expect(parseNotAnIdText([ehic])).toStrictEqual({ seen: 'health-card' });
    expect(parseNotAnIdText([['Europäische Krankenversicherungskarte', '9 01.01.2030']])).toStrictEqual({
      seen: 'health-card',
    });
    expect(parseNotAnIdText([["CARTE EUROPÉENNE D'ASSURANCE MALADIE"]])).toStrictEqual({
      seen: 'health-card',
    });
    expect(parseNotAnIdText([['UK GLOBAL HEALTH INSURANCE CARD']])).toStrictEqual({ seen: 'health-card' });
    expect(parseNotAnIdText([['AOK', 'Gesundheitskarte', 'Versicherung']])).toStrictEqual({
      seen: 'health-card',
    });
    // An EU licence's numbered fields without the card's title are no health card.
    expect(parseNotAnIdText([['3. 12.03.1980', '4a. 01.02.2020', '4b. 31.01.2035']])).toBeNull();
  });

  it('knows a gift certificate or voucher by the words that say so', () => {
    // As tesseract read doubango's Tim Hortons certificate: its title clipped, "redeemable" whole.
    const certificate = ['ft Certificate', '$2.0', 'Redeemable at any participating Tim Hortons location'];
    expect(parseNotAnIdText([certificate])).toStrictEqual({ seen: 'voucher' });
    expect(parseNotAnIdText([['BOOKSHOP', 'GIFT CARD', '£20']])).toStrictEqual({ seen: 'voucher' });
    expect(parseNotAnIdText([['Gutschein', 'über 50 Euro']])).toStrictEqual({ seen: 'voucher' });
  });

  it('knows a business card by two kinds of contact detail, where nothing says it is an ID', () => {
    const card = ['CONSTRUCCIONES RUIZ', 'Maria Lopez', 'Tel. 912 345 678', 'maria@ruiz-obras.es'];
    expect(parseNotAnIdText([card])).toStrictEqual({ seen: 'business-card' });
    expect(parseNotAnIdText([['J SMITH LTD', 'www.smith.co.uk', '+44 20 7946 0018']])).toStrictEqual({
      seen: 'business-card',
    });
    // One kind alone is not enough, nor two beside an ID's word or a full date (an issuer's address).
    expect(parseNotAnIdText([['Maria Lopez', 'maria@ruiz-obras.es']])).toStrictEqual({ seen: null });
    expect(parseNotAnIdText([['RESIDENCE PERMIT', 'www.gov.uk', 'Tel 0300 123 2241']])).toBeNull();
    expect(parseNotAnIdText([['12.03.2031', 'info@example.com', 'www.example.com']])).toBeNull();
  });

  it('knows a page of running text by its lines of prose, where nothing says it is an ID', () => {
    // As tesseract read mapo80's brochure (glare-497.jpg).
    const brochure = [
      'We think solutions',
      'data in an explosion of information, and the technology has grown up to first channel',
      'the separate streams, then combine them. Finally, in 2006 we emerge into a world',
      'where we expect high quality information to be available to a wide range of connected',
      'devices. The streams have become converged, and users now expect a high quality',
      'experience. The job of the IT supply industry is to deliver working, well-supported,',
      'fantastically successful; false dawns in many areas such as video conferencing',
    ];
    expect(parseNotAnIdText([brochure])).toStrictEqual({ seen: 'page-of-text' });
    // Fewer lines of prose are no page; an ID word or a date beside them is a sign of an ID.
    expect(parseNotAnIdText([brochure.slice(0, 5)])).toStrictEqual({ seen: null });
    expect(parseNotAnIdText([[...brochure, 'Date of birth']])).toBeNull();
  });

  it('tells a line of prose from a passport label, capitals and garbage', () => {
    expect(isProse('the separate streams, then combine them. Finally, in 2006 we')).toBe(true);
    expect(isProse("Date of expiry / Date d'expiration")).toBe(false);
    expect(isProse('UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND')).toBe(false);
    expect(isProse('fh A A LL 2% ALR Fr 37 MY Ay oh ith is')).toBe(false);
  });

  it('finds no sign of an ID in prose, and leaves anything with an ID word or a document date alone', () => {
    expect(parseNotAnIdText([['The long road home', 'was paved with good intentions']])).toStrictEqual({
      seen: null,
    });
    expect(parseNotAnIdText([['REPUBLIQUE', 'NOM', 'MARTIN']])).toBeNull();
    expect(parseNotAnIdText([['ZZZ', '12.03.2031']])).toBeNull();
    expect(parseNotAnIdText([['4c. DVLA']])).toBeNull();
    // The back of a licence: its categories table, dates with two-digit years.
    expect(parseNotAnIdText([['B1 10.06.82', 'C1 BE', 'C1E']])).toBeNull();
    expect(parseNotAnIdText([['A1 A2 C1E']])).toBeNull();
    expect(parseNotAnIdText([['am Rhein, de la mer, to be']])).toStrictEqual({ seen: null });
  });

  it('checks a card number by Luhn (ISO/IEC 7812-1)', () => {
    expect(hasLuhnCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(hasLuhnCardNumber('4111 1111 1111 1112')).toBe(false);
  });
});

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

const CARD = { width: 856, height: 540, fill: '#3d6fb5', ink: '#ffffff', fontSize: 46 } as const;

async function checkComposite(object: FlatObject): Promise<CheckReport> {
  return checkDocument(readyPhoto(await objectOnSurface(object)), engines, { today: '2026-12-01' });
}

describe('accepted-document on photos of things that are not IDs (composites made here)', () => {
  it('fails a bank card, saying it looks like one', async () => {
    const report = await checkComposite({
      ...CARD,
      lines: ['NORTHSIDE BANK', 'VISA DEBIT', '4111 1111 1111 1111', 'VALID THRU 05/29', 'MR J SMITH'],
    });
    expect(accepted(report)).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      reason: 'bank-card',
      message: TEXTS['bank-card'].message,
      advice: TEXTS['bank-card'].advice,
      evidence: { kind: 'other', seen: 'bank-card', source: '[NHS-LOGIN-2024]' },
    });
  }, 60_000);

  it('fails a bank card showing only its number and holder, by the number as cards print it', async () => {
    const report = await checkComposite({ ...CARD, lines: ['5425 2334 3010 9903', 'MR J SMITH'] });
    expect(accepted(report)).toMatchObject({ status: 'fail', reason: 'bank-card' });
  }, 60_000);

  it('fails a business card, saying it looks like one: it prints contact details, no ID does', async () => {
    const report = await checkComposite({
      ...CARD,
      fill: '#fbfaf5',
      ink: '#1d2a3a',
      fontSize: 40,
      lines: ['MARIA LOPEZ', 'Site Manager', 'Tel 912 345 678', 'maria@ruiz-obras.es', 'www.ruiz-obras.es'],
    });
    expect(accepted(report)).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      reason: 'business-card',
      message: TEXTS['business-card'].message,
      advice: TEXTS['business-card'].advice,
      evidence: { kind: 'other', seen: 'business-card', source: '[NHS-LOGIN-2024]' },
    });
  }, 60_000);

  it("fails China's resident card front, whose only Latin print is its citizen number", async () => {
    // Its labels are Hanzi, which the English model does not read: drawn here as the blank fields.
    const front = { ...CARD, fill: '#eef3f4', ink: '#1b1b1b' };
    const report = await checkComposite({ ...front, lines: ['', '', '11010519491231002X'] });
    expect(accepted(report)).toMatchObject({ status: 'fail', reason: 'non-european-id-card' });
    // One digit wrong, the check character disagrees: nothing says what it is (unsure or not an ID).
    const misread = await checkComposite({ ...front, lines: ['', '', '11010519491231003X'] });
    expect(accepted(misread).reason).not.toBe('non-european-id-card');
  }, 60_000);

  it('fails a US driver licence, saying it is from outside the UK and Europe', async () => {
    const report = await checkComposite({
      ...CARD,
      lines: ['STATE OF OREGON', 'DRIVER LICENSE', 'SMITH, JOHN', '123 MAIN ST'],
    });
    expect(accepted(report).status).toBe('fail');
    expect(accepted(report).evidence['seen']).toBe('non-european-licence');
  }, 60_000);

  it('fails a student card, saying NHS login does not accept it', async () => {
    const report = await checkComposite({
      ...CARD,
      fill: '#ffffff',
      ink: '#14365d',
      lines: ['UNIVERSITY OF NORTHSIDE', 'STUDENT CARD', 'JANE SMITH', 'Library 2041 7731'],
    });
    expect(accepted(report)).toMatchObject({
      status: 'fail',
      reason: 'refused-card',
      message: TEXTS['refused-card'].message,
    });
  }, 60_000);

  it('fails a European Health Insurance Card, saying it looks like one: its EU flag and fields are no licence', async () => {
    const report = await checkComposite({
      ...CARD,
      fontSize: 30,
      lines: [
        'EUROPEAN HEALTH INSURANCE CARD',
        '3 Name  SMITH',
        '4 Given names  JOHN',
        '5 Date of birth  12/03/1980',
        '8 Identification number of the card  8082 6000',
        '9 Expiry date  12/03/2028',
      ],
    });
    expect(accepted(report)).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      reason: 'health-card',
      message: TEXTS['health-card'].message,
      advice: TEXTS['health-card'].advice,
      evidence: { kind: 'other', seen: 'health-card', source: '[NHS-LOGIN-2024]' },
    });
  }, 60_000);

  it('fails a library card and a loyalty card, which print "CARD" as an ID does, as cards NHS login refuses', async () => {
    const library = await checkComposite({
      ...CARD,
      fill: '#fbfaf5',
      ink: '#1d2a3a',
      fontSize: 40,
      lines: ['NORTHSIDE LIBRARIES', 'LIBRARY CARD', 'J SMITH', 'Borrower 2041 7731 0022'],
    });
    expect(accepted(library)).toMatchObject({ status: 'fail', reason: 'refused-card' });
    const loyalty = await checkComposite({
      ...CARD,
      lines: ['GREENLEAF', 'REWARDS CARD', 'Collect points', 'every time you shop', '6341 0099 2817'],
    });
    expect(accepted(loyalty)).toMatchObject({ status: 'fail', reason: 'refused-card' });
  }, 60_000);

  it('fails a gift card, saying it looks like a gift card or voucher', async () => {
    const report = await checkComposite({
      ...CARD,
      fill: '#fdf1f1',
      ink: '#b3262e',
      lines: ['GIFT CARD', 'Twenty Pounds', 'Redeemable in any of our shops'],
    });
    expect(accepted(report)).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      reason: 'voucher',
      message: TEXTS.voucher.message,
      advice: TEXTS.voucher.advice,
      evidence: { kind: 'other', seen: 'voucher', source: '[NHS-LOGIN-2024]' },
    });
  }, 60_000);

  it('fails a clear, whole printed page with no sign of an ID', async () => {
    const report = await checkComposite({
      width: 700,
      height: 900,
      fill: '#fbfbf8',
      ink: '#202020',
      fontSize: 26,
      lines: [
        'Dear neighbour,',
        'The summer fair will be held on the green',
        'this year, with stalls, music and games',
        'for children of all ages. We would be glad',
        'of any help with setting up the tables',
        'on the morning, and of cakes for the',
        'tea tent. Please let us know by the end',
        'of the month if you can lend a hand.',
        'With thanks from the committee',
      ],
    });
    expect(report.rules.find((rule) => rule.id === 'clear-photo')!.status).toBe('pass');
    expect(accepted(report).status).toBe('fail');
    expect(accepted(report).evidence['seen']).toBe('not-an-id');
  }, 60_000);

  // A page in landscape: rectified as a card is, its lines stay upright and are read as prose (a page
  // standing upright is rectified sideways, and its text is not read: the letter above).
  it('fails a page whose running prose is read, saying it looks like a page of text', async () => {
    const report = await checkComposite({
      width: 1100,
      height: 620,
      fill: '#fbfbf8',
      ink: '#202020',
      fontSize: 24,
      lines: [
        'The summer fair will be held on the green this year,',
        'with stalls, music and games for children of all ages.',
        'We would be glad of any help with setting up the tables',
        'on the morning, and of cakes for the tea tent. Please',
        'let us know by the end of the month if you can lend a',
        'hand, and tell your neighbours about it if they are new.',
        'With thanks from the committee',
      ],
    });
    expect(accepted(report)).toMatchObject({
      status: 'fail',
      reason: 'page-of-text',
      message: TEXTS['page-of-text'].message,
    });
  }, 60_000);

  // A passport too blurred for its code to be read, and one with a corner cut off (code and all).
  for (const file of ['gbr-passport-blur-8.jpg', 'gbr-passport-corner-cut-bottom-left.jpg']) {
    it(`stays unsure on an accepted ID it could not read (${file}): that is no reason to refuse it`, async () => {
      const bytes = await readFile(join(FIXTURES_DIR, file));
      const report = await checkDocument(await decodePhotoForCheck(bytes), engines, { today: '2026-12-01' });
      expect(accepted(report)).toMatchObject({ status: 'unsure', message: TEXTS['unknown-kind'].message });
    }, 60_000);
  }
});

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

describe.skipIf(!existsSync(REAL_PHOTOS))('accepted-document on a slice of ../shared/real-photos', () => {
  const checkReal = async (file: string, today: string) =>
    checkDocument(await decodePhotoForCheck(await readFile(join(REAL_PHOTOS, file))), engines, { today });

  it('fails a bank card artwork as a bank card', async () => {
    expect(accepted(await checkReal('evgen/img_5.jpg', '2026-12-01')).evidence['seen']).toBe('bank-card');
  }, 60_000);

  it('fails the NYC municipal ID as an identity card from outside Europe', async () => {
    const report = await checkReal('signzy-alldocs/nycid-1-dark.jpg', '2026-12-01');
    expect(accepted(report).evidence['seen']).toBe('non-european-id-card');
  }, 60_000);

  // The outline goes round the novelty licence's portrait, and round the certificate's logo: the
  // photos (1566 and 1280 px) are read whole.
  it('fails a novelty US driver licence as a licence from outside the UK and Europe', async () => {
    const report = await checkReal('faceplugin/fake4.jpeg', '2026-12-01');
    expect(accepted(report)).toMatchObject({ status: 'fail', reason: 'non-european-licence' });
  }, 60_000);

  it('fails a gift certificate with a MICR line as a gift card or voucher', async () => {
    const report = await checkReal('doubango-micr/e13b_1280x720.jpg', '2026-12-01');
    expect(accepted(report)).toMatchObject({ status: 'fail', reason: 'voucher' });
  }, 60_000);

  it('fails a brochure page, white print on dark, as a page of text', async () => {
    const report = await checkReal('mapo80-glare/glare-497.jpg', '2026-12-01');
    expect(accepted(report)).toMatchObject({ status: 'fail', reason: 'page-of-text' });
  }, 60_000);

  // Both read from the photo itself (773 and 515 px wide): the outline went round a part of each.
  it('passes the French ID card front and the German licence back as accepted kinds', async () => {
    const front = accepted(await checkReal('kbyai/fra-id-3.jpg', '2026-12-01'));
    expect(front).toMatchObject({ status: 'pass', reason: 'european-id-card' });
    const back = accepted(await checkReal('onfido-sdk-ui/back_driving_licence.jpg', '2026-12-01'));
    expect(back).toMatchObject({ status: 'pass', reason: 'eu-driving-licence' });
  }, 120_000);

  it("fails South Africa's licence back as a licence from outside the UK and Europe, not an EU one", async () => {
    const report = await checkReal('yushulx-zadl/dl.png', '2026-12-01');
    expect(accepted(report)).toMatchObject({ status: 'fail', reason: 'non-european-licence' });
  }, 60_000);

  // 2550 px, the outline round the tick drawn beside the crop (0.05 of it): read shrunk to 1100 px.
  it("fails a close crop of the NYC ID's fields by its US address", async () => {
    const report = await checkReal('signzy-alldocs/nycid-8-low-res.jpg', '2026-12-01');
    expect(accepted(report)).toMatchObject({ status: 'fail', reason: 'non-european-id-card' });
  }, 60_000);
});
