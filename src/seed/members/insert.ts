/**
 * Bulk writing of the register: ~900,000 rows. Two measured costs dominate on PGlite (see the
 * report in README.md): building a 19,000-parameter statement per batch in drizzle, and keeping the
 * secondary indexes (the trigram index above all) up to date row by row. So each batch travels as
 * one JSON parameter, and the tables' secondary indexes are dropped and rebuilt from their own
 * definitions (pg_indexes), inside the caller's transaction: a failure leaves everything as it was.
 */

import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { run, type Tx } from '../../lib/tx.ts';

type CopyClient = Pick<PGlite, 'query'>;

/**
 * The PGlite transaction behind a drizzle transaction: COPY must run on it, since PGlite has one
 * connection and the outer client would wait for the transaction to end.
 */
export const copyClientOf = (tx: Tx): CopyClient =>
  (tx as unknown as { session: { client: CopyClient } }).session.client;

const BATCH = 1000;

/** A value as a CSV field for COPY: empty (unquoted) is NULL, everything else quoted. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Inserts rows (drizzle's camelCase shape). On PGlite, COPY from an in-memory CSV, 50,000 rows at a
 * time: about 2.5 times faster there than parameterised inserts. On PostgreSQL, JSON batches.
 */
export async function insertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  onBatch: (n: number) => void,
  pglite?: CopyClient,
): Promise<void> {
  const { name } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name] as const);
  const present = columns.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const list = sql.raw(present.map(([, column]) => `"${column}"`).join(', '));
  if (pglite) {
    for (let i = 0; i < rows.length; i += 50 * BATCH) {
      const chunk = rows.slice(i, i + 50 * BATCH) as Record<string, unknown>[];
      const csv = chunk.map((r) => present.map(([key]) => csvField(r[key])).join(',')).join('\n');
      const cols = present.map(([, column]) => `"${column}"`).join(', ');
      await pglite.query(`COPY "${name}" (${cols}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
      onBatch(chunk.length);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of present) out[column] = (r as Record<string, unknown>)[key];
      return out;
    });
    await tx.execute(
      sql`insert into ${sql.identifier(name)} (${list})
          select ${list} from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(batch)}::json)`,
    );
    onBatch(batch.length);
  }
}

/** Runs `load` with the tables' secondary indexes dropped, then recreates them as they were. */
export async function withoutSecondaryIndexes(tx: Tx, tables: string[], load: () => Promise<void>): Promise<void> {
  const indexes = await run<{ indexname: string; indexdef: string }>(
    tx,
    sql`select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = current_schema() and i.tablename in (${sql.join(
          tables.map((t) => sql`${t}`),
          sql`, `,
        )})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
        order by i.tablename, i.indexname`,
  );
  for (const i of indexes.rows) await tx.execute(sql`drop index ${sql.identifier(i.indexname)}`);
  await load();
  for (const i of indexes.rows) await tx.execute(sql.raw(i.indexdef));
}
