import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDay } from './dates.ts';
import { excel } from './exceljs.ts';
import { cellDay, cellText, columnLetter, readSheet } from './spreadsheet.ts';

describe('reading spreadsheets', () => {
  it('keeps every Vietnamese letter intact across a large streamed sheet', async () => {
    // Multi-byte letters land on chunk boundaries somewhere in a file this size (the bug was seen
    // at row 21,844 of 50,000); every row must read back exactly as written.
    const names = ['Nguyễn Thị Nữ', 'Đặng Văn Được', 'Hồ Thị Hương', 'Lương Văn Ượng', 'Vừ Bá Giàng'];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cd-sheet-')), 'big.xlsx');
    const wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: file });
    const ws = wb.addWorksheet('A');
    for (let i = 0; i < 40_000; i++) ws.addRow([i, names[i % names.length], i % 2 ? 'Nữ' : 'Nam']).commit();
    await ws.commit();
    await wb.commit();
    let n = 0;
    let bad = 0;
    for await (const row of readSheet(file, 'big.xlsx')) {
      const i = Number(row.cells[0]);
      if (row.cells[1] !== names[i % names.length] || row.cells[2] !== (i % 2 ? 'Nữ' : 'Nam')) bad++;
      n++;
    }
    expect(n).toBe(40_000);
    expect(bad).toBe(0);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('reads a semicolon CSV with a BOM, and names columns as Excel does', async () => {
    const csv = Buffer.from('\uFEFFHọ và tên;Ngày sinh\nNguyễn Văn Đức;12/05/1990\n', 'utf8');
    const rows = [];
    for await (const r of readSheet(csv, 'ds.csv')) rows.push(r.cells);
    expect(rows).toEqual([
      ['Họ và tên', 'Ngày sinh'],
      ['Nguyễn Văn Đức', '12/05/1990'],
    ]);
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('reads days from text, Excel serial numbers and date cells alike', () => {
    expect(cellDay('31/12/2023', parseDay)).toBe('2023-12-31');
    expect(cellDay(45291, parseDay)).toBe('2023-12-31');
    expect(cellDay(new Date(Date.UTC(2023, 11, 31)), parseDay)).toBe('2023-12-31');
    expect(cellText(40090123456)).toBe('40090123456');
    expect(cellText('  Nguyễn   Văn  ')).toBe('Nguyễn Văn');
  });
});
