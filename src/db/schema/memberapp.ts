import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { person } from './members.ts';
import { unit } from './units.ts';

/**
 * The member app's tables: members sign in with a one-time code (no password), talk to their union
 * in threads, read announcements and answer surveys. Officers' accounts stay in app_user.
 */

/** A member's signed-in device. Apart from officers' sessions: a member holds no role and no scope. */
export const memberSession = pgTable(
  'member_session',
  {
    /** sha256 of the cookie's token, as for officers' sessions. */
    tokenHash: text('token_hash').primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('member_session_person_idx').on(t.personId)],
);

/**
 * A one-time sign-in code. Issued even for an identifier that matches no member (person_id null),
 * so the answer to a code request never tells a stranger who is a member.
 */
export const signInCode = pgTable(
  'sign_in_code',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** What the person typed, normalised (E.164 phone or 12-digit CCCD), hashed: for per-identifier limits. */
    identifierHash: text('identifier_hash').notNull(),
    personId: bigint('person_id', { mode: 'number' }).references(() => person.id, { onDelete: 'cascade' }),
    /** sha256 of the code with the row's salt. */
    codeHash: text('code_hash').notNull(),
    /** The channel it went out by (log, sms, zalo, email) and the masked destination shown to the user. */
    channel: text('channel').notNull(),
    destination: text('destination'),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_code_identifier_idx').on(t.identifierHash, t.createdAt)],
);

/**
 * Tâm tư, nguyện vọng: a member's concern, question or request for free legal consultation, and
 * its thread. It starts in the inbox of the member's CĐCS (handling_unit_id) and moves up when
 * escalated; unit_id stays the CĐCS it came from, for the per-unit figures.
 */
export const memberFeedback = pgTable(
  'member_feedback',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => person.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    handlingUnitId: bigint('handling_unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    /** Anonymous: no officer sees who sent it (CĐCS officers often sit on the employer's side). */
    anonymous: boolean('anonymous').notNull().default(false),
    status: text('status').notNull().default('open'),
    /** Where it was escalated to last: the upper union, or the federation's legal team. */
    escalatedTo: text('escalated_to'),
    assignedUserId: bigint('assigned_user_id', { mode: 'number' }).references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('member_feedback_person_idx').on(t.personId, t.lastMessageAt),
    index('member_feedback_handling_idx').on(t.handlingUnitId, t.status, t.lastMessageAt),
    index('member_feedback_unit_idx').on(t.unitId, t.createdAt),
    check('member_feedback_kind_chk', sql`${t.kind} in ('concern', 'question', 'legal_consultation')`),
    check('member_feedback_status_chk', sql`${t.status} in ('open', 'answered', 'closed')`),
    check(
      'member_feedback_escalated_chk',
      sql`${t.escalatedTo} is null or ${t.escalatedTo} in ('upper_union', 'legal_team')`,
    ),
  ],
);

/**
 * One entry of a thread: a message from the member or an officer, or a step (assigned, escalated,
 * closed, reopened) that the member sees too, so they always know where their matter stands.
 */
export const memberFeedbackMessage = pgTable(
  'member_feedback_message',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    feedbackId: bigint('feedback_id', { mode: 'number' })
      .notNull()
      .references(() => memberFeedback.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('message'),
    author: text('author').notNull(),
    userId: bigint('user_id', { mode: 'number' }).references(() => appUser.id),
    /** The handling unit at the time: an answer is signed by the unit, not by the officer's name. */
    unitId: bigint('unit_id', { mode: 'number' }).references(() => unit.id),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('member_feedback_message_thread_idx').on(t.feedbackId, t.id),
    check('member_feedback_message_author_chk', sql`${t.author} in ('member', 'officer')`),
    check(
      'member_feedback_message_kind_chk',
      sql`${t.kind} in ('message', 'assigned', 'escalated', 'closed', 'reopened')`,
    ),
  ],
);

/**
 * News and announcements from a unit to the members of chosen subtrees (by default its own).
 * A member sees those whose audience holds their CĐCS.
 */
export const announcement = pgTable(
  'announcement',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The audience: members of these units' subtrees (each in the publisher's subtree). */
    audienceUnitIds: bigint('audience_unit_ids', { mode: 'number' }).array().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => appUser.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('announcement_unit_idx').on(t.unitId, t.publishedAt)],
);

/** A read receipt: the member opened the announcement (first time only). */
export const announcementRead = pgTable(
  'announcement_read',
  {
    announcementId: bigint('announcement_id', { mode: 'number' })
      .notNull()
      .references(() => announcement.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => person.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.personId] })],
);

/**
 * A survey or poll a unit runs among its members. questions: [{ id, text, kind: single | multiple
 * | text, options: string[] }], validated by the surveys module.
 */
export const survey = pgTable(
  'survey',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    questions: jsonb('questions').notNull(),
    audienceUnitIds: bigint('audience_unit_ids', { mode: 'number' }).array().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull().defaultNow(),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_unit_idx').on(t.unitId, t.opensAt)],
);

/** One member's answers to one survey; a member answers once. */
export const surveyResponse = pgTable(
  'survey_response',
  {
    surveyId: bigint('survey_id', { mode: 'number' })
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => person.id),
    answers: jsonb('answers').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.personId] })],
);
