/**
 * The rules of dated facts (workforce, operating status), shared by the officer's own entries and
 * register imports. A fact holds from observed_on until the next effective fact of its kind; when
 * two effective facts share a day, the source ranked first below wins that day and the other gets
 * an empty period, so exactly one fact covers any day and "as of D" is a plain filter.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Conn, run } from '../../lib/tx.ts';
import { assertDay } from '../units/queries.ts';
import type { EnterpriseStatus, FactSource } from './schema.ts';

export type FactKind = 'workforce' | 'status';

/** Same-day precedence: an officer's entry, then the register that owns the kind of fact. */
export const PRIORITY: Record<FactKind, Record<FactSource, number>> = {
  workforce: { manual: 3, bhxh: 2, dpi: 1 },
  status: { manual: 3, dpi: 2, bhxh: 1 },
};

const prioritySql = (alias: string) =>
  sql.raw(`case when ${alias}.source = 'manual' then 3
    when (${alias}.kind = 'workforce' and ${alias}.source = 'bhxh') or (${alias}.kind = 'status' and ${alias}.source = 'dpi') then 2
    else 1 end`);

/** The effective fact of the alias's kind covering day d. */
export const factOnDay = (alias: string, d: string): SQL =>
  sql.raw(
    `${alias}.state = 'effective' and ${alias}.observed_on <= '${assertDay(d)}'::date and (${alias}.valid_to is null or ${alias}.valid_to > '${d}'::date)`,
  );

/** A bigint[] parameter that both drivers accept. */
export const idArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::bigint[]`;

/** Re-derives valid_to of the effective facts of these enterprises (after any insert or change). */
export async function rechain(db: Conn, enterpriseIds: number[]): Promise<void> {
  if (enterpriseIds.length === 0) return;
  await db.execute(sql`
    update enterprise_fact f set valid_to = x.next_day
    from (select g.id, lead(g.observed_on) over (partition by g.enterprise_id, g.kind
                   order by g.observed_on, ${prioritySql('g')}, g.id) as next_day
          from enterprise_fact g
          where g.state = 'effective' and g.enterprise_id = any(${idArray(enterpriseIds)})) x
    where f.id = x.id and f.valid_to is distinct from x.next_day`);
}

export type FactValue = {
  id: number;
  observedOn: string;
  /** When the value stops holding (the next effective fact's day), or null. */
  validTo: string | null;
  source: FactSource;
  total: number | null;
  women: number | null;
  status: EnterpriseStatus | null;
};

/**
 * For each (enterprise, kind, day): the value on that day (the latest effective fact on or before
 * it) and the day of the next effective fact after it, so that a new fact can be slotted in.
 */
export async function valuesAsOf(db: Conn, asks: { enterpriseId: number; kind: FactKind; day: string }[]) {
  const out = new Map<string, { current: FactValue | undefined; next: string | null }>();
  if (asks.length === 0) return out;
  const res = await run<
    Partial<FactValue> & { enterpriseId: number; kind: FactKind; day: string; next: string | null }
  >(
    db,
    sql`
    select x.eid as "enterpriseId", x.kind, x.day::text as day, c.id, c."observedOn", c."validTo", c.source,
      c.total, c.women, c.status,
      (select min(n.observed_on)::text from enterprise_fact n where n.enterprise_id = x.eid and n.kind = x.kind
         and n.state = 'effective' and n.observed_on > x.day) as next
    from jsonb_to_recordset(${JSON.stringify(asks.map((a) => ({ eid: a.enterpriseId, kind: a.kind, day: a.day })))}::jsonb)
      as x(eid bigint, kind text, day date)
    left join lateral (select f.id, f.observed_on::text as "observedOn", f.valid_to::text as "validTo", f.source,
        f.workforce_total as total, f.workforce_women as women, f.status
      from enterprise_fact f where f.enterprise_id = x.eid and f.kind = x.kind and f.state = 'effective'
        and f.observed_on <= x.day
      order by f.observed_on desc, ${prioritySql('f')} desc, f.id desc limit 1) c on true`,
  );
  for (const r of res.rows)
    out.set(`${r.enterpriseId}|${r.kind}|${r.day}`, {
      current: r.id === null || r.id === undefined ? undefined : (r as FactValue),
      next: r.next,
    });
  return out;
}

export const valueKey = (enterpriseId: number, kind: FactKind, day: string) => `${enterpriseId}|${kind}|${day}`;

/**
 * A workforce jump worth a person's look: at least half again (or half less) and at least 20
 * workers. Register counts move a little every month; a jump like this is more often a wrong
 * match, a merger or a typo than a real change, and it can move an enterprise across the 25 line.
 */
export function isWorkforceJump(before: number, after: number): boolean {
  const change = Math.abs(after - before);
  return change >= 20 && change >= 0.5 * before;
}

/** Operating to anything else: the register says the business closed or stopped. */
export const isClosing = (before: EnterpriseStatus | null, after: EnterpriseStatus) =>
  before === 'operating' && after !== 'operating';

export type Decision =
  | { state: 'effective' }
  | { state: 'pending'; conflict: 'manual_differs' | 'workforce_jump' | 'business_closed' };

/**
 * What becomes of a fact from a register, given the value we hold on its day: it takes effect,
 * or it waits as pending with a conflict. An officer's own value is never overridden silently.
 */
export function decideImported(
  kind: FactKind,
  current: FactValue | undefined,
  value: { total?: number; women?: number | null; status?: EnterpriseStatus },
): Decision {
  if (!current) return { state: 'effective' };
  if (kind === 'workforce') {
    const total = value.total as number;
    const same = current.total === total && (value.women == null || current.women === value.women);
    if (same) return { state: 'effective' };
    if (current.source === 'manual') return { state: 'pending', conflict: 'manual_differs' };
    if (isWorkforceJump(current.total ?? 0, total)) return { state: 'pending', conflict: 'workforce_jump' };
    return { state: 'effective' };
  }
  const status = value.status as EnterpriseStatus;
  if (current.status === status) return { state: 'effective' };
  if (isClosing(current.status, status)) return { state: 'pending', conflict: 'business_closed' };
  if (current.source === 'manual') return { state: 'pending', conflict: 'manual_differs' };
  return { state: 'effective' };
}
