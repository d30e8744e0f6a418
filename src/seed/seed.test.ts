import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import type { Database } from '../db/client.ts';
import { unit } from '../db/schema/units.ts';
import { fullScope } from '../lib/scope.ts';
import { run } from '../lib/tx.ts';
import * as units from '../modules/units/service.ts';
import { buildDataset } from './dataset.ts';
import { seedDemo } from './index.ts';

let database: Database;
let provinceId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  // The tree only: the member register is tested on the small scale below (it takes a minute here).
  await seedDemo(database, { scale: 'province', members: false });
  const rows = await database.db.select({ id: unit.id }).from(unit).where(eq(unit.code, '40'));
  provinceId = rows[0]?.id ?? 0;
});
afterAll(() => database.close());

const countsOn = async (day: string) =>
  Object.fromEntries(
    (await units.counts(database.db, fullScope, provinceId, day)).byType.map((b) => [b.type, b.count]),
  );

describe('the Nghệ An demo dataset', () => {
  it('as of 31/12/2023: 21 district federations, 7 sector unions, the zone union, about 2,900 CĐCS', async () => {
    const c = await countsOn('2023-12-31');
    expect(c.district_federation).toBe(21);
    expect(c.sector_union).toBe(7);
    expect(c.zone_union).toBe(1);
    expect(c.commune_union).toBeUndefined();
    expect(c.grassroots_union).toBeGreaterThan(2_700);
    expect(c.grassroots_union).toBeLessThan(3_100);
  });

  it('after the 2025 reform: no district federations, 3 sector unions, commune unions', async () => {
    const c = await countsOn('2025-07-01');
    expect(c.district_federation).toBeUndefined();
    expect(c.sector_union).toBe(3);
    expect(c.commune_union).toBeGreaterThan(100);
  });

  it('keeps Vinh as dated history: found on 30/06/2025, gone from the tree on 01/07/2025', async () => {
    const vinh = await units.search(
      database.db,
      fullScope,
      { q: 'lien doan lao dong thanh pho vinh', limit: 5, offset: 0 },
      '2025-06-30',
    );
    expect(vinh.items.map((i) => i.code)).toContain('40H412');
    const after = await units.search(
      database.db,
      fullScope,
      { q: 'lien doan lao dong thanh pho vinh', limit: 5, offset: 0 },
      '2025-07-01',
    );
    expect(after.items.map((i) => i.code)).not.toContain('40H412');
  });

  it('every version lies under a parent version that covers it, with a consistent path', async () => {
    const bad = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from unit_version v
          where v.parent_id is not null and not exists (
            select 1 from unit_version p where p.unit_id = v.parent_id
              and p.valid_from <= v.valid_from and (p.valid_to is null or (v.valid_to is not null and p.valid_to >= v.valid_to))
              and v.path = p.path || v.unit_id::text::ltree)`,
    );
    expect(bad.rows[0]?.n).toBe(0);
  });

  it('points units at official area codes, and every old commune at its 2025 successor', async () => {
    const vinhArea = await run<{ name: string }>(database.db, sql`select name from area where code = '412'`);
    expect(vinhArea.rows[0]?.name).toBe('Thành phố Vinh');
    const orphans = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from area a where a.level = 'commune' and a.valid_to = '2025-07-01'
          and not exists (select 1 from area_succession s where s.old_code = a.code)`,
    );
    expect(orphans.rows[0]?.n).toBe(0);
  });

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const digest = (seed: number) =>
      createHash('sha256')
        .update(JSON.stringify(buildDataset('province', seed)))
        .digest('hex');
    expect(digest(1)).toBe(digest(1));
    expect(digest(2)).not.toBe(digest(1));
  });
});

describe('the demo member register (small scale)', () => {
  it('gives every CĐCS members whose memberships lie within the unit’s life, and plants data problems', async () => {
    const d = await createTestDatabase();
    try {
      await seedDemo(d, { scale: 'tiny' });
      const open = await run<{ n: number; women: number }>(
        d.db,
        sql`select count(*)::int as n, count(*) filter (where p.gender = 'female')::int as women
            from membership m join person p on p.id = m.person_id where m.valid_to is null`,
      );
      expect(open.rows[0]?.n).toBeGreaterThan(500);
      const share = (open.rows[0]?.women ?? 0) / (open.rows[0]?.n ?? 1);
      expect(share).toBeGreaterThan(0.4);
      expect(share).toBeLessThan(0.7);
      const overlapping = await run<{ n: number }>(
        d.db,
        sql`select count(*)::int as n from membership a join membership b on a.person_id = b.person_id and a.id < b.id
            and a.valid_from < coalesce(b.valid_to, 'infinity'::date) and b.valid_from < coalesce(a.valid_to, 'infinity'::date)`,
      );
      expect(overlapping.rows[0]?.n).toBe(0);
      const cards = await run<{ n: number }>(
        d.db,
        sql`select count(*)::int as n from member_card where status = 'active'`,
      );
      expect(cards.rows[0]?.n).toBeGreaterThan(0);
      // The real plan, its member targets split among the province's sub-units to the last member.
      const split = await run<{ measure: string; goal: number; allocated: number }>(
        d.db,
        sql`select t.measure, t.goal, sum(a.value)::int as allocated from target t
            join target_allocation a on a.target_id = t.id and a.period = 'all' and a.replaced_at is null
            where t.measure in ('member_count', 'new_members') group by t.id, t.measure, t.goal order by t.measure`,
      );
      expect(split.rows).toEqual([
        { measure: 'member_count', goal: 175_000, allocated: 175_000 },
        { measure: 'new_members', goal: 25_000, allocated: 25_000 },
      ]);
      // 6-month reports of 2023: submitted by most sub-units (frozen with their figures), the province's a draft.
      const reports = await run<{ status: string; n: number; frozen: number }>(
        d.db,
        sql`select status, count(*)::int as n, count(figures)::int as frozen from statistical_report
            group by status order by status`,
      );
      expect(reports.rows[0]).toEqual({ status: 'draft', n: 1, frozen: 0 });
      expect(reports.rows[1]?.status).toBe('submitted');
      expect(reports.rows[1]?.n).toBeGreaterThanOrEqual(3);
      expect(reports.rows[1]?.frozen).toBe(reports.rows[1]?.n);
    } finally {
      await d.close();
    }
  });
});
