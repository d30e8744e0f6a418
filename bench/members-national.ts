/**
 * Name search over a national-size register on PostgreSQL: the national demo tree (~130,000 units)
 * and 11 million members generated set-based in SQL (generate_series), names drawn with the demo
 * register's frequencies. Takes several minutes to build; the database is dropped at the end.
 * BENCH_NATIONAL_MEMBERS sets the number of members (default 11,000,000); BENCH_KEEP=1 keeps the
 * database for a look at query plans.
 */
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { CITIZEN_ID_PROVINCES } from '../src/lib/ids.ts';
import { fullScope } from '../src/lib/scope.ts';
import { fold, personSortKey, sortKey } from '../src/lib/vietnamese.ts';
import * as members from '../src/modules/members/service.ts';
import { seedDemo } from '../src/seed/index.ts';
import {
  GIVEN_FEMALE,
  GIVEN_MALE,
  KINH_FAMILY,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
  type Weighted,
} from '../src/seed/members/names.ts';
import { fmt, machine, measure, writeSection } from './lib.ts';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ACTIVE = Number(process.env.BENCH_NATIONAL_MEMBERS ?? 11_000_000);
const ENDED_SHARE = 0.05; // former members: their last membership has ended
const NAME = 'congdoan_bench_national_members';
const admin = { scope: fullScope, roles: [{ role: 'system_admin' }] };
const log = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

/** Word tables for drawing names in SQL: bucket b of kind -> the word, folded, and its sort key parts. */
function wordBuckets() {
  const rows: { kind: string; b: number; w: string; f: string; p: string; t: string }[] = [];
  const add = (kind: string, items: Weighted, buckets: number) => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let b = 0;
    let acc = 0;
    for (const [w, weight] of items) {
      acc += weight;
      const [p = '', t = ''] = sortKey(w).split('\u0001');
      for (; b < Math.round((acc / total) * buckets); b++) rows.push({ kind, b, w, f: fold(w), p, t });
    }
  };
  add('family', KINH_FAMILY, 1000);
  add('middle_male', MIDDLE_MALE, 1000);
  add('middle_female', MIDDLE_FEMALE, 1000);
  add(
    'given_male',
    GIVEN_MALE.map((g) => [g, 1] as const),
    1000,
  );
  add(
    'given_female',
    GIVEN_FEMALE.map((g) => [g, 1] as const),
    1000,
  );
  // A second middle name for some women named Thị, as in the demo register ('Nguyễn Thị Thu Hà').
  add(
    'second',
    ['Thu', 'Thanh', 'Hồng', 'Minh', 'Ngọc'].map((g) => [g, 1] as const),
    1000,
  );
  return rows;
}

