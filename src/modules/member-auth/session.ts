import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { hashToken } from '../auth/service.ts';
import * as q from './queries.ts';

/**
 * A signed-in member: who they are and the CĐCS they belong to today (null when they hold no open
 * membership, e.g. after withdrawal: they can still read their old threads but not start new ones).
 */
export type SessionMember = q.SessionMemberRow;

/** Members stay signed in on their phone for 90 days: the app is theirs, the code costs an SMS. */
export const MEMBER_SESSION_DAYS = 90;

export async function startMemberSession(db: Db, personId: number, days = MEMBER_SESSION_DAYS) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await q.insertSession(db, hashToken(token), personId, expiresAt);
  return { token, expiresAt };
}

export const endMemberSession = (db: Db, token: string) => q.deleteSession(db, hashToken(token));

export async function memberForToken(db: Db, token: string): Promise<SessionMember | undefined> {
  return q.selectLiveSession(db, hashToken(token));
}
