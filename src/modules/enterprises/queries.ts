/**
 * SQL of the enterprise register. An enterprise belongs, on day D, to the subtree holding its
 * *anchor*: its CĐCS when it has one operating on D (the tree places the CĐCS, so moving the CĐCS
 * carries the enterprise along), otherwise the upper union assigned to it on D. Every read goes
 * through that anchor and the caller's scope.
 */
import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { assertDay, onDay } from '../units/queries.ts';
import { factOnDay, idArray } from './facts.ts';
import type { EnterpriseStatus, FactSource, Ownership } from './schema.ts';

/** The joins that give e its CĐCS (cv), its assignment (a, av) and its upper union (pv or av) on d. */
export const anchorJoins = (d: string): SQL =>
  sql.raw(`
    left join unit_version cv on cv.unit_id = e.grassroots_unit_id and ${rawOnDay('cv', d)}
    left join enterprise_assignment a on a.enterprise_id = e.id and ${rawOnDay('a', d)}
    left join unit_version av on av.unit_id = a.upper_union_id and ${rawOnDay('av', d)}
    left join unit_version pv on pv.unit_id = cv.parent_id and ${rawOnDay('pv', d)}`);

function rawOnDay(alias: string, d: string) {
  assertDay(d);
  return `${alias}.valid_from <= '${d}'::date and (${alias}.valid_to is null or ${alias}.valid_to > '${d}'::date)`;
}

/** The anchor's path: the CĐCS's when it operates, else the assigned upper union's. */
export const anchorPath = sql.raw('coalesce(cv.path, av.path)');

export type ListFilter = {
  d: string;
  terms: string[];
  taxCode: string | undefined;
  underPath: string | undefined;
  ownership: Ownership | undefined;
  status: EnterpriseStatus | undefined;
  zoneId: number | undefined;
  minWorkforce: number | undefined;
  maxWorkforce: number | undefined;
  covered: boolean | undefined;
  withConflicts: boolean | undefined;
  after: { key: string; id: number } | undefined;
  limit: number;
};

export type Row = {
  id: number;
  taxCode: string;
  name: string;
  sortKey: string;
  ownership: Ownership;
  industryCode: string | null;
  industryName: string | null;
  address: string | null;
  areaCode: string | null;
  startedOn: string | null;
  fieldSources: Record<string, string>;
  zoneId: number | null;
  zoneName: string | null;
  status: EnterpriseStatus | null;
  total: number | null;
  women: number | null;
  workforceOn: string | null;
  workforceSource: FactSource | null;
  grassrootsId: number | null;
  grassrootsName: string | null;
  grassrootsPath: string | null;
  upperId: number | null;
  upperName: string | null;
  anchorPath: string | null;
  /** The assigned upper union's path on the day (whatever the CĐCS). */
  assignedPath: string | null;
  openConflicts: number;
};

const rowColumns = sql.raw(`e.id, e.tax_code as "taxCode", e.name, e.sort_key as "sortKey", e.ownership,
  e.industry_code as "industryCode", e.industry_name as "industryName", e.address, e.area_code as "areaCode",
  e.started_on::text as "startedOn", e.field_sources as "fieldSources",
  z.id as "zoneId", z.name as "zoneName", st.status, wf.workforce_total as total, wf.workforce_women as women,
  wf.observed_on::text as "workforceOn", wf.source as "workforceSource",
  cv.unit_id as "grassrootsId", cv.name as "grassrootsName", cv.path::text as "grassrootsPath",
  coalesce(pv.unit_id, av.unit_id) as "upperId", coalesce(pv.name, av.name) as "upperName",
  coalesce(cv.path, av.path)::text as "anchorPath", av.path::text as "assignedPath",
  (select count(*)::int from enterprise_conflict c where c.enterprise_id = e.id and c.status = 'open') as "openConflicts"`);

