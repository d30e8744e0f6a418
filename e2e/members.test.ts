import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exact, launchBrowser, login, newPage, SERVER_START_TIMEOUT, startServer, type TestServer } from './helpers.ts';

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

type Unit = { id: number; name: string; foundedOn: string | null; dissolvedOn: string | null };

/** A calendar day in Vietnam, `back` days ago: [YYYY-MM-DD, dd/mm/yyyy]. */
function vnDay(back = 0): [string, string] {
  const d = new Date(Date.now() + 7 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
  return [d, `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`];
}

/** Two school unions that operated on `day` and still do, each with a name no other result shares. */
async function twoSchoolUnions(page: Page, day: string): Promise<[Unit, Unit]> {
  const res = await page.request.get('/api/v1/units', {
    params: { q: 'cong doan truong', type: 'grassroots_union', limit: 100 },
  });
  expect(res.status()).toBe(200);
  const items = ((await res.json()) as { items: Unit[] }).items;
  const once = items.filter((u) => items.filter((o) => o.name === u.name).length === 1);
  const fit = once.filter((u) => !u.dissolvedOn && u.foundedOn !== null && u.foundedOn <= day);
  expect(fit.length).toBeGreaterThanOrEqual(2);
  return [fit[0] as Unit, fit[1] as Unit];
}

/** In a UnitPicker: search without diacritics, then choose the unit by its exact name. */
async function pickUnit(page: Page, testId: string, name: string) {
  const input = page.getByTestId(testId);
  await input.fill(name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'));
  await page
    .getByRole('option')
    .filter({ has: page.getByText(name, { exact: true }) })
    .first()
    .click();
  await expect(input.inputValue()).resolves.toBe(name);
}

/** The message Mantine shows under an input (the element its aria-describedby names), once there is one. */
async function errorUnder(page: Page, testId: string) {
  const input = page.locator(`[data-testid="${testId}"][aria-invalid="true"]`);
  await input.waitFor();
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((i) => i.endsWith('-error'));
  expect(ids).toHaveLength(1);
  return page.locator(`[id="${ids[0]}"]`).textContent();
}

describe('members', () => {
  it('admits, finds, transfers a member and issues, verifies and reissues their card', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const [admitIso, admitDay] = vnDay(30);
    const [, today] = vnDay();
    const [, yesterday] = vnDay(1);
    const [first, second] = await twoSchoolUnions(page, admitIso);
    // A name the demo data does not use, and a CCCD of a man born in 1990 in Nghệ An (040, 0, 90).
    const name = 'Tôn Thất Quang Vịnh';
    const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const citizenId = `040090${digits}`;

    // --- Admission through the form, first with a CCCD that says "woman" ---
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-new').click();
    await expect(page.getByTestId('admit-date').inputValue()).resolves.toBe(today);
    await page.getByTestId('person-fullName').fill(name);
    const birth = page.getByTestId('person-birthDate');
    await birth.fill('12/05/1990');
    await birth.press('Tab');
    await expect(birth.inputValue()).resolves.toBe('12/05/1990');
    await page.getByTestId('person-gender').click();
    await page.getByRole('option', { name: 'Nam', exact: true }).click();
    await page.getByTestId('person-citizenId').fill(`040190${digits}`);
    await page.getByTestId('person-phone').fill('0912.345.678');
    const date = page.getByTestId('admit-date');
    await date.fill(admitDay);
    await date.press('Tab');
    await expect(date.inputValue()).resolves.toBe(admitDay);
    await pickUnit(page, 'admit-unit', first.name);
    await page.getByTestId('admit-decision').fill('15/QĐ-CĐCS');
    await page.getByTestId('admit-submit').click();

    await expect(errorUnder(page, 'person-citizenId')).resolves.toMatch(/^Chữ số thứ 4 \(1\) là của người nữ/);
    await page.getByTestId('person-citizenId').fill(citizenId);
    await page.getByTestId('admit-submit').click();

    await page.waitForURL(/\/members\/\d+$/);
    const memberUrl = new URL(page.url()).pathname;
    await page.getByTestId('member-done').filter({ hasText: 'Đã kết nạp đoàn viên.' }).waitFor();
    await expect(page.getByTestId('member-title').textContent()).resolves.toBe(name);
    await expect(page.getByTestId('member-unit').textContent()).resolves.toBe(first.name);
    await expect(page.getByTestId('member-gender').textContent()).resolves.toBe('Nam');
    await expect(page.getByTestId('member-birthDate').textContent()).resolves.toBe('12/05/1990');
    // The messy phone was stored as a number and reads back the usual way.
    await expect(page.getByTestId('member-phone').textContent()).resolves.toBe('0912 345 678');

    // --- Found by name without diacritics, in another word order ---
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-search').fill('vinh ton that quang');
    const row = page.getByTestId('member-row').filter({ hasText: citizenId });
    await row.waitFor();
    await expect(row.getByTestId('member-name').textContent()).resolves.toBe(name);
    await expect(row.textContent()).resolves.toContain('12/05/1990');
    await expect(row.textContent()).resolves.toContain(first.name);
    await row.getByTestId('member-name').click();
    await page.waitForURL((u) => u.pathname === memberUrl);

    // --- Transfer to another CĐCS today: the old period ends, a new one begins ---
    await page.getByTestId('member-transfer').click();
    const transfer = page.getByRole('dialog');
    await pickUnit(page, 'transfer-unit', second.name);
    await transfer.getByTestId('transfer-decision').fill('20/QĐ-LĐLĐ');
    await transfer.getByTestId('transfer-modal-submit').click();
    await transfer.waitFor({ state: 'detached' });
    await page
      .getByTestId('member-unit')
      .filter({ hasText: exact(second.name) })
      .waitFor();
    const periods = page.getByTestId('member-period');
    await expect(periods.count()).resolves.toBe(2);
    const [now, before] = await periods.allTextContents();
    expect(now).toBe(`${today} – nay${second.name}Chuyển đến—`);
    expect(before).toBe(`${admitDay} – ${yesterday}${first.name}Kết nạpChuyển đi`);
    await expect(page.getByTestId('member-event').count()).resolves.toBe(2);

    // --- A card, its e-card, and the public check of its QR code ---
    await page.getByTestId('card-none').waitFor();
    await page.getByTestId('card-issue').click();
    await page.getByTestId('card-done').filter({ hasText: 'Đã cấp thẻ đoàn viên.' }).waitFor();
    const cardNo = (await page.getByTestId('card-no').first().textContent()) ?? '';
    expect(cardNo).toMatch(/^[0-9A-Z]+-\d{6}$/);
    await expect(page.getByTestId('card-status').allTextContents()).resolves.toEqual(['Còn hiệu lực']);

    await page.getByTestId('card-view').click();
    const eCard = page.getByTestId('e-card');
    await eCard.waitFor();
    await expect(eCard.getByTestId('e-card-name').textContent()).resolves.toBe(name);
    await expect(eCard.getByTestId('e-card-no').textContent()).resolves.toBe(cardNo);
    await expect(eCard.textContent()).resolves.toContain(second.name);
    const qr = eCard.getByTestId('e-card-qr');
    await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/);
    await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    const verifyPath = (await page.getByTestId('e-card-verify').getAttribute('href')) ?? '';
    expect(verifyPath).toMatch(/^\/verify\/[\w-]+$/);

    const stranger = await newPage(browser, server.url);
    await stranger.goto(verifyPath);
    await stranger
      .getByTestId('verify-title')
      .filter({ hasText: exact('Thẻ hợp lệ') })
      .waitFor();
    await expect(stranger.getByTestId('verify-card-no').textContent()).resolves.toBe(cardNo);
    await expect(stranger.getByTestId('verify-holder').textContent()).resolves.toBe('T.T.Q.V.');
    await expect(stranger.getByTestId('app-shell').count()).resolves.toBe(0);

    // --- Reissued after a loss: the old card's QR code now says it was replaced ---
    await page.keyboard.press('Escape');
    await page.getByTestId('e-card-modal').waitFor({ state: 'detached' });
    await page.getByTestId('card-reissue').click();
    const reissue = page.getByRole('dialog');
    await reissue.getByTestId('reissue-lost').check();
    await reissue.getByTestId('reissue-modal-submit').click();
    await reissue.waitFor({ state: 'detached' });
    await page.getByTestId('card-done').filter({ hasText: 'Đã cấp lại thẻ' }).waitFor();
    await expect(page.getByTestId('card-status').allTextContents()).resolves.toEqual(['Còn hiệu lực', 'Đã thay thế']);
    const newNo = await page.getByTestId('card-no').first().textContent();
    expect(newNo).not.toBe(cardNo);

    await stranger.reload();
    await stranger
      .getByTestId('verify-title')
      .filter({ hasText: exact('Thẻ đã được thay thế') })
      .waitFor();
    await expect(stranger.getByTestId('verify-card-no').textContent()).resolves.toBe(cardNo);
  });

  it('shows the member count of a CĐCS and admits from its page', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const [iso] = vnDay();
    const [unit] = await twoSchoolUnions(page, iso);
    const count = await page.request.get(`/api/v1/units/${unit.id}/member-count`, { params: { asOf: iso } });
    const { total, women } = (await count.json()) as { total: number; women: number };

    await page.goto(`/units/${unit.id}`);
    await page
      .getByTestId('unit-title')
      .filter({ hasText: exact(unit.name) })
      .waitFor();
    await expect(page.getByTestId('unit-member-count').textContent()).resolves.toBe(
      `${new Intl.NumberFormat('vi-VN').format(total)} đoàn viên (${new Intl.NumberFormat('vi-VN').format(women)} nữ)`,
    );
    await page.getByTestId('unit-admit').click();
    await page.waitForURL((u) => u.pathname === '/members/new');
    await expect(page.getByTestId('admit-unit').inputValue()).resolves.toBe(unit.name);
  });
});
