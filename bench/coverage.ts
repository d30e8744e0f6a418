/**
 * `npm run bench -- coverage`: union coverage of enterprises (province on PGlite and PostgreSQL,
 * the whole country with ~900,000 enterprises on PostgreSQL) and the import of 100,000-row register
 * extracts. BENCH_NATIONAL=0 skips the national run, BENCH_PROVINCE=0 the province's; BENCH_MEMBERS sets the share of the member
 * register seeded under the province (default 1: ~170,000 members, what density reads).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { excel } from '../src/lib/exceljs.ts';
import { fullScope } from '../src/lib/scope.ts';
import { run } from '../src/lib/tx.ts';
import { gaps, summary } from '../src/modules/enterprises/coverage.ts';
import { byChild } from '../src/modules/enterprises/coverage-breakdown.ts';
import { importExtract } from '../src/modules/enterprises/import.ts';
import { list } from '../src/modules/enterprises/service.ts';
import { taxCode } from '../src/modules/enterprises/test-helpers.ts';
import { DEMO_TODAY } from '../src/seed/dates.ts';
import { seedDemo } from '../src/seed/index.ts';
import { fmt, machine, measure, withBenchDb, writeSection } from './lib.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1);
const dir = path.resolve(import.meta.dirname, '../.tmp/bench');
const caller = { scope: fullScope };
const actor = { id: null, name: 'bench' };
const ROWS = 100_000;

const idOf = async (d: Database, code: string) =>
  (await run<{ id: number }>(d.db, sql`select id from unit where code = ${code}`)).rows[0]?.id ?? 0;

/** A DPI extract and a BHXH extract of the same n enterprises, placed in Nghệ An's communes. */
async function writeExtracts(d: Database) {
  const dpi = path.join(dir, `dpi-${ROWS}.xlsx`);
  const bhxh = path.join(dir, `bhxh-${ROWS}.csv`);
  if (fs.existsSync(dpi) && fs.existsSync(bhxh)) return { dpi, bhxh };
  const places = (
    await run<{ commune: string; district: string }>(
      d.db,
      sql`select c.name as commune, p.name as district from area c join area p on p.code = c.parent_code
          where c.level = 'commune' and p.level = 'district' order by c.code`,
    )
  ).rows;
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: dpi });
  const ws = wb.addWorksheet('DN');
  ws.addRow(['SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH NGHỆ AN']).commit();
  ws.addRow(['DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ']).commit();
  ws.addRow([
    'STT',
    'Mã số doanh nghiệp',
    'Tên doanh nghiệp',
    'Loại hình doanh nghiệp',
    'Ngày thành lập',
    'Địa chỉ trụ sở chính',
    'Ngành nghề kinh doanh chính',
    'Tình trạng hoạt động',
  ]).commit();
  const lines = ['\ufeffSTT;Mã số thuế;Tên đơn vị;Số lao động;Lao động nữ'];
  for (let i = 0; i < ROWS; i++) {
    const code = taxCode(5_000_000 + i * 2);
    const p = places[i % places.length] as { commune: string; district: string };
    const name = `Công ty TNHH Thương mại và Dịch vụ Mẫu số ${i + 1}`;
    ws.addRow([
      i + 1,
      code,
      name,
      'Công ty TNHH',
      `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/20${String(10 + (i % 15))}`,
      `Số ${i % 200}, ${p.commune}, ${p.district}, tỉnh Nghệ An`,
      '4690 - Bán buôn tổng hợp',
      i % 50 === 0 ? 'Tạm ngừng kinh doanh' : 'Đang hoạt động',
    ]).commit();
    const total = 1 + ((i * 37) % 300);
    lines.push(`${i + 1};${code};${name};${total};${Math.floor(total / 3)}`);
  }
  await ws.commit();
  await wb.commit();
  fs.writeFileSync(bhxh, `${lines.join('\r\n')}\r\n`);
  return { dpi, bhxh };
}

