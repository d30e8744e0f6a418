import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { excel } from '../../lib/exceljs.ts';
import { run } from '../../lib/tx.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let officerB: Client;
let admin: Client;

// CCCD: 040 (Nghệ An) + 1 (woman born in the 1900s) + 90 (1990) + 6 digits.
const duc = {
  fullName: 'Nguyễn Văn Đức',
  birthDate: '1990-05-12',
  gender: 'male',
  citizenId: '040090123456',
  phone: '0912 345 678',
};
const lan = { fullName: 'Trần Thị Lan', birthDate: '1995-02-01', gender: 'female', citizenId: '040195000111' };

async function admit(c: Client, person: object, unitId: number, onDate = '2022-03-01') {
  return c.request('POST', '/api/v1/members', { person, unitId, onDate, decisionNo: '12/QĐ-CĐCS' });
}
const count = async (unitId: number, asOf: string) =>
  (await admin.get(`/api/v1/units/${unitId}/member-count?asOf=${asOf}`)).json().total as number;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  await addUser(database, 'viewer-a', 'collaborator', t.districtA);
  await addUser(database, 'admin', 'system_admin', null);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  admin = await clientFor(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the membership lifecycle', () => {
  let ducId: number;

  it('admits a member with normalised identifiers and counts them from that day', async () => {
    const res = await admit(officerA, duc, t.a1);
    expect(res.statusCode).toBe(201);
    ducId = res.json().personId;
    expect(res.json().person).toMatchObject({ citizenId: '040090123456', phone: '+84912345678' });
    expect(res.json().events).toEqual([
      expect.objectContaining({ kind: 'admission', onDate: '2022-03-01', decisionNo: '12/QĐ-CĐCS' }),
    ]);
    expect(await count(t.districtA, '2022-02-28')).toBe(0);
    expect(await count(t.districtA, '2022-03-01')).toBe(1);
  });

  it('refuses a second admission of the same CCCD and says where they are', async () => {
    const res = await admit(officerA, duc, t.a2);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('already_member');
    expect(res.json().title).toContain('Công đoàn Trường THCS Đức Thọ');
  });

  it('refuses an admission into a section or an unknown identifier, naming each field', async () => {
    const bad = await admit(
      officerA,
      {
        fullName: 'Lê Văn X',
        birthDate: '1990-01-01',
        gender: 'male',
        citizenId: '040190000000',
        phone: '024 3825 1234',
      },
      t.a1,
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['person.citizenId', 'person.phone']);
    const section = await admit(officerA, lan, t.a2s);
    expect(section.statusCode).toBe(400);
    expect(section.json().errors[0].field).toBe('unitId');
  });

  it('transfers within scope: counted in the old CĐCS before the day, in the new one from it, once', async () => {
    const res = await officerA.request('POST', `/api/v1/members/${ducId}/transfer`, {
      toUnitId: t.a2,
      onDate: '2023-07-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().currentUnit.id).toBe(t.a2);
    expect(await count(t.a1, '2023-06-30')).toBe(1);
    expect(await count(t.a1, '2023-07-01')).toBe(0);
    expect(await count(t.a2, '2023-07-01')).toBe(1);
    expect(await count(t.districtA, '2023-07-01')).toBe(1);
    expect(
      res.json().memberships.map((m: { startKind: string; endKind: string | null }) => [m.startKind, m.endKind]),
    ).toEqual([
      ['admission', 'transfer_out'],
      ['transfer_in', null],
    ]);
  });

  it('withdraws, then readmits, keeping every period', async () => {
    const w = await officerA.request('POST', `/api/v1/members/${ducId}/end`, {
      kind: 'withdrawal',
      onDate: '2024-01-15',
      reason: 'Nghỉ việc',
    });
    expect(w.json().status).toBe('ended');
    expect(await count(t.districtA, '2024-01-15')).toBe(0);
    const r = await officerA.request('POST', `/api/v1/members/${ducId}/readmit`, {
      unitId: t.a1,
      onDate: '2024-06-01',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'admission',
      'transfer',
      'withdrawal',
      'readmission',
    ]);
    expect(await count(t.districtA, '2024-06-01')).toBe(1);
  });

  it('counts women from the member’s gender, and follows a correction of it', async () => {
    const women = async () =>
      (await admin.get(`/api/v1/units/${t.districtA}/member-count?asOf=2024-07-01`)).json().women;
    expect(await women()).toBe(0);
    await officerA.request('PATCH', `/api/v1/members/${ducId}`, {
      ...duc,
      gender: 'female',
      citizenId: '040190123456',
    });
    expect(await women()).toBe(1);
    await officerA.request('PATCH', `/api/v1/members/${ducId}`, duc);
    expect(await women()).toBe(0);
  });

  it('refuses to rewrite the past: an end dated before the current membership began', async () => {
    const res = await officerA.request('POST', `/api/v1/members/${ducId}/end`, { kind: 'death', onDate: '2024-05-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('onDate');
  });

  it('keeps memberships and history sound: a row naming no person or no unit is refused, and a person or unit still named cannot be deleted', async () => {
    const events = async () =>
      (await run<{ n: number }>(database.db, sql`select count(*)::int as n from membership_event`)).rows[0]?.n;
    const before = await events();
    // Checked once per statement (migration 0019), with the foreign key's code and name.
    await expect(
      run(
        database.db,
        sql`insert into membership_event (person_id, kind, on_date, to_unit_id)
          values (${ducId}, 'admission', '2024-01-01', ${t.a1}), (-1, 'admission', '2024-01-01', ${t.a1})`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23503', constraint: 'membership_event_person_id_person_id_fk' } });
    await expect(
      run(
        database.db,
        sql`insert into membership_event (person_id, kind, on_date, to_unit_id) values (${ducId}, 'admission', '2024-01-01', -5)`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23503', constraint: 'membership_event_to_unit_id_unit_id_fk' } });
    await expect(
      run(database.db, sql`update membership_event set person_id = -1 where person_id = ${ducId}`),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
    expect(await events()).toBe(before);
    // Memberships likewise, and neither a person nor a unit still named can be deleted.
    await expect(
      run(
        database.db,
        sql`insert into membership (person_id, unit_id, valid_from, start_kind) values (-1, ${t.a1}, '2024-01-01', 'admission')`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23503', constraint: 'membership_person_id_person_id_fk' } });
    await expect(
      run(database.db, sql`update membership set unit_id = -3 where person_id = ${ducId}`),
    ).rejects.toMatchObject({ cause: { code: '23503', constraint: 'membership_unit_id_unit_id_fk' } });
    const lone = await run<{ id: number }>(
      database.db,
      sql`insert into person (full_name, name_folded, sort_key) values ('Lê Văn Một', 'le van mot', 'mot le van') returning id`,
    );
    const loneId = Number(lone.rows[0]?.id);
    await run(
      database.db,
      sql`insert into membership (person_id, unit_id, valid_from, start_kind) values (${loneId}, ${t.a1}, '2024-01-01', 'admission')`,
    );
    await expect(run(database.db, sql`delete from person where id = ${loneId}`)).rejects.toMatchObject({
      cause: { code: '23503', constraint: 'membership_person_id_person_id_fk' },
    });
    // Once nothing names them, they go.
    await run(database.db, sql`delete from membership where person_id = ${loneId}`);
    await run(database.db, sql`delete from person where id = ${loneId}`);
    await expect(run(database.db, sql`delete from unit where id = ${t.a1}`)).rejects.toMatchObject({
      cause: { code: '23503' },
    });
  });
});

describe('finding members', () => {
  beforeAll(async () => {
    await admit(officerB, lan, t.b1);
    await admit(officerA, { fullName: 'Nguyễn Thị Ánh', gender: 'female', birthDate: '2001-01-01' }, t.a2);
  });

  it('finds "Nguyễn Văn Đức" by "duc nguyen van", by CCCD and by phone', async () => {
    for (const q of ['duc nguyen van', 'Đức', '040090123456', '0912345678'])
      expect([
        q,
        (await admin.get(`/api/v1/members?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((i: { fullName: string }) => i.fullName),
      ]).toEqual([q, ['Nguyễn Văn Đức']]);
  });

  it('lists in Vietnamese order of given names and pages with a cursor', async () => {
    const first = (await admin.get('/api/v1/members?limit=2')).json();
    expect(first.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Thị Ánh', 'Nguyễn Văn Đức']);
    const second = (await admin.get(`/api/v1/members?limit=2&after=${first.next}`)).json();
    expect(second.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Trần Thị Lan']);
    expect(second.next).toBeNull();
  });

  it('filters by gender and age band', async () => {
    const women = (await admin.get('/api/v1/members?gender=female')).json();
    expect(women.items.length).toBe(2);
    const young = (await admin.get('/api/v1/members?ageMax=30&asOf=2026-01-01')).json();
    expect(young.items.map((i: { fullName: string }) => i.fullName).sort()).toEqual(['Nguyễn Thị Ánh', 'Trần Thị Lan']);
    // Lan turns 31 on 01/02/2026: out of the band on that day.
    const later = (await admin.get('/api/v1/members?ageMax=30&asOf=2026-02-01')).json();
    expect(later.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Thị Ánh']);
  });
});

describe('members are scoped to the officer’s subtree', () => {
  it('an officer of district A does not see a member of district B by list, id or search, nor change them', async () => {
    const lanId = (await admin.get('/api/v1/members?q=tran thi lan')).json().items[0].personId;
    expect((await officerA.get('/api/v1/members?q=tran thi lan')).json().items).toEqual([]);
    expect(
      (await officerA.get('/api/v1/members')).json().items.map((i: { fullName: string }) => i.fullName),
    ).not.toContain('Trần Thị Lan');
    expect((await officerA.get(`/api/v1/members/${lanId}`)).statusCode).toBe(404);
    expect((await officerA.get('/api/v1/members?q=040195000111')).json().items).toEqual([]);
    const before = await run<{ n: number }>(database.db, sql`select count(*)::int as n from membership`);
    const move = await officerA.request('POST', `/api/v1/members/${lanId}/transfer`, {
      toUnitId: t.a1,
      onDate: '2025-01-01',
    });
    expect(move.statusCode).toBe(404);
    const after = await run<{ n: number }>(database.db, sql`select count(*)::int as n from membership`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('an officer of district A exports nothing of district B', async () => {
    expect((await officerA.get(`/api/v1/members/export.xlsx?under=${t.b1}`)).statusCode).toBe(404);
    const all = await officerA.get('/api/v1/members/export.xlsx');
    expect(all.statusCode).toBe(200);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    const names: unknown[] = [];
    wb.worksheets[0]?.eachRow((row) => {
      names.push(row.getCell(2).value);
    });
    expect(names).toContain('Nguyễn Văn Đức');
    expect(names).not.toContain('Trần Thị Lan');
  });

  it('a collaborator sees members with their citizen ID masked', async () => {
    const viewer = await clientFor(app, 'viewer-a');
    const item = (await viewer.get('/api/v1/members?q=duc')).json().items[0];
    expect(item.citizenId).toBe('••••••••3456');
  });
});
