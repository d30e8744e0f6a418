import zlib from 'node:zlib';
import type { CellValue } from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excel } from './exceljs.ts';
import { readXlsx, type XlsxCell } from './xlsx.ts';

/** What ExcelJS's streaming reader (the reader this one replaced) gives for the first sheet. */
async function readWithExcelJs(data: Buffer) {
  const plain = (v: CellValue): XlsxCell => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'object' && !(v instanceof Date)) {
      if ('result' in v) return plain(v.result as CellValue);
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
    }
    return v as XlsxCell;
  };
  // ExcelJS's whole-file loader is the oracle: its streaming reader cannot resolve shared strings
  // and date styles when a file stores them after the sheet (as its own streaming writer does).
  const wb = new (excel().Workbook)();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: { rowNumber: number; cells: XlsxCell[] }[] = [];
  wb.worksheets[0]?.eachRow((row) => {
    rows.push({ rowNumber: row.number, cells: Array.from((row.values as CellValue[]).slice(1), plain) });
  });
  return rows;
}

async function readAll(data: Buffer | string) {
  const rows = [];
  for await (const r of readXlsx(data)) rows.push(r);
  return rows;
}

const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữự<>&"\'\n\t;#'];
const text = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  text,
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.integer({ min: 1, max: 99 }).map((n) => ({ formula: `${n}+1`, result: n + 1 })),
  fc.tuple(text, text).map(([a, b]) => ({ richText: [{ text: a }, { text: b, font: { bold: true } }] })),
);
const sheet = fc.array(fc.array(cell, { maxLength: 9 }), { minLength: 1, maxLength: 25 });

describe('reading .xlsx', () => {
  it('reads every cell as ExcelJS did: strings, numbers, booleans, dates, formulas, rich text', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async (rows, streamed) => {
        let data: Buffer;
        if (streamed) {
          // The streaming writer, with shared strings: what large exports look like.
          const chunks: Buffer[] = [];
          const sink = new (await import('node:stream')).PassThrough();
          sink.on('data', (c: Buffer) => chunks.push(c));
          const wb = new (excel().stream.xlsx.WorkbookWriter)({
            stream: sink,
            useSharedStrings: true,
            useStyles: true,
          });
          const ws = wb.addWorksheet('A');
          for (const r of rows) ws.addRow(r).commit();
          await ws.commit();
          await wb.commit();
          data = Buffer.concat(chunks);
        } else {
          const wb = new (excel().Workbook)();
          const ws = wb.addWorksheet('A');
          for (const r of rows) ws.addRow(r);
          wb.addWorksheet('B').addRow(['not this one']);
          data = Buffer.from(await wb.xlsx.writeBuffer());
        }
        // A row with no value in it is nothing to import, whether or not a reader reports it.
        const filled = (rows: { cells: XlsxCell[] }[]) => rows.filter((r) => r.cells.some((c) => c !== null));
        expect(filled(await readAll(data))).toEqual(filled(await readWithExcelJs(data)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads namespaced parts, the 1904 date system, phonetic runs, CDATA, and rows or cells without a reference', async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const data = zip({
      '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
      'xl/workbook.xml': `<x:workbook ${ns} xmlns:r="r"><x:workbookPr date1904="1"/><x:sheets>
        <x:sheet name="Đầu" sheetId="2" r:id="rId2"/><x:sheet name="Sau" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': rels([
        ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
        ['rId2', 'worksheet', '/xl/worksheets/sheet2.xml'],
        ['rId3', 'sharedStrings', 'sharedStrings.xml'],
        ['rId4', 'styles', 'styles.xml'],
      ]),
      'xl/styles.xml': `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>
        <numFmt numFmtId="165" formatCode="&quot;Tháng&quot; 0"/></numFmts>
        <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      'xl/sharedStrings.xml': `<x:sst ${ns}><x:si><x:t>Nguyễn Văn Đức</x:t></x:si>
        <x:si><x:r><x:t xml:space="preserve">Trần </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Thị Lan</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si>
        <x:si><x:t>A &amp; B &lt;C&gt; &#272;&#x1EE9;c</x:t></x:si><x:si/></x:sst>`,
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
      'xl/worksheets/sheet2.xml': `<x:worksheet ${ns}><x:sheetData>
        <x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="D2" t="s"><x:v>1</x:v></x:c></x:row>
        <x:row><x:c t="s"><x:v>2</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c s="2"><x:v>5</x:v></x:c><x:c s="3"><x:f>A1</x:f><x:v>10</x:v></x:c></x:row>
        <x:row r="7"/>
        <x:row r="8"><x:c r="A8" t="inlineStr"><x:is><x:t><![CDATA[<b> & ]]></x:t><x:r><x:t>rest</x:t></x:r></x:is></x:c>
          <x:c r="B8" t="b"><x:v>1</x:v></x:c><x:c r="C8" t="str"><x:f>"x"</x:f><x:v>x</x:v></x:c><x:c r="E8" s="1"/></x:row>
      </x:sheetData></x:worksheet>`,
    });
    expect(await readAll(data)).toEqual([
      { rowNumber: 2, cells: [null, 'Nguyễn Văn Đức', null, 'Trần Thị Lan'] },
      { rowNumber: 3, cells: ['A & B <C> Đức', new Date(Date.UTC(1904, 0, 1)), 5, 10] },
      { rowNumber: 7, cells: [] },
      { rowNumber: 8, cells: ['<b> & rest', true, 'x'] },
    ]);
  });

  it('refuses what is not an .xlsx file', async () => {
    await expect(readAll(Buffer.from('Họ và tên;Ngày sinh\n'))).rejects.toThrow();
  });
});

const rels = (list: [string, string, string][]) =>
  `<Relationships>${list
    .map(
      ([id, type, target]) =>
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`,
    )
    .join('')}</Relationships>`;

/** A zip of the given parts, deflated (what a hand-made or unusual .xlsx looks like inside). */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const raw = Buffer.from(content, 'utf8');
    const data = zlib.deflateRawSync(raw);
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(zlib.crc32(raw), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(zlib.crc32(raw), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    central.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
