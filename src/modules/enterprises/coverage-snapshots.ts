/**
 * Coverage counts per anchor and ownership on any day, read from a snapshot on the last day of the
 * month before plus the enterprises whose facts or placements changed since: one row per anchor
 * instead of the facts of every enterprise (900,000 enterprises and 2.8 million facts nationally).
 * The pattern of the member counts (members/snapshots.ts), on the same month ends.
 *
 * An enterprise's anchor on a day is the unit it is counted under: its CĐCS when that stands on
 * the day, else the upper union assigned to it that day. A unit's coverage on the day is the sum
 * over the anchors standing under it that day, so a snapshot does not depend on the shape of the
 * tree: moving a district does not touch it, founding or dissolving a unit does.
 *
 * What a snapshot of day m says about day d (m < d) is wrong only for enterprises "touched" in
 * (m, d]: a fact starting in it (a fact ends on the day the next one starts: facts.ts rechain), an
 * assignment starting or ending in it, or its CĐCS or assigned upper union starting or ending a
 * version in it. Those are counted again: their rows on m taken away, their rows on d added.
 * Writes that change a past day forget the snapshots from that day on (migration 0020).
 */
import { type SQL, sql } from 'drizzle-orm';
import { ensureSnapshotDay, makeSnapshots, type SnapshotKind } from '../../lib/snapshot-days.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { monthEndsBefore, snapshotDay } from '../members/snapshots.ts';
import { assertDay, onDay } from '../units/queries.ts';
import { factOnDay } from './facts.ts';

/** The plan's threshold: enterprises with this many workers or more must have a CĐCS. */
export const TARGET_WORKFORCE = 25;

/**
 * The operating enterprises (of `only`, a query of ids, or all) on day d with their anchor,
 * ownership, workforce and whether the anchor is their CĐCS. One effective fact of a kind covers a
 * day at most (facts.ts), so each kind is a plain join: no grouping of facts, and the planner hashes
 * every enterprise's facts for all or looks up a few by index.
 */
function placed(d: string, only?: SQL): SQL {
  assertDay(d);
  return sql`select e.ownership, coalesce(g.unit_id, a.upper_union_id) as anchor_id, g.unit_id is not null as has_g,
      w.workforce_total as total
    from ${
      only
        ? // Looked up one by one (limit 1 keeps the planner from hashing every fact for a few ids).
          sql`(${only}) o join lateral (select s.enterprise_id, s.status, s.kind, s.state, s.observed_on, s.valid_to
            from enterprise_fact s where s.enterprise_id = o.id and s.kind = 'status' and ${factOnDay('s', d)} limit 1) s on true`
        : sql`enterprise_fact s`
    }
    join enterprise e on e.id = s.enterprise_id
    left join unit_version g on g.unit_id = e.grassroots_unit_id and ${onDay('g', d)}
    left join ${
      only
        ? sql`lateral (select a.upper_union_id from enterprise_assignment a where a.enterprise_id = e.id and ${onDay('a', d)} limit 1) a on true`
        : sql`enterprise_assignment a on a.enterprise_id = e.id and ${onDay('a', d)}`
    }
    left join enterprise_fact w on w.enterprise_id = e.id and w.kind = 'workforce' and ${factOnDay('w', d)}
    where s.kind = 'status' and s.status = 'operating' and ${factOnDay('s', d)}
      and (g.unit_id is not null or a.upper_union_id is not null)`;
}

/** Placed rows added up per anchor and ownership, times sign (1 to add, -1 to take away). */
function tally(rows: SQL, sign: 1 | -1): SQL {
  const t = TARGET_WORKFORCE;
  return sql.join(
    [
      sql`select anchor_id, ownership, ${sql.raw(String(sign))} * count(*)::int as operating,`,
      sql.raw(`${sign} * count(*) filter (where total >= ${t})::int as target,
        ${sign} * count(*) filter (where total >= ${t} and has_g)::int as covered,
        ${sign} * coalesce(sum(total) filter (where total >= ${t}), 0)::int as workers_in_target,
        ${sign} * coalesce(sum(total) filter (where total >= ${t} and has_g), 0)::int as workers_in_covered`),
      sql`from (${rows}) p group by anchor_id, ownership`,
    ],
    sql` `,
  );
}

/**
 * The enterprises whose rows may differ between days a and b (either order): see the module's
 * comment. A fact's end is the next fact's start, so facts are found by their start alone.
 */
function touched(a: string, b: string): SQL {
  const [lo, hi] = a <= b ? [assertDay(a), assertDay(b)] : [assertDay(b), assertDay(a)];
  const within = (col: string) => sql.raw(`(${col} > '${lo}'::date and ${col} <= '${hi}'::date)`);
  return sql`with moved as (select distinct v.unit_id from unit_version v
        where ${within('v.valid_from')} or ${within('v.valid_to')})
    select f.enterprise_id as id from enterprise_fact f where f.state = 'effective' and ${within('f.observed_on')}
    union select a.enterprise_id from enterprise_assignment a where ${within('a.valid_from')} or ${within('a.valid_to')}
    union select e.id from enterprise e join moved on moved.unit_id = e.grassroots_unit_id
    union select a.enterprise_id from enterprise_assignment a join moved on moved.unit_id = a.upper_union_id
      where a.valid_from <= ${hi}::date and (a.valid_to is null or a.valid_to > ${lo}::date)`;
}

