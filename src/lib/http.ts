import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { SessionUser } from '../modules/auth/service.ts';
import type { SessionMember } from '../modules/member-auth/session.ts';
import type { Actor } from './audit.ts';
import { AppError, type Locale } from './errors.ts';
import type { Scope } from './scope.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
  interface FastifyRequest {
    user?: SessionUser;
    /** A member signed in to the member app (a separate cookie from officers' sessions). */
    member?: SessionMember;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, log-in, CSRF token). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'cd_session';
export const MEMBER_SESSION_COOKIE = 'cd_member';

/** The caller's language: Vietnamese unless English is asked for (header, then user setting). */
export function localeOf(req: FastifyRequest): Locale {
  const header = req.headers['accept-language'];
  if (typeof header === 'string' && header.trim() !== '' && header !== '*') {
    return header.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
  }
  return req.user?.locale ?? 'vi';
}

export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user)
    throw new AppError('unauthenticated', 401, 'Bạn cần đăng nhập để tiếp tục.', 'You need to log in to continue.');
  return req.user;
}

/** The member app's endpoints: a signed-in member, or 401 telling them to sign in with a code. */
export function requireMember(req: FastifyRequest): SessionMember {
  if (!req.member)
    throw new AppError(
      'member_unauthenticated',
      401,
      'Bạn cần đăng nhập bằng mã một lần gửi về điện thoại để tiếp tục.',
      'Sign in with the one-time code sent to your phone to continue.',
    );
  return req.member;
}

/** A member's action in the audit log: no app_user behind it, the person's id in the name. */
export function memberActorOf(req: FastifyRequest): Actor {
  const m = requireMember(req);
  return { id: null, name: `member:${m.personId}`, requestId: req.id };
}

export const scopeOf = (req: FastifyRequest): Scope => requireUser(req).scope;

export function actorOf(req: FastifyRequest): Actor {
  const u = requireUser(req);
  return { id: u.id, name: u.username, requestId: req.id };
}

export const noContent = (reply: FastifyReply) => reply.code(204).send();
