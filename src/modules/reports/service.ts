import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { formatViDate } from '../../lib/dates.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import type { Conn } from '../../lib/tx.ts';
import * as unitQ from '../units/queries.ts';
import { computeFigures } from './figures.ts';
import * as q from './queries.ts';
import type {
  CreateReportInput,
  Figures,
  ListQuery,
  ReportDetail,
  ReportKind,
  ReportSummary,
  Submissions,
  SubmissionsQuery,
  UpdateReportInput,
} from './schema.ts';

export const REPORT = { vi: 'báo cáo', en: 'report' };
const UNIT = { vi: 'đơn vị', en: 'unit' };
type Caller = { scope: Scope };

/** The words of the title after "Kết quả ... " for a kind and period. */
export function periodLabel(kind: ReportKind, from: string, to: string): string {
  const y = from.slice(0, 4);
  if (kind === 'six_month') return `6 tháng ${from.slice(5, 7) === '01' ? 'đầu' : 'cuối'} năm ${y}`;
  if (kind === 'annual') return `năm ${y}`;
  return `nhiệm kỳ ${y} - ${to.slice(0, 4)}`;
}

/** The period a new report covers: a half-year, a year, or a term's own first and last day. */
export function periodOf(input: CreateReportInput): { periodFrom: string; periodTo: string } {
  const need = (field: string, vi: string, en: string) => invalid([{ field, vi, en }]);
  if (input.kind === 'term') {
    if (!input.periodFrom || !input.periodTo)
      throw need(
        input.periodFrom ? 'periodTo' : 'periodFrom',
        'Báo cáo nhiệm kỳ cần ngày bắt đầu và ngày kết thúc nhiệm kỳ.',
        'A term report needs the first and the last day of the term.',
      );
    if (input.periodTo < input.periodFrom)
      throw need('periodTo', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The last day must come after the first.');
    return { periodFrom: input.periodFrom, periodTo: input.periodTo };
  }
  if (input.year === undefined) throw need('year', 'Chọn năm báo cáo.', 'Choose the year of the report.');
  if (input.kind === 'annual') return { periodFrom: `${input.year}-01-01`, periodTo: `${input.year}-12-31` };
  if (input.half === undefined)
    throw need(
      'half',
      'Chọn 6 tháng đầu năm hoặc 6 tháng cuối năm.',
      'Choose the first or the second half of the year.',
    );
  return input.half === 1
    ? { periodFrom: `${input.year}-01-01`, periodTo: `${input.year}-06-30` }
    : { periodFrom: `${input.year}-07-01`, periodTo: `${input.year}-12-31` };
}

const frozenError = (r: q.ReportRow) =>
  conflict(
    'report_submitted',
    `Báo cáo này (phiên bản ${r.version}) đã nộp lên cấp trên ngày ${formatViDate(r.submittedAt?.slice(0, 10) ?? '')} và không được sửa nữa. Muốn điều chỉnh số liệu, hãy tạo bản điều chỉnh (phiên bản mới).`,
    `This report (version ${r.version}) was submitted on ${r.submittedAt?.slice(0, 10)} and can no longer change. To correct it, create a correction (a new version).`,
  );

async function readable(db: Conn, caller: Caller, id: number, lock = false) {
  const r = await q.selectReport(db, id, lock);
  if (!r || !pathInScope(caller.scope, r.path)) throw notFound(REPORT, id);
  return r;
}

async function writable(db: Conn, caller: Caller, id: number) {
  const r = await readable(db, caller, id, true);
  if (!canWriteUnder(caller.scope, r.path)) throw outOfScope();
  return r;
}

const key = (r: q.ReportRow): q.Key => ({
  unitId: r.unitId,
  kind: r.kind,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
});

function summary(r: q.ReportRow): ReportSummary {
  return {
    id: r.id,
    unit: { id: r.unitId, code: r.unitCode, name: r.unitName },
    kind: r.kind,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    periodLabel: periodLabel(r.kind, r.periodFrom, r.periodTo),
    version: r.version,
    status: r.status,
    documentNo: r.documentNo,
    createdAt: r.createdAt,
    submittedAt: r.submittedAt,
  };
}

export async function list(db: Db, caller: Caller, query: ListQuery) {
  const rows = await q.selectReports(db, caller.scope, query, query.limit);
  return { items: rows.map(summary) };
}

/** A report with its figures: the stored ones once submitted, computed now while a draft. */
export async function detail(db: Db, caller: Caller, id: number): Promise<ReportDetail> {
  const r = await readable(db, caller, id);
  const frozen = r.status === 'submitted';
  const figures = frozen ? (r.figures as Figures) : await computeFigures(db, r.unitId, r.periodFrom, r.periodTo);
  const person = (pid: number | null, name: string | null) => (pid ? { id: pid, name: name ?? '' } : null);
  return {
    ...summary(r),
    note: r.note,
    createdBy: person(r.createdById, r.createdByName),
    submittedBy: person(r.submittedById, r.submittedByName),
    figures,
    frozen,
    canWrite: canWriteUnder(caller.scope, r.path),
    versions: await q.selectVersions(db, key(r)),
  };
}

/** Opens the first draft of a unit's report for a period. */
export async function create(db: Db, caller: Caller, actor: Actor, input: CreateReportInput) {
  const period = periodOf(input);
  return db.transaction(async (tx) => {
    const v = await unitQ.selectVersionForDay(tx, input.unitId, period.periodTo);
    if (!v || !pathInScope(caller.scope, v.path)) throw notFound(UNIT, input.unitId);
    if (!canWriteUnder(caller.scope, v.path)) throw outOfScope();
    if (v.foundedOn > period.periodTo)
      throw invalid([
        {
          field: 'unitId',
          vi: `«${v.name}» thành lập ngày ${formatViDate(v.foundedOn)}, sau kỳ báo cáo.`,
          en: `«${v.name}» was founded on ${v.foundedOn}, after the period.`,
        },
      ]);
    const k = { unitId: input.unitId, kind: input.kind, ...period };
    const existing = await q.selectVersions(tx, k);
    if (existing.length > 0) {
      const last = existing[existing.length - 1];
      throw conflict(
        'report_exists',
        last?.status === 'draft'
          ? `Đơn vị đã có bản dự thảo báo cáo kỳ này (#${last.id}): tiếp tục bản đó.`
          : `Đơn vị đã nộp báo cáo kỳ này (phiên bản ${last?.version}, #${last?.id}). Muốn điều chỉnh, mở báo cáo đó và tạo bản điều chỉnh.`,
        `The unit already has a report for this period (#${last?.id}, version ${last?.version}, ${last?.status}).`,
      );
    }
    const id = await q.insertReport(tx, {
      ...k,
      version: 1,
      documentNo: input.documentNo || null,
      note: input.note || null,
      createdBy: actor.id,
    });
    if (!id) throw conflict('report_exists', 'Báo cáo kỳ này vừa được tạo.', 'The report was just created.');
    await recordAudit(tx, actor, {
      action: 'report.create',
      entityType: 'statistical_report',
      entityId: id,
      after: { ...k, version: 1 },
    });
    return id;
  });
}

/** Changes a draft's number and note; a submitted report refuses. */
export async function update(db: Db, caller: Caller, actor: Actor, id: number, input: UpdateReportInput) {
  await db.transaction(async (tx) => {
    const r = await writable(tx, caller, id);
    if (r.status !== 'draft') throw frozenError(r);
    const documentNo = input.documentNo === undefined ? r.documentNo : input.documentNo || null;
    const note = input.note === undefined ? r.note : input.note || null;
    await q.updateText(tx, id, documentNo, note);
    await recordAudit(tx, actor, {
      action: 'report.update',
      entityType: 'statistical_report',
      entityId: id,
      before: { documentNo: r.documentNo, note: r.note },
      after: { documentNo, note },
    });
  });
}

/** Submits a draft: its figures are computed in the same transaction and stored; it never changes again. */
export async function submit(db: Db, caller: Caller, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const r = await writable(tx, caller, id);
    if (r.status !== 'draft') throw frozenError(r);
    const figures = await computeFigures(tx, r.unitId, r.periodFrom, r.periodTo);
    await q.freeze(tx, id, figures, actor.id);
    await recordAudit(tx, actor, {
      action: 'report.submit',
      entityType: 'statistical_report',
      entityId: id,
      after: {
        ...key(r),
        version: r.version,
        members: figures.members,
        newMembers: figures.inflow.newMembers,
        newGrassroots: figures.grassroots.founded,
      },
    });
  });
}

