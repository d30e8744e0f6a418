/**
 * The words and tables of a report as an official document, shared by the PDF and the .xlsx so the
 * two always say the same thing: the header of a union document (Nghị định 30/2020/NĐ-CP layout as
 * the federation uses it), the title by kind and period, and the figures as numbered tables.
 */
import { formatViDate, todayVn } from '../../lib/dates.ts';
import type { ReportDetail } from './schema.ts';

/** The symbol after "BC-" in the document number, by the issuing unit's type. */
const ISSUER: Record<string, string> = {
  confederation: 'TLĐ',
  provincial_federation: 'LĐLĐ',
  district_federation: 'LĐLĐ',
  grassroots_union: 'CĐCS',
  member_grassroots_union: 'CĐCS',
  trade_association_union: 'NĐ',
};

export type Cell = string | number | null;
/** A number is written as a count; a rate as a share of 1 (the renderer shows it as %). */
export type Row = { cells: Cell[]; bold?: boolean; rate?: number[] };
/** `text`: a column of words (left-aligned); the others hold numbers. */
export type Table = { title: string; columns: { title: string; width: number; text?: boolean }[]; rows: Row[] };

export type ReportDocument = {
  upperName: string;
  unitName: string;
  number: string;
  placeDate: string;
  draft: boolean;
  title: string;
  subtitle: string;
  tables: Table[];
  note: string | null;
  recipients: string[];
};

/** "Nghệ An, ngày 05 tháng 07 năm 2023". */
export function placeDateLine(place: string, day: string) {
  const [y, m, d] = day.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** A line for a movement that is rare (a restructuring, an old register): printed only when it happened. */
const rare = (label: string, n: number): Row[] => (n === 0 ? [] : [{ cells: [label, n, null] }]);

export function reportDocument(r: ReportDetail): ReportDocument {
  const f = r.figures;
  const issuer = ISSUER[f.unit.type] ?? 'CĐ';
  const no = r.documentNo?.trim();
  const number = no ? (no.includes('/') ? `Số: ${no}` : `Số: ${no}/BC-${issuer}`) : `Số: ....../BC-${issuer}`;
  const day = r.submittedAt ? todayVn(new Date(r.submittedAt)) : todayVn();
  const start = formatViDate(f.startDay);
  const end = formatViDate(f.endDay);
  const members: Table = {
    title: 'I. ĐOÀN VIÊN CÔNG ĐOÀN',
    columns: [
      { title: 'Chỉ tiêu', width: 0.64, text: true },
      { title: 'Số lượng', width: 0.18 },
      { title: 'Trong đó nữ', width: 0.18 },
    ],
    rows: [
      {
        cells: [`1. Số đoàn viên đầu kỳ (đến ngày ${start})`, f.members.start.total, f.members.start.women],
        bold: true,
      },
      { cells: ['2. Tăng trong kỳ', f.inflow.total, null], bold: true },
      { cells: ['- Kết nạp mới (kể cả kết nạp lại)', f.inflow.newMembers, null] },
      { cells: ['- Chuyển đến từ đơn vị khác', f.inflow.transfersIn, null] },
      ...rare('- Đoàn viên của đơn vị chuyển về trực thuộc', f.inflow.unitsJoined),
      ...rare('- Cập nhật từ sổ theo dõi cũ', f.inflow.imported),
      { cells: ['3. Giảm trong kỳ', f.outflow.total, null], bold: true },
      { cells: ['- Thôi sinh hoạt công đoàn', f.outflow.withdrawal, null] },
      { cells: ['- Khai trừ', f.outflow.expulsion, null] },
      { cells: ['- Từ trần', f.outflow.death, null] },
      { cells: ['- Chuyển sinh hoạt đến đơn vị khác', f.outflow.transfersOut, null] },
      ...rare('- Đoàn viên của đơn vị chuyển khỏi trực thuộc', f.outflow.unitsLeft),
      ...rare('- Đoàn viên của đơn vị đã giải thể', f.outflow.unitsEnded),
      ...rare('- Lý do khác', f.outflow.other),
      { cells: [`4. Số đoàn viên cuối kỳ (đến ngày ${end})`, f.members.end.total, f.members.end.women], bold: true },
    ],
  };
  const grassroots: Table = {
    title: 'II. CÔNG ĐOÀN CƠ SỞ',
    columns: [
      { title: 'Chỉ tiêu', width: 0.64, text: true },
      { title: 'Số lượng', width: 0.36 },
    ],
    rows: [
      { cells: [`1. Số CĐCS đầu kỳ (đến ngày ${start})`, f.grassroots.start] },
      { cells: ['2. CĐCS thành lập mới trong kỳ', f.grassroots.founded] },
      { cells: ['3. CĐCS giải thể trong kỳ', f.grassroots.dissolved] },
      { cells: [`4. Số CĐCS cuối kỳ (đến ngày ${end})`, f.grassroots.end] },
    ],
  };
  const coverage: Table = {
    title: `III. DOANH NGHIỆP TỪ 25 LAO ĐỘNG TRỞ LÊN (đến ngày ${end})`,
    columns: [
      { title: 'Chỉ tiêu', width: 0.64, text: true },
      { title: 'Số lượng', width: 0.36 },
    ],
    rows: [
      { cells: ['1. Doanh nghiệp đang hoạt động, từ 25 lao động trở lên', f.coverage.target] },
      { cells: ['2. Trong đó đã có CĐCS', f.coverage.covered] },
      { cells: ['3. Tỷ lệ doanh nghiệp có CĐCS', f.coverage.rate], rate: [1] },
    ],
  };
  const children: Table = {
    title: 'IV. SỐ LIỆU CÁC ĐƠN VỊ TRỰC THUỘC',
    columns: [
      { title: 'TT', width: 0.06 },
      { title: 'Đơn vị', width: 0.4, text: true },
      { title: 'Đoàn viên cuối kỳ', width: 0.14 },
      { title: 'Kết nạp mới', width: 0.13 },
      { title: 'CĐCS thành lập mới', width: 0.13 },
      { title: 'Tỷ lệ DN có CĐCS', width: 0.14 },
    ],
    rows: f.children.map((c, i) => ({
      cells: [
        c.unit ? i + 1 : '',
        c.unit?.name ?? 'Trực tiếp và đơn vị khác',
        c.members,
        c.newMembers,
        c.newGrassroots,
        c.coverageRate,
      ],
      rate: [5],
    })),
  };
  return {
    upperName: (f.upper?.name ?? '').toLocaleUpperCase('vi'),
    unitName: f.unit.name.toLocaleUpperCase('vi'),
    number,
    placeDate: placeDateLine(f.place, day),
    draft: r.status === 'draft',
    title: 'BÁO CÁO',
    subtitle: `Kết quả phát triển đoàn viên, thành lập công đoàn cơ sở ${r.periodLabel}`,
    tables: children.rows.length > 0 ? [members, grassroots, coverage, children] : [members, grassroots, coverage],
    note: r.note,
    recipients: [...(f.upper ? [`- ${f.upper.name};`] : []), '- Lưu: VT, Ban Tổ chức.'],
  };
}

/** A count the Vietnamese way (1.234), a rate as 85,7%, nothing as "-". */
export function showCell(v: Cell, rate = false): string {
  if (v === null) return rate ? '-' : '';
  if (typeof v === 'string') return v;
  if (rate) return `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
  return v.toLocaleString('vi-VN');
}
