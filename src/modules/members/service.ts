import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { membership, membershipEvent, person } from '../../db/schema/members.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { addDays, formatViDate, todayVn } from '../../lib/dates.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { type Accessor, logAccess } from '../../lib/privacy.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import { run, type Tx } from '../../lib/tx.ts';
import { searchTerms } from '../../lib/vietnamese.ts';
import * as transferQ from '../transfers/queries.ts';
import * as unitQ from '../units/queries.ts';
import { maskId, normalisePerson } from './person.ts';
import * as q from './queries.ts';
import type { AdmitInput, MemberDetail, MemberListQuery, PersonInput } from './schema.ts';

export const MEMBER = { vi: 'đoàn viên', en: 'member' };
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
  const [memberships, events, pending] = await Promise.all([
    q.selectMemberships(db, personId),
    q.selectEvents(db, personId),
    transferQ.selectPendingFor(db, personId),
  ]);
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
    erasedAt: p.erasedAt ? p.erasedAt.toISOString() : null,
    pendingTransfer: pending
      ? {
          id: pending.id,
          toUnitId: pending.toUnitId,
          toUnitName: pending.toUnitName,
          onDate: pending.onDate,
          requestedAt: pending.requestedAt,
        }
      : null,
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
  const v = await grassrootsUnitOn(tx, unitId, d, field, scope);
  if (!canWriteUnder(scope, v.path)) throw outOfScope();
  return v;
}

/**
 * A CĐCS operating on day d, wherever it is in the tree. With a scope, a unit outside it is "not
 * found"; without one (a transfer to another district), any operating CĐCS will do.
 */
export async function grassrootsUnitOn(tx: Tx, unitId: number, d: string, field: string, scope?: Scope) {
  const v = await unitQ.selectVersionForDay(tx, unitId, d);
  if (!v || (scope && !pathInScope(scope, v.path))) throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
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
  return v;
}

export async function openMembership(tx: Tx, personId: number) {
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
