import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';
import { addAreas, codes, csv, workbook } from './test-helpers.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let officerB: Client;
const ids: Record<string, number> = {};
const HANOI = '0100233488'; // a Hà Nội code: Excel keeps it as the number 100233488

const code = (i: number) => codes[i] as string;

async function add(c: Client, key: string, body: object) {
  const res = await c.request('POST', '/api/v1/enterprises', {
    ownership: 'non_state',
    status: 'operating',
    asOf: '2020-01-01',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  ids[key] = res.json().id;
}

/** A DPI extract as the department sends it: titles, a header on row 4, the numbered row (1)…(8). */
const dpiFile = () =>
  workbook([
    ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH THỬ NGHIỆM'],
    ['DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ (trích xuất ngày 30/06/2024)'],
    [],
    [
      'STT',
      'Mã số doanh nghiệp',
      'Tên doanh nghiệp',
      'Loại hình doanh nghiệp',
      'Ngày thành lập',
      'Địa chỉ trụ sở chính',
      'Ngành nghề kinh doanh chính',
      'Tình trạng hoạt động',
    ],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
    [
      1,
      Number(HANOI),
      'CÔNG TY CỔ PHẦN XÂY DỰNG THĂNG LONG - CHI NHÁNH ANH SƠN',
      'Công ty cổ phần',
      '15/03/2016',
      'Thị trấn Anh Sơn, Huyện Anh Sơn',
      '4100 - Xây dựng nhà các loại',
      'Đang hoạt động',
    ],
    [
      2,
      code(11),
      'Công ty TNHH Điện tử Anh Sơn',
      'Công ty TNHH có vốn đầu tư nước ngoài',
      new Date(Date.UTC(2018, 6, 2)),
      'Lô A1, KCN Anh Sơn, Xã Đức Thọ, Huyện Anh Sơn',
      '2610 - Sản xuất linh kiện điện tử',
      'NNT đang hoạt động',
    ],
    [
      3,
      code(12),
      'CÔNG TY CỔ PHẦN GẠCH NGÓI BÌNH MINH XANH',
      'Công ty cổ phần',
      '01/01/2005',
      'Xã Đức Thọ, Huyện Anh Sơn',
      '2392',
      'Đang hoạt động',
    ],
    [4, code(13), 'CÔNG TY TNHH THƯƠNG MẠI HỒNG LAM', 'Công ty TNHH', '', '', '', 'Đang hoạt động'],
    [5, code(14), 'Công ty TNHH Chế biến gỗ Sông Lam', 'Công ty TNHH', '', '', '', 'Đã giải thể'],
    [
      6,
      `${code(15).slice(0, 9)}${(Number(code(15)[9]) + 1) % 10}`,
      'Công ty Sai Mã',
      'Công ty TNHH',
      '31/02/2020',
      '',
      '',
      'Đang hoạt động',
    ],
    [
      7,
      code(16),
      'Công ty TNHH Bình Minh Xanh',
      'Công ty TNHH',
      '',
      'Xã Bình Minh, Huyện Bắc Bình',
      '',
      'Đang hoạt động',
    ],
    [8, code(17), 'Công ty TNHH Vận tải Bắc Bình', 'Công ty TNHH', '', '', '', 'Tạm ngừng kinh doanh'],
    [9, code(11), 'Công ty TNHH Điện tử Anh Sơn', 'Công ty TNHH', '', '', '', 'Đang hoạt động'],
  ]);

/** Social Insurance lists: semicolons, a byte-order mark, "Số lao động" merged over two sub-columns. */
const bhxhFile = (rows: (string | number)[][], month?: string) =>
  csv([
    ['BẢO HIỂM XÃ HỘI TỈNH THỬ NGHIỆM'],
    [`DANH SÁCH ĐƠN VỊ THAM GIA BHXH${month ? ` THÁNG ${month}` : ''}`],
    ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Mã số thuế', 'Địa chỉ', 'Số lao động', '', ...(month ? ['Tháng'] : [])],
    ['', '', '', '', '', 'Tổng số', 'Trong đó nữ', ...(month ? [''] : [])],
    ...rows.map((r, i) => [i + 1, `TA${String(i).padStart(4, '0')}A`, ...r, ...(month ? [month] : [])]),
  ]);

const upload = (c: Client, file: Buffer, q: string, name = 'trich-xuat.xlsx', preview = false) =>
  c.request('POST', `/api/v1/enterprises/import${preview ? '/preview' : ''}?fileName=${name}&${q}`, file, {
    'content-type': 'application/octet-stream',
  });
const detail = async (key: string, asOf = '2024-12-31') =>
  (await officerA.get(`/api/v1/enterprises/${ids[key]}?asOf=${asOf}`)).json();

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addAreas(database, t);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  await add(officerA, 'X', {
    taxCode: code(12),
    name: 'Công ty CP Gạch Tuy nen Bình Minh',
    address: 'Số 1 đường Lê Lợi',
    upperUnionId: t.districtA,
  });
  await add(officerA, 'Y', { taxCode: code(13), name: 'Công ty TNHH Thương mại Hồng Lam', upperUnionId: t.districtA });
  await add(officerA, 'Z', {
    taxCode: code(14),
    name: 'Công ty TNHH Chế biến gỗ Sông Lam',
    upperUnionId: t.districtA,
    workforce: { total: 60 },
  });
  await add(officerB, 'Q', { taxCode: code(17), name: 'Công ty TNHH Vận tải Bắc Bình', upperUnionId: t.districtB });
  await add(officerA, 'V', { taxCode: code(20), name: 'Công ty TNHH May Anh Sơn', upperUnionId: t.districtA });
  await add(officerA, 'W', {
    taxCode: code(21),
    name: 'Công ty Cổ phần Mía đường Anh Sơn',
    upperUnionId: t.districtA,
    workforce: { total: 200 },
    asOf: '2024-05-01',
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a business-registration extract (DPI)', () => {
  it('previews: header on row 4, the numbered row skipped, every problem by row and column, nothing written', async () => {
    const res = await upload(officerA, await dpiFile(), 'source=dpi&asOf=2024-06-30', 'dkkd.xlsx', true);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.headerRow).toBe(4);
    expect(
      r.columns
        .filter((c: { field: string | null }) => c.field)
        .map((c: { letter: string; field: string }) => `${c.letter}:${c.field}`),
    ).toEqual(['B:taxCode', 'C:name', 'D:ownership', 'E:startedOn', 'F:address', 'G:industry', 'H:status']);
    expect(r.counts).toEqual({ new: 2, updated: 3, unchanged: 0, invalid: 2, outOfScope: 2, conflicts: 3 });
    // The preview lists the conflicts a person will decide, though it writes none of them.
    expect(r.conflicts).toHaveLength(3);
    expect(r.conflicts.map((c: { kind: string; field: string }) => `${c.kind}:${c.field}`).sort()).toEqual([
      'business_closed:status',
      'field_differs:address',
      'name_differs:name',
    ]);
    const named = r.conflicts.find((c: { kind: string }) => c.kind === 'name_differs');
    expect(named).toMatchObject({ ourValue: 'Công ty CP Gạch Tuy nen Bình Minh' });
    expect(named.taxCode).toMatch(/^\d{10}/);
    expect((await officerA.get('/api/v1/enterprises/conflicts')).json().items).toEqual([]);
    expect(r.problems.map((p: { row: number; column: string }) => `${p.row}${p.column}`)).toEqual([
      '11B',
      '11E',
      '14B',
    ]);
    expect(r.problems[0].message).toContain('chữ số kiểm tra');
    expect(r.problems[1].message).toContain('31/02/2020');
    expect(r.problems[2].message).toBe('Trùng mã số thuế với dòng 7.');
    expect(r.committed).toBe(false);
    expect((await officerA.get(`/api/v1/enterprises?q=${HANOI}`)).json().items).toEqual([]);
  });

  it('commits nothing while a row is wrong, unless asked to take the good rows', async () => {
    expect((await upload(officerA, await dpiFile(), 'source=dpi&asOf=2024-06-30')).json().committed).toBe(false);
    const r = (await upload(officerA, await dpiFile(), 'source=dpi&asOf=2024-06-30&take=valid')).json();
    expect(r).toMatchObject({ committed: true, counts: { new: 2, conflicts: 3 } });
  });

  it('adds new enterprises with their place, zone, ownership and the union in charge of that place', async () => {
    const hanoi = (await officerA.get(`/api/v1/enterprises?q=${HANOI}`)).json().items[0];
    expect(hanoi).toMatchObject({
      taxCode: HANOI,
      areaCode: '99102',
      upperUnion: { id: t.districtA },
      status: 'operating',
    });
    const d = (await officerA.get(`/api/v1/enterprises/${hanoi.id}?asOf=2016-03-15`)).json();
    expect(d).toMatchObject({
      startedOn: '2016-03-15',
      industryCode: '4100',
      industryName: 'Xây dựng nhà các loại',
      status: 'operating',
    });
    expect(d.fieldSources).toMatchObject({ name: 'dpi', address: 'dpi' });
    const fdi = (await officerA.get(`/api/v1/enterprises?q=${code(11)}`)).json().items[0];
    expect(fdi).toMatchObject({ ownership: 'foreign_invested', zone: { name: 'KCN Anh Sơn' }, areaCode: '99101' });
  });

  it('keeps what officers typed and raises conflicts instead; a same name in capitals is no conflict', async () => {
    const x = await detail('X');
    expect(x).toMatchObject({
      name: 'Công ty CP Gạch Tuy nen Bình Minh',
      address: 'Số 1 đường Lê Lợi',
      startedOn: '2005-01-01',
    });
    expect(x.fieldSources).toMatchObject({ name: 'manual', address: 'manual', startedOn: 'dpi' });
    expect(x.conflicts.map((c: { kind: string; field: string }) => `${c.kind}:${c.field}`).sort()).toEqual([
      'field_differs:address',
      'name_differs:name',
    ]);
    expect((await detail('Y')).conflicts).toEqual([]);
    const z = await detail('Z');
    expect(z.status).toBe('operating');
    expect(z.conflicts[0]).toMatchObject({
      kind: 'business_closed',
      message: expect.stringContaining(
        'Sở Kế hoạch và Đầu tư ghi tình trạng «Đã giải thể, đóng mã số thuế» từ 30/06/2024',
      ),
    });
  });

  it('leaves another district’s enterprises untouched', async () => {
    const q = (await officerB.get(`/api/v1/enterprises/${ids.Q}`)).json();
    expect(q.status).toBe('operating');
    expect(q.facts.every((f: { source: string }) => f.source === 'manual')).toBe(true);
    expect((await officerB.get(`/api/v1/enterprises?q=${code(16)}`)).json().items).toEqual([]);
  });

  it('is idempotent: the same file again changes nothing and raises nothing', async () => {
    const r = (await upload(officerA, await dpiFile(), 'source=dpi&asOf=2024-06-30&take=valid')).json();
    expect(r.counts).toEqual({ new: 0, updated: 0, unchanged: 5, invalid: 2, outOfScope: 2, conflicts: 0 });
  });

  it('a person decides: accept the closure (coverage moves), keep our name (not raised again)', async () => {
    const list = (await officerA.get('/api/v1/enterprises/conflicts')).json().items;
    expect(list).toHaveLength(3);
    expect((await officerB.get('/api/v1/enterprises/conflicts')).json().items).toEqual([]);
    const closed = list.find((c: { kind: string }) => c.kind === 'business_closed');
    const name = list.find((c: { kind: string }) => c.kind === 'name_differs');
    const address = list.find((c: { field: string }) => c.field === 'address');
    expect(
      (await officerB.request('POST', `/api/v1/enterprises/conflicts/${closed.id}/resolve`, { decision: 'accept' }))
        .statusCode,
    ).toBe(404);
    const before = (await officerA.get(`/api/v1/enterprises/coverage?unitId=${t.districtA}&asOf=2024-07-01`)).json();
    const res = await officerA.request('POST', `/api/v1/enterprises/conflicts/${closed.id}/resolve`, {
      decision: 'accept',
      note: 'Đã xác minh',
    });
    expect(res.json()).toMatchObject({ status: 'accepted', resolutionNote: 'Đã xác minh' });
    expect((await detail('Z', '2024-06-29')).status).toBe('operating');
    expect((await detail('Z', '2024-06-30')).status).toBe('closed');
    const after = (await officerA.get(`/api/v1/enterprises/coverage?unitId=${t.districtA}&asOf=2024-07-01`)).json();
    expect(after.target).toBe(before.target - 1);
    await officerA.request('POST', `/api/v1/enterprises/conflicts/${name.id}/resolve`, { decision: 'keep' });
    await officerA.request('POST', `/api/v1/enterprises/conflicts/${address.id}/resolve`, { decision: 'accept' });
    const x = await detail('X');
    expect(x).toMatchObject({ name: 'Công ty CP Gạch Tuy nen Bình Minh', address: 'Xã Đức Thọ, Huyện Anh Sơn' });
    expect(x.fieldSources).toMatchObject({ name: 'manual', address: 'dpi' });
    const again = await officerA.request('POST', `/api/v1/enterprises/conflicts/${name.id}/resolve`, {
      decision: 'accept',
    });
    expect(again.statusCode).toBe(409);
    const r = (await upload(officerA, await dpiFile(), 'source=dpi&asOf=2024-06-30&take=valid')).json();
    expect(r.counts.conflicts).toBe(0);
  });
});

describe('an insured-workers extract (BHXH)', () => {
  it('reads a two-row header and counts written "1.250"; the month column dates each row', async () => {
    const march = bhxhFile([
      ['CTY TNHH MAY ANH SƠN', code(20), 'Huyện Anh Sơn', 40, 30],
      ['Công ty TNHH Giày Anh Sơn', code(22), 'Xã Đức Thọ, Huyện Anh Sơn', '1.250', '1.100'],
    ]);
    const r = (await upload(officerA, march, 'source=bhxh&asOf=2024-03-31', 'bhxh-03.csv')).json();
    expect(r.columns.filter((c: { field: string | null }) => c.field).map((c: { field: string }) => c.field)).toEqual([
      'name',
      'taxCode',
      'address',
      'workforce',
      'women',
    ]);
    expect(r).toMatchObject({ committed: true, counts: { new: 1, updated: 1, conflicts: 0 } });
    expect((await detail('V', '2024-04-01')).workforce).toMatchObject({ total: 40, women: 30, source: 'bhxh' });
    // "CTY TNHH MAY" is how Social Insurance abbreviates "Công ty TNHH May": not a different name.
    expect((await detail('V')).conflicts).toEqual([]);
    const shoes = (await officerA.get(`/api/v1/enterprises?q=${code(22)}&asOf=2024-04-01`)).json().items[0];
    expect(shoes.workforce).toMatchObject({ total: 1250, women: 1100 });
  });

  it('holds back a jump and a count that contradicts the officer’s, until someone decides', async () => {
    const june = bhxhFile(
      [
        ['Công ty TNHH May Anh Sơn', code(20), '', 120, 90],
        ['Công ty Cổ phần Mía đường Anh Sơn', code(21), '', 150, 60],
      ],
      '06/2024',
    );
    const r = (await upload(officerA, june, 'source=bhxh', 'bhxh-06.csv')).json();
    expect(r).toMatchObject({ committed: true, counts: { conflicts: 2 } });
    expect((await detail('V')).workforce).toMatchObject({ total: 40 });
    expect((await detail('W')).workforce).toMatchObject({ total: 200, source: 'manual' });
    const conflicts = (await officerA.get('/api/v1/enterprises/conflicts?kind=workforce_jump')).json().items;
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      asOf: '2024-06-30',
      registerValue: { total: 120, women: 90 },
      ourValue: { total: 40, women: 30 },
    });
    await officerA.request('POST', `/api/v1/enterprises/conflicts/${conflicts[0].id}/resolve`, { decision: 'accept' });
    expect((await detail('V', '2024-06-29')).workforce).toMatchObject({ total: 40 });
    expect((await detail('V', '2024-06-30')).workforce).toMatchObject({ total: 120, source: 'bhxh' });
    const manual = (await officerA.get('/api/v1/enterprises/conflicts?kind=manual_differs')).json().items[0];
    expect(manual.message).toContain('cán bộ đã nhập: 200');
    await officerA.request('POST', `/api/v1/enterprises/conflicts/${manual.id}/resolve`, { decision: 'keep' });
    const w = await detail('W');
    expect(w.workforce).toMatchObject({ total: 200, source: 'manual' });
    expect(w.facts.find((f: { source: string }) => f.source === 'bhxh')).toMatchObject({
      state: 'rejected',
      importFile: 'bhxh-06.csv',
    });
    expect((await upload(officerA, june, 'source=bhxh', 'bhxh-06.csv')).json().counts).toMatchObject({
      conflicts: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('slots a backdated extract in before the later counts', async () => {
    const december = bhxhFile([['Công ty TNHH May Anh Sơn', code(20), '', 38, 28]], '12/2023');
    expect((await upload(officerA, december, 'source=bhxh', 'bhxh-12-2023.csv')).json().counts).toMatchObject({
      updated: 1,
    });
    expect((await detail('V', '2023-12-31')).workforce).toMatchObject({ total: 38 });
    expect((await detail('V', '2024-03-30')).workforce).toMatchObject({ total: 38 });
    expect((await detail('V', '2024-03-31')).workforce).toMatchObject({ total: 40 });
    expect((await detail('V', '2024-07-01')).workforce).toMatchObject({ total: 120 });
  });

  it('leaves exactly one value per day: no two effective facts or assignments overlap', async () => {
    const facts = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from enterprise_fact a join enterprise_fact b on a.enterprise_id = b.enterprise_id
            and a.kind = b.kind and a.id < b.id and a.state = 'effective' and b.state = 'effective'
            and daterange(a.observed_on, a.valid_to) && daterange(b.observed_on, b.valid_to)`,
    );
    const periods = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from enterprise_assignment a join enterprise_assignment b
            on a.enterprise_id = b.enterprise_id and a.id < b.id
            and daterange(a.valid_from, a.valid_to) && daterange(b.valid_from, b.valid_to)`,
    );
    expect([facts.rows[0]?.n, periods.rows[0]?.n]).toEqual([0, 0]);
  });

  it('refuses a file without a tax-code column, saying which column it needs', async () => {
    const res = await upload(
      officerA,
      csv([
        ['Tên', 'Số lao động'],
        ['A', 1],
      ]),
      'source=bhxh',
      'x.csv',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toContain('Mã số thuế');
  });
});
