import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayVn } from '../src/lib/dates.ts';
import {
  exact,
  launchBrowser,
  login,
  newPage,
  repoRoot,
  SERVER_START_TIMEOUT,
  startServer,
  type TestServer,
} from './helpers.ts';

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

// The demo officer of this commune union (src/seed/users.ts): the level between the province and the CĐCS.
const COMMUNE = { code: '40X001', name: 'Công đoàn phường Trường Vinh' };

/** Waits for what the page shows to settle; a server under two test files' load may take seconds. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });
const row = (page: Page, code: string) => page.locator(`[data-testid="grid-row"][data-unit-code="${code}"]`);
const cell = (page: Page, code: string) => row(page, code).getByTestId('grid-cell');
const visibleCodes = (page: Page) =>
  page.getByTestId('grid-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.unitCode as string));

/** What Excel puts on the clipboard for a block of cells, pasted into one cell (a unit's row, or a given input). */
async function paste(page: Page, into: string | Locator, text: string) {
  const target = typeof into === 'string' ? cell(page, into) : into;
  await target.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Chooses a file with the upload button, as an officer would. */
async function upload(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('grid-upload').click()]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/** The sum of the sub-units' shares and how it stands against the unit's own share ('all' periods). */
async function sumAndDiff(page: Page) {
  const diff = page.getByTestId('grid-diff');
  return {
    sum: await page.getByTestId('grid-sum').textContent(),
    diff: await diff.textContent(),
    kind: await diff.getAttribute('data-kind'),
  };
}

/** A screenshot from the plan's tabs down (just under the app's header). */
async function shoot(page: Page, name: string) {
  await page
    .getByTestId('plan-tab-progress')
    .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
  await page.evaluate(() => document.fonts.ready);
  // UPDATE_SCREENSHOTS=1 refreshes the pictures in docs/; otherwise they go to .tmp/.
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.tmp/screenshots';
  const file = path.join(repoRoot, dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

describe('plans, target tables and progress', () => {
  it('splits a province target down two levels and shows an admission in the progress at once', async () => {
    const tag = String(randomInt(100, 999));
    const planName = `Kế hoạch phát triển đoàn viên thử ${tag}`;

    // 1. The province officer creates the plan in the form: 2.000 new members this year.
    const province = await newPage(browser, server.url);
    await login(province, 'tinh', 'congdoan-tinh');
    await province.getByTestId('nav-targets').click();
    await province.getByTestId('plan-new').click();
    await eventually(() => province.getByTestId('plan-owner').inputValue()).toBe('Liên đoàn Lao động tỉnh Nghệ An');
    await province.getByTestId('plan-name-input').fill(planName);
    await province.getByTestId('plan-document-no').fill(`${tag}/KH-LĐLĐ`);
    // An empty goal is caught before anything is sent.
    await province.getByTestId('plan-create-modal-submit').click();
    await province.getByText('Nhập mức chỉ tiêu.').waitFor();
    await province.getByTestId('plan-target-goal-0').fill('2000');
    await province.getByTestId('plan-create-modal-submit').click();
    await province.waitForURL((u) => /^\/plans\/\d+$/.test(u.pathname));
    await province.getByTestId('plan-created').waitFor();
    await expect(province.getByTestId('plan-title').textContent()).resolves.toBe(planName);
    await expect(province.getByTestId('plan-target-goal').textContent()).resolves.toBe('Kết nạp đoàn viên mới: 2.000');

    // 2. Its table: the province's own share on top, its ~1,000 sub-units below; filtered to the city wards.
    await province.getByTestId('plan-tab-allocation').click();
    await expect(province.getByTestId('grid-share').textContent()).resolves.toBe('2.000');
    await province.getByTestId('grid-filter').fill('40X00');
    await row(province, COMMUNE.code).waitFor();
    const wards = await visibleCodes(province);
    const at = wards.indexOf(COMMUNE.code);
    expect(wards.length).toBeGreaterThanOrEqual(6);

    // Typed with a Vietnamese thousands dot; Enter moves down to the next ward, where typing replaces.
    await cell(province, COMMUNE.code).fill('1.200');
    await cell(province, COMMUNE.code).press('Enter');
    const next = wards[at + 1] as string;
    await eventually(() =>
      province.evaluate(
        () => (document.activeElement?.closest('[data-unit-code]') as HTMLElement | null)?.dataset.unitCode,
      ),
    ).toBe(next);
    await province.keyboard.type('300');
    // A block from Excel (three rows, with the line break Excel ends with) fills three wards from the one pasted into.
    const start = at >= 3 ? 0 : at + 2;
    const block = wards.slice(start, start + 3);
    await paste(province, block[0] as string, '100\r\n150\r\n50\r\n');
    for (const [i, v] of ['100', '150', '50'].entries())
      await expect(cell(province, block[i] as string).inputValue()).resolves.toBe(v);
    // The sum follows what is typed: 1.800 against 2.000, short by 200 (red).
    await expect(sumAndDiff(province)).resolves.toEqual({ sum: '1.800', diff: 'Còn thiếu 200', kind: 'below' });

    // A decimal for a count: the server refuses all the cells, and says so on the one at fault.
    const spare = wards.find((c) => c !== COMMUNE.code && c !== next && !block.includes(c)) as string;
    await cell(province, spare).fill('12,5');
    await province.getByTestId('grid-save').click();
    await province.getByTestId('grid-problems').filter({ hasText: 'số nguyên' }).waitFor();
    await expect(cell(province, spare).getAttribute('aria-invalid')).resolves.toBe('true');
    await cell(province, spare).fill('');
    await province.getByTestId('grid-save').click();
    await expect(province.getByTestId('grid-saved').textContent()).resolves.toBe('Đã lưu 5 ô.');
    await expect(sumAndDiff(province)).resolves.toEqual({ sum: '1.800', diff: 'Còn thiếu 200', kind: 'below' });
    // Saved, not just shown: the table read again has the values.
    await province.reload();
    await province.getByTestId('grid-filter').fill('40X00');
    await eventually(() => cell(province, COMMUNE.code).inputValue()).toBe('1.200');
    await expect(cell(province, next).inputValue()).resolves.toBe('300');

    // The same table as .xlsx, and a filled-in file back: a wrong code refuses the file, named by row and column...
    const xlsx = await province.request.get(
      (await province.getByTestId('grid-download').getAttribute('href')) as string,
    );
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await upload(province, 'giao.csv', `Mã đơn vị;Tên đơn vị;Cả kỳ\n${spare};;200\nZZZ9;;5\n`);
    await province.getByTestId('grid-upload-problems').filter({ hasText: 'giao.csv, dòng 3, cột A' }).waitFor();
    // ...and the corrected file fills the last 200: the sum now matches the goal.
    await upload(province, 'giao.csv', `Mã đơn vị;Tên đơn vị;Cả kỳ\n${spare};;200\n`);
    await expect(province.getByTestId('grid-saved').textContent()).resolves.toBe('Đã nạp tệp: 1 ô thay đổi.');
    await expect(cell(province, spare).inputValue()).resolves.toBe('200');
    await expect(sumAndDiff(province)).resolves.toEqual({ sum: '2.000', diff: 'Khớp', kind: 'even' });

    // 3. The commune union's officer sees the plan of their upper union, on their own unit.
    const commune = await newPage(browser, server.url);
    await login(commune, 'truongvinh', 'congdoan-truongvinh');
    await commune.getByTestId('nav-targets').click();
    await commune
      .getByTestId('plan-name')
      .filter({ hasText: exact(planName) })
      .click();
    await commune
      .getByTestId('plan-unit-name')
      .filter({ hasText: exact(COMMUNE.name) })
      .waitFor();
    await expect(commune.getByTestId('plan-allocated').textContent()).resolves.toBe('1.200');

    // ...and splits their 1.200 among their CĐCS: typed, then pasted.
    await commune.getByTestId('plan-tab-allocation').click();
    await expect(commune.getByTestId('grid-share').textContent()).resolves.toBe('1.200');
    await commune.getByTestId('grid-row').first().waitFor();
    const cdcs = await visibleCodes(commune);
    expect(cdcs.length).toBeGreaterThanOrEqual(4);
    const [first, second, third, fourth] = cdcs as [string, string, string, string];
    await cell(commune, first).fill('700');
    await cell(commune, first).press('Enter');
    await commune.keyboard.type('300');
    await paste(commune, third, '150\n50');
    await expect(cell(commune, second).inputValue()).resolves.toBe('300');
    await expect(cell(commune, fourth).inputValue()).resolves.toBe('50');
    await expect(sumAndDiff(commune)).resolves.toEqual({ sum: '1.200', diff: 'Khớp', kind: 'even' });
    await commune.getByTestId('grid-save').click();
    await expect(commune.getByTestId('grid-saved').textContent()).resolves.toBe('Đã lưu 4 ô.');

    // Their own 1.200 split by quarter (a row pasted across), and the first two CĐCS's shares by quarter (a 2 x 4 block).
    await commune.getByTestId('allocation-granularity').getByText('Quý', { exact: true }).click();
    const ownRow = commune.getByTestId('grid-share-row').getByTestId('grid-cell');
    await ownRow.first().waitFor();
    await expect(ownRow.count()).resolves.toBe(4);
    await paste(commune, ownRow.first(), '300\t300\t300\t300\r\n');
    await paste(commune, cell(commune, first).first(), '250\t150\t150\t150\n100\t100\t50\t50');
    const quarters = async (testId: string) => commune.getByTestId(testId).allTextContents();
    await expect(quarters('grid-sum')).resolves.toEqual(['350', '250', '200', '200']);
    await expect(quarters('grid-diff')).resolves.toEqual(['Vượt 50', 'Còn thiếu 50', 'Còn thiếu 100', 'Còn thiếu 100']);
    await commune.getByTestId('grid-save').click();
    await expect(commune.getByTestId('grid-saved').textContent()).resolves.toBe('Đã lưu 12 ô.');
    await shoot(commune, 'plans-allocation.png');

    // 4. Progress of the commune union: the first CĐCS has 700 to find.
    const unitId = Number(await row(commune, first).getAttribute('data-unit-id'));
    await commune.getByTestId('plan-tab-progress').click();
    const progressRow = commune.locator(`[data-testid="plan-subunit-row"][data-unit-code="${first}"]`);
    // The view read before the split is refetched after it.
    await eventually(() => progressRow.getByTestId('plan-subunit-allocated').textContent()).toBe('700');
    const before = Number(await progressRow.getByTestId('plan-subunit-actual').textContent());
    const unitBefore = Number(await commune.getByTestId('plan-actual').textContent());

    // A member admitted there today (through the API, as the members page would)...
    const token = ((await (await commune.request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
    const admitted = await commune.request.post('/api/v1/members', {
      headers: { 'x-csrf-token': token },
      data: {
        person: {
          fullName: `Nguyễn Thị Kết Nạp ${tag}`,
          birthDate: '1996-03-08',
          gender: 'female',
          citizenId: `040196${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
        },
        unitId,
        onDate: todayVn(),
      },
    });
    expect(admitted.status(), await admitted.text()).toBe(201);

    // ...counts at once, for the CĐCS and for the commune union above it.
    await commune.reload();
    await eventually(() => progressRow.getByTestId('plan-subunit-actual').textContent()).toBe(String(before + 1));
    await expect(commune.getByTestId('plan-actual').textContent()).resolves.toBe(String(unitBefore + 1));
    // The unit's own split by quarter, measured quarter by quarter: today's admission is in this quarter.
    const ownPeriods = commune.getByTestId('plan-own-periods').locator('tbody tr');
    await eventually(() => ownPeriods.count()).toBe(4);
    const quarter = Math.floor((Number(todayVn().slice(5, 7)) - 1) / 3);
    await expect(ownPeriods.nth(quarter).locator('td').nth(1).textContent()).resolves.toBe('300');
    expect(Number(await ownPeriods.nth(quarter).locator('td').nth(2).textContent())).toBeGreaterThanOrEqual(1);
    await shoot(commune, 'plans-progress.png');

    // A click on the row opens the CĐCS's own progress; the breadcrumb leads back up.
    await progressRow.click();
    await commune.locator(`[data-testid="plan-progress"][data-unit-id="${unitId}"]`).waitFor();
    await commune
      .getByTestId('plan-unit-up')
      .filter({ hasText: exact(COMMUNE.name) })
      .click();
    await commune
      .getByTestId('plan-unit-name')
      .filter({ hasText: exact(COMMUNE.name) })
      .waitFor();
  }, 300_000);

  it('suggests for commendation the district federations that met every target of the real 2023 plan', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const plans = (await (await page.request.get('/api/v1/plans')).json()) as { items: { id: number; name: string }[] };
    const real = plans.items.find((p) => p.name.includes('đến năm 2023'));
    if (!real) throw new Error('the demo plan is missing');
    const api = await page.request.get(`/api/v1/plans/${real.id}/commendations`, { params: { asOf: '2024-01-15' } });
    expect(api.status()).toBe(200);
    const expected = (await api.json()) as { units: { unit: { name: string } }[] };
    await page.goto(`/plans/${real.id}?tab=commendations&asOf=2024-01-15`);
    await page.getByTestId('commendations').waitFor();
    await expect(page.getByTestId('commendations').textContent()).resolves.toContain('100%');
    await eventually(() => page.getByTestId('commended-unit').count()).toBe(expected.units.length);
    if (expected.units[0])
      await expect(page.getByTestId('commended-unit').first().textContent()).resolves.toContain(
        expected.units[0].unit.name,
      );
  }, 120_000);
});
