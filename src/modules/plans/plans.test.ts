import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { excel } from '../../lib/exceljs.ts';
import { fullScope } from '../../lib/scope.ts';
import { codes } from '../enterprises/test-helpers.ts';
import * as units from '../units/service.ts';
import { memberCount } from './measures.ts';
import { periodsOf, periodWindow } from './periods.ts';
import { figureOf } from './progress.ts';
import type { AllocationTable, Commendations, PlanView, Progress } from './schema.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let admin: Client;
let officerA: Client;
let officerB: Client;
let plan: PlanView;
const target = (m: string) => plan.targets.find((x) => x.measure === m)?.id as number;

let serial = 0;
async function admit(unitId: number, onDate: string, woman = false) {
  serial++;
  const res = await admin.request('POST', '/api/v1/members', {
    person: {
      fullName: `Nguyễn Văn Thử ${serial}`,
      birthDate: '1990-01-01',
      gender: woman ? 'female' : 'male',
      citizenId: `040${woman ? 1 : 0}90${String(100000 + serial).padStart(6, '0')}`,
    },
    unitId,
    onDate,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().personId as number;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'admin', 'system_admin', null);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  app = await buildTestApp(database);
  admin = await clientFor(app, 'admin');
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  // Before the plan: 2 members in A1, 1 in B1.
  await admit(t.a1, '2020-05-01');
  await admit(t.a1, '2020-06-01', true);
  await admit(t.b1, '2020-07-01');
  const res = await admin.request('POST', '/api/v1/plans', {
    unitId: t.province,
    name: 'Phát triển đoàn viên, thành lập CĐCS đến năm 2023',
    documentNo: '125/KH-LĐLĐ',
    startsOn: '2022-01-01',
    endsOn: '2023-12-31',
    targets: [
      { measure: 'member_count', goal: 10 },
      { measure: 'new_members', goal: 8 },
      { measure: 'new_grassroots_unions', goal: 2 },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  plan = res.json();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('periods', () => {
  it('cuts a period to the target window and lists quarters of a plan starting mid-quarter', () => {
    expect(periodWindow('2021', { from: '2021-10-01', to: '2023-12-31' })).toEqual({
      from: '2021-10-01',
      to: '2021-12-31',
    });
    expect(periodWindow('2022-Q1', { from: '2021-10-01', to: '2023-12-31' })).toEqual({
      from: '2022-01-01',
      to: '2022-03-31',
    });
    expect(periodWindow('2024', { from: '2021-10-01', to: '2023-12-31' })).toBeNull();
    expect(periodsOf('quarter', { from: '2021-11-15', to: '2022-04-30' })).toEqual(['2021-Q4', '2022-Q1', '2022-Q2']);
    expect(periodsOf('month', { from: '2023-11-01', to: '2024-01-31' })).toEqual(['2023-11', '2023-12', '2024-01']);
  });
});

describe('plans and the target table', () => {
  it('names targets by measure and lets a district officer see the province plan but not edit it', async () => {
    expect(plan.targets.map((x) => x.name)).toEqual([
      'Tổng số đoàn viên',
      'Kết nạp đoàn viên mới',
      'Thành lập CĐCS mới',
    ]);
    const seen = (await officerA.get('/api/v1/plans')).json().items as PlanView[];
    expect(seen.map((p) => p.id)).toContain(plan.id);
    expect(seen.find((p) => p.id === plan.id)?.canEdit).toBe(false);
    // The province's table (its other districts' shares) is the province's: not theirs to read or write.
    const refused = await officerA.request('PUT', `/api/v1/targets/${target('new_members')}/allocation`, {
      unitId: t.province,
      cells: [{ unitId: t.districtA, period: 'all', value: 100 }],
    });
    expect(refused.statusCode).toBe(404);
    expect(
      (await officerA.get(`/api/v1/targets/${target('new_members')}/allocation?unitId=${t.province}`)).statusCode,
    ).toBe(404);
    // Their own table is where they land.
    const own = (await officerA.get(`/api/v1/targets/${target('new_members')}/allocation`)).json() as AllocationTable;
    expect(own.unit.id).toBe(t.districtA);
  });

  it('splits the province target among districts, and a district splits its share further down', async () => {
    const id = target('new_members');
    const put = await admin.request('PUT', `/api/v1/targets/${id}/allocation`, {
      unitId: t.province,
      cells: [
        { unitId: t.districtA, period: 'all', value: 5 },
        { unitId: t.districtB, period: 'all', value: 2 },
        { unitId: t.sector, period: 'all', value: 1 },
        { unitId: t.districtA, period: '2022', value: 2 },
        { unitId: t.districtA, period: '2023', value: 3 },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const table = (await admin.get(`/api/v1/targets/${id}/allocation?granularity=year`)).json() as AllocationTable;
    expect(table.share).toEqual({ 2022: null, 2023: null });
    expect(table.sums).toEqual({ 2022: 2, 2023: 3 });
    const whole = (await admin.get(`/api/v1/targets/${id}/allocation`)).json() as AllocationTable;
    expect(whole.share.all).toBe(8);
    expect(whole.sums.all).toBe(8);
    expect(whole.rows.map((r) => r.unit.id)).toEqual(expect.arrayContaining([t.districtA, t.districtB, t.sector]));

    // District A splits its 5 between its CĐCS.
    const down = await officerA.request('PUT', `/api/v1/targets/${id}/allocation`, {
      unitId: t.districtA,
      cells: [
        { unitId: t.a1, period: 'all', value: 3 },
        { unitId: t.a2, period: 'all', value: 2 },
      ],
    });
    expect(down.statusCode, down.body).toBe(200);
    const a = (await officerA.get(`/api/v1/targets/${id}/allocation?unitId=${t.districtA}`)).json() as AllocationTable;
    expect(a.share.all).toBe(5);
    expect(a.sums.all).toBe(5);
    expect(a.canEdit).toBe(true);
  });

  it('keeps the old value when a cell changes, and refuses a bad cell without writing any', async () => {
    const id = target('new_members');
    const bad = await admin.request('PUT', `/api/v1/targets/${id}/allocation`, {
      unitId: t.province,
      cells: [
        { unitId: t.districtB, period: 'all', value: 4 },
        { unitId: t.a1, period: 'all', value: 1 },
        { unitId: t.districtB, period: '2030', value: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['cells.1.unitId', 'cells.2.period']);
    const still = (await admin.get(`/api/v1/targets/${id}/allocation`)).json() as AllocationTable;
    expect(still.rows.find((r) => r.unit.id === t.districtB)?.values.all).toBe(2);

    const ok = await admin.request('PUT', `/api/v1/targets/${id}/allocation`, {
      unitId: t.province,
      cells: [{ unitId: t.districtB, period: 'all', value: 3 }],
    });
    expect(ok.json().changed).toBe(1);
    const history = await database.db.execute(
      `select value, replaced_at is not null as replaced from target_allocation where target_id = ${id} and unit_id = ${t.districtB} and period = 'all' order by id` as never,
    );
    expect((history as unknown as { rows: { value: number; replaced: boolean }[] }).rows).toEqual([
      { value: 2, replaced: true },
      { value: 3, replaced: false },
    ]);
  });

  it('hides another district’s table from an officer of district B', async () => {
    const res = await officerB.get(`/api/v1/targets/${target('new_members')}/allocation?unitId=${t.districtA}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('progress, from the register’s events', () => {
  it('counts admissions as new members, a transfer once, and moves with a new admission', async () => {
    const id = target('new_members');
    const before = (await admin.get(`/api/v1/plans/${plan.id}/progress?asOf=2022-12-31`)).json() as Progress;
    const nm = before.targets.find((x) => x.target.id === id);
    expect(nm?.unit.actual).toBe(0);

    await admit(t.a1, '2022-03-01');
    const moved = await admit(t.a2, '2022-04-01', true);
    await admit(t.b1, '2023-02-01');
    // A transfer from district A to district B is not a new member anywhere.
    const tr = await admin.request('POST', `/api/v1/members/${moved}/transfer`, {
      toUnitId: t.b1,
      onDate: '2022-09-01',
    });
    expect(tr.statusCode, tr.body).toBe(200);

    const p = (await admin.get(`/api/v1/plans/${plan.id}/progress?asOf=2022-12-31`)).json() as Progress;
    const row = (unitId: number, m: string) =>
      p.targets.find((x) => x.target.measure === m)?.rows.find((r) => r.unit.id === unitId)?.figure;
    expect(p.targets.find((x) => x.target.id === id)?.unit.actual).toBe(2);
    expect(row(t.districtA, 'new_members')).toMatchObject({ allocated: 5, actual: 2 });
    expect(row(t.districtB, 'new_members')).toMatchObject({ allocated: 3, actual: 0 });
    // Members on 31/12/2022: 3 before the plan + 2 admitted; the transferred member counts in B.
    const mc = p.targets.find((x) => x.target.measure === 'member_count');
    expect(mc?.unit.actual).toBe(5);
    expect(row(t.districtA, 'member_count')?.actual).toBe(3);
    expect(row(t.districtB, 'member_count')?.actual).toBe(2);
    // The 2023 admission only counts once 2023 is asked for; after the due day the result is final.
    const end = (await admin.get(`/api/v1/plans/${plan.id}/progress?asOf=2026-01-01`)).json() as Progress;
    const nmEnd = end.targets.find((x) => x.target.id === id);
    expect(nmEnd?.measuredOn).toBe('2023-12-31');
    expect(nmEnd?.unit).toMatchObject({ allocated: 8, actual: 3, status: 'missed' });
    // District A's own split by year is measured period by period.
    const a = (
      await admin.get(`/api/v1/plans/${plan.id}/progress?unitId=${t.districtA}&asOf=2026-01-01`)
    ).json() as Progress;
    expect(a.targets.find((x) => x.target.id === id)?.periods).toEqual([
      { key: '2022', label: 'Năm 2022', allocated: 2, actual: 2 },
      { key: '2023', label: 'Năm 2023', allocated: 3, actual: 0 },
    ]);
  });

  it('counts the same members whether a subtree is read unit by unit or, when wide, in one pass', async () => {
    for (const day of ['2020-12-31', '2022-12-31', '2023-12-31']) {
      const narrow = await memberCount(database.db, t.province, day);
      const wide = await memberCount(database.db, t.province, day, 0);
      expect(wide.total).toEqual(narrow.total);
      expect([...wide.children.entries()].sort()).toEqual([...narrow.children.entries()].sort());
    }
  });

  it('forecasts from the pace so far and warns of units falling behind', async () => {
    const p = (await admin.get(`/api/v1/plans/${plan.id}/progress?asOf=2022-12-31`)).json() as Progress;
    const nm = p.targets.find((x) => x.target.measure === 'new_members');
    // 2 new members in the first 365 of 730 days: the pace ends at 4, half the goal of 8.
    expect(nm?.unit.forecast).toBeCloseTo(4, 1);
    expect(nm?.unit.expected).toBeCloseTo(4, 1);
    expect(nm?.unit.status).toBe('behind');
    expect(p.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unit: expect.objectContaining({ id: t.districtB }), status: 'behind' }),
      ]),
    );
  });

  it('counts a CĐCS founded in the window where it was founded, even after it has ended', async () => {
    const actor = { id: null, name: 'test' };
    const c = await units.create(database.db, fullScope, actor, {
      code: 'B2',
      name: 'Công đoàn Công ty Cổ phần Thủy sản Bắc Bình',
      type: 'grassroots_union',
      parentId: t.districtB,
      foundedOn: '2023-05-01',
    });
    await units.dissolve(database.db, fullScope, actor, c, {
      effectiveOn: '2023-11-01',
      reason: 'Doanh nghiệp giải thể',
    });
    const p = (await admin.get(`/api/v1/plans/${plan.id}/progress?asOf=2023-12-31`)).json() as Progress;
    const ng = p.targets.find((x) => x.target.measure === 'new_grassroots_unions');
    expect(ng?.unit.actual).toBe(1);
    expect(ng?.rows.find((r) => r.unit.id === t.districtB)?.figure.actual).toBe(1);
  });

  it('shows a district officer only their own district’s progress', async () => {
    const own = await officerA.get(`/api/v1/plans/${plan.id}/progress`);
    expect(own.statusCode).toBe(200);
    expect((own.json() as Progress).unit.id).toBe(t.districtA);
    expect((await officerA.get(`/api/v1/plans/${plan.id}/progress?unitId=${t.districtB}`)).statusCode).toBe(404);
  });
});

describe('commendation suggestions', () => {
  it('lists a unit that met every target it was given, and not one that missed any', async () => {
    const put = (id: number, value: number) =>
      admin.request('PUT', `/api/v1/targets/${id}/allocation`, {
        unitId: t.province,
        cells: [{ unitId: t.districtB, period: 'all', value }],
      });
    // District B by the end of 2023: 3 members, 1 new member, 1 new CĐCS.
    expect((await put(target('new_members'), 1)).statusCode).toBe(200);
    expect((await put(target('member_count'), 2)).statusCode).toBe(200);
    expect((await put(target('new_grassroots_unions'), 1)).statusCode).toBe(200);
    const res = await admin.get(`/api/v1/plans/${plan.id}/commendations?asOf=2024-01-15`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Commendations;
    expect(c.units.map((u) => u.unit.id)).toEqual([t.districtB]);
    expect(c.units[0]?.targets.map((x) => [x.allocated, x.actual])).toEqual(
      expect.arrayContaining([
        [1, 1],
        [2, 3],
        [1, 1],
      ]),
    );
    expect(c.units[0]?.meanRatio).toBeCloseTo((1 + 1.5 + 1) / 3, 5);
    expect(c.rule).toContain('100%');
  });
});

describe('the target table as .xlsx', () => {
  const upload = (id: number, data: Buffer) =>
    admin.request(
      'POST',
      `/api/v1/targets/${id}/allocation.xlsx?unitId=${t.province}&granularity=year&fileName=bang.xlsx`,
      data,
      {
        'content-type': 'application/octet-stream',
      },
    );

  it('exports a row per sub-unit and a column per period, and reads back what an officer typed', async () => {
    const id = target('member_count');
    const res = await admin.get(`/api/v1/targets/${id}/allocation.xlsx?granularity=year`);
    expect(res.statusCode).toBe(200);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const header = ws.getRow(5).values as unknown[];
    expect(header.slice(1)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Năm 2022', 'Năm 2023']);
    const codes = [6, 7, 8].map((r) => ws.getRow(r).getCell(1).value);
    expect(codes).toEqual(expect.arrayContaining(['DA', 'DB', 'S']));

    // The officer types Vietnamese thousands, a bad cell and an unknown code: nothing is written.
    const rowOf = (code: string) => 6 + codes.indexOf(code);
    ws.getRow(rowOf('DA')).getCell(3).value = '1.250';
    ws.getRow(rowOf('DA')).getCell(4).value = 1300;
    ws.getRow(rowOf('DB')).getCell(4).value = 'nhiều';
    ws.getRow(9).getCell(1).value = 'XX9';
    const bad = await upload(id, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([`bang.xlsx, dòng ${rowOf('DB')}, cột D`, 'bang.xlsx, dòng 9, cột A']),
    );
    const untouched = (await admin.get(`/api/v1/targets/${id}/allocation?granularity=year`)).json() as AllocationTable;
    expect(untouched.rows.find((r) => r.unit.id === t.districtA)?.values).toEqual({ 2022: null, 2023: null });

    ws.getRow(rowOf('DB')).getCell(4).value = null;
    ws.getRow(9).getCell(1).value = null;
    // The province's own row ("Chỉ tiêu của ..."), below the sum: its own split by year.
    expect(String(ws.getRow(10).getCell(2).value)).toMatch(/^Chỉ tiêu của /);
    ws.getRow(10).getCell(3).value = 7;
    const ok = await upload(id, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changed).toBe(3);
    const table = (await admin.get(`/api/v1/targets/${id}/allocation?granularity=year`)).json() as AllocationTable;
    expect(table.rows.find((r) => r.unit.id === t.districtA)?.values).toEqual({ 2022: 1250, 2023: 1300 });
    expect(table.sums).toEqual({ 2022: 1250, 2023: 1300 });
    expect(table.share).toEqual({ 2022: 7, 2023: null });
  });
});

describe('coverage targets and the adjusted judgement for fast enterprise growth', () => {
  it('judges a district whose enterprises grew fast against the enterprises it had when the target started', async () => {
    const cov = await admin.request('POST', `/api/v1/plans/${plan.id}/targets`, {
      measure: 'coverage_rate',
      goal: 1,
      startsOn: '2022-01-01',
      dueOn: '2023-12-31',
    });
    expect(cov.statusCode, cov.body).toBe(201);
    const id = (cov.json() as PlanView).targets.find((x) => x.measure === 'coverage_rate')?.id as number;
    expect(
      (
        await admin.request('PUT', `/api/v1/targets/${id}/allocation`, {
          unitId: t.province,
          cells: [{ unitId: t.districtA, period: 'all', value: 1 }],
        })
      ).statusCode,
    ).toBe(200);
    const a3 = await units.create(
      database.db,
      fullScope,
      { id: null, name: 'test' },
      {
        code: 'A3',
        name: 'Công đoàn Công ty TNHH Điện tử Đô Lương',
        type: 'grassroots_union',
        parentId: t.districtA,
        foundedOn: '2023-03-01',
      },
    );
    // District A: 2 enterprises of 25+ workers in 2022 (one with CĐCS A1), 3 more from 2023 (two with CĐCS).
    const specs: [string, string, number | null][] = [
      ['2021-06-01', codes[0] as string, t.a1],
      ['2021-06-01', codes[1] as string, null],
      ['2023-02-01', codes[2] as string, t.a2],
      ['2023-02-01', codes[3] as string, a3],
      ['2023-02-01', codes[4] as string, null],
    ];
    let k = 0;
    for (const [asOf, taxCode, cdcs] of specs) {
      const res = await admin.request('POST', '/api/v1/enterprises', {
        taxCode,
        name: `Doanh nghiệp thử ${++k}`,
        ownership: 'non_state',
        upperUnionId: t.districtA,
        status: 'operating',
        asOf,
        startedOn: asOf,
        ...(cdcs ? { grassrootsUnitId: cdcs } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      await admin.request('POST', `/api/v1/enterprises/${res.json().id}/facts`, { kind: 'workforce', total: 80, asOf });
    }
    const p = (await admin.get(`/api/v1/plans/${plan.id}/progress?asOf=2023-12-31`)).json() as Progress;
    const a = p.targets.find((x) => x.target.id === id)?.rows.find((r) => r.unit.id === t.districtA)?.figure;
    expect(a?.coverage).toMatchObject({ covered: 3, target: 5, targetAtStart: 2, adjustedRate: 1 });
    expect(a?.actual).toBeCloseTo(0.6, 5);
    expect(a?.status).toBe('achieved');
    expect(a?.coverage?.rule).toContain('3 ÷ 2');
    // District B, given the same target, has no enterprise of 25+ workers: nothing to judge.
    expect(
      (
        await admin.request('PUT', `/api/v1/targets/${id}/allocation`, {
          unitId: t.province,
          cells: [{ unitId: t.districtB, period: 'all', value: 1 }],
        })
      ).statusCode,
    ).toBe(200);
    const again = (await admin.get(`/api/v1/plans/${plan.id}/progress?asOf=2023-12-31`)).json() as Progress;
    const b = again.targets.find((x) => x.target.id === id)?.rows.find((r) => r.unit.id === t.districtB)?.figure;
    expect(b?.status).toBe('not_applicable');
    expect(again.warnings.filter((w) => w.targetId === id).map((w) => w.unit.id)).not.toContain(t.districtB);
  });
});

describe('the status of a figure', () => {
  const j = {
    t: { id: 1, planId: 1, measure: 'new_members', name: '', startsOn: '2024-01-01', dueOn: '2024-12-31', goal: 100 },
    measuredOn: '2024-07-01',
    elapsed: 183,
    total: 366,
    final: false,
  };
  it('is on track, at risk or behind by where the pace ends, achieved once reached, missed after the due day', () => {
    expect(figureOf(j, 100, { value: 50 }, undefined).status).toBe('on_track');
    expect(figureOf(j, 100, { value: 46 }, undefined).status).toBe('at_risk');
    expect(figureOf(j, 100, { value: 30 }, undefined).status).toBe('behind');
    expect(figureOf(j, 100, { value: 100 }, undefined).status).toBe('achieved');
    expect(figureOf({ ...j, final: true }, 100, { value: 99 }, undefined).status).toBe('missed');
    expect(figureOf(j, null, { value: 99 }, undefined).status).toBe('no_target');
  });
  it('takes a stock’s pace from its level on the start day', () => {
    const stock = { ...j, t: { ...j.t, measure: 'member_count' } };
    // 1,000 at the start, 1,040 half-way: the pace ends at 1,080, 80% of the growth needed.
    const f = figureOf(stock, 1_100, { value: 1_040 }, { value: 1_000 });
    expect(f.forecast).toBeCloseTo(1_000 + 40 / (183 / 366), 5);
    expect(f.expected).toBeCloseTo(1_000 + 100 * (183 / 366), 5);
    expect(f.status).toBe('behind');
    expect(figureOf(stock, 1_100, { value: 1_046 }, { value: 1_000 }).status).toBe('at_risk');
  });
});
