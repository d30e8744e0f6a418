import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { enterprise } from './enterprises.ts';
import { unit } from './units.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An organising drive (vận động thành lập CĐCS) at one enterprise, run by an upper union: it moves
 * through the stages the Trade Union Law and the VGCL Charter set, and ends when the upper union
 * recognises the new CĐCS (which founds the unit and admits its founding members in one step) or
 * when the drive is abandoned. One open drive per enterprise.
 */
export const organisingDrive = pgTable(
  'organising_drive',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprise.id),
    /** The upper union running it: the new CĐCS is founded under this unit. */
    upperUnionId: bigint('upper_union_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    stage: text('stage').notNull().default('enterprise_survey'),
    /** The day the current stage began: a drive with no change for N days is flagged as stalled. */
    stageSince: date('stage_since', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
    /** The CĐCS that recognition founded. */
    grassrootsUnitId: bigint('grassroots_unit_id', { mode: 'number' }).references(() => unit.id),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organising_drive_one_active_uq').on(t.enterpriseId).where(sql`${t.status} = 'active'`),
    index('organising_drive_union_idx').on(t.upperUnionId, t.status),
    check('organising_drive_status_chk', sql`${t.status} in ('active', 'recognised', 'abandoned')`),
    check(
      'organising_drive_stage_chk',
      sql`${t.stage} in ('enterprise_survey', 'outreach', 'organizing_committee', 'applications', 'founding_conference', 'recognition')`,
    ),
  ],
);

/** The dated history of a drive's stages, with what was done: never overwritten. */
export const driveStageEvent = pgTable(
  'drive_stage_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    driveId: bigint('drive_id', { mode: 'number' })
      .notNull()
      .references(() => organisingDrive.id),
    stage: text('stage').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => appUser.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drive_stage_event_drive_idx').on(t.driveId, t.onDate)],
);

/** Officers and collaborators assigned to a drive. */
export const driveAssignee = pgTable(
  'drive_assignee',
  {
    driveId: bigint('drive_id', { mode: 'number' })
      .notNull()
      .references(() => organisingDrive.id),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => appUser.id),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('drive_assignee_uq').on(t.driveId, t.userId)],
);

/** A contact with workers: who met whom, what was said, how much the worker supports a union (1-5). */
export const driveContact = pgTable(
  'drive_contact',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    driveId: bigint('drive_id', { mode: 'number' })
      .notNull()
      .references(() => organisingDrive.id),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    contactedBy: bigint('contacted_by', { mode: 'number' }).references(() => appUser.id),
    /** The worker met, as the officer noted them (name, team, shift): workers may stay unnamed. */
    workerLabel: text('worker_label'),
    workersReached: integer('workers_reached').notNull().default(1),
    summary: text('summary').notNull(),
    support: smallint('support').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('drive_contact_drive_idx').on(t.driveId, t.contactedOn),
    check('drive_contact_support_chk', sql`${t.support} between 1 and 5`),
    check('drive_contact_reached_chk', sql`${t.workersReached} >= 1`),
  ],
);

/** A document of a drive (minutes of the founding conference, the recognition decision...). */
export const driveDocument = pgTable(
  'drive_document',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    driveId: bigint('drive_id', { mode: 'number' })
      .notNull()
      .references(() => organisingDrive.id),
    stage: text('stage').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).references(() => appUser.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drive_document_drive_idx').on(t.driveId)],
);
