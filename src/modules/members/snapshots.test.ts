import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';
import { countsOnDays, fillSnapshots, forgetSnapshots, membersOnDay, snapshotDay } from './snapshots.ts';

const onPostgres = (process.env.TEST_DATABASE ?? 'pglite') === 'postgres';

let database: Database;
let t: Awaited<ReturnType<typeof buildSmallTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
});
afterAll(async () => {
  await database.close();
});

/** A deterministic stream of numbers in [0, 1), so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

type Row = { unit: number; n: number; women: number; men: number; ages: number[] };

/**
 * Members, women, men and age bands per CĐCS on d, counted from the memberships and the people
 * themselves (not the copies on the membership rows): what must come out.
 */
async function counted(d: string): Promise<Row[]> {
  const before = (y: number) => sql.raw(`('${d}'::date - interval '${y} years')::date`);
  const res = await run<{
    unit_id: number;
    n: number;
    women: number;
    men: number;
    a: number;
    b: number;
    c: number;
    e: number;
  }>(
    database.db,
    sql`select m.unit_id, count(*)::int as n, count(*) filter (where p.gender = 'female')::int as women,
        count(*) filter (where p.gender = 'male')::int as men,
        count(*) filter (where p.birth_date > ${before(30)})::int as a,
        count(*) filter (where p.birth_date <= ${before(30)} and p.birth_date > ${before(40)})::int as b,
        count(*) filter (where p.birth_date <= ${before(40)} and p.birth_date > ${before(50)})::int as c,
        count(*) filter (where p.birth_date <= ${before(50)})::int as e
      from membership m join person p on p.id = m.person_id
      where m.valid_from <= ${d}::date and (m.valid_to is null or m.valid_to > ${d}::date)
      group by m.unit_id order by m.unit_id`,
  );
  return res.rows.map((r) => ({
    unit: Number(r.unit_id),
    n: r.n,
    women: r.women,
    men: r.men,
    ages: [r.a, r.b, r.c, r.e],
  }));
}

async function fromSnapshots(d: string): Promise<Row[]> {
  const q = await membersOnDay(database.db, d);
  const res = await run<{
    unit_id: number;
    n: number;
    women: number;
    men: number;
    a: number;
    b: number;
    c: number;
    e: number;
  }>(
    database.db,
    sql`select unit_id, n, women, men, under30 as a, in30s as b, in40s as c, over50 as e from (${q}) c
      where n <> 0 or women <> 0 or men <> 0 or under30 <> 0 or in30s <> 0 or in40s <> 0 or over50 <> 0
      order by unit_id`,
  );
  return res.rows.map((r) => ({
    unit: Number(r.unit_id),
    n: r.n,
    women: r.women,
    men: r.men,
    ages: [r.a, r.b, r.c, r.e],
  }));
}

async function snapshotDays() {
  const res = await run<{ day: string }>(database.db, sql`select day::text as day from member_count_day order by day`);
  return res.rows.map((r) => r.day);
}

async function addMember(unitId: number, from: string) {
  const res = await run<{ id: number }>(
    database.db,
    sql`insert into person (full_name, name_folded, sort_key, gender)
      values ('Người Mới', 'nguoi moi', 'moi nguoi', 'female') returning id`,
  );
  await run(
    database.db,
    sql`insert into membership (person_id, unit_id, valid_from, start_kind)
      values (${Number(res.rows[0]?.id)}, ${unitId}, ${from}::date, 'admission')`,
  );
}

