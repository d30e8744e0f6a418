/** Writes a generated dataset in one transaction, in multi-row INSERTs of about a thousand rows. */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { area, areaSuccession } from '../db/schema/areas.ts';
import { unit, unitVersion } from '../db/schema/units.ts';
import type { Dataset } from './dataset.ts';

const BATCH = 1000;

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

export async function insertDataset(
  database: Database,
  data: Dataset,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = data.areas.length + data.successions.length + data.units.length + data.versions.length;
  let done = 0;
  const insertAll = async <T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await tx.insert(table).values(batch as never);
      done += batch.length;
      onProgress?.(done, total);
    }
  };
  await database.db.transaction(async (tx) => {
    await insertAll(tx, area, data.areas);
    await insertAll(tx, areaSuccession, data.successions);
    // Units before versions: versions point at their unit and their parent unit.
    await insertAll(tx, unit, data.units);
    await insertAll(tx, unitVersion, data.versions);
    // Ids were set explicitly; units created later must not collide with them.
    await tx.execute(sql`select setval(pg_get_serial_sequence('unit', 'id'), (select max(id) from unit))`);
  });
}
