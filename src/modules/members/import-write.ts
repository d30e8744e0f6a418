/**
 * Writing an import batch with set-based SQL: two statements a batch whatever its size, instead of
 * a query per updated row and drizzle statements of 19,000 parameters. The batch travels as one
 * JSON parameter; the first statement matches every row to the register, decides its outcome,
 * inserts the new people and updates the changed ones; the second opens their memberships.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import { person } from '../../db/schema/members.ts';
import { run, type Tx } from '../../lib/tx.ts';
import type { normalisePerson } from './person.ts';

export type PersonFields = ReturnType<typeof normalisePerson>;
export type BatchRow = {
  row: number;
  fields: PersonFields;
  admittedOn: string;
  decisionNo: string | null;
  /** Set when the row has no citizen ID and matched a member of this CĐCS by name and birth date. */
  personId?: number | undefined;
};
/** new, updated, unchanged; reopened (an updated former member, given a membership again); elsewhere. */
export type Outcome = 'new' | 'updated' | 'reopened' | 'unchanged' | 'elsewhere';

// The person columns an import writes, with their SQL types, from the table's own definition.
const FIELDS = Object.entries(getTableColumns(person))
  .filter(([key]) =>
    [
      'fullName',
      'nameFolded',
      'sortKey',
      'birthDate',
      'gender',
      'ethnicity',
      'religion',
      'citizenId',
      'legacyIdNo',
      'socialInsuranceNo',
      'phone',
      'email',
      'address',
      'education',
      'occupation',
      'employerName',
      'partyMember',
      'youthUnionMember',
    ].includes(key),
  )
  .map(([key, column]) => ({ key: key as keyof PersonFields, name: column.name, type: column.getSQLType() }));

const cols = (f: (c: (typeof FIELDS)[number]) => string) => sql.raw(FIELDS.map(f).join(', '));
const recordType = cols((c) => `${c.name} ${c.type}`);
// An import fills in and corrects: a value differs only when the file has one (empty never erases).
const differs = sql.raw(
  FIELDS.map((c) => `(i.${c.name} is not null and i.${c.name} is distinct from e.${c.name})`).join(' or '),
);
const personColumns = cols((c) => c.name);
const fromInput = cols((c) => `a.${c.name}`);
const keepStored = cols((c) => `${c.name} = coalesce(a.${c.name}, p.${c.name})`);

/**
 * Matches a batch (by citizen ID, or by the person id found by name and birth date), inserts new
 * people, updates changed ones and opens memberships for the new and the reopened: every row's
 * outcome, in input order. Rows already reported (duplicates in the file) must not be passed.
 */
