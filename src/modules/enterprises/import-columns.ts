/**
 * The columns of the registers' extracts as the agencies hand them over: the Department of
 * Planning and Investment (business registrations) and Social Insurance (insured workers per
 * employer), with the header spellings seen in their files, and how each cell is read.
 */
import { type Cell, cellText, foldHeader } from '../../lib/spreadsheet.ts';
import { fold } from '../../lib/vietnamese.ts';
import type { EnterpriseStatus, Ownership } from './schema.ts';

export const extractColumns = {
  taxCode: [
    'ma so doanh nghiep',
    'ma so thue',
    'mst',
    'ma so dn',
    'msdn',
    'ma doanh nghiep',
    'ma so thue doanh nghiep',
    'ma so thue don vi',
    'ma so doanh nghiep ma so thue',
    'tax code',
  ],
  name: [
    'ten doanh nghiep',
    'ten dn',
    'ten cong ty',
    'ten don vi',
    'ten to chuc',
    'ten doanh nghiep tieng viet',
    'ten don vi su dung lao dong',
    'don vi su dung lao dong',
    'ten don vi tham gia',
    'enterprise name',
  ],
  ownership: [
    'loai hinh doanh nghiep',
    'loai hinh',
    'loai hinh dn',
    'loai hinh to chuc',
    'hinh thuc so huu',
    'thanh phan kinh te',
    'khu vuc kinh te',
    'ownership',
  ],
  foreign: ['von nuoc ngoai', 'co von dau tu nuoc ngoai', 'fdi', 'von dau tu nuoc ngoai'],
  industry: [
    'nganh nghe kinh doanh chinh',
    'nganh nghe chinh',
    'nganh kinh doanh chinh',
    'ma nganh',
    'ma nganh chinh',
    'ma nganh kinh te',
    'nganh kinh te',
    'nganh nghe',
    'ma vsic',
    'nganh nghe kinh doanh',
  ],
  industryName: ['ten nganh', 'ten nganh nghe chinh', 'ten nganh kinh te'],
  address: [
    'dia chi tru so',
    'dia chi tru so chinh',
    'dia chi',
    'tru so chinh',
    'dia chi doanh nghiep',
    'dia chi don vi',
    'address',
  ],
  commune: ['xa phuong', 'phuong xa', 'xa', 'phuong xa thi tran', 'xa phuong thi tran', 'ten xa', 'dia ban xa'],
  district: [
    'quan huyen',
    'huyen',
    'huyen thi xa thanh pho',
    'quan huyen thi xa',
    'ten huyen',
    'quan huyen thi xa thanh pho',
  ],
  areaCode: ['ma xa', 'ma dvhc', 'ma don vi hanh chinh', 'ma xa phuong', 'ma dia ban'],
  zone: ['khu cong nghiep', 'kcn', 'khu kinh te khu cong nghiep', 'kcn kkt', 'ten kcn'],
  startedOn: [
    'ngay thanh lap',
    'ngay cap',
    'ngay cap gcn',
    'ngay cap giay chung nhan',
    'ngay dang ky lan dau',
    'ngay bat dau hoat dong',
    'ngay hoat dong',
    'ngay cap dkkd',
    'ngay dang ky',
    'ngay cap lan dau',
  ],
  status: [
    'tinh trang hoat dong',
    'tinh trang',
    'trang thai',
    'trang thai hoat dong',
    'tinh trang doanh nghiep',
    'trang thai don vi',
    'tinh trang tham gia',
  ],
  workforce: [
    'so lao dong',
    'tong so lao dong',
    'so lao dong tham gia bhxh',
    'so ld',
    'tong so ld',
    'so nguoi tham gia',
    'so lao dong dong bhxh',
    'tong so lao dong tham gia bhxh',
    'so lao dong tham gia',
    'tong so nguoi tham gia',
    'so ld tham gia bhxh',
    'lao dong',
    'workforce',
  ],
  women: ['lao dong nu', 'so lao dong nu', 'trong do nu', 'ld nu', 'so ld nu', 'so nu', 'women'],
  asOf: ['ngay cap nhat', 'ky bao cao', 'thang', 'den ngay', 'thoi diem', 'thang bao cao', 'ky', 'tinh den ngay'],
} as const;
export type ExtractColumn = keyof typeof extractColumns;

