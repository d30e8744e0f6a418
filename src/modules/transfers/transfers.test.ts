import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let officerB: Client;
let admin: Client;

const count = async (unitId: number, asOf: string) =>
  (await admin.get(`/api/v1/units/${unitId}/member-count?asOf=${asOf}`)).json().total as number;

async function admitInA1(fullName: string, citizenId: string) {
  const res = await officerA.request('POST', '/api/v1/members', {
    person: { fullName, birthDate: '1990-05-12', gender: 'male', citizenId },
    unitId: t.a1,
    onDate: '2022-03-01',
  });
  expect(res.statusCode).toBe(201);
  return res.json().personId as number;
}
const askToB1 = (personId: number, onDate = '2024-07-01') =>
  officerA.request('POST', `/api/v1/members/${personId}/transfer`, {
    toUnitId: t.b1,
    onDate,
    reason: 'Chuyển công tác',
  });

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  await addUser(database, 'viewer-a', 'collaborator', t.districtA);
  await addUser(database, 'admin', 'system_admin', null);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  admin = await clientFor(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a transfer to another district waits for the receiving side', () => {
  let ducId: number;
  let requestId: number;

  it('lets an officer find a CĐCS of another district in the directory, but not a collaborator', async () => {
    const found = await officerA.get('/api/v1/units/grassroots-directory?q=benh vien bac binh');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual([
      {
        id: t.b1,
        code: 'B1',
        name: 'Công đoàn Bệnh viện Đa khoa Bắc Bình',
        parentName: 'Liên đoàn Lao động huyện Bắc Bình',
      },
    ]);
    // Only CĐCS: a district federation is not a destination.
    expect((await officerA.get('/api/v1/units/grassroots-directory?q=bac binh')).json()).toHaveLength(1);
    const viewer = await clientFor(app, 'viewer-a');
    expect((await viewer.get('/api/v1/units/grassroots-directory?q=bac binh')).statusCode).toBe(403);
  });

  it('answers 202 and keeps the member where they are until the other side accepts', async () => {
    ducId = await admitInA1('Nguyễn Văn Đức', '040090123456');
    const res = await askToB1(ducId);
    expect(res.statusCode).toBe(202);
    expect(res.json().currentUnit.id).toBe(t.a1);
    expect(res.json().pendingTransfer).toMatchObject({ toUnitId: t.b1, onDate: '2024-07-01' });
    requestId = res.json().pendingTransfer.id;
    expect(await count(t.a1, '2024-07-01')).toBe(1);
    expect(await count(t.b1, '2024-07-01')).toBe(0);
  });

  it('refuses a second request while one is pending, saying where the first one goes', async () => {
    const res = await officerA.request('POST', `/api/v1/members/${ducId}/transfer`, {
      toUnitId: t.a2,
      onDate: '2024-07-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('transfer_pending');
    expect(res.json().title).toContain('Bắc Bình');
  });

  it('shows the request outgoing to the sender and incoming to the receiver, with only who is coming', async () => {
    const out = (await officerA.get('/api/v1/transfer-requests?box=outgoing')).json();
    expect(out.items).toEqual([
      expect.objectContaining({ id: requestId, status: 'pending', canAccept: false, canCancel: true }),
    ]);
    const inc = (await officerB.get('/api/v1/transfer-requests?box=incoming')).json();
    expect(inc.pendingIncoming).toBe(1);
    expect(inc.items).toEqual([
      expect.objectContaining({
        id: requestId,
        personName: 'Nguyễn Văn Đức',
        fromUnitName: 'Công đoàn Trường THCS Đức Thọ',
        canAccept: true,
        canCancel: false,
      }),
    ]);
    expect(JSON.stringify(inc)).not.toContain('040090123456');
    // The receiving side still cannot open the member's record before accepting.
    expect((await officerB.get(`/api/v1/members/${ducId}`)).statusCode).toBe(404);
    // The sender cannot accept on the receiver's behalf.
    const selfAccept = await officerA.request('POST', `/api/v1/transfer-requests/${requestId}/accept`, {});
    expect(selfAccept.statusCode).toBe(403);
  });

  it('moves the member when the receiving side accepts, on the day it sets, counted once', async () => {
    const res = await officerB.request('POST', `/api/v1/transfer-requests/${requestId}/accept`, {
      onDate: '15/07/2024',
      decisionNo: '45/QĐ-LĐLĐ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', onDate: '2024-07-15', decidedByName: 'officer-b' });
    const member = (await officerB.get(`/api/v1/members/${ducId}`)).json();
    expect(member.currentUnit.id).toBe(t.b1);
    expect(member.pendingTransfer).toBeNull();
    expect(member.events.at(-1)).toMatchObject({ kind: 'transfer', onDate: '2024-07-15', decisionNo: '45/QĐ-LĐLĐ' });
    expect([await count(t.a1, '2024-07-14'), await count(t.b1, '2024-07-14')]).toEqual([1, 0]);
    expect([await count(t.a1, '2024-07-15'), await count(t.b1, '2024-07-15')]).toEqual([0, 1]);
    expect(await count(t.province, '2024-07-15')).toBe(1);
    const again = await officerB.request('POST', `/api/v1/transfer-requests/${requestId}/accept`, {});
    expect(again.statusCode).toBe(409);
  });

  it('leaves the member in place when the receiving side declines with a reason', async () => {
    const id = await admitInA1('Lê Văn Hùng', '040090222333');
    const req = (await askToB1(id)).json().pendingTransfer.id;
    const noReason = await officerB.request('POST', `/api/v1/transfer-requests/${req}/decline`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await officerB.request('POST', `/api/v1/transfer-requests/${req}/decline`, {
      reason: 'Người lao động không làm việc tại đơn vị',
    });
    expect(res.json()).toMatchObject({
      status: 'declined',
      decisionReason: 'Người lao động không làm việc tại đơn vị',
    });
    const member = (await officerA.get(`/api/v1/members/${id}`)).json();
    expect(member.currentUnit.id).toBe(t.a1);
    expect(member.pendingTransfer).toBeNull();
  });

  it('lets the sending side cancel, and cancels by itself when the membership ends', async () => {
    const id = await admitInA1('Phạm Văn Nam', '040090444555');
    const first = (await askToB1(id)).json().pendingTransfer.id;
    expect((await officerB.request('POST', `/api/v1/transfer-requests/${first}/cancel`, {})).statusCode).toBe(403);
    const cancelled = await officerA.request('POST', `/api/v1/transfer-requests/${first}/cancel`, {});
    expect(cancelled.json().status).toBe('cancelled');

    const second = (await askToB1(id)).json().pendingTransfer.id;
    const ended = await officerA.request('POST', `/api/v1/members/${id}/end`, {
      kind: 'withdrawal',
      onDate: '2024-06-01',
    });
    expect(ended.statusCode).toBe(200);
    expect((await officerA.get(`/api/v1/transfer-requests/${second}`)).json().status).toBe('cancelled');
    const inc = (await officerB.get('/api/v1/transfer-requests?box=incoming')).json();
    expect(inc.pendingIncoming).toBe(0);
  });

  it('still transfers at once when the officer may write both ends', async () => {
    const id = await admitInA1('Hồ Văn Tâm', '040090666777');
    const res = await admin.request('POST', `/api/v1/members/${id}/transfer`, { toUnitId: t.b1, onDate: '2024-08-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().currentUnit.id).toBe(t.b1);
  });

  it('hides requests between other districts', async () => {
    await addUser(database, 'sector', 'upper_union_officer', t.sector);
    const sector = await clientFor(app, 'sector');
    expect((await sector.get('/api/v1/transfer-requests?box=incoming&status=all')).json().items).toEqual([]);
    expect((await sector.get('/api/v1/transfer-requests?box=outgoing&status=all')).json().items).toEqual([]);
    expect((await sector.get(`/api/v1/transfer-requests/1`)).statusCode).toBe(404);
  });
});
