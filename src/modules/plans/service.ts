import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { plan, target, targetAllocation } from '../../db/schema/plans.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { earlierDay, todayVn } from '../../lib/dates.ts';
import { type FieldProblem, invalid, notFound } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import { selectVersionForDay } from '../units/queries.ts';
import { isAdditive, type Measure } from './measures.ts';
import { periodLabel, periodsOf, periodWindow, requirePeriod } from './periods.ts';
import * as q from './queries.ts';
import type {
  AllocationInput,
  AllocationQuery,
  AllocationTable,
  CreatePlanInput,
  PlanView,
  TargetInput,
  TargetView,
} from './schema.ts';

export const PLAN = { vi: 'kế hoạch', en: 'plan' };
export const TARGET = { vi: 'chỉ tiêu', en: 'target' };
const UNIT = { vi: 'đơn vị', en: 'unit' };

export type PlanCaller = { id: number | null; scope: Scope };

const defaultNames: Record<Measure, { vi: string }> = {
  member_count: { vi: 'Tổng số đoàn viên' },
  new_members: { vi: 'Kết nạp đoàn viên mới' },
  new_grassroots_unions: { vi: 'Thành lập CĐCS mới' },
  coverage_rate: { vi: 'Tỷ lệ doanh nghiệp từ 25 lao động có CĐCS' },
};

/** Ids of every unit on the paths of the caller's units: plans of their upper unions are theirs to see. */
async function ancestorIds(db: Db, scope: Scope): Promise<Set<number>> {
  if (scope.all) return new Set();
  const units = await q.selectUnitsNamed(db, scope.readUnitIds, todayVn());
  return new Set(units.flatMap((u) => u.path.split('.').map(Number)));
}

/**
 * A unit whose table or progress the caller may look at: in their subtree (as for progress). Their
 * own share shows in their own table; the tables of their upper unions, with their siblings'
 * shares, are their upper unions' to show.
 */
async function readableUnit(db: Db, scope: Scope, unitId: number, d: string) {
  const [u] = await q.selectUnitsNamed(db, [unitId], d);
  if (!u || !pathInScope(scope, u.path)) throw notFound(UNIT, unitId);
  return u;
}

/** The unit a caller looks at by default: the plan's owner if they see it, else their own unit under it. */
export function defaultUnit(caller: PlanCaller, p: q.PlanRow): number {
  if (caller.scope.all || pathInScope(caller.scope, p.unitPath)) return p.unitId;
  return caller.scope.readUnitIds[0] ?? p.unitId;
}

function targetView(t: q.TargetRow): TargetView {
  const measure = t.measure as Measure;
  return { ...t, measure, additive: isAdditive(measure) };
}

function planView(p: q.PlanRow, targets: q.TargetRow[], scope: Scope): PlanView {
  return {
    id: p.id,
    name: p.name,
    documentNo: p.documentNo,
    unit: { id: p.unitId, name: p.unitName },
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    targets: targets.filter((t) => t.planId === p.id).map(targetView),
    canEdit: canWriteUnder(scope, p.unitPath),
  };
}

export async function readablePlan(db: Db, scope: Scope, id: number) {
  const p = await q.selectPlan(db, id);
  if (!p || (!pathInScope(scope, p.unitPath) && !(await ancestorIds(db, scope)).has(p.unitId)))
    throw notFound(PLAN, id);
  return p;
}

/** Plans the caller sees: their units', their sub-units', and their upper unions'. */
export async function list(db: Db, caller: PlanCaller, unitId?: number) {
  let plans = await q.selectPlans(db, unitId ? [unitId] : null);
  if (!caller.scope.all) {
    const ancestors = await ancestorIds(db, caller.scope);
    plans = plans.filter((p) => ancestors.has(p.unitId) || pathInScope(caller.scope, p.unitPath));
  }
  const targets = await q.selectTargets(
    db,
    plans.map((p) => p.id),
  );
  return { items: plans.map((p) => planView(p, targets, caller.scope)) };
}

export async function detail(db: Db, caller: PlanCaller, id: number) {
  const p = await readablePlan(db, caller.scope, id);
  return planView(p, await q.selectTargets(db, [id]), caller.scope);
}

function targetRow(planId: number, planWindow: { from: string; to: string }, t: TargetInput, i: number, order: number) {
  const startsOn = t.startsOn ?? planWindow.from;
  const dueOn = t.dueOn ?? planWindow.to;
  const problems: FieldProblem[] = [];
  if (dueOn < startsOn)
    problems.push({
      field: `targets.${i}.dueOn`,
      vi: 'Hạn của chỉ tiêu phải sau ngày bắt đầu.',
      en: 'A target is due after it starts.',
    });
  if (t.measure === 'coverage_rate' && t.goal > 1)
    problems.push({
      field: `targets.${i}.goal`,
      vi: `Tỷ lệ nhập dạng số thập phân từ 0 đến 1 (100% là 1), không phải ${t.goal}.`,
      en: `A rate is a number from 0 to 1 (100% is 1), not ${t.goal}.`,
    });
  return {
    problems,
    row: {
      planId,
      measure: t.measure,
      name: t.name ?? defaultNames[t.measure].vi,
      startsOn,
      dueOn,
      goal: t.goal,
      sortOrder: order,
    },
  };
}

