import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import type { Conn } from '../../lib/tx.ts';
import type { SessionMember } from '../member-auth/session.ts';
import * as unitQ from '../units/queries.ts';
import * as q from './queries.ts';
import type { AnnouncementDetail, AnnouncementSummary, ListQuery, PublishInput } from './schema.ts';

const ANNOUNCEMENT = { vi: 'thông báo', en: 'announcement' };
const UNIT = { vi: 'đơn vị', en: 'unit' };
type Caller = { scope: Scope };

export const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

/** The unit as it stands today, if the caller may read it; 404 otherwise (as for any unseen unit). */
export async function readableUnit(db: Conn, scope: Scope, unitId: number) {
  const v = await unitQ.selectVersionForDay(db, unitId, todayVn());
  if (!v || !pathInScope(scope, v.path)) throw notFound(UNIT, unitId);
  return v;
}

/**
 * The audience of a publication: the given units (the publisher itself when none), each standing
 * today and lying in the publisher's subtree. Shared with surveys, which reach members the same way.
 */
export async function audienceOf(db: Conn, publisher: { unitId: number; path: string }, ids: number[] | undefined) {
  const wanted = [...new Set(ids ?? [publisher.unitId])];
  const found = new Map((await q.selectUnitsToday(db, wanted)).map((u) => [Number(u.unitId), u]));
  const problems = wanted.flatMap((id) => {
    const u = found.get(id);
    if (!u)
      return [
        {
          field: 'audienceUnitIds',
          vi: `Không tìm thấy đơn vị «${id}» đang hoạt động để nhận.`,
          en: `No unit «${id}» standing today to address.`,
        },
      ];
    if (!u.path.split('.').includes(String(publisher.unitId)))
      return [
        {
          field: 'audienceUnitIds',
          vi: `«${u.name}» không trực thuộc đơn vị đăng: chỉ gửi được cho đơn vị mình và các đơn vị cấp dưới.`,
          en: `«${u.name}» is not under the publishing unit: address only that unit and the units below it.`,
        },
      ];
    return [];
  });
  if (problems.length > 0) throw invalid(problems);
  return wanted;
}

async function readable(db: Conn, caller: Caller, id: number, lock = false) {
  const a = await q.selectAnnouncement(db, id, lock);
  if (!a || !pathInScope(caller.scope, a.path)) throw notFound(ANNOUNCEMENT, id);
  return a;
}

async function summaries(db: Conn, rows: q.AnnouncementRow[]): Promise<AnnouncementSummary[]> {
  const d = todayVn();
  const reads = await q.countReads(
    db,
    rows.map((r) => r.id),
  );
  const names = new Map(
    (await q.selectUnitsToday(db, [...new Set(rows.flatMap((r) => r.audienceUnitIds))])).map((u) => [
      Number(u.unitId),
      u.name,
    ]),
  );
  // Announcements to the same audience share one count.
  const audienceCounts = new Map<string, number>();
  const out: AnnouncementSummary[] = [];
  for (const r of rows) {
    const key = [...r.audienceUnitIds].sort((x, y) => x - y).join(',');
    let audienceCount = audienceCounts.get(key);
    if (audienceCount === undefined) {
      audienceCount = await q.countAudience(db, r.audienceUnitIds, d);
      audienceCounts.set(key, audienceCount);
    }
    const readCount = reads.get(r.id) ?? 0;
    out.push({
      id: r.id,
      unit: { id: r.unitId, name: r.unitName },
      title: r.title,
      body: r.body,
      audience: r.audienceUnitIds.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      publishedAt: r.publishedAt,
      withdrawnAt: r.withdrawnAt,
      createdByName: r.createdByName,
      readCount,
      audienceCount,
      readShare: share(readCount, audienceCount),
    });
  }
  return out;
}

export async function list(db: Db, caller: Caller, query: ListQuery) {
  const under = query.unitId === undefined ? undefined : (await readableUnit(db, caller.scope, query.unitId)).path;
  const rows = await q.selectAnnouncements(db, caller.scope, under, query.limit);
  return { items: await summaries(db, rows) };
}

/** An announcement with its read receipts: overall, and for each audience unit. */
export async function detail(db: Db, caller: Caller, id: number): Promise<AnnouncementDetail> {
  const a = await readable(db, caller, id);
  const [s] = await summaries(db, [a]);
  if (!s) throw notFound(ANNOUNCEMENT, id);
  const byUnit = await q.receiptsByUnit(db, a.id, a.audienceUnitIds, todayVn());
  return {
    ...s,
    receipts: {
      count: s.readCount,
      share: s.readShare,
      byUnit: byUnit.map((u) => ({ ...u, share: share(u.readCount, u.audienceCount) })),
    },
    canWithdraw: a.withdrawnAt === null && canWriteUnder(caller.scope, a.path),
  };
}

export async function publish(db: Db, caller: Caller, actor: Actor, input: PublishInput) {
  return db.transaction(async (tx) => {
    const v = await readableUnit(tx, caller.scope, input.unitId);
    if (!canWriteUnder(caller.scope, v.path)) throw outOfScope();
    const audienceUnitIds = await audienceOf(tx, { unitId: input.unitId, path: v.path }, input.audienceUnitIds);
    const id = await q.insertAnnouncement(tx, {
      unitId: input.unitId,
      title: input.title,
      body: input.body,
      audienceUnitIds,
      createdBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'announcement.publish',
      entityType: 'announcement',
      entityId: id,
      after: { unitId: input.unitId, title: input.title, audienceUnitIds },
    });
    return id;
  });
}

/** Withdraws it: members no longer see it; its receipts stay for the record. */
export async function withdraw(db: Db, caller: Caller, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const a = await readable(tx, caller, id, true);
    if (!canWriteUnder(caller.scope, a.path)) throw outOfScope();
    if (a.withdrawnAt !== null)
      throw conflict(
        'announcement_withdrawn',
        'Thông báo này đã được thu hồi trước đó.',
        'This announcement was already withdrawn.',
      );
    await q.markWithdrawn(tx, id);
    await recordAudit(tx, actor, {
      action: 'announcement.withdraw',
      entityType: 'announcement',
      entityId: id,
      before: { withdrawnAt: null },
      after: { withdrawn: true },
    });
  });
}

/** The member app: announcements whose audience holds the member's CĐCS (none without a membership). */
export async function forMember(db: Db, member: SessionMember) {
  if (!member.unitPath) return { items: [] };
  return { items: await q.selectForMember(db, member.personId, member.unitPath) };
}

/** A read receipt: the first read is kept; reading again changes nothing. */
export async function markRead(db: Db, member: SessionMember, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const visible = member.unitPath ? await q.selectForMember(tx, member.personId, member.unitPath, id) : [];
    if (visible.length === 0) throw notFound(ANNOUNCEMENT, id);
    if (await q.insertRead(tx, id, member.personId))
      await recordAudit(tx, actor, {
        action: 'announcement.read',
        entityType: 'announcement',
        entityId: id,
        after: { personId: member.personId },
      });
  });
}
