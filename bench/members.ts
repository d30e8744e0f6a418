import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { excel } from '../src/lib/exceljs.ts';
import { citizenIdCenturyDigit } from '../src/lib/ids.ts';
import { fullScope } from '../src/lib/scope.ts';
import { run } from '../src/lib/tx.ts';
import { importMembers } from '../src/modules/members/import.ts';
import * as members from '../src/modules/members/service.ts';
import { seedDemo } from '../src/seed/index.ts';
import { fmt, machine, measure, withBenchDb, writeSection } from './lib.ts';

const dir = path.resolve(import.meta.dirname, '../.tmp/bench');
const admin = { scope: fullScope, roles: [{ role: 'system_admin' }] };

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Phan', 'Hồ', 'Võ', 'Đặng', 'Bùi', 'Đinh', 'Lương', 'Cao'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Hữu', 'Ngọc', 'Minh', 'Thanh', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Chung',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vinh',
  'Yến',
];

/** A member list of n rows as officers send it (a title row, Vietnamese headers, dd/mm/yyyy text). */
async function writeWorkbook(file: string, n: number) {
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: file });
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['DANH SÁCH ĐOÀN VIÊN']).commit();
  ws.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Số CCCD',
    'Điện thoại',
    'Dân tộc',
    'Ngày kết nạp',
  ]).commit();
  for (let i = 0; i < n; i++) {
    const female = i % 2 === 1;
    const year = 1965 + (i % 40);
    const name = `${FAMILY[i % FAMILY.length]} ${female ? 'Thị' : MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
    const cccd = `040${citizenIdCenturyDigit(year, female ? 'female' : 'male')}${String(year).slice(2)}${String(i).padStart(6, '0')}`;
    const phone = `09${String(10000000 + i).slice(-8)}`;
    ws.addRow([
      i + 1,
      name,
      `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/${year}`,
      female ? 'Nữ' : 'Nam',
      cccd,
      phone,
      'Kinh',
      '01/03/2022',
    ]).commit();
  }
  await ws.commit();
  await wb.commit();
}

/** Peak heap while fn runs: "memory flat as the file grows" is read off these. */
async function withPeakMemory<T>(fn: () => Promise<T>) {
  let heap = process.memoryUsage().heapUsed;
  const base = heap;
  const timer = setInterval(() => {
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 50);
  try {
    const result = await fn();
    return { result, peakHeapMb: (heap - base) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

fs.mkdirSync(dir, { recursive: true });
const sizes = [50_000, 170_000];
for (const n of sizes) {
  const f = path.join(dir, `members-${n}.xlsx`);
  if (!fs.existsSync(f)) await writeWorkbook(f, n);
}

const importRows: string[] = [];
for (const engine of ['PGlite', 'PostgreSQL'] as const) {
  for (const n of sizes) {
    await withBenchDb(engine, `congdoan_bench_members_${process.pid}`, async (d) => {
      await seedDemo(d, { scale: 'tiny', members: false });
      const cd = await run<{ id: number }>(
        d.db,
        sql`select v.unit_id as id from unit_version v where v.type = 'grassroots_union' and v.valid_to is null order by v.unit_id limit 1`,
      );
      const unitId = cd.rows[0]?.id ?? 0;
      const file = path.join(dir, `members-${n}.xlsx`);
      const importOnce = () =>
        withPeakMemory(() =>
          importMembers(
            d.db,
            admin,
            { id: null, name: 'bench' },
            {
              data: file,
              fileName: path.basename(file),
              unitId,
              take: 'all',
              dryRun: false,
              embedded: d.kind === 'pglite',
            },
          ),
        );
      const t0 = performance.now();
      const { result, peakHeapMb } = await importOnce();
      const ms = performance.now() - t0;
      if (!result.committed || result.counts.new !== n)
        throw new Error(`import failed: ${JSON.stringify(result.counts)}`);
      const goal = engine === 'PGlite' ? 'under 20 s' : 'under 10 s';
      const size = `${n.toLocaleString('en')} rows, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB`;
      importRows.push(
        `| ${engine} | ${size} | ${(ms / 1000).toFixed(1)} s | ${peakHeapMb.toFixed(0)} MB | ${n === 170_000 ? goal : ''} |`,
      );
      if (n === 170_000) {
        // The same file again: every row matched, nothing written (idempotency has a cost too).
        const t1 = performance.now();
        const again = await importOnce();
        if (again.result.counts.unchanged !== n)
          throw new Error(`re-import changed rows: ${JSON.stringify(again.result.counts)}`);
        importRows.push(
          `| ${engine} | the same ${size} again (all unchanged) | ${((performance.now() - t1) / 1000).toFixed(1)} s | ${again.peakHeapMb.toFixed(0)} MB | |`,
        );
      }
    });
  }
}

const queryRows: string[] = [];
const perQuery: string[] = [];
for (const engine of ['PGlite', 'PostgreSQL'] as const) {
  await withBenchDb(engine, `congdoan_bench_members_${process.pid}`, async (d) => {
    const s = await seedDemo(d, { scale: 'province', members: 1 });
    if (engine === 'PostgreSQL') await d.exec('analyze');
    const total = await run<{ n: number }>(d.db, sql`select count(*)::int as n from membership where valid_to is null`);
    const names = [
      'duc nguyen van',
      'tran thi lan',
      'hoang',
      'le van nam',
      'thi huong',
      'phan thanh',
      'ho thi mai',
      'vo van tuan',
    ];
    let i = 0;
    const search = await measure(
      () => members.list(d.db, admin, { q: names[i++ % names.length], status: 'active', limit: 50 }),
      names.length * 8,
      names.length,
    );
    // The median of each query: the slowest of them is what the p95 is made of.
    const each: string[] = [];
    for (const q of names) {
      const t = await measure(() => members.list(d.db, admin, { q, status: 'active', limit: 50 }), 5, 1);
      each.push(`${q} ${fmt(t.p50)}`);
    }
    perQuery.push(`${engine}: ${each.join('; ')}`);
    const province = await run<{ id: number }>(d.db, sql`select id from unit where code = '40'`);
    const pid = province.rows[0]?.id ?? 0;
    const days = ['2019-12-31', '2021-06-30', '2023-12-31', '2025-07-01', '2026-11-25'];
    let j = 0;
    const count = await measure(() => members.memberCount(d.db, fullScope, pid, days[j++ % days.length]), 30);
    const c = await members.memberCount(d.db, fullScope, pid, '2023-12-31');
    queryRows.push(
      `| ${engine} | name search, first page of 50 (${(total.rows[0]?.n ?? 0).toLocaleString('en')} open memberships; ${s.units} units) | ${fmt(search.p50)} | ${fmt(search.p95)} | under 50 ms |`,
      `| ${engine} | members of the whole province as of a day (${c.total.toLocaleString('en')} on 31/12/2023) | ${fmt(count.p50)} | ${fmt(count.p95)} | under 100 ms |`,
    );
  });
}

writeSection(
  'members',
  `## Members
Command: \`npm run bench -- members\`. Machine: ${machine()}.

Import of a generated .xlsx (title row, Vietnamese headers, dd/mm/yyyy dates, CCCD, phones) into one CĐCS through
\`importMembers\` (the code behind the API and \`congdoan import members\`), streamed from disk, one transaction:

| engine | file | time | peak heap growth | goal |
|---|---|---|---|---|
${importRows.join('\n')}

Queries on the seeded Nghệ An demo (service functions in-process, warm; name search: the 8 queries below in turn,
64 timed runs; count: 30 runs over five dates):

| engine | query | p50 ms | p95 ms | goal |
|---|---|---|---|---|
${queryRows.join('\n')}

Median of 5 runs per search query (ms): ${perQuery.join('. ')}.`,
);
