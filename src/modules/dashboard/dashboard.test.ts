import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { citizenIdCenturyDigit } from '../../lib/ids.ts';
import { fullScope } from '../../lib/scope.ts';
import { addAreas, codes } from '../enterprises/test-helpers.ts';
import { memberCount } from '../plans/measures.ts';
import * as units from '../units/service.ts';
import type { Dashboard } from './schema.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let admin: Client;
let officerB: Client;
const u: Record<string, number> = {};
const ASOF = '2025-04-15';

let seq = 0;
function person(fullName: string, birthDate: string, gender: 'male' | 'female') {
  const year = Number(birthDate.slice(0, 4));
  seq++;
  return {
    fullName,
    birthDate,
    gender,
    citizenId: `040${citizenIdCenturyDigit(year, gender)}${String(year).slice(2)}${String(seq).padStart(6, '0')}`,
  };
}

async function ok(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`${res.statusCode}: ${res.body}`);
  return JSON.parse(res.body);
}
const admit = async (p: ReturnType<typeof person>, unitId: number, onDate: string) =>
  (await ok(await admin.request('POST', '/api/v1/members', { person: p, unitId, onDate }), 201)).personId as number;
const dashboardOf = async (c: Client, query: string) =>
  (await c.get(`/api/v1/dashboard?${query}`)) as never as {
    statusCode: number;
    json: () => Dashboard;
    body: string;
  };

