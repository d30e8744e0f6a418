import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { parseTaxCode, taxCodeCheckDigit } from '../../lib/ids.ts';
import { run } from '../../lib/tx.ts';
import { addAreas, codes } from './test-helpers.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let officerB: Client;
let cdcsA2: Client;
let admin: Client;
let zoneId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  ({ zoneId } = await addAreas(database, t));
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  await addUser(database, 'cdcs-a2', 'grassroots_officer', t.a2);
  await addUser(database, 'admin', 'system_admin', null);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  cdcsA2 = await clientFor(app, 'cdcs-a2');
  admin = await clientFor(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const garment = () => ({
  taxCode: codes[0],
  name: 'Công ty TNHH May Anh Sơn',
  ownership: 'foreign_invested',
  industryCode: '1410',
  address: 'Xã Đức Thọ, Huyện Anh Sơn',
  areaCode: '99101',
  industrialZoneId: zoneId,
  startedOn: '2012-04-01',
  upperUnionId: t.districtA,
  workforce: { total: 120, women: 90 },
  asOf: '2023-01-01',
});

describe('tax codes', () => {
  /** A valid code: nine digits whose check digit exists, plus it. */
  const valid = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
    .map((d) => d.join(''))
    .filter((d) => d.slice(2) !== '0000000' && taxCodeCheckDigit(d) !== null)
    .map((d) => `${d}${taxCodeCheckDigit(d)}`);

  it('restores the leading zero Excel drops from a code stored as a number, branches too', () => {
    fc.assert(
      fc.property(
        // Province codes run 01-99: a code loses exactly one zero.
        valid.filter((c) => c.startsWith('0') && c[1] !== '0'),
        fc.integer({ min: 1, max: 999 }),
        (code, branch) => {
          const b = String(branch).padStart(3, '0');
          expect(parseTaxCode(String(Number(code))).ok && parseTaxCode(String(Number(code)))).toMatchObject({
            value: code,
          });
          expect(parseTaxCode(String(Number(`${code}${b}`)))).toMatchObject({ ok: true, value: `${code}-${b}` });
        },
      ),
    );
  });

  it('still refuses a code that lost its zero when its check digit is wrong', () => {
    fc.assert(
      fc.property(
        valid.filter((c) => c.startsWith('0') && c[1] !== '0'),
        fc.integer({ min: 1, max: 9 }),
        (code, delta) => {
          const changed = `${code.slice(1, 9)}${(Number(code[9]) + delta) % 10}`;
          expect(parseTaxCode(changed)).toMatchObject({ ok: false, code: 'check_digit' });
        },
      ),
    );
  });

  it('refuses a bad tax code on create, naming the field in Vietnamese', async () => {
    const code = codes[0] as string;
    const typo = `${code.slice(0, 9)}${(Number(code[9]) + 1) % 10}`;
    const res = await officerA.request('POST', '/api/v1/enterprises', { ...garment(), taxCode: typo });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'taxCode',
      message: expect.stringContaining('chữ số kiểm tra'),
    });
  });
});

