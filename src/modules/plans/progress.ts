/**
 * Live progress of a plan's targets for a unit and its sub-units, as of any day: actual against
 * allocated, computed from the register's events (measures.ts), with where a straight line says
 * the unit should be by now, where its pace so far ends on the due day, and early warnings.
 *
 * Rules (docs/architecture.md, "Plans and targets"):
 * - A target is measured on min(asOf, due day): after the deadline the result is final.
 * - Flows (new members, new CĐCS) count from the target's start; stocks (members, coverage) are
 *   read on the day, with the level on the start day as the baseline for the pace.
 * - Forecast: flows, actual x (days of the target / days gone); stocks, baseline + (actual -
 *   baseline) x the same ratio. Status: achieved (actual >= allocated), on_track (forecast >=
 *   allocated), at_risk (the pace covers 90% of the way: of the growth needed, for a stock),
 *   behind; missed once the due day has passed.
 * - Fast enterprise growth (the plan's adjusted judgement): when a unit's operating enterprises
 *   with 25+ workers grew more than 20% since the target started, its coverage is judged against
 *   the enterprises it had then: covered now / enterprises at the start, at most 100%.
 */
import type { Db } from '../../db/client.ts';
import { daysBetween, earlierDay, todayVn } from '../../lib/dates.ts';
import { notFound } from '../../lib/errors.ts';
import { pathInScope } from '../../lib/scope.ts';
import { type Figure, isStock, type Measure, type Measured, measure } from './measures.ts';
import { periodLabel, periodWindow } from './periods.ts';
import * as q from './queries.ts';
import type { Progress, ProgressFigure, ProgressQuery } from './schema.ts';
import { defaultUnit, type PlanCaller, readablePlan } from './service.ts';

export const FAST_GROWTH = 0.2;
const AT_RISK = 0.9;

type Judged = { t: q.TargetRow; measuredOn: string; elapsed: number; total: number; final: boolean };

function judge(t: q.TargetRow, asOf: string): Judged {
  const measuredOn = earlierDay(asOf, t.dueOn);
  return {
    t,
    measuredOn,
    elapsed: Math.max(0, daysBetween(t.startsOn, measuredOn) + 1),
    total: daysBetween(t.startsOn, t.dueOn) + 1,
    final: asOf >= t.dueOn,
  };
}

/**
 * How much of the way to the target the pace covers: for a stock, of the growth needed from its
 * start level (1,080 of a needed 1,000 -> 1,100 is 80%, not 98%); for a flow, of the target.
 */
function reach(forecast: number, allocated: number, base: number) {
  if (allocated <= base) return forecast >= allocated ? 1 : 0;
  return (forecast - base) / (allocated - base);
}

/** One unit's figure for one target. */
export function figureOf(
  j: Judged,
  allocated: number | null,
  actual: Figure | undefined,
  baseline: Figure | undefined,
): ProgressFigure {
  const m = j.t.measure as Measure;
  const stock = isStock(m);
  const v = actual?.value ?? (m === 'coverage_rate' ? null : 0);
  const base = stock ? (baseline?.value ?? (m === 'coverage_rate' ? null : 0)) : 0;
  const share = j.elapsed / j.total;
  const forecast =
    v === null || j.elapsed === 0 ? null : j.final ? v : stock ? (base ?? 0) + (v - (base ?? 0)) / share : v / share;
  const expected =
    allocated === null ? null : stock ? (base ?? 0) + (allocated - (base ?? 0)) * share : allocated * share;
  let coverage: ProgressFigure['coverage'];
  let judged = v;
  if (m === 'coverage_rate') {
    const targetAtStart = baseline?.target ?? 0;
    const targetNow = actual?.target ?? 0;
    const fast = targetAtStart > 0 && targetNow > targetAtStart * (1 + FAST_GROWTH);
    const adjustedRate = fast ? Math.min(1, (actual?.covered ?? 0) / targetAtStart) : null;
    coverage = {
      covered: actual?.covered ?? 0,
      target: targetNow,
      targetAtStart,
      adjustedRate,
      rule: fast
        ? `Số doanh nghiệp từ 25 lao động tăng ${Math.round((100 * (targetNow - targetAtStart)) / targetAtStart)}% (từ ${targetAtStart} lên ${targetNow}), quá ${FAST_GROWTH * 100}%: mức hoàn thành tính trên số doanh nghiệp lúc giao chỉ tiêu = ${actual?.covered ?? 0} ÷ ${targetAtStart} (tối đa 100%).`
        : null,
    };
    if (adjustedRate !== null) judged = adjustedRate;
  }
  let status: ProgressFigure['status'];
  if (allocated === null) status = 'no_target';
  else if (m === 'coverage_rate' && (actual?.target ?? 0) === 0) status = 'not_applicable';
  else if (judged !== null && judged >= allocated) status = 'achieved';
  else if (j.final) status = 'missed';
  else if (forecast !== null && forecast >= allocated) status = 'on_track';
  else if (forecast !== null && reach(forecast, allocated, stock ? (base ?? 0) : 0) >= AT_RISK) status = 'at_risk';
  else status = 'behind';
  return {
    allocated,
    actual: v,
    ratio: allocated === null || allocated === 0 || judged === null ? null : judged / allocated,
    expected,
    forecast,
    status,
    ...(coverage ? { coverage } : {}),
  };
}