export async function create(db: Db, caller: PlanCaller, actor: Actor, input: CreatePlanInput) {
  const owner = await selectVersionForDay(db, input.unitId, earlierDay(todayVn(), input.endsOn));
  if (!owner || !pathInScope(caller.scope, owner.path)) throw notFound(UNIT, input.unitId);
  if (!canWriteUnder(caller.scope, owner.path)) throw outOfScope();
  if (input.endsOn < input.startsOn)
    throw invalid([
      { field: 'endsOn', vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The plan ends after it starts.' },
    ]);
  const checked = input.targets.map((t, i) => targetRow(0, { from: input.startsOn, to: input.endsOn }, t, i, i));
  const problems = checked.flatMap((c) => c.problems);
  if (problems.length > 0) throw invalid(problems);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(plan)
      .values({
        unitId: input.unitId,
        name: input.name,
        documentNo: input.documentNo ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: caller.id,
      })
      .returning({ id: plan.id });
    const id = created?.id as number;
    if (checked.length > 0) await tx.insert(target).values(checked.map((c) => ({ ...c.row, planId: id })));
    await recordAudit(tx, actor, { action: 'plan.create', entityType: 'plan', entityId: id, after: input });
    return id;
  });
}

export async function addTarget(db: Db, caller: PlanCaller, actor: Actor, planId: number, input: TargetInput) {
  const p = await readablePlan(db, caller.scope, planId);
  if (!canWriteUnder(caller.scope, p.unitPath)) throw outOfScope();
  const existing = await q.selectTargets(db, [planId]);
  const { problems, row } = targetRow(planId, { from: p.startsOn, to: p.endsOn }, input, 0, existing.length);
  if (problems.length > 0) throw invalid(problems.map((x) => ({ ...x, field: x.field.replace('targets.0.', '') })));
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(target).values(row).returning({ id: target.id });
    await recordAudit(tx, actor, {
      action: 'target.create',
      entityType: 'target',
      entityId: created?.id ?? null,
      after: row,
    });
    return created?.id as number;
  });
}

export async function readableTarget(db: Db, scope: Scope, id: number) {
  const t = await q.selectTarget(db, id);
  if (!t) throw notFound(TARGET, id);
  const p = await readablePlan(db, scope, t.planId).catch(() => {
    throw notFound(TARGET, id);
  });
  return { t, p };
}

/** The day a target's table lists sub-units for: its due day, or today while it runs. */
export const treeDayOf = (t: q.TargetRow) => earlierDay(todayVn(), t.dueOn);

export async function allocationTable(
  db: Db,
  caller: PlanCaller,
  targetId: number,
  query: AllocationQuery,
): Promise<AllocationTable> {
  const { t, p } = await readableTarget(db, caller.scope, targetId);
  const d = treeDayOf(t);
  const unitId = query.unitId ?? defaultUnit(caller, p);
  const u = await readableUnit(db, caller.scope, unitId, d);
  if (!u.path.split('.').map(Number).includes(p.unitId)) throw notFound(UNIT, unitId);
  const children = await q.selectChildUnits(db, unitId, d);
  const span = { from: t.startsOn, to: t.dueOn };
  const keys = periodsOf(query.granularity, span);
  const cells = await q.selectAllocations(db, [targetId], [unitId, ...children.map((c) => c.id)]);
  const cellValue = (id: number, period: string) =>
    cells.find((c) => c.unitId === id && c.period === period)?.value ?? null;
  const additive = isAdditive(t.measure as Measure);
  const share: Record<string, number | null> = {};
  const sums: Record<string, number | null> = {};
  for (const k of keys) {
    share[k] = unitId === p.unitId && k === 'all' ? t.goal : cellValue(unitId, k);
    const values = children.map((c) => cellValue(c.id, k)).filter((v): v is number => v !== null);
    sums[k] = additive && values.length > 0 ? values.reduce((s, v) => s + v, 0) : null;
  }
  return {
    target: targetView(t),
    plan: { id: p.id, name: p.name },
    unit: { id: u.id, code: u.code, name: u.name },
    treeDay: d,
    granularity: query.granularity,
    periods: keys.map((k) => {
      const w = periodWindow(k, span) as { from: string; to: string };
      return { key: k, label: periodLabel(k), from: w.from, to: w.to };
    }),
    share,
    rows: children.map((c) => ({
      unit: { id: c.id, code: c.code, name: c.name, type: c.type, childCount: c.childCount },
      values: Object.fromEntries(keys.map((k) => [k, cellValue(c.id, k)])),
    })),
    sums,
    additive,
    canEdit: canWriteUnder(caller.scope, u.path),
  };
}

