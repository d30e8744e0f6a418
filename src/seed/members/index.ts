/**
 * The demo member register of Nghệ An (~170,000 members at scale 1) on top of the seeded unit
 * tree: persons, memberships, membership events and member cards, deterministic for a seed and
 * written in one transaction. What is deliberately wrong in it is listed in README.md.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { memberCard, membership, membershipEvent, person } from '../../db/schema/members.ts';
import { DEMO_TODAY } from '../dates.ts';
import { createRandom, deriveSeed } from '../random.ts';
import { buildRegister } from './generate.ts';
import { copyClientOf, insertRows, withoutSecondaryIndexes } from './insert.ts';
import { plantProblems } from './problems.ts';
import { cardRows, eventRows, membershipRows, numberPeriods } from './records.ts';
import { loadMemberUnits } from './units.ts';

export type MemberSeedSummary = { persons: number; memberships: number; events: number; cards: number; ms: number };

// person_name_word is filled by person's triggers; its index too is rebuilt once at the end.
const TABLES = ['person', 'membership', 'membership_event', 'member_card', 'person_name_word'];
const ID_TABLES = ['person', 'membership', 'membership_event', 'member_card'];

export async function seedDemoMembers(
  database: Database,
  opts: { seed?: number; scale?: number; onProgress?: (done: number, total: number) => void },
): Promise<MemberSeedSummary> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const units = await loadMemberUnits(database);
  const register = buildRegister(units, { seed, scale: opts.scale ?? 1, today: DEMO_TODAY });
  plantProblems(register, createRandom(deriveSeed(seed, 'members:problems')));
  const periods = numberPeriods(register.periods);
  const memberships = membershipRows(periods, register.persons);
  const events = eventRows(periods);
  const cards = cardRows(periods, register.units, createRandom(deriveSeed(seed, 'members:cards')), DEMO_TODAY);

  const total = register.persons.length + memberships.length + events.length + cards.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };
  await database.db.transaction(async (tx) => {
    const copy = database.kind === 'pglite' ? copyClientOf(tx) : undefined;
    await withoutSecondaryIndexes(tx, TABLES, async () => {
      await insertRows(tx, person, register.persons, progress, copy);
      await insertRows(tx, membership, memberships, progress, copy);
      await insertRows(tx, membershipEvent, events, progress, copy);
      await insertRows(tx, memberCard, cards, progress, copy);
    });
    // Ids were set explicitly; rows added later by the application must not collide with them.
    for (const table of ID_TABLES) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.identifier(table)}), 0) + 1, false)`,
      );
    }
  });
  // Search picks its plan from statistics and walks index-only where the visibility map allows:
  // PGlite has no autovacuum to do either.
  await database.exec(`vacuum (analyze) ${TABLES.join(', ')}`);
  return {
    persons: register.persons.length,
    memberships: memberships.length,
    events: events.length,
    cards: cards.length,
    ms: Math.round(performance.now() - started),
  };
}
