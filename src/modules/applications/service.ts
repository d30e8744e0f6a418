import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { membershipApplication } from '../../db/schema/applications.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { canWriteUnder, inScope, outOfScope, pathInScope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import { normalisePerson } from '../members/person.ts';
import type { PersonInput } from '../members/schema.ts';
import { admitIn, type Caller } from '../members/service.ts';
import * as unitQ from '../units/queries.ts';
import type { Application, SubmitInput } from './schema.ts';

const APPLICATION = { vi: 'đơn xin gia nhập', en: 'application' };

const columns = sql.raw(`a.id, a.tracking_code as "trackingCode", a.applicant_name as "applicantName", a.applicant,
  a.unit_id as "unitId", a.employer_name as "employerName", a.note, a.channel, a.status,
  a.submitted_at::text as "submittedAt", a.verified_at::text as "verifiedAt", a.decided_at::text as "decidedAt",
  a.decision_reason as "decisionReason", a.person_id as "personId",
  (select uv.name from unit_version uv where uv.unit_id = a.unit_id order by uv.valid_from desc limit 1) as "unitName"`);

/** A unit that receives applications must operate today and be visible to the caller. */
async function receivingUnit(db: Conn, caller: Caller, unitId: number) {
  const v = await unitQ.selectOpenVersion(db, unitId);
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
  return v;
}

/** Files an application (an officer on the worker's behalf; the member app will use the same). */
export async function submit(
  db: Db,
  caller: Caller,
  actor: Actor,
  input: SubmitInput,
  channel: 'officer' | 'app' = 'officer',
) {
  normalisePerson(input.applicant, 'applicant'); // refuse bad identifiers now, not at admission
  await receivingUnit(db, caller, input.unitId);
  return db.transaction(async (tx) => {
    const trackingCode = randomBytes(6).toString('base64url').toUpperCase();
    const [row] = await tx
      .insert(membershipApplication)
      .values({
        trackingCode,
        applicant: input.applicant,
        applicantName: input.applicant.fullName,
        unitId: input.unitId,
        employerName: input.employerName ?? null,
        note: input.note ?? null,
        channel,
      })
      .returning({ id: membershipApplication.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'application.submit',
      entityType: 'application',
      entityId: row.id,
      after: { unitId: input.unitId, applicantName: input.applicant.fullName },
    });
    return row.id;
  });
}

export async function list(
  db: Db,
  caller: Caller,
  opts: { status?: string | undefined; under?: number | undefined; limit: number },
) {
  let under = sql``;
  if (opts.under !== undefined) {
    const v = await receivingUnit(db, caller, opts.under);
    under = sql`and uv.path <@ ${v.path}::ltree`;
  }
  const res = await run<Application>(
    db,
    sql`select ${columns} from membership_application a
        join lateral (select * from unit_version u where u.unit_id = a.unit_id order by u.valid_from desc limit 1) uv on true
        where ${inScope(caller.scope, sql.raw('uv.path'))} ${under}
          ${opts.status ? sql`and a.status = ${opts.status}` : sql``}
        order by a.submitted_at desc, a.id desc limit ${opts.limit}`,
  );
  return res.rows;
}

export async function get(db: Conn, caller: Caller, id: number) {
  const res = await run<Application>(db, sql`select ${columns} from membership_application a where a.id = ${id}`);
  const a = res.rows[0];
  if (!a) throw notFound(APPLICATION, id);
  const v = await unitQ.selectVersionForDay(db, a.unitId, todayVn());
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound(APPLICATION, id);
  return { application: a, path: v.path };
}

async function decidable(tx: Tx, caller: Caller, id: number) {
  const { application, path } = await get(tx, caller, id);
  if (!canWriteUnder(caller.scope, path)) throw outOfScope();
  if (application.status === 'admitted' || application.status === 'rejected')
    throw conflict('application_decided', 'Đơn này đã được giải quyết.', 'This application has already been decided.');
  return application;
}

export async function verify(db: Db, caller: Caller, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    await decidable(tx, caller, id);
    await tx
      .update(membershipApplication)
      .set({ status: 'verified', verifiedAt: new Date() })
      .where(eq(membershipApplication.id, id));
    await recordAudit(tx, actor, { action: 'application.verify', entityType: 'application', entityId: id });
  });
}

/** Admits the applicant: the membership and the application's decision commit together. */
export async function admit(
  db: Db,
  caller: Caller,
  actor: Actor,
  id: number,
  input: { unitId?: number | undefined; onDate: string; decisionNo?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const a = await decidable(tx, caller, id);
    const unitId = input.unitId ?? a.unitId;
    const personId = await admitIn(tx, caller, actor, {
      person: a.applicant as PersonInput,
      unitId,
      onDate: input.onDate,
      ...(input.decisionNo ? { decisionNo: input.decisionNo } : {}),
    });
    await tx
      .update(membershipApplication)
      .set({ status: 'admitted', decidedAt: new Date(), decidedBy: actor.id, personId })
      .where(eq(membershipApplication.id, id));
    await recordAudit(tx, actor, {
      action: 'application.admit',
      entityType: 'application',
      entityId: id,
      after: { personId, unitId },
    });
    return personId;
  });
}

export async function reject(db: Db, caller: Caller, actor: Actor, id: number, reason: string) {
  await db.transaction(async (tx) => {
    await decidable(tx, caller, id);
    await tx
      .update(membershipApplication)
      .set({ status: 'rejected', decidedAt: new Date(), decidedBy: actor.id, decisionReason: reason })
      .where(eq(membershipApplication.id, id));
    await recordAudit(tx, actor, {
      action: 'application.reject',
      entityType: 'application',
      entityId: id,
      after: { reason },
    });
  });
}

export async function publicStatus(db: Db, trackingCode: string) {
  const res = await run<Application>(
    db,
    sql`select ${columns} from membership_application a where a.tracking_code = ${trackingCode.toUpperCase()}`,
  );
  const a = res.rows[0];
  if (!a)
    throw invalid([
      {
        field: 'trackingCode',
        vi: 'Không có đơn nào với mã theo dõi này: kiểm tra lại mã.',
        en: 'No application has this tracking code: check it.',
      },
    ]);
  return {
    status: a.status,
    unitName: a.unitName,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    decisionReason: a.decisionReason,
  };
}
