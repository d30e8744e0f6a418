/**
 * Member counts per CĐCS on any day, read from a snapshot on the last day of the month before plus
 * the memberships that started or ended since: one row per CĐCS and a few days of events, instead
 * of every membership in the register (11 million nationally). Snapshots sit on month ends because
 * that is where the figures people ask for sit: report periods, plan deadlines and every point of
 * the dashboard's series but the last are month ends, so they read snapshot rows and nothing else.
 *
 * A snapshot is computed the first time a day after its month end is asked for, from the nearest snapshot
 * within three months (that period's events added or taken away) or else from the register in one
 * pass. Writes that change a past count forget the snapshots from the first day they touch
 * (migration 0017's triggers), so a count is always what the memberships say.
 */
import { type SQL, sql } from 'drizzle-orm';
import { ensureSnapshotDay, makeSnapshots, type SnapshotKind } from '../../lib/snapshot-days.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { assertDay } from '../units/queries.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of d's month. */
export function monthEnd(d: string): string {
  const [y, m] = assertDay(d).split('-').map(Number) as [number, number];
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The snapshot a count on d starts from: d itself on a month end, else the month end before d. */
export function snapshotDay(d: string): string {
  if (monthEnd(d) === d) return d;
  const [y, m] = d.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-31` : monthEnd(`${y}-${pad(m - 1)}-01`);
}

/**
 * Units to count, as an array the planner can size. A subquery of a subtree's units is estimated
 * at a handful of rows (an ltree pattern's selectivity is a guess), and the planner then looks up
 * each of 3,000 units through every branch below: 9 s for the dashboard's 24 points instead of
 * a few milliseconds each.
 */
export type UnitIds = readonly number[];
const idArray = (ids: UnitIds) => sql`${`{${ids.map((id) => Math.trunc(Number(id))).join(',')}}`}::bigint[]`;

/** Member counts per CĐCS on month ends (migration 0017's triggers forget them). */
const MEMBER_COUNTS: SnapshotKind = {
  lock: 4042001,
  dayTable: 'member_count_day',
  snapshotTable: 'member_count_snapshot',
  rows: (day, from) =>
    from
      ? sql`select unit_id, sum(n)::int as members, sum(w)::int as women, sum(mn)::int as men,
          sum(u30)::int as u30, sum(u40)::int as u40, sum(u50)::int as u50, sum(o50)::int as o50 from (
          ${snapshotRows(from)} union all ${changesBetween(from, day)}) x
        group by unit_id having sum(n) <> 0`
      : registerCounts(day),
  store: async (tx, day, rows) => {
    await run(
      tx,
      sql`insert into member_count_snapshot (day, unit_id, members, women, men, under30, in30s, in40s, over50)
        select ${day}::date, unit_id, members, women, men, u30, u40, u50, o50 from (${rows}) r`,
    );
  },
};

/**
 * Makes sure the snapshot of `day` (a month's last day) is there and current; false when it is
 * not and cannot be made now because a write is in flight (lib/snapshot-days.ts).
 */
export const ensureSnapshot = (db: Conn, day: string) => ensureSnapshotDay(db, MEMBER_COUNTS, assertDay(day));

/** The counts on a day straight from the memberships, in one pass (units: only those). */
function registerCounts(day: string, units?: UnitIds): SQL {
  const only = units ? sql`and m.unit_id = any(${idArray(units)})` : sql``;
  const b = bands(day);
  return sql`select m.unit_id, count(*)::int as members, count(*) filter (where m.gender = 'female')::int as women,
      count(*) filter (where m.gender = 'male')::int as men,
      sum(${b.u30})::int as u30, sum(${b.u40})::int as u40, sum(${b.u50})::int as u50, sum(${b.o50})::int as o50
    from membership m
    where m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date) ${only}
    group by m.unit_id`;
}

/** The day `years` years before d, as the age bands draw it (Feb 29 gives Feb 28). */
const yearsBefore = (d: string, years: number) =>
  sql.raw(`('${assertDay(d)}'::date - interval '${years} years')::date`);

/**
 * A membership's age band on day x as four 0/1 columns (times k): under 30, 30-39, 40-49, 50 and
 * over. A birth date not recorded is in none (members minus the four is "unknown").
 */
function bands(x: string, k = 1) {
  const [t30, t40, t50] = [yearsBefore(x, 30), yearsBefore(x, 40), yearsBefore(x, 50)];
  return {
    u30: sql`case when m.birth_date > ${t30} then ${k}::int else 0 end`,
    u40: sql`case when m.birth_date <= ${t30} and m.birth_date > ${t40} then ${k}::int else 0 end`,
    u50: sql`case when m.birth_date <= ${t40} and m.birth_date > ${t50} then ${k}::int else 0 end`,
    o50: sql`case when m.birth_date <= ${t50} then ${k}::int else 0 end`,
  };
}

const bandColumns = (b: ReturnType<typeof bands>) =>
  sql`${b.u30} as u30, ${b.u40} as u40, ${b.u50} as u50, ${b.o50} as o50`;

function snapshotRows(day: string, units?: UnitIds) {
  const only = units ? sql`and s.unit_id = any(${idArray(units)})` : sql``;
  return sql`select s.unit_id, s.members as n, s.women as w, s.men as mn,
      s.under30 as u30, s.in30s as u40, s.in40s as u50, s.over50 as o50
    from member_count_snapshot s where s.day = ${day}::date ${only}`;
}

/**
 * The memberships that make the counts on `to` differ from those on `from`, as rows (unit_id, n,
 * w, mn, u30, u40, u50, o50) to add. Either day may be the earlier one. With a < b the two days:
 * a membership that started in (a, b] and runs on b is counted on b in its band of b; one that ran
 * on a and ended in (a, b] was counted on a in its band of a; one running on both moves between
 * bands when a birthday takes it past 30, 40 or 50 in (a, b].
 */
function changesBetween(from: string, to: string, units?: UnitIds): SQL {
  const sign = from <= to ? 1 : -1;
  const [a, b] = from <= to ? [from, to] : [to, from];
  const only = units ? sql`and m.unit_id = any(${idArray(units)})` : sql``;
  const w = (k: number) => sql`case when m.gender = 'female' then ${k}::int else 0 end`;
  const mn = (k: number) => sql`case when m.gender = 'male' then ${k}::int else 0 end`;
  const [ba, bb] = [bands(a), bands(b)];
  const moved = (key: keyof ReturnType<typeof bands>) => sql`${sign}::int * (${bb[key]} - ${ba[key]})`;
  const crosses = (years: number) =>
    sql`(m.birth_date > ${yearsBefore(a, years)} and m.birth_date <= ${yearsBefore(b, years)})`;
  return sql`select m.unit_id, ${sign}::int as n, ${w(sign)} as w, ${mn(sign)} as mn, ${bandColumns(bands(b, sign))}
      from membership m
      where m.valid_from > ${a}::date and m.valid_from <= ${b}::date
        and (m.valid_to is null or m.valid_to > ${b}::date) ${only}
    union all
    select m.unit_id, ${-sign}::int, ${w(-sign)}, ${mn(-sign)}, ${bandColumns(bands(a, -sign))}
      from membership m
      where m.valid_to > ${a}::date and m.valid_to <= ${b}::date and m.valid_from <= ${a}::date ${only}
    union all
    select m.unit_id, 0, 0, 0, ${moved('u30')}, ${moved('u40')}, ${moved('u50')}, ${moved('o50')}
      from membership m
      where (${crosses(30)} or ${crosses(40)} or ${crosses(50)})
        and m.valid_from <= ${a}::date and (m.valid_to is null or m.valid_to > ${b}::date) ${only}`;
}

/**
 * Members, women, men and members by age band per CĐCS on day d, as a query to use in a larger
 * one: rows (unit_id, n, women, men, under30, in30s, in40s, over50). With `units`, only those
 * units are read. Call ensureSnapshot first (membersOnDay does).
 */
export function countsOnDay(d: string, units?: UnitIds): SQL {
  const m = snapshotDay(d);
  const body =
    m === d ? snapshotRows(m, units) : sql`${snapshotRows(m, units)} union all ${changesBetween(m, d, units)}`;
  return sql`select unit_id, sum(n)::int as n, sum(w)::int as women, sum(mn)::int as men, sum(u30)::int as under30,
      sum(u40)::int as in30s, sum(u50)::int as in40s, sum(o50)::int as over50
    from (${body}) c group by unit_id`;
}

/**
 * countsOnDay, or the same rows counted from the register when the month's snapshot cannot be made
 * now (a write in flight): never a wait, never a stale count.
 */
export function countsOnDayOrRegister(d: string, snapshotReady: boolean, units?: UnitIds): SQL {
  if (snapshotReady) return countsOnDay(d, units);
  return sql`select unit_id, members as n, women, men, u30 as under30, u40 as in30s, u50 as in40s, o50 as over50
    from (${registerCounts(d, units)}) r`;
}

/** countsOnDay, with its snapshot made sure of first. */
export async function membersOnDay(db: Conn, d: string, units?: UnitIds): Promise<SQL> {
  return countsOnDayOrRegister(d, await ensureSnapshot(db, snapshotDay(d)), units);
}

/**
 * Members, women and men of one unit on one day; on the latest day of a series, members by age
 * band too (under 30, 30-39, 40-49, 50 and over: as countsOnDay).
 */
export type DayCount = {
  day: string;
  unitId: number;
  n: number;
  women: number;
  men: number;
  ages?: [number, number, number, number];
};

/**
 * Members, women and men per CĐCS (only `units`) on each of `days`, and their age bands on the
 * latest of the days, in one query: a day that is a
 * month end reads its snapshot rows and nothing else; another day adds the changes since the month
 * end before it. Snapshots missing are made first, oldest first so each starts from its neighbour;
 * one that cannot be made now (a write in flight) is counted from the register instead.
 */
export async function countsOnDays(db: Conn, days: readonly string[], units: UnitIds): Promise<DayCount[]> {
  const ready = await ensureSnapshots(db, days);
  const plain = days.filter((d) => snapshotDay(d) === d && ready.has(d));
  const others = days.filter((x) => !plain.includes(x));
  const latest = [...days].sort().at(-1) as string;
  const out = await snapshotRowsPacked(db, plain, units, latest);
  if (others.length === 0) return out;
  const res = await run<{
    day: string;
    unit_id: number;
    n: number;
    women: number;
    men: number;
    under30: number;
    in30s: number;
    in40s: number;
    over50: number;
  }>(
    db,
    sql.join(
      others.map(
        (d) => sql`select ${d}::text as day, c.unit_id, c.n, c.women, c.men, c.under30, c."in30s", c."in40s", c.over50
          from (${countsOnDayOrRegister(d, ready.has(snapshotDay(d)), units)}) c`,
      ),
      sql` union all `,
    ),
  );
  for (const r of res.rows)
    out.push({
      day: r.day,
      unitId: Number(r.unit_id),
      n: r.n,
      women: r.women,
      men: r.men,
      ...(r.day === latest ? { ages: [r.under30, r.in30s, r.in40s, r.over50] } : {}),
    });
  return out;
}

/**
 * The snapshot rows of these days for these units, packed into one text value in the database and
 * unpacked here: 70,000 rows (the province's 23 month ends) cost PGlite 330 ms as result rows,
 * about 5 µs each in its driver, and 50 ms as one value; on PostgreSQL 56 ms and 25 ms.
 */
async function snapshotRowsPacked(
  db: Conn,
  days: readonly string[],
  units: UnitIds,
  latest: string,
): Promise<DayCount[]> {
  if (days.length === 0 || units.length === 0) return [];
  // Days as offsets from the earliest, so every packed number is a non-negative integer.
  const base = [...days].sort()[0] as string;
  const res = await run<{ packed: string | null }>(
    db,
    // Age bands on the latest day only (concat_ws leaves out a null): the others do not need them.
    sql`select string_agg(concat_ws(',', s.day - ${base}::date, s.unit_id, s.members, s.women, s.men,
          case when s.day = ${assertDay(latest)}::date then concat_ws(',', s.under30, s.in30s, s.in40s, s.over50) end), ';') as packed
      from member_count_snapshot s where s.day = any(${dayArray(days)}) and s.unit_id = any(${idArray(units)})`,
  );
  const packed = res.rows[0]?.packed;
  if (!packed) return [];
  const first = Date.parse(base);
  const dayOf = new Map<number, string>(days.map((d) => [Math.round((Date.parse(d) - first) / 86_400_000), d]));
  return unpack(packed, (f) => ({
    day: dayOf.get(f[0] as number) as string,
    unitId: f[1] as number,
    n: f[2] as number,
    women: f[3] as number,
    men: f[4] as number,
    ...(f.length === 9 ? { ages: [f[5], f[6], f[7], f[8]] as [number, number, number, number] } : {}),
  }));
}

/**
 * Reads "a,b,c;d,e,f" (non-negative integers) one character at a time: three times as fast as
 * split and Number on 70,000 rows, which took longer than the query.
 */
function unpack<T>(text: string, row: (fields: number[]) => T): T[] {
  const out: T[] = [];
  const fields: number[] = [];
  let v = 0;
  for (let p = 0; p <= text.length; p++) {
    const c = p < text.length ? text.charCodeAt(p) : 59;
    if (c === 44) {
      fields.push(v);
      v = 0;
    } else if (c === 59) {
      fields.push(v);
      out.push(row(fields));
      fields.length = 0;
      v = 0;
    } else v = v * 10 + c - 48;
  }
  return out;
}

const dayArray = (days: readonly string[]) => sql`${`{${days.map(assertDay).join(',')}}`}::date[]`;

/**
 * Makes sure the snapshots that counts on `days` start from are there, oldest first so each is made
 * from its neighbour: the snapshot days that are ready (one that cannot be made now, because a
 * write is in flight, is left out and its days are counted from the register).
 */
export async function ensureSnapshots(db: Conn, days: readonly string[]): Promise<Set<string>> {
  return (await makeSnapshots(db, MEMBER_COUNTS, [...new Set(days.map(snapshotDay))].sort())).ready;
}

/** How many month ends back fillSnapshots keeps ready: the dashboard's 24 months, a plan term's reports. */
export const FILLED_MONTHS = 36;

/** The last `months` month ends before `today` (today itself on a month end), oldest first. */
export function monthEndsBefore(today: string, months: number): string[] {
  const days: string[] = [];
  let day = snapshotDay(today);
  for (let i = 0; i < months; i++) {
    days.unshift(day);
    day = snapshotDay(`${day.slice(0, 8)}01`);
  }
  return days;
}

/**
 * Makes the snapshots of the last `months` month ends before `today` (oldest first, each from its
 * neighbour: a few milliseconds each), so that a count on any day in those years starts from a
 * month end at most a month away instead of a pass over the register on its first asking. Run
 * after the demo seed and in the background when the server starts; a write forgets what it
 * touches and the next count makes it again. One that cannot be made now (a write holds the lock)
 * is left for the next count. Returns how many it made.
 */
export async function fillSnapshots(db: Conn, today: string, months = FILLED_MONTHS): Promise<number> {
  return (await makeSnapshots(db, MEMBER_COUNTS, monthEndsBefore(today, months))).made;
}

/** For tests and benchmarks: forget every snapshot. */
export async function forgetSnapshots(db: Conn) {
  await run(db, sql`delete from member_count_day`);
}
