import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { messyMemberWorkbook } from '../../../test/spreadsheets.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { excel } from '../../lib/exceljs.ts';
import { run } from '../../lib/tx.ts';

let database: Database;
let app: App;
let officerA: Client;
let officerB: Client;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let file: Buffer;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  file = await messyMemberWorkbook();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const upload = (c: Client, path: string, unitId: number, take = 'all') =>
  c.request('POST', `/api/v1/members/${path}?unitId=${unitId}&fileName=ds-doan-vien.xlsx&take=${take}`, file, {
    'content-type': 'application/octet-stream',
  });

describe('importing a member spreadsheet', () => {
  it('previews: finds the header on row 4, maps the columns, and reports each problem by row and column', async () => {
    const res = await upload(officerA, 'import/preview', t.a1);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.headerRow).toBe(4);
    expect(
      r.columns
        .filter((c: { field: string | null }) => c.field)
        .map((c: { letter: string; field: string }) => `${c.letter}:${c.field}`),
    ).toEqual(['B:fullName', 'C:birthDate', 'D:gender', 'E:citizenId', 'F:phone', 'G:ethnicity', 'H:admittedOn']);
    expect(r.counts).toEqual({ new: 3, updated: 0, unchanged: 0, invalid: 1 });
    // Row 7: every mistake at once (bad date, a CCCD with no such province, a landline).
    expect(r.problems.map((p: { row: number; column: string }) => `${p.row}${p.column}`)).toEqual(['7C', '7E', '7F']);
    expect(r.problems[0]).toMatchObject({ header: 'Ngày sinh', message: expect.stringContaining('31/02/1988') });
    expect(r.committed).toBe(false);
    expect((await officerA.get('/api/v1/members')).json().items).toEqual([]);
  });

  it('commits nothing when any row is wrong, unless asked to take the good rows', async () => {
    const all = (await upload(officerA, 'import', t.a1)).json();
    expect(all.committed).toBe(false);
    expect((await officerA.get('/api/v1/members')).json().items).toEqual([]);
    const valid = (await upload(officerA, 'import', t.a1, 'valid')).json();
    expect(valid.committed).toBe(true);
    const list = (await officerA.get('/api/v1/members')).json().items;
    expect(list.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn Đức', 'Trần Thị Lan', 'Hồ Thị Mai']);
  });

  it('reads what the cells meant: lost leading zeros, dotted phones, Excel serial and date cells', async () => {
    const duc = (await officerA.get('/api/v1/members?q=nguyen van duc')).json().items[0];
    const d = (await officerA.get(`/api/v1/members/${duc.personId}`)).json();
    expect(d.person).toMatchObject({
      fullName: 'Nguyễn Văn Đức',
      citizenId: '040090123456',
      phone: '+84912345678',
      birthDate: '1990-05-12',
    });
    expect(d.memberships[0]).toMatchObject({ validFrom: '2022-03-01', startKind: 'import' });
    const lan = (await officerA.get('/api/v1/members?q=lan tran')).json().items[0];
    expect(lan).toMatchObject({ birthDate: '1995-02-01', ethnicity: 'Thái' });
    const lanDetail = (await officerA.get(`/api/v1/members/${lan.personId}`)).json();
    expect(lanDetail.memberships[0].validFrom).toBe('2021-09-01');
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const again = (await upload(officerA, 'import', t.a1, 'valid')).json();
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 3, invalid: 1 });
    expect((await officerA.get('/api/v1/members')).json().items.length).toBe(3);
  });

  it('refuses to import into a CĐCS outside the officer’s district, and refuses a member of another CĐCS', async () => {
    expect((await upload(officerB, 'import', t.a1, 'valid')).statusCode).toBe(404);
    const elsewhere = (await upload(officerA, 'import/preview', t.a2)).json();
    expect(elsewhere.counts.new).toBe(1); // only the member without a citizen ID is new there
    expect(elsewhere.problems.filter((p: { message: string }) => p.message.includes('CĐCS khác')).length).toBe(2);
  });

  it('explains a file it cannot read', async () => {
    const res = await officerA.request(
      'POST',
      `/api/v1/members/import/preview?unitId=${t.a1}&fileName=ds.xls`,
      Buffer.from('old'),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toContain('.xlsx');
  });
});

describe('exporting, and accounting for every look at personal data', () => {
  it('exports the list as .xlsx that Excel reads back, with the same rows as the screen', async () => {
    const res = await officerA.get(`/api/v1/members/export.xlsx?under=${t.a1}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names = [2, 3, 4].map((r) => ws?.getRow(r).getCell(2).value);
    expect(names).toEqual(['Nguyễn Văn Đức', 'Trần Thị Lan', 'Hồ Thị Mai']);
    expect(ws?.getRow(2).getCell(6).value).toBe('040090123456');
    expect(ws?.getRow(2).getCell(3).value).toBe('12/05/1990');
  });

  it('logs who viewed or exported whose identifiers', async () => {
    const duc = (await officerA.get('/api/v1/members?q=nguyen van duc')).json().items[0];
    await officerA.get(`/api/v1/members/${duc.personId}`);
    const log = await run<{ kind: string; user_name: string; person_id: number | null; rows: number }>(
      database.db,
      sql`select kind, user_name, person_id, rows from personal_data_access order by id`,
    );
    expect(log.rows.some((r) => r.kind === 'export' && r.user_name === 'officer-a' && r.rows === 3)).toBe(true);
    expect(log.rows.some((r) => r.kind === 'view' && r.person_id === duc.personId)).toBe(true);
    expect(log.rows.some((r) => r.kind === 'list' && r.user_name === 'officer-a')).toBe(true);
  });
});
