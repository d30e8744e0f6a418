import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { fullScope } from '../../lib/scope.ts';
import { addAreas, codes } from '../enterprises/test-helpers.ts';
import * as enterprises from '../enterprises/write.ts';

let database: Database;
let app: App;
let officerA: Client;
let officerB: Client;
let t: Awaited<ReturnType<typeof buildSmallTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const status = async (code: string) =>
  (await app.inject({ method: 'GET', url: `/api/v1/applications/status/${code}` })).json();

describe('applications to join, bottom-up', () => {
  it('a worker without a CĐCS applies to the upper union, which verifies and admits them into a CĐCS', async () => {
    const res = await officerA.request('POST', '/api/v1/applications', {
      applicant: {
        fullName: 'Phạm Văn Hùng',
        birthDate: '1998-04-04',
        gender: 'male',
        citizenId: '040098123123',
        phone: '0987654321',
      },
      unitId: t.districtA,
      employerName: 'Công ty TNHH Chưa Có Công Đoàn',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'submitted', unitName: 'Liên đoàn Lao động huyện Anh Sơn' });
    expect((await status(a.trackingCode)).status).toBe('submitted');

    expect((await officerA.request('POST', `/api/v1/applications/${a.id}/verify`)).json().status).toBe('verified');
    // Admitting into the upper union itself is refused: members belong to a CĐCS.
    const wrong = await officerA.request('POST', `/api/v1/applications/${a.id}/admit`, { onDate: '2025-03-01' });
    expect(wrong.statusCode).toBe(400);
    const ok = await officerA.request('POST', `/api/v1/applications/${a.id}/admit`, {
      unitId: t.a1,
      onDate: '2025-03-01',
      decisionNo: '05/QĐ',
    });
    expect(ok.json()).toMatchObject({ status: 'admitted', personId: expect.any(Number) });
    const member = (await officerA.get(`/api/v1/members/${ok.json().personId}`)).json();
    expect(member).toMatchObject({ status: 'active', currentUnit: { id: t.a1 } });
    expect((await status(a.trackingCode)).status).toBe('admitted');
    const twice = await officerA.request('POST', `/api/v1/applications/${a.id}/admit`, {
      unitId: t.a1,
      onDate: '2025-03-01',
    });
    expect(twice.json().code).toBe('application_decided');
  });

  it('a rejection carries the reason the applicant reads', async () => {
    const a = (
      await officerA.request('POST', '/api/v1/applications', {
        applicant: { fullName: 'Lê Thị Hoa', birthDate: '2000-01-01', gender: 'female' },
        unitId: t.a2,
      })
    ).json();
    await officerA.request('POST', `/api/v1/applications/${a.id}/reject`, {
      reason: 'Chưa đủ 6 tháng làm việc tại đơn vị.',
    });
    expect(await status(a.trackingCode)).toMatchObject({
      status: 'rejected',
      decisionReason: 'Chưa đủ 6 tháng làm việc tại đơn vị.',
    });
  });

  it('another district neither sees nor decides these applications', async () => {
    expect((await officerB.get('/api/v1/applications')).json()).toEqual([]);
    const mine = (await officerA.get('/api/v1/applications')).json();
    expect(mine.length).toBe(2);
    expect((await officerB.request('POST', `/api/v1/applications/${mine[0].id}/verify`)).statusCode).toBe(404);
  });

  it('refuses an application with a malformed citizen ID before it is filed', async () => {
    const res = await officerA.request('POST', '/api/v1/applications', {
      applicant: { fullName: 'Sai Số', birthDate: '2000-01-01', gender: 'female', citizenId: '12345' },
      unitId: t.a1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('applicant.citizenId');
  });
});

describe('a worker applies on their own in the member app (public)', () => {
  let sewing: number; // has CĐCS A2
  let bricks: number; // no CĐCS, in district B's charge
  let publicClient: Client;
  let nextAddress = 1;
  const address = () => `10.1.0.${nextAddress++}`;
  const worker = (citizenId: string) => ({
    fullName: 'Đặng Thị Mai',
    birthDate: '1995-07-07',
    gender: 'female',
    citizenId,
    phone: '0978 111 222',
  });
  const apply = (body: object, ip = address()) =>
    publicClient.request('POST', '/api/v1/app/applications', body, { 'x-forwarded-for': ip });
  const places = async (q: string) =>
    (await app.inject({ method: 'GET', url: `/api/v1/app/join/places?q=${encodeURIComponent(q)}` })).json().items;

  beforeAll(async () => {
    await addAreas(database, t);
    const caller = { scope: fullScope, roles: [], id: null, username: 'test' };
    const actor = { id: null, name: 'test' };
    const make = (taxCode: string, name: string, upperUnionId: number, extra: object = {}) =>
      enterprises.create(database.db, caller, actor, {
        taxCode,
        name,
        ownership: 'non_state',
        upperUnionId,
        areaCode: '99101',
        ...extra,
      });
    sewing = await make(codes[0] as string, 'Công ty TNHH May Nghệ An', t.districtA, { grassrootsUnitId: t.a2 });
    bricks = await make(codes[1] as string, 'Công ty Cổ phần Gạch Bắc Bình', t.districtB, { areaCode: '99201' });
    await make(codes[2] as string, 'Công ty TNHH May Đã Đóng Cửa', t.districtA, {
      status: 'closed',
      asOf: '2024-01-01',
    });
    publicClient = await clientFor(app);
  });

  it('finds operating enterprises and CĐCS by name words or tax code, with nothing personal', async () => {
    // In Vietnamese order of names: «Công đoàn …» before «Công ty …».
    const found = await places('may nghe');
    expect(found).toEqual([
      {
        kind: 'grassroots_union',
        id: t.a2,
        name: 'Công đoàn Công ty TNHH May Nghệ An',
        district: null,
        grassrootsUnionName: 'Công đoàn Công ty TNHH May Nghệ An',
      },
      {
        kind: 'enterprise',
        id: sewing,
        name: 'Công ty TNHH May Nghệ An',
        district: 'Huyện Anh Sơn',
        grassrootsUnionName: 'Công đoàn Công ty TNHH May Nghệ An',
      },
    ]);
    // The closed enterprise is not offered.
    expect((await places('May')).map((p: { name: string }) => p.name)).not.toContain('Công ty TNHH May Đã Đóng Cửa');
    expect(await places(codes[1] as string)).toEqual([
      {
        kind: 'enterprise',
        id: bricks,
        name: 'Công ty Cổ phần Gạch Bắc Bình',
        district: 'Huyện Bắc Bình',
        grassrootsUnionName: null,
      },
    ]);
    expect(await places('duc tho')).toMatchObject([{ kind: 'grassroots_union', id: t.a1 }]);
    expect(await places('  ')).toEqual([]);
  });

  it('sends the application to the chosen CĐCS, else the enterprise’s CĐCS, its upper union, or the province', async () => {
    const cases: [object, string][] = [
      [{ unitId: t.a1 }, 'Công đoàn Trường THCS Đức Thọ'],
      [{ enterpriseId: sewing }, 'Công đoàn Công ty TNHH May Nghệ An'],
      [{ enterpriseId: bricks }, 'Liên đoàn Lao động huyện Bắc Bình'],
      [{ employerName: 'Hộ kinh doanh Bà Lan' }, 'Liên đoàn Lao động tỉnh Thử Nghiệm'],
    ];
    const ids = ['040195000101', '040195000102', '040195000103', '040195000104'];
    for (const [i, [where, unitName]] of cases.entries()) {
      const res = await apply({ applicant: worker(ids[i] as string), ...where });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ trackingCode: expect.any(String), unitName, status: 'submitted' });
      expect((await status(res.json().trackingCode)).status).toBe('submitted');
    }
    const filed = await database.db.execute(
      sql`select a.channel, a.employer_name as "employerName", l.actor_name as "actorName"
          from membership_application a join audit_log l on l.entity_type = 'application' and l.entity_id = a.id::text
          where a.applicant->>'citizenId' = '040195000103'`,
    );
    expect((filed as unknown as { rows: unknown[] }).rows).toEqual([
      { channel: 'app', employerName: 'Công ty Cổ phần Gạch Bắc Bình', actorName: 'app' },
    ]);
  });

  it('refuses a place that is not an operating CĐCS, and an application naming no workplace', async () => {
    const upper = await apply({ applicant: worker('040195000201'), unitId: t.districtA });
    expect(upper.statusCode).toBe(400);
    expect(upper.json().errors[0].field).toBe('unitId');
    const nowhere = await apply({ applicant: worker('040195000202') });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().errors[0].field).toBe('employerName');
  });

  it('requires what the union needs to verify the worker', async () => {
    const res = await apply({ applicant: { fullName: 'Thiếu Thông Tin' }, unitId: t.a1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.applicant.birthDate', 'body.applicant.citizenId', 'body.applicant.phone']),
    );
    expect(res.json().errors.find((e: { field: string }) => e.field === 'body.applicant.phone').message).toBe(
      'Nhập số điện thoại.',
    );
  });

  it('refuses a filled honeypot field without saying why, and files nothing', async () => {
    const res = await apply({ applicant: worker('040195000301'), unitId: t.a1, website: 'http://spam.example' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
    expect(res.json().title).not.toMatch(/website|honeypot/i);
    const rows = await database.db.execute(
      sql`select 1 from membership_application where applicant->>'citizenId' = '040195000301'`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toHaveLength(0);
  });

  it('refuses a second application while one with the same CCCD is pending, and allows one after a decision', async () => {
    const first = await apply({ applicant: worker('040195000401'), unitId: t.a1 });
    expect(first.statusCode).toBe(201);
    const again = await apply({ applicant: worker('040 195 000 401'), enterpriseId: sewing });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('application_pending');
    expect(again.json().title).toContain(`…${first.json().trackingCode.slice(-3)}`);
    const filed = (await officerA.get('/api/v1/applications?status=submitted')).json();
    const mine = filed.find((a: { trackingCode: string }) => a.trackingCode === first.json().trackingCode);
    await officerA.request('POST', `/api/v1/applications/${mine.id}/reject`, {
      reason: 'Thiếu xác nhận nơi làm việc.',
    });
    expect((await apply({ applicant: worker('040195000401'), unitId: t.a1 })).statusCode).toBe(201);
  });

  it('refuses the sixth application from one address in an hour', async () => {
    const own = await buildTestApp(database);
    try {
      const c = await clientFor(own);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (
            await c.request('POST', '/api/v1/app/applications', {
              applicant: worker(`04019500050${i}`),
              employerName: 'Xưởng mộc Tân Kỳ',
            })
          ).statusCode,
        );
      expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
      const res = await c.request('POST', '/api/v1/app/applications', {
        applicant: worker('040195000599'),
        employerName: 'Xưởng mộc Tân Kỳ',
      });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().title).toMatch(/^Bạn thử quá nhiều lần\. Vui lòng thử lại sau (1 giờ|\d+ phút)\.$/);
    } finally {
      await own.close();
    }
  });
});
