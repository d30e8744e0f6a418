import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { todayVn } from '../../lib/dates.ts';
import { run } from '../../lib/tx.ts';
import { addAreas, codes } from '../enterprises/test-helpers.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let officerA: Client;
let officerB: Client;
let collab: Client;
let admin: Client;
let collabId: number;

const enterprise = (i: number, name: string) => ({
  taxCode: codes[i],
  name,
  ownership: 'foreign_invested',
  industryCode: '1410',
  areaCode: '99101',
  startedOn: '2012-04-01',
  upperUnionId: t.districtA,
  workforce: { total: 320, women: 250 },
  asOf: '2023-01-01',
});
const worker = (n: number, overrides: object = {}) => ({
  fullName: `Nguyễn Thị Công Nhân ${['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy'][n]}`,
  birthDate: '1995-02-01',
  gender: 'female',
  citizenId: `04019500${String(n).padStart(4, '0')}`,
  ...overrides,
});
const unitCount = async () =>
  (await run<{ n: number }>(database.db, sql`select count(*)::int as n from unit`)).rows[0]?.n;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addAreas(database, t);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  collabId = await addUser(database, 'collab-a', 'collaborator', t.districtA);
  await addUser(database, 'collab-a2', 'collaborator', t.districtA);
  await addUser(database, 'admin', 'system_admin', null);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  collab = await clientFor(app, 'collab-a');
  admin = await clientFor(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('an organising drive, from survey to recognition', () => {
  let enterpriseId: number;
  let driveId: number;

  it('opens a drive at an enterprise without a CĐCS, run by its upper union, with a collaborator', async () => {
    const e = await officerA.request('POST', '/api/v1/enterprises', enterprise(0, 'Công ty TNHH Giày Anh Sơn'));
    expect(e.statusCode).toBe(201);
    enterpriseId = e.json().id;
    const res = await officerA.request('POST', '/api/v1/drives', {
      enterpriseId,
      openedOn: '10/01/2024',
      assigneeIds: [collabId],
    });
    expect(res.statusCode).toBe(201);
    driveId = res.json().id;
    expect(res.json()).toMatchObject({
      stage: 'enterprise_survey',
      status: 'active',
      upperUnion: { id: t.districtA },
      enterprise: { id: enterpriseId, workforce: 320 },
      assignees: [{ id: collabId }],
    });
    const again = await officerA.request('POST', '/api/v1/drives', { enterpriseId, openedOn: '2024-02-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('drive_exists');
  });

  it('is out of sight of another district', async () => {
    expect((await officerB.get(`/api/v1/drives/${driveId}`)).statusCode).toBe(404);
    expect((await officerB.get('/api/v1/drives')).json().items).toEqual([]);
    const open = await officerB.request('POST', '/api/v1/drives', { enterpriseId, openedOn: '2024-02-01' });
    expect(open.statusCode).toBe(404);
  });

  it('lets an assigned collaborator log contacts with workers, and no one else below the union', async () => {
    const log = await collab.request('POST', `/api/v1/drives/${driveId}/contacts`, {
      contactedOn: '2024-01-15',
      workerLabel: 'Tổ may 3, ca sáng',
      workersReached: 12,
      summary: 'Công nhân quan tâm đến thương lượng tiền tăng ca',
      support: 4,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json()).toMatchObject({ contacts: 1, workersReached: 12, averageSupport: 4 });
    const other = await clientFor(app, 'collab-a2');
    const refused = await other.request('POST', `/api/v1/drives/${driveId}/contacts`, {
      contactedOn: '2024-01-16',
      summary: 'Gặp tổ trưởng',
      support: 3,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await collab.request('POST', `/api/v1/drives/${driveId}/contacts`, {
      contactedOn: '2024-01-16',
      summary: 'Gặp tổ trưởng',
      support: 7,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.support');
  });

  it('moves through the stages with dates, flags a drive stalled in its stage, and keeps the history', async () => {
    const back = await officerA.request('POST', `/api/v1/drives/${driveId}/stage`, {
      stage: 'outreach',
      onDate: '2024-01-01',
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors[0].field).toBe('onDate');
    const viaStage = await officerA.request('POST', `/api/v1/drives/${driveId}/stage`, {
      stage: 'recognition',
      onDate: '2024-03-01',
    });
    expect(viaStage.statusCode).toBe(400);
    for (const [stage, onDate] of [
      ['outreach', '2024-02-01'],
      ['organizing_committee', '2024-03-05'],
    ])
      expect((await officerA.request('POST', `/api/v1/drives/${driveId}/stage`, { stage, onDate })).statusCode).toBe(
        200,
      );
    const board = (await officerA.get('/api/v1/drives?stalledDays=60')).json();
    expect(board.items[0]).toMatchObject({ id: driveId, stage: 'organizing_committee', stalled: true });
    expect(board.byStage).toEqual({ organizing_committee: 1 });
    const moved = await officerA.request('POST', `/api/v1/drives/${driveId}/stage`, {
      stage: 'applications',
      onDate: todayVn(),
      note: 'Ban vận động đã thu đơn',
    });
    expect(moved.json()).toMatchObject({ stage: 'applications', stalled: false, daysInStage: 0 });
    expect(moved.json().stages.map((s: { stage: string }) => s.stage)).toEqual([
      'enterprise_survey',
      'outreach',
      'organizing_committee',
      'applications',
    ]);
  });

  it('keeps documents of the drive', async () => {
    const minutes = Buffer.from('%PDF-1.4 biên bản hội nghị');
    const up = await officerA.request(
      'POST',
      `/api/v1/drives/${driveId}/documents?title=${encodeURIComponent('Biên bản họp ban vận động')}&fileName=bien-ban.pdf`,
      minutes,
      { 'content-type': 'application/pdf' },
    );
    expect(up.statusCode).toBe(201);
    const down = await officerA.get(`/api/v1/drives/${driveId}/documents/${up.json().id}`);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(minutes)).toBe(true);
    expect((await officerB.get(`/api/v1/drives/${driveId}/documents/${up.json().id}`)).statusCode).toBe(404);
  });

  it('refuses recognition with fewer than five founders, and leaves nothing half-written on a bad founder', async () => {
    const apps: number[] = [];
    for (const n of [0, 1, 2]) {
      const res = await officerA.request('POST', '/api/v1/applications', {
        applicant: worker(n),
        unitId: t.districtA,
        employerName: 'Công ty TNHH Giày Anh Sơn',
      });
      expect(res.statusCode).toBe(201);
      apps.push(res.json().id);
    }
    const body = {
      onDate: todayVn(),
      decisionNo: '15/QĐ-LĐLĐ',
      unitName: 'Công đoàn cơ sở Công ty TNHH Giày Anh Sơn',
      applicationIds: apps,
    };
    const few = await officerA.request('POST', `/api/v1/drives/${driveId}/recognise`, {
      ...body,
      foundingMembers: [worker(3)],
    });
    expect(few.statusCode).toBe(400);
    expect(few.json().errors[0].message).toContain('ít nhất 5');

    const before = await unitCount();
    const bad = await officerA.request('POST', `/api/v1/drives/${driveId}/recognise`, {
      ...body,
      foundingMembers: [worker(3), worker(4, { citizenId: '12345' })],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('foundingMembers.1.citizenId');
    expect(await unitCount()).toBe(before);
    expect((await officerA.get(`/api/v1/applications/${apps[0]}`)).json().status).toBe('submitted');

    const ok = await officerA.request('POST', `/api/v1/drives/${driveId}/recognise`, {
      ...body,
      foundingMembers: [worker(3), worker(4)],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'recognised',
      stage: 'recognition',
      recognised: { code: 'PC00001', founders: 5 },
    });
    const unitId = ok.json().recognised.unitId;

    // The new CĐCS is in the tree under the district, with its five founders counted from the decision day.
    const children = (await officerA.get(`/api/v1/units/${t.districtA}/children`)).json().items;
    expect(children.map((c: { id: number }) => c.id)).toContain(unitId);
    expect((await officerA.get(`/api/v1/units/${unitId}/member-count`)).json()).toMatchObject({ total: 5, women: 5 });
    expect((await officerA.get(`/api/v1/applications/${apps[0]}`)).json().status).toBe('admitted');
    expect((await officerA.get(`/api/v1/enterprises/${enterpriseId}`)).json().grassroots).toMatchObject({ id: unitId });
    // A recognised drive is closed.
    const late = await officerA.request('POST', `/api/v1/drives/${driveId}/stage`, {
      stage: 'outreach',
      onDate: todayVn(),
    });
    expect(late.statusCode).toBe(409);
    expect((await admin.get('/api/v1/drives?status=recognised')).json().items[0]).toMatchObject({
      id: driveId,
      grassrootsUnit: { id: unitId },
    });
  });

  it('stops a drive with a reason', async () => {
    const e = await officerA.request('POST', '/api/v1/enterprises', enterprise(1, 'Công ty CP Gạch Anh Sơn'));
    const open = await officerA.request('POST', '/api/v1/drives', {
      enterpriseId: e.json().id,
      openedOn: '2024-05-01',
    });
    const id = open.json().id;
    const stop = await officerA.request('POST', `/api/v1/drives/${id}/abandon`, {
      onDate: '2024-09-01',
      reason: 'Doanh nghiệp tạm ngừng sản xuất',
    });
    expect(stop.json()).toMatchObject({
      status: 'abandoned',
      closedOn: '2024-09-01',
      closeReason: 'Doanh nghiệp tạm ngừng sản xuất',
    });
    expect((await officerA.get('/api/v1/drives')).json().items.map((d: { id: number }) => d.id)).not.toContain(id);
  });
});
