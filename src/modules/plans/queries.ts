import { sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';
import { assertDay } from '../units/queries.ts';

export type PlanRow = {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  name: string;
  documentNo: string | null;
  startsOn: string;
  endsOn: string;
};

export type TargetRow = {
  id: number;
  planId: number;
  measure: string;
  name: string;
  startsOn: string;
  dueOn: string;
  goal: number;
};

/** The owner's version that stood on the plan's last day, or its latest before that. */
const ownerVersion = sql.raw(`(select v.name, v.path::text as path from unit_version v
  where v.unit_id = p.unit_id and v.valid_from <= least(p.ends_on, current_date)
  order by v.valid_from desc limit 1) ov`);

const planColumns = sql.raw(`p.id, p.unit_id as "unitId", ov.name as "unitName", ov.path as "unitPath", p.name,
  p.document_no as "documentNo", p.starts_on::text as "startsOn", p.ends_on::text as "endsOn"`);

/** Plans owned by these units, or by any unit when ids is null; newest first. */
export async function selectPlans(db: Conn, ownerIds: number[] | null) {
  const filter = ownerIds === null ? sql`true` : sql`p.unit_id = any(${`{${ownerIds.join(',')}}`}::bigint[])`;
  const res = await run<PlanRow>(
    db,
    sql`select ${planColumns} from plan p cross join lateral ${ownerVersion}
      where ${filter} order by p.ends_on desc, p.id desc limit 200`,
  );
  return res.rows;
}

export async function selectPlan(db: Conn, id: number) {
  const res = await run<PlanRow>(
    db,
    sql`select ${planColumns} from plan p cross join lateral ${ownerVersion} where p.id = ${id}`,
  );
  return res.rows[0];
}

export async function selectTargets(db: Conn, planIds: number[]) {
  if (planIds.length === 0) return [];
  const res = await run<TargetRow>(
    db,
    sql`select id, plan_id as "planId", measure, name, starts_on::text as "startsOn", due_on::text as "dueOn", goal
      from target where plan_id = any(${`{${planIds.join(',')}}`}::bigint[]) order by sort_order, id`,
  );
  return res.rows;
}

export async function selectTarget(db: Conn, id: number) {
  const res = await run<TargetRow>(
    db,
    sql`select id, plan_id as "planId", measure, name, starts_on::text as "startsOn", due_on::text as "dueOn", goal
      from target where id = ${id}`,
  );
  return res.rows[0];
}

export type AllocationRow = { unitId: number; period: string; value: number };

/** The cells in force for these units (the table as it stands now). */
export async function selectAllocations(db: Conn, targetIds: number[], unitIds: number[]) {
  if (targetIds.length === 0 || unitIds.length === 0) return [];
  const res = await run<AllocationRow & { targetId: number }>(
    db,
    sql`select target_id as "targetId", unit_id as "unitId", period, value from target_allocation
      where replaced_at is null and target_id = any(${`{${targetIds.join(',')}}`}::bigint[])
        and unit_id = any(${`{${unitIds.join(',')}}`}::bigint[])`,
  );
  return res.rows;
}

/** Every cell in force of a plan's targets: commendations and warnings read them all at once. */
export async function selectPlanAllocations(db: Conn, planId: number) {
  const res = await run<AllocationRow & { targetId: number }>(
    db,
    sql`select a.target_id as "targetId", a.unit_id as "unitId", a.period, a.value from target_allocation a
      join target t on t.id = a.target_id where t.plan_id = ${planId} and a.replaced_at is null`,
  );
  return res.rows;
}

export type ChildRow = { id: number; code: string; name: string; type: string; childCount: number };

/**
 * Direct sub-units of a unit on day d (all of them: scope is the caller's check): upper unions
 * before CĐCS (by the unit types' order), then in Vietnamese order, each with its own sub-units'
 * count, so a table can say which of them split their share further.
 */
export async function selectChildUnits(db: Conn, unitId: number, d: string) {
  const res = await run<ChildRow>(
    db,
    sql.raw(`select v.unit_id as id, u.code, v.name, v.type,
        (select count(*)::int from unit_version c where c.parent_id = v.unit_id and c.valid_from <= '${assertDay(d)}'::date
          and (c.valid_to is null or c.valid_to > '${d}'::date)) as "childCount"
      from unit_version v join unit u on u.id = v.unit_id join unit_type t on t.code = v.type
      where v.parent_id = ${Number(unitId)} and v.valid_from <= '${d}'::date
        and (v.valid_to is null or v.valid_to > '${d}'::date)
      order by t.sort_order, v.sort_key, v.unit_id`),
  );
  return res.rows;
}

/** Units by id with the name they had on day d (or their last one before it). */
export async function selectUnitsNamed(db: Conn, ids: number[], d: string) {
  if (ids.length === 0) return [];
  const res = await run<ChildRow & { path: string }>(
    db,
    sql`select u.id, u.code, v.name, v.type, v.path::text as path from unit u
      cross join lateral (select name, type, path from unit_version x where x.unit_id = u.id
        and x.valid_from <= ${assertDay(d)}::date order by x.valid_from desc limit 1) v
      where u.id = any(${`{${ids.join(',')}}`}::bigint[])`,
  );
  return res.rows;
}
