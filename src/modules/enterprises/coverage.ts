/**
 * Coverage: of the operating enterprises with 25 workers or more that belong to a unit on a day
 * (see queries.ts for "belong"), how many have a CĐCS, and which do not, ranked by the plan's
 * priorities. All figures come from dated facts and dated placements, so a past day's answer does
 * not change tomorrow.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { todayVn } from '../../lib/dates.ts';
import type { Locale } from '../../lib/errors.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { membersOnDay } from '../members/snapshots.ts';
import { assertDay, onDay } from '../units/queries.ts';
import { coverageOnDay, TARGET_WORKFORCE } from './coverage-snapshots.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { factOnDay } from './facts.ts';
import { type CoverageSummary, type GapItem, type Ownership, ownerships } from './schema.ts';
import { type Caller, visibleUnitPath } from './service.ts';

/**
 * Runs a coverage query with settings for one large analytical statement: no JIT compilation (its
 * half-second start-up is paid on every call, and the plan is run once) and room to hash without
 * spilling to disk. Local to a transaction, so other queries keep the server's settings.
 */
export async function analytical<T>(db: Conn, query: SQL): Promise<{ rows: T[] }> {
  return (db as Db).transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    return run<T>(tx, query);
  });
}

export { TARGET_WORKFORCE };

/**
 * Enterprises belonging under path on day d with their status, workforce and CĐCS: those whose
 * CĐCS stands under the path that day, and those without a CĐCS whose assigned upper union does.
 * Driven from the units under the path (one GiST scan), so a district's query reads its own rows;
 * the candidates are materialised, then their facts on d are looked up by index, a plan that stays
 * good when the planner has no statistics yet (PGlite right after a bulk load). For the root of
 * the whole tree every fact is needed anyway: one pass over the facts, grouped, is faster there.
 */
export function belonging(path: string, d: string): SQL {
  assertDay(d);
  const whole = !path.includes('.');
  const facts = whole
    ? sql`join (select x.enterprise_id, ${pivot} from enterprise_fact x where ${factOnDay('x', d)}
            group by x.enterprise_id) f on f.enterprise_id = c.id and f.status = 'operating'`
    : sql`join lateral (select ${pivot} from enterprise_fact x
            where x.enterprise_id = c.id and ${factOnDay('x', d)}) f on f.status = 'operating'`;
  return sql`
    with u as (select v.unit_id, v.parent_id, v.path from unit_version v where v.path <@ ${path}::ltree and ${onDay('v', d)}),
    c as materialized (
      select e.id, e.ownership, e.started_on, e.industrial_zone_id, e.area_code, u.unit_id as g_id, u.path as g_path,
        u.parent_id as upper_id, u.path as anchor
      from u join enterprise e on e.grassroots_unit_id = u.unit_id
      union all
      select e.id, e.ownership, e.started_on, e.industrial_zone_id, e.area_code, null, null, a.upper_union_id, u.path from u
        join enterprise_assignment a on a.upper_union_id = u.unit_id and ${onDay('a', d)}
        join enterprise e on e.id = a.enterprise_id
      where e.grassroots_unit_id is null
        or not exists (select 1 from unit_version g where g.unit_id = e.grassroots_unit_id and ${onDay('g', d)}))
    select c.id, c.g_id, c.g_path, c.upper_id, c.anchor, c.ownership, c.started_on, c.industrial_zone_id, c.area_code,
      f.total, f.women
    from c ${facts}`;
}

const pivot = sql.raw(`max(x.status) filter (where x.kind = 'status') as status,
  max(x.workforce_total) filter (where x.kind = 'workforce') as total,
  max(x.workforce_women) filter (where x.kind = 'workforce') as women`);

