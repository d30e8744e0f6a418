import { type SQL, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import { idArray } from '../announcements/queries.ts';
import type { Answers, Question } from './schema.ts';

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export async function insertSurvey(
  tx: Tx,
  s: {
    unitId: number;
    title: string;
    description: string;
    questions: Question[];
    audienceUnitIds: number[];
    opensAt: string | undefined;
    closesAt: string | undefined;
    createdBy: number | null;
  },
) {
  const res = await run<{ id: number }>(
    tx,
    sql`insert into survey (unit_id, title, description, questions, audience_unit_ids, opens_at, closes_at, created_by)
        values (${s.unitId}, ${s.title}, ${s.description}, ${JSON.stringify(s.questions)}::jsonb,
          ${idArray(s.audienceUnitIds)}, coalesce(${s.opensAt ?? null}::timestamptz, now()),
          ${s.closesAt ?? null}::timestamptz, ${s.createdBy}) returning id`,
  );
  const id = res.rows[0]?.id;
  if (id === undefined) throw new Error('insert returned nothing');
  return Number(id);
}

export type SurveyRow = {
  id: number;
  unitId: number;
  unitName: string;
  /** The publisher's path today (or its last one): what scope is judged on. */
  path: string;
  title: string;
  description: string;
  questions: Question[];
  audienceUnitIds: number[];
  opensAt: string;
  closesAt: string | null;
  createdAt: string;
  createdByName: string | null;
  status: 'scheduled' | 'open' | 'closed';
  responseCount: number;
};

const status = `case when s.closes_at is not null and s.closes_at <= now() then 'closed'
  when s.opens_at > now() then 'scheduled' else 'open' end`;
const columns = sql.raw(`s.id, s.unit_id as "unitId", pv.name as "unitName", pv.path::text as path, s.title,
  s.description, s.questions, s.audience_unit_ids as "audienceUnitIds", ${iso('s.opens_at')} as "opensAt",
  ${iso('s.closes_at')} as "closesAt", ${iso('s.created_at')} as "createdAt", cu.display_name as "createdByName",
  ${status} as status,
  (select count(*)::int from survey_response r where r.survey_id = s.id) as "responseCount"`);
const from = sql.raw(`survey s
  join lateral (select name, path from unit_version where unit_id = s.unit_id order by valid_from desc limit 1) pv on true
  left join app_user cu on cu.id = s.created_by`);

const normalise = (r: SurveyRow): SurveyRow => ({
  ...r,
  id: Number(r.id),
  unitId: Number(r.unitId),
  audienceUnitIds: r.audienceUnitIds.map(Number),
});

export async function selectSurvey(db: Conn, id: number, lock = false) {
  const res = await run<SurveyRow>(
    db,
    sql`select ${columns} from ${from} where s.id = ${id} ${lock ? sql`for update of s` : sql``}`,
  );
  const r = res.rows[0];
  return r ? normalise(r) : undefined;
}

export async function selectSurveys(db: Conn, scope: Scope, underPath: string | undefined, limit: number) {
  const conds: SQL[] = [inScope(scope, sql.raw('pv.path'))];
  if (underPath) conds.push(sql`pv.path <@ ${underPath}::ltree`);
  const res = await run<SurveyRow>(
    db,
    sql`select ${columns} from ${from} where ${sql.join(conds, sql` and `)}
        order by s.opens_at desc, s.id desc limit ${limit}`,
  );
  return res.rows.map(normalise);
}

/** Every response's answers, without who gave them: results need nothing more. */
export async function selectAnswers(db: Conn, surveyId: number) {
  const res = await run<{ answers: Answers }>(
    db,
    sql`select answers from survey_response where survey_id = ${surveyId}`,
  );
  return res.rows.map((r) => r.answers);
}

export async function closeNow(tx: Tx, id: number) {
  await run(tx, sql`update survey set closes_at = now() where id = ${id}`);
}

export type MemberSurveyRow = {
  id: number;
  title: string;
  description: string;
  unitName: string;
  opensAt: string;
  closesAt: string | null;
  open: boolean;
  questions: Question[];
  answers: Answers | null;
  submittedAt: string | null;
};

/**
 * Surveys a member may see: opened already, with an audience unit that is their CĐCS or one of its
 * ancestors today (an audience id among the labels of their path, as for announcements).
 */
export async function selectForMember(
  db: Conn,
  personId: number,
  unitPath: string,
  filter: { id: number } | { openOnly: true },
) {
  const res = await run<MemberSurveyRow>(
    db,
    sql`select s.id, s.title, s.description, pv.name as "unitName", ${sql.raw(iso('s.opens_at'))} as "opensAt",
          ${sql.raw(iso('s.closes_at'))} as "closesAt", (s.closes_at is null or s.closes_at > now()) as open,
          s.questions, r.answers, ${sql.raw(iso('r.submitted_at'))} as "submittedAt"
        from survey s
        join lateral (select name from unit_version where unit_id = s.unit_id order by valid_from desc limit 1) pv on true
        left join survey_response r on r.survey_id = s.id and r.person_id = ${personId}
        where s.opens_at <= now() and s.audience_unit_ids && ${idArray(unitPath.split('.').map(Number))}
          and ${'id' in filter ? sql`s.id = ${filter.id}` : sql`(s.closes_at is null or s.closes_at > now())`}
        order by s.opens_at desc, s.id desc limit 200`,
  );
  return res.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Stores the member's answers; false when they had answered already (the pair is the key). */
export async function insertResponse(tx: Tx, surveyId: number, personId: number, answers: Answers) {
  const res = await run<{ surveyId: number }>(
    tx,
    sql`insert into survey_response (survey_id, person_id, answers)
        values (${surveyId}, ${personId}, ${JSON.stringify(answers)}::jsonb)
        on conflict do nothing returning survey_id as "surveyId"`,
  );
  return res.rows.length > 0;
}
