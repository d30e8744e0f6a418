import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { onDay } from '../units/queries.ts';
import type { MemberListItem } from './schema.ts';

/** The membership that covers day d (the alias's period contains d). */
export const coversDay = (alias: string, d: string): SQL => onDay(alias, d);

export type ListFilter = {
  d: string;
  terms: string[];
  digits: string | undefined;
  underPath: string | undefined;
  gender: string | undefined;
  ethnicity: string | undefined;
  bornFrom: string | undefined;
  bornTo: string | undefined;
  admittedFrom: string | undefined;
  admittedTo: string | undefined;
  after: { key: string; id: number } | undefined;
  limit: number;
};

type Row = Omit<MemberListItem, 'status'> & { sortKey: string; active: boolean };

function personFilters(f: ListFilter): SQL[] {
  const conds: SQL[] = [];
  for (const t of f.terms) conds.push(sql`p.name_folded like ${`%${t}%`}`);
  if (f.digits) {
    const d = f.digits;
    conds.push(sql`(p.citizen_id = ${d} or p.legacy_id_no = ${d} or p.phone = ${`+84${d.replace(/^(84|0)/, '')}`}
      or exists (select 1 from member_card c where c.person_id = p.id and c.card_no = ${d}))`);
  }
  if (f.gender) conds.push(sql`p.gender = ${f.gender}`);
  if (f.ethnicity) conds.push(sql`p.ethnicity = ${f.ethnicity}`);
  if (f.bornFrom) conds.push(sql`p.birth_date >= ${f.bornFrom}::date`);
  if (f.bornTo) conds.push(sql`p.birth_date <= ${f.bornTo}::date`);
  if (f.after) conds.push(sql`(p.sort_key, p.id) > (${f.after.key}, ${f.after.id})`);
  return conds;
}

const listColumns = sql.raw(`p.id as "personId", p.full_name as "fullName", p.birth_date::text as "birthDate",
  p.gender, p.ethnicity, m.unit_id as "unitId", uv.name as "unitName", p.citizen_id as "citizenId", p.phone,
  p.sort_key as "sortKey"`);

/** Members on day d (a membership covers d) in units the caller may see, in Vietnamese name order. */
export async function selectActiveMembers(db: Conn, scope: Scope, f: ListFilter) {
  const conds = [coversDay('m', f.d), inScope(scope, sql.raw('uv.path')), ...personFilters(f), ...admissionFilters(f)];
  if (f.underPath) conds.push(sql`uv.path <@ ${f.underPath}::ltree`);
  const res = await run<Row & { memberSince: string }>(
    db,
    sql`
    select ${listColumns}, true as active,
      (select min(m0.valid_from)::text from membership m0 where m0.person_id = p.id) as "memberSince"
    from membership m
    join person p on p.id = m.person_id
    join unit_version uv on uv.unit_id = m.unit_id and ${onDay('uv', f.d)}
    where ${sql.join(conds, sql` and `)}
    order by p.sort_key, p.id limit ${f.limit + 1}`,
  );
  return res.rows;
}

/**
 * Members whose last membership begun by day d had ended by then (status 'ended'), or either kind
 * ('all'). Each person's latest membership decides, in a unit the caller may see.
 */
export async function selectMembersByLatest(db: Conn, scope: Scope, f: ListFilter, status: 'ended' | 'all') {
  const conds = [inScope(scope, sql.raw('uv.path')), ...personFilters(f), ...admissionFilters(f)];
  if (status === 'ended') conds.push(sql`m.valid_to is not null and m.valid_to <= ${f.d}::date`);
  if (f.underPath) conds.push(sql`uv.path <@ ${f.underPath}::ltree`);
  const res = await run<Row & { memberSince: string }>(
    db,
    sql`
    select ${listColumns}, (m.valid_to is null or m.valid_to > ${f.d}::date) as active,
      (select min(m0.valid_from)::text from membership m0 where m0.person_id = p.id) as "memberSince"
    from person p
    join lateral (select * from membership m1 where m1.person_id = p.id and m1.valid_from <= ${f.d}::date
                  order by m1.valid_from desc, m1.id desc limit 1) m on true
    join lateral (select * from unit_version u1 where u1.unit_id = m.unit_id and u1.valid_from <= greatest(m.valid_from,
                  least(coalesce(m.valid_to - 1, ${f.d}::date), ${f.d}::date))
                  order by u1.valid_from desc limit 1) uv on true
    where ${sql.join(conds, sql` and `)}
    order by p.sort_key, p.id limit ${f.limit + 1}`,
  );
  return res.rows;
}

