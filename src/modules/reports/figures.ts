/**
 * The figures of a periodic report for a unit and a period [from, to], from the register's dated
 * events: nothing is typed in. Members are counted on the day before the period and on its last day;
 * in between, every day a member enters or leaves the unit's subtree is classified, so that
 * start + inflow - outflow = end always holds, whatever moved in the tree meanwhile.
 *
 * A membership is present in the subtree on a day when it covers the day and its CĐCS's version
 * that day lies under the unit. Its stretches of presence begin (an entry) and end (an exit):
 * - at the membership's own start or end: the event's kind says why (admission, transfer, death...);
 *   a transfer between two CĐCS both under the unit is an exit and an entry that cancel: not counted;
 * - at a change of its CĐCS's version: a CĐCS moved in or out, or dissolved with members on its roll.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { addDays } from '../../lib/dates.ts';
import { fullScope } from '../../lib/scope.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { countMembersUnder } from '../members/queries.ts';
import { coverageRate, type Figure, memberCount, newGrassrootsUnions, newMembers } from '../plans/measures.ts';
import { assertDay, onDay, selectChildren, selectVersionForDay } from '../units/queries.ts';
import type { Figures } from './schema.ts';

const lq = (unitId: number) => sql.raw(`'*.${Number(unitId)}.*'::lquery`);
const NEVER = sql.raw(`'infinity'::date`);

type Flow =
  | 'new'
  | 'imported'
  | 'transfer_in'
  | 'unit_joined'
  | 'withdrawal'
  | 'expulsion'
  | 'death'
  | 'transfer_out'
  | 'unit_left'
  | 'unit_ended'
  | 'other'
  | 'internal';

/** Entries into and exits from the subtree during [from, to], counted by why they happened. */
/**
 * The stretches of presence that begin or end in [from, to], each with its neighbours in the
 * person's history: a stretch that begins the day the person's previous stretch in the subtree ended
 * (the same membership under a moved CĐCS, or a transfer between two CĐCS of the subtree) is no
 * entry, and likewise for exits. Neighbours come from a window over the stretches found, not from a
 * lookup per row: the lookups made a province's year take 40 s on PGlite.
 */
function flowsQuery(unitId: number, from: string, to: string): SQL {
  const F = sql.raw(`'${assertDay(from)}'::date`);
  const T = sql.raw(`'${assertDay(to)}'::date`);
  // A stretch ends at the earlier of the membership's and the version's ends (null = open).
  return sql`
    with seg as (
      select m.id as mid, m.person_id, m.valid_from as mvf, m.valid_to as mvt, m.start_kind, m.end_kind,
        u.dissolved_on,
        greatest(m.valid_from, uv.valid_from) as s,
        nullif(least(coalesce(m.valid_to, ${NEVER}), coalesce(uv.valid_to, ${NEVER})), ${NEVER}) as e
      from membership m join unit_version uv on uv.unit_id = m.unit_id join unit u on u.id = m.unit_id
      where uv.path ~ ${lq(unitId)}
        and (
          (uv.valid_from < coalesce(m.valid_to, ${NEVER}) and coalesce(uv.valid_to, ${NEVER}) > m.valid_from)
          -- admitted and gone the same day: never counted on a day, but an entry and an exit
          or (m.valid_to = m.valid_from and uv.valid_from <= m.valid_from and coalesce(uv.valid_to, ${NEVER}) > m.valid_from)
        )
        and (m.valid_from between ${F} and ${T} or m.valid_to between ${F} and ${T}
          or uv.valid_from between ${F} and ${T} or uv.valid_to between ${F} and ${T})
    ),
    w as (
      select seg.*,
        lag(e) over p as prev_e, lag(mid) over p as prev_mid, lag(end_kind) over p as prev_end,
        lag(mvt) over p as prev_mvt,
        lead(s) over p as next_s, lead(mid) over p as next_mid, lead(start_kind) over p as next_start,
        lead(mvf) over p as next_mvf
      from seg window p as (partition by person_id order by s, e nulls last, mid)
    ),
    entries as (
      select case
        when prev_e = s and (prev_mid = mid or (s = mvf and start_kind = 'transfer_in'
          and prev_end = 'transfer_out' and prev_mvt = s)) then 'internal'
        when s = mvf then case
          when start_kind in ('admission', 'readmission') then 'new'
          when start_kind = 'transfer_in' then 'transfer_in'
          else 'imported' end
        else 'unit_joined' end as flow
      from w where s between ${F} and ${T}
    ),
    exits as (
      select case
        when next_s = e and (next_mid = mid or (e = mvt and end_kind = 'transfer_out'
          and next_start = 'transfer_in' and next_mvf = e)) then 'internal'
        when e = mvt then case
          when end_kind in ('withdrawal', 'expulsion', 'death', 'transfer_out') then end_kind
          else 'other' end
        when dissolved_on = e then 'unit_ended'
        else 'unit_left' end as flow
      from w where e between ${F} and ${T}
    )
    select 'in' as dir, flow, count(*)::int as n from entries group by flow
    union all
    select 'out' as dir, flow, count(*)::int as n from exits group by flow`;
}

