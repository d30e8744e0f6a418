/**
 * Coverage of a unit broken down: by its direct sub-units (where each enterprise's anchor lies one
 * level down, or at the unit itself) and by administrative area (the commune as registered), for
 * drilling down and for the map. The same figures as the summary, from the same query.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { todayVn } from '../../lib/dates.ts';
import { onDay } from '../units/queries.ts';
import { analytical, belonging, TARGET_WORKFORCE } from './coverage.ts';
import { coverageOnDay } from './coverage-snapshots.ts';
import { type Caller, visibleUnitPath } from './service.ts';

const counts = sql.raw(`count(*)::int as operating,
  count(*) filter (where total >= ${TARGET_WORKFORCE})::int as target,
  count(*) filter (where total >= ${TARGET_WORKFORCE} and g_id is not null)::int as covered,
  coalesce(sum(total) filter (where total >= ${TARGET_WORKFORCE}), 0)::int as "workersInTarget"`);

type Counts = { operating: number; target: number; covered: number; workersInTarget: number };
const withRate = <T extends Counts>(r: T) => ({
  ...r,
  rate: r.target === 0 ? null : Math.round((10000 * r.covered) / r.target) / 10000,
});

export async function byChild(db: Db, caller: Caller, unitId: number, asOf?: string) {
  const d = asOf ?? todayVn();
  const v = await visibleUnitPath(db, caller.scope, unitId, d);
  const depth = v.path.split('.').length;
  // Counts per anchor on d from the month-end snapshot (coverage-snapshots.ts), each anchor put
  // under the sub-unit its path runs through that day.
  const counts = await coverageOnDay(db, d);
  const res = await analytical<Counts & { unitId: number; name: string | null }>(
    db,
    sql`with k as (select case when nlevel(un.path) > ${depth} then subpath(un.path, ${depth}, 1)::text::bigint
                   else ${unitId}::bigint end as unit_id, s.*
                 from (${counts}) s join unit_version un on un.unit_id = s.anchor_id
                 where un.path <@ ${v.path}::ltree and ${onDay('un', d)})
      select k.unit_id as "unitId", uv.name, sum(operating)::int as operating, sum(target)::int as target,
        sum(covered)::int as covered, sum(workers_in_target)::int as "workersInTarget"
      from k left join unit_version uv on uv.unit_id = k.unit_id and ${onDay('uv', d)}
      group by k.unit_id, uv.name having sum(operating) <> 0 order by sum(target) desc, uv.name`,
  );
  return {
    asOf: d,
    unit: { id: unitId, name: v.name },
    items: res.rows.map(({ unitId: id, name, ...c }) => ({
      unit: { id, name: name ?? '' },
      self: id === unitId,
      ...withRate(c),
    })),
  };
}

export async function byArea(db: Db, caller: Caller, unitId: number, asOf?: string) {
  const d = asOf ?? todayVn();
  const v = await visibleUnitPath(db, caller.scope, unitId, d);
  const res = await analytical<
    Counts & { areaCode: string | null; name: string | null; level: string | null; parentCode: string | null }
  >(
    db,
    sql`with b as (${belonging(v.path, d)})
      select b.area_code as "areaCode", a.name, a.level, a.parent_code as "parentCode", ${counts}
      from b left join area a on a.code = b.area_code
      group by b.area_code, a.name, a.level, a.parent_code order by b.area_code nulls last`,
  );
  return { asOf: d, unit: { id: unitId, name: v.name }, items: res.rows.map(withRate) };
}
