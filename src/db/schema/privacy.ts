import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every view and export of a person's sensitive fields (citizen ID, phone, social insurance number):
 * who, when, whose, and how. Personal-data law asks that each access can be accounted for.
 */
export const personalDataAccess = pgTable(
  'personal_data_access',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: bigint('user_id', { mode: 'number' }),
    userName: text('user_name'),
    kind: text('kind').notNull(),
    /** The one person viewed, or null for a list or export (see personIds). */
    personId: bigint('person_id', { mode: 'number' }),
    personIds: jsonb('person_ids'),
    rows: integer('rows'),
    detail: text('detail'),
  },
  (t) => [index('personal_data_access_person_idx').on(t.personId), index('personal_data_access_at_idx').on(t.at)],
);
