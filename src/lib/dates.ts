/** Dates are calendar days 'YYYY-MM-DD' (no time zone); "today" is Vietnam's today (UTC+7). */
export function todayVn(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Shows a calendar day the Vietnamese way: 31/12/2023. */
export function formatViDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Accepts 'YYYY-MM-DD' or 'dd/mm/yyyy' and returns 'YYYY-MM-DD', or null when not a real day. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = ISO_DAY.exec(t);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    match = VI_DAY.exec(t);
    if (!match) return null;
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  }
  // Checked by arithmetic, not a Date per call (an import checks two days a row). Years before
  // 100 are refused as before, when Date.UTC read them as 19xx.
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > days) return null;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The calendar day n days after (or before, n < 0) the given one. */
export function addDays(isoDay: string, n: number): string {
  const t = new Date(`${isoDay}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The earlier of two calendar days (YYYY-MM-DD compares as text). */
export const earlierDay = (a: string, b: string) => (a < b ? a : b);
