import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import type { Tx } from '../../lib/tx.ts';
import { moveMember } from '../members/lifecycle.ts';
import { grassrootsUnitOn, openMembership } from '../members/service.ts';
import * as q from './queries.ts';
import type { TransferRequestStatus } from './schema.ts';

const REQUEST = { vi: 'yêu cầu chuyển sinh hoạt', en: 'transfer request' };

/** What the caller may do with a request: the receiving side decides, the sending side may cancel. */
function withRights(scope: Scope, r: q.RequestRow) {
  const { fromPath, toPath, ...rest } = r;
  const pending = r.status === 'pending';
  return {
    ...rest,
    canAccept: pending && canWriteUnder(scope, toPath),
    canCancel: pending && canWriteUnder(scope, fromPath),
  };
}

export async function box(db: Db, scope: Scope, box: 'incoming' | 'outgoing', status: TransferRequestStatus | 'all') {
  const [rows, pendingIncoming] = await Promise.all([
    q.selectBox(db, scope, box, status),
    q.countPendingIncoming(db, scope),
  ]);
  return { items: rows.map((r) => withRights(scope, r)), pendingIncoming };
}

export async function get(db: Db, scope: Scope, id: number) {
  const r = await q.selectRequest(db, id);
  if (!r || !(pathInScope(scope, r.fromPath) || pathInScope(scope, r.toPath))) throw notFound(REQUEST, id);
  return withRights(scope, r);
}

/** Locks a pending request the caller may act on from the given side. */
async function pendingFor(tx: Tx, scope: Scope, id: number, side: 'to' | 'from') {
  const r = await q.selectRequest(tx, id, true);
  if (!r || !(pathInScope(scope, r.fromPath) || pathInScope(scope, r.toPath))) throw notFound(REQUEST, id);
  if (!canWriteUnder(scope, side === 'to' ? r.toPath : r.fromPath)) throw outOfScope();
  if (r.status !== 'pending')
    throw conflict(
      'transfer_request_closed',
      'Yêu cầu này đã được xử lý trước đó; tải lại trang để xem trạng thái hiện tại.',
      'This request was already dealt with; reload to see its current state.',
    );
  return r;
}

/**
 * The receiving side consents: the member moves on the requested day (or the one given), in the
 * same transaction, provided they are still a member of the unit that asked.
 */
export async function accept(
  db: Db,
  scope: Scope,
  actor: Actor,
  id: number,
  input: { onDate?: string | undefined; decisionNo?: string | undefined },
) {
  const stale = await db.transaction(async (tx) => {
    const r = await pendingFor(tx, scope, id, 'to');
    const open = await openMembership(tx, r.personId);
    if (!open || open.unitId !== r.fromUnitId) {
      // Committed, then reported: the request cannot be carried out any more.
      await q.decide(tx, id, 'cancelled', actor.id, 'Sinh hoạt của đoàn viên đã thay đổi sau khi gửi yêu cầu.');
      return r;
    }
    const onDate = input.onDate ?? r.onDate;
    await grassrootsUnitOn(tx, r.toUnitId, onDate, 'onDate');
    await moveMember(tx, actor, open, {
      toUnitId: r.toUnitId,
      onDate,
      decisionNo: input.decisionNo ?? r.decisionNo ?? undefined,
      reason: r.reason ?? undefined,
    });
    await q.decide(tx, id, 'accepted', actor.id, null, onDate);
    await recordAudit(tx, actor, {
      action: 'transfer_request.accept',
      entityType: 'transfer_request',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'accepted', onDate },
    });
    return undefined;
  });
  if (stale)
    throw conflict(
      'transfer_request_stale',
      `${stale.personName} không còn sinh hoạt tại «${stale.fromUnitName}»; yêu cầu đã được hủy.`,
      `${stale.personName} no longer belongs to «${stale.fromUnitName}»; the request was cancelled.`,
    );
  return get(db, scope, id);
}

/** The receiving side declines (with a reason), or the sending side withdraws its request. */
export async function close(
  db: Db,
  scope: Scope,
  actor: Actor,
  id: number,
  how: 'declined' | 'cancelled',
  reason: string | undefined,
) {
  await db.transaction(async (tx) => {
    await pendingFor(tx, scope, id, how === 'declined' ? 'to' : 'from');
    await q.decide(tx, id, how, actor.id, reason ?? null);
    await recordAudit(tx, actor, {
      action: how === 'declined' ? 'transfer_request.decline' : 'transfer_request.cancel',
      entityType: 'transfer_request',
      entityId: id,
      before: { status: 'pending' },
      after: { status: how, reason: reason ?? null },
    });
  });
  return get(db, scope, id);
}