const factJoins = (d: string) => sql`
  left join industrial_zone z on z.id = e.industrial_zone_id
  left join enterprise_fact st on st.enterprise_id = e.id and st.kind = 'status' and ${factOnDay('st', d)}
  left join enterprise_fact wf on wf.enterprise_id = e.id and wf.kind = 'workforce' and ${factOnDay('wf', d)}`;

/** One page of enterprises on day d, in the caller's scope, in Vietnamese name order. */
export async function selectPage(db: Conn, scope: Scope, f: ListFilter) {
  const conds: SQL[] = [inScope(scope, anchorPath)];
  for (const t of f.terms) conds.push(sql`e.name_folded like ${`%${t}%`}`);
  if (f.taxCode) conds.push(sql`(e.tax_code = ${f.taxCode} or e.tax_code like ${`${f.taxCode}-%`})`);
  if (f.underPath) conds.push(sql`${anchorPath} <@ ${f.underPath}::ltree`);
  if (f.ownership) conds.push(sql`e.ownership = ${f.ownership}`);
  if (f.status) conds.push(sql`st.status = ${f.status}`);
  if (f.zoneId) conds.push(sql`e.industrial_zone_id = ${f.zoneId}`);
  if (f.minWorkforce !== undefined) conds.push(sql`wf.workforce_total >= ${f.minWorkforce}`);
  if (f.maxWorkforce !== undefined) conds.push(sql`wf.workforce_total <= ${f.maxWorkforce}`);
  if (f.covered !== undefined) conds.push(f.covered ? sql`cv.unit_id is not null` : sql`cv.unit_id is null`);
  if (f.withConflicts)
    conds.push(sql`exists (select 1 from enterprise_conflict c where c.enterprise_id = e.id and c.status = 'open')`);
  if (f.after) conds.push(sql`(e.sort_key, e.id) > (${f.after.key}, ${f.after.id})`);
  const res = await run<Row>(
    db,
    sql`select ${rowColumns} from enterprise e ${anchorJoins(f.d)} ${factJoins(f.d)}
        where ${sql.join(conds, sql` and `)}
        order by e.sort_key, e.id limit ${f.limit + 1}`,
  );
  return res.rows;
}

/** One enterprise as it stood on day d (not scope-filtered: the service checks). */
export async function selectOne(db: Conn, id: number, d: string): Promise<Row | undefined> {
  const res = await run<Row>(
    db,
    sql`select ${rowColumns} from enterprise e ${anchorJoins(d)} ${factJoins(d)} where e.id = ${id}`,
  );
  return res.rows[0];
}

/** Members on day d of each CĐCS (with its member CĐCS and sections), by the CĐCS's path on d. */
export async function countMembers(db: Conn, units: { unitId: number; path: string }[], d: string) {
  const out = new Map<number, number>();
  if (units.length === 0) return out;
  assertDay(d);
  const res = await run<{ unitId: number; n: number }>(
    db,
    sql`select g.unit_id as "unitId", (select count(*)::int from membership m
          join unit_version uv on uv.unit_id = m.unit_id and ${onDay('uv', d)}
          where ${onDay('m', d)} and uv.path <@ g.path) as n
        from unit_version g where g.unit_id = any(${idArray(units.map((u) => u.unitId))}) and ${onDay('g', d)}`,
  );
  for (const r of res.rows) out.set(r.unitId, r.n);
  return out;
}

/**
 * True when the enterprise was, at any time, anchored in the caller's scope (as members are
 * visible to those whose units they ever belonged to): reads by id answer 404 otherwise.
 */
export async function inScopeEver(db: Conn, scope: Scope, id: number): Promise<boolean> {
  if (scope.all) return true;
  const res = await run<{ ok: boolean }>(
    db,
    sql`select exists (
          select 1 from enterprise_assignment a join unit_version v on v.unit_id = a.upper_union_id
            and v.valid_from < coalesce(a.valid_to, 'infinity'::date) and coalesce(v.valid_to, 'infinity'::date) > a.valid_from
          where a.enterprise_id = ${id} and ${inScope(scope, sql.raw('v.path'))}
        ) or exists (
          select 1 from enterprise e join unit_version v on v.unit_id = e.grassroots_unit_id
          where e.id = ${id} and ${inScope(scope, sql.raw('v.path'))}
        ) as ok`,
  );
  return res.rows[0]?.ok ?? false;
}

