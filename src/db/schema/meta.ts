import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Facts about this database itself: which dataset seeded it, and when. */
export const systemSetting = pgTable('system_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
