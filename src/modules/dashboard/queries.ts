/**
 * The dashboard's SQL: each query reads one kind of row once for a whole subtree and groups it, so
 * the province's dashboard is a handful of scans, not one count per sub-unit, month or chart.
 * Subtrees are found by the unit's id among the labels of a path (as in plans/measures.ts), so a
 * figure of the past is put where it happened even if the tree changed since.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';
import { assertDay, onDay } from '../units/queries.ts';

const label = (unitId: number) => `*.${unitId}.*`;

/** The sub-unit of unitId a path runs through; unitId itself when the path ends there. */
const childOf = (alias: string, unitId: number) =>
  sql.raw(`case when index(${alias}.path, '${unitId}'::ltree) + 1 < nlevel(${alias}.path)
    then subpath(${alias}.path, index(${alias}.path, '${unitId}'::ltree) + 1, 1)::text::bigint
    else ${unitId}::bigint end`);

export type UnitRow = {
  id: number;
  parentId: number | null;
  type: string;
  name: string;
  path: string;
  isGrassroots: boolean;
  /** Ownership of the enterprise whose CĐCS this unit is (a plain column of the register). */
  ownership: string | null;
};

/**
 * Rows of a query as one JSON array of arrays, parsed here: PGlite's driver takes ~6 µs a row per
 * row of a result (40 ms for the province's 6,500 versions), a JSON value a third of that.
 */
async function jsonRows(db: Conn, query: SQL, fields: SQL): Promise<unknown[][]> {
  const res = await run<{ j: string | null }>(
    db,
    sql`select json_agg(json_build_array(${fields}))::text as j from (${query}) q`,
  );
  return JSON.parse(res.rows[0]?.j ?? '[]') as unknown[][];
}

/** The units standing on d under the path (the unit included) and above it. */
export async function selectUnits(db: Conn, path: string, d: string): Promise<UnitRow[]> {
  const rows = await jsonRows(
    db,
    sql`select v.unit_id, v.parent_id, v.type, v.name, v.path::text as path, t.is_grassroots, e.ownership
        from unit_version v join unit_type t on t.code = v.type
        left join enterprise e on e.grassroots_unit_id = v.unit_id
        where (v.path <@ ${path}::ltree or v.path @> ${path}::ltree) and ${onDay('v', d)}`,
    sql`q.unit_id, q.parent_id, q.type, q.name, q.path, q.is_grassroots, q.ownership`,
  );
  return rows.map(([id, parentId, type, name, p, isGrassroots, ownership]) => ({
    id: Number(id),
    parentId: parentId === null ? null : Number(parentId),
    type: type as string,
    name: name as string,
    path: p as string,
    isGrassroots: isGrassroots as boolean,
    ownership: ownership as string | null,
  }));
}

/** A version of a unit under the unit of the dashboard, with the direct sub-unit it stood under. */
export type VersionRow = { unitId: number; child: number; validFrom: string; validTo: string | null };

const overlaps = (alias: string, first: string, last: string) =>
  sql.raw(`${alias}.valid_from <= '${assertDay(last)}'::date
    and (${alias}.valid_to is null or ${alias}.valid_to > '${assertDay(first)}'::date)`);

/** Versions of the units that stood under unitId at some time between first and last. */
export async function selectVersions(db: Conn, unitId: number, first: string, last: string): Promise<VersionRow[]> {
  const rows = await jsonRows(
    db,
    sql`select v.unit_id, ${childOf('v', unitId)} as child, v.valid_from, v.valid_to
        from unit_version v where v.path ~ ${label(unitId)}::lquery and ${overlaps('v', first, last)}`,
    sql`q.unit_id, q.child, q.valid_from, q.valid_to`,
  );
  return rows.map(([u, child, from, to]) => ({
    unitId: Number(u),
    child: Number(child),
    validFrom: from as string,
    validTo: to as string | null,
  }));
}

export type DriveStageRow = {
  stage: string;
  active: number;
  stalled: number;
  recognised: number;
  abandoned: number;
};

/**
 * Drives run by unions under the unit, as they stood on d: active when opened by d and not closed
 * by then, in the stage of their last stage event up to d, stalled when that stage began more than
 * stalledDays before d. Recognised and abandoned count the drives closed from yearStart to d.
 */
export async function countDrives(db: Conn, unitId: number, d: string, yearStart: string, stalledDays: number) {
  assertDay(d);
  assertDay(yearStart);
  const res = await run<DriveStageRow>(
    db,
    sql`with dr as (
          select o.status, o.closed_on, o.opened_on, s.stage, s.on_date as since
          from organising_drive o
          join lateral (select v.path from unit_version v where v.unit_id = o.upper_union_id
            order by (v.valid_from <= ${d}::date and (v.valid_to is null or v.valid_to > ${d}::date)) desc,
              v.valid_from desc limit 1) uv on true
          left join lateral (select e.stage, e.on_date from drive_stage_event e
            where e.drive_id = o.id and e.on_date <= ${d}::date order by e.on_date desc, e.id desc limit 1) s on true
          where uv.path ~ ${label(unitId)}::lquery and o.opened_on <= ${d}::date)
        select coalesce(stage, 'enterprise_survey') as stage,
          count(*) filter (where closed_on is null or closed_on > ${d}::date)::int as active,
          count(*) filter (where (closed_on is null or closed_on > ${d}::date)
            and ${d}::date - coalesce(since, opened_on) > ${stalledDays})::int as stalled,
          count(*) filter (where status = 'recognised' and closed_on between ${yearStart}::date and ${d}::date)::int as recognised,
          count(*) filter (where status = 'abandoned' and closed_on between ${yearStart}::date and ${d}::date)::int as abandoned
        from dr group by 1`,
  );
  return res.rows;
}
