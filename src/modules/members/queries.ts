import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { onDay } from '../units/queries.ts';
import { nameSource } from './name-search.ts';
import type { MemberListItem } from './schema.ts';
import { membersOnDay } from './snapshots.ts';

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

/** Conditions on p; the name terms and the cursor only when no word walk applies them already. */
function personFilters(f: ListFilter, byWords: boolean): SQL[] {
  const conds: SQL[] = [];
  if (!byWords) for (const t of f.terms) conds.push(sql`p.name_folded like ${`%${t}%`}`);
  if (f.digits) {
    const d = f.digits;
    conds.push(sql`(p.citizen_id = ${d} or p.legacy_id_no = ${d} or p.phone = ${`+84${d.replace(/^(84|0)/, '')}`}
      or exists (select 1 from member_card c where c.person_id = p.id and c.card_no = ${d}))`);
  }
  if (f.gender) conds.push(sql`p.gender = ${f.gender}`);
  if (f.ethnicity) conds.push(sql`p.ethnicity = ${f.ethnicity}`);
  if (f.bornFrom) conds.push(sql`p.birth_date >= ${f.bornFrom}::date`);
  if (f.bornTo) conds.push(sql`p.birth_date <= ${f.bornTo}::date`);
  if (f.after && !byWords) conds.push(sql`(p.sort_key, p.id) > (${f.after.key}, ${f.after.id})`);
  return conds;
}

const listColumns = sql.raw(`p.id as "personId", p.full_name as "fullName", p.birth_date::text as "birthDate",
  p.gender, p.ethnicity, m.unit_id as "unitId", uv.name as "unitName", p.citizen_id as "citizenId", p.phone,
  p.sort_key as "sortKey"`);

/**
 * Where the people of a list come from, in list order: the word walk of a name search, or the
 * whole register by its sort index. `order` names the list order's columns in that source.
 */
async function peopleSource(db: Conn, f: ListFilter) {
  const words = await nameSource(db, f.terms, f.after);
  if (words === 'none') return null;
  if (words)
    return {
      words: words.from,
      where: words.where,
      from: sql`${words.from} join person p on p.id = c.person_id`,
      order: sql`c.sort_key, c.person_id`,
      byWords: true,
    };
  return { words: null, where: [], from: sql`person p`, order: sql`p.sort_key, p.id`, byWords: false };
}

// A scope of at least this many units is walked name first (see selectActiveMembers).
const LARGE_SCOPE_UNITS = 1000;

/** True when the units the list may show number at least LARGE_SCOPE_UNITS on day d. */
async function largeScope(db: Conn, scope: Scope, f: ListFilter) {
  if (scope.all && !f.underPath) return true;
  const under = f.underPath ? sql`and v.path <@ ${f.underPath}::ltree` : sql``;
  const res = await run<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from unit_version v
      where ${onDay('v', f.d)} and ${inScope(scope, sql.raw('v.path'))} ${under} limit ${LARGE_SCOPE_UNITS}) s`,
  );
  return (res.rows[0]?.n ?? 0) >= LARGE_SCOPE_UNITS;
}

/**
 * Members on day d (a membership covers d) in units the caller may see, in Vietnamese name order.
 * A name search over a large scope (a province, the country) walks the matching names in order and
 * checks each one's membership and unit, which a first page of 50 needs few of: the planner, which
 * underrates how many members a province holds by an order of magnitude, would instead read every
 * member of the scope and sort them (2.5 s at national size). A small scope (a district, a CĐCS)
 * is left to the planner, which then starts from the scope's members.
 */
export async function selectActiveMembers(db: Conn, scope: Scope, f: ListFilter) {
  const src = await peopleSource(db, f);
  if (!src) return [];
  const conds = [
    ...src.where,
    coversDay('m', f.d),
    inScope(scope, sql.raw('uv.path')),
    ...personFilters(f, src.byWords),
    ...admissionFilters(f),
  ];
  if (f.underPath) conds.push(sql`uv.path <@ ${f.underPath}::ltree`);
  // offset 0 keeps each lateral subquery a per-person lookup the planner cannot turn into a join.
  // Membership and unit are checked before the person is read: most walked names fail the scope.
  const from =
    src.words && (await largeScope(db, scope, f))
      ? sql`${src.words}
          join lateral (select m.unit_id, m.valid_from, m.valid_to from membership m
            where m.person_id = c.person_id and ${coversDay('m', f.d)} offset 0) m on true
          join lateral (select uv.name, uv.path from unit_version uv
            where uv.unit_id = m.unit_id and ${onDay('uv', f.d)} offset 0) uv on true
          join person p on p.id = c.person_id`
      : sql`${src.from}
          join membership m on m.person_id = p.id
          join unit_version uv on uv.unit_id = m.unit_id and ${onDay('uv', f.d)}`;
  const res = await run<Row & { memberSince: string }>(
    db,
    sql`
    select ${listColumns}, true as active,
      (select min(m0.valid_from)::text from membership m0 where m0.person_id = p.id) as "memberSince"
    from ${from}
    where ${sql.join(conds, sql` and `)}
    order by ${src.order} limit ${f.limit + 1}`,
  );
  return res.rows;
}

/**
 * Members whose last membership begun by day d had ended by then (status 'ended'), or either kind
 * ('all'). Each person's latest membership decides, in a unit the caller may see.
 */
export async function selectMembersByLatest(db: Conn, scope: Scope, f: ListFilter, status: 'ended' | 'all') {
  const src = await peopleSource(db, f);
  if (!src) return [];
  const conds = [
    ...src.where,
    inScope(scope, sql.raw('uv.path')),
    ...personFilters(f, src.byWords),
    ...admissionFilters(f),
  ];
  if (status === 'ended') conds.push(sql`m.valid_to is not null and m.valid_to <= ${f.d}::date`);
  if (f.underPath) conds.push(sql`uv.path <@ ${f.underPath}::ltree`);
  const res = await run<Row & { memberSince: string }>(
    db,
    sql`
    select ${listColumns}, (m.valid_to is null or m.valid_to > ${f.d}::date) as active,
      (select min(m0.valid_from)::text from membership m0 where m0.person_id = p.id) as "memberSince"
    from ${src.from}
    join lateral (select * from membership m1 where m1.person_id = p.id and m1.valid_from <= ${f.d}::date
                  order by m1.valid_from desc, m1.id desc limit 1) m on true
    join lateral (select * from unit_version u1 where u1.unit_id = m.unit_id and u1.valid_from <= greatest(m.valid_from,
                  least(coalesce(m.valid_to - 1, ${f.d}::date), ${f.d}::date))
                  order by u1.valid_from desc limit 1) uv on true
    where ${sql.join(conds, sql` and `)}
    order by ${src.order} limit ${f.limit + 1}`,
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
  // From the month's snapshot per CĐCS and the days since (snapshots.ts): no pass over the register.
  const units = await run<{ id: number }>(
    db,
    sql`select uv.unit_id as id from unit_version uv where uv.path <@ ${path}::ltree and ${onDay('uv', d)}`,
  );
  const counts = await membersOnDay(
    db,
    d,
    units.rows.map((u) => Number(u.id)),
  );
  const res = await run<{ total: number; women: number }>(
    db,
    sql`select coalesce(sum(c.n), 0)::int as total, coalesce(sum(c.women), 0)::int as women from (${counts}) c`,
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
