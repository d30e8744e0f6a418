import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { membership, membershipEvent } from '../../db/schema/members.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { formatViDate } from '../../lib/dates.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope } from '../../lib/scope.ts';
import type { Tx } from '../../lib/tx.ts';
import { revokeActive } from '../cards/service.ts';
import * as transferQ from '../transfers/queries.ts';
import * as unitQ from '../units/queries.ts';
import * as q from './queries.ts';
import type { EndInput, ReadmitInput, TransferInput } from './schema.ts';
import { type Caller, grassrootsUnitOn, MEMBER, openMembership, requireGrassrootsUnit } from './service.ts';

/*
 * The membership lifecycle after admission, as dated periods and events that are never overwritten:
 * transfer, withdrawal, expulsion, death, readmission. One transaction each, with the audit row.
 */

const END_REASONS = { withdrawal: 'Thôi sinh hoạt công đoàn', expulsion: 'Khai trừ', death: 'Từ trần' } as const;

/** The open membership of a person the caller may change: the first step of every lifecycle write. */
async function writableOpen(tx: Tx, caller: Caller, personId: number) {
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
  return open;
}

type OpenMembership = NonNullable<Awaited<ReturnType<typeof openMembership>>>;

/** Closes the open membership on d: the shared step of transfer, withdrawal, expulsion, death. */
async function closeOn(tx: Tx, open: OpenMembership, d: string, endKind: string) {
  requireOnOrAfterStart(open, d);
  await tx.update(membership).set({ validTo: d, endKind }).where(eq(membership.id, open.id));
}

function requireOnOrAfterStart(open: OpenMembership, d: string) {
  if (d < open.validFrom)
    throw invalid([
      {
        field: 'onDate',
        vi: `Ngày phải từ ${formatViDate(open.validFrom)} trở đi (ngày bắt đầu sinh hoạt hiện tại).`,
        en: `The date must be on or after ${open.validFrom} (when the current membership began).`,
      },
    ]);
}

async function closeOpen(tx: Tx, caller: Caller, personId: number, d: string, endKind: string) {
  const open = await writableOpen(tx, caller, personId);
  await closeOn(tx, open, d, endKind);
  return open;
}

/**
 * Transfer to another CĐCS. When the caller may write the destination too, it happens now; when the
 * destination lies outside their scope (another district), it becomes a request that the receiving
 * side accepts or declines (transfers/service.ts), and the member stays where they are meanwhile.
 */
export async function transfer(
  db: Db,
  caller: Caller,
  actor: Actor,
  personId: number,
  input: TransferInput,
): Promise<{ pending: boolean }> {
  return db.transaction(async (tx) => {
    const open = await writableOpen(tx, caller, personId);
    if (open.unitId === input.toUnitId)
      throw invalid([
        {
          field: 'toUnitId',
          vi: 'Đoàn viên đã sinh hoạt ở đơn vị này.',
          en: 'The member already belongs to this unit.',
        },
      ]);
    const pending = await transferQ.selectPendingFor(tx, personId);
    if (pending)
      throw conflict(
        'transfer_pending',
        `Đoàn viên đang có yêu cầu chuyển sinh hoạt đến «${pending.toUnitName}» chờ đơn vị nhận đồng ý. Hủy yêu cầu đó trước khi chuyển sang nơi khác.`,
        `A transfer request to «${pending.toUnitName}» is awaiting the receiving unit. Cancel it before transferring elsewhere.`,
      );
    const to = await grassrootsUnitOn(tx, input.toUnitId, input.onDate, 'toUnitId');
    if (!canWriteUnder(caller.scope, to.path)) {
      requireOnOrAfterStart(open, input.onDate);
      const id = await transferQ.insertRequest(tx, {
        personId,
        fromUnitId: open.unitId,
        requestedBy: actor.id,
        ...input,
      });
      await recordAudit(tx, actor, {
        action: 'transfer_request.create',
        entityType: 'transfer_request',
        entityId: id,
        after: { personId, fromUnitId: open.unitId, toUnitId: input.toUnitId, onDate: input.onDate },
      });
      return { pending: true };
    }
    await moveMember(tx, actor, open, input);
    return { pending: false };
  });
}

/** The transfer itself: close the old membership, open the new one, record the event and audit. */
export async function moveMember(
  tx: Tx,
  actor: Actor,
  open: OpenMembership,
  input: { toUnitId: number; onDate: string; decisionNo?: string | undefined; reason?: string | undefined },
) {
  const personId = open.personId;
  await closeOn(tx, open, input.onDate, 'transfer_out');
  await tx
    .insert(membership)
    .values({ personId, unitId: input.toUnitId, validFrom: input.onDate, startKind: 'transfer_in' });
  await tx.insert(membershipEvent).values({
    personId,
    kind: 'transfer',
    onDate: input.onDate,
    fromUnitId: open.unitId,
    toUnitId: input.toUnitId,
    decisionNo: input.decisionNo ?? null,
    reason: input.reason ?? null,
    recordedBy: actor.id,
  });
  await recordAudit(tx, actor, {
    action: 'member.transfer',
    entityType: 'person',
    entityId: personId,
    before: { unitId: open.unitId },
    after: { unitId: input.toUnitId, onDate: input.onDate },
  });
}

export async function end(db: Db, caller: Caller, actor: Actor, personId: number, input: EndInput) {
  return db.transaction(async (tx) => {
    const from = await closeOpen(tx, caller, personId, input.onDate, input.kind);
    // A transfer still waiting for the receiving side has nothing left to move.
    await transferQ.closePending(
      tx,
      personId,
      'cancelled',
      actor.id,
      `Sinh hoạt đã kết thúc: ${END_REASONS[input.kind]}`,
    );
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
