/**
 * The target table as officers pass it around: an .xlsx with a row per sub-unit (code, name) and a
 * column per period, and back. Reading finds the header row wherever it is (the row holding "Mã
 * đơn vị"), takes periods from the column titles as written on export ("Cả kỳ", "Năm 2022",
 * "Quý III/2022", "Tháng 7/2022") or as keys ("2022-Q3"), and numbers as Excel or Vietnamese text
 * writes them ("1.234", "12,5", "85%"). An empty cell clears that cell of the table. Every problem
 * is reported by row and column, and nothing is written unless the whole file is good.
 */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/audit.ts';
import { type FieldProblem, invalid } from '../../lib/errors.ts';
import { excel } from '../../lib/exceljs.ts';
import { type Cell, cellText, columnLetter, foldHeader, readSheet } from '../../lib/spreadsheet.ts';
import { periodLabel } from './periods.ts';
import type { AllocationQuery, AllocationTable } from './schema.ts';
import { allocationTable, type PlanCaller, setAllocation } from './service.ts';

const CODE_HEADER = 'ma don vi';

export async function exportAllocation(db: Db, caller: PlanCaller, targetId: number, query: AllocationQuery) {
  const table = await allocationTable(db, caller, targetId, query);
  const rate = !table.additive;
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('Giao chỉ tiêu');
  ws.addRow([`BẢNG GIAO CHỈ TIÊU: ${table.target.name.toUpperCase()}`]).font = { bold: true, size: 13 };
  ws.addRow([`Kế hoạch: ${table.plan.name}`]);
  ws.addRow([`Đơn vị giao: ${table.unit.name} (mã ${table.unit.code})${rate ? ' — tỷ lệ, 100% = 1' : ''}`]);
  ws.addRow([]);
  const header = ws.addRow(['Mã đơn vị', 'Tên đơn vị', ...table.periods.map((p) => p.label)]);
  header.font = { bold: true };
  const format = rate ? '0%' : '#,##0';
  const put = (values: (string | number | null)[], bold = false) => {
    const row = ws.addRow(values);
    row.font = { bold };
    for (let i = 0; i < table.periods.length; i++) row.getCell(3 + i).numFmt = format;
  };
  for (const r of table.rows) put([r.unit.code, r.unit.name, ...table.periods.map((p) => r.values[p.key] ?? null)]);
  if (table.additive) put(['', 'Cộng', ...table.periods.map((p) => table.sums[p.key] ?? null)], true);
  put(['', `Chỉ tiêu của ${table.unit.name}`, ...table.periods.map((p) => table.share[p.key] ?? null)], true);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 48;
  for (let i = 0; i < table.periods.length; i++) ws.getColumn(3 + i).width = 14;
  return { table, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * A number as a cell holds it: Excel numbers, or text with Vietnamese separators or a % sign. For
 * a rate, a number above 1 is read as a percentage (95 is 95%) and 1 or less as a fraction (1 is
 * 100%, as exported); nobody sets a coverage target of 1%.
 */
export function parseAmount(c: Cell, rate: boolean): number | null | 'bad' {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return c;
  const text = cellText(c).replace(/\s/g, '');
  if (text === '') return null;
  const percent = text.endsWith('%');
  let body = percent ? text.slice(0, -1) : text;
  // "1.234.567" and "1.234" are thousands; "12,5" is a decimal comma.
  if (/^\d{1,3}(\.\d{3})+$/.test(body)) body = body.replace(/\./g, '');
  else body = body.replace(/\.(?=\d{3}(,|$))/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(body)) return 'bad';
  const n = Number(body);
  return percent || (rate && n > 1) ? n / 100 : n;
}

function periodOfHeader(text: string, table: AllocationTable): string | null {
  const wanted = foldHeader(text);
  for (const p of table.periods)
    if (
      foldHeader(p.label) === wanted ||
      foldHeader(periodLabel(p.key, 'en')) === wanted ||
      foldHeader(p.key) === wanted
    )
      return p.key;
  return null;
}

export async function importAllocation(
  db: Db,
  caller: PlanCaller,
  actor: Actor,
  targetId: number,
  query: AllocationQuery & { unitId: number },
  file: { data: Buffer; fileName: string },
) {
  const table = await allocationTable(db, caller, targetId, query);
  const codes = new Map(table.rows.map((r) => [r.unit.code.toUpperCase(), r.unit.id]));
  const problems: FieldProblem[] = [];
  const cells: { unitId: number; period: string; value: number | null }[] = [];
  let columns: { index: number; period: string }[] | null = null;
  let codeColumn = 0;
  const where = (row: number, col: number) => `${file.fileName}, dòng ${row}, cột ${columnLetter(col)}`;
  for await (const row of readSheet(file.data, file.fileName)) {
    const texts = row.cells.map((c) => cellText(c));
    if (!columns) {
      const at = texts.findIndex((t) => foldHeader(t) === CODE_HEADER);
      if (at < 0) continue;
      codeColumn = at;
      columns = [];
      texts.forEach((t, i) => {
        if (i <= at || t.trim() === '') return;
        const period = periodOfHeader(t, table);
        if (period) columns?.push({ index: i, period });
        else if (!/^ten/.test(foldHeader(t)))
          problems.push({
            field: where(row.rowNumber, i),
            vi: `Cột "${t}" không phải một kỳ của chỉ tiêu này (ví dụ: ${table.periods.map((p) => p.label).join(', ')}).`,
            en: `Column "${t}" is not a period of this target (e.g. ${table.periods.map((p) => periodLabel(p.key, 'en')).join(', ')}).`,
          });
      });
      continue;
    }
    const code = (texts[codeColumn] ?? '').trim().toUpperCase();
    // The unit's own row (as exported: "Chỉ tiêu của ..."): its split by period, not its whole share.
    const own = code === '' && foldHeader(texts[codeColumn + 1] ?? '').startsWith('chi tieu cua');
    if (code === '' && !own) continue; // the sum row, blank lines
    const unitId = own ? table.unit.id : codes.get(code);
    if (!unitId) {
      problems.push({
        field: where(row.rowNumber, codeColumn),
        vi: `Mã "${code}" không phải đơn vị trực thuộc ${table.unit.name}. Tải lại bảng mẫu để có đúng mã.`,
        en: `Code "${code}" is not a direct sub-unit of ${table.unit.name}. Download the table again for the right codes.`,
      });
      continue;
    }
    for (const col of columns) {
      if (own && col.period === 'all') continue;
      const v = parseAmount(row.cells[col.index] ?? null, !table.additive);
      if (v === 'bad') {
        problems.push({
          field: where(row.rowNumber, col.index),
          vi: `"${texts[col.index]}" không phải một số. Nhập số (ví dụ 1.250${table.additive ? '' : ' hoặc 95%'}) hoặc để trống.`,
          en: `"${texts[col.index]}" is not a number. Type a number (e.g. 1250${table.additive ? '' : ' or 95%'}) or leave it empty.`,
        });
        continue;
      }
      if (table.additive && v !== null && !Number.isInteger(v)) {
        problems.push({
          field: where(row.rowNumber, col.index),
          vi: `Chỉ tiêu này là số nguyên, không phải ${texts[col.index]}.`,
          en: `This target is a whole number, not ${texts[col.index]}.`,
        });
        continue;
      }
      const before = own
        ? (table.share[col.period] ?? null)
        : (table.rows.find((r) => r.unit.id === unitId)?.values[col.period] ?? null);
      if (v !== before) cells.push({ unitId, period: col.period, value: v });
    }
  }
  if (!columns)
    throw invalid([
      {
        field: file.fileName,
        vi: 'Không tìm thấy dòng tiêu đề có cột "Mã đơn vị". Dùng bảng tải từ trang Giao chỉ tiêu.',
        en: 'No header row with a "Mã đơn vị" column was found. Use the table downloaded from the allocation page.',
      },
    ]);
  if (problems.length > 0)
    throw invalid(
      problems,
      'Tệp có lỗi: chưa ghi gì. Sửa các ô được chỉ ra rồi tải lên lại.',
      'The file has problems: nothing was written. Fix the cells listed and upload again.',
    );
  if (cells.length === 0) return { changed: 0 };
  return setAllocation(db, caller, actor, targetId, { unitId: query.unitId, cells });
}
