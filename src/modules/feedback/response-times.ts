import { sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';
import type { ResponseTimeRow } from './schema.ts';

/** The first instant of a Vietnamese calendar day (UTC+7, no daylight saving). */
export const startOfDayVn = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * When 3 working days after a thread arrived run out, in Vietnam's local time (weekends do not
 * count; public holidays are not known here): Mon/Tue + 3 days, Wed–Fri + 5 days, and a thread
 * sent on Saturday or Sunday counts from Monday morning, so it is due Thursday 00:00.
 */
const DEADLINE = sql.raw(`case extract(isodow from t.local_at)::int
    when 1 then t.local_at + interval '3 days' when 2 then t.local_at + interval '3 days'
    when 6 then date_trunc('day', t.local_at) + interval '5 days'
    when 7 then date_trunc('day', t.local_at) + interval '4 days'
    else t.local_at + interval '5 days' end`);

const FIGURES = sql.raw(`count(t.id)::int as received,
    count(t.first_answered_at)::int as answered,
    count(t.id) filter (where t.first_answered_at is null and t.status <> 'closed')::int as open,
    (percentile_cont(0.5) within group (order by t.hours))::float8 as "medianHours",
    (percentile_cont(0.9) within group (order by t.hours))::float8 as "p90Hours",
    count(t.id) filter (where t.in_time)::int as "inTime"`);

type Raw = Omit<ResponseTimeRow, 'withinThreeDays'> & { inTime: number };

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const finish = (r: Raw): ResponseTimeRow => {
  const { inTime, ...rest } = r;
  return {
    ...rest,
    medianHours: round1(r.medianHours),
    p90Hours: round1(r.p90Hours),
    withinThreeDays: r.received === 0 ? null : Math.round((inTime / r.received) * 1000) / 1000,
  };
};

/**
 * Threads created in [from, to] (Vietnamese days) from the unit's subtree: the unit's total and one
 * row per child unit of today's tree. A thread counts where it came from (its CĐCS), wherever it
 * was escalated; the CĐCS is placed by its latest version, so a dissolved one still counts.
 */
export async function selectResponseTimes(
  db: Conn,
  unit: { id: number; name: string },
  from: string,
  to: string,
  today: string,
) {
  const start = startOfDayVn(from).toISOString();
  const end = new Date(startOfDayVn(to).getTime() + 86_400_000).toISOString();
  const threads = sql`select f.id, f.status, f.first_answered_at, fv.path,
      (f.created_at at time zone 'UTC') + interval '7 hours' as local_at,
      (f.first_answered_at at time zone 'UTC') + interval '7 hours' as answered_local_at,
      (extract(epoch from f.first_answered_at - f.created_at) / 3600)::float8 as hours
    from member_feedback f
    join lateral (select path from unit_version where unit_id = f.unit_id order by valid_from desc limit 1) fv on true
    where f.created_at >= ${start} and f.created_at < ${end} and fv.path ~ ${`*.${unit.id}.*`}::lquery`;
  const scored = sql`select t.*, coalesce(t.answered_local_at <= ${DEADLINE}, false) as in_time from (${threads}) t`;
  const [total, children] = await Promise.all([
    run<Raw>(
      db,
      sql`select ${unit.id}::bigint as "unitId", ${unit.name}::text as "unitName", ${FIGURES} from (${scored}) t`,
    ),
    run<Raw>(
      db,
      sql`select k.unit_id as "unitId", k.name as "unitName", ${FIGURES}
          from unit_version k
          left join (${scored}) t on t.path <@ k.path
          where k.parent_id = ${unit.id} and k.valid_from <= ${today}::date
            and (k.valid_to is null or k.valid_to > ${today}::date)
          group by k.unit_id, k.name, k.sort_key
          order by k.sort_key, k.unit_id`,
    ),
  ]);
  const totalRow = total.rows[0];
  if (!totalRow) throw new Error('aggregate returned nothing');
  return { total: finish(totalRow), items: children.rows.map(finish) };
}
