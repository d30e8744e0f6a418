import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { unit } from './units.ts';

/**
 * A plan (kế hoạch) of one unit, e.g. the province's "Phát triển đoàn viên, thành lập CĐCS đến
 * năm 2023". Its targets are measured from the register's events; nothing in it is a typed result.
 */
export const plan = pgTable(
  'plan',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** The unit that owns the plan: its goal is the plan's, its subtree splits it. */
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    name: text('name').notNull(),
    /** Số hiệu văn bản (e.g. "125/KH-LĐLĐ"), as printed on the plan. */
    documentNo: text('document_no'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_unit_idx').on(t.unitId), check('plan_period_chk', sql`${t.endsOn} >= ${t.startsOn}`)],
);

/**
 * A target (chỉ tiêu): one measure, over the plan's period or a part of it, with the owner's goal.
 * Measures: member_count (members on due_on), new_members (admissions and readmissions between
 * starts_on and due_on; transfers are not new), new_grassroots_unions (CĐCS founded in the period),
 * coverage_rate (share of operating enterprises with 25+ workers that have a CĐCS, on due_on).
 */
export const target = pgTable(
  'target',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    planId: bigint('plan_id', { mode: 'number' })
      .notNull()
      .references(() => plan.id),
    measure: text('measure').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The owner unit's goal: a count, or a rate in [0, 1] for coverage_rate. */
    goal: doublePrecision('goal').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('target_plan_idx').on(t.planId),
    check(
      'target_measure_chk',
      sql`${t.measure} in ('member_count', 'new_members', 'new_grassroots_unions', 'coverage_rate')`,
    ),
    check('target_period_chk', sql`${t.dueOn} >= ${t.startsOn}`),
    check('target_goal_chk', sql`${t.goal} >= 0`),
  ],
);

/**
 * One cell of the target table (bảng giao chỉ tiêu): the share of a target given to a unit, for the
 * whole target ('all') or one period of it ('2022', '2022-Q3', '2022-07'). A change never
 * overwrites: the old value is closed (replaced_at) and a new row opened, so the table as it stood
 * on any day can be shown and a report keeps the values it was judged against.
 */
export const targetAllocation = pgTable(
  'target_allocation',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    targetId: bigint('target_id', { mode: 'number' })
      .notNull()
      .references(() => target.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    setBy: bigint('set_by', { mode: 'number' }).references(() => appUser.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('target_allocation_current_uq').on(t.targetId, t.unitId, t.period).where(sql`${t.replacedAt} is null`),
    index('target_allocation_unit_idx').on(t.unitId),
    check('target_allocation_period_chk', sql`${t.period} ~ '^(all|\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?)$'`),
    check('target_allocation_value_chk', sql`${t.value} >= 0`),
  ],
);

/**
 * A periodic statistical report (báo cáo thống kê) of a unit: 6-month (interim_review), annual or
 * term (final_review). A draft is computed live; submitting stores its figures and freezes it.
 * A correction is a new version of the same unit, kind and period; the one it replaces stays.
 */
export const statisticalReport = pgTable(
  'statistical_report',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    kind: text('kind').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    status: text('status').notNull().default('draft'),
    /** Số văn bản, and the officer's commentary printed under the figures. */
    documentNo: text('document_no'),
    note: text('note'),
    /** The figures as submitted; null while a draft (a draft is computed when read). */
    figures: jsonb('figures'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: bigint('submitted_by', { mode: 'number' }).references(() => appUser.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('statistical_report_version_uq').on(t.unitId, t.kind, t.periodFrom, t.periodTo, t.version),
    // One draft at a time per unit, kind and period: a correction starts from the last submission.
    uniqueIndex('statistical_report_one_draft_uq')
      .on(t.unitId, t.kind, t.periodFrom, t.periodTo)
      .where(sql`${t.status} = 'draft'`),
    index('statistical_report_period_idx').on(t.kind, t.periodFrom, t.periodTo),
    check('statistical_report_kind_chk', sql`${t.kind} in ('six_month', 'annual', 'term')`),
    check('statistical_report_status_chk', sql`${t.status} in ('draft', 'submitted')`),
    check('statistical_report_period_chk', sql`${t.periodTo} >= ${t.periodFrom}`),
    check(
      'statistical_report_frozen_chk',
      sql`(${t.status} = 'draft') = (${t.figures} is null and ${t.submittedAt} is null)`,
    ),
  ],
);
