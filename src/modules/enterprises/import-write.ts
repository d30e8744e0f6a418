/**
 * Bulk writes of an import batch. Each batch travels as one JSON parameter per table: a thousand
 * rows of a dozen columns as bound parameters cost drizzle and the driver more than the database's
 * own work (measured: bench/coverage.ts).
 */
import { sql } from 'drizzle-orm';
import { run, type Tx } from '../../lib/tx.ts';
import { type FactKind, type FactValue, valueKey } from './facts.ts';
import type { RegisterSource } from './schema.ts';

/** Inserts rows (snake_case keys) into a table; returns the given columns of the inserted rows. */
export async function insertJson<R>(tx: Tx, table: string, rows: Record<string, unknown>[], returning?: string) {
  if (rows.length === 0) return [] as R[];
  const cols = Object.keys(rows[0] as object);
  const list = sql.raw(cols.map((c) => `"${c}"`).join(', '));
  const res = await run<R>(
    tx,
    sql`insert into ${sql.identifier(table)} (${list})
        select ${list} from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::json)
        ${returning ? sql.raw(`returning ${returning}`) : sql``}`,
  );
  return res.rows;
}

export type EnterpriseValues = {
  id: number;
  name: string;
  name_folded: string;
  sort_key: string;
  ownership: string;
  industry_code: string | null;
  industry_name: string | null;
  address: string | null;
  area_code: string | null;
  industrial_zone_id: number | null;
  started_on: string | null;
  field_sources: Record<string, string>;
};

/** Sets the descriptive columns of several enterprises at once (each row carries all of them). */
export async function updateEnterprises(tx: Tx, rows: EnterpriseValues[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update enterprise e set name = x.name, name_folded = x.name_folded, sort_key = x.sort_key, ownership = x.ownership,
      industry_code = x.industry_code, industry_name = x.industry_name, address = x.address, area_code = x.area_code,
      industrial_zone_id = x.industrial_zone_id, started_on = x.started_on, field_sources = x.field_sources,
      updated_at = now()
    from json_populate_recordset(null::enterprise, ${JSON.stringify(rows)}::json) x where e.id = x.id`);
}

/** Replaces the values of facts a corrected extract restates for the same day. */
export async function restateFacts(
  tx: Tx,
  rows: {
    id: number;
    workforce_total: number | null;
    workforce_women: number | null;
    status: string | null;
    import_id: number;
  }[],
) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update enterprise_fact f set workforce_total = x.workforce_total, workforce_women = x.workforce_women,
      status = x.status, import_id = x.import_id
    from json_populate_recordset(null::enterprise_fact, ${JSON.stringify(rows)}::json) x where f.id = x.id`);
}

/** Ends the periods of the facts a newer one takes over from: valid_to = the new fact's day. */
export async function closeFacts(tx: Tx, rows: { id: number; valid_to: string }[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update enterprise_fact f set valid_to = x.valid_to
    from json_populate_recordset(null::enterprise_fact, ${JSON.stringify(rows)}::json) x where f.id = x.id`);
}

/** This source's own facts for the same enterprise, kind and day (a re-import finds them). */
export async function sameKeyFacts(
  tx: Tx,
  source: RegisterSource,
  asks: { enterpriseId: number; kind: FactKind; day: string }[],
) {
  const out = new Map<string, FactValue>();
  if (asks.length === 0) return out;
  const res = await run<FactValue & { enterpriseId: number; kind: FactKind }>(
    tx,
    sql`select f.id, f.enterprise_id as "enterpriseId", f.kind, f.observed_on::text as "observedOn", f.source,
          f.workforce_total as total, f.workforce_women as women, f.status
        from jsonb_to_recordset(${JSON.stringify(asks.map((a) => ({ eid: a.enterpriseId, kind: a.kind, day: a.day })))}::jsonb)
          as x(eid bigint, kind text, day date)
        join enterprise_fact f on f.enterprise_id = x.eid and f.kind = x.kind and f.source = ${source} and f.observed_on = x.day`,
  );
  for (const r of res.rows) out.set(valueKey(r.enterpriseId, r.kind, r.observedOn), r);
  return out;
}
