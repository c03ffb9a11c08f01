/**
 * The accepted-document rule's words (texts.ts's table holds them under 'accepted-document'), with the
 * sources texts.ts cites: [NHS-LOGIN-2024], [NHS-LOGIN-ORIGINAL], [NHS-LOGIN-HANDWRITING], [OURS].
 */
import type { RuleText } from './texts.ts';
import { NHS_LOGIN_ACCEPTS_SENTENCE, UNSURE_WHICH_DOCUMENT, USE_ACCEPTED, wayForward } from './words.ts';

export const ACCEPTED_DOCUMENT_TEXTS = {
  // A reason for each row of the acceptance table (acceptedDocuments.ts), where the row cites its source.
  passport: { message: 'Passports are accepted.', advice: '', source: '[NHS-LOGIN-2024]' },
  'european-id-card': {
    message: 'European national identity cards are accepted.',
    advice: '',
    source: '[NHS-LOGIN-2024]',
  },
  'other-european-id-card': {
    message:
      'NHS login accepts European national identity cards, but does not say which European countries count. It may not accept a card from this country.',
    advice:
      'Using your passport is safest. An identity card from an EU country, Iceland, Liechtenstein, Norway or Switzerland is also accepted.',
    source: '[NHS-LOGIN-2024] [OURS]',
  },
  'other-id-card': {
    message: 'NHS login accepts national identity cards from European countries only, not from this country.',
    advice: wayForward(`Use your passport instead, or another photo ID. ${NHS_LOGIN_ACCEPTS_SENTENCE}`),
    source: '[NHS-LOGIN-2024] [NHS-LOGIN-NO-PHOTO-ID]',
  },
  'uk-card': {
    message:
      'We could not tell which UK card this is. NHS login accepts a UK residence card, a UK application registration card (ARC) and a UK biometric residence permit (BRP), but no other UK identity cards.',
    advice: `If this is not one of those, use a different photo ID. ${NHS_LOGIN_ACCEPTS_SENTENCE}`,
    source: '[NHS-LOGIN-2024] [OURS]',
  },
  'uk-driving-licence': {
    message: 'UK driving licences, full or provisional, are accepted.',
    advice: '',
    source: '[NHS-LOGIN-2024]',
  },
  'eu-provisional-licence': {
    message: 'Only full European driving licences are accepted, not learner or provisional ones.',
    advice: wayForward(
      `Use your passport, your national identity card or a full driving licence instead. ${NHS_LOGIN_ACCEPTS_SENTENCE}`,
    ),
    source: '[NHS-LOGIN-2024] [NHS-LOGIN-NO-PHOTO-ID]',
  },
  'eu-driving-licence': {
    message: 'Full European driving licences are accepted.',
    advice: '',
    source: '[NHS-LOGIN-2024]',
  },
  'uk-residence-permit': {
    message:
      'UK residence cards, application registration cards and biometric residence permits are accepted.',
    advice: '',
    source: '[NHS-LOGIN-2024]',
  },
  'other-residence-permit': {
    message: 'NHS login accepts residence permits from the UK only, not from other countries.',
    advice: wayForward(
      `Use your passport instead, or your national identity card if a European country issued it. ${NHS_LOGIN_ACCEPTS_SENTENCE}`,
    ),
    source: '[NHS-LOGIN-2024] [NHS-LOGIN-NO-PHOTO-ID]',
  },
  'uk-entry-clearance-visa': {
    message: 'UK entry clearance visas are accepted.',
    advice: '',
    source: '[NHS-LOGIN-2024]',
  },
  visa: {
    message: 'NHS login accepts UK entry clearance visas only, not visas from other countries.',
    advice: wayForward(
      `Use the passport the visa is in instead, or another photo ID. ${NHS_LOGIN_ACCEPTS_SENTENCE}`,
    ),
    source: '[NHS-LOGIN-2024] [NHS-LOGIN-NO-PHOTO-ID]',
  },
  'other-document': {
    message: 'This type of document is not accepted as photo ID.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024] [NHS-LOGIN-NO-PHOTO-ID]',
  },
  // "You cannot send: ... an image of a printout or screen" and "The image you send needs to be of
  // your original photo ID" (NHS login help centre, 2024): the photo shows a screen's pixel grid or
  // a printer's halftone (clarity/measureMedium.ts).
  printout: {
    message:
      'This looks like a photo of a printout. NHS login needs a photo of the document itself, not of a printout or a screen.',
    advice: 'Take a photo of your original photo ID itself, not of a printout or a copy of it.',
    source: '[NHS-LOGIN-ORIGINAL]',
  },
  screen: {
    message:
      'This looks like a photo of a screen. NHS login needs a photo of the document itself, not of a printout or a screen.',
    advice: 'Take a photo of your original photo ID itself, not of a picture of it on a screen.',
    source: '[NHS-LOGIN-ORIGINAL]',
  },
  // "We do not accept photo ID with any handwritten information other than a signature" and "You
  // cannot send: ... any other document with handwritten information" (NHS login help centre, 2024):
  // pen written over the print (clarity/measureHandwriting.ts). Unsure, not a fail: a measure of ink
  // cannot be certain it is handwriting.
  handwriting: {
    message:
      'There seems to be handwriting on your photo ID over its printed details, such as a date written over. NHS login does not accept photo ID with any handwritten information other than a signature.',
    advice: `If anything other than your signature is written on your ID, use a different photo ID. ${NHS_LOGIN_ACCEPTS_SENTENCE}`,
    source: '[NHS-LOGIN-HANDWRITING]',
  },
  // What a photo that is not an accepted document showed (front/readNotAnId.ts): say what we saw.
  'bank-card': {
    message: 'This looks like a bank card. It is not a photo ID that NHS login accepts.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  'non-european-licence': {
    message:
      'This looks like a driving licence from outside the UK and Europe. NHS login accepts only UK and European driving licences.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  'non-european-id-card': {
    message:
      'This looks like an identity card from outside Europe. NHS login accepts only European national identity cards.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  // NHS login's "You cannot send: ... UK driver qualification cards (DQC or Driver Card); travel
  // cards; bus passes; NHS ID Cards; university or school ID cards", and staff or visitors' badges.
  'refused-card': {
    message:
      'This looks like a student, staff, travel or other card that NHS login does not accept as photo ID, such as a university or school ID card, an NHS ID card, a bus pass or a driver qualification card.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  // A gift certificate, gift card or voucher, by the words that say so: money's worth, not an ID.
  voucher: {
    message: 'This looks like a gift card or voucher. It is not a photo ID that NHS login accepts.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  // A European or Global Health Insurance Card (EHIC, GHIC) or a national health card, by its title:
  // it shows an EU flag and numbered fields as a licence does, but is no photo ID.
  'health-card': {
    message:
      'This looks like a health insurance card, such as a European or Global Health Insurance Card (EHIC or GHIC). It is not a photo ID that NHS login accepts.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  // Contact details (an e-mail or web address, a phone number), which no photo ID prints: a business
  // card, a letterhead, a leaflet.
  'business-card': {
    message:
      'This looks like a business card: it prints contact details, such as a phone number or an e-mail or web address, which no photo ID does. It is not a photo ID that NHS login accepts.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  // Lines of running prose, and no title, label, date or code of an ID: a page, not a photo ID.
  'page-of-text': {
    message:
      'This looks like a page of text, such as a magazine, a leaflet or a letter. It is not a photo ID that NHS login accepts.',
    advice: USE_ACCEPTED,
    source: '[NHS-LOGIN-2024]',
  },
  // A face and next to no print anywhere (portrait/lookForPeople.ts): a photo of people, not of an ID.
  // NHS login: "The image you send needs to be of your original photo ID"; the face is filmed later,
  // in its video step ("we will show you 4 numbers").
  'photo-of-people': {
    message:
      'This looks like a photo of a person, not of an ID. NHS login needs a photo of your photo ID itself; it films your face later, in its video step.',
    advice:
      'Take a photo of your passport, driving licence or other photo ID, on its own, filling most of the photo.',
    source: '[NHS-LOGIN-ORIGINAL] [NHS-LOGIN-2024]',
  },
  'not-an-id': {
    message:
      'This does not look like a photo ID: we could see the whole of it clearly, but found no title, code or details of one.',
    advice: USE_ACCEPTED,
    source: '[OURS] [NHS-LOGIN-2024]',
  },
  'unknown-kind': {
    message: 'We could not tell what kind of document this is.',
    advice: UNSURE_WHICH_DOCUMENT,
    source: '[OURS] [NHS-LOGIN-2024]',
  },
  'unknown-issuer': {
    message: 'We could not tell which country issued your document.',
    advice: UNSURE_WHICH_DOCUMENT,
    source: '[OURS] [NHS-LOGIN-2024]',
  },
} as const satisfies Record<string, RuleText>;