/** People with memberships over 2021-2024 in the three CĐCS: some still open, some ended, some moved. */
async function register(seed: number, people: number) {
  const rnd = random(seed);
  const units = [t.a1, t.a2, t.b1];
  for (let i = 0; i < people; i++) {
    // Some people's gender was never recorded: they count as members, neither women nor men.
    const gender = rnd() < 0.53 ? 'female' : rnd() < 0.9 ? 'male' : null;
    // Born 1965-2005, so that birthdays take people past 30, 40 and 50 during the years counted;
    // some birth dates were never recorded.
    const born = rnd() < 0.95 ? addDays('1965-01-01', Math.floor(rnd() * 40 * 365)) : null;
    const res = await run<{ id: number }>(
      database.db,
      sql`insert into person (full_name, name_folded, sort_key, gender, birth_date)
        values (${`Người ${seed}-${i}`}, ${`nguoi ${seed} ${i}`}, ${`nguoi ${seed} ${i}`}, ${gender}, ${born}::date)
        returning id`,
    );
    const personId = Number(res.rows[0]?.id);
    let from = addDays('2021-01-01', Math.floor(rnd() * 1200));
    let unit = units[Math.floor(rnd() * 3)] as number;
    // Up to two periods: the second starts the day the first ends (a transfer).
    for (let k = 0; k < 2; k++) {
      const ends = rnd() < 0.5 ? addDays(from, 1 + Math.floor(rnd() * 500)) : null;
      await run(
        database.db,
        sql`insert into membership (person_id, unit_id, valid_from, valid_to, start_kind, end_kind)
          values (${personId}, ${unit}, ${from}::date, ${ends}::date, ${k === 0 ? 'admission' : 'transfer_in'},
            ${ends ? 'transfer_out' : null})`,
      );
      if (!ends) break;
      from = ends;
      unit = units[Math.floor(rnd() * 3)] as number;
    }
  }
}

const days = [
  '2021-01-01',
  '2021-06-15',
  '2022-02-28',
  '2022-03-01',
  '2023-07-19',
  '2023-12-31',
  '2024-05-02',
  '2025-01-31',
];

