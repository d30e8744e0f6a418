import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let admin: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'viewer-a', 'collaborator', t.districtA);
  await addUser(database, 'admin', 'system_admin', null);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  admin = await clientFor(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a district officer sees and changes only their district', () => {
  it('by list: their roots are their own district, and the province lists only it', async () => {
    const roots = (await officerA.get('/api/v1/units/roots')).json();
    expect(roots.items.map((u: { id: number }) => u.id)).toEqual([t.districtA]);
    const provinceKids = (await officerA.get(`/api/v1/units/${t.province}/children`)).json();
    expect(provinceKids.items.map((u: { id: number }) => u.id)).toEqual([t.districtA]);
    expect((await officerA.get(`/api/v1/units/${t.districtB}/children`)).json().items).toEqual([]);
  });

  it('by id: another district and its CĐCS answer 404, as if they did not exist', async () => {
    for (const id of [t.districtB, t.b1, t.province]) {
      const res = await officerA.get(`/api/v1/units/${id}`);
      expect([id, res.statusCode]).toEqual([id, 404]);
      expect(res.json().code).toBe('not_found');
    }
    expect((await officerA.get(`/api/v1/units/${t.b1}/counts`)).statusCode).toBe(404);
    expect((await officerA.get(`/api/v1/units/${t.a2s}`)).statusCode).toBe(200);
  });

  it('by search: names of another district are not found', async () => {
    const theirs = (await officerA.get('/api/v1/units?q=benh vien')).json();
    expect(theirs.total).toBe(0);
    const all = (await admin.get('/api/v1/units?q=benh vien')).json();
    expect(all.total).toBe(1);
    const mine = (await officerA.get('/api/v1/units?q=cong doan')).json();
    expect(mine.items.map((u: { id: number }) => u.id).sort()).toEqual([t.a1, t.a2, t.a2s].sort());
  });

  it('by write: cannot rename, move into, or found a unit in another district, and nothing is written', async () => {
    const before = await run<{ n: number }>(database.db, sql`select count(*)::int as n from unit_version`);
    const rename = await officerA.request('PATCH', `/api/v1/units/${t.b1}`, {
      effectiveOn: '2024-01-01',
      name: 'Đổi tên trái phép',
    });
    expect(rename.statusCode).toBe(404);
    const move = await officerA.request('POST', '/api/v1/units/move', {
      unitIds: [t.a1],
      newParentId: t.districtB,
      effectiveOn: '2024-01-01',
    });
    expect(move.statusCode).toBe(404);
    const found = await officerA.request('POST', '/api/v1/units', {
      code: 'X1',
      name: 'Công đoàn Lạ',
      type: 'grassroots_union',
      parentId: t.districtB,
      foundedOn: '2024-01-01',
    });
    expect(found.statusCode).toBe(404);
    // Their own unit is changed by the upper level, not by themselves.
    const self = await officerA.request('PATCH', `/api/v1/units/${t.districtA}`, {
      effectiveOn: '2024-01-01',
      name: 'Tự đổi tên',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('forbidden');
    const after = await run<{ n: number }>(database.db, sql`select count(*)::int as n from unit_version`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('a collaborator reads the district but cannot change it', async () => {
    const viewer = await clientFor(app, 'viewer-a');
    expect((await viewer.get(`/api/v1/units/${t.a1}`)).json().canEdit).toBe(false);
    const res = await viewer.request('PATCH', `/api/v1/units/${t.a1}`, {
      effectiveOn: '2024-01-01',
      name: 'Công đoàn Trường THCS Mới',
    });
    expect(res.statusCode).toBe(403);
  });

  it('an officer founds a CĐCS in their district; the write and its audit row land together', async () => {
    const res = await officerA.request('POST', '/api/v1/units', {
      code: 'A3',
      name: 'Công đoàn Công ty Cổ phần Gạch Anh Sơn',
      type: 'grassroots_union',
      parentId: t.districtA,
      foundedOn: '15/03/2024',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'A3', foundedOn: '2024-03-15', parentId: t.districtA, canEdit: true });
    const audit = (await officerA.get(`/api/v1/audit?entityType=unit&entityId=${res.json().id}`)).json();
    expect(audit[0]).toMatchObject({ action: 'unit.create', actorName: 'officer-a' });
    expect(audit[0].after).toMatchObject({ code: 'A3', name: 'Công đoàn Công ty Cổ phần Gạch Anh Sơn' });
  });

  it('the audit log cannot be edited or deleted', async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('explains a bad date with the field and the format to use', async () => {
    const res = await officerA.request('POST', '/api/v1/units', {
      code: 'A4',
      name: 'Công đoàn Thử',
      type: 'grassroots_union',
      parentId: t.districtA,
      foundedOn: '31/02/2024',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.foundedOn', message: expect.stringContaining('dd/mm/yyyy') }]);
  });
});
