import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { canWriteUnder, outOfScope, pathInScope, type Scope } from '../../lib/scope.ts';
import type { Conn } from '../../lib/tx.ts';
import * as annQ from '../announcements/queries.ts';
import { audienceOf, readableUnit, share } from '../announcements/service.ts';
import type { SessionMember } from '../member-auth/session.ts';
import { checkAnswers, tally } from './answers.ts';
import * as q from './queries.ts';
import type { Answers, AppSurvey, CreateSurveyInput, ListQuery, SurveyResults, SurveySummary } from './schema.ts';

const SURVEY = { vi: 'khảo sát', en: 'survey' };
type Caller = { scope: Scope };

async function readable(db: Conn, caller: Caller, id: number, lock = false) {
  const s = await q.selectSurvey(db, id, lock);
  if (!s || !pathInScope(caller.scope, s.path)) throw notFound(SURVEY, id);
  return s;
}

async function summaries(db: Conn, rows: q.SurveyRow[]): Promise<SurveySummary[]> {
  const d = todayVn();
  const names = new Map(
    (await annQ.selectUnitsToday(db, [...new Set(rows.flatMap((r) => r.audienceUnitIds))])).map((u) => [
      Number(u.unitId),
      u.name,
    ]),
  );
  const audienceCounts = new Map<string, number>();
  const out: SurveySummary[] = [];
  for (const r of rows) {
    const key = [...r.audienceUnitIds].sort((x, y) => x - y).join(',');
    let audienceCount = audienceCounts.get(key);
    if (audienceCount === undefined) {
      audienceCount = await annQ.countAudience(db, r.audienceUnitIds, d);
      audienceCounts.set(key, audienceCount);
    }
    out.push({
      id: r.id,
      unit: { id: r.unitId, name: r.unitName },
      title: r.title,
      description: r.description,
      audience: r.audienceUnitIds.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      status: r.status,
      createdAt: r.createdAt,
      createdByName: r.createdByName,
      questionCount: r.questions.length,
      responseCount: r.responseCount,
      audienceCount,
      responseShare: share(r.responseCount, audienceCount),
    });
  }
  return out;
}

export async function list(db: Db, caller: Caller, query: ListQuery) {
  const under = query.unitId === undefined ? undefined : (await readableUnit(db, caller.scope, query.unitId)).path;
  return { items: await summaries(db, await q.selectSurveys(db, caller.scope, under, query.limit)) };
}

/** Results: per question, option counts and shares, or the text answers; never who answered. */
export async function results(db: Db, caller: Caller, id: number): Promise<SurveyResults> {
  const s = await readable(db, caller, id);
  const [summary] = await summaries(db, [s]);
  if (!summary) throw notFound(SURVEY, id);
  const answers = await q.selectAnswers(db, id);
  return {
    ...summary,
    questions: s.questions.map((question) => tally(question, answers)),
    canClose: summary.status !== 'closed' && canWriteUnder(caller.scope, s.path),
  };
}

export async function create(db: Db, caller: Caller, actor: Actor, input: CreateSurveyInput) {
  const now = new Date();
  const opens = input.opensAt ? new Date(input.opensAt) : now;
  if (input.closesAt && new Date(input.closesAt) <= (opens > now ? opens : now))
    throw invalid([
      {
        field: 'closesAt',
        vi: 'Thời điểm kết thúc phải sau thời điểm mở khảo sát và sau hiện tại.',
        en: 'The closing time must come after the opening time and after now.',
      },
    ]);
  return db.transaction(async (tx) => {
    const v = await readableUnit(tx, caller.scope, input.unitId);
    if (!canWriteUnder(caller.scope, v.path)) throw outOfScope();
    const audienceUnitIds = await audienceOf(tx, { unitId: input.unitId, path: v.path }, input.audienceUnitIds);
    const id = await q.insertSurvey(tx, {
      unitId: input.unitId,
      title: input.title,
      description: input.description,
      questions: input.questions,
      audienceUnitIds,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      createdBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'survey.create',
      entityType: 'survey',
      entityId: id,
      after: { unitId: input.unitId, title: input.title, questions: input.questions.length, audienceUnitIds },
    });
    return id;
  });
}

/** Closes it now: members can no longer answer; the answers given stay. */
export async function close(db: Db, caller: Caller, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const s = await readable(tx, caller, id, true);
    if (!canWriteUnder(caller.scope, s.path)) throw outOfScope();
    if (s.status === 'closed')
      throw conflict('survey_closed', 'Khảo sát này đã kết thúc trước đó.', 'This survey was already closed.');
    await q.closeNow(tx, id);
    await recordAudit(tx, actor, {
      action: 'survey.close',
      entityType: 'survey',
      entityId: id,
      before: { closesAt: s.closesAt },
      after: { closed: true },
    });
  });
}

function toApp(r: q.MemberSurveyRow): AppSurvey {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    unitName: r.unitName,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    questionCount: r.questions.length,
    answered: r.answers !== null,
    open: r.open,
    questions: r.questions.map((x) => ({
      id: x.id,
      text: x.text,
      kind: x.kind,
      options: x.options,
      required: x.required,
    })),
    answers: r.answers,
    submittedAt: r.submittedAt,
  };
}

/** The member app: surveys open now whose audience holds the member's CĐCS, with whether they answered. */
export async function openForMember(db: Db, member: SessionMember) {
  if (!member.unitPath) return { items: [] };
  const rows = await q.selectForMember(db, member.personId, member.unitPath, { openOnly: true });
  return {
    items: rows.map((r) => {
      const { open: _open, questions: _q, answers: _a, submittedAt: _s, ...rest } = toApp(r);
      return rest;
    }),
  };
}

export async function forMember(db: Conn, member: SessionMember, id: number) {
  const [r] = member.unitPath ? await q.selectForMember(db, member.personId, member.unitPath, { id }) : [];
  if (!r) throw notFound(SURVEY, id);
  return toApp(r);
}

/** A member answers, once, while the survey is open; answers are checked against its questions. */
export async function respond(db: Db, member: SessionMember, actor: Actor, id: number, given: Answers) {
  await db.transaction(async (tx) => {
    const s = await forMember(tx, member, id);
    if (!s.open)
      throw conflict(
        'survey_closed',
        'Khảo sát này đã kết thúc, không nhận thêm câu trả lời.',
        'This survey has closed and takes no more answers.',
      );
    if (s.answered)
      throw conflict(
        'survey_answered',
        'Bạn đã trả lời khảo sát này; mỗi đoàn viên trả lời một lần.',
        'You have answered this survey already; each member answers once.',
      );
    const { answers, problems } = checkAnswers(s.questions, given);
    if (problems.length > 0)
      throw invalid(
        problems,
        'Câu trả lời chưa hợp lệ: xem từng câu hỏi bên dưới.',
        'Some answers are not valid: see each question below.',
      );
    if (!(await q.insertResponse(tx, id, member.personId, answers)))
      throw conflict(
        'survey_answered',
        'Bạn đã trả lời khảo sát này; mỗi đoàn viên trả lời một lần.',
        'You have answered this survey already; each member answers once.',
      );
    await recordAudit(tx, actor, {
      action: 'survey.respond',
      entityType: 'survey',
      entityId: id,
      after: { personId: member.personId },
    });
  });
  return forMember(db, member, id);
}