const byAlias = new Map<string, ExtractColumn>();
for (const [field, aliases] of Object.entries(extractColumns))
  for (const a of aliases) byAlias.set(a, field as ExtractColumn);

/** Sub-headers under a merged "Số lao động" cell in Social Insurance forms. */
const SUB_HEADERS: Record<string, ExtractColumn> = {
  'tong so': 'workforce',
  tong: 'workforce',
  'so luong': 'workforce',
  nu: 'women',
  'trong do nu': 'women',
  'lao dong nu': 'women',
  'ld nu': 'women',
};

export function fieldForHeader(text: string): ExtractColumn | null {
  const h = foldHeader(text);
  if (!h) return null;
  const exact = byAlias.get(h);
  if (exact) return exact;
  let best: { field: ExtractColumn; len: number } | null = null;
  for (const [alias, field] of byAlias)
    if (h.startsWith(`${alias} `) && (!best || alias.length > best.len)) best = { field, len: alias.length };
  return best?.field ?? null;
}

export type Column = { index: number; header: string; field: ExtractColumn | null };
export type Mapping = { headerRow: number; columns: Column[] };

/** A header row names the tax code and at least one other known field. */
export function detectHeader(row: { rowNumber: number; cells: Cell[] }): Mapping | null {
  const columns = row.cells.map((c, index) => {
    const header = cellText(c);
    return { index, header, field: header ? fieldForHeader(header) : null };
  });
  const fields = new Set(columns.map((c) => c.field).filter(Boolean));
  if (!fields.has('taxCode') || fields.size < 2) return null;
  dedupe(columns);
  return { headerRow: row.rowNumber, columns };
}

function dedupe(columns: Column[]) {
  const seen = new Set<ExtractColumn>();
  for (const c of columns) {
    if (c.field && seen.has(c.field)) c.field = null;
    else if (c.field) seen.add(c.field);
  }
}

/**
 * The row under a header, when it is a second header row (merged "Số lao động" over "Tổng số" |
 * "Trong đó nữ") or the numbered row "(1) (2) (3)…" of official forms: true when it was consumed.
 */
export function absorbSubHeader(mapping: Mapping, row: { cells: Cell[] }): boolean {
  const texts = row.cells.map((c) => foldHeader(cellText(c)));
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return false;
  if (filled.every((t) => /^\d{1,2}$/.test(t))) return true; // "(1)", "(2)": folded to digits
  if (!filled.every((t) => SUB_HEADERS[t] !== undefined || fieldForHeader(t) !== null)) return false;
  let parent: ExtractColumn | null = null;
  texts.forEach((t, index) => {
    let col = mapping.columns[index];
    if (!col) {
      col = { index, header: '', field: null };
      mapping.columns[index] = col;
    }
    if (col.header) parent = col.field;
    if (!t) return;
    const sub = SUB_HEADERS[t];
    // "Tổng số" under "Số lao động", "Nữ" under it or alone: the sub-header decides.
    col.field =
      sub && (parent === 'workforce' || parent === 'women' || parent === null) ? sub : (fieldForHeader(t) ?? col.field);
    col.header = col.header ? `${col.header} / ${cellText(row.cells[index])}` : cellText(row.cells[index]);
  });
  for (let i = 0; i < mapping.columns.length; i++)
    if (!mapping.columns[i]) mapping.columns[i] = { index: i, header: '', field: null };
  dedupe(mapping.columns);
  return true;
}

