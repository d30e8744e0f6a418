import { excel } from '../../lib/exceljs.ts';
import type { ReportDocument } from './document.ts';

/**
 * The report as one worksheet: the same header lines and tables as the PDF, numbers as numbers
 * (officers add them up again in Excel) and rates as percentages. Small: built in memory.
 */
export async function reportXlsx(d: ReportDocument): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = 'congdoan';
  const ws = wb.addWorksheet('Báo cáo', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToWidth: 1 } });
  ws.columns = [{ width: 6 }, { width: 52 }, { width: 16 }, { width: 14 }, { width: 16 }, { width: 16 }];
  type Font = Partial<import('exceljs').Font>;
  const bold: Font = { bold: true, name: 'Times New Roman', size: 12 };
  const plain: Font = { name: 'Times New Roman', size: 12 };
  const center = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

  const line = (row: number, left: string, right: string, leftFont = plain, rightFont = bold) => {
    ws.mergeCells(row, 1, row, 2);
    ws.mergeCells(row, 3, row, 6);
    Object.assign(ws.getCell(row, 1), { value: left, font: leftFont, alignment: center });
    Object.assign(ws.getCell(row, 3), { value: right, font: rightFont, alignment: center });
  };
  line(1, d.upperName, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  line(2, d.unitName, 'Độc lập - Tự do - Hạnh phúc', bold, { ...bold, underline: true });
  line(3, d.number, d.placeDate, plain, { ...plain, italic: true });
  let row = 5;
  const title = (text: string, font = bold) => {
    ws.mergeCells(row, 1, row, 6);
    Object.assign(ws.getCell(row, 1), { value: text, font, alignment: center });
    row++;
  };
  if (d.draft) title('DỰ THẢO', { ...bold, color: { argb: 'FFC92A2A' } });
  title(d.title, { ...bold, size: 14 });
  title(d.subtitle);
  row++;

  for (const t of d.tables) {
    ws.getCell(row, 1).value = t.title;
    ws.getCell(row, 1).font = bold;
    row++;
    // Tables with a label column start at column B; the sub-unit table uses A for its order number.
    const first = t.columns.length === 6 ? 1 : 2;
    t.columns.forEach((c, i) => {
      const cell = ws.getCell(row, first + i);
      Object.assign(cell, { value: c.title, font: bold, alignment: center });
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    });
    row++;
    for (const r of t.rows) {
      r.cells.forEach((v, i) => {
        const cell = ws.getCell(row, first + i);
        cell.value = v;
        cell.font = r.bold ? bold : plain;
        if (typeof v === 'number') cell.numFmt = r.rate?.includes(i) ? '0.0%' : '#,##0';
      });
      row++;
    }
    row++;
  }
  if (d.note) {
    ws.getCell(row, 1).value = 'V. ĐÁNH GIÁ, GHI CHÚ';
    ws.getCell(row, 1).font = bold;
    row++;
    ws.mergeCells(row, 1, row, 6);
    Object.assign(ws.getCell(row, 1), { value: d.note, font: plain, alignment: { wrapText: true, vertical: 'top' } });
    ws.getRow(row).height = Math.min(400, 16 * Math.ceil(d.note.length / 90));
    row += 2;
  }
  ws.getCell(row, 1).value = 'Nơi nhận:';
  ws.getCell(row, 1).font = bold;
  ws.mergeCells(row, 3, row, 6);
  Object.assign(ws.getCell(row, 3), { value: 'TM. BAN THƯỜNG VỤ', font: bold, alignment: center });
  ws.mergeCells(row + 1, 3, row + 1, 6);
  Object.assign(ws.getCell(row + 1, 3), { value: 'CHỦ TỊCH', font: bold, alignment: center });
  d.recipients.forEach((text, i) => {
    ws.getCell(row + 1 + i, 2).value = text;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
