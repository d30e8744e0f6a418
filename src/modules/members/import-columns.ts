import { type Cell, cellText, foldHeader } from '../../lib/spreadsheet.ts';

/** The fields a member spreadsheet can carry, and the header spellings officers actually use. */
export const memberColumns = {
  fullName: ['ho va ten', 'ho ten', 'ten doan vien', 'ho va ten doan vien', 'ten', 'full name', 'name'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh', 'ns', 'sinh ngay', 'date of birth', 'birth date'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'gender', 'sex'],
  citizenId: [
    'so cccd',
    'cccd',
    'can cuoc',
    'can cuoc cong dan',
    'so can cuoc',
    'so dinh danh',
    'so dinh danh ca nhan',
    'cccd cmnd',
    'cmnd cccd',
    'so cmnd cccd',
    'so cccd cmnd',
    'citizen id',
  ],
  legacyIdNo: ['so cmnd', 'cmnd', 'chung minh nhan dan', 'so chung minh'],
  socialInsuranceNo: ['so bhxh', 'ma so bhxh', 'ma bhxh', 'so so bhxh', 'bhxh'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'di dong', 'phone', 'mobile'],
  email: ['email', 'e mail', 'thu dien tu'],
  ethnicity: ['dan toc', 'ethnicity'],
  religion: ['ton giao', 'religion'],
  address: ['dia chi', 'noi o', 'cho o hien nay', 'que quan', 'dia chi thuong tru', 'address'],
  education: ['trinh do', 'trinh do hoc van', 'trinh do chuyen mon', 'hoc van', 'van hoa', 'education'],
  occupation: ['nghe nghiep', 'cong viec', 'chuc vu', 'vi tri', 'nghe', 'occupation', 'job'],
  employerName: ['noi lam viec', 'don vi cong tac', 'ten doanh nghiep', 'co quan', 'employer'],
  admittedOn: ['ngay ket nap', 'ngay vao cong doan', 'ngay ket nap doan vien', 'ngay vao cd', 'admission date'],
  decisionNo: ['so quyet dinh', 'quyet dinh ket nap', 'so qd'],
  partyMember: ['dang vien', 'party member'],
  youthUnionMember: ['doan vien thanh nien', 'doan thanh nien', 'youth union'],
} as const;
export type MemberColumn = keyof typeof memberColumns;

const byAlias = new Map<string, MemberColumn>();
for (const [field, aliases] of Object.entries(memberColumns))
  for (const a of aliases) byAlias.set(a, field as MemberColumn);

/** The field a header names, or null: exact alias first, then an alias the header starts with. */
export function fieldForHeader(text: string): MemberColumn | null {
  const h = foldHeader(text);
  if (!h) return null;
  const exact = byAlias.get(h);
  if (exact) return exact;
  // "Họ và tên (*)", "Số điện thoại di động": the longest alias the header begins with wins.
  let best: { field: MemberColumn; len: number } | null = null;
  for (const [alias, field] of byAlias)
    if (h.startsWith(`${alias} `) && (!best || alias.length > best.len)) best = { field, len: alias.length };
  return best?.field ?? null;
}

export type Mapping = { headerRow: number; columns: { index: number; header: string; field: MemberColumn | null }[] };

/**
 * The header row is the first of the first 30 rows that names a full-name column and at least one
 * other known field: files often start with the unit's name, a title and blank lines.
 */
export function detectHeader(row: { rowNumber: number; cells: Cell[] }): Mapping | null {
  const columns = row.cells.map((c, index) => {
    const header = cellText(c);
    return { index, header, field: header ? fieldForHeader(header) : null };
  });
  const fields = new Set(columns.map((c) => c.field).filter(Boolean));
  if (!fields.has('fullName') || fields.size < 2) return null;
  // A field named twice keeps its first column; later ones are reported as unused.
  const seen = new Set<MemberColumn>();
  for (const c of columns) {
    if (c.field && seen.has(c.field)) c.field = null;
    else if (c.field) seen.add(c.field);
  }
  return { headerRow: row.rowNumber, columns };
}
