import { createServer } from 'node:http';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, clientFor, memberClientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { MEMBER_SESSION_COOKIE } from '../../lib/http.ts';
import { fullScope } from '../../lib/scope.ts';
import * as cards from '../cards/service.ts';
import * as members from '../members/service.ts';
import { type Destination, installChannel, logChannel, webhookChannel } from './channels.ts';

let database: Database;
let app: App;
let client: Client;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let hoa: number; // a member with a card, phone 0912 345 678
let nam: number; // a member without a card, no phone, an e-mail
let former: number; // membership ended

const sent: { to: Destination; text: string; code: string }[] = [];
const caller = { scope: fullScope, roles: [], id: null, username: 'test' };
const actor = { id: null, name: 'test' };

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  const admit = (person: Parameters<typeof members.admit>[3]['person']) =>
    members.admit(database.db, caller, actor, { person, unitId: t.a1, onDate: '2020-01-01' });
  hoa = await admit({
    fullName: 'Nguyễn Thị Hoa',
    birthDate: '1992-05-01',
    gender: 'female',
    citizenId: '040192654321',
    phone: '0912 345 678',
  });
  nam = await admit({
    fullName: 'Trần Văn Nam',
    birthDate: '1990-02-02',
    gender: 'male',
    citizenId: '040090123456',
    email: 'nam.tran@example.vn',
  });
  former = await admit({ fullName: 'Lê Văn Cũ', birthDate: '1985-03-03', gender: 'male', phone: '0987 000 111' });
  await database.db.execute(sql`update membership set valid_to = '2024-06-01' where person_id = ${former}`);
  await cards.issue(database.db, caller, actor, hoa, '2024-01-15');
  app = await buildTestApp(database);
  client = await clientFor(app);
  installChannel({ name: 'test', send: async (to, text, code) => void sent.push({ to, text, code }) });
});
afterAll(async () => {
  installChannel(null);
  await app.close();
  await database.close();
});
beforeEach(() => {
  sent.length = 0;
});

// Each test asks from its own address: the per-address limits would otherwise be shared.
let nextAddress = 1;
const address = () => `10.0.0.${nextAddress++}`;
const askCode = (identifier: string, ip: string) =>
  client.request('POST', '/api/v1/app/auth/code', { identifier }, { 'x-forwarded-for': ip });
const verify = (challengeId: number, code: string, ip: string, headers: Record<string, string> = {}) =>
  client.request('POST', '/api/v1/app/auth/verify', { challengeId, code }, { 'x-forwarded-for': ip, ...headers });
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
/** Moves every code asked so far back in time, as if the seconds had passed. */
const age = (seconds: number) =>
  database.db.execute(sql`update sign_in_code set created_at = created_at - make_interval(secs => ${seconds})`);

