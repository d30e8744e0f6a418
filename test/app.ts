import type { LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { MEMBER_SESSION_COOKIE, SESSION_COOKIE } from '../src/lib/http.ts';
import type { RoleName } from '../src/modules/auth/schema.ts';
import { createUser } from '../src/modules/auth/service.ts';
import { startMemberSession } from '../src/modules/member-auth/session.ts';

export async function buildTestApp(database: Database): Promise<App> {
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never' } as NodeJS.ProcessEnv);
  return buildApp(config, database);
}

export async function addUser(database: Database, username: string, role: RoleName, unitId: number | null) {
  return createUser(
    database.db,
    { id: null, name: 'test' },
    {
      username,
      displayName: username,
      password: `${username}-password`,
      roles: [{ role, unitId }],
    },
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Client = {
  request: (
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
};

/** A client with a CSRF token and, when a user name is given, a logged-in session. */
export async function clientFor(
  app: App,
  username?: string,
  startCookies: Record<string, string> = {},
): Promise<Client> {
  const cookies: Record<string, string> = { ...startCookies };
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) cookies[c.name] = c.value;
  };
  const cookieHeader = () =>
    Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  const csrfRes = await app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
  keep(csrfRes);
  const token = csrfRes.json().token as string;
  const request: Client['request'] = async (method, url, body, headers = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: { cookie: cookieHeader(), 'x-csrf-token': token, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    keep(res);
    return res;
  };
  if (username) {
    const res = await request('POST', '/api/v1/auth/login', { username, password: `${username}-password` });
    if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.body}`);
    if (!cookies[SESSION_COOKIE]) throw new Error('no session cookie');
  }
  return { request, get: (url) => request('GET', url) };
}

/**
 * A member app client: a CSRF token and a member session for the person, started directly (the
 * one-time-code flow itself is tested in member-auth).
 */
export async function memberClientFor(app: App, database: Database, personId: number): Promise<Client> {
  const { token } = await startMemberSession(database.db, personId);
  return clientFor(app, undefined, { [MEMBER_SESSION_COOKIE]: token });
}
