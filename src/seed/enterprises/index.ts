/**
 * The demo enterprise register of Nghệ An (~11,000 enterprises at the province scale) on top of the
 * seeded tree and members: deterministic for a seed, written in one transaction. What it holds is
 * described in README.md beside this file.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  enterprise,
  enterpriseAssignment,
  enterpriseConflict,
  enterpriseFact,
  enterpriseImport,
  industrialZone,
} from '../../db/schema/enterprises.ts';
import { copyClientOf, insertRows, withoutSecondaryIndexes } from '../members/insert.ts';
import { createRandom, deriveSeed } from '../random.ts';
import { buildFacts } from './facts.ts';
import { buildRegister } from './generate.ts';
import { loadContext } from './load.ts';

export type EnterpriseSeedSummary = { enterprises: number; facts: number; conflicts: number; ms: number };

const TABLES = ['enterprise', 'enterprise_assignment', 'enterprise_fact'];

export async function seedDemoEnterprises(
  database: Database,
  opts: { seed?: number; total: number /** Share of the member register seeded (0 when none). */; memberShare: number },
): Promise<EnterpriseSeedSummary> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const ctx = await loadContext(database);
  const register = buildRegister(ctx, createRandom(deriveSeed(seed, 'enterprises:register')), opts);
  const { imports, facts, conflicts } = buildFacts(register.lives, createRandom(deriveSeed(seed, 'enterprises:facts')));
  await database.db.transaction(async (tx) => {
    const copy = database.kind === 'pglite' ? copyClientOf(tx) : undefined;
    if (register.zones.length > 0) await tx.insert(industrialZone).values(register.zones);
    await tx.insert(enterpriseImport).values(imports);
    // On PGlite (where we are superuser) the foreign keys are not checked row by row: the generator
    // satisfies them by construction.
    if (copy) await tx.execute(sql`set local session_replication_role = replica`);
    await withoutSecondaryIndexes(tx, TABLES, async () => {
      const none = () => {};
      await insertRows(tx, enterprise, register.enterprises, none, copy);
      await insertRows(tx, enterpriseAssignment, register.assignments, none, copy);
      await insertRows(tx, enterpriseFact, facts, none, copy);
    });
    if (copy) await tx.execute(sql`set local session_replication_role = origin`);
    for (let i = 0; i < conflicts.length; i += 500)
      await tx.insert(enterpriseConflict).values(conflicts.slice(i, i + 500));
    // PGlite has no autovacuum: without statistics the planner misjudges the register's lists.
    await tx.execute(sql`analyze enterprise, enterprise_assignment, enterprise_fact`);
    // Ids were set explicitly; rows added later by the application must not collide with them.
    for (const table of ['industrial_zone', 'enterprise', 'enterprise_import', 'enterprise_fact'])
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.identifier(table)}), 0) + 1, false)`,
      );
  });
  return {
    enterprises: register.enterprises.length,
    facts: facts.length,
    conflicts: conflicts.length,
    ms: Math.round(performance.now() - started),
  };
}
