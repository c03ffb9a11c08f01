/** The date `in-date` judges against: `?today=YYYY-MM-DD` (for tests and demos), else the device's date. */
import type { IsoDate } from '../pipeline/types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

export function todayFromUrl(search: string, now: Date): IsoDate {
  const asked = new URLSearchParams(search).get('today');
  if (asked && ISO_DATE.test(asked) && !Number.isNaN(Date.parse(`${asked}T00:00:00Z`))) return asked;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
