import { loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

/** Opens the configured database, migrated, runs fn, and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Prints a failure for a person (no stack trace) and sets the exit code. */
export function fail(message: string): void {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exitCode = 1;
}
