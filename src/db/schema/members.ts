import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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

/**
 * A person, once, however many CĐCS they pass through. Identifiers are validated on write
 * (lib/ids.ts); citizen_id is not unique in the database on purpose: legacy data holds duplicates,
 * and the data-quality screen must be able to show them rather than refuse to load them.
 */
export const person = pgTable(
  'person',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    fullName: text('full_name').notNull(),
    /** fold(full name): search without diacritics. */
    nameFolded: text('name_folded').notNull(),
    /** Vietnamese order: given name first, then the rest (see lib/vietnamese.ts personSortKey). */
    sortKey: text('sort_key').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'),
    ethnicity: text('ethnicity'),
    religion: text('religion'),
    citizenId: text('citizen_id'),
    legacyIdNo: text('legacy_id_no'),
    socialInsuranceNo: text('social_insurance_no'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    education: text('education'),
    occupation: text('occupation'),
    employerName: text('employer_name'),
    partyMember: boolean('party_member'),
    youthUnionMember: boolean('youth_union_member'),
    /** Set when the person's data was erased on a lawful request: fields pseudonymised, counts kept. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_citizen_id_idx').on(t.citizenId),
    index('person_phone_idx').on(t.phone),
    // Name search reads person_name_word, not a trigram index on name_folded (migration 0011).
    index('person_sort_idx').on(t.sortKey, t.id),
    check('person_gender_chk', sql`${t.gender} is null or ${t.gender} in ('male', 'female')`),
  ],
);

/**
 * Each word of each person's folded name, with the person's sort key: name search walks the
 * entries of the rarest word typed in list order, so a first page of 50 costs about the same at
 * 11 million people as at 1,000 (docs/architecture.md). Kept in step with person by statement
 * triggers (migration 0012); name_folded is in the index so the other words typed are checked
 * without visiting person.
 */
export const personNameWord = pgTable(
  'person_name_word',
  {
    word: text('word').notNull(),
    sortKey: text('sort_key').notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    nameFolded: text('name_folded').notNull(),
  },
  (t) => [index('person_name_word_idx').on(t.word, t.sortKey, t.personId, t.nameFolded)],
);

/** Every word that occurs in a folded name (kept by the same triggers): a typed part finds its words. */
export const nameWord = pgTable('name_word', {
  word: text('word').primaryKey(),
});

/**
 * One period of membership in one CĐCS: [valid_from, valid_to). Admission, transfer, withdrawal,
 * expulsion, death and readmission open or close periods; the events table says which and why.
 */
export const membership = pgTable(
  'membership',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    /**
     * The grassroots unit (CĐCS, member CĐCS or trade-association union). This and person_id are
     * checked once per statement by triggers, and a person or unit still named cannot be deleted
     * (migration 0019), instead of foreign keys checked row by row: an import writes 170,000 rows.
     */
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    /** Optional section or team inside it. */
    subunitId: bigint('subunit_id', { mode: 'number' }).references(() => unit.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    startKind: text('start_kind').notNull(),
    endKind: text('end_kind'),
    /**
     * The person's gender, copied here by triggers (migration 0007) so that counting members and
     * women under a unit on a day needs no join to person: that join was most of its time.
     */
    gender: text('gender'),
    /**
     * The person's birth date, copied the same way (migration 0017), so that members by age on a
     * day are counted from the month snapshots without a join to person.
     */
    birthDate: date('birth_date', { mode: 'string' }),
  },
  (t) => [
    index('membership_person_idx').on(t.personId, t.validFrom),
    index('membership_unit_idx').on(t.unitId, t.validFrom),
    index('membership_open_unit_idx').on(t.unitId).where(sql`${t.validTo} is null`),
    // The events between a month end and the day asked for (member_count_snapshot).
    index('membership_valid_from_idx').on(t.validFrom),
    index('membership_valid_to_idx').on(t.validTo).where(sql`${t.validTo} is not null`),
    // Members whose age band changes between a snapshot and the day asked for (a birthday).
    index('membership_birth_date_idx').on(t.birthDate),
    check('membership_period_chk', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('membership_start_chk', sql`${t.startKind} in ('admission', 'transfer_in', 'readmission', 'import')`),
    check(
      'membership_end_chk',
      sql`${t.endKind} is null or ${t.endKind} in ('transfer_out', 'withdrawal', 'expulsion', 'death', 'erasure')`,
    ),
  ],
);

/** What happened to a member, dated: the member page's history and the report's source. */
export const membershipEvent = pgTable(
  'membership_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /**
     * The person and the unit they joined are checked once per statement by a trigger (migration
     * 0019), not by a foreign key's check per row: an import writes an event beside every
     * membership, and the two per-row checks took a sixth of a 170,000-row import. Neither can be
     * deleted from under an event (migration 0019).
     */
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    fromUnitId: bigint('from_unit_id', { mode: 'number' }).references(() => unit.id),
    toUnitId: bigint('to_unit_id', { mode: 'number' }),
    decisionNo: text('decision_no'),
    reason: text('reason'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => appUser.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    details: jsonb('details'),
  },
  (t) => [
    index('membership_event_person_idx').on(t.personId, t.onDate),
    check(
      'membership_event_kind_chk',
      sql`${t.kind} in ('admission', 'transfer', 'withdrawal', 'expulsion', 'death', 'readmission', 'import', 'erasure')`,
    ),
  ],
);

export const memberCard = pgTable(
  'member_card',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    cardNo: text('card_no').notNull(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => person.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => unit.id),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    /** Random token in the QR code: a verifier learns valid/revoked, not who the member is. */
    verifyToken: text('verify_token').notNull(),
  },
  (t) => [
    uniqueIndex('member_card_no_uq').on(t.cardNo),
    uniqueIndex('member_card_token_uq').on(t.verifyToken),
    index('member_card_person_idx').on(t.personId),
    check('member_card_status_chk', sql`${t.status} in ('active', 'replaced', 'revoked')`),
  ],
);

/**
 * Members and women per CĐCS on the last day of a month, so that a count on any day reads one
 * row per CĐCS plus the month's few events instead of every membership (src/modules/members/
 * snapshots.ts). Computed when first asked for; a write that changes a past count forgets the
 * days it touched (member_count_day) and the next read computes them again (migration 0017).
 */
export const memberCountSnapshot = pgTable(
  'member_count_snapshot',
  {
    day: date('day', { mode: 'string' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    members: integer('members').notNull(),
    women: integer('women').notNull(),
    /** Not members minus women: a member whose gender was never recorded is neither. */
    men: integer('men').notNull(),
    /** By age on the day (birth date unknown: members minus these four). */
    under30: integer('under30').notNull(),
    in30s: integer('in30s').notNull(),
    in40s: integer('in40s').notNull(),
    over50: integer('over50').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId] })],
);

/** The days whose snapshot rows are complete and current: a row here is the only proof. */
export const memberCountDay = pgTable('member_count_day', {
  day: date('day', { mode: 'string' }).primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
