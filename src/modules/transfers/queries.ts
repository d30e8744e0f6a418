import { type SQL, sql } from 'drizzle-orm';
import { transferRequest } from '../../db/schema/transfers.ts';
import { inScope, type Scope } from '../../lib/scope.ts';
import { type Conn, run, type Tx } from '../../lib/tx.ts';
import type { TransferRequest, TransferRequestStatus } from './schema.ts';

export async function insertRequest(
  tx: Tx,
  r: {
    personId: number;
    fromUnitId: number;
    toUnitId: number;
    onDate: string;
    decisionNo?: string | undefined;
    reason?: string | undefined;
    requestedBy: number | null;
  },
) {
  const [row] = await tx
    .insert(transferRequest)
    .values({ ...r, decisionNo: r.decisionNo ?? null, reason: r.reason ?? null })
    .returning({ id: transferRequest.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

// Unit names as they stand now: a request is handled in the present, whatever day it names.
const columns = sql.raw(`r.id, r.person_id as "personId", p.full_name as "personName",
  p.birth_date::text as "personBirthDate", p.gender as "personGender",
  r.from_unit_id as "fromUnitId", fv.name as "fromUnitName", fv.path::text as "fromPath",
  r.to_unit_id as "toUnitId", tv.name as "toUnitName", tv.path::text as "toPath",
  r.on_date::text as "onDate", r.decision_no as "decisionNo", r.reason, r.status,
  r.requested_at as "requestedAt", ru.username as "requestedByName",
  r.decided_at as "decidedAt", du.username as "decidedByName", r.decision_reason as "decisionReason"`);

const from = sql.raw(`transfer_request r
  join person p on p.id = r.person_id
  join lateral (select name, path from unit_version where unit_id = r.from_unit_id order by valid_from desc limit 1) fv on true
  join lateral (select name, path from unit_version where unit_id = r.to_unit_id order by valid_from desc limit 1) tv on true
  left join app_user ru on ru.id = r.requested_by
  left join app_user du on du.id = r.decided_by`);

export type RequestRow = TransferRequest & { fromPath: string; toPath: string };

async function select(db: Conn, where: SQL, limit = 500) {
  const res = await run<RequestRow & { requestedAt: string | Date; decidedAt: string | Date | null }>(
    db,
    sql`select ${columns} from ${from} where ${where} order by r.requested_at desc, r.id desc limit ${limit}`,
  );
  return res.rows.map((r) => ({
    ...r,
    requestedAt: new Date(r.requestedAt).toISOString(),
    decidedAt: r.decidedAt === null ? null : new Date(r.decidedAt).toISOString(),
  }));
}

export async function selectRequest(db: Conn, id: number, lock = false) {
  if (lock) await run(db, sql`select 1 from transfer_request where id = ${id} for update`);
  return (await select(db, sql`r.id = ${id}`))[0];
}

export async function selectPendingFor(db: Conn, personId: number) {
  return (await select(db, sql`r.person_id = ${personId} and r.status = 'pending'`))[0];
}

/** Requests arriving at (incoming) or leaving from (outgoing) the caller's subtrees. */
export async function selectBox(
  db: Conn,
  scope: Scope,
  box: 'incoming' | 'outgoing',
  status: TransferRequestStatus | 'all',
) {
  const conds: SQL[] = [inScope(scope, sql.raw(box === 'incoming' ? 'tv.path' : 'fv.path'))];
  if (status !== 'all') conds.push(sql`r.status = ${status}`);
  return select(db, sql.join(conds, sql` and `));
}

export async function countPendingIncoming(db: Conn, scope: Scope) {
  const res = await run<{ n: number }>(
    db,
    sql`select count(*)::int as n from transfer_request r
        join lateral (select name, path from unit_version where unit_id = r.to_unit_id order by valid_from desc limit 1) tv on true
        where r.status = 'pending' and ${inScope(scope, sql.raw('tv.path'))}`,
  );
  return res.rows[0]?.n ?? 0;
}

export async function decide(
  tx: Tx,
  id: number,
  status: Exclude<TransferRequestStatus, 'pending'>,
  by: number | null,
  reason: string | null,
  onDate?: string,
) {
  await run(
    tx,
    sql`update transfer_request set status = ${status}, decided_by = ${by}, decided_at = now(),
        decision_reason = ${reason}, on_date = coalesce(${onDate ?? null}::date, on_date)
        where id = ${id}`,
  );
}

/** Closes a person's pending request, if any (their membership ended, say). */
export async function closePending(
  tx: Tx,
  personId: number,
  status: 'cancelled' | 'declined',
  by: number | null,
  reason: string,
) {
  await run(
    tx,
    sql`update transfer_request set status = ${status}, decided_by = ${by}, decided_at = now(),
        decision_reason = ${reason} where person_id = ${personId} and status = 'pending'`,
  );
}
