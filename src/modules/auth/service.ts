import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appUser } from '../../db/schema/auth.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { todayVn } from '../../lib/dates.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import type { Conn } from '../../lib/tx.ts';
import * as q from './queries.ts';
import type { Me, RoleName } from './schema.ts';

/** Roles whose holders may change the tree below their unit. */
const WRITER_ROLES: RoleName[] = ['federation_officer', 'upper_union_officer', 'grassroots_officer'];

export type SessionUser = Me & { scope: Scope };

// Hash of a fixed password, checked when the user does not exist so both paths take as long.
let dummyHash: Promise<string> | undefined;

export const hashPassword = (password: string) => hash(password);

export async function authenticate(db: Db, username: string, password: string) {
  const user = await q.selectUserByUsername(db, username);
  if (!user || user.disabled) {
    dummyHash ??= hash('timing-equaliser');
    await verify(await dummyHash, password);
    throw badCredentials();
  }
  if (!(await verify(user.passwordHash, password))) throw badCredentials();
  return user;
}

const badCredentials = () =>
  new AppError(
    'invalid_credentials',
    401,
    'Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại (chú ý chữ hoa, bộ gõ tiếng Việt).',
    'The user name or password is wrong. Check them (mind capitals and the Vietnamese keyboard).',
  );

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function startSession(db: Db, userId: number, ttlHours: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await q.insertSession(db, hashToken(token), userId, expiresAt);
  return { token, expiresAt };
}

export const endSession = (db: Db, token: string) => q.deleteSession(db, hashToken(token));

/** The user behind a session cookie, with their roles and scope; undefined when none is live. */
export async function userForToken(db: Db, token: string): Promise<SessionUser | undefined> {
  const s = await q.selectLiveSession(db, hashToken(token));
  if (!s) return undefined;
  const user = await q.selectUserById(db, s.userId);
  if (!user || user.disabled) return undefined;
  return loadSessionUser(db, user);
}

export async function loadSessionUser(
  db: Conn,
  user: { id: number; username: string; displayName: string; locale: string },
): Promise<SessionUser> {
  const roles = await q.selectRoles(db, user.id, todayVn());
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale === 'en' ? 'en' : 'vi',
    roles,
    scope: scopeOf(roles),
  };
}

export function scopeOf(roles: { role: RoleName; unitId: number | null }[]): Scope {
  if (roles.some((r) => r.role === 'system_admin')) return { all: true };
  const withUnit = roles.filter((r): r is { role: RoleName; unitId: number } => r.unitId !== null);
  return {
    all: false,
    readUnitIds: [...new Set(withUnit.map((r) => r.unitId))],
    writeUnitIds: [...new Set(withUnit.filter((r) => WRITER_ROLES.includes(r.role)).map((r) => r.unitId))],
  };
}

export async function setLocale(db: Db, actor: Actor, userId: number, locale: 'vi' | 'en') {
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ locale }).where(eq(appUser.id, userId));
    await recordAudit(tx, actor, {
      action: 'user.set_locale',
      entityType: 'user',
      entityId: userId,
      after: { locale },
    });
  });
}

/** Creates a user with roles (CLI and seed); the password must be long enough to matter. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    password: string;
    roles: { role: RoleName; unitId: number | null }[];
  },
) {
  if (input.password.length < 8)
    throw invalid([
      { field: 'password', vi: 'Mật khẩu cần ít nhất 8 ký tự.', en: 'A password needs at least 8 characters.' },
    ]);
  if (await q.selectUserByUsername(db, input.username))
    throw invalid([
      {
        field: 'username',
        vi: `Tên đăng nhập «${input.username}» đã có.`,
        en: `User name «${input.username}» is taken.`,
      },
    ]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const id = await q.insertUser(tx, { username: input.username, displayName: input.displayName, passwordHash });
    for (const r of input.roles) await q.insertRole(tx, id, r.role, r.unitId);
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { username: input.username, displayName: input.displayName, roles: input.roles },
    });
    return id;
  });
}

export async function setPassword(db: Db, actor: Actor, username: string, password: string) {
  if (password.length < 8)
    throw invalid([
      { field: 'password', vi: 'Mật khẩu cần ít nhất 8 ký tự.', en: 'A password needs at least 8 characters.' },
    ]);
  const user = await q.selectUserByUsername(db, username);
  if (!user)
    throw invalid([{ field: 'username', vi: `Không có người dùng «${username}».`, en: `No user «${username}».` }]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ passwordHash }).where(eq(appUser.id, user.id));
    await recordAudit(tx, actor, { action: 'user.set_password', entityType: 'user', entityId: user.id });
  });
}