/** Operating status from the words the registers use. */
export function parseStatus(text: string): EnterpriseStatus | null {
  const t = foldHeader(text);
  if (!t) return null;
  if (/da giai the|pha san|da dong ma so|dong mst|cham dut|chot so|thu hoi/.test(t)) return 'closed';
  if (/thu tuc giai the|dang giai the|chua hoan thanh|khong hoat dong tai dia chi|ngung hoat dong|giai the/.test(t))
    return 'dissolving';
  if (/tam ngung|tam dung|tam nghi/.test(t)) return 'suspended';
  if (/hoat dong|dang tham gia|dang dong|^hd$|operating|active/.test(t)) return 'operating';
  return null;
}

/** Ownership from the legal form ("Công ty TNHH có vốn đầu tư nước ngoài", "DNNN", "HTX"…). */
export function parseOwnership(text: string): Ownership | null {
  const t = foldHeader(text);
  if (!t) return null;
  if (/nuoc ngoai|fdi|lien doanh|100 von nuoc ngoai|foreign/.test(t)) return 'foreign_invested';
  if (/hop tac xa|htx|cooperative/.test(t)) return 'cooperative';
  if (/nha nuoc|dnnn|state/.test(t) && !/ngoai nha nuoc|ngoai quoc doanh/.test(t)) return 'state';
  if (
    /tnhh|co phan|tu nhan|hop danh|ngoai nha nuoc|ngoai quoc doanh|trach nhiem|cong ty|doanh nghiep|private|non state/.test(
      t,
    )
  )
    return 'non_state';
  return null;
}

/** A guess from the name when the extract has no legal form (Social Insurance lists). */
export function ownershipFromName(name: string): Ownership {
  const t = foldHeader(name);
  if (/^(hop tac xa|htx)\b/.test(t)) return 'cooperative';
  return 'non_state';
}

/** "1410 - May trang phục", "1410", "C1410": the VSIC code and the name when given. */
export function parseIndustry(text: string): { code: string | null; name: string | null } | null {
  const t = text.trim();
  if (!t) return null;
  const m = /^[A-Za-z]?\s*(\d{2,5})\b\s*[-:–.]?\s*(.*)$/.exec(t);
  if (m) return { code: m[1] as string, name: m[2]?.trim() || null };
  return { code: null, name: t };
}

/** A count of workers: 1250, "1.250", "1,250", " 85 ". */
export function parseCount(c: Cell | undefined): number | null | 'bad' {
  if (c === null || c === undefined || c === '') return null;
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 ? c : 'bad';
  const t = cellText(c).replace(/[.,\s](?=\d{3}\b)/g, '');
  if (t === '') return null;
  return /^\d{1,7}$/.test(t) ? Number(t) : 'bad';
}

/** A reporting period as a day: a date, or a month ("06/2025", "Tháng 6/2025") as its last day. */
export function parsePeriod(text: string): string | null {
  const m = /^(?:thang )?(\d{1,2}) (\d{4})$/.exec(foldHeader(text));
  if (!m) return null;
  const month = Number(m[1]);
  const year = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bcong ty\b/g, 'cty'],
  [/\btrach nhiem huu han\b/g, 'tnhh'],
  [/\bco phan\b/g, 'cp'],
  [/\bmot thanh vien\b/g, 'mtv'],
  [/\bthuong mai\b/g, 'tm'],
  [/\bdich vu\b/g, 'dv'],
  [/\bxay dung\b/g, 'xd'],
  [/\bsan xuat\b/g, 'sx'],
  [/\bviet nam\b/g, 'vn'],
  [/\bdoanh nghiep tu nhan\b/g, 'dntn'],
  [/\bhop tac xa\b/g, 'htx'],
  [/\bchi nhanh\b/g, 'cn'],
];

/** Names the registers write differently but mean the same: case, marks, "Cty"/"Công ty", dots. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => {
    let t = fold(s).replace(/[^a-z0-9]+/g, ' ');
    for (const [re, short] of ABBREVIATIONS) t = t.replace(re, short);
    return t.replace(/\s+/g, '');
  };
  return norm(a) === norm(b);
}
