import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

/**
 * The one fixture that gives a fresh, migrated database of either kind:
 * TEST_DATABASE=pglite (default, in memory) or TEST_DATABASE=postgres (a new database on the server
 * at TEST_PG_URL, dropped again on close, so runs leave nothing behind).
 */
export async function createTestDatabase(): Promise<Database> {
  if ((process.env.TEST_DATABASE ?? 'pglite') === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    return database;
  }
  const baseUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  // CI gives each run its own prefix, so that its clean-up never drops another run's databases.
  const prefix = process.env.TEST_DB_PREFIX ?? 'congdoan_test_';
  const name = `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrate(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const again = new pg.Client({ connectionString: baseUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