describe('member counts from month snapshots', () => {
  it('give, on any day, exactly the members and women the memberships say', async () => {
    await register(7, 500);
    await forgetSnapshots(database.db);
    for (const d of days) expect(await fromSnapshots(d), d).toEqual(await counted(d));
    // One snapshot per day asked for: the day itself on a month end, else the month end before it.
    expect(await snapshotDays()).toEqual([
      '2020-12-31',
      '2021-05-31',
      '2022-02-28',
      '2023-06-30',
      '2023-12-31',
      '2024-04-30',
      '2025-01-31',
    ]);
  });

  it('start from a nearby snapshot, forwards and backwards, with the same result as from the register', async () => {
    await forgetSnapshots(database.db);
    // 2023-03 from nothing, then 2023-04 forwards from it and 2023-01 backwards from it.
    for (const d of ['2023-03-10', '2023-04-20', '2023-01-05'])
      expect(await fromSnapshots(d), d).toEqual(await counted(d));
  });

  it('forget the days a backdated change touches, and only those', async () => {
    await forgetSnapshots(database.db);
    for (const d of days) await fromSnapshots(d);
    const kept = await snapshotDays();
    // A member admitted on 10/03/2023: the snapshots from 31/03/2023 on are forgotten, earlier ones kept.
    await addMember(t.a2, '2023-03-10');
    expect(await snapshotDays()).toEqual(kept.filter((d) => d < '2023-03-10'));
    for (const d of days) expect(await fromSnapshots(d), d).toEqual(await counted(d));

    // Closing a membership on a day forgets the month ends after it, not the years before.
    await forgetSnapshots(database.db);
    for (const d of days) await fromSnapshots(d);
    const open = await run<{ id: number; valid_from: string }>(
      database.db,
      sql`select id, valid_from::text from membership where valid_to is null and valid_from < '2023-01-01' limit 1`,
    );
    const id = Number(open.rows[0]?.id);
    await run(
      database.db,
      sql`update membership set valid_to = '2024-02-10', end_kind = 'withdrawal' where id = ${id}`,
    );
    expect(await snapshotDays()).toEqual(kept.filter((d) => d < '2024-02-10'));
    for (const d of days) expect(await fromSnapshots(d), d).toEqual(await counted(d));

    // A correction of a person's gender reaches the women counted, through the membership's copy.
    const person = await run<{ person_id: number }>(
      database.db,
      sql`select person_id from membership where id = ${id}`,
    );
    await run(
      database.db,
      sql`update person set gender = case when gender = 'female' then 'male' else 'female' end
        where id = ${Number(person.rows[0]?.person_id)}`,
    );
    for (const d of days) expect(await fromSnapshots(d), d).toEqual(await counted(d));

    // So does a corrected birth date (one that moves the person to another age band).
    await run(
      database.db,
      sql`update person set birth_date = '1999-12-31' where id = ${Number(person.rows[0]?.person_id)}`,
    );
    for (const d of days) expect(await fromSnapshots(d), d).toEqual(await counted(d));

    // A membership deleted (an import undone) is forgotten too.
    await run(database.db, sql`delete from membership where id = ${id}`);
    for (const d of days) expect(await fromSnapshots(d), d).toEqual(await counted(d));
  });

  it('give a series of days in one read, month ends from their snapshot alone', async () => {
    await forgetSnapshots(database.db);
    const series = ['2022-11-30', '2022-12-31', '2023-01-31', '2023-02-28', '2023-03-17'];
    // Age bands come with the latest day only, whether it is a month end (packed snapshot rows) or not.
    const check = async (days: string[]) => {
      const got = await countsOnDays(database.db, days, [t.a1, t.b1]);
      for (const d of days) {
        const latest = d === days[days.length - 1];
        const expected = (await counted(d))
          .filter((c) => c.unit === t.a1 || c.unit === t.b1)
          .map((c) => ({ unit: c.unit, n: c.n, women: c.women, men: c.men, ages: latest ? c.ages : undefined }));
        const actual = got
          .filter((c) => c.day === d && c.n !== 0)
          .map((c) => ({ unit: c.unitId, n: c.n, women: c.women, men: c.men, ages: c.ages }))
          .sort((a, b) => a.unit - b.unit);
        expect(actual, d).toEqual(expected);
      }
    };
    await check(series);
    // The four month ends, and nothing for 17/03 but the month end before it (28/02).
    expect(await snapshotDays()).toEqual(series.slice(0, 4));
    await check(series.slice(0, 4));
    expect(snapshotDay('2024-03-01')).toBe('2024-02-29');
    expect(snapshotDay('2024-01-15')).toBe('2023-12-31');
  });

  it('fill the month ends of the last years ahead of any count, each as the register says', async () => {
    await forgetSnapshots(database.db);
    expect(await fillSnapshots(database.db, '2024-05-15', 6)).toBe(6);
    const filled = ['2023-11-30', '2023-12-31', '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'];
    expect(await snapshotDays()).toEqual(filled);
    for (const d of filled) expect(await fromSnapshots(d), d).toEqual(await counted(d));
    // Already there: nothing to do.
    expect(await fillSnapshots(database.db, '2024-05-15', 6)).toBe(0);
  });

  it('count only the units asked for', async () => {
    const d = '2023-12-31';
    const q = await membersOnDay(database.db, d, [t.a1]);
    const res = await run<{ unit_id: number; n: number }>(
      database.db,
      sql`select unit_id, n from (${q}) c where n <> 0`,
    );
    const expected = (await counted(d)).filter((c) => c.unit === t.a1);
    expect(res.rows.map((r) => ({ unit: Number(r.unit_id), n: r.n }))).toEqual(
      expected.map((c) => ({ unit: c.unit, n: c.n })),
    );
  });

  // Only PostgreSQL has a second session to hold a writer's lock: PGlite runs one at a time.
  it.runIf(onPostgres)('count from the register, without waiting, while a write holds the lock', async () => {
    await forgetSnapshots(database.db);
    const d = '2024-05-02';
    await database.db.transaction(async (tx) => {
      // What a membership write's trigger takes, held as a long import would.
      await run(tx, sql`select pg_advisory_xact_lock_shared(4042001)`);
      expect(await fromSnapshots(d)).toEqual(await counted(d));
    });
    expect(await snapshotDays()).toEqual([]);
    // Once the write is over, the next count makes the snapshot.
    expect(await fromSnapshots(d)).toEqual(await counted(d));
    expect(await snapshotDays()).toEqual(['2024-04-30']);
  });
});