async function peak<T>(fn: () => Promise<T>) {
  const base = process.memoryUsage().heapUsed;
  let top = base;
  const timer = setInterval(() => {
    top = Math.max(top, process.memoryUsage().heapUsed);
  }, 50);
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, s: (performance.now() - t0) / 1000, mb: (top - base) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const queryRows: string[] = [];
const importRows: string[] = [];
const notes: string[] = [];

async function province(engine: 'PGlite' | 'PostgreSQL') {
  await withBenchDb(engine, 'congdoan_bench_coverage', async (d) => {
    const t0 = performance.now();
    await seedDemo(d, { scale: 'province', members: MEMBERS });
    notes.push(
      `${engine}: Nghệ An demo (11,000 enterprises, members share ${MEMBERS}) seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const prov = await idOf(d, '40');
    const dienChau = await idOf(d, '40H426');
    const c = await summary(d.db, caller, prov, DEMO_TODAY);
    const cases: [string, () => Promise<unknown>, string][] = [
      [
        `province coverage today (${c.target.toLocaleString('en')} target enterprises, rate ${((c.rate ?? 0) * 100).toFixed(1)}%, density ${((c.density ?? 0) * 100).toFixed(1)}%)`,
        () => summary(d.db, caller, prov, DEMO_TODAY),
        'under 200 ms',
      ],
      ['province coverage as of 31/12/2023', () => summary(d.db, caller, prov, '2023-12-31'), 'under 200 ms'],
      ['one district federation as of 30/06/2025', () => summary(d.db, caller, dienChau, '2025-06-30'), ''],
      [
        'province gap list, first page of 50 (ranked)',
        () => gaps(d.db, caller, { unitId: prov, asOf: DEMO_TODAY, limit: 50 }),
        '',
      ],
      ['register list, first page of 50, 25+ workers', () => list(d.db, caller, { minWorkforce: 25, limit: 50 }), ''],
    ];
    for (const [what, fn, goal] of cases) {
      const t = await measure(fn, 20);
      queryRows.push(`| ${engine} | Nghệ An | ${what} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${goal} |`);
    }
    const files = await writeExtracts(d);
    const go = (file: string, source: 'dpi' | 'bhxh', asOf: string) =>
      peak(() =>
        importExtract(d.db, caller, actor, {
          data: file,
          fileName: path.basename(file),
          source,
          asOf,
          take: 'all',
          dryRun: false,
        }),
      );
    for (const [what, file, source, asOf] of [
      ['DPI .xlsx, all new enterprises', files.dpi, 'dpi', '2025-10-31'],
      ['BHXH .csv, a workforce count for each', files.bhxh, 'bhxh', '2025-10-31'],
      ['the same BHXH .csv again (changes nothing)', files.bhxh, 'bhxh', '2025-10-31'],
    ] as const) {
      const r = await go(file, source, asOf);
      if (!r.result.committed) throw new Error(`import refused: ${JSON.stringify(r.result.counts)}`);
      const size = (fs.statSync(file).size / 2 ** 20).toFixed(1);
      importRows.push(
        `| ${engine} | ${what} (${ROWS.toLocaleString('en')} rows, ${size} MB) | ${r.s.toFixed(1)} s | ${r.mb.toFixed(0)} MB | ${JSON.stringify(r.result.counts)} | under 15 s |`,
      );
    }
    const t = await measure(() => summary(d.db, caller, prov, DEMO_TODAY), 10);
    const after = await summary(d.db, caller, prov, DEMO_TODAY);
    queryRows.push(
      `| ${engine} | Nghệ An + 100,000 imported | province coverage today (${after.target.toLocaleString('en')} target enterprises) | ${fmt(t.p50)} | ${fmt(t.p95)} | |`,
    );
  });
}

/** ~900,000 enterprises over the national tree, written by SQL on the server (bench data only). */
async function national() {
  await withBenchDb('PostgreSQL', 'congdoan_bench_coverage_national', async (d) => {
    const t0 = performance.now();
    await seedDemo(d, { scale: 'national', members: false });
    await d.exec(`
      select setseed(0.42);
      create temp table uppers as
        select row_number() over (order by v.unit_id) as n, v.unit_id from unit_version v join unit_type t on t.code = v.type
        where v.valid_to is null and not t.is_grassroots and v.type not in ('confederation', 'union_section', 'union_team');
      create temp table cdcs as
        select row_number() over (order by v.unit_id) as n, v.unit_id from unit_version v
        where v.valid_to is null and v.type = 'grassroots_union' and v.name like 'Công đoàn Công ty%';
      insert into enterprise (id, tax_code, name, name_folded, sort_key, ownership, started_on, grassroots_unit_id)
        select i, '98' || lpad(i::text, 8, '0'), 'Doanh nghiệp mẫu ' || i, 'doanh nghiep mau ' || i, 'doanh nghiep mau ' || lpad(i::text, 7, '0'),
          case when random() < 0.03 then 'foreign_invested' when random() < 0.05 then 'cooperative' else 'non_state' end,
          date '1995-01-01' + (random() * 10500)::int, c.unit_id
        from generate_series(1, 900000) i left join cdcs c on c.n = i;
      insert into enterprise_assignment (enterprise_id, upper_union_id, valid_from)
        select e.id, u.unit_id, '1900-01-01' from enterprise e join uppers u on u.n = 1 + (e.id * 7919) % (select count(*) from uppers);
      insert into enterprise_fact (enterprise_id, kind, observed_on, valid_to, status, source)
        select id, 'status', started_on, case when id % 10 = 0 then date '2024-06-01' end, 'operating', 'dpi' from enterprise;
      insert into enterprise_fact (enterprise_id, kind, observed_on, status, source)
        select id, 'status', '2024-06-01', 'closed', 'dpi' from enterprise where id % 10 = 0;
      insert into enterprise_fact (enterprise_id, kind, observed_on, valid_to, workforce_total, workforce_women, source)
        select id, 'workforce', '2023-12-31', '2025-06-30', w, w / 3, 'bhxh' from (select id, floor(exp(random() * 7))::int as w from enterprise) x;
      insert into enterprise_fact (enterprise_id, kind, observed_on, workforce_total, workforce_women, source)
        select id, 'workforce', '2025-06-30', w, w / 3, 'bhxh' from (select id, floor(exp(random() * 7.2))::int as w from enterprise) x;
      analyze;`);
    const n = (await run<{ n: number }>(d.db, sql`select count(*)::int as n from enterprise`)).rows[0]?.n ?? 0;
    notes.push(
      `PostgreSQL national: ${n.toLocaleString('en')} enterprises (${(await run<{ n: number }>(d.db, sql`select count(*)::int as n from enterprise_fact`)).rows[0]?.n.toLocaleString('en')} facts) over the national tree, made in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const root = await idOf(d, 'TLD');
    const nghean = await idOf(d, '40');
    // The first question in a month with no snapshot near counts every fact once (then stored).
    const t1 = performance.now();
    const c = await summary(d.db, caller, root, DEMO_TODAY);
    notes.push(
      `the first national question of a month with no snapshot near (all 2.8 million facts counted, the month end's snapshot stored): ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
    for (const [what, fn, goal] of [
      [
        `national coverage today (${c.target.toLocaleString('en')} target enterprises)`,
        () => summary(d.db, caller, root, DEMO_TODAY),
        'under 2 s',
      ],
      [
        'national coverage on 26/11/2025 (the month end before, plus the changes since)',
        () => summary(d.db, caller, root, '2025-11-26'),
        'under 2 s',
      ],
      ['national coverage as of 31/12/2023', () => summary(d.db, caller, root, '2023-12-31'), 'under 2 s'],
      [
        'national coverage on 15/06/2024, two weeks after 90,000 closures (a snapshot of its own)',
        () => summary(d.db, caller, root, '2024-06-15'),
        'under 2 s',
      ],
      [
        'one province (40) today, on the national data',
        () => summary(d.db, caller, nghean, DEMO_TODAY),
        'under 200 ms',
      ],
      [
        'coverage of the provinces (per direct sub-unit of the root)',
        () => byChild(d.db, caller, root, DEMO_TODAY),
        '',
      ],
      [
        'national gap list, first page of 50',
        () => gaps(d.db, caller, { unitId: root, asOf: DEMO_TODAY, limit: 50 }),
        '',
      ],
    ] as const) {
      const t = await measure(fn as () => Promise<unknown>, 5, 1);
      queryRows.push(`| PostgreSQL | national | ${what} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${goal} |`);
    }
  });
}

fs.mkdirSync(dir, { recursive: true });
if (process.env.BENCH_PROVINCE !== '0') {
  await province('PGlite');
  await province('PostgreSQL');
}
if (process.env.BENCH_NATIONAL !== '0') await national();

writeSection(
  'coverage',
  `## Enterprise coverage and register imports
Command: \`npm run bench -- coverage\` (service functions in-process; queries warm, p50/p95 over 20 runs, 5 for national;
\`BENCH_NATIONAL=0\` skips the national data). Machine: ${machine()}.
Data: ${notes.join('; ')}.

| engine | data | query | p50 ms | p95 ms | goal |
|---|---|---|---|---|---|
${queryRows.join('\n')}

Import of generated extracts through \`importExtract\` (what the API and \`congdoan import enterprises\` run), streamed
from disk into the seeded province, one transaction each:

| engine | file | time | peak heap growth | counts | goal |
|---|---|---|---|---|---|
${importRows.join('\n')}`,
);
