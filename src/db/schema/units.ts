import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ltree } from './types.ts';

/** Unit types are data (the 2025 reform showed levels change): code, names, display order. */
export const unitType = pgTable('unit_type', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  abbrevVi: text('abbrev_vi'),
  sortOrder: integer('sort_order').notNull(),
  /** A grassroots-level unit: the unit a member belongs to. */
  isGrassroots: boolean('is_grassroots').notNull().default(false),
});

/** A unit's identity: what never changes. Everything that does lives in unit_version. */
export const unit = pgTable(
  'unit',
  {
    // By default, so that the seed and imports can keep ids stable; the sequence is moved past them.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    foundedOn: date('founded_on', { mode: 'string' }).notNull(),
    /** Set when the unit's last version is closed; null while it operates. */
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('unit_code_uq').on(t.code)],
);

/**
 * One period of a unit's placement and facts: [valid_from, valid_to). A move, rename or change of
 * type closes the open version and opens a new one, so "the tree as of D" is a filter, not a replay.
 * path holds the ids from the root to this unit for that period, so subtree queries are one index
 * scan; moving a unit opens new versions for its whole subtree (their paths changed).
 */
export const unitVersion = pgTable(
  'unit_version',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    parentId: bigint('parent_id', { mode: 'number' }).references(() => unit.id),
    type: text('type')
      .notNull()
      .references(() => unitType.code),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    /** sortKey(name) from lib/vietnamese.ts: ORDER BY it gives Vietnamese order on any server. */
    sortKey: text('sort_key').notNull(),
    shortName: text('short_name'),
    areaCode: text('area_code'),
    path: ltree('path').notNull(),
    depth: integer('depth').notNull(),
    changeReason: text('change_reason'),
  },
  (t) => [
    index('unit_version_unit_idx').on(t.unitId, t.validFrom),
    // The units that start or end between two days: coverage since a month end (enterprises/coverage-snapshots.ts).
    index('unit_version_valid_from_idx').on(t.validFrom),
    index('unit_version_valid_to_idx').on(t.validTo).where(sql`${t.validTo} is not null`),
    index('unit_version_parent_idx').on(t.parentId, t.validFrom),
    index('unit_version_path_gist').using('gist', t.path),
    index('unit_version_current_path_gist').using('gist', t.path).where(sql`${t.validTo} is null`),
    index('unit_version_name_trgm').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
    check('unit_version_period_chk', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);
