import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from './errors.ts';
import { fold } from './vietnamese.ts';
import { readXlsx } from './xlsx.ts';

/** A cell as read: text, number, a date (xlsx date cells) or empty. */
export type Cell = string | number | Date | boolean | null;
export type SheetRow = { rowNumber: number; cells: Cell[] };

/** Column letters as Excel shows them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Header text folded for matching: "Số CCCD/CMND (*)" -> "so cccd cmnd". */
export const foldHeader = (text: string) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Reads the first sheet of an .xlsx file, or a .csv file (comma, semicolon or tab; UTF-8 with or
 * without BOM), row by row without holding the whole file as objects: memory stays flat.
 */
export async function* readSheet(
  data: Buffer | string,
  fileName: string,
  onBytes?: (read: number, total: number) => void,
): AsyncGenerator<SheetRow> {
  const lower = fileName.toLowerCase();
  const total = typeof data === 'string' ? fs.statSync(data).size : data.length;
  const source = () => {
    // A path is streamed from disk (the CLI), so even the file itself is never held whole.
    const stream = typeof data === 'string' ? fs.createReadStream(data) : Readable.from(data);
    let read = 0;
    if (onBytes)
      stream.on('data', (chunk: Buffer | string) => {
        read += chunk.length;
        onBytes(read, total);
      });
    return stream;
  };
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const head = typeof data === 'string' ? readHead(data) : data.subarray(0, 4096).toString('utf8');
    yield* readCsv(source(), head);
    return;
  }
  if (!lower.endsWith('.xlsx'))
    throw new AppError(
      'unsupported_file',
      400,
      `Tệp «${fileName}» không đọc được: chỉ nhận .xlsx hoặc .csv (tệp .xls cũ: mở bằng Excel và lưu lại dạng .xlsx).`,
      `«${fileName}» cannot be read: only .xlsx or .csv (for an old .xls, open it in Excel and save as .xlsx).`,
    );
  try {
    yield* readXlsx(data, onBytes);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'unreadable_file',
      400,
      `Tệp «${fileName}» không phải tệp Excel hợp lệ hoặc bị hỏng. Mở bằng Excel, lưu lại dạng .xlsx rồi thử lại.`,
      `«${fileName}» is not a valid Excel file or is damaged. Open it in Excel, save as .xlsx and try again.`,
    );
  }
}

function readHead(file: string) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(4096);
  const n = fs.readSync(fd, buf, 0, 4096, 0);
  fs.closeSync(fd);
  return buf.subarray(0, n).toString('utf8');
}

async function* readCsv(input: Readable, head: string): AsyncGenerator<SheetRow> {
  const delimiter = [';', '\t', ','].reduce(
    (best, d) => (head.split(d).length > head.split(best).length ? d : best),
    ',',
  );
  const parser = input.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, trim: false }),
  );
  let n = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    n++;
    yield { rowNumber: n, cells: record.map((c) => (c === '' ? null : c)) };
  }
}

/** Text of a cell with stray spaces removed; numbers keep their digits (no 1.2e+11). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).replace(/\s+/g, ' ').trim();
}

/** A day from a cell: a date cell, an Excel serial number, or dd/mm/yyyy (or yyyy-mm-dd) text. */
export function cellDay(c: Cell | undefined, parseText: (t: string) => string | null): string | null {
  if (c === null || c === undefined || c === '') return null;
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'number' && c > 0 && c < 100000) {
    // Excel serial: days since 1899-12-30 (the 1900 leap-year bug is folded into that epoch).
    return new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86400000).toISOString().slice(0, 10);
  }
  return parseText(cellText(c));
}
