// Day handling is shared with the server (pure functions, no server dependencies).
import { formatViDate, parseDay, todayVn } from '../../../src/lib/dates.ts';

export { parseDay, todayVn };

/** 2023-12-31 -> 31/12/2023; null/empty -> fallback. */
export function formatDay(iso: string | null | undefined, fallback = '—'): string {
  return iso ? formatViDate(iso.slice(0, 10)) : fallback;
}

/** Vietnamese alphabetical order (Đ after D, tones after the base letter). */
export const viCollator = new Intl.Collator('vi', { numeric: true });
export const byViName = <T extends { name: string }>(a: T, b: T) => viCollator.compare(a.name, b.name);

export const formatNumber = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** History periods are [from, to): the last day a period covers is the day before `to`. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** "+84912345678" (as stored) -> "0912 345 678": how officers read and type a mobile number. */
export function formatPhone<T extends string | null | undefined>(p: T): T | string {
  const m = p ? /^\+84(\d{3})(\d{3})(\d{3})$/.exec(p) : null;
  return m ? `0${m[1]} ${m[2]} ${m[3]}` : p;
}