export async function summary(db: Db, caller: Caller, unitId: number, asOf?: string): Promise<CoverageSummary> {
  const d = asOf ?? todayVn();
  const v = await visibleUnitPath(db, caller.scope, unitId, d);
  const under = await run<{ id: number }>(
    db,
    sql`select unit_id as id from unit_version uv where uv.path <@ ${v.path}::ltree and ${onDay('uv', d)}`,
  );
  // Members per unit on d from the month-end snapshots (members/snapshots.ts), not every membership.
  const members = await membersOnDay(
    db,
    d,
    under.rows.map((r) => Number(r.id)),
  );
  // Counts per anchor on d from the month-end snapshot (coverage-snapshots.ts), kept for the anchors
  // standing under the unit that day.
  const counts = await coverageOnDay(db, d);
  const rows = await analytical<{
    ownership: Ownership;
    operating: number;
    target: number;
    covered: number;
    workersInTarget: number;
    workersInCovered: number;
    members: number;
  }>(
    db,
    // Members are counted per unit (grouped by the unit's id: no join per membership), then given to
    // the covered CĐCS found among the labels of the unit's path (a member CĐCS or a section counts
    // for the enterprise's CĐCS above it). A covered anchor is a CĐCS with an enterprise in target.
    sql`with un as materialized (select uv.unit_id, uv.path from unit_version uv where uv.path <@ ${v.path}::ltree and ${onDay('uv', d)}),
        r as materialized (select s.* from (${counts}) s join un on un.unit_id = s.anchor_id),
        t as (select distinct anchor_id as g_id from r where covered > 0),
        mc as (select c.unit_id, c.n from (${members}) c where c.n <> 0),
        m as (select un.path, mc.n from mc join un on un.unit_id = mc.unit_id),
        ms as (select coalesce(sum(m.n), 0)::int as n from m
               join lateral unnest(string_to_array(m.path::text, '.')) as l(id) on true
               join t on t.g_id = l.id::bigint)
        select ownership, sum(operating)::int as operating, sum(target)::int as target, sum(covered)::int as covered,
          sum(workers_in_target)::int as "workersInTarget", sum(workers_in_covered)::int as "workersInCovered",
          (select n from ms) as members
        from r group by ownership`,
  );
  const inCovered = rows.rows[0]?.members ?? 0;
  const sum = (k: keyof (typeof rows.rows)[number]) => rows.rows.reduce((s, r) => s + (r[k] as number), 0);
  const target = sum('target');
  const covered = sum('covered');
  const workersInCovered = sum('workersInCovered');
  const rate = (c: number, t: number) => (t === 0 ? null : Math.round((10000 * c) / t) / 10000);
  return {
    asOf: d,
    unit: { id: unitId, name: v.name },
    operating: sum('operating'),
    target,
    covered,
    uncovered: target - covered,
    rate: rate(covered, target),
    workersInTarget: sum('workersInTarget'),
    workersInCovered,
    membersInCovered: inCovered,
    density: workersInCovered === 0 ? null : Math.round((10000 * inCovered) / workersInCovered) / 10000,
    byOwnership: ownerships.map((o) => {
      const r = rows.rows.find((x) => x.ownership === o);
      return {
        ownership: o,
        target: r?.target ?? 0,
        covered: r?.covered ?? 0,
        rate: rate(r?.covered ?? 0, r?.target ?? 0),
      };
    }),
  };
}

/**
 * The ranking rule for enterprises without a CĐCS (docs/architecture.md), from the plan's
 * priorities: a score of workforce points (50+: 1, 100+: 2, 200+: 3, 500+: 4, 1,000+: 5), +3 for
 * foreign investment, +2 for 10 years or more of operation (+1 for 5 or more), +1 in an industrial
 * zone; ties go to the larger workforce.
 */
const scoreSql = (d: string) =>
  sql.raw(`(case when b.total >= 1000 then 5 when b.total >= 500 then 4 when b.total >= 200 then 3
      when b.total >= 100 then 2 when b.total >= 50 then 1 else 0 end)
    + (case when b.ownership = 'foreign_invested' then 3 else 0 end)
    + (case when b.started_on <= ('${d}'::date - interval '10 years') then 2
            when b.started_on <= ('${d}'::date - interval '5 years') then 1 else 0 end)
    + (case when b.industrial_zone_id is not null then 1 else 0 end)`);

export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