export async function writeBatch(tx: Tx, unitId: number, rows: BatchRow[]): Promise<Outcome[]> {
  if (rows.length === 0) return [];
  const input = rows.map((r, i) => {
    const o: Record<string, unknown> = { row: i, matched_id: r.personId ?? null };
    for (const c of FIELDS) o[c.name] = r.fields[c.key];
    return o;
  });
  // Each row finds its person through an index, row by row (a lateral join with a limit cannot be
  // turned into a hash join over the whole register, whatever the planner believes mid-import).
  // A citizen ID held by several people (legacy duplicates): this CĐCS's member first, then one
  // who is a member elsewhere (refused: a transfer is needed), then a former member.
  // The person's memberships are fenced (offset 0) before "open" is tested: otherwise, with the
  // statistics of before a large import, the planner ANDs in the index of every open membership.
  const openUnit = sql`(select m.unit_id from (select unit_id, valid_to from membership where person_id = p.id offset 0) m
    where m.valid_to is null order by m.unit_id = ${unitId} desc limit 1)`;
  const res = await run<{
    row: number;
    id: number;
    outcome: Outcome;
    gender: string | null;
    birth_date: string | null;
  }>(
    tx,
    sql`
    with i as (
      select * from json_to_recordset(${JSON.stringify(input)}::json) as x(row int, matched_id bigint, ${recordType})
    ),
    a as (
      select i.*, coalesce(e.id, nextval(pg_get_serial_sequence('person', 'id'))) as id,
        coalesce(i.gender, e.gender) as kept_gender,
        coalesce(i.birth_date, e.birth_date) as kept_birth_date,
        case when e.id is null then 'new'
          when e.open_unit is not null and e.open_unit <> ${unitId} then 'elsewhere'
          when e.open_unit is null then 'reopened'
          when ${differs} then 'updated'
          else 'unchanged' end as outcome
      from i left join lateral (
        (select p.*, m.unit_id as open_unit from person p left join lateral ${openUnit} m on true
         where p.id = i.matched_id)
        union all
        (select p.*, m.unit_id as open_unit from person p left join lateral ${openUnit} m on true
         where i.matched_id is null and p.citizen_id = i.citizen_id
         order by m.unit_id = ${unitId} desc nulls last, m.unit_id is null, p.id limit 1)
        limit 1
      ) e on true
    ),
    inserted as (
      insert into person (id, ${personColumns}) select a.id, ${fromInput} from a where a.outcome = 'new'
    ),
    updated as (
      update person p set ${keepStored}, updated_at = now()
      from a where p.id = a.id and a.outcome in ('updated', 'reopened')
    )
    select row, id, outcome, kept_gender as gender, kept_birth_date::text as birth_date from a`,
  );
  const outcomes: Outcome[] = new Array(rows.length);
  const opened: Opened[] = [];
  for (const r of res.rows) outcomes[r.row] = r.outcome;
  for (const r of [...res.rows].sort((x, y) => x.row - y.row)) {
    const b = rows[r.row] as BatchRow;
    // The person's gender and birth date go on the membership row (the trigger has nothing to look up).
    const o = { person_id: r.id, valid_from: b.admittedOn, gender: r.gender, birth_date: r.birth_date };
    if (r.outcome === 'new') opened.push({ ...o, decision_no: b.decisionNo });
    // As before: a reopened membership's event does not repeat the file's decision number.
    else if (r.outcome === 'reopened') opened.push({ ...o, decision_no: null });
  }
  if (opened.length > 0) await openMemberships(tx, unitId, opened);
  return outcomes;
}

type Opened = {
  person_id: number;
  valid_from: string;
  gender: string | null;
  birth_date: string | null;
  decision_no: string | null;
};

/** Memberships and their 'import' events, one statement for the batch. */
async function openMemberships(tx: Tx, unitId: number, rows: Opened[]) {
  await tx.execute(sql`
    with x as (
      select * from json_to_recordset(${JSON.stringify(rows)}::json) as x(person_id bigint, valid_from date, gender text, birth_date date, decision_no text)
    ),
    m as (
      insert into membership (person_id, unit_id, valid_from, start_kind, gender, birth_date)
      select person_id, ${unitId}, valid_from, 'import', gender, birth_date from x
    )
    insert into membership_event (person_id, kind, on_date, to_unit_id, decision_no)
    select person_id, 'import', valid_from, ${unitId}, decision_no from x`);
}

/** How many people the register holds, from the planner's count (0 when never counted). */
export async function registerSize(tx: Tx): Promise<number> {
  const res = await run<{ n: number }>(
    tx,
    sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'person'::regclass`,
  );
  return res.rows[0]?.n ?? 0;
}

/** Drops an index inside the transaction; the function returned builds it again from its own definition. */
export async function dropIndexForNow(tx: Tx, name: string): Promise<() => Promise<void>> {
  const res = await run<{ indexdef: string }>(
    tx,
    sql`select indexdef from pg_indexes where schemaname = current_schema() and indexname = ${name}`,
  );
  const definition = res.rows[0]?.indexdef;
  if (!definition) return async () => {};
  await tx.execute(sql`drop index ${sql.identifier(name)}`);
  return async () => {
    await tx.execute(sql.raw(definition));
  };
}
