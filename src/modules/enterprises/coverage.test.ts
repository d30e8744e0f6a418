import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { excel } from '../../lib/exceljs.ts';
import { fullScope } from '../../lib/scope.ts';
import * as units from '../units/service.ts';
import { addAreas, codes } from './test-helpers.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let officerB: Client;
let admin: Client;
const ids: Record<string, number> = {};

type Spec = {
  key: string;
  code: string;
  upper: 'districtA' | 'districtB';
  ownership?: string;
  startedOn?: string;
  zone?: boolean;
  workforce: [string, number][];
  closedOn?: string;
  cdcs?: number;
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  const { zoneId } = await addAreas(database, t);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  await addUser(database, 'admin', 'system_admin', null);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  admin = await clientFor(app, 'admin');
  // A CĐCS founded in 2024 at a large enterprise of district A.
  const late = await units.create(
    database.db,
    fullScope,
    { id: null, name: 'test' },
    {
      code: 'A6',
      name: 'Công đoàn Công ty Cổ phần Gỗ Sông Lam',
      type: 'grassroots_union',
      parentId: t.districtA,
      foundedOn: '2024-03-01',
    },
  );
  const specs: Spec[] = [
    {
      key: 'E1',
      code: codes[0] as string,
      upper: 'districtA',
      ownership: 'foreign_invested',
      startedOn: '2010-05-01',
      zone: true,
      workforce: [['2020-01-01', 300]],
    },
    {
      key: 'E2',
      code: codes[1] as string,
      upper: 'districtA',
      startedOn: '2020-02-01',
      workforce: [['2020-02-01', 25]],
      cdcs: t.a2,
    },
    { key: 'E3', code: codes[2] as string, upper: 'districtA', workforce: [['2020-01-01', 24]] },
    {
      key: 'E4',
      code: codes[3] as string,
      upper: 'districtA',
      workforce: [['2020-01-01', 100]],
      closedOn: '2023-06-01',
    },
    { key: 'E5', code: codes[4] as string, upper: 'districtB', workforce: [['2020-01-01', 60]], cdcs: t.b1 },
    {
      key: 'E6',
      code: codes[5] as string,
      upper: 'districtA',
      startedOn: '2015-01-10',
      workforce: [['2020-01-01', 800]],
      cdcs: late,
    },
    {
      key: 'E7',
      code: codes[6] as string,
      upper: 'districtA',
      startedOn: '2022-01-01',
      workforce: [
        ['2022-01-01', 40],
        ['2024-01-01', 10],
      ],
    },
  ];
  for (const s of specs) {
    const c = s.upper === 'districtA' ? admin : officerB;
    const res = await c.request('POST', '/api/v1/enterprises', {
      taxCode: s.code,
      name: `Doanh nghiệp ${s.key}`,
      ownership: s.ownership ?? 'non_state',
      upperUnionId: t[s.upper],
      status: 'operating',
      asOf: '2019-01-01',
      ...(s.startedOn ? { startedOn: s.startedOn } : {}),
      ...(s.zone ? { industrialZoneId: zoneId, areaCode: '99101' } : {}),
      ...(s.cdcs ? { grassrootsUnitId: s.cdcs } : {}),
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    const id = res.json().id as number;
    ids[s.key] = id;
    for (const [asOf, total] of s.workforce)
      await admin.request('POST', `/api/v1/enterprises/${id}/facts`, { kind: 'workforce', total, asOf });
    if (s.closedOn)
      await admin.request('POST', `/api/v1/enterprises/${id}/facts`, {
        kind: 'status',
        status: 'closed',
        asOf: s.closedOn,
      });
  }
  // Ten members of CĐCS A2 (E2's), admitted in 2022.
  for (let i = 0; i < 10; i++) {
    await database.db.execute(sql`with p as (insert into person (full_name, name_folded, sort_key, gender)
        values (${`Người ${i}`}, ${`nguoi ${i}`}, ${`nguoi ${i}`}, 'female') returning id)
      insert into membership (person_id, unit_id, valid_from, start_kind) select id, ${t.a2}, '2022-03-01', 'admission' from p`);
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const coverage = (c: Client, unitId: number, asOf: string) =>
  c.get(`/api/v1/enterprises/coverage?unitId=${unitId}&asOf=${asOf}`);

describe('coverage as of a day', () => {
  it('counts operating enterprises with 25+ workers of district A, and those with a CĐCS', async () => {
    const c = (await coverage(officerA, t.districtA, '2023-12-31')).json();
    // E1 300, E2 25 (CĐCS), E6 800, E7 40; E3 has 24; E4 closed on 01/06/2023.
    expect(c).toMatchObject({ operating: 5, target: 4, covered: 1, uncovered: 3, rate: 0.25 });
    expect(c).toMatchObject({ workersInTarget: 1165, workersInCovered: 25, membersInCovered: 10, density: 0.4 });
    expect(c.byOwnership).toContainEqual({ ownership: 'foreign_invested', target: 1, covered: 0, rate: 0 });
  });

  it('gives the same past answer whatever was recorded later, and moves with dated facts', async () => {
    expect((await coverage(officerA, t.districtA, '2023-05-31')).json()).toMatchObject({
      target: 5,
      covered: 1,
      rate: 0.2,
    });
    // From 01/03/2024 E6 has its CĐCS; from 01/01/2024 E7 has 10 workers.
    expect((await coverage(officerA, t.districtA, '2024-06-01')).json()).toMatchObject({
      target: 3,
      covered: 2,
      rate: 0.6667,
    });
    expect((await coverage(admin, t.province, '2024-06-01')).json()).toMatchObject({
      target: 4,
      covered: 3,
      rate: 0.75,
    });
    expect((await coverage(admin, t.province, '2018-12-31')).json()).toMatchObject({
      operating: 0,
      target: 0,
      rate: null,
    });
  });

  it('ranks enterprises without a CĐCS by the plan’s priorities, across pages', async () => {
    const first = (
      await officerA.get(`/api/v1/enterprises/coverage/gaps?unitId=${t.districtA}&asOf=2023-12-31&limit=2`)
    ).json();
    expect(first.total).toBe(3);
    expect(first.items.map((g: { id: number }) => g.id)).toEqual([ids.E1, ids.E6]);
    // E1: 300 workers (3) + foreign (3) + 13 years (2) + zone (1); E6: 800 workers (4) + 8 years (1).
    expect(first.items[0].priority).toEqual({
      score: 9,
      reasons: ['300 lao động', 'Có vốn đầu tư nước ngoài', 'Hoạt động 13 năm', 'Trong KCN Anh Sơn'],
    });
    expect(first.items[1]).toMatchObject({ rank: 2, workforce: 800, yearsOperating: 8, priority: { score: 5 } });
    const second = (
      await officerA.get(
        `/api/v1/enterprises/coverage/gaps?unitId=${t.districtA}&asOf=2023-12-31&limit=2&after=${first.next}`,
      )
    ).json();
    expect(second.items.map((g: { id: number; rank: number }) => [g.id, g.rank])).toEqual([[ids.E7, 3]]);
    expect(second.next).toBeNull();
    // The root of the tree reads every fact in one pass (not per unit): the same three, same order.
    const whole = (await admin.get(`/api/v1/enterprises/coverage/gaps?unitId=${t.province}&asOf=2023-12-31`)).json();
    expect(whole.items.map((g: { id: number; workforce: number }) => [g.id, g.workforce])).toEqual([
      [ids.E1, 300],
      [ids.E6, 800],
      [ids.E7, 40],
    ]);
  });

  it('exports the ranked list as .xlsx in the same order', async () => {
    const res = await admin.get(`/api/v1/enterprises/coverage/gaps.xlsx?unitId=${t.districtA}&asOf=2023-12-31`);
    expect(res.statusCode).toBe(200);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const taxCodes = [2, 3, 4].map((r) => ws?.getRow(r).getCell(2).value);
    expect(taxCodes).toEqual([codes[0], codes[5], codes[6]]);
    expect(ws?.getRow(1).getCell(3).value).toBe('Tên doanh nghiệp');
  });

  it('lists members and density per enterprise with a CĐCS', async () => {
    const list = (await officerA.get('/api/v1/enterprises?covered=true&asOf=2023-12-31')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: ids.E2, members: 10, density: 0.4 })]);
  });
});

describe('coverage broken down', () => {
  it('per direct sub-unit: the districts of the province, each with its own figures', async () => {
    const c = (await admin.get(`/api/v1/enterprises/coverage/children?unitId=${t.province}&asOf=2023-12-31`)).json();
    expect(c.items).toEqual([
      expect.objectContaining({
        unit: { id: t.districtA, name: expect.any(String) },
        self: false,
        target: 4,
        covered: 1,
        rate: 0.25,
      }),
      expect.objectContaining({
        unit: { id: t.districtB, name: expect.any(String) },
        self: false,
        target: 1,
        covered: 1,
        rate: 1,
      }),
    ]);
  });

  it('per commune as registered, for the map', async () => {
    const a = (await officerA.get(`/api/v1/enterprises/coverage/areas?unitId=${t.districtA}&asOf=2023-12-31`)).json();
    expect(a.items).toEqual([
      expect.objectContaining({ areaCode: '99101', name: 'Xã Đức Thọ', parentCode: '991', target: 1, covered: 0 }),
      expect.objectContaining({ areaCode: null, target: 3, covered: 1 }),
    ]);
    expect((await officerB.get(`/api/v1/enterprises/coverage/areas?unitId=${t.districtA}`)).statusCode).toBe(404);
    expect((await officerB.get(`/api/v1/enterprises/coverage/children?unitId=${t.province}`)).statusCode).toBe(404);
  });
});

describe('scope of coverage', () => {
  it('district B sees its own coverage and nothing of A or the province (404)', async () => {
    expect((await coverage(officerB, t.districtB, '2024-06-01')).json()).toMatchObject({
      target: 1,
      covered: 1,
      rate: 1,
    });
    expect((await coverage(officerB, t.districtA, '2024-06-01')).statusCode).toBe(404);
    expect((await coverage(officerB, t.province, '2024-06-01')).statusCode).toBe(404);
    expect((await officerB.get(`/api/v1/enterprises/coverage/gaps?unitId=${t.districtA}`)).statusCode).toBe(404);
    expect((await officerB.get(`/api/v1/enterprises/coverage/gaps.xlsx?unitId=${t.districtA}`)).statusCode).toBe(404);
  });
});
