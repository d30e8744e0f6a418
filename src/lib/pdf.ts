import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFKitType from 'pdfkit';
import type QRCodeType from 'qrcode';

const require = createRequire(import.meta.url);
// Loaded on first use: PDF and QR libraries are large and most requests never need them.
export const qrcode = () => require('qrcode') as typeof QRCodeType;
const pdfkit = () => require('pdfkit') as typeof PDFKitType;
// DejaVu covers every Vietnamese letter and tone mark, and ships as an npm package: no download.
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT = { regular: path.join(fontDir, 'DejaVuSans.ttf'), bold: path.join(fontDir, 'DejaVuSans-Bold.ttf') };

/** An A4 document with the Vietnamese fonts registered as 'vi' and 'vi-bold'. */
export function newDocument(title: string) {
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({ size: 'A4', margin: 36, info: { Title: title, Creator: 'congdoan' } });
  doc.registerFont('vi', FONT.regular);
  doc.registerFont('vi-bold', FONT.bold);
  doc.font('vi');
  return doc;
}

/** Draws a QR code as vector squares: crisp at any print size. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = qrcode().create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell).fill();
  doc.restore();
}

/** Collects a finished document into one Buffer. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export type PdfColumn = { title: string; width: number; align?: 'left' | 'right' | 'center' };

/**
 * A simple ruled table that flows over pages, repeating its header row on each new page.
 * Widths are fractions of the text width. Returns the y below the table.
 */
export function drawTable(doc: PDFKit.PDFDocument, columns: PdfColumn[], rows: string[][], fontSize = 8.5) {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const widths = columns.map((c) => c.width * full);
  const pad = 3;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return (
      Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad
    );
  };
  const drawRow = (cells: string[], y: number, font: string, fill?: string) => {
    const h = heightOf(cells, font);
    let x = left;
    cells.forEach((t, i) => {
      const w = widths[i] ?? 0;
      if (fill) doc.rect(x, y, w, h).fill(fill);
      doc.rect(x, y, w, h).lineWidth(0.4).strokeColor('#9aa5b1').stroke();
      doc
        .fillColor('black')
        .font(font)
        .fontSize(fontSize)
        .text(t, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left' });
      x += w;
    });
    return y + h;
  };
  const header = columns.map((c) => c.title);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let y = drawRow(header, doc.y, 'vi-bold', '#e8eef5');
  for (const r of rows) {
    if (y + heightOf(r, 'vi') > bottom()) {
      doc.addPage();
      y = drawRow(header, doc.page.margins.top, 'vi-bold', '#e8eef5');
    }
    y = drawRow(r, y, 'vi');
  }
  doc.x = left;
  doc.y = y + 8;
  return doc.y;
}
