import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { pdfText } from '../../../test/pdf.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { excel } from '../../lib/exceljs.ts';
import type { Figures } from './schema.ts';

let database: Database;
let app: App;
let t: Awaited<ReturnType<typeof buildSmallTree>>;
let admin: Client;
let officerA: Client;
let officerB: Client;
let a3: number;

const H1 = { kind: 'six_month', year: 2023, half: 1 };

async function admit(fullName: string, unitId: number, onDate: string, gender: 'male' | 'female' = 'male') {
  const res = await admin.request('POST', '/api/v1/members', { person: { fullName, gender }, unitId, onDate });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().personId as number;
}
async function act(personId: number, path: string, body: object) {
  const res = await admin.request('POST', `/api/v1/members/${personId}/${path}`, body);
  expect(res.statusCode, res.body).toBe(200);
}
async function create(c: Client, body: object) {
  return c.request('POST', '/api/v1/reports', body);
}
const reconciles = (f: Figures) =>
  expect(f.members.start.total + f.inflow.total - f.outflow.total).toBe(f.members.end.total);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'admin', 'system_admin', null);
  await addUser(database, 'officer-a', 'upper_union_officer', t.districtA);
  await addUser(database, 'officer-b', 'upper_union_officer', t.districtB);
  app = await buildTestApp(database);
  admin = await clientFor(app, 'admin');
  officerA = await clientFor(app, 'officer-a');
  officerB = await clientFor(app, 'officer-b');

  // Before the period: four members in A1, two in A2, two in B1.
  const p1 = await admit('Nguyễn Thị Một', t.a1, '2022-03-01', 'female');
  const p2 = await admit('Trần Thị Hai', t.a1, '2022-03-01', 'female');
  const p3 = await admit('Lê Văn Ba', t.a1, '2022-03-01');
  await admit('Phạm Văn Bốn', t.a1, '2022-03-01');
  const p5 = await admit('Hoàng Văn Năm', t.a2, '2022-03-01');
  await admit('Đặng Văn Sáu', t.a2, '2022-03-01');
  const q1 = await admit('Võ Văn Bảy', t.b1, '2022-03-01');
  await admit('Bùi Văn Tám', t.b1, '2022-03-01');
  // In the first half of 2023: three admissions in A1, a new CĐCS A3 with two members that is
  // dissolved with them still on its roll, transfers within, out of and into district A, a
  // withdrawal and a death.
  await admit('Ngô Thị Chín', t.a1, '2023-02-01', 'female');
  await admit('Dương Văn Mười', t.a1, '2023-02-01');
  await admit('Lý Văn Mười Một', t.a1, '2023-02-01');
  const unit = await admin.request('POST', '/api/v1/units', {
    code: 'A3',
    name: 'Công đoàn Công ty CP Gạch Anh Sơn',
    type: 'grassroots_union',
    parentId: t.districtA,
    foundedOn: '2023-01-10',
  });
  expect(unit.statusCode, unit.body).toBe(201);
  a3 = unit.json().id;
  await admit('Mai Văn Gạch', a3, '2023-01-15');
  await admit('Mai Thị Ngói', a3, '2023-01-15', 'female');
  await act(p1, 'transfer', { toUnitId: t.a2, onDate: '2023-03-01' });
  await act(p2, 'transfer', { toUnitId: t.b1, onDate: '2023-03-15' });
  await act(q1, 'transfer', { toUnitId: t.a2, onDate: '2023-04-01' });
  await act(p3, 'end', { kind: 'withdrawal', onDate: '2023-04-10' });
  await act(p5, 'end', { kind: 'death', onDate: '2023-05-05' });
  const dissolve = await admin.request('POST', `/api/v1/units/${a3}/dissolve`, { effectiveOn: '2023-06-01' });
  expect(dissolve.statusCode, dissolve.body).toBe(200);
  // After the period: not in it.
  await admit('Cao Văn Sau', t.a1, '2023-07-01');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the figures of a report', () => {
  let draftId: number;

  it('reconcile for a district: start + in - out = end, each transfer counted once', async () => {
    const res = await create(officerA, { unitId: t.districtA, ...H1 });
    expect(res.statusCode, res.body).toBe(201);
    draftId = res.json().id;
    const r = res.json();
    expect(r).toMatchObject({ status: 'draft', version: 1, periodFrom: '2023-01-01', periodTo: '2023-06-30' });
    const f: Figures = r.figures;
    expect(f.startDay).toBe('2022-12-31');
    expect(f.members.start).toEqual({ total: 6, women: 2 });
    expect(f.inflow).toEqual({ newMembers: 5, transfersIn: 1, unitsJoined: 0, imported: 0, total: 6 });
    expect(f.outflow).toMatchObject({ withdrawal: 1, death: 1, expulsion: 0, transfersOut: 1, unitsEnded: 2 });
    expect(f.outflow.total).toBe(5);
    // A1: Bốn + the three admitted; A2: Sáu, Một (moved within), Bảy (moved in).
    expect(f.members.end).toEqual({ total: 7, women: 2 });
    reconciles(f);
    expect(f.grassroots).toEqual({ start: 2, end: 2, founded: 1, dissolved: 1 });
    const row = (id: number) => f.children.find((c) => c.unit?.id === id);
    expect(row(t.a1)).toMatchObject({ members: 4, newMembers: 3, newGrassroots: 0 });
    expect(row(t.a2)).toMatchObject({ members: 3, newMembers: 0 });
    // A3 no longer stands on the last day: its admissions and founding are kept in the "other" row.
    expect(f.children.find((c) => c.unit === null)).toMatchObject({ members: 0, newMembers: 2, newGrassroots: 1 });
    expect(f.upper?.id).toBe(t.province);
    expect(f.place).toBe('Thử Nghiệm');
  });

  it('for the province, transfers between its districts are neither in nor out', async () => {
    const res = await create(admin, { unitId: t.province, ...H1 });
    const f: Figures = res.json().figures;
    expect(f.members.start.total).toBe(8);
    expect(f.inflow).toMatchObject({ newMembers: 5, transfersIn: 0, total: 5 });
    expect(f.outflow).toMatchObject({ transfersOut: 0, withdrawal: 1, death: 1, unitsEnded: 2, total: 4 });
    expect(f.members.end.total).toBe(9);
    reconciles(f);
  });

  it('answer as of their own dates: a year before, and the half after', async () => {
    const y2022 = (await create(officerA, { unitId: t.districtA, kind: 'annual', year: 2022 })).json().figures;
    expect(y2022.members.start.total).toBe(0);
    expect(y2022.inflow.newMembers).toBe(6);
    expect(y2022.members.end.total).toBe(6);
    reconciles(y2022);
    const h2 = (await create(officerA, { unitId: t.districtA, kind: 'six_month', year: 2023, half: 2 })).json()
      .figures as Figures;
    // A3 ended on 1 June with its members on the roll: they are not counted afterwards.
    expect(h2.members.start.total).toBe(7);
    expect(h2.inflow.newMembers).toBe(1);
    expect(h2.members.end.total).toBe(8);
    reconciles(h2);
    const term = await create(officerA, {
      unitId: t.districtA,
      kind: 'term',
      periodFrom: '2022-01-01',
      periodTo: '2023-06-30',
    });
    expect(term.json().figures.members.end.total).toBe(7);
    reconciles(term.json().figures);
    expect(term.json().periodLabel).toBe('nhiệm kỳ 2022 - 2023');
  });

  it('refuses a period it cannot read', async () => {
    const res = await create(officerA, { unitId: t.districtA, kind: 'six_month', year: 2024 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('half');
    const again = await create(officerA, { unitId: t.districtA, ...H1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('report_exists');
  });

  describe('submitting freezes a report', () => {
    it('keeps the submitted figures when the register changes later, and a correction shows the new ones', async () => {
      const edit = await officerA.request('PATCH', `/api/v1/reports/${draftId}`, {
        documentNo: '15',
        note: 'Công tác phát triển đoàn viên đạt kết quả khá.',
      });
      expect(edit.statusCode).toBe(200);
      const sent = await officerA.request('POST', `/api/v1/reports/${draftId}/submit`);
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ status: 'submitted', frozen: true, documentNo: '15' });
      expect(sent.json().submittedAt).toBeTruthy();

      await admit('Trịnh Văn Muộn', t.a1, '2023-03-03');
      const after = (await officerA.get(`/api/v1/reports/${draftId}`)).json();
      expect(after.figures.inflow.newMembers).toBe(5);
      expect(after.figures.members.end.total).toBe(7);

      const fix = await officerA.request('POST', `/api/v1/reports/${draftId}/correct`);
      expect(fix.statusCode, fix.body).toBe(201);
      expect(fix.json()).toMatchObject({ status: 'draft', version: 2, documentNo: '15', frozen: false });
      expect(fix.json().figures.inflow.newMembers).toBe(6);
      expect(fix.json().figures.members.end.total).toBe(8);
      expect(fix.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      // The first version still says what was sent.
      expect((await officerA.get(`/api/v1/reports/${draftId}`)).json().figures.members.end.total).toBe(7);
    });

    it('refuses to edit, submit or correct again what is frozen, in Vietnamese', async () => {
      const edit = await officerA.request('PATCH', `/api/v1/reports/${draftId}`, { note: 'sửa' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().code).toBe('report_submitted');
      expect(edit.json().title).toContain('đã nộp lên cấp trên');
      expect((await officerA.request('POST', `/api/v1/reports/${draftId}/submit`)).statusCode).toBe(409);
      const twice = await officerA.request('POST', `/api/v1/reports/${draftId}/correct`);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('report_draft_exists');
    });

    it('shows the upper unit which sub-units have submitted and which are missing', async () => {
      const res = await admin.get(
        `/api/v1/reports/submissions?unitId=${t.province}&kind=six_month&periodFrom=2023-01-01&periodTo=2023-06-30`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { unit: { id: number }; submitted: { version: number } | null }[];
      expect(items.map((i) => i.unit.id).sort()).toEqual([t.districtA, t.districtB, t.sector].sort());
      expect(items.find((i) => i.unit.id === t.districtA)?.submitted?.version).toBe(1);
      expect(items.find((i) => i.unit.id === t.districtB)?.submitted).toBeNull();
      expect(res.json().missing).toBe(2);
      // The province sees the district's report; its list holds both versions.
      const list = (await admin.get(`/api/v1/reports?unitId=${t.districtA}&kind=six_month&year=2023`)).json();
      expect(list.items.filter((r: { periodFrom: string }) => r.periodFrom === '2023-01-01')).toHaveLength(2);
    });
  });

  describe('scope', () => {
    it('hides a district’s reports from another district, which cannot create or submit them', async () => {
      expect((await officerB.get(`/api/v1/reports/${draftId}`)).statusCode).toBe(404);
      expect((await officerB.get(`/api/v1/reports/${draftId}.pdf`)).statusCode).toBe(404);
      expect((await officerB.request('POST', `/api/v1/reports/${draftId}/correct`)).statusCode).toBe(404);
      expect((await create(officerB, { unitId: t.districtA, kind: 'annual', year: 2021 })).statusCode).toBe(404);
      expect((await officerB.get('/api/v1/reports')).json().items).toEqual([]);
      const mine = await create(officerB, { unitId: t.districtB, ...H1 });
      expect(mine.statusCode).toBe(201);
      expect((await officerA.request('POST', `/api/v1/reports/${mine.json().id}/submit`)).statusCode).toBe(404);
      const ids = (await officerA.get(`/api/v1/reports?year=2023`)).json().items.map((r: { id: number }) => r.id);
      expect(ids).not.toContain(mine.json().id);
    });
  });

  describe('when the tree changes in the period', () => {
    it('counts the members of a CĐCS moved from one district to another as out of one and into the other', async () => {
      // B1 (Tám, and Hai who came from A1) moves under district A on 1 March 2024.
      const moved = await admin.request('POST', '/api/v1/units/move', {
        unitIds: [t.b1],
        newParentId: t.districtA,
        effectiveOn: '2024-03-01',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const h1 = { kind: 'six_month', year: 2024, half: 1 };
      const a = (await create(officerA, { unitId: t.districtA, ...h1 })).json().figures as Figures;
      expect(a.inflow.unitsJoined).toBe(2);
      expect(a.grassroots.end - a.grassroots.start).toBe(1);
      reconciles(a);
      const b = (await create(admin, { unitId: t.districtB, ...h1 })).json().figures as Figures;
      expect(b.members.start.total).toBe(2);
      expect(b.outflow).toMatchObject({ unitsLeft: 2, total: 2 });
      expect(b.members.end.total).toBe(0);
      reconciles(b);
      // For the province it was a move inside its own tree: nothing came in or went out.
      const p = (await create(admin, { unitId: t.province, ...h1 })).json().figures as Figures;
      expect(p.inflow.total + p.outflow.total).toBe(0);
      expect(p.members.end.total).toBe(p.members.start.total);
    });
  });

  describe('exports', () => {
    it('writes the figures as numbers in .xlsx under the official header', async () => {
      const res = await officerA.get(`/api/v1/reports/${draftId}.xlsx`);
      expect(res.statusCode).toBe(200);
      const wb = new (excel().Workbook)();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Báo cáo');
      if (!ws) throw new Error('no sheet');
      const rows: unknown[][] = [];
      ws.eachRow((r) => {
        rows.push((r.values as unknown[]).slice(1));
      });
      const find = (label: string) => rows.find((r) => String(r[1] ?? r[0]).startsWith(label));
      expect(rows[0]).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM');
      expect(rows[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(rows[1]).toContain('LIÊN ĐOÀN LAO ĐỘNG HUYỆN ANH SƠN');
      expect(rows[2]).toContain('Số: 15/BC-LĐLĐ');
      expect(find('1. Số đoàn viên đầu kỳ')?.slice(2, 4)).toEqual([6, 2]);
      expect(find('- Kết nạp mới')?.[2]).toBe(5);
      expect(find('- Chuyển sinh hoạt đến đơn vị khác')?.[2]).toBe(1);
      expect(find('4. Số đoàn viên cuối kỳ')?.slice(2, 4)).toEqual([7, 2]);
      expect(find('2. CĐCS thành lập mới')?.[2]).toBe(1);
      const a1 = rows.find((r) => r[1] === 'Công đoàn Trường THCS Đức Thọ');
      expect(a1?.slice(2, 5)).toEqual([4, 3, 0]);
    });

    it('prints the PDF with the header lines, the title by period and the numbers', async () => {
      const res = await officerA.get(`/api/v1/reports/${draftId}.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      const text = await pdfText(res.rawPayload);
      for (const line of [
        'LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM',
        'LIÊN ĐOÀN LAO ĐỘNG HUYỆN ANH SƠN',
        'Số: 15/BC-LĐLĐ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BÁO CÁO',
        'Kết quả phát triển đoàn viên, thành lập công đoàn cơ sở 6 tháng đầu năm 2023',
        'Công tác phát triển đoàn viên đạt kết quả khá.',
        'TM. BAN THƯỜNG VỤ',
        'CHỦ TỊCH',
      ])
        expect(text).toContain(line);
      const submittedOn = (await officerA.get(`/api/v1/reports/${draftId}`)).json().submittedAt as string;
      const vnDay = new Date(Date.parse(submittedOn) + 7 * 3600_000).toISOString().slice(0, 10).split('-');
      expect(text).toContain(`Thử Nghiệm, ngày ${vnDay[2]} tháng ${vnDay[1]} năm ${vnDay[0]}`);
      expect(text).not.toContain('DỰ THẢO');
      expect(text).toMatch(/Số đoàn viên cuối kỳ \(đến ngày 30\/06\/2023\)\s+7\s+2/);
      const draft = (await officerA.get('/api/v1/reports?kind=six_month&year=2023'))
        .json()
        .items.find(
          (r: { status: string; unit: { id: number }; periodFrom: string }) =>
            r.status === 'draft' && r.unit.id === t.districtA && r.periodFrom === '2023-01-01',
        );
      const draftText = await pdfText((await officerA.get(`/api/v1/reports/${draft.id}.pdf`)).rawPayload);
      expect(draftText).toContain('DỰ THẢO');
      expect(draftText).toMatch(/Số đoàn viên cuối kỳ \(đến ngày 30\/06\/2023\)\s+8\s+2/);
    });
  });
});
