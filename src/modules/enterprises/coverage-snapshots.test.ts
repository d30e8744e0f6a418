import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { Database } from '../../db/client.ts';
import { fullScope } from '../../lib/scope.ts';
import { run } from '../../lib/tx.ts';
import * as units from '../units/service.ts';
import { coverageOnDay, fillCoverageSnapshots, forgetCoverageSnapshots } from './coverage-snapshots.ts';
import { rechain } from './facts.ts';
import type { Ownership } from './schema.ts';
import { codes } from './test-helpers.ts';
import * as write from './write.ts';

let database: Database;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
const caller = { scope: fullScope };
const actor = { id: null, name: 'test' };
const enterprises: number[] = [];
/** CĐCS not yet linked to an enterprise, to link during the run. */
const freeCdcs: number[] = [];

/** A deterministic stream of numbers in [0, 1), so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
const rnd = random(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const pad = (n: number) => String(n).padStart(2, '0');
/** A day of 2021-2025: on a month end a third of the time, where snapshots sit. */
function someDay(): string {
  const y = 2021 + Math.floor(rnd() * 5);
  const m = 1 + Math.floor(rnd() * 12);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = rnd() < 0.33 ? last : 1 + Math.floor(rnd() * last);
  return `${y}-${pad(m)}-${pad(day)}`;
}
const ownershipList: Ownership[] = ['state', 'non_state', 'foreign_invested', 'cooperative'];

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  for (let i = 0; i < 6; i++)
    freeCdcs.push(
      await units.create(database.db, fullScope, actor, {
        code: `C${i}`,
        name: `Công đoàn Công ty Thử ${i}`,
        type: 'grassroots_union',
        parentId: i % 2 === 0 ? t.districtA : t.districtB,
        foundedOn: `202${1 + (i % 4)}-0${1 + i}-15`,
      }),
    );
  for (let i = 0; i < 24; i++) {
    const id = await write.create(database.db, caller, actor, {
      taxCode: codes[100 + i] as string,
      name: `Doanh nghiệp Thử ${i}`,
      ownership: pick(ownershipList),
      upperUnionId: i % 3 === 0 ? t.districtB : t.districtA,
      status: 'operating',
      asOf: '2020-01-01',
      workforce: { total: Math.floor(rnd() * 80) },
      ...(i < 2 ? { grassrootsUnitId: i === 0 ? t.a2 : t.b1 } : {}),
    });
    enterprises.push(id);
  }
});
afterAll(async () => {
  await database.close();
});

type Row = [number, string, number, number, number, number, number];

/**
 * Coverage counts per anchor and ownership on d, worked out here per enterprise with a subquery
 * for each value (not coverage-snapshots.ts's joins): what must come out.
 */
async function expected(d: string): Promise<Row[]> {
  const on = (a: string) =>
    sql.raw(`${a}.valid_from <= '${d}'::date and (${a}.valid_to is null or ${a}.valid_to > '${d}'::date)`);
  const fact = (col: string, kind: string) =>
    sql.raw(`(select x.${col} from enterprise_fact x where x.enterprise_id = e.id and x.kind = '${kind}'
      and x.state = 'effective' and x.observed_on <= '${d}'::date and (x.valid_to is null or x.valid_to > '${d}'::date))`);
  const res = await run<Record<string, number | string>>(
    database.db,
    sql`with p as (
        select e.ownership, g.standing, ${fact('status', 'status')} as status, ${fact('workforce_total', 'workforce')} as total,
          case when g.standing then e.grassroots_unit_id
            else (select a.upper_union_id from enterprise_assignment a where a.enterprise_id = e.id and ${on('a')}) end as anchor
        from enterprise e
        cross join lateral (select exists (select 1 from unit_version v where v.unit_id = e.grassroots_unit_id and ${on('v')}) as standing) g)
      select anchor, ownership, count(*)::int as operating, count(*) filter (where total >= 25)::int as target,
        count(*) filter (where total >= 25 and standing)::int as covered,
        coalesce(sum(total) filter (where total >= 25), 0)::int as wt,
        coalesce(sum(total) filter (where total >= 25 and standing), 0)::int as wc
      from p where status = 'operating' and anchor is not null group by 1, 2`,
  );
  return res.rows.map((r) => Object.values(r).map((v, i) => (i === 1 ? v : Number(v))) as Row).sort(order);
}

/** With ownAbove 1, a day after any fact since the month end gets a snapshot of its own. */
async function fromSnapshots(d: string, ownAbove?: number): Promise<Row[]> {
  const res = await run<Record<string, number | string>>(
    database.db,
    sql`select anchor_id, ownership, operating, target, covered, workers_in_target, workers_in_covered
      from (${await coverageOnDay(database.db, d, ownAbove)}) c where operating <> 0`,
  );
  return res.rows.map((r) => Object.values(r).map((v, i) => (i === 1 ? v : Number(v))) as Row).sort(order);
}

const order = (a: Row, b: Row) => a[0] - b[0] || a[1].localeCompare(b[1]);

