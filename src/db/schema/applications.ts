import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { person } from './members.ts';
import { unit } from './units.ts';

/**
 * A worker's application to join the union (bottom-up): filed by an officer today, by the worker in
 * the member app later. It goes to the CĐCS, or where there is none to the upper union, which
 * verifies it and admits or rejects it with a reason. The applicant follows it by tracking code.
 */
export const membershipApplication = pgTable(
  'membership_application',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    trackingCode: text('tracking_code').notNull(),
    /** The person's details as submitted (PersonInput), kept as filed. */
    applicant: jsonb('applicant').notNull(),
    applicantName: text('applicant_name').notNull(),
    /** Where it was sent: a CĐCS, or an upper union when the workplace has no CĐCS yet. */
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    employerName: text('employer_name'),
    note: text('note'),
    channel: text('channel').notNull().default('officer'),
    status: text('status').notNull().default('submitted'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => appUser.id),
    decisionReason: text('decision_reason'),
    personId: bigint('person_id', { mode: 'number' }).references(() => person.id),
  },
  (t) => [
    uniqueIndex('membership_application_tracking_uq').on(t.trackingCode),
    index('membership_application_unit_idx').on(t.unitId, t.status),
    check('membership_application_status_chk', sql`${t.status} in ('submitted', 'verified', 'admitted', 'rejected')`),
    check('membership_application_channel_chk', sql`${t.channel} in ('officer', 'app')`),
  ],
);
