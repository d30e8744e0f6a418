import { z } from 'zod';
import { isoDay, msg } from '../../lib/schemas.ts';
import { measures } from './measures.ts';

export const granularities = ['all', 'year', 'quarter', 'month'] as const;

const goal = z
  .number()
  .min(0, msg('Chỉ tiêu không được âm.', 'A target cannot be negative.'))
  .max(100_000_000, msg('Chỉ tiêu quá lớn.', 'The target is too large.'));

export const targetBody = z.object({
  measure: z.enum(measures),
  /** Shown name; a default per measure when left out ("Tổng số đoàn viên", ...). */
  name: z.string().trim().min(1).max(300).optional(),
  /** Defaults to the plan's start and end. */
  startsOn: isoDay.optional(),
  dueOn: isoDay.optional(),
  /** A count, or for coverage_rate a rate in [0, 1] (1 = 100%). */
  goal,
});
export type TargetInput = z.infer<typeof targetBody>;

export const createPlanBody = z.object({
  unitId: z.number().int().positive(),
  name: z
    .string()
    .trim()
    .min(3, msg('Nhập tên kế hoạch (ít nhất 3 ký tự).', 'Name the plan (at least 3 characters).'))
    .max(500),
  documentNo: z.string().trim().max(100).optional(),
  startsOn: isoDay,
  endsOn: isoDay,
  targets: z.array(targetBody).max(30).default([]),
});
export type CreatePlanInput = z.infer<typeof createPlanBody>;

export const targetView = z.object({
  id: z.number(),
  measure: z.enum(measures),
  name: z.string(),
  startsOn: z.string(),
  dueOn: z.string(),
  goal: z.number(),
  additive: z.boolean(),
});
export type TargetView = z.infer<typeof targetView>;

export const planView = z.object({
  id: z.number(),
  name: z.string(),
  documentNo: z.string().nullable(),
  unit: z.object({ id: z.number(), name: z.string() }),
  startsOn: z.string(),
  endsOn: z.string(),
  targets: z.array(targetView),
  /** The caller may add targets (they write the owner unit). */
  canEdit: z.boolean(),
});
export type PlanView = z.infer<typeof planView>;
export const planListSchema = z.object({ items: z.array(planView) });

export const allocationQuery = z.object({
  /** The unit whose share is split; the plan's owner when left out. */
  unitId: z.coerce.number().int().positive().optional(),
  granularity: z.enum(granularities).default('all'),
});
export type AllocationQuery = z.infer<typeof allocationQuery>;

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
const periodValues = z.record(z.string(), z.number().nullable());

export const allocationTable = z.object({
  target: targetView,
  plan: z.object({ id: z.number(), name: z.string() }),
  unit: unitRef,
  /** The tree day the sub-units are listed for: the target's due day, or today if sooner. */
  treeDay: z.string(),
  granularity: z.enum(granularities),
  periods: z.array(z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() })),
  /** The unit's own share per period (the plan's goal for its owner); null where none was given. */
  share: periodValues,
  rows: z.array(
    z.object({
      unit: unitRef.extend({ type: z.string(), childCount: z.number() }),
      values: periodValues,
    }),
  ),
  /** Sum of the rows per period (null for a rate: rates are not added). */
  sums: periodValues,
  additive: z.boolean(),
  canEdit: z.boolean(),
});
export type AllocationTable = z.infer<typeof allocationTable>;

export const allocationBody = z.object({
  unitId: z.number().int().positive(),
  cells: z
    .array(
      z.object({
        unitId: z.number().int().positive(),
        period: z.string().trim().min(1).max(10),
        /** null clears the cell. */
        value: goal.nullable(),
      }),
    )
    .min(1)
    .max(5000),
});
export type AllocationInput = z.infer<typeof allocationBody>;

export const progressQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  asOf: isoDay.optional(),
});
export type ProgressQuery = z.infer<typeof progressQuery>;

/** not_applicable: a coverage target where the unit has no operating enterprise of 25+ workers. */
export const progressStatuses = [
  'achieved',
  'on_track',
  'at_risk',
  'behind',
  'missed',
  'no_target',
  'not_applicable',
] as const;

const figure = z.object({
  /** The share given to the unit (the goal for the plan's owner); null when none was given. */
  allocated: z.number().nullable(),
  actual: z.number().nullable(),
  /** actual / allocated, 1 = 100%. */
  ratio: z.number().nullable(),
  /** Where a straight line from the start to the target reaches today. */
  expected: z.number().nullable(),
  /** Where the pace so far ends on the due day. */
  forecast: z.number().nullable(),
  status: z.enum(progressStatuses),
  /** coverage_rate: enterprises behind the rate, and the judgement adjusted for fast growth. */
  coverage: z
    .object({
      covered: z.number(),
      target: z.number(),
      targetAtStart: z.number(),
      adjustedRate: z.number().nullable(),
      rule: z.string().nullable(),
    })
    .optional(),
});
export type ProgressFigure = z.infer<typeof figure>;

export const progressSchema = z.object({
  plan: z.object({ id: z.number(), name: z.string() }),
  unit: unitRef,
  asOf: z.string(),
  targets: z.array(
    z.object({
      target: targetView,
      /** The day measured: the due day once it has passed, else asOf. */
      measuredOn: z.string(),
      unit: figure,
      periods: z.array(z.object({ key: z.string(), label: z.string(), allocated: z.number(), actual: z.number() })),
      rows: z.array(z.object({ unit: unitRef, figure })),
    }),
  ),
  /** Sub-units behind or at risk on some target: the early warnings. */
  warnings: z.array(z.object({ unit: unitRef, targetId: z.number(), status: z.enum(progressStatuses) })),
});
export type Progress = z.infer<typeof progressSchema>;

export const commendationSchema = z.object({
  plan: z.object({ id: z.number(), name: z.string() }),
  asOf: z.string(),
  rule: z.string(),
  units: z.array(
    z.object({
      unit: unitRef,
      /** The mean of actual / allocated over the unit's targets. */
      meanRatio: z.number(),
      targets: z.array(z.object({ targetId: z.number(), name: z.string(), allocated: z.number(), actual: z.number() })),
    }),
  ),
  people: z.array(
    z.object({ name: z.string(), role: z.string(), recognisedDrives: z.number(), units: z.array(z.string()) }),
  ),
});
export type Commendations = z.infer<typeof commendationSchema>;
