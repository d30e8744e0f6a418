/**
 * Periods of a target table: the whole target ('all'), a year ('2022'), a quarter ('2022-Q3') or a
 * month ('2022-07'). A period's window is cut to the target's own, so "2021" of a plan that starts
 * in October is October to December.
 */
import { invalid } from '../../lib/errors.ts';

export type Granularity = 'all' | 'year' | 'quarter' | 'month';
export type Window = { from: string; to: string };

const PERIOD = /^(all|(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?)$/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function granularityOf(period: string): Granularity {
  if (period === 'all') return 'all';
  if (period.includes('-Q')) return 'quarter';
  return period.length === 4 ? 'year' : 'month';
}

/** The days a period covers, cut to the target's window; null when they do not meet. */
export function periodWindow(period: string, target: Window): Window | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  if (m[1] === 'all') return target;
  const y = Number(m[2]);
  let from: string;
  let to: string;
  if (m[3]) {
    const q = Number(m[3]);
    from = `${y}-${pad(3 * q - 2)}-01`;
    to = `${y}-${pad(3 * q)}-${pad(lastDay(y, 3 * q))}`;
  } else if (m[4]) {
    const mo = Number(m[4]);
    from = `${y}-${pad(mo)}-01`;
    to = `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`;
  } else {
    from = `${y}-01-01`;
    to = `${y}-12-31`;
  }
  const cut = { from: from < target.from ? target.from : from, to: to > target.to ? target.to : to };
  return cut.from > cut.to ? null : cut;
}

/** The periods of one granularity that meet the target's window, in order. */
export function periodsOf(g: Granularity, target: Window): string[] {
  if (g === 'all') return ['all'];
  const out: string[] = [];
  const [fy, fm] = target.from.split('-').map(Number) as [number, number];
  const [ty, tm] = target.to.split('-').map(Number) as [number, number];
  for (let y = fy; y <= ty; y++) {
    if (g === 'year') {
      out.push(String(y));
      continue;
    }
    for (let mo = 1; mo <= 12; mo++) {
      if ((y === fy && mo < fm) || (y === ty && mo > tm)) continue;
      if (g === 'month') out.push(`${y}-${pad(mo)}`);
      else if (mo % 3 === 1 || (y === fy && mo === fm)) {
        const key = `${y}-Q${Math.ceil(mo / 3)}`;
        if (!out.includes(key)) out.push(key);
      }
    }
  }
  return out;
}

/** A period key typed by a person, checked against the target's window, or a clear refusal. */
export function requirePeriod(period: string, target: Window, field: string): string {
  const key = period.trim().toUpperCase() === 'ALL' ? 'all' : period.trim().replace(/-q/, '-Q');
  if (!PERIOD.test(key))
    throw invalid([
      {
        field,
        vi: `Kỳ "${period}" không hợp lệ: dùng "all" (cả kỳ), năm "2022", quý "2022-Q3" hoặc tháng "2022-07".`,
        en: `Period "${period}" is not valid: use "all", a year "2022", a quarter "2022-Q3" or a month "2022-07".`,
      },
    ]);
  if (!periodWindow(key, target))
    throw invalid([
      {
        field,
        vi: `Kỳ "${period}" nằm ngoài thời hạn của chỉ tiêu (${target.from} đến ${target.to}).`,
        en: `Period "${period}" lies outside the target's window (${target.from} to ${target.to}).`,
      },
    ]);
  return key;
}

/** Vietnamese label of a period: "Năm 2022", "Quý III/2022", "Tháng 7/2022", "Cả kỳ". */
export function periodLabel(period: string, locale: 'vi' | 'en' = 'vi'): string {
  const m = PERIOD.exec(period);
  if (!m || m[1] === 'all') return locale === 'vi' ? 'Cả kỳ' : 'Whole period';
  if (m[3]) return locale === 'vi' ? `Quý ${['I', 'II', 'III', 'IV'][Number(m[3]) - 1]}/${m[2]}` : `Q${m[3]} ${m[2]}`;
  if (m[4]) return locale === 'vi' ? `Tháng ${Number(m[4])}/${m[2]}` : `${m[2]}-${m[4]}`;
  return locale === 'vi' ? `Năm ${m[2]}` : String(m[2]);
}
