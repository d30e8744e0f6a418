import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';

let database: Database;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  const t = await buildSmallTree(database);
  await addUser(database, 'officer', 'upper_union_officer', t.districtA);
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('log-in and sessions', () => {
  it('logs in, stores only a hash of the session token, and logs out', async () => {
    const c = await clientFor(app, 'officer');
    const me = await c.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual([
      { role: 'upper_union_officer', unitId: expect.any(Number), unitName: 'Liên đoàn Lao động huyện Anh Sơn' },
    ]);
    const stored = await run<{ token_hash: string }>(database.db, sql`select token_hash from session`);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect((await c.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('sets an httpOnly SameSite session cookie and hashes passwords with argon2', async () => {
    const c = await clientFor(app);
    const res = await c.request('POST', '/api/v1/auth/login', { username: 'officer', password: 'officer-password' });
    const cookie = res.cookies.find((k) => k.name === 'cd_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const hash = await run<{ h: string }>(
      database.db,
      sql`select password_hash as h from app_user where username = 'officer'`,
    );
    expect(hash.rows[0]?.h.startsWith('$argon2')).toBe(true);
  });

  it('answers a wrong password in Vietnamese, or English when asked, as problem+json', async () => {
    const c = await clientFor(app);
    const vi = await c.request('POST', '/api/v1/auth/login', { username: 'officer', password: 'nope' });
    expect(vi.statusCode).toBe(401);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(vi.json().title).toContain('mật khẩu không đúng');
    const en = await c.request(
      'POST',
      '/api/v1/auth/login',
      { username: 'officer', password: 'nope' },
      { 'accept-language': 'en' },
    );
    expect(en.json().title).toContain('password is wrong');
  });

  it('names the missing field in a bad request', async () => {
    const c = await clientFor(app);
    const res = await c.request('POST', '/api/v1/auth/login', { username: 'officer' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors[0].field).toBe('body.password');
  });

  it('rejects a write without the CSRF token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'officer', password: 'officer-password' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_invalid');
  });

  it('slows down password guessing: the 11th attempt in a minute is refused', async () => {
    const c = await clientFor(app);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (await c.request('POST', '/api/v1/auth/login', { username: 'guessme', password: `x${i}` })).statusCode,
      );
    expect(codes.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses every non-public endpoint without a session', async () => {
    for (const url of [
      '/api/v1/units/roots',
      '/api/v1/units?q=a',
      '/api/v1/units/1',
      '/api/v1/areas',
      '/api/v1/audit',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 401]);
    }
  });
});