async function flows(db: Conn, unitId: number, from: string, to: string) {
  const res = await run<{ dir: 'in' | 'out'; flow: Flow; n: number }>(db, flowsQuery(unitId, from, to));
  const get = (dir: 'in' | 'out', flow: Flow) =>
    res.rows.filter((r) => r.dir === dir && r.flow === flow).reduce((a, r) => a + r.n, 0);
  const inflow = {
    newMembers: get('in', 'new'),
    transfersIn: get('in', 'transfer_in'),
    unitsJoined: get('in', 'unit_joined'),
    imported: get('in', 'imported'),
    total: 0,
  };
  inflow.total = inflow.newMembers + inflow.transfersIn + inflow.unitsJoined + inflow.imported;
  const outflow = {
    withdrawal: get('out', 'withdrawal'),
    expulsion: get('out', 'expulsion'),
    death: get('out', 'death'),
    transfersOut: get('out', 'transfer_out'),
    unitsLeft: get('out', 'unit_left'),
    unitsEnded: get('out', 'unit_ended'),
    other: get('out', 'other'),
    total: 0,
  };
  outflow.total =
    outflow.withdrawal +
    outflow.expulsion +
    outflow.death +
    outflow.transfersOut +
    outflow.unitsLeft +
    outflow.unitsEnded +
    outflow.other;
  return { inflow, outflow };
}

/** CĐCS (not member CĐCS inside a CĐCS) under the unit on a day, the unit itself left out. */
async function grassrootsOn(db: Conn, unitId: number, d: string) {
  const res = await run<{ n: number }>(
    db,
    sql`select count(*)::int as n from unit_version uv join unit_type t on t.code = uv.type
      where ${onDay('uv', d)} and uv.path ~ ${lq(unitId)} and t.is_grassroots
        and uv.type <> 'member_grassroots_union' and uv.unit_id <> ${unitId}`,
  );
  return res.rows[0]?.n ?? 0;
}

/** CĐCS dissolved in the period that stood under the unit on their last day. */
async function grassrootsDissolved(db: Conn, unitId: number, from: string, to: string) {
  const res = await run<{ n: number }>(
    db,
    sql`select count(*)::int as n from unit u
      join unit_version uv on uv.unit_id = u.id and uv.valid_to = u.dissolved_on
      join unit_type t on t.code = uv.type
      where u.dissolved_on between ${assertDay(from)}::date and ${assertDay(to)}::date
        and uv.path ~ ${lq(unitId)} and t.is_grassroots and uv.type <> 'member_grassroots_union'
        and u.id <> ${unitId}`,
  );
  return res.rows[0]?.n ?? 0;
}

async function headcount(db: Conn, unitId: number, d: string) {
  const v = await selectVersionForDay(db, unitId, d);
  // A unit not standing that day (founded later, dissolved before) has no members under it.
  if (!v || v.validFrom > d || (v.validTo !== null && v.validTo <= d)) return { total: 0, women: 0 };
  return countMembersUnder(db, v.path, d);
}

const PROVINCE_PREFIX = /^(LĐLĐ|Liên đoàn Lao động)\s+(tỉnh|thành phố|TP\.?)?\s*/iu;

