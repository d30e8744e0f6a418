import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { pdfText } from '../../../test/pdf.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { run } from '../../lib/tx.ts';

let database: Database;
let app: App;
let officer: Client;
let viewer: Client;
let personId: number;
let t: Awaited<ReturnType<typeof buildSmallTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildSmallTree(database);
  await addUser(database, 'officer', 'upper_union_officer', t.districtA);
  await addUser(database, 'viewer', 'collaborator', t.districtA);
  app = await buildTestApp(database);
  officer = await clientFor(app, 'officer');
  viewer = await clientFor(app, 'viewer');
  const res = await officer.request('POST', '/api/v1/members', {
    person: {
      fullName: 'Nguyễn Văn Đức',
      birthDate: '1990-05-12',
      gender: 'male',
      citizenId: '040090123456',
      phone: '0912345678',
      address: 'Xóm 3, xã Nghi Phú',
    },
    unitId: t.a1,
    onDate: '2022-03-01',
  });
  personId = res.json().personId;
  await officer.request('POST', `/api/v1/members/${personId}/cards`, {});
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a person’s own data, on a lawful request', () => {
  it('exports everything held about them, including who looked at it', async () => {
    await officer.get(`/api/v1/members/${personId}`);
    const res = await officer.get(`/api/v1/members/${personId}/personal-data`);
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.person).toMatchObject({
      fullName: 'Nguyễn Văn Đức',
      citizenId: '040090123456',
      address: 'Xóm 3, xã Nghi Phú',
    });
    expect(data.memberships).toHaveLength(1);
    expect(data.cards).toHaveLength(1);
    expect(
      data.accessLog.some((a: { userName: string; kind: string }) => a.userName === 'officer' && a.kind === 'view'),
    ).toBe(true);
  });

  it('exports the same as a readable Vietnamese PDF, and logs that export', async () => {
    const res = await officer.get(`/api/v1/members/${personId}/personal-data.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).normalize('NFC');
    for (const expected of [
      'PHIẾU CUNG CẤP DỮ LIỆU CÁ NHÂN',
      'Nguyễn Văn Đức',
      '040090123456',
      'Xóm 3, xã Nghi Phú',
      'Công đoàn Trường THCS Đức Thọ',
      '01/03/2022',
      'Kết nạp',
    ])
      expect(text).toContain(expected);
    const log = (await officer.get(`/api/v1/members/${personId}/personal-data`)).json().accessLog;
    expect(log.filter((a: { kind: string }) => a.kind === 'data_export').length).toBeGreaterThanOrEqual(2);
  });

  it('a collaborator can neither export nor erase', async () => {
    expect((await viewer.get(`/api/v1/members/${personId}/personal-data.pdf`)).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/members/${personId}/personal-data`)).statusCode).toBe(403);
    expect(
      (await viewer.request('POST', `/api/v1/members/${personId}/erase`, { reason: 'Yêu cầu của người lao động' }))
        .statusCode,
    ).toBe(403);
  });

  it('erases: name and identifiers gone, audit values redacted, the count for past days unchanged', async () => {
    const countBefore = (await officer.get(`/api/v1/units/${t.a1}/member-count?asOf=2023-01-01`)).json();
    const res = await officer.request('POST', `/api/v1/members/${personId}/erase`, {
      reason: 'Đơn yêu cầu xóa dữ liệu số 12/2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({
      fullName: `Đã xóa #${personId}`,
      gender: 'male',
      birthDate: '1990-01-01',
    });
    expect(res.json().person.citizenId).toBeUndefined();
    expect(res.json().erasedAt).toEqual(expect.any(String));
    const cards = (await officer.get(`/api/v1/members/${personId}/cards`)).json();
    expect(cards.every((c: { status: string; endedOn: string | null }) => c.status !== 'active' && c.endedOn)).toBe(
      true,
    );
    expect((await officer.get('/api/v1/members?q=nguyen van duc')).json().items).toEqual([]);
    expect((await officer.get(`/api/v1/units/${t.a1}/member-count?asOf=2023-01-01`)).json()).toEqual(countBefore);
    const leaks = await run<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where before::text like '%040090123456%' or after::text like '%040090123456%'
            or after::text like '%Nguyễn Văn Đức%'`,
    );
    expect(leaks.rows[0]?.n).toBe(0);
    // The exception is narrow: outside an erasure the audit log still refuses changes.
    await expect(database.db.execute(sql`update audit_log set after = null`)).rejects.toThrow();
  });
});
