import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as applications from './schema/applications.ts';
import * as areas from './schema/areas.ts';
import * as audit from './schema/audit.ts';
import * as auth from './schema/auth.ts';
import * as members from './schema/members.ts';
import * as meta from './schema/meta.ts';
import * as privacy from './schema/privacy.ts';
import * as units from './schema/units.ts';

// The whole schema, for drizzle's relational queries; each file is one capability.
const schema = { ...applications, ...areas, ...audit, ...auth, ...members, ...meta, ...privacy, ...units };

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgresql';

export type Database = {
  db: Db;
  kind: DbKind;
  /** Runs plain SQL (several statements allowed) — for migrations' helpers, seeding and tests. */
  exec: (sqlText: string) => Promise<void>;
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** postgres:// URL; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
};

// PGlite ships these extensions as modules; PostgreSQL has them in contrib.
const pgliteExtensions = { ltree, pg_trgm, unaccent, btree_gist };

// Dates stay 'YYYY-MM-DD' strings, as PGlite returns them: a founding date has no time zone.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint ids and counts fit in a JS number at any size this system meets.
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, an administrator's terminate) is an 'error'
    // event on the pool; unheard, it would end the process. The pool drops that client and opens
    // a new one on the next query, so noting it is enough.
    pool.on('error', (err) => {
      console.error(`PostgreSQL: an idle connection was closed by the server: ${err.message}`);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgresql',
      exec: async (text) => {
        await pool.query(text);
      },
      close: () => pool.end(),
    };
  }
  const dataDir = opts.dataDir ?? './data';
  let target = dataDir;
  if (!dataDir.startsWith('memory://')) {
    target = path.join(dataDir, 'pglite');
    if (!fs.existsSync(target)) await initDataDir(target);
  }
  const client = await PGlite.create(target, { extensions: pgliteExtensions });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

/**
 * Creates a new PGlite data directory beside the target and renames it into place once complete, so
 * a start that is killed half-way through creating it leaves no broken directory behind.
 */
async function initDataDir(target: string) {
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const client = await PGlite.create(partial, { extensions: pgliteExtensions });
  await client.close();
  fs.renameSync(partial, target);
}
