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
let viewerA: Client;
const members: Record<'a1' | 'a1bis' | 'a2' | 'b1', Client> = {} as never;

async function admit(officer: Client, unitId: number, fullName: string, citizenId: string) {
  const res = await officer.request('POST', '/api/v1/members', {
    person: { fullName, birthDate: '1991-02-03', gender: 'male', citizenId },
    unitId,
    onDate: '2021-01-15',
  });
  expect(res.statusCode).toBe(201);
  return memberClientFor(app, database, res.json().personId);
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  await addUser(database, 'viewer-a', 'collaborator', t.districtA);
  app = await buildTestApp(database);
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');
  viewerA = await clientFor(app, 'viewer-a');
  members.a1 = await admit(officerA, t.a1, 'Nguyễn Văn An', '040091000001');
  members.a1bis = await admit(officerA, t.a1, 'Nguyễn Văn Bình', '040091000002');
  members.a2 = await admit(officerA, t.a2, 'Trần Văn Cường', '040091000003');
  members.b1 = await admit(officerB, t.b1, 'Lê Văn Dũng', '040091000004');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const questions = [
  {
    id: 'need',
    text: 'Bạn cần tư vấn về lĩnh vực nào nhất?',
    kind: 'single',
    options: ['Hợp đồng', 'Tiền lương', 'BHXH'],
    required: true,
  },
  {
    id: 'how',
    text: 'Hình thức tư vấn phù hợp?',
    kind: 'multiple',
    options: ['Trực tiếp', 'Điện thoại', 'Zalo'],
    required: true,
  },
  { id: 'note', text: 'Góp ý thêm', kind: 'text', required: false },
];
const create = (officer: Client, body: Record<string, unknown>) =>
  officer.request('POST', '/api/v1/surveys', { unitId: t.districtA, title: 'Khảo sát nhu cầu', questions, ...body });
const respond = (member: Client, id: number, answers: unknown) =>
  member.request('POST', `/api/v1/app/surveys/${id}/responses`, { answers });

describe('surveys: questions, answers once per member, results without names', () => {
  let id: number;

  it('checks the questions: kinds, options, unique ids, how many', async () => {
    const bad = async (qs: unknown) => {
      const res = await create(officerA, { questions: qs });
      expect(res.statusCode).toBe(400);
      return (res.json().errors as { field: string }[]).map((e) => e.field);
    };
    expect(await bad([{ id: 'a', text: 'Một?', kind: 'single', options: ['Có'], required: true }])).toEqual([
      'body.questions.0.options',
    ]);
    expect(await bad([{ id: 'a', text: 'Viết', kind: 'text', options: ['x', 'y'], required: true }])).toEqual([
      'body.questions.0.options',
    ]);
    expect(
      await bad([
        { id: 'a', text: 'Một', kind: 'text', required: true },
        { id: 'a', text: 'Hai', kind: 'text', required: true },
      ]),
    ).toEqual(['body.questions.1.id']);
    expect(await bad([{ id: 'a', text: 'Một', kind: 'single', options: ['x', ''], required: true }])).toEqual([
      'body.questions.0.options.1',
    ]);
    expect(await bad([])).toEqual(['body.questions']);
    const many = Array.from({ length: 31 }, (_, i) => ({
      id: `q${i}`,
      text: `Câu ${i}`,
      kind: 'text',
      required: false,
    }));
    expect(await bad(many)).toEqual(['body.questions']);
  });

  it('is run by an officer who may write the unit, for an audience in its subtree', async () => {
    expect((await create(officerB, {})).statusCode).toBe(404);
    expect((await create(viewerA, {})).statusCode).toBe(403);
    const outside = await create(officerA, { audienceUnitIds: [t.b1] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('audienceUnitIds');
    const res = await create(officerA, {});
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'open',
      responseCount: 0,
      audienceCount: 3,
      questionCount: 3,
      canClose: true,
    });
    id = res.json().id;
  });

  it('shows the open survey to members in the audience only', async () => {
    const list = (await members.a1.get('/api/v1/app/surveys')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ id, answered: false, questionCount: 3, unitName: 'Liên đoàn Lao động huyện Anh Sơn' }),
    ]);
    expect((await members.b1.get('/api/v1/app/surveys')).json().items).toEqual([]);
    expect((await members.b1.get(`/api/v1/app/surveys/${id}`)).statusCode).toBe(404);
    expect((await respond(members.b1, id, { need: 'BHXH', how: ['Zalo'] })).statusCode).toBe(404);
    const one = (await members.a2.get(`/api/v1/app/surveys/${id}`)).json();
    expect(one).toMatchObject({ open: true, answered: false, answers: null });
    expect(one.questions[2]).toEqual({ id: 'note', text: 'Góp ý thêm', kind: 'text', options: [], required: false });
  });

  it('checks the answers against the questions, naming each question', async () => {
    const res = await respond(members.a1, id, { need: 'Nhà ở', how: [], extra: 'x' });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['answers.extra', 'answers.how', 'answers.need']);
    expect(errors.find((e) => e.field === 'answers.need')?.message).toContain('Bạn cần tư vấn về lĩnh vực nào nhất?');
    expect(errors.find((e) => e.field === 'answers.need')?.message).toContain('Nhà ở');
    const wrongShape = await respond(members.a1, id, { need: ['Hợp đồng'], how: ['Zalo', 'Zalo'] });
    expect((wrongShape.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'answers.how',
      'answers.need',
    ]);
    expect((await members.a1.get('/api/v1/app/surveys')).json().items[0].answered).toBe(false);
  });

  it('takes one response per member', async () => {
    const res = await respond(members.a1, id, {
      need: 'Tiền lương',
      how: ['Zalo', 'Trực tiếp'],
      note: '  Cần tư vấn về làm thêm giờ ',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      answered: true,
      answers: { need: 'Tiền lương', how: ['Trực tiếp', 'Zalo'], note: 'Cần tư vấn về làm thêm giờ' },
    });
    const again = await respond(members.a1, id, { need: 'BHXH', how: ['Zalo'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('survey_answered');
    expect((await members.a1.get('/api/v1/app/surveys')).json().items[0].answered).toBe(true);
    expect(
      (await respond(members.a2, id, { need: 'Tiền lương', how: ['Zalo'], note: 'Ánh sáng xưởng yếu' })).statusCode,
    ).toBe(201);
    expect((await respond(members.a1bis, id, { need: 'BHXH', how: ['Điện thoại', 'Zalo'] })).statusCode).toBe(201);
  });

  it('adds up the results, without saying who answered', async () => {
    expect((await officerB.get(`/api/v1/surveys/${id}/results`)).statusCode).toBe(404);
    const res = await viewerA.get(`/api/v1/surveys/${id}/results`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ responseCount: 3, audienceCount: 3, responseShare: 1, canClose: false });
    expect(r.questions[0]).toMatchObject({
      answeredCount: 3,
      options: [
        { option: 'Hợp đồng', count: 0, share: 0 },
        { option: 'Tiền lương', count: 2, share: 2 / 3 },
        { option: 'BHXH', count: 1, share: 1 / 3 },
      ],
      textAnswers: [],
    });
    expect(r.questions[1].options.map((o: { count: number }) => o.count)).toEqual([1, 1, 3]);
    expect(r.questions[2]).toMatchObject({
      answeredCount: 2,
      options: [],
      textAnswers: ['Ánh sáng xưởng yếu', 'Cần tư vấn về làm thêm giờ'],
    });
    expect(JSON.stringify(r)).not.toMatch(/Nguyễn|Trần|personId/);
    const listed = (await officerA.get(`/api/v1/surveys?unitId=${t.districtA}`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, responseCount: 3, audienceCount: 3, status: 'open' })]);
    expect((await officerB.get('/api/v1/surveys')).json().items).toEqual([]);
  });

  it('refuses answers once closed, and leaves it out of the members’ list', async () => {
    const late = await create(officerA, { title: 'Bình chọn', audienceUnitIds: [t.a1] });
    const lateId = late.json().id;
    expect(late.json().audienceCount).toBe(2);
    expect((await members.a2.get('/api/v1/app/surveys')).json().items.map((s: { id: number }) => s.id)).toEqual([id]);
    expect((await officerB.request('POST', `/api/v1/surveys/${lateId}/close`)).statusCode).toBe(404);
    expect((await viewerA.request('POST', `/api/v1/surveys/${lateId}/close`)).statusCode).toBe(403);
    const closed = await officerA.request('POST', `/api/v1/surveys/${lateId}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', canClose: false });
    expect((await officerA.request('POST', `/api/v1/surveys/${lateId}/close`)).statusCode).toBe(409);
    const refused = await respond(members.a1, lateId, { need: 'BHXH', how: ['Zalo'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('survey_closed');
    expect((await members.a1.get('/api/v1/app/surveys')).json().items.map((s: { id: number }) => s.id)).toEqual([id]);
    // Still readable by id, marked closed.
    expect((await members.a1.get(`/api/v1/app/surveys/${lateId}`)).json()).toMatchObject({
      open: false,
      answered: false,
    });
  });

  it('holds a scheduled survey back until it opens, and checks the closing time', async () => {
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await create(officerA, { title: 'Sắp mở', opensAt: later });
    expect(scheduled.json().status).toBe('scheduled');
    expect((await members.a1.get(`/api/v1/app/surveys/${scheduled.json().id}`)).statusCode).toBe(404);
    const past = await create(officerA, { closesAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('closesAt');
  });
});
