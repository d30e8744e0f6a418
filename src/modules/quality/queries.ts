import { type SQL, sql } from 'drizzle-orm';
import { CITIZEN_ID_PROVINCES } from '../../lib/ids.ts';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import type { ProblemKind } from './schema.ts';

/** Open memberships with the unit's latest version (a dissolved unit keeps its last one). */
const current = (scope: Scope, underPath: string | undefined) => sql`
  select p.id as person_id, p.full_name, p.citizen_id, p.phone, p.birth_date, p.gender, m.unit_id, uv.name as unit_name,
    uv.valid_to is not null as unit_ended
  from membership m
  join person p on p.id = m.person_id
  join lateral (select * from unit_version u where u.unit_id = m.unit_id order by u.valid_from desc limit 1) uv on true
  where m.valid_to is null and p.erased_at is null and ${inScope(scope, sql.raw('uv.path'))}
    ${underPath ? sql`and uv.path <@ ${underPath}::ltree` : sql``}`;

const provinces = JSON.stringify(Object.keys(CITIZEN_ID_PROVINCES));

/** The SQL test for each kind of problem, over the rows of `current`. */
const tests: Record<ProblemKind, SQL> = {
  duplicate_citizen_id: sql`c.citizen_id is not null and c.citizen_id in (
    select p2.citizen_id from membership m2 join person p2 on p2.id = m2.person_id
    where m2.valid_to is null and p2.citizen_id is not null group by p2.citizen_id having count(*) > 1)`,
  missing_citizen_id: sql`c.citizen_id is null`,
  // 12 digits, a real province code, and the century/gender and year digits matching the person.
  invalid_citizen_id: sql`c.citizen_id is not null and (c.citizen_id !~ '^[0-9]{12}$'
    or substr(c.citizen_id, 1, 3) not in (select jsonb_array_elements_text(${provinces}::jsonb))
    or (c.birth_date is not null and substr(c.citizen_id, 5, 2) <> to_char(c.birth_date, 'YY'))
    or (c.birth_date is not null and c.gender is not null and substr(c.citizen_id, 4, 1)::int <>
        (case floor(extract(year from c.birth_date) / 100) when 19 then 0 when 20 then 2 when 21 then 4 when 22 then 6 else 8 end)
        + (case when c.gender = 'female' then 1 else 0 end)))`,
  invalid_phone: sql`c.phone is not null and c.phone !~ '^\\+84(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}$'`,
  member_of_ended_unit: sql`c.unit_ended`,
};

export async function countProblems(db: Conn, scope: Scope, underPath: string | undefined) {
  const cols = (Object.keys(tests) as ProblemKind[]).map(
    (k) => sql`count(*) filter (where ${tests[k]})::int as ${sql.identifier(k)}`,
  );
  const res = await run<Record<ProblemKind, number>>(
    db,
    sql`with c as (${current(scope, underPath)}) select ${sql.join(cols, sql`, `)} from c`,
  );
  return res.rows[0];
}

export async function listProblems(
  db: Conn,
  scope: Scope,
  underPath: string | undefined,
  kind: ProblemKind,
  limit: number,
) {
  const res = await run<{
    personId: number;
    fullName: string;
    unitId: number;
    unitName: string | null;
    citizenId: string | null;
    phone: string | null;
  }>(
    db,
    sql`with c as (${current(scope, underPath)})
        select c.person_id as "personId", c.full_name as "fullName", c.unit_id as "unitId", c.unit_name as "unitName",
          c.citizen_id as "citizenId", c.phone
        from c where ${tests[kind]} order by c.citizen_id nulls last, c.full_name limit ${limit}`,
  );
  return res.rows;
}
