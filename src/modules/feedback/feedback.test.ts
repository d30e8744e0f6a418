import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor, memberClientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let cdcsA1: Client;
let officerA: Client;
let officerB: Client;
let province: Client;
let admin: Client;
const people = { lan: 0, hoa: 0, mai: 0, thu: 0 };

async function admit(fullName: string, citizenId: string, unitId: number, phone: string) {
  const res = await admin.request('POST', '/api/v1/members', {
    person: { fullName, birthDate: '1990-05-12', gender: 'female', citizenId, phone },
    unitId,
    onDate: '2022-03-01',
  });
  expect(res.statusCode).toBe(201);
  return res.json().personId as number;
}

const start = (c: Client, body: Record<string, unknown>) =>
  c.request('POST', '/api/v1/app/feedback', { kind: 'concern', anonymous: false, ...body });

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'cdcs-a1', 'grassroots_officer', t.a1);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  await addUser(database, 'tinh', 'federation_officer', t.province);
  await addUser(database, 'admin', 'system_admin', null);
  app = await buildTestApp(database);
  cdcsA1 = await clientFor(app, 'cdcs-a1');
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  province = await clientFor(app, 'tinh');
  admin = await clientFor(app, 'admin');
  people.lan = await admit('Nguyễn Thị Lan', '040190000001', t.a1, '0912345678');
  people.hoa = await admit('Trần Thị Hoa', '040190000002', t.a1, '0912345679');
  people.mai = await admit('Lê Thị Mai', '040190000003', t.a2, '0912345680');
  people.thu = await admit('Hồ Thị Thu', '040190000004', t.b1, '0912345681');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a member speaks up and their CĐCS answers', () => {
  let id: number;
  let lan: Client;

  it('puts a member’s new thread in their CĐCS inbox, with who sent it', async () => {
    lan = await memberClientFor(app, database, people.lan);
    const res = await start(lan, {
      kind: 'question',
      subject: 'Tiền làm thêm giờ tháng 10',
      body: 'Tháng 10 tôi làm thêm 20 giờ nhưng phiếu lương chỉ tính 12 giờ.',
    });
    expect(res.statusCode).toBe(201);
    const thread = res.json();
    id = thread.id;
    expect(thread).toMatchObject({
      kind: 'question',
      status: 'open',
      escalatedTo: null,
      handlingUnitName: 'Công đoàn Trường THCS Đức Thọ',
      firstAnsweredAt: null,
      messages: [{ kind: 'message', author: 'member', body: expect.stringContaining('20 giờ') }],
    });
    expect((await lan.get('/api/v1/app/feedback')).json().items.map((x: { id: number }) => x.id)).toEqual([id]);

    const inbox = (await cdcsA1.get('/api/v1/feedback')).json();
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      id,
      senderName: 'Nguyễn Thị Lan',
      fromUnitName: 'Công đoàn Trường THCS Đức Thọ',
      handlingUnitId: t.a1,
    });
    const detail = (await cdcsA1.get(`/api/v1/feedback/${id}`)).json();
    expect(detail).toMatchObject({ senderName: 'Nguyễn Thị Lan', senderPhone: '+84912345678', canAct: true });
  });

  it('lets no other member read it, and no officer of another district see or touch it', async () => {
    const mai = await memberClientFor(app, database, people.mai);
    expect((await mai.get(`/api/v1/app/feedback/${id}`)).statusCode).toBe(404);
    expect((await mai.request('POST', `/api/v1/app/feedback/${id}/messages`, { body: 'Xin chào' })).statusCode).toBe(
      404,
    );
    expect((await mai.get('/api/v1/app/feedback')).json().items).toEqual([]);
    expect((await officerB.get('/api/v1/feedback')).json()).toEqual({ items: [], total: 0 });
    expect((await officerB.get(`/api/v1/feedback/${id}`)).statusCode).toBe(404);
    for (const [path, body] of [
      ['answer', { body: 'Trả lời' }],
      ['close', {}],
      ['escalate', { to: 'upper_union' }],
    ] as const)
      expect((await officerB.request('POST', `/api/v1/feedback/${id}/${path}`, body)).statusCode).toBe(404);
    // Officers' sessions never reach the member endpoints, nor members' the officers' ones.
    expect((await cdcsA1.get('/api/v1/app/feedback')).statusCode).toBe(401);
    expect((await lan.get('/api/v1/feedback')).statusCode).toBe(401);
  });

  it('shows the member the answer, signed by the CĐCS, and keeps the first answer’s time', async () => {
    const res = await cdcsA1.request('POST', `/api/v1/feedback/${id}/answer`, {
      body: 'Công đoàn đã làm việc với phòng nhân sự; phần còn thiếu sẽ trả vào kỳ lương tới.',
    });
    expect(res.statusCode).toBe(200);
    const first = res.json().firstAnsweredAt;
    expect(res.json()).toMatchObject({ status: 'answered', firstAnsweredAt: expect.any(String) });
    const mine = (await lan.get(`/api/v1/app/feedback/${id}`)).json();
    expect(mine.status).toBe('answered');
    expect(mine.messages.at(-1)).toEqual({
      id: expect.any(Number),
      kind: 'message',
      author: 'officer',
      unitName: 'Công đoàn Trường THCS Đức Thọ',
      body: expect.stringContaining('kỳ lương tới'),
      createdAt: expect.any(String),
    });
    // The member writes back: the union's turn again; a second answer keeps the first time.
    expect(
      (await lan.request('POST', `/api/v1/app/feedback/${id}/messages`, { body: 'Cảm ơn, tôi sẽ chờ.' })).json().status,
    ).toBe('open');
    const again = await cdcsA1.request('POST', `/api/v1/feedback/${id}/answer`, { body: 'Chúng tôi sẽ theo dõi.' });
    expect(again.json()).toMatchObject({ status: 'answered', firstAnsweredAt: first });
  });

  it('assigns only to officers of the handling unit, under it or above it', async () => {
    const names = (await cdcsA1.get(`/api/v1/feedback/${id}/assignees`))
      .json()
      .items.map((u: { displayName: string }) => u.displayName);
    expect(names).toEqual(expect.arrayContaining(['admin', 'cdcs-a1', 'officer-a', 'tinh']));
    expect(names).not.toContain('officer-b');
    const users = await run<{ id: number; username: string }>(database.db, sql`select id, username from app_user`);
    const idOf = (u: string) => users.rows.find((r) => r.username === u)?.id;
    const wrong = await cdcsA1.request('POST', `/api/v1/feedback/${id}/assign`, { userId: idOf('officer-b') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('userId');
    const ok = await cdcsA1.request('POST', `/api/v1/feedback/${id}/assign`, { userId: idOf('cdcs-a1') });
    expect(ok.json()).toMatchObject({ assignedUserName: 'cdcs-a1' });
    expect(ok.json().messages.at(-1)).toMatchObject({ kind: 'assigned', author: 'officer' });
  });

  it('closes, and opens again when the member writes', async () => {
    const closed = await cdcsA1.request('POST', `/api/v1/feedback/${id}/close`, { note: 'Đã giải quyết xong.' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const twice = await cdcsA1.request('POST', `/api/v1/feedback/${id}/answer`, { body: 'Thêm' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('feedback_closed');
    const mine = (await lan.get(`/api/v1/app/feedback/${id}`)).json();
    expect(mine.messages.at(-1)).toMatchObject({ kind: 'closed', body: 'Đã giải quyết xong.' });

    const reopened = (
      await lan.request('POST', `/api/v1/app/feedback/${id}/messages`, { body: 'Kỳ lương này vẫn chưa trả.' })
    ).json();
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });
    expect(reopened.messages.slice(-2).map((m: { kind: string }) => m.kind)).toEqual(['reopened', 'message']);
    expect((await cdcsA1.get('/api/v1/feedback?status=open')).json().items.map((x: { id: number }) => x.id)).toEqual([
      id,
    ]);
  });
});

describe('anonymous threads', () => {
  it('hide the sender from every officer: list, detail and audit log', async () => {
    const hoa = await memberClientFor(app, database, people.hoa);
    const res = await start(hoa, {
      subject: 'Quản đốc xưởng quát mắng công nhân',
      body: 'Tôi không muốn nêu tên vì sợ bị trù dập.',
      anonymous: true,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const item = (await cdcsA1.get('/api/v1/feedback')).json().items.find((x: { id: number }) => x.id === id);
    expect(item).toMatchObject({ anonymous: true, senderName: null });
    for (const c of [cdcsA1, officerA, admin]) {
      const detail = await c.get(`/api/v1/feedback/${id}`);
      expect(detail.json()).toMatchObject({ senderName: null, senderPhone: null });
      expect(detail.body).not.toContain('Trần Thị Hoa');
      expect(detail.body).not.toContain('912345679');
    }
    await hoa.request('POST', `/api/v1/app/feedback/${id}/messages`, { body: 'Bổ sung thêm thông tin.' });
    const audit = await admin.get(`/api/v1/audit?entityType=member_feedback&entityId=${id}`);
    expect(audit.json()).toHaveLength(2);
    expect(audit.body).not.toContain(`member:${people.hoa}`);
    expect(audit.body).not.toContain('Trần Thị Hoa');
    // The member still sees their own thread.
    expect((await hoa.get(`/api/v1/app/feedback/${id}`)).json().anonymous).toBe(true);
  });
});

describe('escalation', () => {
  let id: number;
  let mai: Client;

  it('moves a thread to the upper union: its officers act, the CĐCS still reads but cannot act', async () => {
    mai = await memberClientFor(app, database, people.mai);
    id = (
      await start(mai, {
        kind: 'concern',
        subject: 'Công ty nợ bảo hiểm xã hội',
        body: 'Công ty chưa đóng BHXH 6 tháng.',
      })
    ).json().id;
    await addUser(database, 'cdcs-a2', 'grassroots_officer', t.a2);
    const cdcsA2 = await clientFor(app, 'cdcs-a2');
    const up = await cdcsA2.request('POST', `/api/v1/feedback/${id}/escalate`, {
      to: 'upper_union',
      note: 'Vượt quá khả năng giải quyết của CĐCS.',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ handlingUnitId: t.districtA, escalatedTo: 'upper_union', canAct: false });
    const still = await cdcsA2.get(`/api/v1/feedback/${id}`);
    expect(still.statusCode).toBe(200);
    expect((await cdcsA2.request('POST', `/api/v1/feedback/${id}/answer`, { body: 'Thử' })).statusCode).toBe(403);
    expect((await cdcsA2.get('/api/v1/feedback')).json().items).toEqual([]);

    const inA = (await officerA.get(`/api/v1/feedback?unitId=${t.a2}`)).json();
    expect(inA.items.map((x: { id: number }) => x.id)).toEqual([id]);
    expect((await officerA.get(`/api/v1/feedback/${id}`)).json().canAct).toBe(true);

    const mine = (await mai.get(`/api/v1/app/feedback/${id}`)).json();
    expect(mine.handlingUnitName).toBe('Liên đoàn Lao động huyện Anh Sơn');
    expect(mine.messages.at(-1)).toMatchObject({
      kind: 'escalated',
      author: 'officer',
      unitName: 'Liên đoàn Lao động huyện Anh Sơn',
      body: 'Vượt quá khả năng giải quyết của CĐCS.',
    });
  });

  it('sends it on to the federation’s legal team, found by the legal filter', async () => {
    const res = await officerA.request('POST', `/api/v1/feedback/${id}/escalate`, { to: 'legal_team' });
    expect(res.json()).toMatchObject({ handlingUnitId: t.province, escalatedTo: 'legal_team', canAct: false });
    const legal = (await province.get('/api/v1/feedback?legal=true')).json();
    expect(legal.items.map((x: { id: number }) => x.id)).toEqual([id]);
    expect(
      (await province.get('/api/v1/feedback?legal=false')).json().items.map((x: { id: number }) => x.id),
    ).not.toContain(id);
    expect((await officerA.request('POST', `/api/v1/feedback/${id}/close`, {})).statusCode).toBe(403);
    const answered = await province.request('POST', `/api/v1/feedback/${id}/answer`, {
      body: 'Tổ tư vấn pháp luật sẽ liên hệ để hướng dẫn khởi kiện.',
    });
    expect(answered.json().status).toBe('answered');
    const mine = (await mai.get(`/api/v1/app/feedback/${id}`)).json();
    expect(mine).toMatchObject({ escalatedTo: 'legal_team', handlingUnitName: 'Liên đoàn Lao động tỉnh Thử Nghiệm' });
    expect(mine.messages.at(-1).unitName).toBe('Liên đoàn Lao động tỉnh Thử Nghiệm');
    // The root has no upper union.
    const top = await province.request('POST', `/api/v1/feedback/${id}/escalate`, { to: 'upper_union' });
    expect(top.json().code).toBe('feedback_no_upper_union');
  });
});

describe('limits and validation', () => {
  it('refuses an empty or too long message, in the member’s language', async () => {
    const thu = await memberClientFor(app, database, people.thu);
    const empty = await start(thu, { subject: 'Hỏi', body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'body.body', message: 'Nhập nội dung.' }]);
    const long = await thu.request(
      'POST',
      '/api/v1/app/feedback',
      { kind: 'question', subject: 'x'.repeat(201), body: 'Nội dung', anonymous: false },
      { 'accept-language': 'en' },
    );
    expect(long.json().errors).toEqual([
      { field: 'body.subject', message: 'The subject may be at most 200 characters.' },
    ]);
    const kind = await start(thu, { kind: 'complaint', subject: 'Hỏi', body: 'Nội dung' });
    expect(kind.json().errors[0]).toMatchObject({
      field: 'body.kind',
      message: expect.stringContaining('tư vấn pháp luật'),
    });
    expect((await thu.request('POST', '/api/v1/app/feedback/999999/messages', { body: '' })).statusCode).toBe(400);
  });

  it('lets a member start at most 10 threads a day', async () => {
    const thu = await memberClientFor(app, database, people.thu);
    for (let i = 1; i <= 10; i++)
      expect((await start(thu, { subject: `Câu hỏi số ${i}`, body: 'Nội dung câu hỏi' })).statusCode).toBe(201);
    const over = await start(thu, { subject: 'Câu hỏi số 11', body: 'Nội dung câu hỏi' });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'feedback_daily_limit', title: expect.stringContaining('tối đa 10') });
    // Writing in a thread already open is not limited.
    const own = (await thu.get('/api/v1/app/feedback')).json().items[0].id;
    expect((await thu.request('POST', `/api/v1/app/feedback/${own}/messages`, { body: 'Thêm ý' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a new thread from a person who holds no membership now, and asks a stranger to sign in', async () => {
    const gone = await admit('Phan Văn Cường', '040190000009', t.b1, '0912345699');
    const ended = await admin.request('POST', `/api/v1/members/${gone}/end`, {
      kind: 'withdrawal',
      onDate: '2024-06-01',
    });
    expect(ended.statusCode).toBe(200);
    const c = await memberClientFor(app, database, gone);
    const res = await start(c, { subject: 'Hỏi', body: 'Nội dung' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('feedback_no_membership');
    const stranger = await clientFor(app);
    expect((await stranger.get('/api/v1/app/feedback')).statusCode).toBe(401);
  });
});

describe('response times', () => {
  /** Inserts a thread with chosen times (Vietnam local, +07:00). */
  async function thread(personId: number, unitId: number, created: string, answered: string | null, status = 'open') {
    await run(
      database.db,
      sql`insert into member_feedback (person_id, unit_id, handling_unit_id, kind, subject, status, created_at, first_answered_at, last_message_at)
          values (${personId}, ${unitId}, ${unitId}, 'question', 'Câu hỏi', ${answered ? 'answered' : status},
            ${`${created}+07:00`}, ${answered ? `${answered}+07:00` : null}, ${`${created}+07:00`})`,
    );
  }

  beforeAll(async () => {
    const { lan, mai, thu } = people;
    // Monday 03/03/2025: answered after 2 h, 10 h and 100 h (late: due Thursday 09:00), one waiting.
    await thread(lan, t.a1, '2025-03-03T09:00:00', '2025-03-03T11:00:00');
    await thread(lan, t.a1, '2025-03-03T09:00:00', '2025-03-03T19:00:00');
    await thread(lan, t.a1, '2025-03-03T09:00:00', '2025-03-07T13:00:00');
    await thread(lan, t.a1, '2025-03-04T08:00:00', null);
    // Saturday 08/03: the clock starts on Monday, so Wednesday 20:00 (106 h later) is in time; one closed unanswered.
    await thread(mai, t.a2, '2025-03-08T10:00:00', '2025-03-12T20:00:00');
    await thread(mai, t.a2, '2025-03-10T10:00:00', null, 'closed');
    await thread(thu, t.b1, '2025-03-05T10:00:00', '2025-03-05T12:00:00');
    // Outside the period (the last day counts whole, the next does not).
    await thread(lan, t.a1, '2025-04-01T00:30:00', '2025-04-01T01:00:00');
  });

  it('gives received, answered, open, median, 90th percentile and the share within 3 working days', async () => {
    const res = await officerA.get(
      `/api/v1/feedback/response-times?unitId=${t.districtA}&from=2025-03-01&to=31/03/2025`,
    );
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    expect(r.total).toEqual({
      unitId: t.districtA,
      unitName: 'Liên đoàn Lao động huyện Anh Sơn',
      received: 6,
      answered: 4,
      open: 1,
      medianHours: 55,
      p90Hours: 104.2,
      withinThreeDays: 0.5,
    });
    expect(r.items).toEqual([
      {
        unitId: t.a2,
        unitName: 'Công đoàn Công ty TNHH May Nghệ An',
        received: 2,
        answered: 1,
        open: 0,
        medianHours: 106,
        p90Hours: 106,
        withinThreeDays: 0.5,
      },
      {
        unitId: t.a1,
        unitName: 'Công đoàn Trường THCS Đức Thọ',
        received: 4,
        answered: 3,
        open: 1,
        medianHours: 10,
        p90Hours: 82,
        withinThreeDays: 0.5,
      },
    ]);
  });

  it('rolls up per child of the province, with empty rows for quiet units, and keeps other districts out', async () => {
    const r = (
      await province.get(`/api/v1/feedback/response-times?unitId=${t.province}&from=2025-03-01&to=2025-03-31`)
    ).json();
    expect(r.total).toMatchObject({ received: 7, answered: 5 });
    const byId = Object.fromEntries(r.items.map((x: { unitId: number }) => [x.unitId, x]));
    expect(byId[t.districtB]).toMatchObject({ received: 1, answered: 1, medianHours: 2, withinThreeDays: 1 });
    expect(byId[t.sector]).toEqual({
      unitId: t.sector,
      unitName: 'Công đoàn Giáo dục tỉnh',
      received: 0,
      answered: 0,
      open: 0,
      medianHours: null,
      p90Hours: null,
      withinThreeDays: null,
    });
    expect((await officerB.get(`/api/v1/feedback/response-times?unitId=${t.districtA}`)).statusCode).toBe(404);
  });
});
