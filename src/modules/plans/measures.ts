/**
 * The measures targets are set in, computed from the register's events for a unit and each of its
 * direct sub-units in one query. Nothing here is typed in by hand: a result is what the members,
 * units and enterprise facts say for the days asked.
 *
 * - member_count: members on a day (a transferred member is in one CĐCS on any day: counted once).
 * - new_members: admissions and readmissions in a window; a transfer is not a new member, and a
 *   member imported from an old register is not either.
 * - new_grassroots_unions: CĐCS and trade-association unions founded in the window, placed where
 *   they stood on their founding day (member CĐCS inside a CĐCS are not new CĐCS).
 * - coverage_rate: of operating enterprises with 25+ workers, the share with a CĐCS, on a day.
 *
 * A unit's sub-units are found by the label after the unit's id in each path, so a result is put
 * where it happened even if the tree changed later (an admission of 2022 counts for the district
 * that held the CĐCS in 2022).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fullScope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { byChild as coverageByChild } from '../enterprises/coverage-breakdown.ts';
import { membersOnDay } from '../members/snapshots.ts';
import { assertDay, onDay } from '../units/queries.ts';
import type { Window } from './periods.ts';

export const measures = ['member_count', 'new_members', 'new_grassroots_unions', 'coverage_rate'] as const;
export type Measure = (typeof measures)[number];

/** Rates are not added up the tree: each unit's rate is its own. */
export const isAdditive = (m: Measure) => m !== 'coverage_rate';
/** A stock is read on the window's last day; a flow is counted over the window. */
export const isStock = (m: Measure) => m === 'member_count' || m === 'coverage_rate';

export type Figure = {
  value: number | null;
  /** coverage_rate: the enterprises behind the rate. */
  covered?: number;
  target?: number;
};

export type Measured = { total: Figure; children: Map<number, Figure> };

const label = (unitId: number) => `*.${unitId}.*`;
/** The id of the sub-unit of `unitId` a path runs through; the unit itself when the path ends there. */
const childOf = (alias: string, unitId: number): SQL =>
  sql.raw(`case when index(${alias}.path, '${unitId}'::ltree) + 1 < nlevel(${alias}.path)
    then subpath(${alias}.path, index(${alias}.path, '${unitId}'::ltree) + 1, 1)::text::bigint
    else ${unitId}::bigint end`);

async function counted(db: Conn, query: SQL): Promise<Measured> {
  const res = await run<{ child: number; n: number }>(db, query);
  const children = new Map<number, Figure>();
  let total = 0;
  for (const r of res.rows) {
    children.set(Number(r.child), { value: r.n });
    total += r.n;
  }
  return { total: { value: total }, children };
}

/** Above this many units under a unit, a count reads every CĐCS's count instead of looking each one up. */
const WIDE_SCOPE = 20_000;

export async function memberCount(db: Conn, unitId: number, d: string, wideAbove = WIDE_SCOPE) {
  // Members are counted per CĐCS first, then placed under the sub-units: no join per membership.
  // The planner cannot estimate how many units a path pattern matches (it guessed 346 for the
  // 122,556 of the whole country, then fetched 11 million memberships one unit at a time in 85 s),
  // so the size of the subtree decides: a wide one reads every CĐCS's count without a unit filter.
  const units = sql`select uv.unit_id, uv.path from unit_version uv
    where uv.path ~ ${label(unitId)}::lquery and ${onDay('uv', d)}`;
  const ids = await run<{ id: number }>(db, sql`select unit_id as id from (${units}) x`);
  const wide = ids.rows.length > wideAbove;
  // Per CĐCS from the month's snapshot and the days since (members/snapshots.ts).
  const members = await membersOnDay(db, d, wide ? undefined : ids.rows.map((r) => Number(r.id)));
  return counted(
    db,
    sql`with un as materialized (${units}), mc as (${members})
      select ${childOf('un', unitId)} as child, sum(mc.n)::int as n
      from mc join un on un.unit_id = mc.unit_id
      group by 1`,
  );
}

export async function newMembers(db: Conn, unitId: number, w: Window) {
  return counted(
    db,
    sql`select ${childOf('uv', unitId)} as child, count(*)::int as n
      from membership m join unit_version uv on uv.unit_id = m.unit_id
        and uv.valid_from <= m.valid_from and (uv.valid_to is null or uv.valid_to > m.valid_from)
      where m.start_kind in ('admission', 'readmission')
        and m.valid_from between ${assertDay(w.from)}::date and ${assertDay(w.to)}::date
        and uv.path ~ ${label(unitId)}::lquery
      group by 1`,
  );
}

export async function newGrassrootsUnions(db: Conn, unitId: number, w: Window) {
  // The window's foundings (a few hundred) are found first and their paths matched after: left
  // to itself, PGlite's planner ran the path's index scan once per founding (270 ms, not 2).
  return counted(
    db,
    sql`with f as materialized (
        select uv.path from unit u join unit_version uv on uv.unit_id = u.id
          and uv.valid_from <= u.founded_on and (uv.valid_to is null or uv.valid_to > u.founded_on)
        join unit_type t on t.code = uv.type
        where t.is_grassroots and uv.type <> 'member_grassroots_union'
          and u.founded_on between ${assertDay(w.from)}::date and ${assertDay(w.to)}::date and u.id <> ${unitId})
      select ${childOf('f', unitId)} as child, count(*)::int as n
      from f where f.path ~ ${label(unitId)}::lquery
      group by 1`,
  );
}

export async function coverageRate(db: Db, unitId: number, d: string): Promise<Measured> {
  const res = await coverageByChild(db, { scope: fullScope }, unitId, d);
  const children = new Map<number, Figure>();
  let target = 0;
  let covered = 0;
  for (const item of res.items) {
    children.set(item.unit.id, { value: item.rate, covered: item.covered, target: item.target });
    target += item.target;
    covered += item.covered;
  }
  return { total: { value: target === 0 ? null : covered / target, covered, target }, children };
}

/** A measure for a unit and its sub-units: stocks on w.to, flows over w. */
export function measure(db: Db, m: Measure, unitId: number, w: Window): Promise<Measured> {
  switch (m) {
    case 'member_count':
      return memberCount(db, unitId, w.to);
    case 'new_members':
      return newMembers(db, unitId, w);
    case 'new_grassroots_unions':
      return newGrassrootsUnions(db, unitId, w);
    case 'coverage_rate':
      return coverageRate(db, unitId, w.to);
  }
}
