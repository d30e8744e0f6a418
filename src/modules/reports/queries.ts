import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import type { ReportKind } from './schema.ts';

export type ReportRow = {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  /** The unit's path on the period's last day (or its nearest version): what scope is judged on. */
  path: string;
  kind: ReportKind;
  periodFrom: string;
  periodTo: string;
  version: number;
  status: 'draft' | 'submitted';
  documentNo: string | null;
  note: string | null;
  figures: unknown;
  createdAt: string;
  submittedAt: string | null;
  createdById: number | null;
  createdByName: string | null;
  submittedById: number | null;
  submittedByName: string | null;
};

// The unit as it stood on the period's last day; a unit founded after it shows its first version.
const columns = sql.raw(`r.id, r.unit_id as "unitId", u.code as "unitCode", v.name as "unitName",
  v.path::text as path, r.kind, r.period_from::text as "periodFrom", r.period_to::text as "periodTo",
  r.version, r.status, r.document_no as "documentNo", r.note, r.figures,
  to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "submittedAt",
  r.created_by as "createdById", cu.display_name as "createdByName",
  r.submitted_by as "submittedById", su.display_name as "submittedByName"`);

const from = sql.raw(`statistical_report r join unit u on u.id = r.unit_id
  join lateral (select uv.name, uv.path from unit_version uv where uv.unit_id = r.unit_id
    order by (uv.valid_from <= r.period_to and (uv.valid_to is null or uv.valid_to > r.period_to)) desc,
      uv.valid_from <= r.period_to desc, uv.valid_from desc limit 1) v on true
  left join app_user cu on cu.id = r.created_by left join app_user su on su.id = r.submitted_by`);

export async function selectReport(db: Conn, id: number, lock = false): Promise<ReportRow | undefined> {
  // FOR UPDATE OF r: two officers submitting the same draft at once are served one after the other.
  const res = await run<ReportRow>(
    db,
    sql`select ${columns} from ${from} where r.id = ${id} ${lock ? sql`for update of r` : sql``}`,
  );
  return res.rows[0];
}

export type ListFilter = { unitId?: number | undefined; kind?: ReportKind | undefined; year?: number | undefined };

export async function selectReports(db: Conn, scope: Scope, f: ListFilter, limit: number) {
  const conds: SQL[] = [inScope(scope, sql.raw('v.path'))];
  if (f.unitId !== undefined) conds.push(sql`r.unit_id = ${f.unitId}`);
  if (f.kind) conds.push(sql`r.kind = ${f.kind}`);
  if (f.year !== undefined)
    conds.push(sql`r.period_from <= ${`${f.year}-12-31`}::date and r.period_to >= ${`${f.year}-01-01`}::date`);
  const res = await run<ReportRow>(
    db,
    sql`select ${columns} from ${from} where ${sql.join(conds, sql` and `)}
      order by r.period_to desc, r.kind, v.name, r.version desc limit ${limit}`,
  );
  return res.rows;
}

export type Key = { unitId: number; kind: string; periodFrom: string; periodTo: string };
const sameKey = (k: Key) =>
  sql`r.unit_id = ${k.unitId} and r.kind = ${k.kind} and r.period_from = ${k.periodFrom}::date
    and r.period_to = ${k.periodTo}::date`;

/** Every version of one unit, kind and period, oldest first. */
export async function selectVersions(db: Conn, k: Key) {
  const res = await run<{ id: number; version: number; status: 'draft' | 'submitted'; submittedAt: string | null }>(
    db,
    sql`select r.id, r.version, r.status,
        to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "submittedAt"
      from statistical_report r where ${sameKey(k)} order by r.version`,
  );
  return res.rows;
}

export async function insertReport(
  db: Conn,
  r: Key & { version: number; documentNo: string | null; note: string | null; createdBy: number | null },
) {
  const res = await run<{ id: number }>(
    db,
    sql`insert into statistical_report (unit_id, kind, period_from, period_to, version, status, document_no, note, created_by)
      values (${r.unitId}, ${r.kind}, ${r.periodFrom}::date, ${r.periodTo}::date, ${r.version}, 'draft',
        ${r.documentNo}, ${r.note}, ${r.createdBy})
      on conflict do nothing returning id`,
  );
  return res.rows[0]?.id;
}

export async function updateText(db: Conn, id: number, documentNo: string | null, note: string | null) {
  await run(db, sql`update statistical_report set document_no = ${documentNo}, note = ${note} where id = ${id}`);
}

/** Stores the figures and closes the report; the CHECK keeps figures and submission together. */
export async function freeze(db: Conn, id: number, figures: unknown, by: number | null) {
  await run(
    db,
    sql`update statistical_report set status = 'submitted', figures = ${JSON.stringify(figures)}::jsonb,
      submitted_by = ${by}, submitted_at = now() where id = ${id} and status = 'draft'`,
  );
}

/** For each of the given units: the latest submitted version and any open draft for the key. */
export async function selectSubmissions(
  db: Conn,
  unitIds: number[],
  k: { kind: string; periodFrom: string; periodTo: string },
) {
  if (unitIds.length === 0) return [];
  const res = await run<{
    unitId: number;
    id: number;
    version: number;
    status: 'draft' | 'submitted';
    submittedAt: string | null;
  }>(
    db,
    sql`select distinct on (r.unit_id, r.status) r.unit_id as "unitId", r.id, r.version, r.status,
        to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "submittedAt"
      from statistical_report r
      where r.unit_id in (${sql.join(
        unitIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and r.kind = ${k.kind} and r.period_from = ${k.periodFrom}::date and r.period_to = ${k.periodTo}::date
      order by r.unit_id, r.status, r.version desc`,
  );
  return res.rows;
}
