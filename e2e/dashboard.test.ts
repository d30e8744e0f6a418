import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../src/modules/dashboard/schema.ts';
import { launchBrowser, login, newPage, SERVER_START_TIMEOUT, startServer, type TestServer } from './helpers.ts';

/** A dashboard is several queries over the whole register: give it time on a busy machine. */
const WAIT = { timeout: 30_000 };

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

async function dashboardFromApi(page: Page, unitId?: number): Promise<Dashboard> {
  const res = await page.request.get('/api/v1/dashboard', { params: unitId ? { unitId } : {} });
  expect(res.status()).toBe(200);
  return (await res.json()) as Dashboard;
}

/** The KPI cards show what the API says, as numbers (data-value) and as the text a person reads. */
async function expectKpis(page: Page, d: Dashboard) {
  await expect
    .poll(() => page.getByTestId('dashboard-unit-name').getAttribute('data-unit'), WAIT)
    .toBe(String(d.unit.id));
  const value = (key: string) => page.getByTestId(`kpi-${key}`).getAttribute('data-value');
  expect(await value('members')).toBe(String(d.kpis.members));
  expect(await value('grassroots')).toBe(String(d.kpis.grassroots));
  expect(await value('newMembers')).toBe(String(d.kpis.newMembers));
  expect(await value('newGrassroots')).toBe(String(d.kpis.newGrassroots));
  expect(await value('drives')).toBe(String(d.kpis.drives.active));
  expect(await page.getByTestId('kpi-members').textContent()).toContain(
    new Intl.NumberFormat('vi-VN').format(d.kpis.members),
  );
}

describe('the dashboard', () => {
  it("opens on the province officer's federation, with the API's figures, and drills into a sub-unit", async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    await page.goto('/dashboard');
    const province = await dashboardFromApi(page);
    expect(province.unit.name).toBe('Liên đoàn Lao động tỉnh Nghệ An');
    expect(province.kpis.members).toBeGreaterThan(0);
    await expectKpis(page, province);
    await expect.poll(() => page.getByTestId('dashboard-series').locator('.recharts-line').count(), WAIT).toBe(1);

    // A thousand sub-units: the table draws the first 50 and more on request, and a typed name
    // (without its tones) narrows it, each row keeping its rank among all.
    const rows = page.locator('[data-testid^="ranking-row-"]');
    await expect.poll(() => rows.count(), WAIT).toBe(Math.min(50, province.ranking.length));
    if (province.ranking.length > 50) {
      await page.getByTestId('ranking-more').click();
      await expect.poll(() => rows.count(), WAIT).toBe(Math.min(150, province.ranking.length));
    }
    const at = province.ranking.findIndex((r) => r.unit.name.includes('Trường Vinh'));
    expect(at).toBeGreaterThanOrEqual(0);
    await page.getByTestId('ranking-filter').fill('truong vinh');
    const named = province.ranking.filter((r) => r.unit.name.includes('Trường Vinh'));
    await expect.poll(() => rows.count(), WAIT).toBe(named.length);
    const wanted = province.ranking[at];
    await expect
      .poll(() => page.getByTestId(`ranking-row-${wanted?.unit.id}`).locator('td').first().textContent(), WAIT)
      .toBe(String(at + 1));
    await page.getByTestId('ranking-filter').fill('');

    // The sub-unit with the most members heads the ranking; a click opens its own dashboard.
    const first = province.ranking[0];
    if (!first) throw new Error('the province has no sub-units');
    expect(first.members).toBe(Math.max(...province.ranking.map((r) => r.members)));
    await page.getByTestId(`ranking-row-${first.unit.id}`).click();
    await page.waitForURL((u) => u.searchParams.get('unit') === String(first.unit.id));
    await expect.poll(() => page.getByTestId('dashboard-unit-name').textContent(), WAIT).toBe(first.unit.name);
    const sub = await dashboardFromApi(page, first.unit.id);
    expect(sub.kpis.members).toBe(first.members);
    await expectKpis(page, sub);

    // Back up through the breadcrumb to the province.
    await page.getByTestId(`ancestor-${province.unit.id}`).click();
    await expect
      .poll(() => page.getByTestId('dashboard-unit-name').getAttribute('data-unit'), WAIT)
      .toBe(String(province.unit.id));
  }, 180_000);
});
