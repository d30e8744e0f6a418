/**
 * `npm run bench -- dashboard`: the province dashboard (GET /api/v1/dashboard's service function)
 * on the seeded Nghệ An demo with the full member register (~170,000 members), on PGlite and on
 * PostgreSQL; warm p50/p95, and each of its queries alone to show where the time goes.
 * BENCH_MEMBERS sets the share of the register (default 1).
 */
import { sql } from 'drizzle-orm';
import { fullScope } from '../src/lib/scope.ts';
import { run } from '../src/lib/tx.ts';
import * as q from '../src/modules/dashboard/queries.ts';
import { dashboard, seriesDays } from '../src/modules/dashboard/service.ts';
import { countsOnDays } from '../src/modules/members/snapshots.ts';
import { coverageRate, newGrassrootsUnions, newMembers } from '../src/modules/plans/measures.ts';
import { DEMO_TODAY } from '../src/seed/dates.ts';
import { seedDemo } from '../src/seed/index.ts';
import { fmt, machine, measure, withBenchDb, writeSection } from './lib.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1);
const RUNS = 20;
const caller = { scope: fullScope };

const rows: string[] = [];
const parts: string[] = [];
const notes: string[] = [];

async function bench(engine: 'PGlite' | 'PostgreSQL') {
  await withBenchDb(engine, `congdoan_bench_dashboard_${process.pid}`, async (d) => {
    const t0 = performance.now();
    await seedDemo(d, { scale: 'province', members: MEMBERS });
    const id = async (code: string) =>
      (await run<{ id: number }>(d.db, sql`select id from unit where code = ${code}`)).rows[0]?.id ?? 0;
    const prov = await id('40');
    const dienChau = await id('40H426');
    const first = await dashboard(d.db, caller, { unitId: prov, asOf: DEMO_TODAY });
    notes.push(
      `${engine}: Nghệ An demo seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s (${first.kpis.members.toLocaleString('en')} members on ${DEMO_TODAY}, ${first.kpis.grassroots.toLocaleString('en')} CĐCS, ${first.ranking.length} direct sub-units)`,
    );
    const cases: [string, () => Promise<unknown>, string][] = [
      [
        `province dashboard, ${DEMO_TODAY}`,
        () => dashboard(d.db, caller, { unitId: prov, asOf: DEMO_TODAY }),
        'under 300 ms',
      ],
      [
        'province dashboard, 31/12/2023',
        () => dashboard(d.db, caller, { unitId: prov, asOf: '2023-12-31' }),
        'under 300 ms',
      ],
      [
        'one district federation, 30/06/2025',
        () => dashboard(d.db, caller, { unitId: dienChau, asOf: '2025-06-30' }),
        '',
      ],
    ];
    for (const [what, fn, goal] of cases) {
      const t = await measure(fn, RUNS);
      rows.push(`| ${engine} | ${what} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${goal} |`);
    }
    // Each query of the province dashboard alone (on PostgreSQL the dashboard runs them side by side).
    const path =
      (
        await run<{ path: string }>(
          d.db,
          sql`select path::text as path from unit_version where unit_id = ${prov} and valid_to is null`,
        )
      ).rows[0]?.path ?? '';
    const days = seriesDays(DEMO_TODAY);
    const alone: [string, () => Promise<unknown>][] = [
      [
        'members and their ages at the 24 points (month snapshots)',
        async () =>
          countsOnDays(d.db, days, [
            ...new Set((await q.selectVersions(d.db, prov, days[0] as string, DEMO_TODAY)).map((v) => v.unitId)),
          ]),
      ],
      ['new members (measures)', () => newMembers(d.db, prov, { from: '2025-01-01', to: DEMO_TODAY })],
      ['new CĐCS (measures)', () => newGrassrootsUnions(d.db, prov, { from: '2025-01-01', to: DEMO_TODAY })],
      ['coverage per sub-unit (measures)', () => coverageRate(d.db, prov, DEMO_TODAY)],
      [
        'units and versions',
        () =>
          Promise.all([
            q.selectUnits(d.db, path, DEMO_TODAY),
            q.selectVersions(d.db, prov, days[0] as string, DEMO_TODAY),
          ]),
      ],
    ];
    const line: string[] = [];
    for (const [what, fn] of alone) line.push(`${what} ${fmt((await measure(fn, 10, 2)).p50)}`);
    parts.push(`${engine}: ${line.join('; ')}`);
  });
}

await bench('PGlite');
await bench('PostgreSQL');

writeSection(
  'dashboard',
  `## Dashboard
Command: \`npm run bench -- dashboard\` (the service behind \`GET /api/v1/dashboard\`, in-process, warm: 3 warm-up runs,
then p50/p95 over ${RUNS}). Machine: ${machine()}.
Data: ${notes.join('; ')}.

| engine | query | p50 ms | p95 ms | goal |
|---|---|---|---|---|
${rows.join('\n')}

p50 of each query of the province dashboard alone (ms): ${parts.join('. ')}.`,
);
