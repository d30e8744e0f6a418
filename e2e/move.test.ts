import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exact, launchBrowser, login, newPage, SERVER_START_TIMEOUT, startServer, type TestServer } from './helpers.ts';

const PROVINCE = 'Liên đoàn Lao động tỉnh Nghệ An';
const EDUCATION = 'Công đoàn Giáo dục tỉnh';
// After every version the demo data holds for today, so the move opens new periods.
const MOVE_DAY = '2026-12-01';
const DAY_BEFORE = '2026-11-30';

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

/** The id of the one operating unit with this exact name, found as the signed-in user would. */
async function unitId(page: Page, q: string, name: string): Promise<number> {
  const res = await page.request.get('/api/v1/units', { params: { q, asOf: MOVE_DAY, limit: 50 } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { id: number; name: string; dissolvedOn: string | null }[] };
  const hits = body.items.filter((u) => u.name === name && !u.dissolvedOn);
  expect(hits).toHaveLength(1);
  return hits[0]?.id ?? 0;
}

/** Opens a unit's page as of a day and returns the names of its direct sub-units. */
async function subUnits(page: Page, id: number, asOf: string, title: string) {
  await page.goto(`/units/${id}?asOf=${asOf}`);
  await page
    .getByTestId('unit-title')
    .filter({ hasText: exact(title) })
    .waitFor();
  await page.getByTestId('unit-child').first().waitFor();
  return page.getByTestId('unit-child').allTextContents();
}

/** In the open move dialog: the effective day (dd/mm/yyyy), then the province as the new parent. */
async function pickParent(page: Page, ddmmyyyy: string) {
  const modal = page.getByRole('dialog');
  const effective = modal.getByTestId('move-effective');
  await effective.fill(ddmmyyyy);
  await effective.press('Tab');
  await expect(effective.inputValue()).resolves.toBe(ddmmyyyy);
  await modal.getByTestId('move-parent').fill('lien doan lao dong tinh nghe an');
  await page
    .getByRole('option')
    .filter({ has: page.getByText(PROVINCE, { exact: true }) })
    .click();
  await expect(modal.getByTestId('move-parent').inputValue()).resolves.toBe(PROVINCE);
}

describe('moving many sub-units at once', () => {
  it('moves two sub-units of the education union under the province from a day on, keeping history', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const education = await unitId(page, 'cong doan giao duc tinh', EDUCATION);
    const province = await unitId(page, 'lien doan lao dong tinh nghe an', PROVINCE);

    const before = await subUnits(page, education, MOVE_DAY, EDUCATION);
    expect(before.length).toBeGreaterThanOrEqual(3);
    const chosen = before.slice(0, 2);
    const provinceBefore = await subUnits(page, province, MOVE_DAY, PROVINCE);
    for (const name of chosen) expect(provinceBefore).not.toContain(name);

    await subUnits(page, education, MOVE_DAY, EDUCATION);
    const move = page.getByTestId('children-move');
    await expect(move.isDisabled()).resolves.toBe(true);
    const rows = page.getByTestId('unit-child-row');
    for (const name of chosen) {
      await rows
        .filter({ has: page.getByTestId('unit-child').filter({ hasText: exact(name) }) })
        .getByTestId('unit-child-check')
        .check();
    }
    await expect(move.textContent()).resolves.toBe('Chuyển 2 đơn vị đã chọn…');
    await move.click();

    const modal = page.getByRole('dialog');
    await expect(modal.getByTestId('move-units').textContent()).resolves.toBe(chosen.join(''));
    await pickParent(page, '01/12/2026');
    await modal.getByTestId('move-submit').click();

    const done = page.getByTestId('children-moved');
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/^Đã chuyển 2 đơn vị \(\d+ giai đoạn mới\)\.$/);
    await modal.waitFor({ state: 'detached' });
    // The list refreshed in place: two fewer on the effective day, and no selection left.
    await page
      .getByTestId('unit-children-count')
      .filter({ hasText: exact(`${before.length - 2} đơn vị`) })
      .waitFor();
    const after = await page.getByTestId('unit-child').allTextContents();
    expect(after).toHaveLength(before.length - 2);
    for (const name of chosen) expect(after).not.toContain(name);
    await expect(move.isDisabled()).resolves.toBe(true);

    // The new parent lists both from that day...
    const provinceAfter = await subUnits(page, province, MOVE_DAY, PROVINCE);
    for (const name of chosen) expect(provinceAfter).toContain(name);
    // ...and the day before, they are still where they were: the old placement is history.
    const dayBefore = await subUnits(page, education, DAY_BEFORE, EDUCATION);
    expect(dayBefore).toEqual(before);
    for (const name of chosen) expect(dayBefore).toContain(name);
    await expect(page.getByTestId('unit-children-count').textContent()).resolves.toBe(`${before.length} đơn vị`);

    const moved = await page.request.get(`/api/v1/units/${province}/children`, { params: { asOf: MOVE_DAY } });
    const movedNames = ((await moved.json()) as { items: { name: string }[] }).items.map((u) => u.name);
    for (const name of chosen) expect(movedNames).toContain(name);
  });

  it('shows why the server refused a move and changes nothing', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const education = await unitId(page, 'cong doan giao duc tinh', EDUCATION);
    const before = await subUnits(page, education, MOVE_DAY, EDUCATION);
    const move = page.getByTestId('children-move');
    const all = page.getByTestId('children-select-all');
    await all.check();
    await expect(move.textContent()).resolves.toBe(`Chuyển ${before.length} đơn vị đã chọn…`);
    await all.uncheck();
    await expect(move.isDisabled()).resolves.toBe(true);
    await page.getByTestId('unit-child-check').first().check();
    await move.click();
    const modal = page.getByRole('dialog');
    // The demo's units all changed on 01/07/2025 (the reform): a move cannot reach back before it.
    await pickParent(page, '01/01/2020');
    await modal.getByTestId('move-submit').click();
    await modal.getByTestId('form-error').filter({ hasText: 'Dữ liệu không hợp lệ.' }).waitFor();
    await modal.getByText(/^Ngày hiệu lực phải từ \d\d\/\d\d\/\d{4} trở đi: .+ đã có thay đổi từ ngày đó\.$/).waitFor();
    await modal.getByRole('button', { name: 'Hủy' }).click();
    await expect(page.getByTestId('children-moved').count()).resolves.toBe(0);
    await expect(page.getByTestId('unit-child').allTextContents()).resolves.toEqual(before);
  });
});
