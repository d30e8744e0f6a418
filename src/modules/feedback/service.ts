import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { addDays, todayVn } from '../../lib/dates.ts';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.ts';
import { logAccess } from '../../lib/privacy.ts';
import { canWriteUnder, outOfScope, pathInScope } from '../../lib/scope.ts';
import type { Tx } from '../../lib/tx.ts';
import type { SessionMember } from '../member-auth/session.ts';
import { maskId } from '../members/person.ts';
import { type Caller, seesIds } from '../members/service.ts';
import * as unitQ from '../units/queries.ts';
import * as q from './queries.ts';
import { selectResponseTimes, startOfDayVn } from './response-times.ts';
import type {
  EscalationTarget,
  FeedbackSummary,
  FeedbackThread,
  InboxItem,
  InboxQuery,
  OfficerThread,
  StartInput,
} from './schema.ts';

const THREAD = { vi: 'ý kiến', en: 'feedback thread' };
/** New threads a member may start in one (Vietnamese) day: enough for real use, not for flooding an inbox. */
export const DAILY_THREAD_LIMIT = 10;

const summaryOf = (t: q.ThreadRow): FeedbackSummary => ({
  id: t.id,
  kind: t.kind,
  subject: t.subject,
  anonymous: t.anonymous,
  status: t.status,
  escalatedTo: t.escalatedTo,
  handlingUnitName: t.handlingUnitName,
  createdAt: t.createdAt,
  lastMessageAt: t.lastMessageAt,
  firstAnsweredAt: t.firstAnsweredAt,
  closedAt: t.closedAt,
});

/**
 * The audit log names no anonymous sender: its actor is written as an anonymous member (the thread
 * row itself keeps who it was, which no officer's view shows).
 */
const memberActor = (actor: Actor, anonymous: boolean): Actor =>
  anonymous ? { ...actor, name: 'member:anonymous' } : actor;

// ---- members -----------------------------------------------------------------------------------

export async function listOwn(db: Db, member: SessionMember) {
  return { items: (await q.selectOwnThreads(db, member.personId)).map(summaryOf) };
}

export async function getOwn(db: Db, member: SessionMember, id: number): Promise<FeedbackThread> {
  const t = await q.selectThread(db, id);
  if (!t || t.personId !== member.personId) throw notFound(THREAD, id);
  const messages = await q.selectMessages(db, id);
  return { ...summaryOf(t), messages: messages.map(({ userName: _, ...m }) => m) };
}

export async function start(db: Db, member: SessionMember, actor: Actor, input: StartInput) {
  const unitId = member.unitId;
  if (unitId === null)
    throw new AppError(
      'feedback_no_membership',
      409,
      'Bạn chưa sinh hoạt tại công đoàn cơ sở nào nên chưa gửi được ý kiến mới. Liên hệ công đoàn nơi bạn làm việc để được hỗ trợ.',
      'You hold no membership of a grassroots union now, so you cannot start a new thread. Contact the union at your workplace.',
    );
  const id = await db.transaction(async (tx) => {
    const today = startOfDayVn(todayVn());
    if ((await q.countStartedSince(tx, member.personId, today)) >= DAILY_THREAD_LIMIT)
      throw new AppError(
        'feedback_daily_limit',
        429,
        `Mỗi ngày bạn gửi được tối đa ${DAILY_THREAD_LIMIT} ý kiến mới. Hãy viết tiếp vào ý kiến đã gửi, hoặc gửi lại vào ngày mai.`,
        `You may start at most ${DAILY_THREAD_LIMIT} threads a day. Write in a thread you started, or try again tomorrow.`,
      );
    const id = await q.insertThread(tx, { personId: member.personId, unitId, ...input });
    await q.insertMessage(tx, {
      feedbackId: id,
      kind: 'message',
      author: 'member',
      userId: null,
      unitId,
      body: input.body,
    });
    await recordAudit(tx, memberActor(actor, input.anonymous), {
      action: 'feedback.start',
      entityType: 'member_feedback',
      entityId: id,
      after: { kind: input.kind, unitId, anonymous: input.anonymous, status: 'open' },
    });
    return id;
  });
  return getOwn(db, member, id);
}

