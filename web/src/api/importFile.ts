import type { Workbook } from 'exceljs';
import type { ImportReport } from './memberImport.ts';

/**
 * The officer's own file, read in the browser: the server's report names each problem by row and
 * column, and the officer recognises it by what the cell holds and whose row it is. Also writes the
 * file back with the problem cells marked, to fix in Excel and send again.
 */
export type SheetCells = { text: (row: number, column: string) => string };

// ExcelJS is large: loaded only when a report has problems to show.
const loadExcel = async () => (await import('exceljs')).default;

const isCsv = (name: string) => /\.(csv|txt)$/i.test(name);

/** The cells of the file's first sheet (.xlsx) or of the .csv, as the server read them. */
export async function readCells(file: File): Promise<SheetCells> {
  if (isCsv(file.name)) {
    const rows = parseCsv(await file.text());
    return { text: (row, column) => clean(rows[row - 1]?.[columnIndex(column)] ?? '') };
  }
  const wb = await loadWorkbook(file);
  const ws = wb.worksheets[0];
  return {
    text: (row, column) => {
      if (!ws || !column) return '';
      return cellText(ws.getRow(row).getCell(column).value);
    },
  };
}

/**
 * The file as .xlsx with each problem cell filled red and the problem as the cell's note; a row
 * refused as a whole has its row number cell marked. A .csv becomes an .xlsx with the same cells.
 */
export async function markProblems(file: File, report: ImportReport): Promise<Blob> {
  const ExcelJS = await loadExcel();
  let wb: Workbook;
  if (isCsv(file.name)) {
    wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const r of parseCsv(await file.text())) ws.addRow(r);
  } else wb = await loadWorkbook(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('empty workbook');
  const nameColumn = report.columns.find((c) => c.field === 'fullName')?.letter ?? 'A';
  const notes = new Map<string, string[]>();
  for (const p of report.problems) {
    const address = `${p.column || nameColumn}${p.row}`;
    notes.set(address, [...(notes.get(address) ?? []), p.message]);
  }
  for (const [address, messages] of notes) {
    const cell = ws.getCell(address);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC9C9' } };
    cell.note = messages.join('\n');
  }
  return new Blob([await wb.xlsx.writeBuffer()], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

async function loadWorkbook(file: File): Promise<Workbook> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await file.arrayBuffer());
  return wb;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Dates as dd/mm/yyyy, whole numbers with all their digits, formulas by their result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v && Array.isArray(v.richText)) return clean(v.richText.map((t) => t.text).join(''));
    if ('text' in v) return clean(String(v.text));
    if ('error' in v) return String(v.error);
  }
  return clean(String(v));
}

/** A → 0, Z → 25, AA → 26. */
function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** CSV as the server reads it: comma, semicolon or tab (whichever the start uses most), quotes. */
function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const head = body.slice(0, 4096);
  const delimiter = [';', '\t', ','].reduce(
    (best, d) => (head.split(d).length > head.split(best).length ? d : best),
    ',',
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
