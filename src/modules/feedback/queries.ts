import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import type { EscalationTarget, FeedbackKind, FeedbackStatus, InboxQuery } from './schema.ts';

/** A thread as stored, with its units as they stand now and the sender (the service hides them). */
export type ThreadRow = {
  id: number;
  personId: number;
  kind: FeedbackKind;
  subject: string;
  anonymous: boolean;
  status: FeedbackStatus;
  escalatedTo: EscalationTarget | null;
  fromUnitId: number;
  fromUnitName: string;
  fromPath: string;
  handlingUnitId: number;
  handlingUnitName: string;
  handlingPath: string;
  handlingParentId: number | null;
  senderName: string;
  senderPhone: string | null;
  assignedUserId: number | null;
  assignedUserName: string | null;
  createdAt: string;
  lastMessageAt: string;
  firstAnsweredAt: string | null;
  closedAt: string | null;
};

// A unit's latest version: threads are handled in the present, whatever moved since.
const latest = (alias: string, unitCol: string) =>
  sql.raw(`join lateral (select name, path, parent_id from unit_version where unit_id = ${unitCol}
    order by valid_from desc limit 1) ${alias} on true`);

const columns = sql.raw(`f.id, f.person_id as "personId", f.kind, f.subject, f.anonymous, f.status,
  f.escalated_to as "escalatedTo", f.unit_id as "fromUnitId", fv.name as "fromUnitName", fv.path::text as "fromPath",
  f.handling_unit_id as "handlingUnitId", hv.name as "handlingUnitName", hv.path::text as "handlingPath",
  hv.parent_id as "handlingParentId", p.full_name as "senderName", p.phone as "senderPhone",
  f.assigned_user_id as "assignedUserId", au.display_name as "assignedUserName",
  f.created_at as "createdAt", f.last_message_at as "lastMessageAt", f.first_answered_at as "firstAnsweredAt",
  f.closed_at as "closedAt"`);

const from = sql`member_feedback f
  join person p on p.id = f.person_id
  ${latest('fv', 'f.unit_id')}
  ${latest('hv', 'f.handling_unit_id')}
  left join app_user au on au.id = f.assigned_user_id`;

type Stamp = string | Date;
const iso = (v: Stamp) => new Date(v).toISOString();
const isoOrNull = (v: Stamp | null) => (v === null ? null : iso(v));

type RawThread = Omit<ThreadRow, 'createdAt' | 'lastMessageAt' | 'firstAnsweredAt' | 'closedAt'> & {
  createdAt: Stamp;
  lastMessageAt: Stamp;
  firstAnsweredAt: Stamp | null;
  closedAt: Stamp | null;
};
const toThread = (r: RawThread): ThreadRow => ({
  ...r,
  createdAt: iso(r.createdAt),
  lastMessageAt: iso(r.lastMessageAt),
  firstAnsweredAt: isoOrNull(r.firstAnsweredAt),
  closedAt: isoOrNull(r.closedAt),
});

async function select(db: Conn, where: SQL, tail: SQL = sql``) {
  const res = await run<RawThread>(db, sql`select ${columns} from ${from} where ${where} ${tail}`);
  return res.rows.map(toThread);
}

export async function selectThread(db: Conn, id: number, lock = false) {
  if (lock) await run(db, sql`select 1 from member_feedback where id = ${id} for update`);
  return (await select(db, sql`f.id = ${id}`))[0];
}

export const selectOwnThreads = (db: Conn, personId: number) =>
  select(db, sql`f.person_id = ${personId}`, sql`order by f.last_message_at desc, f.id desc limit 500`);

