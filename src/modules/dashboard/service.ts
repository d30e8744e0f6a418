/**
 * The dashboard of a unit on a day: its KPIs, members month by month, its direct sub-units ranked,
 * members broken down (gender, age, sector, ownership) and the organising drives by stage. Every
 * figure is read from dated data, so a past day's dashboard gives the same answer tomorrow.
 */
import type { Db } from '../../db/client.ts';
import { todayVn } from '../../lib/dates.ts';
import { notFound } from '../../lib/errors.ts';
import { pathInScope, type Scope } from '../../lib/scope.ts';
import { driveStages } from '../drives/schema.ts';
import { visibleUnitPath } from '../enterprises/service.ts';
import { countsOnDays } from '../members/snapshots.ts';
import { coverageRate, type Measured, newGrassrootsUnions, newMembers } from '../plans/measures.ts';
import { roots } from '../units/service.ts';
import { countAtPoints } from './counts.ts';
import * as q from './queries.ts';
import {
  type AgeBand,
  type Dashboard,
  type DashboardQuery,
  type MemberOwnership,
  memberOwnerships,
  type SectorKind,
} from './schema.ts';

export type Caller = { scope: Scope };

const UNIT = { vi: 'đơn vị', en: 'unit' };
/** The drives board's default: a stage unchanged for more than this many days is stalled. */
const STALLED_DAYS = 45;
const MONTHS = 24;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The month ends of the MONTHS - 1 months before d's month, then d itself. */
export function seriesDays(d: string): string[] {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const days: string[] = [];
  for (let back = MONTHS - 1; back >= 1; back--) {
    const idx = y * 12 + (m - 1) - back;
    const yy = Math.floor(idx / 12);
    const mm = (idx % 12) + 1;
    days.push(`${yy}-${pad(mm)}-${pad(lastDayOf(yy, mm))}`);
  }
  days.push(d);
  return days;
}

const rate = (covered: number, target: number) =>
  target === 0 ? null : Math.round((10000 * covered) / target) / 10000;

/**
 * The body directly supervising a CĐCS says which sector its members belong to: a sector union
 * (education, health...) or a zone union by name, a district federation or commune union as
 * "territorial", a provincial federation (or above) as "direct".
 */
function sectorOf(u: q.UnitRow, byId: Map<number, q.UnitRow>): { kind: SectorKind; unit: q.UnitRow | null } {
  const labels = u.path.split('.').map(Number).reverse();
  for (const id of labels.slice(1)) {
    const a = byId.get(id);
    if (!a || a.isGrassroots || a.type === 'union_section' || a.type === 'union_team') continue;
    if (a.type === 'sector_union' || a.type === 'zone_union') return { kind: a.type, unit: a };
    if (a.type === 'district_federation' || a.type === 'commune_union') return { kind: 'territorial', unit: null };
    return { kind: 'direct', unit: null };
  }
  return { kind: 'direct', unit: null };
}

/** The enterprise ownership of the nearest CĐCS on the unit's path that is an enterprise's CĐCS. */
function ownershipOf(u: q.UnitRow, byId: Map<number, q.UnitRow>): MemberOwnership {
  for (const id of u.path.split('.').map(Number).reverse()) {
    const a = byId.get(id);
    if (a?.ownership) return a.ownership as MemberOwnership;
    if (a && !a.isGrassroots) break;
  }
  return 'none';
}

const figure = (m: Measured, id: number) => m.children.get(id) ?? { value: 0 };

