import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** A transaction handle: it has the same query API as the database handle. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction, for queries that run in both. */
export type Conn = Db | Tx;

/** Runs a raw SQL query and returns its rows typed as T (both drivers return { rows }). */
export async function run<T>(db: Conn, query: SQL): Promise<{ rows: T[] }> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result;
}
