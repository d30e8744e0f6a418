import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberCard, membershipEvent, person } from '../../db/schema/members.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { logAccess } from '../../lib/privacy.ts';
import { canWriteUnder } from '../../lib/scope.ts';
import { run } from '../../lib/tx.ts';
import * as q from './queries.ts';
import { type Caller, seesIds } from './service.ts';

const MEMBER = { vi: 'đoàn viên', en: 'member' };

function requireIdRole(caller: Caller) {
  if (!seesIds(caller))
    throw forbidden(
      'Chỉ cán bộ công đoàn được xuất hoặc xóa dữ liệu cá nhân.',
      'Only union officers may export or erase personal data.',
    );
}

/** Everything the system holds about one person, for a lawful access request. Logged. */
export async function exportPersonalData(db: Db, caller: Caller, personId: number) {
  requireIdRole(caller);
  const p = (await db.select().from(person).where(eq(person.id, personId)))[0];
  if (!p || !(await q.personInScope(db, caller.scope, personId))) throw notFound(MEMBER, personId);
  const [memberships, events, cards, applications, transfers, accesses] = await Promise.all([
    q.selectMemberships(db, personId),
    q.selectEvents(db, personId),
    db
      .select({
        cardNo: memberCard.cardNo,
        issuedOn: memberCard.issuedOn,
        status: memberCard.status,
        endedOn: memberCard.endedOn,
      })
      .from(memberCard)
      .where(eq(memberCard.personId, personId)),
    run(
      db,
      sql`select submitted_at::text as "submittedAt", status, applicant from membership_application where person_id = ${personId}`,
    ),
    run(
      db,
      sql`select r.requested_at::text as "requestedAt", r.on_date::text as "onDate", r.status,
            fv.name as "fromUnitName", tv.name as "toUnitName", r.reason, r.decision_reason as "decisionReason"
          from transfer_request r
          join lateral (select name, path from unit_version where unit_id = r.from_unit_id order by valid_from desc limit 1) fv on true
          join lateral (select name, path from unit_version where unit_id = r.to_unit_id order by valid_from desc limit 1) tv on true
          where r.person_id = ${personId} order by r.id`,
    ),
    run(
      db,
      sql`select at::text as at, user_name as "userName", kind from personal_data_access
          where person_id = ${personId} or person_ids @> ${JSON.stringify([personId])}::jsonb order by id`,
    ),
  ]);
  await logAccess(db, caller, { kind: 'data_export', personId });
  return {
    exportedAt: new Date().toISOString(),
    person: p,
    memberships,
    events,
    cards,
    applications: applications.rows,
    transferRequests: transfers.rows,
    accessLog: accesses.rows,
  };
}

/**
 * Erases a person on a lawful request: name and identifiers replaced, contact and sensitive
 * fields emptied, audit values redacted. Membership periods, gender and birth year stay, so
 * counts and reports for past dates give the same answer.
 */
export async function erasePerson(db: Db, caller: Caller, actor: Actor, personId: number, reason: string) {
  requireIdRole(caller);
  await db.transaction(async (tx) => {
    const p = (await tx.select().from(person).where(eq(person.id, personId)))[0];
    if (!p || !(await q.personInScope(tx, caller.scope, personId))) throw notFound(MEMBER, personId);
    const memberships = await q.selectMemberships(tx, personId);
    const last = memberships.at(-1);
    const v = last
      ? await run<{ path: string }>(
          tx,
          sql`select path::text as path from unit_version where unit_id = ${last.unitId} order by valid_from desc limit 1`,
        )
      : null;
    if (!v?.rows[0] || !canWriteUnder(caller.scope, v.rows[0].path))
      throw forbidden(
        'Chỉ cán bộ phụ trách CĐCS của người này được xóa dữ liệu.',
        "Only officers over this person's CĐCS may erase their data.",
      );
    const alias = `Đã xóa #${personId}`;
    await tx
      .update(person)
      .set({
        fullName: alias,
        nameFolded: `da xoa ${personId}`,
        sortKey: `\uffff${personId}`,
        birthDate: p.birthDate ? `${p.birthDate.slice(0, 4)}-01-01` : null,
        ethnicity: null,
        religion: null,
        citizenId: null,
        legacyIdNo: null,
        socialInsuranceNo: null,
        phone: null,
        email: null,
        address: null,
        education: null,
        occupation: null,
        employerName: null,
        partyMember: null,
        youthUnionMember: null,
        erasedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(person.id, personId));
    await tx.update(membershipEvent).set({ reason: null, details: null }).where(eq(membershipEvent.personId, personId));
    await tx
      .update(memberCard)
      .set({ status: 'revoked', endReason: 'Xóa dữ liệu cá nhân', endedOn: todayVn() })
      .where(and(eq(memberCard.personId, personId), eq(memberCard.status, 'active')));
    await tx.execute(
      sql`update membership_application set applicant = '{}'::jsonb, applicant_name = ${alias} where person_id = ${personId}`,
    );
    await tx.execute(
      sql`update transfer_request set reason = null, decision_reason = null where person_id = ${personId}`,
    );
    // The one permitted change to the audit log: its personal values, inside this transaction.
    await tx.execute(sql`select set_config('congdoan.erasure', 'on', true)`);
    await tx.execute(
      sql`update audit_log set before = case when before is null then null else '{"redacted": true}'::jsonb end,
            after = case when after is null then null else '{"redacted": true}'::jsonb end
          where entity_type = 'person' and entity_id = ${String(personId)}`,
    );
    await tx.execute(sql`select set_config('congdoan.erasure', 'off', true)`);
    await recordAudit(tx, actor, {
      action: 'member.erase',
      entityType: 'person',
      entityId: personId,
      after: { reason },
    });
    await logAccess(tx, caller, { kind: 'erasure', personId, detail: reason });
  });
}
