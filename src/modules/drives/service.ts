import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  driveAssignee,
  driveContact,
  driveDocument,
  driveStageEvent,
  organisingDrive,
} from '../../db/schema/drives.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { daysBetween, formatViDate, todayVn } from '../../lib/dates.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope } from '../../lib/scope.ts';
import type { Conn, Tx } from '../../lib/tx.ts';
import { searchTerms } from '../../lib/vietnamese.ts';
import * as enterpriseQ from '../enterprises/queries.ts';
import type { Caller } from '../members/service.ts';
import * as unitQ from '../units/queries.ts';
import * as q from './queries.ts';
import {
  type BoardQuery,
  type ContactInput,
  type DriveDetail,
  type DriveSummary,
  driveStages,
  type OpenDriveInput,
  type StageInput,
} from './schema.ts';

export const DRIVE = { vi: 'cuộc vận động thành lập CĐCS', en: 'organising drive' };
export type DriveCaller = Caller & { id: number | null };

function summary(r: q.DriveRow, d: string, stalledDays: number): DriveSummary {
  const daysInStage = daysBetween(r.stageSince, d);
  return {
    id: r.id,
    enterprise: {
      id: r.enterpriseId,
      name: r.enterpriseName,
      taxCode: r.taxCode,
      ownership: r.ownership,
      workforce: r.workforce,
      zoneName: r.zoneName,
    },
    upperUnion: { id: r.upperUnionId, name: r.upperUnionName },
    stage: r.stage,
    stageSince: r.stageSince,
    daysInStage,
    stalled: r.status === 'active' && daysInStage > stalledDays,
    status: r.status,
    openedOn: r.openedOn,
    closedOn: r.closedOn,
    contacts: r.contacts,
    workersReached: r.workersReached,
    averageSupport: r.averageSupport,
    lastContactOn: r.lastContactOn,
    assignees: r.assignees ?? [],
    grassrootsUnit: r.grassrootsUnitId ? { id: r.grassrootsUnitId, name: r.grassrootsUnitName ?? '' } : null,
  };
}

