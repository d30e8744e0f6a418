import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import type { UnitSummary } from './schema.ts';

/** The version of a unit that stood on day d: [valid_from, valid_to) contains d. */
export const onDay = (alias: string, d: string): SQL =>
  sql.raw(
    `${alias}.valid_from <= '${assertDay(d)}'::date and (${alias}.valid_to is null or ${alias}.valid_to > '${d}'::date)`,
  );
// The day is inlined so the planner sees a constant; assertDay makes that safe for any caller.
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export function assertDay(d: string): string {
  if (!DAY.test(d)) throw new Error(`not a calendar day: ${d}`);
  return d;
}

export type VersionRow = {
  versionId: number;
  unitId: number;
  code: string;
  name: string;
  shortName: string | null;
  type: string;
  parentId: number | null;
  areaCode: string | null;
  path: string;
  depth: number;
  validFrom: string;
  validTo: string | null;
  foundedOn: string;
  dissolvedOn: string | null;
  changeReason: string | null;
};

const versionColumns = sql.raw(`v.id as "versionId", v.unit_id as "unitId", u.code, v.name,
  v.short_name as "shortName", v.type, v.parent_id as "parentId", v.area_code as "areaCode",
  v.path::text as path, v.depth, v.valid_from::text as "validFrom", v.valid_to::text as "validTo",
  u.founded_on::text as "foundedOn", u.dissolved_on::text as "dissolvedOn", v.change_reason as "changeReason"`);

const childCount = (d: string) =>
  sql`(select count(*)::int from unit_version c where c.parent_id = v.unit_id and ${onDay('c', d)})`;

function toSummary(r: VersionRow & { childCount: number }): UnitSummary {
  return {
    id: r.unitId,
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    type: r.type,
    parentId: r.parentId,
    areaCode: r.areaCode,
    depth: r.depth,
    foundedOn: r.foundedOn,
    dissolvedOn: r.dissolvedOn,
    childCount: r.childCount,
  };
}

/** Direct children of a unit on day d, in Vietnamese order, limited to the caller's scope. */
export async function selectChildren(db: Conn, scope: Scope, parentId: number, d: string) {
  assertDay(d);
  const res = await run<VersionRow & { childCount: number }>(
    db,
    sql`
    select ${versionColumns}, ${childCount(d)} as "childCount"
    from unit_version v join unit u on u.id = v.unit_id
    where v.parent_id = ${parentId} and ${onDay('v', d)} and ${inScope(scope, sql.raw('v.path'))}
    order by v.sort_key, v.unit_id`,
  );
  return res.rows.map(toSummary);
}

/** Units standing on day d with the given ids, limited to scope. */
export async function selectUnitsOnDay(db: Conn, scope: Scope, ids: number[], d: string) {
  assertDay(d);
  if (ids.length === 0) return [];
  const res = await run<VersionRow & { childCount: number }>(
    db,
    sql`
    select ${versionColumns}, ${childCount(d)} as "childCount"
    from unit_version v join unit u on u.id = v.unit_id
    where v.unit_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and ${onDay('v', d)}
      and ${inScope(scope, sql.raw('v.path'))}
    order by v.depth, v.sort_key`,
  );
  return res.rows.map(toSummary);
}

/** Root units (no parent) on day d. */
export async function selectRoots(db: Conn, d: string) {
  assertDay(d);
  const res = await run<VersionRow & { childCount: number }>(
    db,
    sql`
    select ${versionColumns}, ${childCount(d)} as "childCount"
    from unit_version v join unit u on u.id = v.unit_id
    where v.parent_id is null and ${onDay('v', d)} order by v.sort_key`,
  );
  return res.rows.map(toSummary);
}

/**
 * The version to show for a unit on day d: the one standing that day, else the last one before it
 * (a dissolved unit), else its first (a unit founded later). Not scope-filtered: the caller checks.
 */
export async function selectVersionForDay(db: Conn, unitId: number, d: string): Promise<VersionRow | undefined> {
  assertDay(d);
  const res = await run<VersionRow>(
    db,
    sql`
    select ${versionColumns} from unit_version v join unit u on u.id = v.unit_id
    where v.unit_id = ${unitId}
    order by case when ${onDay('v', d)} then 0 when v.valid_from <= ${d}::date then 1 else 2 end,
      case when v.valid_from <= ${d}::date then v.valid_from end desc nulls last, v.valid_from
    limit 1`,
  );
  return res.rows[0];
}

