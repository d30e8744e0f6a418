import { personalDataAccess } from '../db/schema/privacy.ts';
import type { Conn } from './tx.ts';

export type Accessor = { id?: number | null; username?: string | null };
export type AccessKind = 'view' | 'list' | 'export' | 'data_export' | 'erasure';

/** Records that someone saw or took a person's sensitive fields. */
export async function logAccess(
  db: Conn,
  who: Accessor,
  e: { kind: AccessKind; personId?: number; personIds?: number[]; detail?: string },
) {
  await db.insert(personalDataAccess).values({
    userId: who.id ?? null,
    userName: who.username ?? null,
    kind: e.kind,
    personId: e.personId ?? null,
    personIds: e.personIds ?? null,
    rows: e.personIds?.length ?? (e.personId ? 1 : 0),
    detail: e.detail ?? null,
  });
}