/** The member writes in their thread; a closed thread opens again, and it is the union's turn. */
export async function addMessage(db: Db, member: SessionMember, actor: Actor, id: number, body: string) {
  await db.transaction(async (tx) => {
    const t = await q.selectThread(tx, id, true);
    if (!t || t.personId !== member.personId) throw notFound(THREAD, id);
    const base = { feedbackId: id, author: 'member' as const, userId: null, unitId: t.handlingUnitId };
    if (t.status === 'closed') await q.insertMessage(tx, { ...base, kind: 'reopened', body: '' });
    await q.insertMessage(tx, { ...base, kind: 'message', body });
    await q.updateThread(tx, id, { status: 'open', ...(t.status === 'closed' ? { closed: false } : {}) });
    await recordAudit(tx, memberActor(actor, t.anonymous), {
      action: t.status === 'closed' ? 'feedback.reopen' : 'feedback.message',
      entityType: 'member_feedback',
      entityId: id,
      before: { status: t.status },
      after: { status: 'open' },
    });
  });
  return getOwn(db, member, id);
}

// ---- officers ----------------------------------------------------------------------------------

/** Officers read a thread handled in their subtrees, or one that came from them and went up. */
const visibleTo = (caller: Caller, t: q.ThreadRow) =>
  pathInScope(caller.scope, t.handlingPath) || pathInScope(caller.scope, t.fromPath);

function officerExtras(t: q.ThreadRow) {
  return {
    fromUnitId: t.fromUnitId,
    fromUnitName: t.fromUnitName,
    handlingUnitId: t.handlingUnitId,
    senderName: t.anonymous ? null : t.senderName,
    assignedUserId: t.assignedUserId,
    assignedUserName: t.assignedUserName,
  };
}

export async function inbox(db: Db, caller: Caller, query: InboxQuery) {
  const { items, total } = await q.selectInbox(db, caller.scope, query);
  return { items: items.map((t): InboxItem => ({ ...summaryOf(t), ...officerExtras(t) })), total };
}

export async function detail(db: Db, caller: Caller, id: number): Promise<OfficerThread> {
  const t = await q.selectThread(db, id);
  if (!t || !visibleTo(caller, t)) throw notFound(THREAD, id);
  const full = seesIds(caller);
  if (full && !t.anonymous && t.senderPhone) await logAccess(db, caller, { kind: 'view', personId: t.personId });
  return {
    ...summaryOf(t),
    ...officerExtras(t),
    senderPhone: t.anonymous ? null : full ? t.senderPhone : maskId(t.senderPhone),
    canAct: canWriteUnder(caller.scope, t.handlingPath),
    messages: await q.selectMessages(db, id),
  };
}

/** Locks a thread the caller may act on: visible (else 404), handled in their writable subtree (else 403), not closed. */
async function actable(tx: Tx, caller: Caller, id: number) {
  const t = await q.selectThread(tx, id, true);
  if (!t || !visibleTo(caller, t)) throw notFound(THREAD, id);
  if (!canWriteUnder(caller.scope, t.handlingPath)) throw outOfScope();
  if (t.status === 'closed')
    throw conflict(
      'feedback_closed',
      'Ý kiến này đã đóng. Đoàn viên có thể mở lại bằng cách gửi thêm tin nhắn.',
      'This thread is closed. The member can reopen it by writing again.',
    );
  return t;
}

export async function answer(db: Db, caller: Caller, actor: Actor, id: number, body: string) {
  await db.transaction(async (tx) => {
    const t = await actable(tx, caller, id);
    await q.insertMessage(tx, {
      feedbackId: id,
      kind: 'message',
      author: 'officer',
      userId: actor.id,
      unitId: t.handlingUnitId,
      body,
    });
    await q.updateThread(tx, id, { status: 'answered', answered: true });
    await recordAudit(tx, actor, {
      action: 'feedback.answer',
      entityType: 'member_feedback',
      entityId: id,
      before: { status: t.status },
      after: { status: 'answered', handlingUnitId: t.handlingUnitId },
    });
  });
  return detail(db, caller, id);
}

export async function assignees(db: Db, caller: Caller, id: number) {
  const t = await q.selectThread(db, id);
  if (!t || !visibleTo(caller, t)) throw notFound(THREAD, id);
  return { items: await q.selectAssignees(db, t.handlingUnitId, t.handlingPath) };
}