describe('the register', () => {
  let id: number;

  it('adds an enterprise with its first dated facts, from the officer (source manual)', async () => {
    const res = await officerA.request('POST', '/api/v1/enterprises', garment());
    expect(res.statusCode).toBe(201);
    const e = res.json();
    id = e.id;
    expect(e).toMatchObject({
      taxCode: codes[0],
      ownership: 'foreign_invested',
      status: 'operating',
      workforce: { total: 120, women: 90, observedOn: '2023-01-01', source: 'manual' },
      upperUnion: { id: t.districtA },
      zone: { id: zoneId, name: 'KCN Anh Sơn' },
      area: { code: '99101', name: 'Xã Đức Thọ' },
      fieldSources: { name: 'manual', address: 'manual' },
      canEdit: true,
    });
    expect(e.assignments).toEqual([expect.objectContaining({ validFrom: null, validTo: null })]);
  });

  it('refuses the same tax code twice, and the refusal does not name another unit’s enterprise', async () => {
    const again = await officerB.request('POST', '/api/v1/enterprises', { ...garment(), upperUnionId: t.districtB });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toContain('đơn vị khác');
    expect(again.json().title).not.toContain('May Anh Sơn');
  });

  it('answers "as of" from dated facts: a backdated count holds until the next one', async () => {
    const rec = (body: object) => officerA.request('POST', `/api/v1/enterprises/${id}/facts`, body);
    expect((await rec({ kind: 'workforce', total: 18, asOf: '2021-06-30' })).statusCode).toBe(200);
    expect((await rec({ kind: 'workforce', total: 140, women: 100, asOf: '2024-01-01' })).statusCode).toBe(200);
    const on = async (d: string) => (await officerA.get(`/api/v1/enterprises/${id}?asOf=${d}`)).json().workforce;
    expect(await on('2021-06-29')).toBeNull();
    expect(await on('2021-06-30')).toMatchObject({ total: 18 });
    expect(await on('2022-12-31')).toMatchObject({ total: 18 });
    expect(await on('2023-01-01')).toMatchObject({ total: 120 });
    expect(await on('2024-06-01')).toMatchObject({ total: 140, women: 100 });
    // A second entry for the same day corrects the first rather than adding a rival.
    await rec({ kind: 'workforce', total: 145, asOf: '2024-01-01' });
    expect(await on('2024-06-01')).toMatchObject({ total: 145 });
    const facts = (await officerA.get(`/api/v1/enterprises/${id}`)).json().facts;
    expect(
      facts.filter((f: { kind: string }) => f.kind === 'workforce').map((f: { validTo: string | null }) => f.validTo),
    ).toEqual([null, '2024-01-01', '2023-01-01']);
  });

  it('refuses more women than workers, on the field', async () => {
    const res = await officerA.request('POST', `/api/v1/enterprises/${id}/facts`, {
      kind: 'workforce',
      total: 10,
      women: 11,
      asOf: '2024-02-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain('women');
  });

  it('links its CĐCS; the CĐCS’s own officer may record facts but not move the enterprise', async () => {
    const link = await officerA.request('PATCH', `/api/v1/enterprises/${id}`, { grassrootsUnitId: t.a2 });
    expect(link.statusCode).toBe(200);
    expect(link.json().grassroots).toMatchObject({ id: t.a2 });
    expect(link.json().upperUnion).toMatchObject({ id: t.districtA });
    const fact = await cdcsA2.request('POST', `/api/v1/enterprises/${id}/facts`, {
      kind: 'workforce',
      total: 150,
      asOf: '2024-03-01',
    });
    expect(fact.statusCode).toBe(200);
    const move = await cdcsA2.request('POST', `/api/v1/enterprises/${id}/assignment`, {
      upperUnionId: t.sector,
      onDate: '2024-03-01',
    });
    expect(move.statusCode).toBe(403);
    const unlink = await cdcsA2.request('PATCH', `/api/v1/enterprises/${id}`, { grassrootsUnitId: null });
    expect(unlink.statusCode).toBe(403);
  });

  it('an edit by an officer marks the field as theirs', async () => {
    const res = await officerA.request('PATCH', `/api/v1/enterprises/${id}`, { name: 'Công ty TNHH May mặc Anh Sơn' });
    expect(res.json()).toMatchObject({ name: 'Công ty TNHH May mặc Anh Sơn', fieldSources: { name: 'manual' } });
    const audit = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where entity_type = 'enterprise' and entity_id = ${String(id)}`,
    );
    expect(audit.rows[0]?.n).toBeGreaterThanOrEqual(5);
  });

  it('finds it by name without diacritics or by tax code, with filters, in cursor pages', async () => {
    for (let i = 1; i <= 5; i++)
      await officerA.request('POST', '/api/v1/enterprises', {
        taxCode: codes[i],
        name: `Công ty Cổ phần Gạch ngói Đức Thọ ${i}`,
        ownership: 'non_state',
        upperUnionId: t.districtA,
        workforce: { total: 10 * i },
        asOf: '2023-01-01',
      });
    const byName = (await officerA.get('/api/v1/enterprises?q=gach%20ngoi%20duc%20tho&limit=2')).json();
    expect(byName.items).toHaveLength(2);
    const page2 = (
      await officerA.get(`/api/v1/enterprises?q=gach%20ngoi%20duc%20tho&limit=2&after=${byName.next}`)
    ).json();
    const page3 = (
      await officerA.get(`/api/v1/enterprises?q=gach%20ngoi%20duc%20tho&limit=2&after=${page2.next}`)
    ).json();
    expect([...byName.items, ...page2.items, ...page3.items].map((e: { name: string }) => e.name.slice(-1))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(page3.next).toBeNull();
    const byCode = (await officerA.get(`/api/v1/enterprises?q=${codes[3]}`)).json();
    expect(byCode.items.map((e: { taxCode: string }) => e.taxCode)).toEqual([codes[3]]);
    const big = (await officerA.get('/api/v1/enterprises?minWorkforce=25&asOf=2023-06-30')).json();
    expect(big.items.map((e: { taxCode: string }) => e.taxCode).sort()).toEqual(
      [codes[0], codes[3], codes[4], codes[5]].sort(),
    );
    const covered = (await officerA.get('/api/v1/enterprises?covered=true')).json();
    expect(covered.items.map((e: { id: number }) => e.id)).toEqual([id]);
    expect(covered.items[0]).toMatchObject({ members: 0, density: 0 });
  });
});

describe('scope: an officer of district B sees and changes nothing of district A', () => {
  let id: number;
  beforeAll(async () => {
    id = (await officerA.get(`/api/v1/enterprises?q=${codes[0]}`)).json().items[0].id;
  });

  it('not in lists, not by id (404, as if it did not exist)', async () => {
    expect((await officerB.get('/api/v1/enterprises')).json().items).toEqual([]);
    expect((await officerB.get(`/api/v1/enterprises?q=${codes[0]}`)).json().items).toEqual([]);
    expect((await officerB.get(`/api/v1/enterprises/${id}`)).statusCode).toBe(404);
    expect((await officerB.get(`/api/v1/enterprises?under=${t.districtA}`)).statusCode).toBe(404);
  });

  it('cannot edit, record facts, link or reassign', async () => {
    expect((await officerB.request('PATCH', `/api/v1/enterprises/${id}`, { name: 'Tên khác' })).statusCode).toBe(404);
    const fact = { kind: 'status', status: 'closed', asOf: '2024-05-01' };
    expect((await officerB.request('POST', `/api/v1/enterprises/${id}/facts`, fact)).statusCode).toBe(404);
    const move = { upperUnionId: t.districtB, onDate: '2024-05-01' };
    expect((await officerB.request('POST', `/api/v1/enterprises/${id}/assignment`, move)).statusCode).toBe(404);
    expect((await officerA.get(`/api/v1/enterprises/${id}`)).json()).toMatchObject({ status: 'operating' });
  });

  it('cannot add an enterprise under district A (a unit they cannot see: 404)', async () => {
    const own = await officerB.request('POST', '/api/v1/enterprises', {
      taxCode: codes[20],
      name: 'Công ty TNHH Bình Minh',
      ownership: 'non_state',
      upperUnionId: t.districtA,
    });
    expect(own.statusCode).toBe(404);
  });

  it('after the province moves it to district B, B sees it from that day, A keeps its past', async () => {
    const move = await admin.request('POST', `/api/v1/enterprises/${id}/assignment`, {
      upperUnionId: t.districtB,
      onDate: '2024-07-01',
      reason: 'Điều chỉnh địa bàn phụ trách',
    });
    expect(move.statusCode).toBe(200);
    // Its CĐCS still anchors it in district A: moving the upper union alone does not move the CĐCS.
    expect(move.json().upperUnion).toMatchObject({ id: t.districtA });
    await admin.request('PATCH', `/api/v1/enterprises/${id}`, { grassrootsUnitId: null });
    const seenByB = (await officerB.get('/api/v1/enterprises?asOf=2024-07-01')).json().items;
    expect(seenByB.map((e: { id: number }) => e.id)).toEqual([id]);
    expect((await officerB.get('/api/v1/enterprises?asOf=2024-06-30')).json().items).toEqual([]);
    expect(
      (await officerA.get('/api/v1/enterprises?asOf=2024-06-30&covered=false'))
        .json()
        .items.map((e: { id: number }) => e.id),
    ).toContain(id);
    const history = (await admin.get(`/api/v1/enterprises/${id}`)).json().assignments;
    expect(history).toEqual([
      expect.objectContaining({
        upperUnion: { id: t.districtA, name: expect.any(String) },
        validFrom: null,
        validTo: '2024-07-01',
      }),
      expect.objectContaining({
        upperUnion: { id: t.districtB, name: expect.any(String) },
        validFrom: '2024-07-01',
        validTo: null,
      }),
    ]);
    // A backdated move before the current period began is refused with the earliest day.
    const back = await admin.request('POST', `/api/v1/enterprises/${id}/assignment`, {
      upperUnionId: t.districtA,
      onDate: '2024-01-01',
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors[0].message).toContain('01/07/2024');
  });
});

describe('references of facts and assignments, checked once per statement (migration 0021)', () => {
  it('refuses a fact or assignment naming no enterprise, import or unit, and deleting what is still named', async () => {
    const res = await admin.request('POST', '/api/v1/enterprises', {
      ...garment(),
      taxCode: codes[40],
      name: 'Công ty Cổ phần Gạch Ngói Anh Sơn',
    });
    const id = res.json().id as number;
    const facts = async () =>
      (await run<{ n: number }>(database.db, sql`select count(*)::int as n from enterprise_fact`)).rows[0]?.n;
    const before = await facts();
    // One bad row among good ones: the whole statement is refused, with the foreign key's code and name.
    await expect(
      run(
        database.db,
        sql`insert into enterprise_fact (enterprise_id, kind, observed_on, workforce_total, source)
          values (${id}, 'workforce', '2024-01-01', 10, 'manual'), (-1, 'workforce', '2024-01-01', 10, 'manual')`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23503', constraint: 'enterprise_fact_enterprise_id_enterprise_id_fk' } });
    await expect(
      run(
        database.db,
        sql`insert into enterprise_fact (enterprise_id, kind, observed_on, workforce_total, source, import_id)
          values (${id}, 'workforce', '2024-02-01', 10, 'bhxh', -7)`,
      ),
    ).rejects.toMatchObject({
      cause: { code: '23503', constraint: 'enterprise_fact_import_id_enterprise_import_id_fk' },
    });
    await expect(
      run(database.db, sql`update enterprise_fact set enterprise_id = -1 where enterprise_id = ${id}`),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
    expect(await facts()).toBe(before);
    await expect(
      run(
        database.db,
        sql`insert into enterprise_assignment (enterprise_id, upper_union_id, valid_from) values (-2, ${t.districtA}, '2024-01-01')`,
      ),
    ).rejects.toMatchObject({
      cause: { code: '23503', constraint: 'enterprise_assignment_enterprise_id_enterprise_id_fk' },
    });
    await expect(
      run(database.db, sql`update enterprise_assignment set upper_union_id = -4 where enterprise_id = ${id}`),
    ).rejects.toMatchObject({
      cause: { code: '23503', constraint: 'enterprise_assignment_upper_union_id_unit_id_fk' },
    });
    // Neither the enterprise nor the unit in charge of it can be deleted from under its rows.
    await expect(run(database.db, sql`delete from enterprise where id = ${id}`)).rejects.toMatchObject({
      cause: { code: '23503', constraint: 'enterprise_fact_enterprise_id_enterprise_id_fk' },
    });
    await expect(run(database.db, sql`delete from unit where id = ${t.districtA}`)).rejects.toMatchObject({
      cause: { code: '23503' },
    });
    // Once nothing names it, it goes.
    await run(database.db, sql`delete from enterprise_fact where enterprise_id = ${id}`);
    await run(database.db, sql`delete from enterprise_assignment where enterprise_id = ${id}`);
    await run(database.db, sql`delete from enterprise where id = ${id}`);
    expect((await run(database.db, sql`select 1 from enterprise where id = ${id}`)).rows).toHaveLength(0);
  });
});
