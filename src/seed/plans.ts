/**
 * The demo's plan is the real one (shared/plan/): "Phát triển đoàn viên, thành lập công đoàn cơ sở
 * đến năm 2023" of LĐLĐ tỉnh Nghệ An, October 2021: 175,000 members by the end of 2023, 25,000 new
 * members, a CĐCS in every operating enterprise with 25+ workers. Its target table splits the two
 * member targets among the province's sub-units of 2023 in proportion to their members when the
 * plan started (largest remainders, so the shares add up to the goal exactly), and the province
 * plans its new members year by year. Results are never seeded: progress is measured.
 *
 * A demo that loads a share of the register (a first start loads a tenth) gets the member goals
 * scaled by the same share (17,500 and 2,500 for a tenth), so its progress reads as the real
 * plan's would; the full register (DEMO_MEMBERS=1) gets the real goals.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { plan, target, targetAllocation } from '../db/schema/plans.ts';
import { run } from '../lib/tx.ts';
import { memberCount } from '../modules/plans/measures.ts';
import { selectChildUnits } from '../modules/plans/queries.ts';

const STARTS = '2021-10-01';
const ENDS = '2023-12-31';

/** Splits a whole number in proportion to weights, adding up exactly (largest remainders). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

export async function seedDemoPlans(database: Database, share = 1) {
  const scaled = (n: number) => Math.round(n * share);
  const db = database.db;
  const province = await run<{ id: number }>(db, sql`select id from unit where code = '40'`);
  const provinceId = province.rows[0]?.id;
  if (!provinceId) return;
  const [created] = await db
    .insert(plan)
    .values({
      unitId: provinceId,
      name: 'Phát triển đoàn viên, thành lập công đoàn cơ sở đến năm 2023',
      documentNo: '…/KH-LĐLĐ',
      startsOn: STARTS,
      endsOn: ENDS,
    })
    .returning({ id: plan.id });
  const planId = created?.id as number;
  const targets = await db
    .insert(target)
    .values([
      {
        planId,
        measure: 'member_count',
        name: 'Tổng số đoàn viên đến hết năm 2023',
        startsOn: STARTS,
        dueOn: ENDS,
        goal: scaled(175_000),
        sortOrder: 0,
      },
      {
        planId,
        measure: 'new_members',
        name: 'Tăng thêm đoàn viên mới',
        startsOn: STARTS,
        dueOn: ENDS,
        goal: scaled(25_000),
        sortOrder: 1,
      },
      {
        planId,
        measure: 'coverage_rate',
        name: 'Doanh nghiệp từ 25 lao động trở lên đang hoạt động có CĐCS',
        startsOn: STARTS,
        dueOn: ENDS,
        goal: 1,
        sortOrder: 2,
      },
    ])
    .returning({ id: target.id, measure: target.measure });
  const idOf = (m: string) => targets.find((t) => t.measure === m)?.id as number;

  const children = await selectChildUnits(db, provinceId, ENDS);
  const atStart = await memberCount(db, provinceId, STARTS);
  const weights = children.map((c) => atStart.children.get(c.id)?.value ?? 0);
  const cells: (typeof targetAllocation.$inferInsert)[] = [];
  const split = (targetId: number, total: number) =>
    apportion(total, weights).forEach((value, i) => {
      const c = children[i];
      if (c && value > 0) cells.push({ targetId, unitId: c.id, period: 'all', value });
    });
  split(idOf('member_count'), scaled(175_000));
  split(idOf('new_members'), scaled(25_000));
  for (const c of children) cells.push({ targetId: idOf('coverage_rate'), unitId: c.id, period: 'all', value: 1 });
  // The province's own plan year by year: the last quarter of 2021, then 2022 and 2023.
  for (const [period, value] of [
    ['2021', 3_000],
    ['2022', 11_000],
    ['2023', 11_000],
  ] as const)
    cells.push({ targetId: idOf('new_members'), unitId: provinceId, period, value: scaled(value) });
  for (let i = 0; i < cells.length; i += 500) await db.insert(targetAllocation).values(cells.slice(i, i + 500));
  return { planId, cells: cells.length };
}