async function build(client: pg.Client, persons: number) {
  // Generated data is consistent by construction: skip per-row foreign-key checks and triggers
  // (gender is written on the membership directly), and build secondary indexes once at the end.
  await client.query(`set session_replication_role = replica; set maintenance_work_mem = '1GB';
    set synchronous_commit = off; set jit = off`);
  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i where i.schemaname = 'public'
       and i.tablename in ('person', 'membership', 'person_name_word')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of indexes.rows) await client.query(`drop index ${i.indexname}`);
  await client.query(
    'create temp table word as select * from json_to_recordset($1::json) as x(kind text, b int, w text, f text, p text, t text)',
    [JSON.stringify(wordBuckets())],
  );
  await client.query('create unique index on word (kind, b); analyze word');
  await client.query(
    `create temp table cdcs as
       select (row_number() over (order by v.unit_id))::int - 1 as k, v.unit_id, v.valid_from
       from unit_version v join unit_type t on t.code = v.type
       where t.is_grassroots and v.valid_to is null;
     create unique index on cdcs (k); analyze cdcs`,
  );
  const units = (await client.query<{ n: number }>('select count(*)::int as n from cdcs')).rows[0]?.n ?? 0;
  const provinces = Object.keys(CITIZEN_ID_PROVINCES);
  await client.query('select setseed(0.42)');
  let t0 = performance.now();
  await client.query(
    `insert into person (id, full_name, name_folded, sort_key, birth_date, gender, ethnicity, citizen_id, phone)
     select s.g, fa.w || ' ' || mi.w || coalesce(' ' || se.w, '') || ' ' || gi.w,
       fa.f || ' ' || mi.f || coalesce(' ' || se.f, '') || ' ' || gi.f,
       gi.p || E'\\x01' || gi.t || E'\\x02' || fa.p || ' ' || mi.p || coalesce(' ' || se.p, '') || ' ' || gi.p || E'\\x01'
         || fa.t || '0' || mi.t || coalesce('0' || se.t, '') || '0' || gi.t,
       s.born, case when s.female then 'female' else 'male' end, 'Kinh',
       ($2::text[])[1 + (s.g % ${provinces.length})] || case when s.born >= '2000-01-01' then (case when s.female then '3' else '2' end)
         else (case when s.female then '1' else '0' end) end || to_char(s.born, 'YY') || lpad((s.g % 1000000)::text, 6, '0'),
       '+849' || lpad(s.g::text, 8, '0')
     from (select g, random() < 0.5 as female, floor(random() * 1000)::int as r1, floor(random() * 1000)::int as r2,
             floor(random() * 1000)::int as r3, floor(random() * 1000)::int as r4,
             date '1965-01-01' + floor(random() * 14600)::int as born
           from generate_series(1, $1::int) g) s
     join word fa on fa.kind = 'family' and fa.b = s.r1
     join word mi on mi.kind = case when s.female then 'middle_female' else 'middle_male' end and mi.b = s.r2
     join word gi on gi.kind = case when s.female then 'given_female' else 'given_male' end and gi.b = s.r3
     left join word se on s.female and mi.w = 'Thị' and s.r4 < 200 and se.kind = 'second' and se.b = s.r4 * 5`,
    [persons, provinces],
  );
  log(`persons: ${persons.toLocaleString('en')} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  t0 = performance.now();
  await client.query(
    `insert into membership (id, person_id, unit_id, valid_from, valid_to, start_kind, end_kind, gender, birth_date)
     select p.id, p.id, c.unit_id, least(p.birth_date + 6600 + (p.id % 3000)::int, date '2024-12-31'),
       case when p.id % ${Math.round(1 / ENDED_SHARE)} = 0 then date '2025-06-30' end, 'admission',
       case when p.id % ${Math.round(1 / ENDED_SHARE)} = 0 then 'withdrawal' end, p.gender, p.birth_date
     from person p join cdcs c on c.k = (hashint8(p.id) & 2147483647) % $1`,
    [units],
  );
  log(`memberships in ${((performance.now() - t0) / 1000).toFixed(0)} s (${units.toLocaleString('en')} CĐCS)`);
  // What person's triggers write (they are off during the load): each word of each name.
  t0 = performance.now();
  await client.query(
    `insert into person_name_word (word, sort_key, person_id, name_folded)
     select x.w, p.sort_key, p.id, p.name_folded
     from person p, lateral (select distinct w from unnest(string_to_array(p.name_folded, ' ')) w where w <> '') x`,
  );
  await client.query(`insert into name_word (word) select distinct f from word on conflict do nothing`);
  log(`name words in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  t0 = performance.now();
  for (const i of indexes.rows) await client.query(i.indexdef);
  log(`indexes rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  for (const table of ['person', 'membership'])
    await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
  t0 = performance.now();
  await client.query('vacuum (analyze) person, membership, person_name_word, name_word');
  log(`vacuum and analyze in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  // The names were composed in SQL from word parts: they must equal what the application computes.
  const sample = await client.query<{ full_name: string; name_folded: string; sort_key: string }>(
    'select full_name, name_folded, sort_key from person where id % 997 = 0 limit 200',
  );
  for (const r of sample.rows)
    if (r.name_folded !== fold(r.full_name) || r.sort_key !== personSortKey(r.full_name))
      throw new Error(`generated name keys differ from the application's for «${r.full_name}»`);
}

const QUERIES = [
  'nguyen van',
  'tran thi lan',
  'hoang',
  'le van nam',
  'thi huong',
  'phan thanh',
  'ho thi mai',
  'vo van tuan',
  'duc nguyen van',
  'nguyen thi thu',
  'dang minh',
  'bui huu',
];

async function measureSearch(d: Database, under: number | undefined) {
  let i = 0;
  const run = () =>
    members.list(d.db, admin, {
      q: QUERIES[i++ % QUERIES.length],
      status: 'active',
      limit: 50,
      ...(under !== undefined ? { under } : {}),
    });
  // Per query too: the slowest one is what a p95 hides.
  const each: string[] = [];
  for (const q of QUERIES) {
    const t = await measure(
      () => members.list(d.db, admin, { q, status: 'active', limit: 50, ...(under !== undefined ? { under } : {}) }),
      5,
      1,
    );
    each.push(`${q} ${fmt(t.p50)}`);
  }
  return { all: await measure(run, QUERIES.length * 8, QUERIES.length), each };
}

const admin0 = new pg.Client({ connectionString: PG_URL });
await admin0.connect();
// BENCH_REUSE=1 measures a database kept by an earlier BENCH_KEEP=1 run instead of building one.
const reuse =
  process.env.BENCH_REUSE === '1' &&
  (await admin0.query('select 1 from pg_database where datname = $1', [NAME])).rows.length > 0;
if (!reuse) {
  await admin0.query(`drop database if exists ${NAME} with (force)`);
  await admin0.query(`create database ${NAME}`);
}
const url = new URL(PG_URL);
url.pathname = `/${NAME}`;
const d = await openDatabase({ databaseUrl: url.toString() });
try {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  let built = 'an earlier run (BENCH_REUSE=1)';
  if (!reuse) {
    await migrate(d);
    const tree = await seedDemo(d, { scale: 'national' });
    log(`national tree: ${tree.units.toLocaleString('en')} units`);
    await build(client, Math.round(ACTIVE / (1 - ENDED_SHARE)));
    built = `${((performance.now() - started) / 60_000).toFixed(0)} min`;
  }
  const units = (await client.query<{ n: number }>('select count(*)::int as n from unit')).rows[0]?.n ?? 0;
  const counts = (
    await client.query<{ active: number; persons: number }>(
      `select (select count(*)::int from membership where valid_to is null) as active,
         (select count(*)::int from person) as persons`,
    )
  ).rows[0];
  const province = (await client.query<{ id: number }>(`select id from unit where code = '40'`)).rows[0]?.id ?? 0;
  await client.end();
  log(`built in ${built}; measuring`);
  const country = await measureSearch(d, undefined);
  const nghean = await measureSearch(d, province);
  writeSection(
    'members-national',
    `## Name search at national size (PostgreSQL)
Command: \`npm run bench -- members-national\` (\`BENCH_NATIONAL_MEMBERS\` sets the size). Machine: ${machine()}.
Data: the national demo tree (${units.toLocaleString('en')} units) and ${counts?.active.toLocaleString('en')} active members
(${counts?.persons.toLocaleString('en')} people, ${Math.round(ENDED_SHARE * 100)}% former members) generated in SQL with the demo
register's name frequencies; built, indexed and analysed in ${built}. PostgreSQL 15 as installed (shared_buffers 128 MB).
Queries: \`members.list\` (the code behind \`GET /api/v1/members?q=…\`), active members, first page of 50 in
Vietnamese name order, ${QUERIES.length} realistic queries in turn, warm, ${QUERIES.length * 8} timed runs each.

| scope | p50 ms | p95 ms | max ms | goal |
|---|---|---|---|---|
| whole country | ${fmt(country.all.p50)} | ${fmt(country.all.p95)} | ${fmt(country.all.max)} | p95 under 150 ms |
| one province (Nghệ An) | ${fmt(nghean.all.p50)} | ${fmt(nghean.all.p95)} | ${fmt(nghean.all.max)} | p95 under 150 ms |

Median per query, whole country: ${country.each.join('; ')}.
Median per query, Nghệ An: ${nghean.each.join('; ')}.`,
  );
} finally {
  await d.close();
  if (process.env.BENCH_KEEP !== '1') await admin0.query(`drop database if exists ${NAME} with (force)`);
  await admin0.end();
}