describe('signing in with a one-time code', () => {
  it('sends a code to the member’s phone, signs in with it once, shows the profile and e-card, signs out', async () => {
    const ip = address();
    const res = await askCode('0912.345.678', ip);
    expect(res.statusCode).toBe(200);
    const challenge = res.json();
    expect(challenge).toEqual({
      challengeId: expect.any(Number),
      destination: '+84 9** *** 678',
      expiresInSeconds: 300,
    });
    expect(sent).toHaveLength(1);
    const { to, text, code } = sent[0] as (typeof sent)[number];
    expect(to).toEqual({ phone: '+84912345678' });
    expect(code).toMatch(/^\d{6}$/);
    expect(text).toBe(`Mã đăng nhập Công đoàn của bạn là ${code}, hiệu lực 5 phút. Không chia sẻ mã này.`);
    // Only a salted hash is stored.
    const stored = await database.db.execute(
      sql`select code_hash from sign_in_code where id = ${challenge.challengeId}`,
    );
    expect(JSON.stringify(stored)).not.toContain(code);

    const wrong = await verify(challenge.challengeId, otherCode(code), ip);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'sign_in_code_wrong', title: 'Mã không đúng. Bạn còn 4 lần thử.' });

    const ok = await verify(challenge.challengeId, `${code.slice(0, 3)} ${code.slice(3)}`, ip);
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === MEMBER_SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(ok.json()).toMatchObject({
      personId: hoa,
      fullName: 'Nguyễn Thị Hoa',
      birthDate: '1992-05-01',
      gender: 'female',
      unit: { id: t.a1, name: 'Công đoàn Trường THCS Đức Thọ' },
      card: { cardNo: 'A1-000001', fullName: 'Nguyễn Thị Hoa', status: 'active', issuedOn: '2024-01-15' },
    });
    expect(ok.json().card.qrSvg).toContain('<svg');
    expect(ok.json().card.verifyPath).toMatch(/^\/verify\//);

    const me = await client.get('/api/v1/app/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(ok.json());
    const audit = await database.db.execute(
      sql`select actor_name from audit_log where action = 'member.sign_in' and entity_id = ${String(hoa)}`,
    );
    expect(JSON.stringify(audit)).toContain(`member:${hoa}`);

    // Single use: the same code does not open a second session.
    const again = await verify(challenge.challengeId, code, ip);
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('sign_in_code_expired');
    expect(again.json().title).toContain('Hãy yêu cầu mã mới');

    const out = await client.request('POST', '/api/v1/app/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === MEMBER_SESSION_COOKIE)?.value).toBe('');
    const gone = await app.inject({
      method: 'GET',
      url: '/api/v1/app/me',
      headers: { cookie: `${MEMBER_SESSION_COOKIE}=${cookie?.value}` },
    });
    expect(gone.statusCode).toBe(401);
  });

  it('finds the member by citizen ID and sends to the contact on record (an e-mail when there is no phone)', async () => {
    const res = await askCode('040 090 123 456', address());
    // Not shown for a CCCD: a destination for members' CCCDs only would tell who is a member.
    expect(res.json().destination).toBeNull();
    expect(sent.map((s) => s.to)).toEqual([{ email: 'nam.tran@example.vn' }]);
  });

  it('counts wrong codes down, then asks for a new code even when the right one comes', async () => {
    const ip = address();
    const { challengeId } = (await askCode('040192654321', ip)).json();
    const code = (sent[0] as (typeof sent)[number]).code;
    const titles: string[] = [];
    for (let i = 0; i < 5; i++) titles.push((await verify(challengeId, otherCode(code), ip)).json().title);
    expect(titles.slice(0, 4)).toEqual([4, 3, 2, 1].map((n) => `Mã không đúng. Bạn còn ${n} lần thử.`));
    expect(titles[4]).toContain('Hãy yêu cầu mã mới');
    const late = await verify(challengeId, code, ip);
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('sign_in_code_expired');
  });

  it('refuses a code after its five minutes', async () => {
    const ip = address();
    await age(3600); // earlier tests' codes for the same member are out of the way
    const { challengeId } = (await askCode('0912345678', ip)).json();
    const code = (sent[0] as (typeof sent)[number]).code;
    await database.db.execute(
      sql`update sign_in_code set expires_at = now() - interval '1 second' where id = ${challengeId}`,
    );
    const res = await verify(challengeId, code, ip);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('sign_in_code_expired');
  });

  it('answers an unknown or former member exactly as a member, and sends nothing', async () => {
    const ip = address();
    await age(3600);
    const member = await askCode('+84 912 345 678', ip);
    const stranger = await askCode('0933 222 111', ip);
    const leaver = await askCode('0987000111', ip);
    for (const r of [stranger, leaver]) {
      expect(r.statusCode).toBe(member.statusCode);
      expect(Object.keys(r.json()).sort()).toEqual(Object.keys(member.json()).sort());
      expect(r.json().expiresInSeconds).toBe(300);
    }
    expect(stranger.json().destination).toBe('+84 9** *** 111');
    expect(sent.map((s) => s.to)).toEqual([{ phone: '+84912345678' }]);
    const row = await database.db.execute(
      sql`select person_id from sign_in_code where id = ${stranger.json().challengeId}`,
    );
    expect((row as unknown as { rows: { person_id: unknown }[] }).rows[0]?.person_id).toBeNull();
    // A guess at an unknown identifier's code reads like a wrong code for a member.
    const guess = await verify(stranger.json().challengeId, '123456', ip);
    expect(guess.statusCode).toBe(400);
    expect(guess.json().title).toBe('Mã không đúng. Bạn còn 4 lần thử.');
    // An unknown citizen ID has no destination to show.
    expect((await askCode('040188000001', ip)).json().destination).toBeNull();
  });

  it('refuses an identifier that is neither a mobile number nor a CCCD, on the field', async () => {
    const res = await askCode('abc123', address());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'identifier', message: expect.stringContaining('CCCD 12 chữ số') }]);
  });

  it('/app/me without a member session is 401, and an officer session is no member session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/app/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('member_unauthenticated');
    const member = await memberClientFor(app, database, nam);
    const me = (await member.get('/api/v1/app/me')).json();
    expect(me).toMatchObject({ personId: nam, card: null, unit: { id: t.a1 } });
  });
});

