import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type Client, clientFor } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildSmallTree } from '../../../test/tree.ts';
import type { App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { fullScope } from '../../lib/scope.ts';
import { cardSheet } from './sheet.ts';

let database: Database;
let app: App;
let officer: Client;
let personId: number;
let unitId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const t = await buildSmallTree(database);
  await addUser(database, 'officer', 'upper_union_officer', t.districtA);
  app = await buildTestApp(database);
  officer = await clientFor(app, 'officer');
  const res = await officer.request('POST', '/api/v1/members', {
    person: { fullName: 'Nguyễn Văn Đức', birthDate: '1990-05-12', gender: 'male', citizenId: '040090123456' },
    unitId: t.a1,
    onDate: '2022-03-01',
  });
  personId = res.json().personId;
  unitId = t.a1;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

// The QR holds /verify/<token>; the web page behind it asks the API at /api/v1/cards/verify/<token>.
const verify = async (path: string) => (await app.inject({ method: 'GET', url: `/api/v1/cards${path}` })).json();

describe('member cards', () => {
  it('issues a card numbered by unit code and sequence, once', async () => {
    const res = await officer.request('POST', `/api/v1/members/${personId}/cards`, { issuedOn: '2022-03-15' });
    expect(res.statusCode).toBe(201);
    expect(res.json()[0]).toMatchObject({ cardNo: 'A1-000001', status: 'active', issuedOn: '2022-03-15' });
    const again = await officer.request('POST', `/api/v1/members/${personId}/cards`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('card_exists');
  });

  it('an e-card carries a QR code that a stranger can verify without learning who the member is', async () => {
    const card = (await officer.get(`/api/v1/members/${personId}/e-card`)).json();
    expect(card.qrSvg).toContain('<svg');
    const result = await verify(card.verifyPath);
    expect(result).toEqual({
      status: 'valid',
      cardNo: 'A1-000001',
      holderInitials: 'N.V.Đ.',
      unitName: 'Công đoàn Trường THCS Đức Thọ',
      issuedOn: '2022-03-15',
    });
    expect(JSON.stringify(result)).not.toContain('040090123456');
    expect((await verify('/verify/not-a-real-token')).status).toBe('unknown');
  });

  it('reissuing a lost card makes the old QR answer "replaced"', async () => {
    const before = (await officer.get(`/api/v1/members/${personId}/e-card`)).json();
    const res = await officer.request('POST', `/api/v1/members/${personId}/cards/reissue`, { reason: 'lost' });
    expect(res.json().map((c: { cardNo: string; status: string }) => [c.cardNo, c.status])).toEqual([
      ['A1-000002', 'active'],
      ['A1-000001', 'replaced'],
    ]);
    expect((await verify(before.verifyPath)).status).toBe('replaced');
    const after = (await officer.get(`/api/v1/members/${personId}/e-card`)).json();
    expect((await verify(after.verifyPath)).status).toBe('valid');
  });

  it('prints a sheet of the valid cards of a CĐCS as a PDF', async () => {
    const res = await officer.get(`/api/v1/units/${unitId}/card-sheet.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { count } = await cardSheet(database.db, { scope: fullScope, roles: [] }, unitId, 'http://x');
    expect(count).toBe(1); // the replaced card is not printed
  });

  it('ending the membership revokes the card in the same step', async () => {
    const card = (await officer.get(`/api/v1/members/${personId}/e-card`)).json();
    // Recorded late: the withdrawal predates today's reissued card.
    await officer.request('POST', `/api/v1/members/${personId}/end`, { kind: 'withdrawal', onDate: '2024-01-01' });
    expect((await verify(card.verifyPath)).status).toBe('revoked');
    const cards = (await officer.get(`/api/v1/members/${personId}/cards`)).json();
    expect(cards[0].endedOn >= cards[0].issuedOn).toBe(true);
  });
});
