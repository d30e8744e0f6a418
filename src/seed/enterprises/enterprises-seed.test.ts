import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/client.ts';
import { unit } from '../../db/schema/units.ts';
import { parseTaxCode } from '../../lib/ids.ts';
import { fullScope } from '../../lib/scope.ts';
import { run } from '../../lib/tx.ts';
import { gaps, summary } from '../../modules/enterprises/coverage.ts';
import { DEMO_TODAY, REFORM_DATE } from '../dates.ts';
import { seedDemoTree } from '../demo.ts';
import { createRandom } from '../random.ts';
import { buildRegister } from './generate.ts';
import { seedDemoEnterprises } from './index.ts';
import { loadContext } from './load.ts';

let database: Database;
const caller = { scope: fullScope };
const idOf = async (code: string) =>
  (await database.db.select({ id: unit.id }).from(unit).where(eq(unit.code, code)))[0]?.id ?? 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoTree(database, { scale: 'province' });
  await seedDemoEnterprises(database, { total: 11_000, memberShare: 0 });
});
afterAll(() => database.close());

describe('the Nghệ An demo enterprise register', () => {
  it('holds 11,000 enterprises with valid, distinct tax codes (branches as xxxxxxxxxx-yyy)', async () => {
    const rows = (await run<{ taxCode: string }>(database.db, sql`select tax_code as "taxCode" from enterprise`)).rows;
    expect(rows).toHaveLength(11_000);
    expect(rows.filter((r) => !parseTaxCode(r.taxCode).ok)).toEqual([]);
    expect(new Set(rows.map((r) => r.taxCode)).size).toBe(11_000);
    expect(rows.filter((r) => r.taxCode.includes('-')).length).toBeGreaterThan(50);
  });

  it('gives every enterprise CĐCS of the tree its enterprise, and every enterprise one upper union each day', async () => {
    const unlinked = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from unit_version v where v.valid_to is null and v.type = 'grassroots_union'
            and v.name like 'Công đoàn Công ty%' and not exists (select 1 from enterprise e where e.grassroots_unit_id = v.unit_id)`,
    );
    expect(unlinked.rows[0]?.n).toBe(0);
    for (const day of ['2023-12-31', REFORM_DATE, DEMO_TODAY]) {
      const res = await run<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from enterprise_assignment a where a.valid_from <= ${day}::date
              and (a.valid_to is null or a.valid_to > ${day}::date)`,
      );
      expect(res.rows[0]?.n).toBe(11_000);
    }
  });

  it('has coverage gaps today: about half the operating enterprises with 25+ workers lack a CĐCS', async () => {
    const c = await summary(database.db, caller, await idOf('40'), DEMO_TODAY);
    expect(c.operating).toBeGreaterThan(9_000);
    expect(c.target).toBeGreaterThan(1_500);
    expect(c.target).toBeLessThan(2_600);
    expect(c.rate).toBeGreaterThan(0.35);
    expect(c.rate).toBeLessThan(0.7);
    const fdi = c.byOwnership.find((o) => o.ownership === 'foreign_invested');
    expect(fdi?.target).toBeGreaterThan(40);
    // The plan's first targets lead the list: large foreign-invested employers in the zones.
    const top = await gaps(database.db, caller, { unitId: await idOf('40'), asOf: DEMO_TODAY, limit: 10 });
    expect(top.items.every((g) => g.ownership === 'foreign_invested' && g.zone !== null)).toBe(true);
  });

  it('keeps the district federations’ enterprises as history after the 2025 reform', async () => {
    const dienChau = await idOf('40H426');
    const before = await summary(database.db, caller, dienChau, '2025-06-30');
    expect(before.target).toBeGreaterThan(10);
    expect(before.covered).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same register', async () => {
    const ctx = await loadContext(database);
    const a = buildRegister(ctx, createRandom(7), { total: 2_000, memberShare: 0 });
    const b = buildRegister(ctx, createRandom(7), { total: 2_000, memberShare: 0 });
    expect(b.enterprises.map((e) => `${e.taxCode} ${e.name}`)).toEqual(
      a.enterprises.map((e) => `${e.taxCode} ${e.name}`),
    );
  });

  it('leaves open conflicts for officers to resolve, each with what the register said', async () => {
    const res = await run<{ kind: string; n: number }>(
      database.db,
      sql`select kind, count(*)::int as n from enterprise_conflict where status = 'open' group by kind order by kind`,
    );
    expect(res.rows.map((r) => r.kind)).toEqual([
      'business_closed',
      'manual_differs',
      'name_differs',
      'workforce_jump',
    ]);
  });
});