/** All versions of a unit, oldest first, each with its parent's name as it stood then. */
export async function selectHistory(db: Conn, unitId: number) {
  const res = await run<VersionRow & { parentName: string | null }>(
    db,
    sql`
    select ${versionColumns},
      (select p.name from unit_version p where p.unit_id = v.parent_id
         and p.valid_from <= v.valid_from and (p.valid_to is null or p.valid_to > v.valid_from)
       limit 1) as "parentName"
    from unit_version v join unit u on u.id = v.unit_id
    where v.unit_id = ${unitId} order by v.valid_from`,
  );
  return res.rows;
}

/** Units under a path on day d (not the unit itself), counted per type. */
export async function countUnderPath(db: Conn, path: string, d: string) {
  assertDay(d);
  const res = await run<{ type: string; count: number }>(
    db,
    sql`
    select v.type, count(*)::int as count from unit_version v
    where v.path <@ ${path}::ltree and v.path <> ${path}::ltree and ${onDay('v', d)}
    group by v.type`,
  );
  return res.rows;
}

/** Names of the given units on day d (for ancestries and parents). */
export async function selectNamesOnDay(db: Conn, ids: number[], d: string) {
  assertDay(d);
  if (ids.length === 0) return new Map<number, { name: string; type: string; code: string }>();
  const res = await run<{ unitId: number; name: string; type: string; code: string }>(
    db,
    sql`
    select v.unit_id as "unitId", v.name, v.type, u.code from unit_version v join unit u on u.id = v.unit_id
    where v.unit_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and ${onDay('v', d)}`,
  );
  return new Map(res.rows.map((r) => [r.unitId, { name: r.name, type: r.type, code: r.code }]));
}

export type SearchFilter = { terms: string[]; type?: string | undefined; underPath?: string | undefined };

/** Units on day d whose folded name (or code) holds every search word, in scope, paginated. */
export async function searchUnits(db: Conn, scope: Scope, f: SearchFilter, d: string, limit: number, offset: number) {
  assertDay(d);
  const conds: SQL[] = [onDay('v', d), inScope(scope, sql.raw('v.path'))];
  for (const t of f.terms) conds.push(sql`(v.name_folded like ${`%${t}%`} or lower(u.code) = ${t})`);
  if (f.type) conds.push(sql`v.type = ${f.type}`);
  if (f.underPath) conds.push(sql`v.path <@ ${f.underPath}::ltree`);
  const res = await run<VersionRow & { childCount: number; total: number }>(
    db,
    // The page is chosen first and only its rows get a child count: a common word ("cong doan")
    // matches most units, and counting children for all of them took most of the time.
    sql`
    with page as (
      select v.id, count(*) over ()::int as total
      from unit_version v join unit u on u.id = v.unit_id
      where ${sql.join(conds, sql` and `)}
      order by v.depth, v.sort_key, v.unit_id limit ${limit} offset ${offset})
    select ${versionColumns}, ${childCount(d)} as "childCount", page.total
    from page join unit_version v on v.id = page.id join unit u on u.id = v.unit_id
    order by v.depth, v.sort_key, v.unit_id`,
  );
  return {
    total: res.rows[0]?.total ?? 0,
    rows: res.rows.map((r) => ({ ...toSummary(r), path: r.path })),
  };
}

/** Open (current) versions of the units whose paths lie under path, the unit included. */
export async function selectOpenSubtree(db: Conn, path: string) {
  const res = await run<{ id: number; unitId: number; validFrom: string }>(
    db,
    sql`
    select id, unit_id as "unitId", valid_from::text as "validFrom" from unit_version
    where path <@ ${path}::ltree and valid_to is null`,
  );
  return res.rows;
}

export async function selectOpenVersion(db: Conn, unitId: number): Promise<VersionRow | undefined> {
  const res = await run<VersionRow>(
    db,
    sql`
    select ${versionColumns} from unit_version v join unit u on u.id = v.unit_id
    where v.unit_id = ${unitId} and v.valid_to is null`,
  );
  return res.rows[0];
}

/** Operating CĐCS anywhere whose folded name or code holds every word: the directory, no scope. */
export async function selectGrassrootsDirectory(db: Conn, terms: string[], d: string, limit: number) {
  assertDay(d);
  const conds: SQL[] = [onDay('v', d), sql`t.is_grassroots`];
  for (const t of terms) conds.push(sql`(v.name_folded like ${`%${t}%`} or lower(u.code) = ${t})`);
  const res = await run<{ id: number; code: string; name: string; parentName: string | null }>(
    db,
    sql`select u.id, u.code, v.name, pv.name as "parentName"
      from unit_version v join unit u on u.id = v.unit_id join unit_type t on t.code = v.type
      left join unit_version pv on pv.unit_id = v.parent_id and ${onDay('pv', d)}
      where ${sql.join(conds, sql` and `)}
      order by v.sort_key, u.id limit ${limit}`,
  );
  return res.rows;
}