const REASONS = {
  workforce: (n: number) => ({ vi: `${n.toLocaleString('vi-VN')} lao động`, en: `${n.toLocaleString('en')} workers` }),
  foreign: { vi: 'Có vốn đầu tư nước ngoài', en: 'Foreign-invested' },
  years: (n: number) => ({ vi: `Hoạt động ${n} năm`, en: `Operating ${n} years` }),
  zone: (z: string) => ({ vi: `Trong ${z}`, en: `In ${z}` }),
};

type GapRow = {
  id: number;
  score: number;
  total: number;
  women: number | null;
  taxCode: string;
  name: string;
  ownership: Ownership;
  startedOn: string | null;
  zone: string | null;
  address: string | null;
  upperId: number | null;
  upperName: string | null;
  count: number;
};

export async function gaps(
  db: Db,
  caller: Caller,
  query: { unitId: number; asOf?: string | undefined; limit: number; after?: string | undefined },
  locale: Locale = 'vi',
) {
  const d = query.asOf ?? todayVn();
  const v = await visibleUnitPath(db, caller.scope, query.unitId, d);
  const after = decodeCursor<[number, number, number]>(query.after, 'nnn');
  const cursor = after
    ? sql`and (g.score < ${after[0]} or (g.score = ${after[0]} and (g.total < ${after[1]} or (g.total = ${after[1]} and g.id > ${after[2]}))))`
    : sql``;
  const res = await analytical<GapRow>(
    db,
    sql`with b as (${belonging(v.path, d)}),
      g as (select b.id, b.total, b.women, b.upper_id, ${scoreSql(d)} as score, count(*) over ()::int as count
            from b where b.g_id is null and b.total >= ${TARGET_WORKFORCE})
      select g.id, g.score, g.total, g.women, g.count, e.tax_code as "taxCode", e.name, e.ownership,
        e.started_on::text as "startedOn", z.name as zone, e.address, g.upper_id as "upperId", uv.name as "upperName"
      from g join enterprise e on e.id = g.id left join industrial_zone z on z.id = e.industrial_zone_id
      left join unit_version uv on uv.unit_id = g.upper_id and ${onDay('uv', d)}
      where true ${cursor}
      order by g.score desc, g.total desc, g.id limit ${query.limit + 1}`,
  );
  const page = res.rows.slice(0, query.limit);
  const last = page[page.length - 1];
  // The rank continues across pages: the cursor's page starts after the rows already shown.
  const offset = after ? await rankOf(db, v.path, d, after) : 0;
  const items: GapItem[] = page.map((r, i) => {
    const years = r.startedOn ? yearsBetween(r.startedOn, d) : null;
    const reasons = [REASONS.workforce(r.total)];
    if (r.ownership === 'foreign_invested') reasons.push(REASONS.foreign);
    if (years !== null && years >= 5) reasons.push(REASONS.years(years));
    if (r.zone) reasons.push(REASONS.zone(r.zone));
    return {
      rank: offset + i + 1,
      id: r.id,
      taxCode: r.taxCode,
      name: r.name,
      ownership: r.ownership,
      workforce: r.total,
      women: r.women,
      startedOn: r.startedOn,
      yearsOperating: years,
      zone: r.zone,
      address: r.address,
      upperUnion: r.upperId !== null ? { id: r.upperId, name: r.upperName ?? '' } : null,
      priority: { score: r.score, reasons: reasons.map((x) => x[locale]) },
    };
  });
  return {
    asOf: d,
    total: res.rows[0]?.count ?? (after ? offset : 0),
    items,
    next: res.rows.length > query.limit && last ? encodeCursor([last.score, last.total, last.id]) : null,
  };
}

async function rankOf(db: Conn, path: string, d: string, after: [number, number, number]) {
  const res = await analytical<{ n: number }>(
    db,
    sql`with b as (${belonging(path, d)}),
      g as (select b.id, b.total, ${scoreSql(d)} as score from b where b.g_id is null and b.total >= ${TARGET_WORKFORCE})
      select count(*)::int as n from g where g.score > ${after[0]} or (g.score = ${after[0]} and (g.total > ${after[1]}
        or (g.total = ${after[1]} and g.id <= ${after[2]})))`,
  );
  return res.rows[0]?.n ?? 0;
}
