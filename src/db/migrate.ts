import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../lib/paths.ts';
import { run } from '../lib/tx.ts';
import type { Database } from './client.ts';

/** Applies every committed migration not yet applied; safe to run at each start. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder };
  if (database.kind === 'pglite') await migratePglite(database.db as never, config);
  else await migratePg(database.db as never, config);
}

/** The number of migrations applied: the schema version that /health reports. */
export async function schemaVersion(database: Database): Promise<number> {
  const result = await run<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(result.rows[0]?.n ?? 0);
}
