import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { unit } from './units.ts';

export const appUser = pgTable(
  'app_user',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('vi'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(sql`lower(${t.username})`)],
);

/** A role held for a unit and its whole subtree (system_admin holds for everything: unit null). */
export const userRole = pgTable(
  'user_role',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).references(() => unit.id),
  },
  (t) => [
    index('user_role_user_idx').on(t.userId),
    check(
      'user_role_role_chk',
      sql`${t.role} in ('system_admin', 'federation_officer', 'upper_union_officer', 'grassroots_officer', 'collaborator', 'member')`,
    ),
    check('user_role_unit_chk', sql`(${t.role} = 'system_admin') = (${t.unitId} is null)`),
  ],
);

/** Sessions live in the database so that several server processes share them. */
export const session = pgTable(
  'session',
  {
    /** sha256 of the cookie's token: a leaked table does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);
