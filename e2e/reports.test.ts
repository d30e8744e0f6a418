import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excel } from '../src/lib/exceljs.ts';
import { pdfText } from '../test/pdf.ts';
import { launchBrowser, login, newPage, SERVER_START_TIMEOUT, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Unit = { id: number; name: string; parentId: number | null; foundedOn: string; dissolvedOn: string | null };

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
const count = (text: string | null) => Number((text ?? '').replace(/\./g, '').trim());

async function getJson<T>(page: Page, path: string, params?: Record<string, string | number>): Promise<T> {
  const res = await page.request.get(`/api/v1${path}`, { params });
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** A CĐCS of today's tree that already stood at the start of the period, with a name of its own. */
async function grassrootsUnion(page: Page, before: string): Promise<Unit> {
  const found = await getJson<{ items: Unit[] }>(page, '/units', {
    q: 'cong doan',
    type: 'grassroots_union',
    limit: 50,
  });
  const unit = found.items.find(
    (u) => !u.dissolvedOn && u.foundedOn < before && found.items.filter((o) => o.name === u.name).length === 1,
  );
  if (!unit) throw new Error('no grassroots union in the demo data');
  return unit;
}

async function admit(page: Page, unitId: number, onDate: string) {
  const token = (await getJson<{ token: string }>(page, '/auth/csrf')).token;
  const res = await page.request.post('/api/v1/members', {
    headers: { 'x-csrf-token': token },
    data: { person: { fullName: 'Nguyễn Thị Báo Cáo', gender: 'female', birthDate: '1996-04-12' }, unitId, onDate },
  });
  expect(res.status()).toBe(201);
}

const figure = (page: Page, key: string) => page.getByTestId(`figure-${key}-value`).textContent();

describe('periodic reports', () => {
  it('submits a 6-month report, keeps it frozen after a later admission, and exports the same numbers', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4)) - 1;
    const unit = await grassrootsUnion(page, `${year}-01-01`);

    // 1. The officer picks the unit and the first half of last year, and opens a draft.
    await page.getByTestId('nav-reports').click();
    await page.waitForURL((u) => u.pathname === '/reports');
    const picker = page.getByTestId('report-unit');
    // The page opens on the officer's own unit; they pick another.
    await expect.poll(() => picker.inputValue(), { timeout: 20_000 }).toBe('Liên đoàn Lao động tỉnh Nghệ An');
    await picker.fill(plain(unit.name));
    await page
      .getByRole('option')
      .filter({ has: page.getByText(unit.name, { exact: true }) })
      .first()
      .click();
    await page.getByTestId('report-year').fill(String(year));
    await page.getByTestId('report-half').click();
    await page.getByRole('option', { name: '6 tháng đầu năm' }).click();
    await page.getByTestId('report-create').click();
    await page.waitForURL((u) => /^\/reports\/\d+$/.test(u.pathname));
    const reportPath = new URL(page.url()).pathname;
    await expect(page.getByTestId('report-status').textContent()).resolves.toBe('Dự thảo');
    await expect(page.getByTestId('report-title').textContent()).resolves.toBe(unit.name);
    const newMembers = count(await figure(page, 'newMembers'));
    const end = count(await figure(page, 'end'));
    const start = count(await figure(page, 'start'));
    expect(start + count(await figure(page, 'in')) - count(await figure(page, 'out'))).toBe(end);

    // 2. Submitted, with the confirmation: frozen.
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-submit-modal-submit').click();
    await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 20_000 }).toBe('Đã nộp');
    await page.getByTestId('report-frozen').waitFor();

    // 3. A member admitted later with an admission day inside the period: the submitted report stays.
    await admit(page, unit.id, `${year}-03-15`);
    await page.reload();
    await page.getByTestId('report-frozen').waitFor();
    expect(count(await figure(page, 'newMembers'))).toBe(newMembers);
    expect(count(await figure(page, 'end'))).toBe(end);

    // 4. The correction (version 2) shows the new count.
    await page.getByTestId('report-correct').click();
    await page.waitForURL((u) => /^\/reports\/\d+$/.test(u.pathname) && u.pathname !== reportPath);
    await expect.poll(() => page.getByTestId('report-version').textContent(), { timeout: 20_000 }).toBe('Phiên bản 2');
    await page.getByTestId('report-done').waitFor();
    await expect.poll(async () => count(await figure(page, 'newMembers')), { timeout: 20_000 }).toBe(newMembers + 1);
    expect(count(await figure(page, 'end'))).toBe(end + 1);

    // 5. Back to the submitted version: its .xlsx and PDF carry the frozen numbers.
    await page.getByTestId('report-version-link').first().click();
    await page.waitForURL((u) => u.pathname === reportPath);
    await page.getByTestId('report-frozen').waitFor();
    const xlsx = await page.request.get((await page.getByTestId('report-xlsx').getAttribute('href')) as string);
    expect(xlsx.status()).toBe(200);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Báo cáo')?.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    const row = (label: string) => rows.find((r) => String(r[1] ?? '').startsWith(label));
    expect(row('- Kết nạp mới')?.[2]).toBe(newMembers);
    expect(row('4. Số đoàn viên cuối kỳ')?.[2]).toBe(end);
    expect(rows[1]).toContain(unit.name.toLocaleUpperCase('vi'));

    const pdf = await page.request.get((await page.getByTestId('report-pdf').getAttribute('href')) as string);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = await pdfText(await pdf.body());
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(`Kết quả phát triển đoàn viên, thành lập công đoàn cơ sở 6 tháng đầu năm ${year}`);
    expect(text).toContain('Nghệ An, ngày');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toMatch(
      new RegExp(
        `Số đoàn viên cuối kỳ \\(đến ngày 30/06/${year}\\)\\s+${end.toLocaleString('vi-VN').replace('.', '\\.')}\\s`,
      ),
    );
    expect(text).toMatch(new RegExp(`Kết nạp mới \\(kể cả kết nạp lại\\)\\s+${newMembers}\\s`));

    // 6. The upper unit of the time (the tree as it stood on the period's last day) sees the CĐCS
    // among its sub-units that have submitted.
    const then = await getJson<Unit>(page, `/units/${unit.id}`, { asOf: `${year}-06-30` });
    expect(then.parentId).not.toBeNull();
    await page.goto(`/reports?unit=${then.parentId}&kind=six_month&year=${year}&half=1`);
    const sent = page.getByTestId('submission-row').filter({ hasText: unit.name });
    await expect.poll(() => sent.count(), { timeout: 20_000 }).toBe(1);
    await expect(sent.getAttribute('data-missing')).resolves.toBeNull();
    await expect(sent.textContent()).resolves.toContain('Đã nộp phiên bản 1');
    await page.context().close();
  });
});
