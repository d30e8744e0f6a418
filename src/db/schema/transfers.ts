import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { person } from './members.ts';
import { unit } from './units.ts';

/**
 * A transfer that needs the receiving side's consent: the officer who asks can write the member's
 * CĐCS but not the destination (another district, say). The membership stays where it is until an
 * officer who can write the destination accepts; then the transfer happens in the same transaction.
 * A person has at most one pending request at a time.
 */
export const transferRequest = pgTable(
  'transfer_request',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => person.id),
    fromUnitId: bigint('from_unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    toUnitId: bigint('to_unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    /** The day the member should move, as asked; the accepting side may set another. */
    onDate: date('on_date', { mode: 'string' }).notNull(),
    decisionNo: text('decision_no'),
    reason: text('reason'),
    status: text('status').notNull().default('pending'),
    requestedBy: bigint('requested_by', { mode: 'number' }).references(() => appUser.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was declined or cancelled. */
    decisionReason: text('decision_reason'),
  },
  (t) => [
    uniqueIndex('transfer_request_one_pending_uq').on(t.personId).where(sql`${t.status} = 'pending'`),
    index('transfer_request_to_idx').on(t.toUnitId, t.status),
    index('transfer_request_from_idx').on(t.fromUnitId, t.status),
    check('transfer_request_status_chk', sql`${t.status} in ('pending', 'accepted', 'declined', 'cancelled')`),
  ],
);
