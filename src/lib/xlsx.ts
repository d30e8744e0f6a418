/**
 * Reads the first worksheet of an .xlsx file row by row, streaming: the zip's central directory
 * says where each part lies, the sheet is inflated chunk by chunk and scanned for rows, so memory
 * holds one chunk and the shared-string table, never the sheet. Why not ExcelJS's streaming
 * reader, which this replaced for reading: it took 6.5-12 s of CPU for a 170,000-row member list
 * (a SAX event object per tag, async generators per chunk, a Row object per row), more than the
 * whole import's goal; this reads the same file in about 1.5 s (docs/architecture.md). Cell values
 * are what ExcelJS gave: shared and inline strings, numbers, booleans, and date-formatted numbers
 * as Dates (the 1904 date system honoured); a formula gives its cached result.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export type XlsxCell = string | number | Date | boolean | null;
export type XlsxRow = { rowNumber: number; cells: XlsxCell[] };

type Entry = { method: number; compressedSize: number; localOffset: number; flags: number };
type Source = {
  size: number;
  read: (position: number, length: number) => Promise<Buffer>;
  stream: (start: number, end: number) => Readable;
  close: () => Promise<void>;
};

export class XlsxError extends Error {}

/** Reads the first sheet (in the workbook's tab order). onBytes reports compressed bytes read. */
export async function* readXlsx(
  data: Buffer | string,
  onBytes?: (read: number, total: number) => void,
): AsyncGenerator<XlsxRow> {
  const src = typeof data === 'string' ? await fileSource(data) : bufferSource(data);
  try {
    const zip = await readDirectory(src);
    const part = (name: string) => zip.get(name.replace(/^\/+/, '').toLowerCase());
    const text = async (name: string) => {
      const e = part(name);
      if (!e) return null;
      let s = '';
      for await (const chunk of textChunks(await entryStream(src, e))) s += chunk;
      return s;
    };
    const rootRels = relationships((await text('_rels/.rels')) ?? '', '');
    const workbookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const workbook = await text(workbookPath);
    if (workbook === null) throw new XlsxError('no workbook part');
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const rels = relationships((await text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`)) ?? '', dir);
    const target = (kind: string, fallback: string) => rels.find((r) => r.type.endsWith(kind))?.target ?? fallback;
    const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbook);
    const date1904 = /^(1|true)$/.test(attr(pr?.[1] ?? '', 'date1904') ?? '');
    const firstSheet = /<(?:\w+:)?sheet\b([^>]*)>/.exec(workbook);
    const sheetRel = firstSheet ? attr(firstSheet[1] ?? '', 'r:id') : null;
    const sheetPath = rels.find((r) => r.id === sheetRel)?.target ?? firstSheetEntry(zip);
    const sheet = sheetPath ? part(sheetPath) : undefined;
    if (!sheet) throw new XlsxError('no worksheet');
    const shared = await sharedStrings(src, part(target('/sharedStrings', `${dir}sharedStrings.xml`)));
    const dateStyles = dateStylesOf((await text(target('/styles', `${dir}styles.xml`))) ?? '');
    const raw = await entryStream(src, sheet, (n) => onBytes?.(n, src.size));
    yield* sheetRows(textChunks(raw), shared, dateStyles, date1904);
  } finally {
    await src.close();
  }
}

// ---- the zip container ------------------------------------------------------------------------

async function fileSource(file: string): Promise<Source> {
  const fh = await fs.promises.open(file, 'r');
  const { size } = await fh.stat();
  return {
    size,
    read: async (position, length) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    },
    stream: (start, end) => fs.createReadStream(file, { start, end: end - 1, highWaterMark: 256 * 1024 }),
    close: () => fh.close(),
  };
}

function bufferSource(buf: Buffer): Source {
  return {
    size: buf.length,
    read: async (position, length) => buf.subarray(position, position + length),
    // Fed in slices, so progress moves and inflating never sees the whole part at once.
    stream: (start, end) =>
      Readable.from(
        (function* () {
          for (let i = start; i < end; i += 256 * 1024) yield buf.subarray(i, Math.min(end, i + 256 * 1024));
        })(),
      ),
    close: async () => {},
  };
}

/** The central directory: where each part lies and how it is compressed (zip64 included). */
async function readDirectory(src: Source): Promise<Map<string, Entry>> {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new XlsxError('not a zip file');
  let size = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = await src.read(Number(tail.readBigUInt64LE(eocd - 12)), 56);
    if (z.readUInt32LE(0) !== 0x06064b50) throw new XlsxError('bad zip64 directory');
    size = Number(z.readBigUInt64LE(40));
    offset = Number(z.readBigUInt64LE(48));
  }
  const cd = await src.read(offset, size);
  const entries = new Map<string, Entry>();
  for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const entry: Entry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      localOffset: cd.readUInt32LE(p + 42),
    };
    const uncompressed = cd.readUInt32LE(p + 24);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64: the 32-bit fields that overflowed are in extra field 1, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = cd.readUInt16LE(e);
      const length = cd.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (uncompressed === 0xffffffff) q += 8;
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    entries.set(name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), entry);
    p += 46 + nameLength + extraLength + cd.readUInt16LE(p + 32);
  }
  return entries;
}

async function entryStream(src: Source, e: Entry, onRead?: (position: number) => void): Promise<Readable> {
  if (e.flags & 1) throw new XlsxError('encrypted');
  const local = await src.read(e.localOffset, 30);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new XlsxError('bad local header');
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = src.stream(start, start + e.compressedSize);
  if (onRead) {
    let position = start;
    raw.on('data', (chunk: Buffer) => {
      position += chunk.length;
      onRead(position);
    });
  }
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new XlsxError(`compression method ${e.method}`);
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  raw.on('error', (err) => inflate.destroy(err));
  return raw.pipe(inflate);
}

/** UTF-8 text of a stream, chunk by chunk; a letter split across chunks is decoded whole. */
async function* textChunks(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

function firstSheetEntry(zip: Map<string, Entry>) {
  const sheets = [...zip.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
  return sheets.sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')))[0];
}

// ---- XML --------------------------------------------------------------------------------------

const ENTITY = /&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decode(s: string): string {
  // Line ends are normalised before references are expanded, as XML does: &#13; stays a CR.
  const t = s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
  if (t.indexOf('&') < 0) return t;
  return t.replace(ENTITY, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (NAMED[e.toLowerCase()] ?? m),
  );
}

const attrPatterns = new Map<string, RegExp>();
/** One attribute's decoded value from a tag's attribute text, or null. */
function attr(attrs: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decode(m[1] ?? m[2] ?? '') : null;
}

function relationships(xml: string, base: string) {
  const out: { id: string; type: string; target: string }[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = m[1] ?? '';
    const t = attr(a, 'Target') ?? '';
    out.push({
      id: attr(a, 'Id') ?? '',
      type: attr(a, 'Type') ?? '',
      target: t.startsWith('/') ? t.slice(1) : normalisePath(base + t),
    });
  }
  return out;
}

function normalisePath(p: string) {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The shared-string table: each <si>'s text runs joined (phonetic runs left out). */
async function sharedStrings(src: Source, e: Entry | undefined): Promise<string[]> {
  const table: string[] = [];
  if (!e) return table;
  let rest = '';
  const take = (part: string) => {
    SHARED.lastIndex = 0;
    for (let m = SHARED.exec(part); m; m = SHARED.exec(part)) table.push(runText(m[1] ?? ''));
  };
  for await (const chunk of textChunks(await entryStream(src, e))) {
    const s = rest + chunk;
    const cut = lastEnd(s, 'si>');
    if (cut < 0) {
      rest = s;
      continue;
    }
    rest = s.slice(cut);
    take(s.slice(0, cut));
  }
  take(rest);
  return table;
}

// Built-in number formats that are dates or times (ExcelJS's table: 14-22 and 45-47).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a format code shows a date or time: y, m, d, h, s outside quotes and brackets. */
export const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style (xf) index, whether its number format is a date. */
function dateStylesOf(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g))
    custom.set(Number(attr(m[1] ?? '', 'numFmtId')), attr(m[1] ?? '', 'formatCode') ?? '');
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? '0');
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

/** Column index from a cell reference: "B12" -> 1, "AA3" -> 26; -1 when there is none. */
function columnOf(ref: string | null): number {
  if (!ref) return -1;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === 0 ? -1 : n - 1;
}

// The t and s attributes of the last cell read by cellAttributes (kept out of an object per cell).
let cellType = '';
let cellStyle = 0;

/** Reads a <c> tag's r, t and s attributes from s[from, to); returns r (null when absent). */
function cellAttributes(s: string, from: number, to: number): string | null {
  let ref: string | null = null;
  cellType = '';
  cellStyle = 0;
  let i = from;
  while (i < to) {
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq >= to) break;
    let k = eq - 1;
    while (k > i && s.charCodeAt(k) <= 32) k--;
    let b = k;
    while (b > i && s.charCodeAt(b - 1) > 32) b--;
    const name = s.slice(b, k + 1);
    let q = eq + 1;
    while (q < to && s.charCodeAt(q) <= 32) q++;
    const quote = s[q];
    const close = s.indexOf(quote === "'" ? "'" : '"', q + 1);
    if (close < 0 || close >= to) break;
    if (name === 'r') ref = s.slice(q + 1, close);
    else if (name === 't') cellType = s.slice(q + 1, close);
    else if (name === 's') cellStyle = Number(s.slice(q + 1, close)) || 0;
    i = close + 1;
  }
  return ref;
}

const P = '(?:[\\w.-]+:)?'; // an optional namespace prefix: some writers emit <x:row>, <x:c>
const ROW = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const VALUE = new RegExp(`<${P}v\\b[^>]*?(?:/>|>([^<]*)<)`);
const TEXT = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([^<]*)<)`, 'g');
const FORMULA = new RegExp(`<${P}f\\b`);
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const CDATA = /<!\[CDATA\[([\s\S]*?)]]>/g;
const SHARED = new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g');

/**
 * The sheet's rows: each chunk is cut after its last complete row, and the rows and cells before
 * the cut are matched by regular expressions (compiled to native code: far faster here than
 * visiting every tag from JavaScript).
 */
async function* sheetRows(
  chunks: AsyncIterable<string>,
  shared: string[],
  dateStyles: boolean[],
  date1904: boolean,
): AsyncGenerator<XlsxRow> {
  let rest = '';
  let lastRow = 0;
  function* rows(part: string) {
    ROW.lastIndex = 0;
    for (let m = ROW.exec(part); m; m = ROW.exec(part)) {
      const r = attr(m[1] ?? '', 'r');
      lastRow = r ? Number(r) : lastRow + 1;
      yield { rowNumber: lastRow, cells: m[2] ? rowCells(m[2], shared, dateStyles, date1904) : [] };
    }
  }
  for await (const chunk of chunks) {
    const s = rest + chunk;
    const cut = lastEnd(s, 'row>');
    if (cut < 0) {
      if (s.length > 64 << 20) throw new XlsxError('row too long');
      rest = s;
      continue;
    }
    rest = s.slice(cut);
    yield* rows(s.slice(0, cut));
  }
  yield* rows(rest); // the end of the sheet: whatever is left is complete
}

/** Where the last element closed by "</name>" (or "</x:name>") ends in s, or -1. */
function lastEnd(s: string, nameAndBracket: string): number {
  for (let i = s.lastIndexOf(nameAndBracket); i > 0; i = s.lastIndexOf(nameAndBracket, i - 1))
    if (s.charCodeAt(s.lastIndexOf('<', i) + 1) === 47 /* / */) return i + nameAndBracket.length; // not "<row>"
  return -1;
}

/** The text of a run container (an <si>, or an inline string's <is>): its <t>s joined. */
function runText(inner: string): string {
  if (inner.includes('<![CDATA['))
    inner = inner.replace(CDATA, (_, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  if (inner.includes('rPh')) inner = inner.replace(PHONETIC, '');
  let text = '';
  TEXT.lastIndex = 0;
  for (let m = TEXT.exec(inner); m; m = TEXT.exec(inner)) text += decode(m[1] ?? '');
  return text;
}

function rowCells(body: string, shared: string[], dateStyles: boolean[], date1904: boolean): XlsxCell[] {
  const cells: XlsxCell[] = [];
  let col = -1;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
    const a = m[1] ?? '';
    const ref = cellAttributes(a, 0, a.length);
    const c = columnOf(ref);
    col = c >= 0 ? c : col + 1;
    let inner = m[2];
    if (!inner) continue;
    let text: string | null;
    let formula = false;
    if (inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4) {
      text = decode(inner.slice(3, -4)); // the usual cell: <v>…</v>
    } else if (cellType === 'inlineStr') {
      text = runText(inner);
    } else {
      if (inner.includes('<![CDATA['))
        inner = inner.replace(CDATA, (_, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      formula = FORMULA.test(inner);
      const v = VALUE.exec(inner);
      text = v ? decode(v[1] ?? '') : null;
    }
    if (text === null) continue;
    const v = cellValue(text, cellType, formula, cellStyle > 0 && dateStyles[cellStyle] === true, shared, date1904);
    if (v === null) continue;
    while (cells.length < col) cells.push(null);
    cells[col] = v;
  }
  return cells;
}

function cellValue(
  text: string,
  type: string,
  formula: boolean,
  dateStyle: boolean,
  shared: string[],
  date1904: boolean,
): XlsxCell {
  switch (type) {
    case 's':
      return text === '' ? null : (shared[Number(text)] ?? null);
    case 'inlineStr':
    case 'str':
      return text;
    case 'e':
      return text;
    case 'b':
      return formula ? Number(text) : text !== '' && Number(text) !== 0;
    case 'd': {
      const d = new Date(text);
      return Number.isNaN(d.getTime()) ? text : d;
    }
  }
  if (text === '') return null;
  const n = Number.parseFloat(text);
  if (Number.isNaN(n)) return text;
  // As ExcelJS: a date-formatted number is a Date (a formula's result stays a number).
  if (dateStyle && !formula) return new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  return n;
}