const snapshotRows = (day: string) =>
  sql`select anchor_id, ownership, operating, target, covered, workers_in_target, workers_in_covered
    from coverage_snapshot where day = ${assertDay(day)}::date`;

/** The counts on `to` from the snapshot of `from`: its rows, less the touched on `from`, plus them on `to`. */
function fromSnapshot(from: string, to: string): SQL {
  return sql`with t as materialized (${touched(from, to)})
    select anchor_id, ownership, sum(operating)::int as operating, sum(target)::int as target,
      sum(covered)::int as covered, sum(workers_in_target)::int as workers_in_target,
      sum(workers_in_covered)::int as workers_in_covered
    from (${snapshotRows(from)}
      union all ${tally(placed(from, sql`select id from t`), -1)}
      union all ${tally(placed(to, sql`select id from t`), 1)}) c
    group by anchor_id, ownership having sum(operating) <> 0`;
}

/** Coverage counts per anchor and ownership (migration 0020's triggers forget them). */
const COVERAGE_COUNTS: SnapshotKind = {
  lock: 4042002,
  dayTable: 'coverage_day',
  snapshotTable: 'coverage_snapshot',
  rows: (day, from) => (from ? fromSnapshot(from, day) : tally(placed(day), 1)),
  // Through a temporary table: PostgreSQL runs a CREATE TABLE AS in parallel, an INSERT ... SELECT
  // on one process (2.2 s against 5 s nationally).
  store: async (tx, day, rows) => {
    await run(tx, sql`create temporary table coverage_new on commit drop as ${rows}`);
    await run(
      tx,
      sql`insert into coverage_snapshot (day, anchor_id, ownership, operating, target, covered, workers_in_target, workers_in_covered)
        select ${day}::date, anchor_id, ownership, operating, target, covered, workers_in_target, workers_in_covered
        from coverage_new where operating <> 0`,
    );
  },
  // One large statement, run once: no JIT start-up, room to hash without spilling.
  setup: [sql`set local jit = off`, sql`set local work_mem = '64MB'`],
};

/**
 * Makes sure the snapshot of `day` (a month's last day, or a day with many changes since the
 * month's: coverageOnDay) is there and current; false when it is not and cannot be made now
 * because a write is in flight (the caller then counts every fact).
 */
export const ensureCoverageSnapshot = (db: Conn, day: string) => ensureSnapshotDay(db, COVERAGE_COUNTS, assertDay(day));

/**
 * Above this many facts starting between the snapshot and the day asked for (an extract imported
 * as of a mid-month day), the day gets a snapshot of its own: counting 90,000 enterprises again
 * takes seconds nationally, every time the day is asked for.
 */
const OWN_SNAPSHOT_FACTS = 5000;

/**
 * Coverage counts per anchor and ownership on day d, as a query to use in a larger one: rows
 * (anchor_id, ownership, operating, target, covered, workers_in_target, workers_in_covered), anchors
 * of every unit (the caller keeps those standing under its unit on d). From the month's snapshot
 * (made first when missing) or a later one of the same month up to d, or from every fact when it
 * cannot be made now.
 */
export async function coverageOnDay(db: Conn, d: string, ownAbove = OWN_SNAPSHOT_FACTS): Promise<SQL> {
  const m = snapshotDay(assertDay(d));
  if (!(await ensureCoverageSnapshot(db, m))) return tally(placed(d), 1);
  if (m === d) return snapshotRows(m);
  const latest = await run<{ day: string; facts: number }>(
    db,
    sql`select b.day::text as day, (select count(*)::int from enterprise_fact f
          where f.state = 'effective' and f.observed_on > b.day and f.observed_on <= ${d}::date) as facts
        from (select max(day) as day from coverage_day where day between ${m}::date and ${d}::date) b`,
  );
  const base = latest.rows[0]?.day ?? m;
  if (base === d) return snapshotRows(d);
  if ((latest.rows[0]?.facts ?? 0) >= ownAbove && (await ensureCoverageSnapshot(db, d))) return snapshotRows(d);
  return fromSnapshot(base, d);
}

/**
 * Makes the coverage snapshots of the last `months` month ends before `today`, oldest first so each
 * is made from its neighbour; run with the member snapshots after the demo seed and when the
 * server starts. Returns how many it made.
 */
export async function fillCoverageSnapshots(db: Conn, today: string, months: number): Promise<number> {
  return (await makeSnapshots(db, COVERAGE_COUNTS, monthEndsBefore(today, months))).made;
}

/** For tests and benchmarks: forget every coverage snapshot. */
export async function forgetCoverageSnapshots(db: Conn) {
  await run(db, sql`delete from coverage_day`);
}
