import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { membership, membershipEvent, person } from '../../db/schema/members.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { addDays, formatViDate, todayVn } from '../../lib/dates.ts';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.ts';
import { type Accessor, logAccess } from '../../lib/privacy.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import { run, type Tx } from '../../lib/tx.ts';
import { searchTerms } from '../../lib/vietnamese.ts';
import { revokeActive } from '../cards/service.ts';
import * as unitQ from '../units/queries.ts';
import { maskId, normalisePerson } from './person.ts';
import * as q from './queries.ts';
import type {
  AdmitInput,
  EndInput,
  MemberDetail,
  MemberListQuery,
  PersonInput,
  ReadmitInput,
  TransferInput,
} from './schema.ts';

const MEMBER = { vi: 'đoàn viên', en: 'member' };
const END_REASONS = { withdrawal: 'Thôi sinh hoạt công đoàn', expulsion: 'Khai trừ', death: 'Từ trần' } as const;
/** Roles that see identifiers in full; others see them masked. */
const ID_ROLES = new Set(['system_admin', 'federation_officer', 'upper_union_officer', 'grassroots_officer']);

export type Caller = { scope: Scope; roles: { role: string }[] } & Accessor;
export const seesIds = (c: Caller) => c.roles.some((r) => ID_ROLES.has(r.role));

// ---- reads -------------------------------------------------------------------------------------

export async function list(db: Db, caller: Caller, query: MemberListQuery) {
  const page = await listPage(db, caller, query);
  if (seesIds(caller) && page.items.length > 0)
    await logAccess(db, caller, { kind: 'list', personIds: page.items.map((r) => r.personId) });
  return page;
}