/**
 * Sets cells of a unit's table: its sub-units' shares (any period) and its own split by period (a
 * unit's whole share comes from the unit above). A changed cell closes the old value and opens a
 * new one; nothing is overwritten. All cells or none.
 */
export async function setAllocation(
  db: Db,
  caller: PlanCaller,
  actor: Actor,
  targetId: number,
  input: AllocationInput,
) {
  const { t, p } = await readableTarget(db, caller.scope, targetId);
  const d = treeDayOf(t);
  const u = await readableUnit(db, caller.scope, input.unitId, d);
  if (!u.path.split('.').map(Number).includes(p.unitId)) throw notFound(UNIT, input.unitId);
  if (!canWriteUnder(caller.scope, u.path)) throw outOfScope();
  const children = await q.selectChildUnits(db, input.unitId, d);
  const names = new Map(children.map((c) => [c.id, c.name]));
  const span = { from: t.startsOn, to: t.dueOn };
  const problems: FieldProblem[] = [];
  const cells = input.cells.map((c, i) => {
    const where = `cells.${i}`;
    let period = c.period;
    try {
      period = requirePeriod(c.period, span, `${where}.period`);
    } catch (e) {
      problems.push(...((e as { problems?: FieldProblem[] }).problems ?? []));
    }
    if (c.unitId === input.unitId) {
      if (period === 'all')
        problems.push({
          field: `${where}.period`,
          vi: `Chỉ tiêu cả kỳ của ${u.name} do ${input.unitId === p.unitId ? 'kế hoạch' : 'đơn vị cấp trên'} giao; ở đây chỉ chia theo năm, quý, tháng.`,
          en: `The whole share of ${u.name} is set ${input.unitId === p.unitId ? 'by the plan' : 'by the upper unit'}; split it here by year, quarter or month.`,
        });
    } else if (!names.has(c.unitId)) {
      problems.push({
        field: `${where}.unitId`,
        vi: `Đơn vị ${c.unitId} không phải đơn vị trực thuộc của ${u.name} (ngày ${d}).`,
        en: `Unit ${c.unitId} is not a direct sub-unit of ${u.name} (on ${d}).`,
      });
    }
    if (t.measure === 'coverage_rate' && c.value !== null && c.value > 1)
      problems.push({
        field: `${where}.value`,
        vi: `Tỷ lệ nhập dạng số thập phân từ 0 đến 1 (100% là 1), không phải ${c.value}.`,
        en: `A rate is a number from 0 to 1 (100% is 1), not ${c.value}.`,
      });
    if (t.measure !== 'coverage_rate' && c.value !== null && !Number.isInteger(c.value))
      problems.push({
        field: `${where}.value`,
        vi: `Chỉ tiêu này là số nguyên (${c.value} không hợp lệ).`,
        en: `This target is a whole number (${c.value} is not).`,
      });
    return { unitId: c.unitId, period, value: c.value };
  });
  if (problems.length > 0) throw invalid(problems);
  return db.transaction(async (tx) => {
    const current = await q.selectAllocations(tx, [targetId], [...new Set(cells.map((c) => c.unitId))]);
    const audit = [];
    for (const c of cells) {
      const before = current.find((x) => x.unitId === c.unitId && x.period === c.period)?.value ?? null;
      if (before === c.value) continue;
      if (before !== null)
        await tx
          .update(targetAllocation)
          .set({ replacedAt: new Date() })
          .where(
            and(
              eq(targetAllocation.targetId, targetId),
              eq(targetAllocation.unitId, c.unitId),
              eq(targetAllocation.period, c.period),
              isNull(targetAllocation.replacedAt),
            ),
          );
      if (c.value !== null)
        await tx
          .insert(targetAllocation)
          .values({ targetId, unitId: c.unitId, period: c.period, value: c.value, setBy: caller.id });
      audit.push({
        action: 'target_allocation.set',
        entityType: 'target',
        entityId: targetId,
        before: { unitId: c.unitId, period: c.period, value: before },
        after: { unitId: c.unitId, period: c.period, value: c.value },
      });
    }
    if (audit.length > 0) await recordAudit(tx, actor, audit);
    return { changed: audit.length };
  });
}

/** Cells in force for some units of one target (the progress and report pages read them). */
export async function allocationsOf(db: Db, targetIds: number[], unitIds: number[]) {
  return q.selectAllocations(db, targetIds, unitIds);
}