/** Starts a correction of a submitted report: a new draft, version + 1; the submitted one stays. */
export async function correct(db: Db, caller: Caller, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const r = await writable(tx, caller, id);
    if (r.status !== 'submitted')
      throw conflict(
        'report_is_draft',
        'Báo cáo này còn là dự thảo: sửa trực tiếp rồi nộp, không cần tạo bản điều chỉnh.',
        'This report is still a draft: edit and submit it; no correction is needed.',
      );
    const versions = await q.selectVersions(tx, key(r));
    const draft = versions.find((v) => v.status === 'draft');
    if (draft)
      throw conflict(
        'report_draft_exists',
        `Đã có bản điều chỉnh đang soạn (phiên bản ${draft.version}, #${draft.id}): tiếp tục bản đó.`,
        `A correction is already being prepared (version ${draft.version}, #${draft.id}).`,
      );
    const version = Math.max(...versions.map((v) => v.version)) + 1;
    const newId = await q.insertReport(tx, {
      ...key(r),
      version,
      documentNo: r.documentNo,
      note: r.note,
      createdBy: actor.id,
    });
    if (!newId)
      throw conflict('report_draft_exists', 'Bản điều chỉnh vừa được tạo.', 'The correction was just created.');
    await recordAudit(tx, actor, {
      action: 'report.correct',
      entityType: 'statistical_report',
      entityId: newId,
      after: { ...key(r), version, corrects: id },
    });
    return newId;
  });
}

/** Which direct sub-units have sent their report for a period, and which are missing. */
export async function submissions(db: Db, caller: Caller, query: SubmissionsQuery): Promise<Submissions> {
  const v = await unitQ.selectVersionForDay(db, query.unitId, query.periodTo);
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound(UNIT, query.unitId);
  // Sections and teams inside a CĐCS do not report on their own.
  const children = (await unitQ.selectChildren(db, caller.scope, query.unitId, query.periodTo)).filter(
    (c) => c.type !== 'union_section' && c.type !== 'union_team',
  );
  const found = await q.selectSubmissions(
    db,
    children.map((c) => c.id),
    query,
  );
  const items = children.map((c) => {
    const sent = found.find((f) => f.unitId === c.id && f.status === 'submitted');
    const draft = found.find((f) => f.unitId === c.id && f.status === 'draft');
    return {
      unit: { id: c.id, code: c.code, name: c.name },
      submitted: sent ? { id: sent.id, version: sent.version, submittedAt: sent.submittedAt ?? '' } : null,
      draftId: draft?.id ?? null,
    };
  });
  return {
    unit: { id: v.unitId, code: v.code, name: v.name },
    kind: query.kind,
    periodFrom: query.periodFrom,
    periodTo: query.periodTo,
    items,
    missing: items.filter((i) => !i.submitted).length,
  };
}