export async function measureTarget(db: Db, j: Judged, unitId: number) {
  const m = j.t.measure as Measure;
  const window = { from: j.t.startsOn, to: j.measuredOn };
  const empty: Measured = { total: { value: m === 'coverage_rate' ? null : 0 }, children: new Map() };
  // Both at once: on PostgreSQL they run on two connections (PGlite queues them).
  const [actual, baseline] = await Promise.all([
    j.measuredOn < j.t.startsOn ? empty : measure(db, m, unitId, window),
    isStock(m) ? measure(db, m, unitId, { from: j.t.startsOn, to: j.t.startsOn }) : undefined,
  ]);
  return { actual, baseline };
}

export async function progress(db: Db, caller: PlanCaller, planId: number, query: ProgressQuery): Promise<Progress> {
  const p = await readablePlan(db, caller.scope, planId);
  const asOf = query.asOf ?? todayVn();
  const unitId = query.unitId ?? defaultUnit(caller, p);
  const treeDay = earlierDay(asOf, p.endsOn);
  const [u] = await q.selectUnitsNamed(db, [unitId], treeDay);
  if (!u || (!pathInScope(caller.scope, u.path) && !caller.scope.all))
    throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
  if (!u.path.split('.').map(Number).includes(p.unitId)) throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
  const targets = await q.selectTargets(db, [planId]);
  const children = await q.selectChildUnits(db, unitId, treeDay);
  const cells = await q.selectAllocations(
    db,
    targets.map((t) => t.id),
    [unitId, ...children.map((c) => c.id)],
  );
  const cell = (targetId: number, id: number, period: string) =>
    cells.find((c) => c.targetId === targetId && c.unitId === id && c.period === period)?.value ?? null;
  const out: Progress['targets'] = [];
  const warnings: Progress['warnings'] = [];
  // Targets are measured side by side (each is its own queries); warnings keep the targets' order.
  const measured = await Promise.all(
    targets.map(async (t) => {
      const j = judge(t, asOf);
      const [m, periods] = await Promise.all([measureTarget(db, j, unitId), periodFigures(db, t, unitId, asOf, cells)]);
      return { t, j, ...m, periods };
    }),
  );
  for (const { t, j, actual, baseline, periods } of measured) {
    const own = unitId === p.unitId ? t.goal : cell(t.id, unitId, 'all');
    const rows = children.map((c) => {
      const figure = figureOf(j, cell(t.id, c.id, 'all'), actual.children.get(c.id), baseline?.children.get(c.id));
      if (figure.status === 'behind' || figure.status === 'at_risk' || figure.status === 'missed')
        warnings.push({ unit: { id: c.id, code: c.code, name: c.name }, targetId: t.id, status: figure.status });
      return { unit: { id: c.id, code: c.code, name: c.name }, figure };
    });
    out.push({
      target: { ...t, measure: t.measure as Measure, additive: t.measure !== 'coverage_rate' },
      measuredOn: j.measuredOn,
      unit: figureOf(j, own, actual.total, baseline?.total),
      periods,
      rows,
    });
  }
  return {
    plan: { id: p.id, name: p.name },
    unit: { id: u.id, code: u.code, name: u.name },
    asOf,
    targets: out,
    warnings,
  };
}

/** The unit's own split by year, quarter or month, each period measured by itself. */
async function periodFigures(
  db: Db,
  t: q.TargetRow,
  unitId: number,
  asOf: string,
  cells: (q.AllocationRow & { targetId: number })[],
) {
  const own = cells.filter((c) => c.targetId === t.id && c.unitId === unitId && c.period !== 'all');
  own.sort((a, b) => (a.period < b.period ? -1 : 1));
  const measured = await Promise.all(
    own.map(async (c) => {
      const w = periodWindow(c.period, { from: t.startsOn, to: t.dueOn });
      if (!w) return null;
      const to = earlierDay(w.to, asOf);
      const actual =
        to >= w.from ? ((await measure(db, t.measure as Measure, unitId, { from: w.from, to })).total.value ?? 0) : 0;
      return { key: c.period, label: periodLabel(c.period), allocated: c.value, actual };
    }),
  );
  const out = measured.filter((x) => x !== null);
  return out;
}