/** One page of a member list, without logging (export logs once for the whole file). */
export async function listPage(db: Db, caller: Caller, query: MemberListQuery) {
  const d = query.asOf ?? todayVn();
  let underPath: string | undefined;
  if (query.under !== undefined) {
    const v = await unitQ.selectVersionForDay(db, query.under, d);
    if (!v || !pathInScope(caller.scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, query.under);
    underPath = v.path;
  }
  const raw = query.q?.trim() ?? '';
  const digits = /^[\d\s.+-]{6,}$/.test(raw) && !/[a-z]/i.test(raw) ? raw.replace(/[^\d]/g, '') : undefined;
  const cardNo = /^[0-9A-Z]+-\d{6}$/i.test(raw) ? raw.toUpperCase() : undefined;
  const filter: q.ListFilter = {
    d,
    terms: digits || cardNo ? [] : searchTerms(raw),
    digits: digits ?? cardNo,
    underPath,
    gender: query.gender,
    ethnicity: query.ethnicity,
    // Age on day d between ageMin and ageMax (whole years).
    bornFrom: query.ageMax !== undefined ? addDays(shiftYears(d, -(query.ageMax + 1)), 1) : undefined,
    bornTo: query.ageMin !== undefined ? shiftYears(d, -query.ageMin) : undefined,
    admittedFrom: query.admittedFrom,
    admittedTo: query.admittedTo,
    after: decodeCursor(query.after),
    limit: query.limit,
  };
  const rows =
    query.status === 'active'
      ? await q.selectActiveMembers(db, caller.scope, filter)
      : await q.selectMembersByLatest(db, caller.scope, filter, query.status);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const full = seesIds(caller);
  return {
    asOf: d,
    items: page.map(({ sortKey: _k, active, ...r }) => ({
      ...r,
      status: active ? ('active' as const) : ('ended' as const),
      citizenId: full ? r.citizenId : maskId(r.citizenId),
      phone: full ? r.phone : maskId(r.phone),
    })),
    next: rows.length > query.limit && last ? encodeCursor(last.sortKey, last.personId) : null,
  };
}

const shiftYears = (day: string, years: number) =>
  `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
const encodeCursor = (key: string, id: number) => Buffer.from(JSON.stringify([key, id])).toString('base64url');
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, number];
    if (typeof key === 'string' && Number.isInteger(id)) return { key, id };
  } catch {
    // fall through to the error below
  }
  throw invalid([
    {
      field: 'querystring.after',
      vi: 'Con trỏ trang không hợp lệ: tải lại danh sách.',
      en: 'Invalid page cursor: reload the list.',
    },
  ]);
}

export async function detail(db: Db, caller: Caller, personId: number): Promise<MemberDetail> {
  const p = (await db.select().from(person).where(eq(person.id, personId)))[0];
  if (!p || !(await q.personInScope(db, caller.scope, personId))) throw notFound(MEMBER, personId);
  const [memberships, events] = await Promise.all([q.selectMemberships(db, personId), q.selectEvents(db, personId)]);
  const open = memberships.find((m) => m.validTo === null);
  const full = seesIds(caller);
  if (full) await logAccess(db, caller, { kind: 'view', personId });
  let canEdit = false;
  if (open) {
    const v = await unitQ.selectOpenVersion(db, open.unitId);
    canEdit = !!v && canWriteUnder(caller.scope, v.path);
  }
  const opt = <T>(v: T | null) => v ?? undefined;
  return {
    personId,
    person: {
      fullName: p.fullName,
      birthDate: opt(p.birthDate),
      gender: opt(p.gender as 'male' | 'female' | null),
      ethnicity: opt(p.ethnicity),
      religion: opt(p.religion),
      citizenId: opt(full ? p.citizenId : maskId(p.citizenId)),
      legacyIdNo: opt(full ? p.legacyIdNo : maskId(p.legacyIdNo)),
      socialInsuranceNo: opt(full ? p.socialInsuranceNo : maskId(p.socialInsuranceNo)),
      phone: opt(full ? p.phone : maskId(p.phone)),
      email: opt(p.email),
      address: opt(p.address),
      education: opt(p.education),
      occupation: opt(p.occupation),
      employerName: opt(p.employerName),
      partyMember: opt(p.partyMember),
      youthUnionMember: opt(p.youthUnionMember),
      citizenIdMasked: !full,
    },
    status: open ? 'active' : 'ended',
    currentUnit: open ? { id: open.unitId, name: open.unitName ?? '' } : null,
    memberships: memberships.map(({ id: _id, ...m }) => m),
    events,
    canEdit,
  };
}

export async function memberCount(db: Db, scope: Scope, unitId: number, d = todayVn()) {
  const v = await unitQ.selectVersionForDay(db, unitId, d);
  if (!v || !pathInScope(scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
  return { asOf: d, unitId, ...(await q.countMembersUnder(db, v.path, d)) };
}

// ---- writes: one transaction each, with the event and the audit row --------------------------

/** The CĐCS a member joins must operate on that day, be a grassroots-level unit, and be writable. */
export async function requireGrassrootsUnit(tx: Tx, scope: Scope, unitId: number, d: string, field: string) {
  const v = await unitQ.selectVersionForDay(tx, unitId, d);
  if (!v || !pathInScope(scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
  const operating = v.validFrom <= d && (v.validTo === null || v.validTo > d);
  const types = await run<{ g: boolean }>(tx, sql`select is_grassroots as g from unit_type where code = ${v.type}`);
  if (!operating || !types.rows[0]?.g)
    throw invalid([
      {
        field,
        vi: `«${v.name}» không phải công đoàn cơ sở đang hoạt động ngày ${formatViDate(d)}: chọn một CĐCS.`,
        en: `«${v.name}» is not a grassroots union operating on ${d}: choose a CĐCS.`,
      },
    ]);
  if (!canWriteUnder(scope, v.path)) throw outOfScope();
  return v;
}

async function openMembership(tx: Tx, personId: number) {
  const rows = await tx
    .select()
    .from(membership)
    .where(and(eq(membership.personId, personId), isNull(membership.validTo)));
  return rows[0];
}

export async function admit(db: Db, caller: Caller, actor: Actor, input: AdmitInput) {
  return db.transaction((tx) => admitIn(tx, caller, actor, input));
}

/** Admission inside a caller's transaction (an application's admission commits with it). */
export async function admitIn(tx: Tx, caller: Caller, actor: Actor, input: AdmitInput) {
  const fields = normalisePerson(input.person);
  await requireGrassrootsUnit(tx, caller.scope, input.unitId, input.onDate, 'unitId');
  if (fields.citizenId) {
    const existing = await q.selectOpenByCitizenId(tx, fields.citizenId);
    if (existing[0])
      throw new AppError(
        'already_member',
        409,
        `Người có CCCD ${fields.citizenId} đang là đoàn viên${existing[0].unitName ? ` của «${existing[0].unitName}»` : ''}. Dùng chức năng chuyển sinh hoạt thay vì kết nạp lại.`,
        `The person with citizen ID ${fields.citizenId} is already a member${existing[0].unitName ? ` of «${existing[0].unitName}»` : ''}. Transfer them instead of admitting again.`,
      );
  }
  const [p] = await tx.insert(person).values(fields).returning({ id: person.id });
  if (!p) throw new Error('insert returned nothing');
  await tx.insert(membership).values({
    personId: p.id,
    unitId: input.unitId,
    subunitId: input.subunitId ?? null,
    validFrom: input.onDate,
    startKind: 'admission',
  });
  await tx.insert(membershipEvent).values({
    personId: p.id,
    kind: 'admission',
    onDate: input.onDate,
    toUnitId: input.unitId,
    decisionNo: input.decisionNo ?? null,
    recordedBy: actor.id,
  });
  await recordAudit(tx, actor, {
    action: 'member.admit',
    entityType: 'person',
    entityId: p.id,
    after: { ...fields, unitId: input.unitId, onDate: input.onDate },
  });
  return p.id;
}

/** Closes the open membership on d: the shared step of transfer, withdrawal, expulsion, death. */
async function closeOpen(tx: Tx, caller: Caller, personId: number, d: string, endKind: string) {
  const open = await openMembership(tx, personId);
  if (!open)
    throw conflict(
      'not_a_member',
      'Người này hiện không là đoàn viên (không có sinh hoạt đang mở).',
      'This person is not currently a member.',
    );
  const v = await unitQ.selectOpenVersion(tx, open.unitId);
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound(MEMBER, personId);
  if (!canWriteUnder(caller.scope, v.path)) throw outOfScope();
  if (d < open.validFrom)
    throw invalid([
      {
        field: 'onDate',
        vi: `Ngày phải từ ${formatViDate(open.validFrom)} trở đi (ngày bắt đầu sinh hoạt hiện tại).`,
        en: `The date must be on or after ${open.validFrom} (when the current membership began).`,
      },
    ]);
  await tx.update(membership).set({ validTo: d, endKind }).where(eq(membership.id, open.id));
  return open;
}

export async function transfer(db: Db, caller: Caller, actor: Actor, personId: number, input: TransferInput) {
  return db.transaction(async (tx) => {
    const from = await closeOpen(tx, caller, personId, input.onDate, 'transfer_out');
    if (from.unitId === input.toUnitId)
      throw invalid([
        {
          field: 'toUnitId',
          vi: 'Đoàn viên đã sinh hoạt ở đơn vị này.',
          en: 'The member already belongs to this unit.',
        },
      ]);
    await requireGrassrootsUnit(tx, caller.scope, input.toUnitId, input.onDate, 'toUnitId');
    await tx
      .insert(membership)
      .values({ personId, unitId: input.toUnitId, validFrom: input.onDate, startKind: 'transfer_in' });
    await tx.insert(membershipEvent).values({
      personId,
      kind: 'transfer',
      onDate: input.onDate,
      fromUnitId: from.unitId,
      toUnitId: input.toUnitId,
      decisionNo: input.decisionNo ?? null,
      reason: input.reason ?? null,
      recordedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'member.transfer',
      entityType: 'person',
      entityId: personId,
      before: { unitId: from.unitId },
      after: { unitId: input.toUnitId, onDate: input.onDate },
    });
  });
}

export async function end(db: Db, caller: Caller, actor: Actor, personId: number, input: EndInput) {
  return db.transaction(async (tx) => {
    const from = await closeOpen(tx, caller, personId, input.onDate, input.kind);
    // A card must not outlive the membership it proves.
    await revokeActive(tx, actor, personId, input.onDate, END_REASONS[input.kind]);
    await tx.insert(membershipEvent).values({
      personId,
      kind: input.kind,
      onDate: input.onDate,
      fromUnitId: from.unitId,
      decisionNo: input.decisionNo ?? null,
      reason: input.reason ?? null,
      recordedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: `member.${input.kind}`,
      entityType: 'person',
      entityId: personId,
      before: { unitId: from.unitId },
      after: { onDate: input.onDate },
    });
  });
}

export async function readmit(db: Db, caller: Caller, actor: Actor, personId: number, input: ReadmitInput) {
  return db.transaction(async (tx) => {
    if (!(await q.personInScope(tx, caller.scope, personId))) throw notFound(MEMBER, personId);
    if (await openMembership(tx, personId))
      throw conflict(
        'already_member',
        'Người này đang là đoàn viên; không cần kết nạp lại.',
        'This person is already a member.',
      );
    const last = (await q.selectMemberships(tx, personId)).at(-1);
    if (last?.endKind === 'death') throw conflict('deceased', 'Đoàn viên này đã mất.', 'This member has died.');
    if (last?.validTo && input.onDate < last.validTo)
      throw invalid([
        {
          field: 'onDate',
          vi: `Ngày kết nạp lại phải từ ${formatViDate(last.validTo)} trở đi.`,
          en: `Readmission must be on or after ${last.validTo}.`,
        },
      ]);
    await requireGrassrootsUnit(tx, caller.scope, input.unitId, input.onDate, 'unitId');
    await tx
      .insert(membership)
      .values({ personId, unitId: input.unitId, validFrom: input.onDate, startKind: 'readmission' });
    await tx.insert(membershipEvent).values({
      personId,
      kind: 'readmission',
      onDate: input.onDate,
      toUnitId: input.unitId,
      decisionNo: input.decisionNo ?? null,
      recordedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'member.readmit',
      entityType: 'person',
      entityId: personId,
      after: { unitId: input.unitId, onDate: input.onDate },
    });
  });
}

export async function updatePerson(db: Db, caller: Caller, actor: Actor, personId: number, input: PersonInput) {
  const fields = normalisePerson(input, 'body');
  return db.transaction(async (tx) => {
    const before = (await tx.select().from(person).where(eq(person.id, personId)))[0];
    if (!before || !(await q.personInScope(tx, caller.scope, personId))) throw notFound(MEMBER, personId);
    const open = await openMembership(tx, personId);
    const v = open ? await unitQ.selectOpenVersion(tx, open.unitId) : undefined;
    if (!v || !canWriteUnder(caller.scope, v.path)) throw outOfScope();
    await tx
      .update(person)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(person.id, personId));
    await recordAudit(tx, actor, {
      action: 'member.update',
      entityType: 'person',
      entityId: personId,
      before,
      after: fields,
    });
  });
}
