import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { appUser, session, userRole } from '../../db/schema/auth.ts';
import { type Conn, run } from '../../lib/tx.ts';
import { onDay } from '../units/queries.ts';
import type { RoleName } from './schema.ts';

export async function selectUserByUsername(db: Conn, username: string) {
  const rows = await db.select().from(appUser).where(sql`lower(${appUser.username}) = lower(${username})`);
  return rows[0];
}

export async function selectUserById(db: Conn, id: number) {
  const rows = await db.select().from(appUser).where(eq(appUser.id, id));
  return rows[0];
}

/** A user's roles with the name each unit has today. */
export async function selectRoles(db: Conn, userId: number, today: string) {
  const res = await run<{ role: RoleName; unitId: number | null; unitName: string | null }>(
    db,
    sql`
    select r.role, r.unit_id as "unitId",
      (select v.name from unit_version v where v.unit_id = r.unit_id
         order by ${onDay('v', today)} desc, v.valid_from desc limit 1) as "unitName"
    from user_role r where r.user_id = ${userId} order by r.id`,
  );
  return res.rows;
}

export async function insertSession(db: Conn, tokenHash: string, userId: number, expiresAt: Date) {
  await db.insert(session).values({ tokenHash, userId, expiresAt });
}

export async function selectLiveSession(db: Conn, tokenHash: string) {
  const rows = await db
    .select()
    .from(session)
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, new Date())));
  return rows[0];
}

export async function deleteSession(db: Conn, tokenHash: string) {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Conn) {
  await db.delete(session).where(lt(session.expiresAt, new Date()));
}

export async function insertUser(
  db: Conn,
  u: { username: string; displayName: string; passwordHash: string; locale?: string },
) {
  const [row] = await db.insert(appUser).values(u).returning({ id: appUser.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function insertRole(db: Conn, userId: number, role: RoleName, unitId: number | null) {
  await db.insert(userRole).values({ userId, role, unitId });
}
