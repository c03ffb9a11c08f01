/**
 * Contact details as a business card prints them ([CONTACT] in readNotAnId.ts): an e-mail address
 * (RFC 5322's local@domain), a web address (www., http://, a domain under .com, .net, .org or a
 * European country's code), a phone number after its label (Tel, Phone, Mobile, Fax, Móvil, Telefon
 * …) or in international form (+34 912 …). An identity document prints its holder's name, dates and
 * numbers, never how to reach them: read both ways up, no object without an MRZ on the fixtures,
 * ../shared/real-ids, real-photos or the composites showed even one of the three (2026-12-05).
 */

/** On the upper-cased text. */
const EMAIL_ADDRESS = /[A-Z0-9._%+-]+@[A-Z0-9-]+(\.[A-Z0-9-]+)*\.[A-Z]{2,}\b/gu;
const WEB_ADDRESS =
  /\bWWW\.|HTTPS?:\/\/|\b[A-Z0-9-]{2,}\.(COM|NET|ORG|INFO|BIZ|CO\.UK|EU|ES|DE|FR|IT|NL|PT|IE)\b(?!\.)/u;
const PHONE_NUMBER =
  /\b(TEL|TELF|TLF|PHONE|MOB|MOBILE|M[OÓ]VIL|CELL|FAX|TELEFON|T[EÉ]L[EÉ]PHONE|TEL[EÉ]FONO)\b\.?:?\s*\+?\d[\d ()./-]{6,}\d|\+\d{2,3}[ ()\d./-]{8,}\d/u;

/** Pure: how many kinds of contact detail (e-mail, web address, phone number) the upper-cased text holds. */
export function contactDetailsIn(text: string): number {
  // An e-mail address's domain is no web address of its own.
  const rest = text.replace(EMAIL_ADDRESS, ' ');
  return [rest !== text, WEB_ADDRESS.test(rest), PHONE_NUMBER.test(rest)].filter(Boolean).length;
}
