import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { fullScope } from '../../lib/scope.ts';
import { run } from '../../lib/tx.ts';
import { move as moveUnits } from './move.ts';
import * as units from './service.ts';

const actor = { id: null, name: 'test' };
let database: Database;
let t: Awaited<ReturnType<typeof buildSmallTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
});
afterAll(() => database.close());

const childNames = async (id: number, d: string) =>
  (await units.children(database.db, fullScope, id, d)).map((u) => u.name);

describe('the versioned union tree', () => {
  it('lists children in Vietnamese order with their child counts', async () => {
    const kids = await units.children(database.db, fullScope, t.province, '2020-01-01');
    expect(kids.map((k) => k.code)).toEqual(['S', 'DA', 'DB']); // Công đoàn … < Liên đoàn … (A < B)
    expect(kids.find((k) => k.code === 'DA')?.childCount).toBe(2);
  });

  it('counts units under a unit per type, on a day', async () => {
    const c = await units.counts(database.db, fullScope, t.province, '2020-01-01');
    expect(c.totalUnder).toBe(7);
    expect(Object.fromEntries(c.byType.map((b) => [b.type, b.count]))).toEqual({
      district_federation: 2,
      sector_union: 1,
      grassroots_union: 3,
      union_section: 1,
    });
  });

  it('moves a subtree from a day on and keeps the old placement answerable', async () => {
    const res = await moveUnits(database.db, fullScope, actor, {
      unitIds: [t.a2],
      newParentId: t.districtB,
      effectiveOn: '2023-07-01',
      reason: 'Sáp nhập',
    });
    expect(res).toEqual({ moved: 1, versionsOpened: 2 }); // A2 and its section
    expect(await childNames(t.districtA, '2023-06-30')).toContain('Công đoàn Công ty TNHH May Nghệ An');
    expect(await childNames(t.districtA, '2023-07-01')).not.toContain('Công đoàn Công ty TNHH May Nghệ An');
    expect(await childNames(t.districtB, '2023-07-01')).toContain('Công đoàn Công ty TNHH May Nghệ An');
    // The section moved with its CĐCS: counted under B now, under A before.
    const underB = await units.counts(database.db, fullScope, t.districtB, '2024-01-01');
    expect(underB.byType.find((b) => b.type === 'union_section')?.count).toBe(1);
    const underA = await units.counts(database.db, fullScope, t.districtA, '2023-01-01');
    expect(underA.byType.find((b) => b.type === 'union_section')?.count).toBe(1);
    const detail = await units.detail(database.db, fullScope, t.a2, '2024-01-01');
    expect(detail.history.map((h) => [h.validFrom, h.validTo, h.parentName])).toEqual([
      ['2000-01-01', '2023-07-01', 'Liên đoàn Lao động huyện Anh Sơn'],
      ['2023-07-01', null, 'Liên đoàn Lao động huyện Bắc Bình'],
    ]);
  });

  it('moves hundreds of units in one operation', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 120; i++)
      ids.push(
        await units.create(database.db, fullScope, actor, {
          code: `BULK${i}`,
          name: `Công đoàn Trường Mầm non số ${i}`,
          type: 'grassroots_union',
          parentId: t.sector,
          foundedOn: '2010-01-01',
        }),
      );
    const res = await moveUnits(database.db, fullScope, actor, {
      unitIds: ids,
      newParentId: t.province,
      effectiveOn: '2025-07-01',
    });
    expect(res.moved).toBe(120);
    expect((await units.children(database.db, fullScope, t.sector, '2025-07-01')).length).toBe(0);
    expect((await units.children(database.db, fullScope, t.sector, '2025-06-30')).length).toBe(120);
    const audits = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'unit.move'`,
    );
    expect(audits.rows[0]?.n).toBe(121); // one per moved unit, in the move's transaction
  });

  it('refuses a move under the unit itself and writes nothing', async () => {
    const before = await run<{ n: number }>(database.db, sql`select count(*)::int as n from unit_version`);
    await expect(
      moveUnits(database.db, fullScope, actor, {
        unitIds: [t.districtB],
        newParentId: t.a2s,
        effectiveOn: '2026-01-01',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const after = await run<{ n: number }>(database.db, sql`select count(*)::int as n from unit_version`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('refuses to rewrite the past: a change dated before the current version', async () => {
    const err = await units
      .update(database.db, fullScope, actor, t.a2, { effectiveOn: '2022-01-01', name: 'Tên mới' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).problems[0]?.field).toBe('effectiveOn');
    expect((err as AppError).vi).toContain('không hợp lệ');
  });

  it('renames from a day on: old name on old days, new name after', async () => {
    await units.update(database.db, fullScope, actor, t.b1, {
      effectiveOn: '2024-03-01',
      name: 'Công đoàn Bệnh viện Đa khoa khu vực Bắc Bình',
    });
    expect((await units.detail(database.db, fullScope, t.b1, '2024-02-29')).name).toBe(
      'Công đoàn Bệnh viện Đa khoa Bắc Bình',
    );
    expect((await units.detail(database.db, fullScope, t.b1, '2024-03-01')).name).toBe(
      'Công đoàn Bệnh viện Đa khoa khu vực Bắc Bình',
    );
  });

  it('dissolves a unit only once it has no operating sub-units', async () => {
    await expect(
      units.dissolve(database.db, fullScope, actor, t.districtA, { effectiveOn: '2025-07-01' }),
    ).rejects.toMatchObject({ code: 'unit_has_children' });
    await moveUnits(database.db, fullScope, actor, {
      unitIds: [t.a1],
      newParentId: t.province,
      effectiveOn: '2025-07-01',
    });
    await units.dissolve(database.db, fullScope, actor, t.districtA, {
      effectiveOn: '2025-07-01',
      reason: 'Sắp xếp bộ máy',
    });
    expect(await childNames(t.province, '2025-06-30')).toContain('Liên đoàn Lao động huyện Anh Sơn');
    expect(await childNames(t.province, '2025-07-01')).not.toContain('Liên đoàn Lao động huyện Anh Sơn');
    const d = await units.detail(database.db, fullScope, t.districtA, '2026-01-01');
    expect(d.dissolvedOn).toBe('2025-07-01');
    expect(d.canEdit).toBe(false);
  });

  it('finds units without diacritics and in any word order', async () => {
    const r = await units.search(
      database.db,
      fullScope,
      { q: 'giao duc cong doan', limit: 10, offset: 0 },
      '2024-01-01',
    );
    expect(r.items.map((i) => i.name)).toEqual(['Công đoàn Giáo dục tỉnh']);
    expect(r.items[0]?.ancestry).toEqual(['Liên đoàn Lao động tỉnh Thử Nghiệm']);
    const byCode = await units.search(database.db, fullScope, { q: 'a2s', limit: 10, offset: 0 }, '2024-01-01');
    expect(byCode.items.map((i) => i.code)).toEqual(['A2S']);
  });

  it('keeps periods from overlapping even if a write bypasses the service', async () => {
    await expect(
      database.db.execute(sql`insert into unit_version (unit_id, valid_from, type, name, name_folded, sort_key, path, depth)
        values (${t.b1}, '2024-05-01', 'grassroots_union', 'x', 'x', 'x', '1', 1)`),
    ).rejects.toThrow();
  });
});
