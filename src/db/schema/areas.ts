import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Administrative areas (province, district, commune) with their official codes. An area lives from
 * valid_from to valid_to (exclusive); the 2025 reform ended districts and merged communes, and
 * area_succession says which new area took over each old one.
 */
export const area = pgTable(
  'area',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('area_parent_idx').on(t.parentCode),
    check('area_level_chk', sql`${t.level} in ('province', 'district', 'commune')`),
    check('area_period_chk', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export const areaSuccession = pgTable(
  'area_succession',
  {
    oldCode: text('old_code').notNull(),
    newCode: text('new_code').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.oldCode, t.newCode] }), index('area_succession_new_idx').on(t.newCode)],
);
