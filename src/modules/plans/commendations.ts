/**
 * Commendation suggestions (đề xuất khen thưởng): units that reached or exceeded every target they
 * were given, and the people who founded CĐCS during the plan. A list for the Policy-Law department
 * to start its proposal from, never a decision.
 *
 * Units: the plan owner's sub-units and theirs (two levels down), each judged on the targets it
 * was allocated, measured as the progress page measures them. People: officers and collaborators
 * assigned to organising drives that ended in a recognised CĐCS between the plan's start and the
 * day asked, under the plan's owner.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { earlierDay, todayVn } from '../../lib/dates.ts';
import { run } from '../../lib/tx.ts';
import { progress } from './progress.ts';
import type { Commendations } from './schema.ts';
import { type PlanCaller, readablePlan } from './service.ts';

const roleNames: Record<string, string> = {
  system_admin: 'Quản trị hệ thống',
  federation_officer: 'Cán bộ LĐLĐ',
  upper_union_officer: 'Cán bộ công đoàn cấp trên',
  grassroots_officer: 'Cán bộ CĐCS',
  collaborator: 'Cộng tác viên',
  member: 'Đoàn viên',
};

export const COMMENDATION_RULE =
  'Đơn vị được đề xuất khi đạt hoặc vượt tất cả chỉ tiêu được giao (thực hiện ≥ 100% chỉ tiêu giao), xếp theo tỷ lệ hoàn thành bình quân; cá nhân được đề xuất khi tham gia vận động thành lập CĐCS đã được công nhận trong thời gian thực hiện kế hoạch.';

export async function commendations(
  db: Db,
  caller: PlanCaller,
  planId: number,
  asOf = todayVn(),
): Promise<Commendations> {
  const p = await readablePlan(db, caller.scope, planId);
  const top = await progress(db, caller, planId, { asOf });
  const levels = [top];
  // One level further down where a sub-unit split its share.
  const splitters = await run<{ unitId: number }>(
    db,
    sql`select distinct v.parent_id as "unitId" from target_allocation a join target t on t.id = a.target_id
      join unit_version v on v.unit_id = a.unit_id and v.valid_to is null
      where t.plan_id = ${planId} and a.replaced_at is null and v.parent_id <> ${top.unit.id}`,
  );
  const shown = new Set(top.targets[0]?.rows.map((r) => r.unit.id) ?? []);
  for (const s of splitters.rows) {
    if (!shown.has(Number(s.unitId))) continue;
    levels.push(await progress(db, caller, planId, { asOf, unitId: Number(s.unitId) }));
  }
  const byUnit = new Map<number, Commendations['units'][number]>();
  const failed = new Set<number>();
  for (const level of levels)
    for (const t of level.targets)
      for (const r of t.rows) {
        const f = r.figure;
        if (f.allocated === null || f.actual === null) continue;
        if (f.ratio === null || f.ratio < 1) {
          failed.add(r.unit.id);
          continue;
        }
        const entry = byUnit.get(r.unit.id) ?? { unit: r.unit, meanRatio: 0, targets: [] };
        entry.targets.push({ targetId: t.target.id, name: t.target.name, allocated: f.allocated, actual: f.actual });
        entry.meanRatio += f.ratio;
        byUnit.set(r.unit.id, entry);
      }
  const units = [...byUnit.values()]
    .filter((u) => !failed.has(u.unit.id))
    .map((u) => ({ ...u, meanRatio: u.meanRatio / u.targets.length }))
    .sort((a, b) => b.meanRatio - a.meanRatio);
  const measuredTo = earlierDay(asOf, p.endsOn);
  const people = await run<{ name: string; role: string; recognisedDrives: number; units: string[] }>(
    db,
    sql`select u.display_name as name, min(r.role) as role, count(distinct d.id)::int as "recognisedDrives",
        array_agg(distinct g.name) as units
      from organising_drive d
      join drive_assignee a on a.drive_id = d.id
      join app_user u on u.id = a.user_id
      left join user_role r on r.user_id = u.id
      join unit_version uv on uv.unit_id = d.upper_union_id and uv.valid_from <= d.closed_on
        and (uv.valid_to is null or uv.valid_to > d.closed_on)
      left join unit_version g on g.unit_id = d.grassroots_unit_id and g.valid_to is null
      where d.status = 'recognised' and d.closed_on between ${p.startsOn}::date and ${measuredTo}::date
        and uv.path ~ ${`*.${p.unitId}.*`}::lquery
      group by u.id, u.display_name order by count(distinct d.id) desc, u.display_name limit 100`,
  );
  return {
    plan: { id: p.id, name: p.name },
    asOf,
    rule: COMMENDATION_RULE,
    units,
    people: people.rows.map((r) => ({
      ...r,
      role: roleNames[r.role] ?? r.role,
      units: (r.units ?? []).filter((x): x is string => !!x),
    })),
  };
}
