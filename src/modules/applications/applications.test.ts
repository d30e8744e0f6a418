import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';

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
