import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messyMemberWorkbook } from '../test/spreadsheets.ts';
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

type Unit = { id: number; name: string; dissolvedOn: string | null };

/** An operating school union whose name no other search result shares. */
async function schoolUnion(page: Page): Promise<Unit> {
  const res = await page.request.get('/api/v1/units', {
    params: { q: 'cong doan truong', type: 'grassroots_union', limit: 100 },
  });
  expect(res.status()).toBe(200);
  const items = ((await res.json()) as { items: Unit[] }).items;
  const fit = items.filter((u) => !u.dissolvedOn && items.filter((o) => o.name === u.name).length === 1);
  expect(fit.length).toBeGreaterThan(0);
  return fit[0] as Unit;
}

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');

describe('member import', () => {
  it('checks a messy spreadsheet, reports each bad cell, imports the valid rows and lists them', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const unit = await schoolUnion(page);

    await page.getByTestId('nav-members').click();
    await page.getByTestId('tab-import').click();
    await page.waitForURL((u) => u.pathname === '/members/import');
    const picker = page.getByTestId('import-unit');
    await picker.fill(plain(unit.name));
    await page
      .getByRole('option')
      .filter({ has: page.getByText(unit.name, { exact: true }) })
      .first()
      .click();
    await expect(picker.inputValue()).resolves.toBe(unit.name);

    // The officer picks the file as they would: through the file chooser.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-file').click()]);
    await chooser.setFiles({
      name: 'ds-doan-vien.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await messyMemberWorkbook(),
    });

    // The header sits under the unit's name and a title, on row 4; STT and Ghi chú are ignored.
    await page.getByTestId('import-summary').waitFor();
    await expect(page.getByTestId('import-header-row').getAttribute('data-row')).resolves.toBe('4');
    const mapping = await page
      .getByTestId('import-column')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-letter')}:${r.getAttribute('data-field')}`));
    expect(mapping).toEqual([
      'A:',
      'B:fullName',
      'C:birthDate',
      'D:gender',
      'E:citizenId',
      'F:phone',
      'G:ethnicity',
      'H:admittedOn',
      'I:',
    ]);
    const count = (key: string) => page.getByTestId(`import-count-${key}`).getByTestId('import-count').textContent();
    await expect(count('rows')).resolves.toBe('4');
    await expect(count('valid')).resolves.toBe('3');
    await expect(count('invalid')).resolves.toBe('1');
    await expect(count('new')).resolves.toBe('3');

    // Row 7 planted three mistakes: an impossible date, a CCCD with no such province, a landline.
    const problems = page.getByTestId('import-problem');
    await expect(problems.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cell')))).resolves.toEqual([
      'C7',
      'E7',
      'F7',
    ]);
    const c7 = problems.filter({ has: page.getByTestId('problem-cell').getByText('C7', { exact: true }) });
    await expect(c7.getByTestId('problem-header').textContent()).resolves.toBe('Ngày sinh');
    await expect(c7.getByTestId('problem-message').textContent()).resolves.toContain(
      '«31/02/1988» không phải ngày hợp lệ',
    );
    const e7 = problems.filter({ has: page.getByTestId('problem-cell').getByText('E7', { exact: true }) });
    await expect(e7.getByTestId('problem-header').textContent()).resolves.toBe('Số CCCD/CMND');
    await expect(e7.getByTestId('problem-message').textContent()).resolves.toContain('999');
    const f7 = problems.filter({ has: page.getByTestId('problem-cell').getByText('F7', { exact: true }) });
    await expect(f7.getByTestId('problem-message').textContent()).resolves.toContain('máy bàn');
    // What the cell holds and whose row it is, read from the file itself.
    await expect.poll(() => f7.getByTestId('problem-value').textContent(), { timeout: 20_000 }).toBe('0243825123');
    await expect(f7.getByTestId('problem-person').textContent()).resolves.toBe('Lê Văn Sai');

    // All or nothing is refused while a row is wrong; the valid rows go in.
    await expect(page.getByTestId('import-all').isDisabled()).resolves.toBe(true);
    await page.getByTestId('import-valid').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect(
      result.getByTestId('import-result-new').getByTestId('import-result-count').textContent(),
    ).resolves.toBe('3');
    await expect(
      result.getByTestId('import-result-skipped').getByTestId('import-result-count').textContent(),
    ).resolves.toBe('1');

    // In the CĐCS's member list: the serial date and the lost leading zero were read as meant.
    await page.getByTestId('import-open-list').click();
    await page.waitForURL((u) => u.pathname === '/members' && u.searchParams.get('under') === String(unit.id));
    await page.getByTestId('member-search').fill('nguyen van duc');
    const duc = page.getByTestId('member-row').filter({ hasText: '040090123456' });
    await expect.poll(() => duc.count(), { timeout: 20_000 }).toBe(1);
    await expect(duc.getByTestId('member-name').textContent()).resolves.toBe('Nguyễn Văn Đức');
    await expect(duc.textContent()).resolves.toContain('12/05/1990');
    await expect(duc.textContent()).resolves.toContain(unit.name);
    await page.getByTestId('member-search').fill('tran thi lan');
    // Born 01/02/1995: the Excel serial 34731.
    const lan = page.getByTestId('member-row').filter({ hasText: 'Trần Thị Lan' }).filter({ hasText: '01/02/1995' });
    await expect.poll(() => lan.count(), { timeout: 20_000 }).toBe(1);
    await expect(lan.textContent()).resolves.toContain('040195000111');
    await page.context().close();
  });
});
