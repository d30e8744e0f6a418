/** One row of a register's extract, checked and read into what the merge needs. */
import { parseDay } from '../../lib/dates.ts';
import { parseTaxCode } from '../../lib/ids.ts';
import { type Cell, cellDay, cellText, columnLetter } from '../../lib/spreadsheet.ts';
import {
  type ExtractColumn,
  type Mapping,
  parseCount,
  parseIndustry,
  parseOwnership,
  parsePeriod,
  parseStatus,
} from './import-columns.ts';
import type { Places } from './import-places.ts';
import type { EnterpriseStatus, Ownership, RegisterSource } from './schema.ts';

export type RowProblem = { row: number; column: string; header: string; vi: string; en: string };

export type ExtractRow = {
  row: number;
  taxCode: string;
  name: string | null;
  ownership: Ownership | null;
  industryCode: string | null;
  industryName: string | null;
  address: string | null;
  areaCode: string | null;
  zone: { id: number; unionId: number | null } | null;
  startedOn: string | null;
  status: EnterpriseStatus | null;
  workforce: number | null;
  women: number | null;
  asOf: string;
};

const yes = (t: string) => /^(x|co|có|1|true|yes|fdi)$/i.test(t.trim());

export function parseExtractRow(
  cells: Cell[],
  rowNumber: number,
  mapping: Mapping,
  ctx: { source: RegisterSource; asOf: string; places: Places },
) {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const col = (f: ExtractColumn) => mapping.columns.find((c) => c.field === f);
  const text = (f: ExtractColumn) => {
    const c = col(f);
    return c ? cellText(cells[c.index]) : '';
  };
  const note = (list: RowProblem[], f: ExtractColumn, vi: string, en: string) => {
    const c = col(f);
    list.push({ row: rowNumber, column: c ? columnLetter(c.index) : '', header: c?.header ?? f, vi, en });
  };
  const problem = (f: ExtractColumn, vi: string, en: string) => note(problems, f, vi, en);

  let taxCode = '';
  const t = parseTaxCode(text('taxCode'));
  if (t.ok) taxCode = t.value;
  else problem('taxCode', t.vi, t.en);

  const day = (f: ExtractColumn) => {
    const c = col(f);
    if (!c) return null;
    const raw = cells[c.index];
    const d = cellDay(raw, (s) => parseDay(s) ?? parsePeriod(s));
    if (cellText(raw) !== '' && !d)
      problem(
        f,
        `«${cellText(raw)}» không phải ngày hợp lệ: dùng dd/mm/yyyy.`,
        `«${cellText(raw)}» is not a valid date: use dd/mm/yyyy.`,
      );
    return d;
  };
  const count = (f: ExtractColumn) => {
    const c = col(f);
    const v = c ? parseCount(cells[c.index]) : null;
    if (v === 'bad') {
      problem(
        f,
        `«${text(f)}» không phải số người: ghi số nguyên không âm (ví dụ 125).`,
        `«${text(f)}» is not a head count: write a whole number (e.g. 125).`,
      );
      return null;
    }
    return v;
  };

  let ownership = text('ownership') ? parseOwnership(text('ownership')) : null;
  if (text('ownership') && !ownership)
    note(
      warnings,
      'ownership',
      `Không nhận ra loại hình «${text('ownership')}»: bỏ qua.`,
      `Unknown legal form «${text('ownership')}»: ignored.`,
    );
  if (text('foreign') && yes(text('foreign'))) ownership = 'foreign_invested';

  const statusText = text('status');
  const status = statusText ? parseStatus(statusText) : null;
  if (statusText && !status)
    problem(
      'status',
      `Không hiểu tình trạng «${statusText}»: dùng «Đang hoạt động», «Tạm ngừng kinh doanh», «Đang làm thủ tục giải thể» hoặc «Đã giải thể».`,
      `Unknown status «${statusText}»: use «Đang hoạt động», «Tạm ngừng kinh doanh», «Đang làm thủ tục giải thể» or «Đã giải thể».`,
    );

  const workforce = count('workforce');
  const women = count('women');
  if (workforce !== null && women !== null && women > workforce)
    problem(
      'women',
      `Số lao động nữ (${women}) lớn hơn tổng số (${workforce}).`,
      `Women (${women}) outnumber the workforce (${workforce}).`,
    );
  if (ctx.source === 'bhxh' && col('workforce') && text('workforce') === '')
    problem('workforce', 'Thiếu số lao động tham gia BHXH.', 'The number of insured workers is missing.');

  const industry = parseIndustry(text('industry'));
  const address = text('address') || null;
  const place = ctx.places.area({
    code: text('areaCode') || undefined,
    commune: text('commune') || undefined,
    district: text('district') || undefined,
    address: address ?? undefined,
  } as Parameters<Places['area']>[0]);
  if (place.warning) note(warnings, text('commune') ? 'commune' : 'address', place.warning.vi, place.warning.en);
  const zone = ctx.places.zone(text('zone') || undefined, address ?? undefined);
  if (zone === 'unknown')
    note(
      warnings,
      'zone',
      `Khu công nghiệp «${text('zone')}» chưa có trong danh mục (${ctx.places.zoneNames.join(', ')}): bỏ qua.`,
      `The industrial zone «${text('zone')}» is not in the list: ignored.`,
    );
  const startedOn = day('startedOn');
  const asOf = day('asOf') ?? ctx.asOf;

  const parsed: ExtractRow | null =
    problems.length === 0
      ? {
          row: rowNumber,
          taxCode,
          name: text('name').replace(/\s+/g, ' ') || null,
          ownership,
          industryCode: industry?.code ?? null,
          industryName: text('industryName') || industry?.name || null,
          address,
          areaCode: place.code,
          zone: zone === 'unknown' ? null : zone,
          startedOn,
          status,
          workforce,
          women,
          asOf,
        }
      : null;
  return { problems, warnings, parsed };
}
