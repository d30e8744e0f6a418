/**
 * `npm run bench -- plans`: live progress of the seeded plan (the province and its sub-units, every
 * target measured from the register), the target table, and commendation suggestions, on the
 * Nghệ An demo with the full member register, on PGlite and PostgreSQL. With BENCH_NATIONAL_DB set
 * to a database kept by `BENCH_KEEP=1 npm run bench -- members-national` (11 million members), it
 * also rolls a national plan up over the provinces on PostgreSQL. BENCH_MEMBERS sets the share of
 * the demo register (default 1).
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { plan, target, targetAllocation } from '../src/db/schema/plans.ts';
import { fullScope } from '../src/lib/scope.ts';
import { run } from '../src/lib/tx.ts';
import { commendations } from '../src/modules/plans/commendations.ts';
import { progress } from '../src/modules/plans/progress.ts';
import { selectChildUnits } from '../src/modules/plans/queries.ts';
import { allocationTable } from '../src/modules/plans/service.ts';
import { reportDocument } from '../src/modules/reports/document.ts';
import { reportPdf } from '../src/modules/reports/report-pdf.ts';
import { reportXlsx } from '../src/modules/reports/report-xlsx.ts';
import { detail as reportDetail } from '../src/modules/reports/service.ts';
import { seedDemo } from '../src/seed/index.ts';
import { apportion } from '../src/seed/plans.ts';
import { fmt, machine, measure, PG_URL, withBenchDb, writeSection } from './lib.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1);
const NATIONAL_DB = process.env.BENCH_NATIONAL_DB;
// BENCH_PROVINCE=0 skips the province (and keeps its figures already in docs/performance.md).
const PROVINCE = process.env.BENCH_PROVINCE !== '0';
const caller = { id: null, scope: fullScope };

const rows: string[] = [];
let seeded = '';
for (const engine of PROVINCE ? (['PGlite', 'PostgreSQL'] as const) : []) {
  await withBenchDb(engine, 'congdoan_bench_plans', async (d) => {
    const t0 = performance.now();
    await seedDemo(d, { scale: 'province', members: MEMBERS });
    if (d.kind === 'pglite') await d.exec('vacuum analyze');
    else await d.exec('analyze');
    seeded += `${engine} seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s. `;
    const p = (await run<{ id: number }>(d.db, sql`select id from plan order by id limit 1`)).rows[0]?.id ?? 0;
    const targets = (await run<{ id: number }>(d.db, sql`select id from target where plan_id = ${p} order by id`)).rows;
    const members = (
      await run<{ n: number }>(d.db, sql`select count(*)::int as n from membership where valid_to is null`)
    ).rows[0]?.n;
    const district = (
      await run<{ id: number }>(d.db, sql`select id from unit where code like '40H%' order by code limit 1`)
    ).rows[0]?.id;
    // The province's own 6-month report of 2023 is a seeded draft: its figures are computed when read.
    const report =
      (
        await run<{ id: number }>(
          d.db,
          sql`select r.id from statistical_report r join unit u on u.id = r.unit_id where u.code = '40'`,
        )
      ).rows[0]?.id ?? 0;
    const doc = reportDocument(await reportDetail(d.db, caller, report));
    const cases: [string, () => Promise<unknown>][] = [
      [
        'progress of the province, its 3 targets and 29 sub-units, as of 30/06/2023',
        () => progress(d.db, caller, p, { asOf: '2023-06-30' }),
      ],
      [
        'progress of one district federation as of 30/06/2023',
        () => progress(d.db, caller, p, { asOf: '2023-06-30', unitId: district }),
      ],
      [
        'the province’s target table (new members, by year)',
        () => allocationTable(d.db, caller, targets[1]?.id ?? 0, { granularity: 'year' }),
      ],
      ['commendation suggestions at the plan’s end', () => commendations(d.db, caller, p, '2024-01-15')],
      [
        'the province’s 6-month report of 2023 (draft: figures computed from the register)',
        () => reportDetail(d.db, caller, report),
      ],
      ['the same report as PDF (from its figures)', () => reportPdf(doc)],
      ['the same report as .xlsx (from its figures)', () => reportXlsx(doc)],
    ];
    for (const [label, fn] of cases) {
      const m = await measure(fn, 10, 2);
      rows.push(`| ${engine} | ${label} (${members?.toLocaleString('en')} members) | ${fmt(m.p50)} | ${fmt(m.p95)} |`);
    }
  });
}

let national = '';
if (NATIONAL_DB) {
  const url = new URL(PG_URL);
  url.pathname = `/${NATIONAL_DB}`;
  const d = await openDatabase({ databaseUrl: url.toString() });
  try {
    await migrate(d);
    const root =
      (
        await run<{ id: number }>(
          d.db,
          sql`select id from unit_version where parent_id is null and valid_to is null limit 1`,
        )
      ).rows[0]?.id ?? 0;
    const members =
      (await run<{ n: number }>(d.db, sql`select count(*)::int as n from membership where valid_to is null`)).rows[0]
        ?.n ?? 0;
    const year = new Date().getUTCFullYear();
    const [created] = await d.db
      .insert(plan)
      .values({ unitId: root, name: 'Bench: national plan', startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })
      .returning({ id: plan.id });
    const planId = created?.id as number;
    const ts = await d.db
      .insert(target)
      .values([
        {
          planId,
          measure: 'member_count',
          name: 'Members',
          startsOn: `${year}-01-01`,
          dueOn: `${year}-12-31`,
          goal: Math.round(members * 1.05),
        },
        {
          planId,
          measure: 'new_members',
          name: 'New members',
          startsOn: `${year}-01-01`,
          dueOn: `${year}-12-31`,
          goal: Math.round(members * 0.06),
        },
      ])
      .returning({ id: target.id, goal: target.goal });
    const children = await selectChildUnits(d.db, root, new Date().toISOString().slice(0, 10));
    for (const t of ts)
      await d.db.insert(targetAllocation).values(
        apportion(
          t.goal,
          children.map(() => 1),
        ).map((value, i) => ({ targetId: t.id, unitId: children[i]?.id ?? 0, period: 'all', value })),
      );
    const m = await measure(() => progress(d.db, caller, planId, {}), 10, 2);
    national = `\n\nNational roll-up on PostgreSQL (${NATIONAL_DB}: ${members.toLocaleString('en')} active members, ${children.length} units under the root): progress of a plan with a member-count and a new-members target, the root and every sub-unit: p50 ${fmt(m.p50)} ms, p95 ${fmt(m.p95)} ms (goal under 2 s).`;
    await d.exec(
      `delete from target_allocation where target_id in (select id from target where plan_id = ${planId}); delete from target where plan_id = ${planId}; delete from plan where id = ${planId};`,
    );
  } finally {
    await d.close();
  }
}

if (PROVINCE)
  writeSection(
    'plans',
    `## Plans: live progress, target tables, commendations, periodic reports
Command: \`npm run bench -- plans\` (service functions in-process, warm, p50/p95 over 10 runs). Machine: ${machine()}.
Data: the seeded Nghệ An demo with ${MEMBERS === 1 ? 'the full' : `${MEMBERS} of the`} member register and its real plan (3 targets: members, new members,
coverage). ${seeded}Progress measures every target for the unit and each sub-unit from the register (no stored results).

| engine | query | p50 ms | p95 ms |
|---|---|---|---|
${rows.join('\n')}${national}`,
  );
else if (national) {
  // Only the national line: replace it in the section as it stands.
  const file = new URL('../docs/performance.md', import.meta.url);
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/\n\nNational roll-up on PostgreSQL[^\n]*/, national));
  console.log(national.trim());
}
