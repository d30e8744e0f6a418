import fs from 'node:fs';
import path from 'node:path';
import { drawTable, FONT, newDocument, toBuffer } from '../../lib/pdf.ts';
import { type ReportDocument, showCell } from './document.ts';

const OBLIQUE = path.join(path.dirname(FONT.regular), 'DejaVuSans-Oblique.ttf');

/**
 * The report as a printable union document: the two-column header (issuing units and number on the
 * left, the national motto on the right), the place and date, the title, the tables, the note and
 * the signature block. A draft carries a "DỰ THẢO" mark so it is never mistaken for the one sent.
 */
export async function reportPdf(d: ReportDocument): Promise<Buffer> {
  const doc = newDocument(`${d.title} ${d.subtitle}`);
  // The place-and-date line is set in italics by custom; DejaVu's oblique has every Vietnamese letter.
  const italic = fs.existsSync(OBLIQUE) ? 'vi-italic' : 'vi';
  if (italic === 'vi-italic') doc.registerFont('vi-italic', OBLIQUE);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colL = width * 0.44;
  const colR = width * 0.56;
  const xR = left + colL;
  const top = doc.y;

  doc.font('vi').fontSize(10);
  if (d.upperName) doc.text(d.upperName, left, top, { width: colL, align: 'center' });
  doc.font('vi-bold').fontSize(10).text(d.unitName, left, doc.y, { width: colL, align: 'center' });
  const ruleY = doc.y + 4;
  doc
    .moveTo(left + colL * 0.35, ruleY)
    .lineTo(left + colL * 0.65, ruleY)
    .lineWidth(0.5)
    .stroke();
  doc
    .font('vi')
    .fontSize(10)
    .text(d.number, left, ruleY + 6, { width: colL, align: 'center' });
  const leftBottom = doc.y;

  doc
    .font('vi-bold')
    .fontSize(10)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', xR, top, { width: colR, align: 'center' });
  doc.font('vi-bold').fontSize(10.5).text('Độc lập - Tự do - Hạnh phúc', xR, doc.y, {
    width: colR,
    align: 'center',
    underline: true,
  });
  doc
    .font(italic)
    .fontSize(10)
    .text(d.placeDate, xR, doc.y + 10, { width: colR, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 14;
  doc.x = left;

  if (d.draft) {
    doc.font('vi-bold').fontSize(11).fillColor('#c92a2a').text('DỰ THẢO', left, doc.y, { width, align: 'right' });
    doc.fillColor('black');
  }
  doc.font('vi-bold').fontSize(14).text(d.title, left, doc.y, { width, align: 'center' });
  doc
    .font('vi-bold')
    .fontSize(11)
    .text(d.subtitle, left, doc.y + 2, { width, align: 'center' });
  doc.moveDown(1);

  for (const t of d.tables) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.font('vi-bold').fontSize(10.5).text(t.title, left, doc.y, { width });
    doc.moveDown(0.3);
    drawTable(
      doc,
      t.columns.map((c) => ({ title: c.title, width: c.width, align: c.text ? 'left' : 'right' })),
      t.rows.map((r) => r.cells.map((c, i) => showCell(c, r.rate?.includes(i) ?? false))),
      9,
    );
    doc.moveDown(0.4);
  }

  if (d.note) {
    doc.font('vi-bold').fontSize(10.5).text('V. ĐÁNH GIÁ, GHI CHÚ', left, doc.y, { width });
    doc.moveDown(0.3);
    doc.font('vi').fontSize(10).text(d.note, left, doc.y, { width, align: 'justify' });
    doc.moveDown(1);
  }

  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  const signTop = doc.y + 6;
  doc.font('vi-bold').fontSize(9.5).text('Nơi nhận:', left, signTop, { width: colL });
  doc.font('vi').fontSize(9);
  for (const line of d.recipients) doc.text(line, left, doc.y, { width: colL });
  doc.font('vi-bold').fontSize(10.5).text('TM. BAN THƯỜNG VỤ', xR, signTop, { width: colR, align: 'center' });
  doc.text('CHỦ TỊCH', xR, doc.y, { width: colR, align: 'center' });
  return toBuffer(doc);
}
