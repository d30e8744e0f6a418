import { eq } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { unit } from '../src/db/schema/units.ts';
import { todayVn } from '../src/lib/dates.ts';
import { fullScope } from '../src/lib/scope.ts';
import * as units from '../src/modules/units/service.ts';
import { seedDemo } from '../src/seed/index.ts';
import { fmt, machine, measure, writeSection } from './lib.ts';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withPgDatabase<T>(name: string, fn: (d: Database) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    return await fn(database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const idOf = async (d: Database, code: string) => {
  const rows = await d.db.select({ id: unit.id }).from(unit).where(eq(unit.code, code));
  if (!rows[0]) throw new Error(`no unit ${code}`);
  return rows[0].id;
};

type Row = { engine: string; data: string; what: string; p50: number; p95: number; goal: string };

async function measureTree(d: Database, engine: string, data: string, rootCode: string, goal: string) {
  const rows: Row[] = [];
  const root = await idOf(d, rootCode);
  const today = todayVn();
  for (const [label, day] of [
    ['today', today],
    ['as of 31/12/2023', '2023-12-31'],
  ] as const) {
    const t = await measure(() => units.counts(d.db, fullScope, root, day));
    const c = await units.counts(d.db, fullScope, root, day);
    rows.push({
      engine,
      data,
      what: `units under ${rootCode} per type, ${label} (${c.totalUnder.toLocaleString('en')} units)`,
      p50: t.p50,
      p95: t.p95,
      goal,
    });
  }
  const kids = await measure(() => units.children(d.db, fullScope, root, today));
  rows.push({
    engine,
    data,
    what: `children of ${rootCode}, with their child counts`,
    p50: kids.p50,
    p95: kids.p95,
    goal: '',
  });
  const search = await measure(() =>
    units.search(d.db, fullScope, { q: 'cong doan truong', limit: 50, offset: 0 }, today),
  );
  rows.push({
    engine,
    data,
    what: 'search "cong doan truong" (first 50 + total)',
    p50: search.p50,
    p95: search.p95,
    goal: '',
  });
  return rows;
}

const rows: Row[] = [];
const seedTimes: string[] = [];

{
  const d = await openDatabase({ dataDir: 'memory://' });
  await migrate(d);
  const s = await seedDemo(d, { scale: 'province', members: false });
  seedTimes.push(`PGlite, province: ${s.units} units, ${s.unitVersions} versions seeded in ${s.ms} ms`);
  rows.push(...(await measureTree(d, 'PGlite', 'Nghệ An', '40', 'under 50 ms')));
  await d.close();
}
await withPgDatabase('congdoan_bench_province', async (d) => {
  await migrate(d);
  await seedDemo(d, { scale: 'province', members: false });
  rows.push(...(await measureTree(d, 'PostgreSQL 15', 'Nghệ An', '40', 'under 50 ms')));
});
if (process.env.BENCH_NATIONAL !== '0') {
  await withPgDatabase('congdoan_bench_national', async (d) => {
    await migrate(d);
    const s = await seedDemo(d, { scale: 'national' });
    seedTimes.push(`PostgreSQL, national: ${s.units} units, ${s.unitVersions} versions seeded in ${s.ms} ms`);
    await d.exec('analyze');
    rows.push(...(await measureTree(d, 'PostgreSQL 15', 'national', 'TLD', 'under 500 ms')));
    rows.push(...(await measureTree(d, 'PostgreSQL 15', 'national', '40', 'under 50 ms')).slice(0, 2));
  });
}

writeSection(
  'subtree',
  `## Subtree queries
Command: \`npm run bench -- subtree\` (service functions called in-process, 3 warm-up runs then 30 timed; \`BENCH_NATIONAL=0\` skips the national tree).
Machine: ${machine()}.
Data: ${seedTimes.join('; ')}.

| engine | data | query | p50 ms | p95 ms | goal |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r.engine} | ${r.data} | ${r.what} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.goal} |`).join('\n')}`,
);
