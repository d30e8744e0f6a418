import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { fold } from '../../lib/vietnamese.ts';

let database: Database;
let app: App;
let officer: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  const t = await buildSmallTree(database);
  await addUser(database, 'officer', 'upper_union_officer', t.districtA);
  app = await buildTestApp(database);
  officer = await clientFor(app, 'officer');
  // Two districts with communes before the 2025 reform, and two communes made of them after it.
  const rows: [string, string, string, string | null, string | null][] = [
    ['99', 'Tỉnh Thử Nghiệm', 'province', null, null],
    ['991', 'Huyện Anh Sơn', 'district', '99', '2025-07-01'],
    ['992', 'Huyện Bắc Bình', 'district', '99', '2025-07-01'],
    ['99101', 'Xã Đức Thọ', 'commune', '991', '2025-07-01'],
    ['99102', 'Thị trấn Anh Sơn', 'commune', '991', '2025-07-01'],
    ['99201', 'Xã Bình Minh', 'commune', '992', '2025-07-01'],
    ['99901', 'Xã Anh Sơn', 'commune', '99', null],
    ['99902', 'Xã Bình Minh', 'commune', '99', null],
  ];
  for (const [code, name, level, parent, until] of rows)
    await database.db.execute(
      sql`insert into area (code, name, name_folded, level, parent_code, valid_from, valid_to)
          values (${code}, ${name}, ${fold(name)}, ${level}, ${parent}, '1991-01-01', ${until})`,
    );
  // Xã Anh Sơn takes two communes of Anh Sơn and one of Bắc Bình; Xã Bình Minh one of each.
  for (const [from, to] of [
    ['99101', '99901'],
    ['99102', '99901'],
    ['99201', '99901'],
    ['99101', '99902'],
    ['99201', '99902'],
  ])
    await database.db.execute(
      sql`insert into area_succession (old_code, new_code, effective_on) values (${from}, ${to}, '2025-07-01')`,
    );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('administrative areas', () => {
  it('trace each commune of the 2025 reform to the district most of its predecessors lay in, in one read', async () => {
    const res = await officer.get('/api/v1/areas/traced-districts');
    expect(res.statusCode).toBe(200);
    // A tie (one commune of each district) goes to the lower district code, so the answer is stable.
    expect(res.json()).toEqual([
      { code: '99901', districtCode: '991' },
      { code: '99902', districtCode: '991' },
    ]);
    // The detail of one commune still answers beside it.
    expect((await officer.get('/api/v1/areas/99901')).json().predecessors).toHaveLength(3);
  });
});