/** The officers' inbox: threads handled in the caller's subtrees, newest activity first. */
export async function selectInbox(db: Conn, scope: Scope, query: InboxQuery) {
  const conds: SQL[] = [inScope(scope, sql.raw('hv.path'))];
  if (query.unitId !== undefined) conds.push(sql`fv.path ~ ${`*.${query.unitId}.*`}::lquery`);
  if (query.status) conds.push(sql`f.status = ${query.status}`);
  if (query.kind) conds.push(sql`f.kind = ${query.kind}`);
  if (query.legal === true) conds.push(sql`f.escalated_to = 'legal_team'`);
  if (query.legal === false) conds.push(sql`f.escalated_to is distinct from 'legal_team'`);
  const where = sql.join(conds, sql` and `);
  const [items, total] = await Promise.all([
    select(db, where, sql`order by f.last_message_at desc, f.id desc limit ${query.limit} offset ${query.offset}`),
    run<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`),
  ]);
  return { items, total: total.rows[0]?.n ?? 0 };
}

export type MessageRow = {
  id: number;
  kind: 'message' | 'assigned' | 'escalated' | 'closed' | 'reopened';
  author: 'member' | 'officer';
  unitName: string | null;
  userName: string | null;
  body: string;
  createdAt: string;
};

export async function selectMessages(db: Conn, feedbackId: number): Promise<MessageRow[]> {
  const res = await run<Omit<MessageRow, 'createdAt'> & { createdAt: Stamp }>(
    db,
    sql`select m.id, m.kind, m.author, uv.name as "unitName", u.display_name as "userName", m.body,
          m.created_at as "createdAt"
        from member_feedback_message m
        left join lateral (select name from unit_version where unit_id = m.unit_id
          order by valid_from desc limit 1) uv on true
        left join app_user u on u.id = m.user_id
        where m.feedback_id = ${feedbackId} order by m.id`,
  );
  return res.rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
}

/** Threads the person started since the given instant (the daily limit). */
export async function countStartedSince(db: Conn, personId: number, since: Date) {
  const res = await run<{ n: number }>(
    db,
    sql`select count(*)::int as n from member_feedback where person_id = ${personId} and created_at >= ${since.toISOString()}`,
  );
  return res.rows[0]?.n ?? 0;
}

export async function insertThread(
  tx: Tx,
  t: { personId: number; unitId: number; kind: FeedbackKind; subject: string; anonymous: boolean },
) {
  const res = await run<{ id: number }>(
    tx,
    sql`insert into member_feedback (person_id, unit_id, handling_unit_id, kind, subject, anonymous)
        values (${t.personId}, ${t.unitId}, ${t.unitId}, ${t.kind}, ${t.subject}, ${t.anonymous}) returning id`,
  );
  const id = res.rows[0]?.id;
  if (id === undefined) throw new Error('insert returned nothing');
  return id;
}

export async function insertMessage(
  tx: Tx,
  m: {
    feedbackId: number;
    kind: MessageRow['kind'];
    author: 'member' | 'officer';
    userId: number | null;
    unitId: number;
    body: string;
  },
) {
  await run(
    tx,
    sql`insert into member_feedback_message (feedback_id, kind, author, user_id, unit_id, body)
        values (${m.feedbackId}, ${m.kind}, ${m.author}, ${m.userId}, ${m.unitId}, ${m.body})`,
  );
}

/** Sets a thread's state; every write also moves its last activity to now. */
export async function updateThread(
  tx: Tx,
  id: number,
  set: {
    status?: FeedbackStatus;
    handlingUnitId?: number;
    escalatedTo?: EscalationTarget;
    assignedUserId?: number | null;
    answered?: boolean;
    closed?: boolean;
  },
) {
  const parts: SQL[] = [sql`last_message_at = now()`];
  if (set.status) parts.push(sql`status = ${set.status}`);
  if (set.handlingUnitId !== undefined) parts.push(sql`handling_unit_id = ${set.handlingUnitId}`);
  if (set.escalatedTo) parts.push(sql`escalated_to = ${set.escalatedTo}`);
  if (set.assignedUserId !== undefined) parts.push(sql`assigned_user_id = ${set.assignedUserId}`);
  if (set.answered) parts.push(sql`first_answered_at = coalesce(first_answered_at, now())`);
  if (set.closed === true) parts.push(sql`closed_at = now()`);
  if (set.closed === false) parts.push(sql`closed_at = null`);
  await run(tx, sql`update member_feedback set ${sql.join(parts, sql`, `)} where id = ${id}`);
}

/**
 * Officers who may take a thread handled at the unit of this path: a role (other than member) for the
 * unit, one above it, or one in its subtree; system administrators too.
 */
export async function selectAssignees(db: Conn, handlingUnitId: number, handlingPath: string) {
  const above = handlingPath.split('.').map(Number);
  const res = await run<{ id: number; displayName: string; unitName: string | null }>(
    db,
    sql`select * from (select distinct on (u.id) u.id, u.display_name as "displayName", v.name as "unitName"
        from app_user u
        join user_role r on r.user_id = u.id and r.role <> 'member'
        left join lateral (select name, path from unit_version where unit_id = r.unit_id
          order by valid_from desc limit 1) v on true
        where not u.disabled and (r.unit_id is null
          or r.unit_id in (${sql.join(
            above.map((id) => sql`${id}`),
            sql`, `,
          )})
          or v.path ~ ${`*.${handlingUnitId}.*`}::lquery)
        order by u.id, r.unit_id nulls last) a order by a."displayName", a.id`,
  );
  return res.rows;
}

/**
 * The federation whose legal team takes a thread handled at the unit of this path: the shallowest
 * unit of the path below the confederation (the province federation in a province's tree).
 */
export async function selectLegalTeamUnit(db: Conn, path: string) {
  const ids = path.split('.').map(Number);
  const res = await run<{ unitId: number }>(
    db,
    sql`select v.unit_id as "unitId" from unit_version v
        where v.unit_id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) and v.valid_to is null and v.type <> 'confederation'
        order by v.depth limit 1`,
  );
  return res.rows[0]?.unitId ?? (ids[0] as number);
}
