/**
 * Writing an import batch with set-based SQL: one statement a batch whatever its size, instead of
 * a query per row and drizzle statements of 19,000 parameters. The batch travels as one JSON
 * parameter; the statement matches every row to the register, decides its outcome, inserts the new
 * people, updates the changed ones and opens the memberships (with their events) of the new and the
 * reopened.
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
  .map(([key, column], k) => ({
    key: key as keyof PersonFields,
    name: column.name,
    type: column.getSQLType(),
    // The field's key in the batch's JSON: short, as it is repeated in every row.
    json: `f${k}`,
  }));

const cols = (f: (c: (typeof FIELDS)[number]) => string) => sql.raw(FIELDS.map(f).join(', '));
const recordType = cols((c) => `${c.json} ${c.type}`);
const namedFields = cols((c) => `x.${c.json} as ${c.name}`);
// An import fills in and corrects: a value differs only when the file has one (empty never erases).
const differs = sql.raw(
  FIELDS.map((c) => `(i.${c.name} is not null and i.${c.name} is distinct from e.${c.name})`).join(' or '),
);
const personColumns = cols((c) => c.name);
const fromInput = cols((c) => `a.${c.name}`);
const keepStored = cols((c) => `${c.name} = coalesce(a.${c.name}, p.${c.name})`);

/**
 * A batch as JSON: short keys, and no key for an empty field (json_to_recordset reads a missing key
 * as null). Most of a member list's 18 fields are empty; this is a third of the bytes the full
 * objects took, and PGlite's driver encodes a parameter character by character.
 */
function batchJson(rows: BatchRow[]): string {
  return JSON.stringify(
    rows.map((r, i) => {
      const o: Record<string, unknown> = { r: i, d: r.admittedOn };
      if (r.personId !== undefined) o.m = r.personId;
      if (r.decisionNo) o.n = r.decisionNo;
      for (const c of FIELDS) {
        const v = r.fields[c.key];
        if (v !== null && v !== undefined) o[c.json] = v;
      }
      return o;
    }),
  );
}

/**
 * Matches a batch (by citizen ID, or by the person id found by name and birth date), inserts new
 * people, updates changed ones and opens memberships for the new and the reopened: every row's
 * outcome, in input order. Rows already reported (duplicates in the file) must not be passed.
 */
export async function writeBatch(tx: Tx, unitId: number, rows: BatchRow[]): Promise<Outcome[]> {
  if (rows.length === 0) return [];
  // Each row finds its person through an index, row by row (a lateral join with a limit cannot be
  // turned into a hash join over the whole register, whatever the planner believes mid-import).
  // A citizen ID held by several people (legacy duplicates): this CĐCS's member first, then one
  // who is a member elsewhere (refused: a transfer is needed), then a former member.
  // The person's memberships are fenced (offset 0) before "open" is tested: otherwise, with the
  // statistics of before a large import, the planner ANDs in the index of every open membership.
  const openUnit = sql`(select m.unit_id from (select unit_id, valid_to from membership where person_id = p.id offset 0) m
    where m.valid_to is null order by m.unit_id = ${unitId} desc limit 1)`;
  // One statement: the memberships are inserted beside the people they belong to (the foreign key
  // checks run at the statement's end and see them), so a batch is one round trip and one parse.
  // The person's gender and birth date go on the membership row (the trigger has nothing to look
  // up); a reopened membership's event does not repeat the file's decision number, as before.
  const res = await run<{ row: number; outcome: Outcome }>(
    tx,
    sql`
    with i as (
      select x.r as row, x.m as matched_id, x.d as admitted_on, x.n as decision_no, ${namedFields}
      from json_to_recordset(${batchJson(rows)}::json) as x(r int, m bigint, d date, n text, ${recordType})
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
    ),
    opened as (
      insert into membership (person_id, unit_id, valid_from, start_kind, gender, birth_date)
      select a.id, ${unitId}, a.admitted_on, 'import', a.kept_gender, a.kept_birth_date
      from a where a.outcome in ('new', 'reopened') order by a.row
    ),
    events as (
      insert into membership_event (person_id, kind, on_date, to_unit_id, decision_no)
      select a.id, 'import', a.admitted_on, ${unitId}, case when a.outcome = 'new' then a.decision_no end
      from a where a.outcome in ('new', 'reopened') order by a.row
    )
    select row, outcome from a`,
  );
  const outcomes: Outcome[] = new Array(rows.length);
  for (const r of res.rows) outcomes[r.row] = r.outcome;
  return outcomes;
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
