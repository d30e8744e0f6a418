import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { unit } from './units.ts';

/** Industrial zones (khu công nghiệp): a plan priority, and where zone unions take charge. */
export const industrialZone = pgTable(
  'industrial_zone',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    /** The commune (or district) the zone lies in. */
    areaCode: text('area_code'),
    /** The zone union in charge of the zone's enterprises, when there is one. */
    zoneUnionId: bigint('zone_union_id', { mode: 'number' }).references(() => unit.id),
  },
  (t) => [uniqueIndex('industrial_zone_name_uq').on(t.nameFolded)],
);

/**
 * An enterprise (employer) of the register: what identifies and describes it. What changes over
 * time and drives coverage (workforce, operating status) lives in enterprise_fact, dated; the upper
 * union in charge lives in enterprise_assignment, dated. field_sources says where each descriptive
 * field came from ('manual', 'dpi', 'bhxh'), so an import never overwrites what an officer typed.
 */
export const enterprise = pgTable(
  'enterprise',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** 10 digits, or 'xxxxxxxxxx-yyy' for a branch (lib/ids.ts parseTaxCode). */
    taxCode: text('tax_code').notNull(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    sortKey: text('sort_key').notNull(),
    ownership: text('ownership').notNull(),
    /** VSIC 2018 code of the main business line (2 to 5 digits). */
    industryCode: text('industry_code'),
    industryName: text('industry_name'),
    address: text('address'),
    /** Commune (or district) code as registered; area_succession leads to today's commune. */
    areaCode: text('area_code'),
    industrialZoneId: bigint('industrial_zone_id', { mode: 'number' }).references(() => industrialZone.id),
    startedOn: date('started_on', { mode: 'string' }),
    /** Its CĐCS, once it has one: the unit's own dates say since when (and until when). */
    grassrootsUnitId: bigint('grassroots_unit_id', { mode: 'number' }).references(() => unit.id),
    fieldSources: jsonb('field_sources').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_tax_code_uq').on(t.taxCode),
    uniqueIndex('enterprise_grassroots_uq').on(t.grassrootsUnitId).where(sql`${t.grassrootsUnitId} is not null`),
    index('enterprise_name_trgm').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
    index('enterprise_sort_idx').on(t.sortKey, t.id),
    index('enterprise_zone_idx').on(t.industrialZoneId),
    check('enterprise_ownership_chk', sql`${t.ownership} in ('state', 'non_state', 'foreign_invested', 'cooperative')`),
  ],
);

/**
 * Which upper union is in charge of the enterprise, one period [valid_from, valid_to) each. An
 * enterprise belongs to a unit's subtree on day D through its CĐCS when it has one operating on D,
 * otherwise through this assignment. Periods never overlap (exclusion constraint in the migration).
 */