function admissionFilters(f: ListFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.admittedFrom || f.admittedTo) {
    const from = f.admittedFrom ?? '0001-01-01';
    const to = f.admittedTo ?? '9999-12-31';
    conds.push(sql`exists (select 1 from membership_event e where e.person_id = p.id
      and e.kind in ('admission', 'readmission') and e.on_date between ${from}::date and ${to}::date)`);
  }
  return conds;
}

/** Members under a path on day d: the count the plan's targets are measured by. */
export async function countMembersUnder(db: Conn, path: string, d: string) {
  // Gender is read from the membership row (kept in step by triggers): no join to person.
  const res = await run<{ total: number; women: number }>(
    db,
    sql`
    select count(*)::int as total, count(*) filter (where m.gender = 'female')::int as women
    from membership m
    join unit_version uv on uv.unit_id = m.unit_id and ${onDay('uv', d)}
    where ${coversDay('m', d)} and uv.path <@ ${path}::ltree`,
  );
  return res.rows[0] ?? { total: 0, women: 0 };
}

/** True when one of the person's memberships, at any time, was in a unit the caller may see. */
export async function personInScope(db: Conn, scope: Scope, personId: number) {
  if (scope.all) return true;
  const res = await run<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from membership m join unit_version uv on uv.unit_id = m.unit_id
          and uv.valid_from < coalesce(m.valid_to, 'infinity'::date) and coalesce(uv.valid_to, 'infinity'::date) > m.valid_from
        where m.person_id = ${personId} and ${inScope(scope, sql.raw('uv.path'))}) as ok`,
  );
  return res.rows[0]?.ok ?? false;
}

export async function selectMemberships(db: Conn, personId: number) {
  const res = await run<{
    id: number;
    unitId: number;
    unitName: string | null;
    validFrom: string;
    validTo: string | null;
    startKind: string;
    endKind: string | null;
  }>(
    db,
    sql`
    select m.id, m.unit_id as "unitId", m.valid_from::text as "validFrom", m.valid_to::text as "validTo",
      m.start_kind as "startKind", m.end_kind as "endKind",
      (select uv.name from unit_version uv where uv.unit_id = m.unit_id and uv.valid_from <= m.valid_from
       order by uv.valid_from desc limit 1) as "unitName"
    from membership m where m.person_id = ${personId} order by m.valid_from, m.id`,
  );
  return res.rows;
}

export async function selectEvents(db: Conn, personId: number) {
  const unitName = (col: string) =>
    sql.raw(`(select uv.name from unit_version uv where uv.unit_id = e.${col} and uv.valid_from <= e.on_date
      order by uv.valid_from desc limit 1)`);
  const res = await run<{
    kind: string;
    onDate: string;
    fromUnitName: string | null;
    toUnitName: string | null;
    decisionNo: string | null;
    reason: string | null;
  }>(
    db,
    sql`
    select e.kind, e.on_date::text as "onDate", ${unitName('from_unit_id')} as "fromUnitName",
      ${unitName('to_unit_id')} as "toUnitName", e.decision_no as "decisionNo", e.reason
    from membership_event e where e.person_id = ${personId} order by e.on_date, e.id`,
  );
  return res.rows;
}

/** Open memberships of people holding this citizen id (to refuse a second admission). */
export async function selectOpenByCitizenId(db: Conn, citizenId: string) {
  const res = await run<{ personId: number; unitId: number; unitName: string | null }>(
    db,
    sql`
    select p.id as "personId", m.unit_id as "unitId",
      (select uv.name from unit_version uv where uv.unit_id = m.unit_id order by uv.valid_from desc limit 1) as "unitName"
    from person p join membership m on m.person_id = p.id and m.valid_to is null
    where p.citizen_id = ${citizenId}`,
  );
  return res.rows;
}
