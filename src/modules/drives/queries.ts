import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { assertDay } from '../units/queries.ts';
import type { DriveStage } from './schema.ts';

/** A drive row with what the board shows; upperPath is the running union's path today. */
export type DriveRow = {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  taxCode: string;
  ownership: string;
  workforce: number | null;
  zoneName: string | null;
  upperUnionId: number;
  upperUnionName: string;
  upperPath: string;
  stage: DriveStage;
  stageSince: string;
  status: 'active' | 'recognised' | 'abandoned';
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
  note: string | null;
  contacts: number;
  workersReached: number;
  averageSupport: number | null;
  lastContactOn: string | null;
  assignees: { id: number; name: string }[] | null;
  grassrootsUnitId: number | null;
  grassrootsUnitName: string | null;
};

const latestVersion = (alias: string, unitCol: string) =>
  sql.raw(`join lateral (select name, path from unit_version where unit_id = ${unitCol}
    order by valid_from desc limit 1) ${alias} on true`);

function select(d: string, where: SQL, limit: number) {
  assertDay(d);
  return sql`
    select dr.id, e.id as "enterpriseId", e.name as "enterpriseName", e.tax_code as "taxCode", e.ownership,
      wf.workforce_total as workforce, z.name as "zoneName",
      dr.upper_union_id as "upperUnionId", uv.name as "upperUnionName", uv.path::text as "upperPath",
      dr.stage, dr.stage_since::text as "stageSince", dr.status, dr.opened_on::text as "openedOn",
      dr.closed_on::text as "closedOn", dr.close_reason as "closeReason", dr.note,
      coalesce(c.n, 0)::int as contacts, coalesce(c.reached, 0)::int as "workersReached",
      c.support::float8 as "averageSupport", c.last::text as "lastContactOn",
      (select json_agg(json_build_object('id', au.id, 'name', au.display_name) order by au.display_name)
         from drive_assignee da join app_user au on au.id = da.user_id where da.drive_id = dr.id) as assignees,
      dr.grassroots_unit_id as "grassrootsUnitId", gv.name as "grassrootsUnitName"
    from organising_drive dr
    join enterprise e on e.id = dr.enterprise_id
    ${latestVersion('uv', 'dr.upper_union_id')}
    left join industrial_zone z on z.id = e.industrial_zone_id
    left join lateral (select f.workforce_total from enterprise_fact f
      where f.enterprise_id = e.id and f.kind = 'workforce' and f.state = 'effective'
        and f.observed_on <= ${d}::date and (f.valid_to is null or f.valid_to > ${d}::date)
      order by f.observed_on desc limit 1) wf on true
    left join lateral (select count(*) as n, sum(workers_reached) as reached,
        round(avg(support), 2) as support, max(contacted_on) as last
      from drive_contact where drive_id = dr.id) c on true
    left join lateral (select name from unit_version where unit_id = dr.grassroots_unit_id
      order by valid_from desc limit 1) gv on true
    where ${where}
    order by dr.stage_since, dr.id
    limit ${limit}`;
}

export type BoardFilter = {
  d: string;
  underPath: string | undefined;
  status: 'active' | 'recognised' | 'abandoned' | 'all';
  stage: DriveStage | undefined;
  terms: string[];
  limit: number;
};

export async function selectBoard(db: Conn, scope: Scope, f: BoardFilter) {
  const conds: SQL[] = [inScope(scope, sql.raw('uv.path'))];
  if (f.underPath) conds.push(sql`uv.path <@ ${f.underPath}::ltree`);
  if (f.status !== 'all') conds.push(sql`dr.status = ${f.status}`);
  if (f.stage) conds.push(sql`dr.stage = ${f.stage}`);
  for (const t of f.terms) conds.push(sql`(e.name_folded like ${`%${t}%`} or e.tax_code like ${`${t}%`})`);
  return (await run<DriveRow>(db, select(f.d, sql.join(conds, sql` and `), f.limit))).rows;
}

export async function selectDrive(db: Conn, id: number, d: string) {
  return (await run<DriveRow>(db, select(d, sql`dr.id = ${id}`, 1))).rows[0];
}

export async function countByStage(db: Conn, scope: Scope, underPath: string | undefined) {
  const conds: SQL[] = [sql`dr.status = 'active'`, inScope(scope, sql.raw('uv.path'))];
  if (underPath) conds.push(sql`uv.path <@ ${underPath}::ltree`);
  const res = await run<{ stage: string; n: number }>(
    db,
    sql`select dr.stage, count(*)::int as n from organising_drive dr ${latestVersion('uv', 'dr.upper_union_id')}
        where ${sql.join(conds, sql` and `)} group by dr.stage`,
  );
  return Object.fromEntries(res.rows.map((r) => [r.stage, r.n]));
}

export async function selectStages(db: Conn, driveId: number) {
  const res = await run<{ stage: DriveStage; onDate: string; note: string | null; by: string | null }>(
    db,
    sql`select s.stage, s.on_date::text as "onDate", s.note, u.display_name as by
        from drive_stage_event s left join app_user u on u.id = s.recorded_by
        where s.drive_id = ${driveId} order by s.on_date, s.id`,
  );
  return res.rows;
}

export async function selectContacts(db: Conn, driveId: number) {
  const res = await run<{
    id: number;
    contactedOn: string;
    by: string | null;
    workerLabel: string | null;
    workersReached: number;
    summary: string;
    support: number;
  }>(
    db,
    sql`select c.id, c.contacted_on::text as "contactedOn", u.display_name as by, c.worker_label as "workerLabel",
          c.workers_reached as "workersReached", c.summary, c.support
        from drive_contact c left join app_user u on u.id = c.contacted_by
        where c.drive_id = ${driveId} order by c.contacted_on desc, c.id desc`,
  );
  return res.rows;
}

export async function selectDocuments(db: Conn, driveId: number) {
  const res = await run<{
    id: number;
    stage: string;
    title: string;
    fileName: string;
    mimeType: string;
    size: number;
    uploadedAt: string | Date;
  }>(
    db,
    sql`select id, stage, title, file_name as "fileName", mime_type as "mimeType", size, uploaded_at as "uploadedAt"
        from drive_document where drive_id = ${driveId} order by id`,
  );
  return res.rows.map((r) => ({ ...r, uploadedAt: new Date(r.uploadedAt).toISOString() }));
}

/**
 * Users who may work on a drive run by the union at this path: officers and collaborators of the
 * union itself, of a union above it, or of a unit below it.
 */
export async function selectAssignable(db: Conn, upperPath: string) {
  const res = await run<{ id: number; name: string; role: string }>(
    db,
    sql`select distinct on (u.id) u.id, u.display_name as name, r.role
        from app_user u join user_role r on r.user_id = u.id
        join lateral (select path from unit_version where unit_id = r.unit_id and valid_to is null limit 1) rv on true
        where not u.disabled and r.role in ('federation_officer', 'upper_union_officer', 'grassroots_officer', 'collaborator')
          and (rv.path @> ${upperPath}::ltree or rv.path <@ ${upperPath}::ltree)
        order by u.id, r.role`,
  );
  return res.rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function isAssignee(db: Conn, driveId: number, userId: number | null) {
  if (userId === null) return false;
  const res = await run(db, sql`select 1 from drive_assignee where drive_id = ${driveId} and user_id = ${userId}`);
  return res.rows.length > 0;
}
