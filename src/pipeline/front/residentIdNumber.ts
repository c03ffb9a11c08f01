/**
 * The citizen identity number of the People's Republic of China's resident identity card (GB
 * 11643-1999): 18 characters, a 6-digit address code, the holder's birth date as YYYYMMDD, a 3-digit
 * order code, and a check character computed by ISO 7064:1983 MOD 11-2 (0 to 9, or X for 10). It is
 * printed on the card's front under "公民身份号码", the only line of it in Latin script besides the
 * dates: where the English model reads no Chinese, the number still says what the card is.
 */

/** ISO 7064 MOD 11-2's weights for the 17 digits, 2^(17-i) mod 11, and the check character by remainder. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** Pure: whether `text` holds a resident ID number whose check character and birth date are right. */
export function hasResidentIdNumber(text: string): boolean {
  for (const match of text.toUpperCase().matchAll(/(?<![\dX])\d{17}[\dX](?![\dX])/gu)) {
    if (isResidentIdNumber(match[0])) return true;
  }
  return false;
}

/** Pure: one 18-character number, checked by ISO 7064 MOD 11-2 and for a real birth date. */
export function isResidentIdNumber(number: string): boolean {
  if (!/^\d{17}[\dX]$/u.test(number)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(number[i]), 0);
  if (CHECK_CHARACTERS[sum % 11] !== number[17]) return false;
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1800 &&
    birth.getUTCFullYear() === year &&
    birth.getUTCMonth() === month - 1 &&
    birth.getUTCDate() === day
  );
}
