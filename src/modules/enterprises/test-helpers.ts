/** Shared set-up of the enterprise tests: areas and a zone for the small test tree, tax codes, files. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { excel } from '../../lib/exceljs.ts';
import { taxCodeCheckDigit } from '../../lib/ids.ts';
import { fold } from '../../lib/vietnamese.ts';

/** The n-th valid Nghệ An-style tax code (29 + sequence + check digit), skipping prefixes without one. */
export function taxCode(n: number): string {
  for (let k = n; ; k++) {
    const first9 = `29${String(k).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

/** Distinct valid tax codes: the i-th of them for i = 0, 1, 2… */
export const codes = Array.from({ length: 200 }, (_, i) => taxCode(1000 + i * 3));

/**
 * Areas for the small tree (test/tree.ts): district A is Huyện Anh Sơn (991), district B Huyện Bắc
 * Bình (992), each with communes; the district federations get those area codes, and district A has
 * an industrial zone.
 */
export async function addAreas(database: Database, t: { districtA: number; districtB: number }) {
  const rows: [string, string, string, string | null][] = [
    ['99', 'Tỉnh Thử Nghiệm', 'province', null],
    ['991', 'Huyện Anh Sơn', 'district', '99'],
    ['992', 'Huyện Bắc Bình', 'district', '99'],
    ['99101', 'Xã Đức Thọ', 'commune', '991'],
    ['99102', 'Thị trấn Anh Sơn', 'commune', '991'],
    ['99201', 'Xã Bình Minh', 'commune', '992'],
    ['99202', 'Xã Đức Thọ', 'commune', '992'],
  ];
  for (const [code, name, level, parent] of rows)
    await database.db.execute(
      sql`insert into area (code, name, name_folded, level, parent_code, valid_from)
          values (${code}, ${name}, ${fold(name)}, ${level}, ${parent}, '1991-01-01')`,
    );
  await database.db.execute(sql`update unit_version set area_code = '991' where unit_id = ${t.districtA}`);
  await database.db.execute(sql`update unit_version set area_code = '992' where unit_id = ${t.districtB}`);
  const zone = await database.db.execute(
    sql`insert into industrial_zone (name, name_folded, area_code) values ('KCN Anh Sơn', 'kcn anh son', '99101') returning id`,
  );
  return { zoneId: Number((zone as unknown as { rows: { id: number }[] }).rows[0]?.id) };
}

/** An .xlsx workbook of the given rows (first sheet). */
export async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A .csv file as Vietnamese offices export it: semicolons, UTF-8 with a byte-order mark. */
export const csv = (rows: (string | number)[][]) =>
  Buffer.from(
    `\ufeff${rows.map((r) => r.map((c) => (String(c).includes(';') ? `"${c}"` : String(c))).join(';')).join('\r\n')}`,
  );