const snapshotDays = async () =>
  (await run<{ n: number }>(database.db, sql`select count(*)::int as n from coverage_day`)).rows[0]?.n ?? 0;

/** One write an officer or an import makes, chosen at random; what it was, for a failure's message. */
async function someWrite(): Promise<string> {
  const e = pick(enterprises);
  const d = someDay();
  const kind = rnd();
  if (kind < 0.35) {
    const total = Math.floor(rnd() * 90);
    await write.recordFact(database.db, caller, actor, e, { kind: 'workforce', total, asOf: d });
    return `workforce of ${e} = ${total} on ${d}`;
  }
  if (kind < 0.5) {
    const status = pick(['operating', 'suspended', 'closed'] as const);
    await write.recordFact(database.db, caller, actor, e, { kind: 'status', status, asOf: d });
    return `status of ${e} = ${status} on ${d}`;
  }
  if (kind < 0.65) {
    const upper = pick([t.districtA, t.districtB, t.sector]);
    try {
      await write.assign(database.db, caller, actor, e, { upperUnionId: upper, onDate: d });
    } catch {
      return 'assignment refused';
    }
    return `${e} assigned to ${upper} on ${d}`;
  }
  if (kind < 0.75 && freeCdcs.length > 0) {
    const g = freeCdcs.pop() as number;
    await write.update(database.db, caller, actor, e, { grassrootsUnitId: g });
    return `${e} linked to CĐCS ${g}`;
  }
  if (kind < 0.8) {
    const o = pick(ownershipList);
    await write.update(database.db, caller, actor, e, { ownership: o });
    return `${e} ownership ${o}`;
  }
  if (kind < 0.85) {
    // A fact taken back (a correction), its neighbours' periods re-derived as every write does.
    const gone = await run<{ e: number }>(
      database.db,
      sql`delete from enterprise_fact where id = (select max(id) from enterprise_fact) returning enterprise_id as e`,
    );
    await rechain(
      database.db,
      gone.rows.map((r) => Number(r.e)),
    );
    return 'last fact removed';
  }
  const linked = (
    await run<{ g: number }>(
      database.db,
      sql`select e.grassroots_unit_id as g from enterprise e join unit_version v on v.unit_id = e.grassroots_unit_id
        and v.valid_to is null where e.grassroots_unit_id is not null order by e.id`,
    )
  ).rows.map((r) => Number(r.g));
  if (linked.length === 0) return 'nothing to dissolve';
  const g = pick(linked);
  try {
    await units.dissolve(database.db, fullScope, actor, g, { effectiveOn: d, reason: 'Giải thể (thử)' });
  } catch {
    return 'dissolution refused';
  }
  return `CĐCS ${g} dissolved on ${d}`;
}

describe('coverage counts from month-end snapshots', () => {
  it('are made on the month ends asked for, each from its neighbour', async () => {
    expect(await fillCoverageSnapshots(database.db, '2025-12-10', 60)).toBe(60);
    expect(await snapshotDays()).toBe(60);
    expect(await fillCoverageSnapshots(database.db, '2025-12-10', 60)).toBe(0);
    for (const d of ['2021-01-31', '2023-06-30', '2025-11-30', '2025-12-10'])
      expect(await fromSnapshots(d), d).toEqual(await expected(d));
  });

  it('equal the facts and placements on any day, through 60 writes of every kind', async () => {
    const done: string[] = [];
    for (let i = 0; i < 60; i++) {
      done.push(await someWrite());
      // Make the snapshots again now and then, so later writes have some to forget.
      if (i % 10 === 9) await fillCoverageSnapshots(database.db, '2025-12-31', 60);
      for (const d of [someDay(), someDay()])
        expect(await fromSnapshots(d, i % 2 === 0 ? 1 : undefined), `${d} after ${done.join('; ')}`).toEqual(
          await expected(d),
        );
    }
    // Every kind of write happened.
    for (const kind of ['workforce', 'status', 'assigned', 'linked', 'ownership', 'removed', 'dissolved'])
      expect(
        done.some((x) => x.includes(kind)),
        kind,
      ).toBe(true);
  });

  it('forget only the month ends from the first day a write touches', async () => {
    await forgetCoverageSnapshots(database.db);
    expect(await fillCoverageSnapshots(database.db, '2025-12-10', 60)).toBe(60);
    await write.recordFact(database.db, caller, actor, enterprises[5] as number, {
      kind: 'workforce',
      total: 500,
      asOf: '2025-03-15',
    });
    // The month ends of 2020-12 .. 2025-02 stay: 51 of the 60.
    expect(await snapshotDays()).toBe(51);
    // A new name for a unit (a version from today, not a change of the days it stands) forgets none
    // of the past; nor does a move of a district in the tree.
    await fillCoverageSnapshots(database.db, '2025-12-10', 60);
    await units.update(database.db, fullScope, actor, t.districtB, {
      name: 'Liên đoàn Lao động thị xã Bắc Bình',
      effectiveOn: '2025-12-31',
    });
    expect(await snapshotDays()).toBe(60);
    expect(await fromSnapshots('2025-12-10')).toEqual(await expected('2025-12-10'));
  });
});
