import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { todayVn } from '../lib/dates.ts';
import { run } from '../lib/tx.ts';
import { fillCoverageSnapshots } from '../modules/enterprises/coverage-snapshots.ts';
import { FILLED_MONTHS, fillSnapshots } from '../modules/members/snapshots.ts';
import { seedDemoAnnouncements } from './announcements.ts';
import { type SeedScale, seedDemoTree } from './demo.ts';
import { seedDemoDrives } from './drives.ts';
import { seedDemoEnterprises } from './enterprises/index.ts';
import { seedDemoFeedback } from './feedback.ts';
import { seedDemoMembers } from './members/index.ts';
import { seedDemoPlans } from './plans.ts';
import { seedDemoReports } from './reports.ts';
import { seedDemoUsers } from './users.ts';

/** True when the database has no units yet: a new installation. */
export async function isEmpty(database: Database) {
  const res = await run<{ n: number }>(database.db, sql`select count(*)::int as n from unit`);
  return (res.rows[0]?.n ?? 0) === 0;
}

/** Loads the demo dataset (tree, areas, log-ins) into an empty database. */
export async function seedDemo(
  database: Database,
  opts: {
    scale: SeedScale;
    /** Share of the ~170,000-member register to generate (1 = all), or false for none. */
    members?: number | false;
    onProgress?: (done: number, total: number) => void;
  },
) {
  const summary = await seedDemoTree(database, opts);
  // The national tree is for benchmarks of the tree; its members would be 11 million rows.
  if (opts.scale !== 'national' && opts.members !== false)
    await seedDemoMembers(database, {
      scale: opts.members ?? 1,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  // Enterprises read the members back (a CĐCS's workforce is sized from its members).
  if (opts.scale !== 'national')
    await seedDemoEnterprises(database, {
      total: opts.scale === 'tiny' ? 150 : 11_000,
      memberShare: opts.members === false ? 0 : (opts.members ?? 1),
    });
  // Drives need enterprises without a CĐCS; recognising a few admits founders, so members too.
  if (opts.scale !== 'national' && opts.members !== false) await seedDemoDrives(database);
  // The plan's table is split in proportion to members, so it follows them.
  if (opts.scale !== 'national') await seedDemoPlans(database, typeof opts.members === 'number' ? opts.members : 1);
  // Reports read the register when submitted: after members, enterprises and drives.
  if (opts.scale !== 'national' && opts.members !== false) await seedDemoReports(database);
  if (opts.scale !== 'national' && opts.members !== false) await seedDemoFeedback(database);
  if (opts.scale !== 'national' && opts.members !== false) await seedDemoAnnouncements(database);
  // Member counts of the last three years' month ends, ready before anyone asks (members/snapshots.ts),
  // and coverage counts on the same days (enterprises/coverage-snapshots.ts).
  if (opts.scale !== 'national' && opts.members !== false) await fillSnapshots(database.db, todayVn());
  if (opts.scale !== 'national') await fillCoverageSnapshots(database.db, todayVn(), FILLED_MONTHS);
  await seedDemoUsers(database.db);
  await database.db.execute(
    sql`insert into system_setting (key, value) values ('demo_dataset', ${opts.scale})
        on conflict (key) do update set value = excluded.value, updated_at = now()`,
  );
  return summary;
}
