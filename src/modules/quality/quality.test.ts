import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { fullScope } from '../../lib/scope.ts';
import * as units from '../units/service.ts';

let database: Database;
let app: App;
let officerA: Client;
let officerB: Client;
let t: Awaited<ReturnType<typeof buildSmallTree>>;

/** Legacy rows, written around the service's checks as an old system's data would be. */
async function legacyMember(
  name: string,
  unitId: number,
  fields: { citizenId?: string; phone?: string; birthDate?: string; gender?: string },
) {
  const res =
    await database.db.execute(sql`insert into person (full_name, name_folded, sort_key, citizen_id, phone, birth_date, gender)
    values (${name}, ${name.toLowerCase()}, ${name}, ${fields.citizenId ?? null}, ${fields.phone ?? null}, ${fields.birthDate ?? null}, ${fields.gender ?? null})
    returning id`);
  const id = (res as unknown as { rows: { id: number }[] }).rows[0]?.id;
  await database.db.execute(
    sql`insert into membership (person_id, unit_id, valid_from, start_kind) values (${id}, ${unitId}, '2020-01-01', 'import')`,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  const actor = { id: null, name: 'test' };
  const closing = await units.create(database.db, fullScope, actor, {
    code: 'A9',
    name: 'Công đoàn Công ty Đã Đóng Cửa',
    type: 'grassroots_union',
    parentId: t.districtA,
    foundedOn: '2010-01-01',
  });
  await legacyMember('Nguyễn Văn Một', t.a1, { citizenId: '040090000001', birthDate: '1990-01-01', gender: 'male' });
  await legacyMember('Nguyễn Văn Một', t.b1, { citizenId: '040090000001', birthDate: '1990-01-01', gender: 'male' });
  await legacyMember('Lê Thị Thiếu', t.a1, {});
  await legacyMember('Trần Văn Sai', t.a1, { citizenId: '999090000002', birthDate: '1990-01-01', gender: 'male' });
  await legacyMember('Phạm Thị Lệch', t.a2, { citizenId: '040090000003', birthDate: '1990-01-01', gender: 'female' });
  await legacyMember('Hồ Văn Bàn', t.a2, {
    citizenId: '040090000004',
    phone: '+84243825123',
    birthDate: '1990-01-01',
    gender: 'male',
  });
  await legacyMember('Võ Văn Kẹt', closing, { citizenId: '040090000005', birthDate: '1990-01-01', gender: 'male' });
  await units.dissolve(database.db, fullScope, actor, closing, { effectiveOn: '2024-01-01' });
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('member data quality', () => {
  it('counts and lists each kind of problem in the officer’s district, with the fix to apply', async () => {
    const r = (await officerA.get('/api/v1/data-quality/members')).json();
    expect(r.counts).toEqual({
      duplicate_citizen_id: 1, // only the copy in district A is theirs to see
      missing_citizen_id: 1,
      invalid_citizen_id: 2, // a province code that does not exist; a man's digit for a woman
      invalid_phone: 1,
      member_of_ended_unit: 1,
    });
    const byKind = (k: string) =>
      r.items
        .filter((i: { kind: string }) => i.kind === k)
        .map((i: { fullName: string; fix: string }) => `${i.fullName}:${i.fix}`);
    expect(byKind('invalid_citizen_id').sort()).toEqual(['Phạm Thị Lệch:edit_member', 'Trần Văn Sai:edit_member']);
    expect(byKind('member_of_ended_unit')).toEqual(['Võ Văn Kẹt:transfer_member']);
    expect(byKind('duplicate_citizen_id')).toEqual(['Nguyễn Văn Một:review_duplicate']);
    expect(r.items.find((i: { kind: string }) => i.kind === 'invalid_phone').detail).toContain('+84243825123');
  });

  it('another district sees only its own problems', async () => {
    const r = (await officerB.get('/api/v1/data-quality/members')).json();
    expect(r.counts.duplicate_citizen_id).toBe(1);
    expect(r.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn Một']);
  });
});
