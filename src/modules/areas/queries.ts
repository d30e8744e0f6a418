import { type SQL, sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';
import { assertDay } from '../units/queries.ts';
import type { Area } from './schema.ts';

const cols = sql.raw(`a.code, a.name, a.level, a.parent_code as "parentCode", a.valid_from::text as "validFrom",
  a.valid_to::text as "validTo"`);

export async function selectAreas(
  db: Conn,
  f: {
    parentCode?: string | undefined;
    level?: string | undefined;
    terms: string[];
    asOf?: string | undefined;
    limit: number;
  },
) {
  const conds: SQL[] = [sql`true`];
  if (f.parentCode) conds.push(sql`a.parent_code = ${f.parentCode}`);
  if (f.level) conds.push(sql`a.level = ${f.level}`);
  for (const t of f.terms) conds.push(sql`a.name_folded like ${`%${t}%`}`);
  if (f.asOf) {
    const d = assertDay(f.asOf);
    conds.push(sql`a.valid_from <= ${d}::date and (a.valid_to is null or a.valid_to > ${d}::date)`);
  }
  const res = await run<Area>(
    db,
    sql`
    select ${cols} from area a where ${sql.join(conds, sql` and `)}
    order by a.sort_order, a.code limit ${f.limit}`,
  );
  return res.rows;
}

export async function selectArea(db: Conn, code: string) {
  const res = await run<Area>(db, sql`select ${cols} from area a where a.code = ${code}`);
  return res.rows[0];
}

/** Areas linked to this one by the succession table: direction 'next' gives successors. */
export async function selectLinked(db: Conn, code: string, direction: 'next' | 'previous') {
  const [from, to] = direction === 'next' ? ['old_code', 'new_code'] : ['new_code', 'old_code'];
  const res = await run<Area & { effectiveOn: string }>(
    db,
    sql`
    select ${cols}, s.effective_on::text as "effectiveOn"
    from area_succession s join area a on a.code = s.${sql.raw(to)}
    where s.${sql.raw(from)} = ${code} order by a.code`,
  );
  return res.rows;
}

/**
 * Communes of the 2025 reform (parented to their province, not to a district) with the district
 * most of their predecessors lay in, to put them where the coverage map's districts are: one read
 * for all, instead of one request per commune (the province's map asked ~130 times).
 */
export async function selectTracedDistricts(db: Conn) {
  const res = await run<{ code: string; districtCode: string }>(
    db,
    sql`select n.code, t.parent_code as "districtCode"
      from area n join area p on p.code = n.parent_code and p.level = 'province'
      cross join lateral (select a.parent_code from area_succession s join area a on a.code = s.old_code
          where s.new_code = n.code and a.parent_code is not null
          group by a.parent_code order by count(*) desc, a.parent_code limit 1) t
      where n.level = 'commune' order by n.code`,
  );
  return res.rows;
}
