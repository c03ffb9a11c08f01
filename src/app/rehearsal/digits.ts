/**
 * The 4 numbers the rehearsal shows: random, from the browser's cryptographic generator, as NHS login
 * shows; or, for tests and demos, `?digits=NNNN` (so a test's fake camera can hold up the right ones).
 */
const FOUR_DIGITS = /^\d{4}$/u;

export function rehearsalDigits(search: string): string {
  const asked = new URLSearchParams(search).get('digits');
  if (asked && FOUR_DIGITS.test(asked)) return asked;
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => String(byte % 10)).join('');
}
