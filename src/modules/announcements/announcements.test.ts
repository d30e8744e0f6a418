import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor, memberClientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let officerB: Client;
let province: Client;
let viewerA: Client;
let inA1: Client;
let inA2: Client;
let inB1: Client;

async function admit(officer: Client, unitId: number, fullName: string, citizenId: string) {
  const res = await officer.request('POST', '/api/v1/members', {
    person: { fullName, birthDate: '1990-05-12', gender: 'female', citizenId },
    unitId,
    onDate: '2022-03-01',
  });
  expect(res.statusCode).toBe(201);
  return res.json().personId as number;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  await addUser(database, 'province', 'federation_officer', t.province);
  await addUser(database, 'viewer-a', 'collaborator', t.districtA);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  province = await clientFor(app, 'province');
  viewerA = await clientFor(app, 'viewer-a');
  const a1 = await admit(officerA, t.a1, 'Trần Thị Lan', '040190000001');
  const a2 = await admit(officerA, t.a2, 'Lê Thị Mai', '040190000002');
  const b1 = await admit(officerB, t.b1, 'Hồ Thị Hoa', '040190000003');
  inA1 = await memberClientFor(app, database, a1);
  inA2 = await memberClientFor(app, database, a2);
  inB1 = await memberClientFor(app, database, b1);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const publish = (officer: Client, body: Record<string, unknown>) =>
  officer.request('POST', '/api/v1/announcements', { title: 'Thông báo', body: 'Nội dung', ...body });
const seen = async (member: Client) =>
  ((await member.get('/api/v1/app/announcements')).json().items as { id: number; read: boolean }[]).map((i) => i.id);

describe('announcements reach the members of the audience’s subtrees', () => {
  let districtWide: number;
  let toA2: number;

  it('publishes to the unit’s own subtree by default: its members see it, another district’s do not', async () => {
    const res = await publish(officerA, {
      unitId: t.districtA,
      title: 'Lịch sinh hoạt tháng 7',
      body: 'Họp ngày 5/7.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      unit: { id: t.districtA, name: 'Liên đoàn Lao động huyện Anh Sơn' },
      audience: [{ id: t.districtA }],
      readCount: 0,
      audienceCount: 2,
      readShare: 0,
      withdrawnAt: null,
      canWithdraw: true,
    });
    districtWide = res.json().id;
    expect(await seen(inA1)).toEqual([districtWide]);
    expect(await seen(inA2)).toEqual([districtWide]);
    expect(await seen(inB1)).toEqual([]);
    const item = (await inA1.get('/api/v1/app/announcements')).json().items[0];
    expect(item).toEqual({
      id: districtWide,
      title: 'Lịch sinh hoạt tháng 7',
      body: 'Họp ngày 5/7.',
      unitName: 'Liên đoàn Lao động huyện Anh Sơn',
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      read: false,
    });
  });

  it('reaches only a chosen sub-unit’s members when the audience names it', async () => {
    const res = await publish(officerA, { unitId: t.districtA, audienceUnitIds: [t.a2] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ audience: [{ id: t.a2, name: 'Công đoàn Công ty TNHH May Nghệ An' }] });
    expect(res.json().audienceCount).toBe(1);
    toA2 = res.json().id;
    expect(await seen(inA2)).toEqual([toA2, districtWide]);
    expect(await seen(inA1)).toEqual([districtWide]);
    expect((await inA1.request('POST', `/api/v1/app/announcements/${toA2}/read`)).statusCode).toBe(404);
  });

  it('refuses an audience outside the publisher’s subtree, naming the field', async () => {
    const res = await publish(officerA, { unitId: t.districtA, audienceUnitIds: [t.a1, t.b1] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'audienceUnitIds', message: expect.stringContaining('Công đoàn Bệnh viện Đa khoa Bắc Bình') },
    ]);
    const tooLong = await publish(officerA, { unitId: t.districtA, title: 'x'.repeat(201) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('body.title');
  });

  it('keeps publishing and reading within scope', async () => {
    // Another district's officer: the unit is not theirs to see (404), nor the announcement.
    expect((await publish(officerB, { unitId: t.districtA })).statusCode).toBe(404);
    expect((await officerB.get(`/api/v1/announcements/${districtWide}`)).statusCode).toBe(404);
    expect((await officerB.get(`/api/v1/announcements?unitId=${t.districtA}`)).statusCode).toBe(404);
    expect((await officerB.get('/api/v1/announcements')).json().items).toEqual([]);
    expect((await officerB.request('POST', `/api/v1/announcements/${districtWide}/withdraw`)).statusCode).toBe(404);
    // A collaborator reads but does not publish.
    expect((await publish(viewerA, { unitId: t.districtA })).statusCode).toBe(403);
    expect((await viewerA.get(`/api/v1/announcements/${districtWide}`)).statusCode).toBe(200);
    // The province sees what its districts published.
    const all = (await province.get(`/api/v1/announcements?unitId=${t.province}`)).json().items;
    expect(all.map((a: { id: number }) => a.id)).toEqual([toA2, districtWide]);
  });

  it('needs a member session for the app endpoints', async () => {
    const anonymous = await clientFor(app);
    expect((await anonymous.get('/api/v1/app/announcements')).statusCode).toBe(401);
    expect((await officerA.get('/api/v1/app/announcements')).statusCode).toBe(401);
  });

  it('counts a member’s reads once, and shows receipts per audience unit', async () => {
    for (let i = 0; i < 2; i++)
      expect((await inA1.request('POST', `/api/v1/app/announcements/${districtWide}/read`)).statusCode).toBe(204);
    expect((await inA1.get('/api/v1/app/announcements')).json().items[0].read).toBe(true);
    expect((await inA2.get('/api/v1/app/announcements')).json().items.every((i: { read: boolean }) => !i.read)).toBe(
      true,
    );
    expect((await inB1.request('POST', `/api/v1/app/announcements/${districtWide}/read`)).statusCode).toBe(404);
    const detail = (await officerA.get(`/api/v1/announcements/${districtWide}`)).json();
    expect(detail).toMatchObject({ readCount: 1, audienceCount: 2, readShare: 0.5 });
    expect(detail.receipts).toEqual({
      count: 1,
      share: 0.5,
      byUnit: [
        {
          unitId: t.districtA,
          unitName: 'Liên đoàn Lao động huyện Anh Sơn',
          audienceCount: 2,
          readCount: 1,
          share: 0.5,
        },
      ],
    });
    const listed = (await officerA.get(`/api/v1/announcements?unitId=${t.districtA}`)).json().items;
    expect(listed.find((a: { id: number }) => a.id === districtWide)).toMatchObject({ readCount: 1, readShare: 0.5 });
  });

  it('reaches every member from the province, counted per audience unit', async () => {
    const res = await publish(province, {
      unitId: t.province,
      title: 'Tháng Công nhân',
      audienceUnitIds: [t.districtA, t.districtB],
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(res.json().audienceCount).toBe(3);
    expect(await seen(inB1)).toEqual([id]);
    expect((await seen(inA1))[0]).toBe(id);
    await inB1.request('POST', `/api/v1/app/announcements/${id}/read`);
    const byUnit = (await province.get(`/api/v1/announcements/${id}`)).json().receipts.byUnit;
    expect(
      byUnit.map((u: { unitId: number; audienceCount: number; readCount: number }) => [
        u.unitId,
        u.audienceCount,
        u.readCount,
      ]),
    ).toEqual([
      [t.districtA, 2, 0],
      [t.districtB, 1, 1],
    ]);
  });

  it('hides a withdrawn announcement from members, keeping its receipts', async () => {
    expect((await viewerA.request('POST', `/api/v1/announcements/${districtWide}/withdraw`)).statusCode).toBe(403);
    const res = await officerA.request('POST', `/api/v1/announcements/${districtWide}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ withdrawnAt: expect.any(String), readCount: 1, canWithdraw: false });
    expect(await seen(inA1)).not.toContain(districtWide);
    expect((await inA2.request('POST', `/api/v1/app/announcements/${districtWide}/read`)).statusCode).toBe(404);
    expect((await officerA.request('POST', `/api/v1/announcements/${districtWide}/withdraw`)).statusCode).toBe(409);
  });
});
