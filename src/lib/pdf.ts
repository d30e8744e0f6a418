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
