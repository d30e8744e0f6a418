import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exact,
  launchBrowser,
  login,
  newPage,
  repoRoot,
  SERVER_START_TIMEOUT,
  setAsOf,
  startServer,
  type TestServer,
  treeRow,
} from './helpers.ts';

const PROVINCE = 'Liên đoàn Lao động tỉnh Nghệ An';
const VINH = 'Liên đoàn Lao động thành phố Vinh';
const DIEN_CHAU = 'Liên đoàn Lao động huyện Diễn Châu';
const EDUCATION = 'Công đoàn Giáo dục tỉnh';

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

async function open(username: string, password: string) {
  const page = await newPage(browser, server.url);
  await login(page, username, password);
  return page;
}

/** Names of all units directly under an expanded unit (pressing "show more" while there is more). */
async function childNames(page: Page, parentName: string) {
  const node = page
    .getByTestId('tree-node')
    .filter({ has: treeRow(page, parentName) })
    .last();
  const group = node.locator(':scope > [role="group"]');
  await group.locator(':scope > [data-testid="tree-node"]').first().waitFor();
  const more = group.locator(':scope > li > [data-testid="tree-more"]');
  for (let i = 0; i < 50 && (await more.count()) > 0; i++) await more.click();
  return group
    .locator(':scope > [data-testid="tree-node"] > [data-tree-row] [data-testid="tree-node-name"]')
    .allTextContents();
}

describe('organisation tree', () => {
  it('shows the tree as it stood on a past day: district federations before the 2025 reform', async () => {
    const page = await open('tinh', 'congdoan-tinh');
    await expect(page.getByTestId('product-name').textContent()).resolves.toBe('Công đoàn');
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('Nguyễn Thị Hương');

    await page.getByTestId('nav-tree').click();
    const root = treeRow(page, PROVINCE);
    const item = page.getByTestId('tree-node').filter({ has: root }).first();
    await root.locator('[data-testid="tree-toggle"]').click();
    await expect(item.getAttribute('aria-expanded')).resolves.toBe('true');
    const today = await childNames(page, PROVINCE);
    expect(today).toContain(EDUCATION);
    expect(today).not.toContain(VINH);

    await setAsOf(page, '31/12/2023');
    await treeRow(page, VINH).waitFor();
    const before = await childNames(page, PROVINCE);
    expect(before).toContain(VINH);
    expect(before.filter((n) => n.startsWith('Liên đoàn Lao động ')).length).toBe(21);

    // Keyboard: ← collapses the focused item, → expands it again.
    await item.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(item.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect(item.getAttribute('aria-expanded')).resolves.toBe('true');
    await treeRow(page, VINH).waitFor();
  });

  it('finds a unit without diacritics, in any word order, and opens its page', async () => {
    const page = await open('tinh', 'congdoan-tinh');
    await page.goto('/tree');
    const search = page.getByTestId('unit-search');
    for (const q of ['cong doan giao duc', 'giao duc cong doan']) {
      await search.fill(q);
      const hit = page
        .getByTestId('search-result')
        .filter({ has: page.getByTestId('search-result-name').filter({ hasText: exact(EDUCATION) }) });
      await hit.first().waitFor();
      // Each result names its ancestry, so units with the same name can be told apart.
      await expect(hit.first().textContent()).resolves.toContain(PROVINCE);
    }
    await page
      .getByTestId('search-result-name')
      .filter({ hasText: exact(EDUCATION) })
      .first()
      .click();
    await page
      .getByTestId('unit-title')
      .filter({ hasText: exact(EDUCATION) })
      .waitFor();
    await expect(page.getByTestId('unit-parent').textContent()).resolves.toBe(PROVINCE);
    await page.getByTestId('unit-history').waitFor();
  });

  it('keeps a district officer inside their district', async () => {
    const page = await open('vinh', 'congdoan-vinh');
    await page.goto('/tree?asOf=2023-12-31');
    await treeRow(page, VINH).waitFor();
    const roots = await page
      .locator('[role="tree"] > [data-testid="tree-node"] > [data-tree-row] [data-testid="tree-node-name"]')
      .allTextContents();
    expect(roots).toEqual([VINH]);

    const search = page.getByTestId('unit-search');
    // The same search finds units of the officer's own district...
    await search.fill('lien doan lao dong thanh pho vinh');
    await page
      .getByTestId('search-result-name')
      .filter({ hasText: exact(VINH) })
      .waitFor();
    // ...and nothing of another district.
    await search.fill('dien chau');
    await page.getByTestId('search-empty').waitFor();
    await expect(page.getByTestId('search-result').count()).resolves.toBe(0);
    await search.fill('lien doan lao dong huyen');
    await page.getByTestId('search-results').waitFor();
    await expect(page.getByText(DIEN_CHAU, { exact: true }).count()).resolves.toBe(0);
  });

  it('switches the interface to English and remembers it', async () => {
    const page = await open('tinh', 'congdoan-tinh');
    await expect(page.getByTestId('nav-tree').textContent()).resolves.toContain('Cây tổ chức');
    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await page.getByTestId('nav-tree').filter({ hasText: 'Organisation tree' }).waitFor();
    await expect(page.getByTestId('logout').textContent()).resolves.toContain('Log out');
    await page.reload();
    await page.getByTestId('nav-tree').filter({ hasText: 'Organisation tree' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it('takes the README screenshot of the expanded tree', async () => {
    const page = await open('tinh', 'congdoan-tinh');
    // The README shows the tree before the 2025 reform, with its district federations.
    await page.getByTestId('nav-tree').click();
    await setAsOf(page, '31/12/2023');
    await treeRow(page, PROVINCE).locator('[data-testid="tree-toggle"]').click();
    // ...and one of them opened, down to its grassroots unions.
    const first = page.locator('[role="group"] > [data-testid="tree-node"]').first();
    await first.locator('[data-testid="tree-toggle"]').first().click();
    await first.locator('[role="group"] [data-testid="tree-node"]').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => document.fonts.ready);
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture; otherwise CI leaves docs/ untouched.
    const dir = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.tmp/screenshots';
    const file = path.join(repoRoot, dir, 'tree.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });
});
