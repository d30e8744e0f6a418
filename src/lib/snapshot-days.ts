/**
 * The one way counts are snapshotted on days (member counts, members/snapshots.ts; coverage
 * counts, enterprises/coverage-snapshots.ts): a row in the kind's day table is the only proof that
 * the day's rows are complete and current; writers forget days in triggers under a shared advisory
 * lock, and a snapshot is made alone under the same lock taken exclusively, so it never misses a
 * write that commits meanwhile. Made from the nearest snapshot within NEAR_DAYS when there is one.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Conn, run } from './tx.ts';

/** How far away a computed snapshot may be to start from it rather than from the register. */
export const NEAR_DAYS = 92;

export type SnapshotKind = {
  /** The advisory lock the kind's triggers take shared. */
  lock: number;
  /** Days whose rows are current, and the rows (both keyed by a `day` column). */
  dayTable: 'member_count_day' | 'coverage_day';
  snapshotTable: 'member_count_snapshot' | 'coverage_snapshot';
  /** The rows of `day`, from the snapshot of `from` (within NEAR_DAYS), or from the register. */
  rows: (day: string, from: string | undefined) => SQL;
  /** Stores rows (the query above) as the rows of `day`. */
  store: (tx: Conn, day: string, rows: SQL) => Promise<void>;
  /** Settings for the transaction, before the rows are computed. */
  setup?: SQL[];
};

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;

const isMade = async (db: Conn, kind: SnapshotKind, day: string) =>
  (await run(db, sql`select 1 as one from ${sql.raw(kind.dayTable)} where day = ${day}::date`)).rows.length > 0;

/**
 * Makes sure the snapshot of `day` is there and current; false when it is not and cannot be made
 * now because a write is in flight (a large import holds its lock until it commits): the caller
 * then counts from the register instead of waiting.
 */
export async function ensureSnapshotDay(db: Conn, kind: SnapshotKind, day: string): Promise<boolean> {
  if (await isMade(db, kind, day)) return true;
  return db.transaction(async (tx) => {
    // Alone against writers: none in flight, none starting until this one is stored.
    const lock = await run<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${kind.lock}) as ok`);
    if (!lock.rows[0]?.ok) return false;
    if (await isMade(tx, kind, day)) return true;
    for (const s of kind.setup ?? []) await run(tx, s);
    await run(tx, sql`delete from ${sql.raw(kind.snapshotTable)} where day = ${day}::date`);
    const near = await run<{ day: string }>(
      tx,
      sql`select day::text as day from ${sql.raw(kind.dayTable)}
        where day between ${day}::date - ${NEAR_DAYS}::int and ${day}::date + ${NEAR_DAYS}::int
        order by abs(day - ${day}::date) limit 1`,
    );
    const from = near.rows[0]?.day;
    await kind.store(tx, day, kind.rows(day, from && daysBetween(from, day) <= NEAR_DAYS ? from : undefined));
    await run(tx, sql`insert into ${sql.raw(kind.dayTable)} (day) values (${day}::date)`);
    return true;
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayArray = (days: readonly string[]) => {
  for (const d of days) if (!DAY.test(d)) throw new Error(`not a day: ${d}`);
  return sql`${`{${days.join(',')}}`}::date[]`;
};

/** Makes the missing snapshots of these days, in the order given: which are ready, how many were made. */
export async function makeSnapshots(db: Conn, kind: SnapshotKind, days: readonly string[]) {
  const have = await run<{ day: string }>(
    db,
    sql`select day::text as day from ${sql.raw(kind.dayTable)} where day = any(${dayArray(days)})`,
  );
  const ready = new Set(have.rows.map((r) => r.day));
  let made = 0;
  for (const d of days)
    if (!ready.has(d) && (await ensureSnapshotDay(db, kind, d))) {
      ready.add(d);
      made++;
    }
  return { ready, made };
}