/** All drives of the caller's subtrees (or one unit's), oldest stage first: the board. */
export async function board(db: Db, caller: Caller, query: BoardQuery) {
  const d = todayVn();
  let underPath: string | undefined;
  if (query.under !== undefined) {
    const v = await unitQ.selectVersionForDay(db, query.under, d);
    if (!v || !pathInScope(caller.scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, query.under);
    underPath = v.path;
  }
  const [rows, byStage] = await Promise.all([
    q.selectBoard(db, caller.scope, {
      d,
      underPath,
      status: query.status,
      stage: query.stage,
      terms: searchTerms(query.q ?? ''),
      limit: query.limit,
    }),
    q.countByStage(db, caller.scope, underPath),
  ]);
  return {
    asOf: d,
    stalledDays: query.stalledDays,
    items: rows.map((r) => summary(r, d, query.stalledDays)),
    byStage,
  };
}

/** A drive the caller may read; with write when they may run it. */
export async function readable(db: Conn, caller: Caller, id: number) {
  const r = await q.selectDrive(db, id, todayVn());
  if (!r || !pathInScope(caller.scope, r.upperPath)) throw notFound(DRIVE, id);
  return r;
}

async function writable(db: Conn, caller: Caller, id: number) {
  const r = await readable(db, caller, id);
  if (!canWriteUnder(caller.scope, r.upperPath)) throw outOfScope();
  if (r.status !== 'active')
    throw conflict(
      'drive_closed',
      `Cuộc vận động này đã kết thúc (${r.status === 'recognised' ? 'đã công nhận CĐCS' : 'đã dừng'}).`,
      `This drive has ended (${r.status}).`,
    );
  return r;
}

export { writable as writableDrive };

export async function detail(db: Db, caller: DriveCaller, id: number, stalledDays = 45): Promise<DriveDetail> {
  const r = await readable(db, caller, id);
  const [stages, contactLog, documents, assigned] = await Promise.all([
    q.selectStages(db, id),
    q.selectContacts(db, id),
    q.selectDocuments(db, id),
    q.isAssignee(db, id, caller.id),
  ]);
  const canWrite = r.status === 'active' && canWriteUnder(caller.scope, r.upperPath);
  return {
    ...summary(r, todayVn(), stalledDays),
    note: r.note,
    closeReason: r.closeReason,
    canWrite,
    canLogContact: r.status === 'active' && (canWrite || assigned),
    stages,
    contactLog,
    documents,
  };
}

/** Opens a drive at an enterprise that has no CĐCS, run by its upper union (or one the caller names). */
export async function open(db: Db, caller: DriveCaller, actor: Actor, input: OpenDriveInput) {
  return db.transaction(async (tx) => {
    const e = await enterpriseQ.selectOne(tx, input.enterpriseId, input.openedOn);
    if (!e?.anchorPath || !pathInScope(caller.scope, e.anchorPath))
      throw notFound({ vi: 'doanh nghiệp', en: 'enterprise' }, input.enterpriseId);
    if (e.grassrootsId)
      throw conflict(
        'enterprise_has_union',
        `«${e.name}» đã có CĐCS «${e.grassrootsName}»: không cần vận động thành lập.`,
        `«${e.name}» already has a CĐCS («${e.grassrootsName}»).`,
      );
    const upperUnionId = input.upperUnionId ?? e.upperId;
    if (!upperUnionId)
      throw invalid([
        {
          field: 'upperUnionId',
          vi: 'Doanh nghiệp chưa được giao cho công đoàn cấp trên nào: chọn đơn vị phụ trách cuộc vận động.',
          en: 'The enterprise has no upper union in charge: choose the union running the drive.',
        },
      ]);
    const upper = await unitQ.selectVersionForDay(tx, upperUnionId, input.openedOn);
    if (!upper || !pathInScope(caller.scope, upper.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, upperUnionId);
    if (!canWriteUnder(caller.scope, upper.path)) throw outOfScope();
    const running = await tx
      .select({ id: organisingDrive.id })
      .from(organisingDrive)
      .where(and(eq(organisingDrive.enterpriseId, input.enterpriseId), eq(organisingDrive.status, 'active')));
    if (running[0])
      throw conflict(
        'drive_exists',
        `«${e.name}» đang có một cuộc vận động (#${running[0].id}); tiếp tục cuộc đó thay vì mở cuộc mới.`,
        `«${e.name}» already has an active drive (#${running[0].id}).`,
      );
    const [row] = await tx
      .insert(organisingDrive)
      .values({
        enterpriseId: input.enterpriseId,
        upperUnionId,
        stage: 'enterprise_survey',
        stageSince: input.openedOn,
        openedOn: input.openedOn,
        note: input.note ?? null,
        createdBy: actor.id,
      })
      .returning({ id: organisingDrive.id });
    if (!row) throw new Error('insert returned nothing');
    await tx
      .insert(driveStageEvent)
      .values({ driveId: row.id, stage: 'enterprise_survey', onDate: input.openedOn, recordedBy: actor.id });
    await assignIn(tx, row.id, upper.path, input.assigneeIds, input.openedOn);
    await recordAudit(tx, actor, {
      action: 'drive.open',
      entityType: 'organising_drive',
      entityId: row.id,
      after: { enterpriseId: input.enterpriseId, upperUnionId, openedOn: input.openedOn },
    });
    return row.id;
  });
}

async function assignIn(tx: Tx, driveId: number, upperPath: string, userIds: number[], onDay: string) {
  if (userIds.length === 0) return;
  const allowed = new Set((await q.selectAssignable(tx, upperPath)).map((u) => u.id));
  const bad = userIds.find((u) => !allowed.has(u));
  if (bad !== undefined)
    throw invalid([
      {
        field: 'userIds',
        vi: `Người dùng #${bad} không phải cán bộ hay cộng tác viên của công đoàn phụ trách: chọn người trong danh sách.`,
        en: `User #${bad} is not an officer or collaborator of the union running the drive.`,
      },
    ]);
  for (const userId of new Set(userIds))
    await tx.insert(driveAssignee).values({ driveId, userId, assignedOn: onDay }).onConflictDoNothing();
}

/** Replaces the people assigned to a drive. */
export async function assign(db: Db, caller: Caller, actor: Actor, id: number, userIds: number[]) {
  await db.transaction(async (tx) => {
    const r = await writable(tx, caller, id);
    await tx.delete(driveAssignee).where(eq(driveAssignee.driveId, id));
    await assignIn(tx, id, r.upperPath, userIds, todayVn());
    await recordAudit(tx, actor, {
      action: 'drive.assign',
      entityType: 'organising_drive',
      entityId: id,
      before: { assignees: (r.assignees ?? []).map((a) => a.id) },
      after: { assignees: userIds },
    });
  });
}

/** Moves the drive to another stage from a day on (forward, or back when things went wrong). */
export async function moveStage(db: Db, caller: Caller, actor: Actor, id: number, input: StageInput) {
  await db.transaction(async (tx) => {
    const r = await writable(tx, caller, id);
    if (input.stage === r.stage)
      throw invalid([
        { field: 'stage', vi: 'Cuộc vận động đang ở giai đoạn này.', en: 'The drive is already at this stage.' },
      ]);
    requireNotBefore(r.stageSince, input.onDate, 'onDate');
    await tx
      .update(organisingDrive)
      .set({ stage: input.stage, stageSince: input.onDate })
      .where(eq(organisingDrive.id, id));
    await tx.insert(driveStageEvent).values({
      driveId: id,
      stage: input.stage,
      onDate: input.onDate,
      note: input.note ?? null,
      recordedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'drive.stage',
      entityType: 'organising_drive',
      entityId: id,
      before: { stage: r.stage },
      after: { stage: input.stage, onDate: input.onDate },
    });
  });
}

export function requireNotBefore(since: string, d: string, field: string) {
  if (d < since)
    throw invalid([
      {
        field,
        vi: `Ngày phải từ ${formatViDate(since)} trở đi (ngày bắt đầu giai đoạn hiện tại).`,
        en: `The date must be on or after ${since} (when the current stage began).`,
      },
    ]);
}

/** Logs a contact with workers: the running union's officers, and anyone assigned to the drive. */
export async function logContact(db: Db, caller: DriveCaller, actor: Actor, id: number, input: ContactInput) {
  await db.transaction(async (tx) => {
    const r = await readable(tx, caller, id);
    if (r.status !== 'active') await writable(tx, caller, id); // throws drive_closed
    if (!canWriteUnder(caller.scope, r.upperPath) && !(await q.isAssignee(tx, id, caller.id))) throw outOfScope();
    if (input.contactedOn < r.openedOn || input.contactedOn > todayVn())
      throw invalid([
        {
          field: 'contactedOn',
          vi: `Ngày tiếp xúc phải từ ${formatViDate(r.openedOn)} (ngày mở cuộc vận động) đến hôm nay.`,
          en: `The contact date must be between ${r.openedOn} (when the drive opened) and today.`,
        },
      ]);
    const [row] = await tx
      .insert(driveContact)
      .values({
        driveId: id,
        contactedOn: input.contactedOn,
        contactedBy: actor.id,
        workerLabel: input.workerLabel ?? null,
        workersReached: input.workersReached,
        summary: input.summary,
        support: input.support,
      })
      .returning({ id: driveContact.id });
    await recordAudit(tx, actor, {
      action: 'drive.contact',
      entityType: 'organising_drive',
      entityId: id,
      after: { contactId: row?.id, contactedOn: input.contactedOn, support: input.support },
    });
  });
}

/** Stops a drive that cannot succeed now, with the reason; the enterprise stays on the gap list. */
export async function abandon(
  db: Db,
  caller: Caller,
  actor: Actor,
  id: number,
  input: { onDate: string; reason: string },
) {
  await db.transaction(async (tx) => {
    const r = await writable(tx, caller, id);
    requireNotBefore(r.openedOn, input.onDate, 'onDate');
    await tx
      .update(organisingDrive)
      .set({ status: 'abandoned', closedOn: input.onDate, closeReason: input.reason })
      .where(eq(organisingDrive.id, id));
    await recordAudit(tx, actor, {
      action: 'drive.abandon',
      entityType: 'organising_drive',
      entityId: id,
      after: { onDate: input.onDate, reason: input.reason },
    });
  });
}

const MAX_DOCUMENT = 15 * 1024 * 1024;

export async function addDocument(
  db: Db,
  caller: Caller,
  actor: Actor,
  id: number,
  doc: { title: string; fileName: string; stage?: string | undefined; mimeType: string; content: Buffer },
) {
  if (doc.content.length === 0 || doc.content.length > MAX_DOCUMENT)
    throw invalid([
      {
        field: 'body',
        vi: 'Tệp đính kèm phải có nội dung và không quá 15 MB.',
        en: 'The attachment must not be empty and at most 15 MB.',
      },
    ]);
  return db.transaction(async (tx) => {
    const r = await writable(tx, caller, id);
    const [row] = await tx
      .insert(driveDocument)
      .values({
        driveId: id,
        stage: doc.stage ?? r.stage,
        title: doc.title,
        fileName: doc.fileName,
        mimeType: doc.mimeType,
        size: doc.content.length,
        content: doc.content,
        uploadedBy: actor.id,
      })
      .returning({ id: driveDocument.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'drive.document',
      entityType: 'organising_drive',
      entityId: id,
      after: { documentId: row.id, title: doc.title, fileName: doc.fileName, size: doc.content.length },
    });
    return row.id;
  });
}

export async function document(db: Db, caller: Caller, id: number, documentId: number) {
  await readable(db, caller, id);
  const rows = await db
    .select()
    .from(driveDocument)
    .where(and(eq(driveDocument.id, documentId), eq(driveDocument.driveId, id)));
  if (!rows[0]) throw notFound({ vi: 'tài liệu', en: 'document' }, documentId);
  return rows[0];
}

export async function assignable(db: Db, caller: Caller, id: number) {
  const r = await readable(db, caller, id);
  return q.selectAssignable(db, r.upperPath);
}

export const stageIndex = (s: string) => driveStages.indexOf(s as (typeof driveStages)[number]);