export async function dashboard(db: Db, caller: Caller, query: DashboardQuery): Promise<Dashboard> {
  const d = query.asOf ?? todayVn();
  const unitId = query.unitId ?? (await roots(db, caller.scope, d))[0]?.id;
  if (unitId === undefined) throw notFound(UNIT, '—');
  const v = await visibleUnitPath(db, caller.scope, unitId, d);
  const yearStart = `${d.slice(0, 4)}-01-01`;
  const days = seriesDays(d);
  const window = { from: yearStart, to: d };
  // On PostgreSQL these run side by side on the pool's connections; PGlite queues them.
  const unitList = q.selectUnits(db, v.path, d);
  const versionList = q.selectVersions(db, unitId, days[0] as string, d);
  const [units, versions, counts, admitted, founded, coverage, drives] = await Promise.all([
    unitList,
    versionList,
    // Every CĐCS that stood under the unit in the 24 months, counted at each point (with the age
    // bands on d) from the month snapshots (members/snapshots.ts): no join to person.
    versionList.then((vs) => countsOnDays(db, days, [...new Set(vs.map((x) => x.unitId))])),
    newMembers(db, unitId, window),
    newGrassrootsUnions(db, unitId, window),
    coverageRate(db, unitId, d),
    q.countDrives(db, unitId, d, yearStart, STALLED_DAYS),
  ]);

  const byId = new Map(units.map((u) => [u.id, u]));
  const { byChild: series, atLast } = countAtPoints(counts, versions, days);
  const yearStartIndex = MONTHS - 1 - Number(d.slice(5, 7));
  const total = days.map((_, k) => [...series.values()].reduce((s, c) => s + (c[k] ?? 0), 0));

  let members = 0;
  let women = 0;
  let men = 0;
  const banded = [0, 0, 0, 0];
  const sectors = new Map<string, { kind: SectorKind; unit: { id: number; name: string } | null; members: number }>();
  const owned = new Map<MemberOwnership, number>(memberOwnerships.map((o) => [o, 0]));
  for (const [id, c] of atLast) {
    members += c.n;
    women += c.women;
    men += c.men;
    for (let b = 0; b < 4; b++) banded[b] = (banded[b] ?? 0) + (c.ages?.[b] ?? 0);
    const u = byId.get(id);
    if (!u || c.n === 0) continue;
    const s = sectorOf(u, byId);
    const key = s.unit ? `u${s.unit.id}` : s.kind;
    const entry = sectors.get(key) ?? {
      kind: s.kind,
      unit: s.unit && { id: s.unit.id, name: s.unit.name },
      members: 0,
    };
    entry.members += c.n;
    sectors.set(key, entry);
    const o = ownershipOf(u, byId);
    owned.set(o, (owned.get(o) ?? 0) + c.n);
  }
  const [under30 = 0, in30s = 0, in40s = 0, over50 = 0] = banded;
  const ages: Record<AgeBand, number> = {
    under_30: under30,
    '30_39': in30s,
    '40_49': in40s,
    '50_plus': over50,
    // No birth date recorded.
    unknown: members - under30 - in30s - in40s - over50,
  };

  // CĐCS (member CĐCS not counted, as in measures.ts) per direct sub-unit they stand under.
  const cdcsPerChild = new Map<number, number>();
  let cdcs = 0;
  for (const u of units) {
    if (!u.isGrassroots || u.type === 'member_grassroots_union' || u.id === unitId) continue;
    const labels = u.path.split('.').map(Number);
    const at = labels.indexOf(unitId);
    if (at < 0) continue;
    cdcs++;
    const child = labels[at + 1] as number;
    cdcsPerChild.set(child, (cdcsPerChild.get(child) ?? 0) + 1);
  }
  const ranking = units
    .filter((u) => u.parentId === unitId)
    .map((u) => {
      const c = series.get(u.id);
      const now = c?.[MONTHS - 1] ?? 0;
      const base = c?.[yearStartIndex] ?? 0;
      const cov = coverage.children.get(u.id);
      return {
        unit: { id: u.id, name: u.name, type: u.type },
        members: now,
        membersAtYearStart: base,
        newMembers: figure(admitted, u.id).value ?? 0,
        growth: base === 0 ? null : Math.round((10000 * (now - base)) / base) / 10000,
        grassroots: cdcsPerChild.get(u.id) ?? 0,
        coverage: { rate: cov?.value ?? null, covered: cov?.covered ?? 0, target: cov?.target ?? 0 },
      };
    })
    .sort((a, b) => b.members - a.members || a.unit.name.localeCompare(b.unit.name, 'vi'));

  const stageRows = new Map(drives.map((r) => [r.stage, r]));
  const covered = coverage.total.covered ?? 0;
  const target = coverage.total.target ?? 0;
  return {
    asOf: d,
    unit: { id: unitId, name: v.name, type: v.type },
    ancestors: v.path
      .split('.')
      .slice(0, -1)
      .map(Number)
      .flatMap((id) => {
        const a = byId.get(id);
        return a && pathInScope(caller.scope, a.path) ? [{ id: a.id, name: a.name }] : [];
      }),
    yearStart,
    kpis: {
      members,
      women,
      womenShare: members === 0 ? null : Math.round((10000 * women) / members) / 10000,
      grassroots: cdcs,
      newMembers: admitted.total.value ?? 0,
      newGrassroots: founded.total.value ?? 0,
      coverage: { rate: rate(covered, target), covered, target },
      drives: {
        active: drives.reduce((s, r) => s + r.active, 0),
        stalled: drives.reduce((s, r) => s + r.stalled, 0),
      },
    },
    series: days.map((day, k) => ({ day, members: total[k] ?? 0 })),
    ranking,
    byGender: { male: men, female: women, unknown: members - women - men },
    byAge: (Object.keys(ages) as AgeBand[]).map((band) => ({ band, members: ages[band] })),
    bySector: [...sectors.values()].sort((a, b) => b.members - a.members),
    byOwnership: memberOwnerships.map((o) => ({ ownership: o, members: owned.get(o) ?? 0 })),
    drives: {
      stalledDays: STALLED_DAYS,
      stages: driveStages.map((stage) => ({
        stage,
        active: stageRows.get(stage)?.active ?? 0,
        stalled: stageRows.get(stage)?.stalled ?? 0,
      })),
      recognisedThisYear: drives.reduce((s, r) => s + r.recognised, 0),
      abandonedThisYear: drives.reduce((s, r) => s + r.abandoned, 0),
    },
  };
}