/** "Nghệ An" from "LĐLĐ tỉnh Nghệ An" / "Liên đoàn Lao động tỉnh Nghệ An". */
export function placeOf(name: string) {
  return name.replace(PROVINCE_PREFIX, '').trim();
}

/** The province the unit lies in (the provincial federation on its path), for the place line. */
async function placeFor(db: Conn, path: string, d: string) {
  const ids = path.split('.').map(Number);
  const res = await run<{ name: string; shortName: string | null; type: string }>(
    db,
    sql`select uv.name, uv.short_name as "shortName", uv.type from unit_version uv
      where uv.unit_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) and uv.valid_from <= ${d}::date order by uv.type = 'provincial_federation' desc, uv.depth, uv.valid_from desc limit 1`,
  );
  const r = res.rows[0];
  if (r?.type !== 'provincial_federation') return 'Hà Nội';
  return placeOf(r.shortName ?? r.name);
}

const countIn = (m: Map<number, Figure>, id: number) => m.get(id)?.value ?? 0;

/** All the figures of a report of `unitId` for [from, to]. Run inside a transaction to freeze them. */
export async function computeFigures(db: Conn, unitId: number, from: string, to: string): Promise<Figures> {
  const startDay = addDays(from, -1);
  const unitV = await selectVersionForDay(db, unitId, to);
  if (!unitV) throw new Error(`unit ${unitId} has no version`);
  const window = { from, to };
  // One after another: inside the submitting transaction they share one connection.
  const start = await headcount(db, unitId, startDay);
  const end = await headcount(db, unitId, to);
  const flow = await flows(db, unitId, from, to);
  const gStart = await grassrootsOn(db, unitId, startDay);
  const gEnd = await grassrootsOn(db, unitId, to);
  const gDissolved = await grassrootsDissolved(db, unitId, from, to);
  const ends = await memberCount(db, unitId, to);
  const news = await newMembers(db, unitId, window);
  const founded = await newGrassrootsUnions(db, unitId, window);
  const coverage = await coverageRate(db as Db, unitId, to);
  const children = await selectChildren(db, fullScope, unitId, to);
  const upper = unitV.parentId ? await selectVersionForDay(db, unitV.parentId, to) : undefined;
  const place = await placeFor(db, unitV.path, to);
  const rows: Figures['children'] = children
    .filter((c) => c.type !== 'union_section' && c.type !== 'union_team')
    .map((c) => {
      const cov = coverage.children.get(c.id);
      return {
        unit: { id: c.id, code: c.code, name: c.name },
        members: countIn(ends.children, c.id),
        newMembers: countIn(news.children, c.id),
        newGrassroots: countIn(founded.children, c.id),
        coverageRate: cov?.value ?? null,
        covered: cov?.covered ?? 0,
        target: cov?.target ?? 0,
      };
    });
  // What was counted at the unit itself, or under sub-units gone by the last day, keeps the rows' sums whole.
  const sum = (f: (r: Figures['children'][number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  const rest = {
    members: (ends.total.value ?? 0) - sum((r) => r.members),
    newMembers: (news.total.value ?? 0) - sum((r) => r.newMembers),
    newGrassroots: (founded.total.value ?? 0) - sum((r) => r.newGrassroots),
    covered: (coverage.total.covered ?? 0) - sum((r) => r.covered),
    target: (coverage.total.target ?? 0) - sum((r) => r.target),
  };
  // A unit without sub-units (a CĐCS) has no rows at all: its totals say it all.
  if (rows.length > 0 && Object.values(rest).some((n) => n !== 0))
    rows.push({ unit: null, ...rest, coverageRate: rest.target > 0 ? rest.covered / rest.target : null });
  return {
    unit: { id: unitId, code: unitV.code, name: unitV.name, type: unitV.type },
    upper: upper ? { id: upper.unitId, name: upper.name } : null,
    place,
    startDay,
    endDay: to,
    members: { start, end },
    ...flow,
    grassroots: { start: gStart, end: gEnd, founded: founded.total.value ?? 0, dissolved: gDissolved },
    coverage: {
      target: coverage.total.target ?? 0,
      covered: coverage.total.covered ?? 0,
      rate: coverage.total.value,
    },
    children: rows,
  };
}
