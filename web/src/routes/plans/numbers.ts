/**
 * Numbers as officers type and paste them: Vietnamese first ("1.234" is a thousand, "12,5" a
 * decimal), rates as percentages (the API keeps them as fractions, 1 = 100%).
 */
import type { Measure } from '../../api/plans.ts';

export const isRate = (m: Measure) => m === 'coverage_rate';

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const viWhole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** A target's value as shown: "1.234" for counts, "85,5%" for rates; '—' when none. */
export function formatValue(v: number | null | undefined, measure: Measure, whole = false): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (isRate(measure)) return `${vi.format(v * 100)}%`;
  return (whole ? viWhole : vi).format(v);
}

/** A ratio (1 = 100%) as "45,3%". */
export const formatRatio = (r: number | null | undefined) =>
  r === null || r === undefined
    ? '—'
    : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(r * 100)}%`;

/** The text a grid cell shows for a stored value: counts "1.234", rates as a percentage without the sign. */
export function cellText(v: number | null | undefined, measure: Measure): string {
  if (v === null || v === undefined) return '';
  return vi.format(isRate(measure) ? v * 100 : v);
}

/**
 * A number typed or pasted: "1.234" and "1 234" are 1234, "1.234,5" and "12,5" have decimal
 * commas, "12.5" (an English sheet) is 12.5, a trailing "%" is dropped. '' is null (cleared);
 * anything else is NaN.
 */
export function parseNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (s === '') return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  if (/^-?\d+\.\d+$/.test(s)) return Number(s);
  if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  return Number.NaN;
}

/** A cell's text as the value the API takes: rates from a percentage to a fraction (rounded off float noise). */
export function cellValue(text: string, measure: Measure): number | null {
  const n = parseNumber(text);
  if (n === null || Number.isNaN(n) || !isRate(measure)) return n;
  return Math.round(n * 1e6) / 1e8;
}

/** A block copied from a spreadsheet: rows by line, cells by tab; the trailing line break Excel adds is dropped. */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}