export async function assign(db: Db, caller: Caller, actor: Actor, id: number, userId: number) {
  await db.transaction(async (tx) => {
    const t = await actable(tx, caller, id);
    const allowed = await q.selectAssignees(tx, t.handlingUnitId, t.handlingPath);
    if (!allowed.some((u) => u.id === userId))
      throw invalid([
        {
          field: 'userId',
          vi: `Chỉ giao được cho cán bộ của «${t.handlingUnitName}», của đơn vị trực thuộc hoặc cấp trên của nó.`,
          en: `Assign to an officer of «${t.handlingUnitName}», of a unit under it or above it.`,
        },
      ]);
    await q.insertMessage(tx, {
      feedbackId: id,
      kind: 'assigned',
      author: 'officer',
      userId: actor.id,
      unitId: t.handlingUnitId,
      body: '',
    });
    await q.updateThread(tx, id, { assignedUserId: userId });
    await recordAudit(tx, actor, {
      action: 'feedback.assign',
      entityType: 'member_feedback',
      entityId: id,
      before: { assignedUserId: t.assignedUserId },
      after: { assignedUserId: userId },
    });
  });
  return detail(db, caller, id);
}

/**
 * Sends a thread up: to the parent of the handling unit in today's tree, or to the legal team of
 * the federation at the root of the tree. The new unit's officers take it over (the assignment is
 * dropped); the member sees the step and the note.
 */
export async function escalate(
  db: Db,
  caller: Caller,
  actor: Actor,
  id: number,
  input: { to: EscalationTarget; note?: string | undefined },
) {
  await db.transaction(async (tx) => {
    const t = await actable(tx, caller, id);
    const target =
      input.to === 'legal_team' ? await q.selectLegalTeamUnit(tx, t.handlingPath) : await parentToday(tx, t);
    if (input.to === 'legal_team' && t.escalatedTo === 'legal_team')
      throw conflict(
        'feedback_already_legal',
        'Ý kiến này đã được chuyển tổ tư vấn pháp luật.',
        'This thread is with the legal team already.',
      );
    await q.insertMessage(tx, {
      feedbackId: id,
      kind: 'escalated',
      author: 'officer',
      userId: actor.id,
      unitId: target,
      body: input.note ?? '',
    });
    await q.updateThread(tx, id, {
      handlingUnitId: target,
      escalatedTo: input.to,
      status: 'open',
      assignedUserId: null,
    });
    await recordAudit(tx, actor, {
      action: 'feedback.escalate',
      entityType: 'member_feedback',
      entityId: id,
      before: { handlingUnitId: t.handlingUnitId, escalatedTo: t.escalatedTo },
      after: { handlingUnitId: target, escalatedTo: input.to },
    });
  });
  return detail(db, caller, id);
}

async function parentToday(tx: Tx, t: q.ThreadRow) {
  const v = await unitQ.selectVersionForDay(tx, t.handlingUnitId, todayVn());
  const parentId = v?.parentId ?? t.handlingParentId;
  if (parentId === null || parentId === undefined)
    throw conflict(
      'feedback_no_upper_union',
      `«${t.handlingUnitName}» không có công đoàn cấp trên; hãy chuyển tổ tư vấn pháp luật hoặc tự trả lời.`,
      `«${t.handlingUnitName}» has no upper union; send it to the legal team or answer it.`,
    );
  return parentId;
}

export async function close(db: Db, caller: Caller, actor: Actor, id: number, note: string | undefined) {
  await db.transaction(async (tx) => {
    const t = await actable(tx, caller, id);
    await q.insertMessage(tx, {
      feedbackId: id,
      kind: 'closed',
      author: 'officer',
      userId: actor.id,
      unitId: t.handlingUnitId,
      body: note ?? '',
    });
    await q.updateThread(tx, id, { status: 'closed', closed: true });
    await recordAudit(tx, actor, {
      action: 'feedback.close',
      entityType: 'member_feedback',
      entityId: id,
      before: { status: t.status },
      after: { status: 'closed' },
    });
  });
  return detail(db, caller, id);
}

export async function responseTimes(
  db: Db,
  caller: Caller,
  query: { unitId: number; from?: string | undefined; to?: string | undefined },
) {
  const today = todayVn();
  const v = await unitQ.selectVersionForDay(db, query.unitId, today);
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, query.unitId);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -89);
  if (from > to)
    throw invalid([
      {
        field: 'querystring.from',
        vi: 'Ngày bắt đầu phải trước ngày kết thúc.',
        en: 'The first day must come before the last.',
      },
    ]);
  const figures = await selectResponseTimes(db, { id: query.unitId, name: v.name }, from, to, today);
  return { from, to, ...figures };
}