/**
 * On 15/04/2025 the province has six members: Lan and Mai in A1/A4, Hùng (moved A1 -> A2) and Nam
 * in A2, Hoa in B1, Tâm in the sector's S1. Cúc's CĐCS A3 was dissolved in 2024; Bình withdrew.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addAreas(database, t);
  await addUser(database, 'admin', 'system_admin', null);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  app = await buildTestApp(database);
  admin = await clientFor(app, 'admin');
  officerB = await clientFor(app, 'officer-b');
  const actor = { id: null, name: 'test' };
  const mk = (code: string, name: string, parentId: number, foundedOn: string) =>
    units.create(database.db, fullScope, actor, { code, name, type: 'grassroots_union', parentId, foundedOn });
  u.a3 = await mk('A3', 'Công đoàn Hợp tác xã Đức Thọ', t.districtA, '2020-01-01');
  u.a4 = await mk('A4', 'Công đoàn Công ty TNHH Điện tử Anh Sơn', t.districtA, '2025-02-01');
  u.s1 = await mk('S1', 'Công đoàn Trường THPT Huỳnh Thúc Kháng', t.sector, '2000-01-01');

  await admit(person('Trần Thị Lan', '1996-05-01', 'female'), t.a1, '2024-03-15');
  const hung = await admit(person('Nguyễn Văn Hùng', '1980-01-01', 'male'), t.a1, '2024-03-15');
  await ok(await admin.request('POST', `/api/v1/members/${hung}/transfer`, { toUnitId: t.a2, onDate: '2024-06-10' }));
  await admit(person('Lê Thị Cúc', '1970-06-01', 'female'), u.a3, '2023-01-01');
  await ok(await admin.request('POST', `/api/v1/units/${u.a3}/dissolve`, { effectiveOn: '2024-09-01' }));
  await admit(person('Phan Văn Nam', '1990-04-16', 'male'), t.a2, '2025-02-01');
  await admit(person('Hồ Thị Hoa', '1985-01-01', 'female'), t.b1, '2023-05-01');
  const binh = await admit(person('Võ Văn Bình', '1992-01-01', 'male'), u.s1, '2024-12-20');
  await ok(await admin.request('POST', `/api/v1/members/${binh}/end`, { kind: 'withdrawal', onDate: '2025-03-20' }));
  await admit(person('Đặng Thị Mai', '2001-01-01', 'female'), u.a4, '2025-03-01');
  await admit(person('Bùi Văn Tâm', '1960-01-01', 'male'), u.s1, '2022-01-01');

  // A2 is the CĐCS of a foreign-invested enterprise; another of district A has none, and a drive.
  const enterprise = (i: number, extra: object) => ({
    taxCode: codes[i],
    name: `Doanh nghiệp ${i}`,
    ownership: 'foreign_invested',
    upperUnionId: t.districtA,
    status: 'operating',
    workforce: { total: 300, women: 200 },
    asOf: '2020-01-01',
    ...extra,
  });
  await ok(await admin.request('POST', '/api/v1/enterprises', enterprise(0, { grassrootsUnitId: t.a2 })), 201);
  const e2 = await ok(
    await admin.request('POST', '/api/v1/enterprises', enterprise(1, { ownership: 'non_state' })),
    201,
  );
  const drive = await ok(
    await admin.request('POST', '/api/v1/drives', { enterpriseId: e2.id, openedOn: '2025-01-10' }),
    201,
  );
  await ok(
    await admin.request('POST', `/api/v1/drives/${drive.id}/stage`, { stage: 'outreach', onDate: '2025-01-20' }),
  );
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the province dashboard', () => {
  it('gives the KPIs of hand-built data: a transfer counted once, an ended unit and a withdrawal not counted', async () => {
    const res = await dashboardOf(admin, `unitId=${t.province}&asOf=${ASOF}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toMatchObject({ id: t.province, type: 'provincial_federation' });
    expect(body.yearStart).toBe('2025-01-01');
    expect(body.kpis).toEqual({
      members: 6,
      women: 3,
      womenShare: 0.5,
      grassroots: 5,
      newMembers: 2,
      newGrassroots: 1,
      coverage: { rate: 0.5, covered: 1, target: 2 },
      drives: { active: 1, stalled: 1 },
    });
    expect(body.byGender).toEqual({ male: 3, female: 3, unknown: 0 });
    expect(body.byAge).toEqual([
      { band: 'under_30', members: 2 },
      { band: '30_39', members: 1 },
      { band: '40_49', members: 2 },
      { band: '50_plus', members: 1 },
      { band: 'unknown', members: 0 },
    ]);
    expect(body.bySector).toEqual([
      { kind: 'territorial', unit: null, members: 5 },
      { kind: 'sector_union', unit: { id: t.sector, name: 'Công đoàn Giáo dục tỉnh' }, members: 1 },
    ]);
    expect(body.byOwnership.filter((o) => o.members > 0)).toEqual([
      { ownership: 'foreign_invested', members: 2 },
      { ownership: 'none', members: 4 },
    ]);
    expect(body.drives.stages.find((s) => s.stage === 'outreach')).toEqual({
      stage: 'outreach',
      active: 1,
      stalled: 1,
    });
    expect(body.drives.stages.reduce((s, x) => s + x.active, 0)).toBe(1);
  });

  it('ranks the direct sub-units with members, growth since 31 December, new members and coverage', async () => {
    const body = (await dashboardOf(admin, `unitId=${t.province}&asOf=${ASOF}`)).json();
    const row = (id: number) => body.ranking.find((r) => r.unit.id === id);
    // Most members first; a tie goes in Vietnamese name order.
    expect(body.ranking.map((r) => r.unit.id)).toEqual([t.districtA, t.sector, t.districtB]);
    expect(row(t.districtA)).toEqual({
      unit: { id: t.districtA, name: 'Liên đoàn Lao động huyện Anh Sơn', type: 'district_federation' },
      members: 4,
      membersAtYearStart: 2,
      newMembers: 2,
      growth: 1,
      grassroots: 3,
      coverage: { rate: 0.5, covered: 1, target: 2 },
    });
    expect(row(t.districtB)).toMatchObject({ members: 1, membersAtYearStart: 1, growth: 0, newMembers: 0 });
    expect(row(t.sector)).toMatchObject({ members: 1, membersAtYearStart: 2, growth: -0.5, grassroots: 1 });
  });

  it('gives members at each month end of 24 months, equal to the exact count on each day', async () => {
    for (const unitId of [t.province, t.districtA]) {
      const body = (await dashboardOf(admin, `unitId=${unitId}&asOf=${ASOF}`)).json();
      expect(body.series).toHaveLength(24);
      expect(body.series[0]?.day).toBe('2023-05-31');
      expect(body.series[23]?.day).toBe(ASOF);
      for (const p of body.series) expect(p.members).toBe((await memberCount(database.db, unitId, p.day)).total.value);
    }
    const province = (await dashboardOf(admin, `unitId=${t.province}&asOf=${ASOF}`)).json();
    const at = (day: string) => province.series.find((p) => p.day === day)?.members;
    // Tâm and Hoa; then Lan and Hùng; Hùng's transfer changes nothing; A3's end takes Cúc away.
    expect([at('2023-05-31'), at('2024-03-31'), at('2024-06-30'), at('2024-09-30'), at('2025-03-31')]).toEqual([
      3, 5, 5, 4, 6,
    ]);
  });

  it("opens the caller's own unit by default and answers 404 for a unit outside their scope", async () => {
    const own = await dashboardOf(officerB, `asOf=${ASOF}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().unit.id).toBe(t.districtB);
    expect(own.json().kpis.members).toBe(1);
    expect(own.json().ancestors).toEqual([]);
    const other = await dashboardOf(officerB, `unitId=${t.districtA}&asOf=${ASOF}`);
    expect(other.statusCode).toBe(404);
    expect(JSON.stringify(other.json())).not.toContain('Anh Sơn');
    const sub = (await dashboardOf(admin, `unitId=${t.districtA}&asOf=${ASOF}`)).json();
    expect(sub.ancestors).toEqual([{ id: t.province, name: 'Liên đoàn Lao động tỉnh Thử Nghiệm' }]);
  });
});
