/** The date `in-date` judges against: `?today=YYYY-MM-DD` (for tests and demos), else the device's date. */
import { isIsoDate, type IsoDate } from '../pipeline/types.ts';

export function todayFromUrl(search: string, now: Date): IsoDate {
  const asked = new URLSearchParams(search).get('today');
  if (asked && isIsoDate(asked)) return asked;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
