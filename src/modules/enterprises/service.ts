import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { todayVn } from '../../lib/dates.ts';
import { notFound } from '../../lib/errors.ts';
import { canWriteUnder, pathInScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { searchTerms } from '../../lib/vietnamese.ts';
import { selectVersionForDay } from '../units/queries.ts';
import { conflictsOf } from './conflicts.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import * as q from './queries.ts';
import type { Detail, ListItem, ListQuery } from './schema.ts';

export type Caller = { scope: Scope };
export const ENTERPRISE = { vi: 'doanh nghiệp', en: 'enterprise' };
const UNIT = { vi: 'đơn vị', en: 'unit' };
/** The first upper union in charge is deemed in charge from the start: stored as this day. */
export const FROM_START = '1900-01-01';

// ---- reads -------------------------------------------------------------------------------------

function toItem(r: q.Row, members: Map<number, number>): ListItem {
  const m = r.grassrootsId !== null ? (members.get(r.grassrootsId) ?? 0) : null;
  return {
    id: r.id,
    taxCode: r.taxCode,
    name: r.name,
    ownership: r.ownership,
    industryCode: r.industryCode,
    areaCode: r.areaCode,
    zone: r.zoneId !== null ? { id: r.zoneId, name: r.zoneName ?? '' } : null,
    status: r.status,
    workforce:
      r.total !== null
        ? { total: r.total, women: r.women, observedOn: r.workforceOn ?? '', source: r.workforceSource ?? 'manual' }
        : null,
    grassroots: r.grassrootsId !== null ? { id: r.grassrootsId, name: r.grassrootsName ?? '' } : null,
    upperUnion: r.upperId !== null ? { id: r.upperId, name: r.upperName ?? '' } : null,
    members: m,
    density: m !== null && r.total ? Math.round((1000 * m) / r.total) / 1000 : null,
    openConflicts: r.openConflicts,
  };
}

const membersOfRows = (db: Conn, rows: q.Row[], d: string) =>
  q.countMembers(
    db,
    rows.flatMap((r) => (r.grassrootsId !== null ? [{ unitId: r.grassrootsId, path: r.grassrootsPath ?? '' }] : [])),
    d,
  );

/** The path of a unit the caller named in a filter; 404 when they may not see it. */
export async function visibleUnitPath(db: Conn, scope: Scope, unitId: number, d: string) {
  const v = await selectVersionForDay(db, unitId, d);
  if (!v || !pathInScope(scope, v.path)) throw notFound(UNIT, unitId);
  return v;
}

export async function list(db: Db, caller: Caller, query: ListQuery) {
  const d = query.asOf ?? todayVn();
  const underPath = query.under ? (await visibleUnitPath(db, caller.scope, query.under, d)).path : undefined;
  const raw = query.q?.trim() ?? '';
  const digits = /^[\d\s.-]{4,}$/.test(raw) ? raw.replace(/[^\d]/g, '') : undefined;
  const taxCode = digits && digits.length > 10 ? `${digits.slice(0, 10)}-${digits.slice(10)}` : digits;
  const after = decodeCursor<[string, number]>(query.after, 'sn');
  const rows = await q.selectPage(db, caller.scope, {
    d,
    terms: taxCode ? [] : searchTerms(raw),
    taxCode,
    underPath,
    ownership: query.ownership,
    status: query.status,
    zoneId: query.zoneId,
    minWorkforce: query.minWorkforce,
    maxWorkforce: query.maxWorkforce,
    covered: query.covered,
    withConflicts: query.withConflicts,
    after: after ? { key: after[0], id: after[1] } : undefined,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const members = await membersOfRows(db, page, d);
  const last = page[page.length - 1];
  return {
    asOf: d,
    items: page.map((r) => toItem(r, members)),
    next: rows.length > query.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

export async function detail(
  db: Db,
  caller: Caller,
  id: number,
  asOf?: string,
  locale: 'vi' | 'en' = 'vi',
): Promise<Detail> {
  const d = asOf ?? todayVn();
  const r = await q.selectOne(db, id, d);
  if (!r || !(await q.inScopeEver(db, caller.scope, id))) throw notFound(ENTERPRISE, id);
  const [members, assignments, facts, conflicts, area, writable] = await Promise.all([
    membersOfRows(db, [r], d),
    q.selectAssignments(db, id),
    q.selectFacts(db, id),
    conflictsOf(db, id, locale),
    r.areaCode ? q.selectAreaWithSuccessor(db, r.areaCode) : undefined,
    writablePath(db, id),
  ]);
  return {
    ...toItem(r, members),
    asOf: d,
    industryName: r.industryName,
    address: r.address,
    area: area ? { code: area.code, name: area.name } : null,
    currentArea: area?.nextCode ? { code: area.nextCode, name: area.nextName ?? '' } : null,
    startedOn: r.startedOn,
    fieldSources: r.fieldSources,
    assignments: assignments.map((a) => ({
      upperUnion: { id: a.upperUnionId, name: a.upperUnionName },
      validFrom: a.validFrom === FROM_START ? null : a.validFrom,
      validTo: a.validTo,
      reason: a.reason,
    })),
    facts,
    conflicts,
    canEdit: writable !== null && canWriteUnder(caller.scope, writable),
  };
}

// ---- who may write -------------------------------------------------------------------------------

/** The path deciding who may change the enterprise today: its anchor, else its last assignment's. */
export async function writablePath(db: Conn, id: number, which: 'anchor' | 'assignment' = 'anchor') {
  const r = await q.selectOne(db, id, todayVn());
  const path = which === 'anchor' ? r?.anchorPath : r?.assignedPath;
  if (path) return path;
  const res = await run<{ path: string }>(
    db,
    sql`select v.path::text as path from enterprise_assignment a join unit_version v on v.unit_id = a.upper_union_id
        where a.enterprise_id = ${id} order by a.valid_from desc, v.valid_from desc limit 1`,
  );
  return res.rows[0]?.path ?? null;
}