describe('abuse protection', () => {
  it('refuses a new code for the same identifier within 60 seconds, and more than five an hour', async () => {
    const ip = address();
    await age(3600);
    expect((await askCode('0912345678', ip)).statusCode).toBe(200);
    const soon = await askCode('0912 345 678', address());
    expect(soon.statusCode).toBe(429);
    expect(soon.headers['content-type']).toContain('application/problem+json');
    expect(soon.json().title).toMatch(/^Bạn vừa yêu cầu mã cho số này\. Vui lòng thử lại sau (5\d|60) giây\.$/);
    await age(61);
    expect((await askCode('0912345678', address())).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      await age(61);
      expect((await askCode('0912345678', address())).statusCode).toBe(200);
    }
    await age(61);
    const sixth = await askCode('0912345678', address());
    expect(sixth.statusCode).toBe(429);
    // The first of the five was asked 5 × 61 s ago: the hour frees up in about 55 minutes.
    const wait = Number(/thử lại sau (\d+) giây/.exec(sixth.json().title)?.[1]);
    expect(wait).toBeGreaterThan(3200);
    expect(wait).toBeLessThanOrEqual(3600 - 5 * 61);
    expect(sent).toHaveLength(5);
  });

  it('refuses the sixth code request from one address in a minute, in Vietnamese, saying when', async () => {
    const ip = address();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await askCode(`09440000${10 + i}`, ip)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200]);
    const sixth = await askCode('0944000020', ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['content-type']).toContain('application/problem+json');
    expect(sixth.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(sixth.json().title).toMatch(/^Bạn thử quá nhiều lần\. Vui lòng thử lại sau (1 phút|\d+ giây)\.$/);
    const en = await askCode('0944000021', ip).then(() =>
      client.request(
        'POST',
        '/api/v1/app/auth/code',
        { identifier: '0944000022' },
        { 'x-forwarded-for': ip, 'accept-language': 'en' },
      ),
    );
    expect(en.json().title).toMatch(/^Too many attempts\. Please try again in (1 minute|\d+ seconds?)\.$/);
    // Another address is not held up.
    expect((await askCode('0944000023', address())).statusCode).toBe(200);
  });

  it('refuses the eleventh code check from one address in a minute', async () => {
    const ip = address();
    const { challengeId } = (await askCode('0955000001', ip)).json();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await verify(challengeId, '000000', ip)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe('delivery channels', () => {
  it('log: writes the code at warn level with the full phone, for development and the browser tests', async () => {
    const lines: { obj: unknown; msg: string }[] = [];
    const log = { warn: (obj: unknown, msg: string) => lines.push({ obj, msg }) } as unknown as FastifyBaseLogger;
    await logChannel(log).send({ phone: '+84912345678' }, 'text', '123456');
    expect(lines).toEqual([
      {
        obj: { otp: { to: '+84912345678', code: '123456' } },
        msg: 'Mã đăng nhập congdoan (kênh phát triển): 123456 → +84912345678',
      },
    ]);
  });

  it('webhook: POSTs { channel, to, text } to the gateway', async () => {
    const received: unknown[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      await webhookChannel(`http://127.0.0.1:${port}/otp`).send({ phone: '+84912345678' }, 'Mã … 123456', '123456');
      expect(received).toEqual([{ channel: 'sms', to: '+84912345678', text: 'Mã … 123456' }]);
    } finally {
      server.close();
    }
  });

  it('configuration: log is the default, refused in production; webhook needs its URL', () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).otpChannel).toBe('log');
    expect(() => loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/OTP_CHANNEL.*production/s);
    expect(() => loadConfig({ OTP_CHANNEL: 'webhook' } as NodeJS.ProcessEnv)).toThrow(/OTP_WEBHOOK_URL/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      OTP_CHANNEL: 'webhook',
      OTP_WEBHOOK_URL: 'https://sms.example.vn/send',
    } as NodeJS.ProcessEnv);
    expect(ok).toMatchObject({ otpChannel: 'webhook', otpWebhookUrl: 'https://sms.example.vn/send' });
  });
});
