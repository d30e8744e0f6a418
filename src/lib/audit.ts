import { auditLog } from '../db/schema/audit.ts';
import type { Tx } from './tx.ts';

export type Actor = { id: number | null; name: string; requestId?: string | undefined };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Records a write; call it inside the write's own transaction so both commit or neither does. */
export async function recordAudit(tx: Tx, actor: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = (Array.isArray(entries) ? entries : [entries]).map((e) => ({
    actorId: actor.id,
    actorName: actor.name,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId === null ? null : String(e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: actor.requestId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditLog).values(rows.slice(i, i + 1000));
}