export const enterpriseAssignment = pgTable(
  'enterprise_assignment',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /**
     * This and upper_union_id are checked once per statement by a trigger, and an enterprise or
     * unit still named cannot be deleted (migration 0021), instead of foreign keys checked and
     * locked row by row: a register import writes one assignment per new enterprise.
     */
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    upperUnionId: bigint('upper_union_id', { mode: 'number' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    reason: text('reason'),
  },
  (t) => [
    index('enterprise_assignment_enterprise_idx').on(t.enterpriseId, t.validFrom),
    index('enterprise_assignment_union_idx').on(t.upperUnionId, t.validFrom),
    uniqueIndex('enterprise_assignment_one_open_uq').on(t.enterpriseId).where(sql`${t.validTo} is null`),
    check('enterprise_assignment_period_chk', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** One import of an outside register's extract: the provenance of the facts it brought. */
export const enterpriseImport = pgTable('enterprise_import', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  source: text('source').notNull(),
  fileName: text('file_name').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  counts: jsonb('counts').notNull(),
  importedBy: bigint('imported_by', { mode: 'number' }).references(() => appUser.id),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A dated fact about an enterprise: its workforce (total, women) or its operating status, as of
 * observed_on, from a source. The value on day D is the effective fact of its kind whose period
 * [observed_on, valid_to) contains D; valid_to is kept by the service (the next effective fact's
 * day), so "as of D" is a filter, not a search. A fact from an import that contradicts an officer's
 * value waits as 'pending' with a conflict until a person decides ('effective' or 'rejected').
 */
export const enterpriseFact = pgTable(
  'enterprise_fact',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /**
     * This and import_id are checked once per statement by a trigger, and an enterprise or import
     * still named cannot be deleted (migration 0021), instead of foreign keys checked and locked
     * row by row: a register import writes two facts per enterprise.
     */
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    workforceTotal: integer('workforce_total'),
    workforceWomen: integer('workforce_women'),
    status: text('status'),
    source: text('source').notNull(),
    state: text('state').notNull().default('effective'),
    importId: bigint('import_id', { mode: 'number' }),
    note: text('note'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => appUser.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One observation per source and day: re-importing an extract finds its own facts.
    uniqueIndex('enterprise_fact_uq').on(t.enterpriseId, t.kind, t.source, t.observedOn),
    index('enterprise_fact_effective_idx')
      .on(t.enterpriseId, t.kind, t.observedOn)
      .where(sql`${t.state} = 'effective'`),
    // The facts that start between a month end and a later day: what coverage on that day adds to
    // the month's snapshot (modules/enterprises/coverage-snapshots.ts).
    index('enterprise_fact_observed_idx').on(t.observedOn).where(sql`${t.state} = 'effective'`),
    check('enterprise_fact_kind_chk', sql`${t.kind} in ('workforce', 'status')`),
    check(
      'enterprise_fact_value_chk',
      sql`(${t.kind} = 'workforce' and ${t.workforceTotal} >= 0 and (${t.workforceWomen} is null or ${t.workforceWomen} between 0 and ${t.workforceTotal}) and ${t.status} is null)
        or (${t.kind} = 'status' and ${t.status} in ('operating', 'suspended', 'dissolving', 'closed') and ${t.workforceTotal} is null)`,
    ),
    check('enterprise_fact_source_chk', sql`${t.source} in ('manual', 'dpi', 'bhxh')`),
    check('enterprise_fact_state_chk', sql`${t.state} in ('effective', 'pending', 'rejected', 'superseded')`),
    check('enterprise_fact_period_chk', sql`${t.validTo} is null or ${t.validTo} >= ${t.observedOn}`),
  ],
);

/**
 * Where an outside register disagrees with what we hold, for a person to decide: accept the
 * register's value or keep ours. key identifies the disagreement so that re-importing the same
 * extract raises it once, and a value an officer chose to keep is not raised again.
 */
export const enterpriseConflict = pgTable(
  'enterprise_conflict',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id),
    kind: text('kind').notNull(),
    field: text('field').notNull(),
    key: text('key').notNull(),
    ourValue: jsonb('our_value'),
    registerValue: jsonb('register_value'),
    source: text('source').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** The pending fact this conflict holds back (workforce or status). */
    factId: bigint('fact_id', { mode: 'number' }).references(() => enterpriseFact.id),
    importId: bigint('import_id', { mode: 'number' }).references(() => enterpriseImport.id),
    status: text('status').notNull().default('open'),
    resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => appUser.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_conflict_key_uq').on(t.enterpriseId, t.key),
    index('enterprise_conflict_open_idx').on(t.enterpriseId).where(sql`${t.status} = 'open'`),
    check(
      'enterprise_conflict_kind_chk',
      sql`${t.kind} in ('name_differs', 'business_closed', 'workforce_jump', 'manual_differs', 'field_differs')`,
    ),
    check('enterprise_conflict_status_chk', sql`${t.status} in ('open', 'accepted', 'kept')`),
    check('enterprise_conflict_source_chk', sql`${t.source} in ('dpi', 'bhxh')`),
  ],
);

/**
 * Coverage counts on the last day of a month per anchor (the CĐCS of a covered enterprise, or the
 * upper union in charge of one without) and ownership, so that coverage on a day reads these rows
 * plus the enterprises whose facts or placements changed since, instead of the facts of every
 * enterprise (modules/enterprises/coverage-snapshots.ts). A unit's coverage is the sum over the
 * anchors standing under it on the day. Computed when first asked for; a write that changes a past
 * placement or fact forgets the days it touched (coverage_day) (migration 0020).
 */
export const coverageSnapshot = pgTable(
  'coverage_snapshot',
  {
    day: date('day', { mode: 'string' }).notNull(),
    anchorId: bigint('anchor_id', { mode: 'number' }).notNull(),
    ownership: text('ownership').notNull(),
    /** Operating enterprises; of those with 25 workers or more (target), those with a CĐCS (covered). */
    operating: integer('operating').notNull(),
    target: integer('target').notNull(),
    covered: integer('covered').notNull(),
    workersInTarget: integer('workers_in_target').notNull(),
    workersInCovered: integer('workers_in_covered').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.anchorId, t.ownership] })],
);

/** The days whose coverage snapshot rows are complete and current: a row here is the only proof. */
export const coverageDay = pgTable('coverage_day', {
  day: date('day', { mode: 'string' }).primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
