import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import { onDay } from '../units/queries.ts';

export const idArray = (ids: number[]) => sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::bigint[]`;
const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Today's versions (name, path) of the given units; a unit dissolved or unknown is left out. */
export async function selectUnitsToday(db: Conn, ids: number[]) {
  if (ids.length === 0) return [];
  const res = await run<{ unitId: number; name: string; path: string }>(
    db,
    sql`select unit_id as "unitId", name, path::text as path from unit_version
        where unit_id = any(${idArray(ids)}) and valid_to is null`,
  );
  return res.rows;
}

export async function insertAnnouncement(
  tx: Tx,
  a: { unitId: number; title: string; body: string; audienceUnitIds: number[]; createdBy: number | null },
) {
  const res = await run<{ id: number }>(
    tx,
    sql`insert into announcement (unit_id, title, body, audience_unit_ids, created_by)
        values (${a.unitId}, ${a.title}, ${a.body}, ${idArray(a.audienceUnitIds)}, ${a.createdBy}) returning id`,
  );
  const id = res.rows[0]?.id;
  if (id === undefined) throw new Error('insert returned nothing');
  return Number(id);
}

export type AnnouncementRow = {
  id: number;
  unitId: number;
  unitName: string;
  /** The publisher's path today (or its last one): what scope is judged on. */
  path: string;
  title: string;
  body: string;
  audienceUnitIds: number[];
  publishedAt: string;
  withdrawnAt: string | null;
  createdByName: string | null;
};

const columns = sql.raw(`a.id, a.unit_id as "unitId", pv.name as "unitName", pv.path::text as path, a.title, a.body,
  a.audience_unit_ids as "audienceUnitIds", ${iso('a.published_at')} as "publishedAt",
  ${iso('a.withdrawn_at')} as "withdrawnAt", cu.display_name as "createdByName"`);
const from = sql.raw(`announcement a
  join lateral (select name, path from unit_version where unit_id = a.unit_id order by valid_from desc limit 1) pv on true
  left join app_user cu on cu.id = a.created_by`);

const normalise = (r: AnnouncementRow): AnnouncementRow => ({
  ...r,
  id: Number(r.id),
  unitId: Number(r.unitId),
  audienceUnitIds: r.audienceUnitIds.map(Number),
});

export async function selectAnnouncement(db: Conn, id: number, lock = false) {
  const res = await run<AnnouncementRow>(
    db,
    sql`select ${columns} from ${from} where a.id = ${id} ${lock ? sql`for update of a` : sql``}`,
  );
  const r = res.rows[0];
  return r ? normalise(r) : undefined;
}

/** Announcements published by units under a path (or anywhere), within the caller's scope, newest first. */
export async function selectAnnouncements(db: Conn, scope: Scope, underPath: string | undefined, limit: number) {
  const conds: SQL[] = [inScope(scope, sql.raw('pv.path'))];
  if (underPath) conds.push(sql`pv.path <@ ${underPath}::ltree`);
  const res = await run<AnnouncementRow>(
    db,
    sql`select ${columns} from ${from} where ${sql.join(conds, sql` and `)}
        order by a.published_at desc, a.id desc limit ${limit}`,
  );
  return res.rows.map(normalise);
}

/** Reads per announcement (each member counted once: the receipt's key is the pair). */
export async function countReads(db: Conn, ids: number[]) {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const res = await run<{ id: number; n: number }>(
    db,
    sql`select announcement_id as id, count(*)::int as n from announcement_read
        where announcement_id = any(${idArray(ids)}) group by announcement_id`,
  );
  for (const r of res.rows) out.set(Number(r.id), r.n);
  return out;
}

/** Open memberships on day d whose CĐCS lies today under any of the units (each person once). */
export async function countAudience(db: Conn, unitIds: number[], d: string) {
  if (unitIds.length === 0) return 0;
  const res = await run<{ n: number }>(
    db,
    sql`select count(distinct m.person_id)::int as n from membership m
        join unit_version uv on uv.unit_id = m.unit_id and uv.valid_to is null
        where ${onDay('m', d)} and uv.path <@ array(
          select av.path from unit_version av where av.unit_id = any(${idArray(unitIds)}) and av.valid_to is null)`,
  );
  return res.rows[0]?.n ?? 0;
}

/** For each audience unit: its members on day d, and how many of them read the announcement. */
export async function receiptsByUnit(db: Conn, announcementId: number, unitIds: number[], d: string) {
  if (unitIds.length === 0) return [];
  const res = await run<{ unitId: number; unitName: string; audienceCount: number; readCount: number }>(
    db,
    sql`select av.unit_id as "unitId", av.name as "unitName",
          (select count(*)::int from membership m
             join unit_version uv on uv.unit_id = m.unit_id and uv.valid_to is null
             where ${onDay('m', d)} and uv.path <@ av.path) as "audienceCount",
          (select count(distinct r.person_id)::int from announcement_read r
             join membership m on m.person_id = r.person_id and ${onDay('m', d)}
             join unit_version uv on uv.unit_id = m.unit_id and uv.valid_to is null
             where r.announcement_id = ${announcementId} and uv.path <@ av.path) as "readCount"
        from unit_version av where av.unit_id = any(${idArray(unitIds)}) and av.valid_to is null
        order by av.depth, av.sort_key, av.unit_id`,
  );
  return res.rows.map((r) => ({ ...r, unitId: Number(r.unitId) }));
}

export async function markWithdrawn(tx: Tx, id: number) {
  await run(tx, sql`update announcement set withdrawn_at = now() where id = ${id}`);
}

export type MemberAnnouncementRow = {
  id: number;
  title: string;
  body: string;
  unitName: string;
  publishedAt: string;
  read: boolean;
};

/**
 * What a member may read: published, not withdrawn, with an audience unit that is their CĐCS or
 * one of its ancestors today. A path is the list of unit ids from the root, so "an audience unit
 * is an ancestor-or-self" is "an audience id is a label of the member's path".
 */
const forMember = (unitPath: string) =>
  sql`a.withdrawn_at is null and a.published_at <= now()
      and a.audience_unit_ids && ${idArray(unitPath.split('.').map(Number))}`;

export async function selectForMember(db: Conn, personId: number, unitPath: string, id?: number) {
  const res = await run<MemberAnnouncementRow>(
    db,
    sql`select a.id, a.title, a.body, pv.name as "unitName", ${sql.raw(iso('a.published_at'))} as "publishedAt",
          exists (select 1 from announcement_read r where r.announcement_id = a.id and r.person_id = ${personId}) as read
        from announcement a
        join lateral (select name from unit_version where unit_id = a.unit_id order by valid_from desc limit 1) pv on true
        where ${forMember(unitPath)} ${id === undefined ? sql`` : sql`and a.id = ${id}`}
        order by a.published_at desc, a.id desc limit 200`,
  );
  return res.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Records the first read; a later one changes nothing. True when this was the first. */
export async function insertRead(tx: Tx, announcementId: number, personId: number) {
  const res = await run<{ personId: number }>(
    tx,
    sql`insert into announcement_read (announcement_id, person_id) values (${announcementId}, ${personId})
        on conflict do nothing returning person_id as "personId"`,
  );
  return res.rows.length > 0;
}