export type AssignmentRow = {
  id: number;
  upperUnionId: number;
  upperUnionName: string;
  validFrom: string;
  validTo: string | null;
  reason: string | null;
};

export async function selectAssignments(db: Conn, id: number) {
  const res = await run<AssignmentRow>(
    db,
    sql`select a.id, a.upper_union_id as "upperUnionId", a.valid_from::text as "validFrom", a.valid_to::text as "validTo",
          a.reason, (select v.name from unit_version v where v.unit_id = a.upper_union_id
            and v.valid_from < coalesce(a.valid_to, 'infinity'::date) order by v.valid_from desc limit 1) as "upperUnionName"
        from enterprise_assignment a where a.enterprise_id = ${id} order by a.valid_from`,
  );
  return res.rows;
}

export async function selectFacts(db: Conn, id: number) {
  const res = await run<{
    id: number;
    kind: 'workforce' | 'status';
    observedOn: string;
    validTo: string | null;
    total: number | null;
    women: number | null;
    status: EnterpriseStatus | null;
    source: FactSource;
    state: 'effective' | 'pending' | 'rejected' | 'superseded';
    importFile: string | null;
    note: string | null;
    recordedAt: string;
  }>(
    db,
    sql`select f.id, f.kind, f.observed_on::text as "observedOn", f.valid_to::text as "validTo",
          f.workforce_total as total, f.workforce_women as women, f.status, f.source, f.state,
          i.file_name as "importFile", f.note, to_char(f.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "recordedAt"
        from enterprise_fact f left join enterprise_import i on i.id = f.import_id
        where f.enterprise_id = ${id} order by f.kind, f.observed_on desc, f.id desc`,
  );
  return res.rows;
}

/** An area's name, and the commune that took it over in the 2025 reform (if it was merged). */
export async function selectAreaWithSuccessor(db: Conn, code: string) {
  const res = await run<{
    code: string;
    name: string;
    validTo: string | null;
    nextCode: string | null;
    nextName: string | null;
  }>(
    db,
    sql`select a.code, a.name, a.valid_to::text as "validTo", n.code as "nextCode", n.name as "nextName"
        from area a left join area_succession s on s.old_code = a.code left join area n on n.code = s.new_code
        where a.code = ${code} limit 1`,
  );
  return res.rows[0];
}

/** The grassroots-ness and standing of a unit on day d, for checks on links and assignments. */
export async function selectUnitForCheck(db: Conn, unitId: number, d: string) {
  const res = await run<{ unitId: number; name: string; type: string; path: string; isGrassroots: boolean }>(
    db,
    sql`select v.unit_id as "unitId", v.name, v.type, v.path::text as path, t.is_grassroots as "isGrassroots"
        from unit_version v join unit_type t on t.code = v.type
        where v.unit_id = ${unitId} and ${onDay('v', d)}`,
  );
  return res.rows[0];
}

/** Industrial zones with their zone union's name on day d. */
export async function selectZones(db: Conn, d: string) {
  const res = await run<{
    id: number;
    name: string;
    areaCode: string | null;
    unionId: number | null;
    unionName: string | null;
  }>(
    db,
    sql`select z.id, z.name, z.area_code as "areaCode", z.zone_union_id as "unionId", v.name as "unionName"
        from industrial_zone z left join unit_version v on v.unit_id = z.zone_union_id and ${onDay('v', d)}
        order by z.name`,
  );
  return res.rows.map((r) => ({
    id: r.id,
    name: r.name,
    areaCode: r.areaCode,
    zoneUnion: r.unionId !== null ? { id: r.unionId, name: r.unionName ?? '' } : null,
  }));
}
