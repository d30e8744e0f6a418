import { type SQL, sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';
import { factOnDay } from '../enterprises/facts.ts';
import { anchorJoins } from '../enterprises/queries.ts';
import { onDay } from '../units/queries.ts';

/** Where an area code lies, to tell two places of one name apart: its district, else the area itself. */
const districtOf = (column: string) =>
  sql.raw(`(select case when ar.level = 'commune' then coalesce(pa.name, ar.name) else ar.name end
    from area ar left join area pa on pa.code = ar.parent_code and pa.level = 'district'
    where ar.code = ${column})`);

export type PlaceRow = {
  id: number;
  name: string;
  sortKey: string;
  district: string | null;
  grassrootsUnionName: string | null;
};

/**
 * Enterprises operating on day d (no status on record counts as operating) whose folded name holds
 * every word, or with this tax code (and its branches); with their CĐCS of that day.
 */
export async function selectEnterprisePlaces(
  db: Conn,
  f: { terms: string[]; taxCode: string | undefined },
  d: string,
  limit: number,
) {
  const conds: SQL[] = [sql`coalesce(st.status, 'operating') = 'operating'`];
  if (f.taxCode) conds.push(sql`(e.tax_code = ${f.taxCode} or e.tax_code like ${`${f.taxCode}-%`})`);
  else for (const t of f.terms) conds.push(sql`e.name_folded like ${`%${t}%`}`);
  const res = await run<PlaceRow>(
    db,
    sql`select e.id, e.name, e.sort_key as "sortKey", ${districtOf('e.area_code')} as district,
      cv.name as "grassrootsUnionName"
    from enterprise e
    left join unit_version cv on cv.unit_id = e.grassroots_unit_id and ${onDay('cv', d)}
    left join enterprise_fact st on st.enterprise_id = e.id and st.kind = 'status' and ${factOnDay('st', d)}
    where ${sql.join(conds, sql` and `)}
    order by e.sort_key, e.id limit ${limit}`,
  );
  return res.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** CĐCS operating on day d whose folded name holds every word. */
export async function selectGrassrootsPlaces(db: Conn, terms: string[], d: string, limit: number) {
  const conds: SQL[] = [onDay('v', d), sql`t.is_grassroots`];
  for (const t of terms) conds.push(sql`v.name_folded like ${`%${t}%`}`);
  const res = await run<PlaceRow>(
    db,
    sql`select v.unit_id as id, v.name, v.sort_key as "sortKey", ${districtOf('v.area_code')} as district,
      v.name as "grassrootsUnionName"
    from unit_version v join unit_type t on t.code = v.type
    where ${sql.join(conds, sql` and `)}
    order by v.sort_key, v.unit_id limit ${limit}`,
  );
  return res.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** A CĐCS operating on day d, or undefined. */
export async function selectOperatingGrassroots(db: Conn, unitId: number, d: string) {
  const res = await run<{ id: number; name: string }>(
    db,
    sql`select v.unit_id as id, v.name from unit_version v join unit_type t on t.code = v.type
    where v.unit_id = ${unitId} and ${onDay('v', d)} and t.is_grassroots`,
  );
  return res.rows[0];
}

/** An enterprise with its CĐCS operating on day d and the upper union assigned to it on d. */
export async function selectEnterpriseRouting(db: Conn, enterpriseId: number, d: string) {
  const res = await run<{ name: string; grassrootsId: number | null; upperId: number | null }>(
    db,
    sql`select e.name, cv.unit_id as "grassrootsId", av.unit_id as "upperId"
    from enterprise e ${anchorJoins(d)} where e.id = ${enterpriseId}`,
  );
  const r = res.rows[0];
  return (
    r && {
      name: r.name,
      grassrootsId: r.grassrootsId === null ? null : Number(r.grassrootsId),
      upperId: r.upperId === null ? null : Number(r.upperId),
    }
  );
}

/**
 * A pending (submitted or verified) application of this CCCD, whichever way it was typed when
 * filed (an officer's form keeps the spelling: spaces, a dropped leading zero).
 */
export async function selectPendingByCitizenId(db: Conn, citizenId: string) {
  const res = await run<{ trackingCode: string }>(
    db,
    sql`select a.tracking_code as "trackingCode" from membership_application a
    cross join lateral (select regexp_replace(coalesce(a.applicant->>'citizenId', ''), '[^0-9]', '', 'g') as digits) x
    where a.status in ('submitted', 'verified') and length(x.digits) in (11, 12)
      and lpad(x.digits, 12, '0') = ${citizenId}
    order by a.submitted_at desc limit 1`,
  );
  return res.rows[0];
}
