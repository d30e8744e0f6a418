import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excel } from '../src/lib/exceljs.ts';
import { taxCode, workbook } from '../src/modules/enterprises/test-helpers.ts';
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

type Unit = { id: number; name: string; type: string; dissolvedOn: string | null; childCount: number };
type Area = { code: string; name: string; parentCode: string | null };

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
/** A day n days before today in Việt Nam, as dd/mm/yyyy (how officers type it) and as YYYY-MM-DD. */
function daysAgo(n: number) {
  const iso = new Date(Date.now() + 7 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  return { iso, typed: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
}

async function getJson<T>(page: Page, path: string, params?: Record<string, string | number>): Promise<T> {
  const res = await page.request.get(`/api/v1${path}`, { params });
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** A commune union of today's tree with CĐCS under it: the upper union the new enterprises go to. */
async function communeUnion(page: Page): Promise<{ union: Unit; cdcs: Unit }> {
  const found = await getJson<{ items: Unit[] }>(page, '/units', { q: 'cong doan', type: 'commune_union', limit: 50 });
  for (const union of found.items.filter((u) => !u.dissolvedOn && u.childCount > 0)) {
    const kids = await getJson<{ items: Unit[] }>(page, `/units/${union.id}/children`);
    const cdcs = kids.items.find(
      (k) => k.type === 'grassroots_union' && !k.dissolvedOn && found.items.every((u) => u.name !== k.name),
    );
    if (cdcs) return { union, cdcs };
  }
  throw new Error('no commune union with a CĐCS in the demo data');
}

/** Tax codes nobody holds yet (the demo register may have its own). */
async function freeTaxCodes(page: Page, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let k = 900_000 + randomInt(0, 90_000); out.length < n; k += 13) {
    const code = taxCode(k);
    const hit = await getJson<{ items: unknown[] }>(page, '/enterprises', { q: code });
    if (hit.items.length === 0 && !out.includes(code)) out.push(code);
  }
  return out;
}

async function pickUnit(page: Page, testId: string, unit: { name: string }) {
  const picker = page.getByTestId(testId);
  await picker.fill(plain(unit.name));
  await page
    .getByRole('option')
    .filter({ has: page.getByText(unit.name, { exact: true }) })
    .first()
    .click();
  await expect(picker.inputValue()).resolves.toBe(unit.name);
}

async function typeDay(page: Page, testId: string, typed: string) {
  const input = page.getByTestId(testId);
  await input.fill(typed);
  await input.press('Tab');
}

async function chooseFile(page: Page, testId: string, name: string, buffer: Buffer) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
}

const tile = (page: Page, key: string) => page.getByTestId(key).getByTestId('extract-count').textContent();
const figure = async (page: Page, key: string) =>
  Number(await page.getByTestId(`coverage-${key}`).getAttribute('data-value'));

describe('enterprise register, extracts, conflicts and coverage', () => {
  it('imports a DPI and a BHXH extract, resolves their conflicts and sees the coverage rate move', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const { union, cdcs } = await communeUnion(page);
    const [codeA, codeB, codeC, codeD] = (await freeTaxCodes(page, 4)) as [string, string, string, string];
    // Places the registers name by the old commune and district (before the 2025 reform).
    const district = (await getJson<Area[]>(page, '/areas', { level: 'district', limit: 100 })).find((d) =>
      d.name.includes('Hưng Nguyên'),
    ) as Area;
    const commune = (await getJson<Area[]>(page, '/areas', { parentCode: district.code, limit: 100 }))[0] as Area;
    const tag = String(randomInt(100, 999));
    const names = {
      A: `Công ty TNHH Điện tử Lam Hồng ${tag}`,
      B: `Công ty TNHH May Sông Lam ${tag}`,
      C: `Công ty Cổ phần Gỗ Nam Đàn ${tag}`,
      D: `Công ty TNHH Bao bì Hưng Nguyên ${tag}`,
    };
    const dpiDay = daysAgo(60);
    const bhxhDay = daysAgo(30);

    // The Department of Planning and Investment's list: titles above the header, the numbered row.
    const dpi = await workbook([
      ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH NGHỆ AN'],
      [`DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ (trích xuất ngày ${dpiDay.typed})`],
      [],
      [
        'STT',
        'Mã số doanh nghiệp',
        'Tên doanh nghiệp',
        'Loại hình doanh nghiệp',
        'Ngày thành lập',
        'Xã/phường',
        'Quận/huyện',
        'Tình trạng hoạt động',
        'Số lao động',
      ],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
      [
        1,
        codeA,
        names.A.toUpperCase(),
        'Công ty TNHH có vốn đầu tư nước ngoài',
        '02/07/2012',
        commune.name,
        district.name,
        'Đang hoạt động',
        '',
      ],
      [2, codeB, names.B, 'Công ty TNHH', '15/03/2019', commune.name, district.name, 'Đang hoạt động', 12],
      [3, codeC, names.C, 'Công ty cổ phần', '01/01/2010', commune.name, district.name, 'Đang hoạt động', ''],
      [4, codeD, names.D, 'Công ty TNHH', '20/05/2016', commune.name, district.name, 'Đang hoạt động', ''],
    ]);
    // Social Insurance's list: "Số lao động" merged over "Tổng số | Trong đó nữ"; B jumps from 12
    // to 300 workers, C is listed under another name.
    const bhxh = await workbook([
      ['BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN'],
      ['DANH SÁCH ĐƠN VỊ THAM GIA BHXH'],
      ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Mã số thuế', 'Số lao động', ''],
      ['', '', '', '', 'Tổng số', 'Trong đó nữ'],
      [1, 'TA0001A', names.A, codeA, 320, 250],
      [2, 'TA0002A', names.B, codeB, 300, 210],
      [3, 'TA0003A', `Cty CP Gỗ Nam Đàn Xanh ${tag}`, codeC, 40, 12],
      [4, 'TA0004A', names.D, codeD, 80, 30],
    ]);

    // 1. The DPI extract through the import page: checked, then imported whole.
    await page.getByTestId('nav-enterprises').click();
    await page.getByTestId('tab-register-import').click();
    await page.waitForURL((u) => u.pathname === '/enterprises/import');
    await typeDay(page, 'extract-as-of', dpiDay.typed);
    await pickUnit(page, 'extract-unit', union);
    await chooseFile(page, 'extract-file', 'dkkd.xlsx', dpi);
    await page.getByTestId('extract-summary').waitFor();
    await expect(page.getByTestId('extract-header-row').getAttribute('data-row')).resolves.toBe('4');
    const mapped = await page
      .getByTestId('extract-column')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')).filter(Boolean));
    expect(mapped).toEqual(['taxCode', 'name', 'ownership', 'startedOn', 'commune', 'district', 'status', 'workforce']);
    await expect(tile(page, 'extract-count-new')).resolves.toBe('4');
    await expect(tile(page, 'extract-count-conflicts')).resolves.toBe('0');
    await page.getByTestId('import-no-problems').waitFor();
    await page.getByTestId('import-all').click();
    await page.getByTestId('extract-result').waitFor();
    await expect(tile(page, 'extract-result-new')).resolves.toBe('4');

    // 2. The BHXH extract: the preview says which conflicts it would raise before anything is written.
    await page.getByTestId('extract-another').click();
    await page.getByTestId('extract-source').getByText('Bảo hiểm xã hội').click();
    await typeDay(page, 'extract-as-of', bhxhDay.typed);
    await chooseFile(page, 'extract-file', 'bhxh.xlsx', bhxh);
    await page.getByTestId('extract-summary').waitFor();
    await expect(tile(page, 'extract-count-updated')).resolves.toBe('4');
    await expect(tile(page, 'extract-count-conflicts')).resolves.toBe('2');
    await page.getByTestId('extract-conflicts').waitFor();
    // ...and lists them: which enterprise, which values.
    const ahead = page.getByTestId('extract-conflicts-ahead').getByTestId('extract-conflict-row');
    await expect(ahead.count()).resolves.toBe(2);
    await expect(ahead.filter({ hasText: names.B }).textContent()).resolves.toContain('300 lao động');
    await page.getByTestId('import-all').click();
    await page.getByTestId('extract-result').waitFor();
    await expect(tile(page, 'extract-result-conflicts')).resolves.toBe('2');

    // 3. D has a CĐCS: the officer links it from the enterprise's page (found by tax code).
    await page.getByTestId('tab-enterprises').click();
    await page.getByTestId('enterprise-search').fill(codeD);
    const rowD = page.getByTestId('enterprise-row').filter({ hasText: codeD });
    await expect.poll(() => rowD.count(), { timeout: 20_000 }).toBe(1);
    await expect(rowD.getByTestId('enterprise-workforce').textContent()).resolves.toBe('80');
    await rowD.getByTestId('enterprise-name').click();
    await page.getByTestId('enterprise-title').waitFor();
    await expect(page.getByTestId('enterprise-title').textContent()).resolves.toBe(names.D);
    await page.getByTestId('enterprise-edit').click();
    await pickUnit(page, 'enterprise-field-grassroots', cdcs);
    await page.getByTestId('enterprise-edit-modal-submit').click();
    await page.getByTestId('enterprise-done').waitFor();
    await expect(page.getByTestId('enterprise-union-link').textContent()).resolves.toBe(cdcs.name);
    // Its facts keep where each came from: the workforce from BHXH, the status from the DPI list.
    const facts = page.getByTestId('enterprise-fact');
    await expect(facts.first().getByTestId('source-badge').textContent()).resolves.toBe('BHXH');

    // 4. Coverage of the commune union today: B's jump is still waiting, so B (12 workers) is not counted.
    await page.goto(`/coverage?unit=${union.id}`);
    await page.getByTestId('coverage-summary').waitFor();
    await expect.poll(() => figure(page, 'covered'), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const before = {
      target: await figure(page, 'target'),
      covered: await figure(page, 'covered'),
      rate: await page.getByTestId('coverage-rate').textContent(),
    };
    const gapA = page.getByTestId('coverage-gap').filter({ hasText: codeA });
    await expect.poll(() => gapA.count(), { timeout: 20_000 }).toBe(1);
    // A is foreign-invested, operating for years, 320 workers: the reasons are written out.
    await expect(gapA.textContent()).resolves.toContain('Có vốn đầu tư nước ngoài');
    await expect(page.getByTestId('coverage-gap').filter({ hasText: codeB }).count()).resolves.toBe(0);
    // The map places them in their district (or, alone there, in their commune), offline.
    await expect
      .poll(() => page.getByTestId('map-area').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))), {
        timeout: 20_000,
      })
      .toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${district.code}|${commune.code})$`))]));
    // The ranked list as .xlsx, with A in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('coverage-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^dn-chua-co-cdcs-.*\.xlsx$/);
    const wb = new (excel().Workbook)();
    await wb.xlsx.readFile((await download.path()) as string);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(codeA);

    // 5. The conflicts: B's jump is taken from the register, C's other name is not.
    await page.getByTestId('nav-enterprises').click();
    await page.getByTestId('tab-conflicts').click();
    const jumpB = page.getByTestId('conflict').filter({ hasText: names.B });
    await jumpB.waitFor();
    await expect(jumpB.getAttribute('data-kind')).resolves.toBe('workforce_jump');
    await expect(jumpB.getByTestId('conflict-ours').textContent()).resolves.toBe('12 lao động');
    await expect(jumpB.getByTestId('conflict-theirs').textContent()).resolves.toBe('300 lao động (nữ 210)');
    await jumpB.getByTestId('conflict-note').fill('Đã gọi điện xác minh: mở thêm xưởng may.');
    await jumpB.getByTestId('conflict-accept').click();
    await expect.poll(() => jumpB.count(), { timeout: 20_000 }).toBe(0);
    const nameC = page.getByTestId('conflict').filter({ hasText: codeC });
    await expect(nameC.getAttribute('data-kind')).resolves.toBe('name_differs');
    await nameC.getByTestId('conflict-keep').click();
    await expect.poll(() => nameC.count(), { timeout: 20_000 }).toBe(0);
    await page.getByTestId('conflict-status').getByText('Đã nhận giá trị của sổ').click();
    await page.getByTestId('conflict').filter({ hasText: names.B }).waitFor();

    // 6. The rate moved: B now counts with 300 workers and no CĐCS.
    await page.goto(`/coverage?unit=${union.id}`);
    await expect.poll(() => figure(page, 'target'), { timeout: 20_000 }).toBe(before.target + 1);
    await expect(figure(page, 'covered')).resolves.toBe(before.covered);
    await expect.poll(() => page.getByTestId('coverage-rate').textContent(), { timeout: 20_000 }).not.toBe(before.rate);
    await expect
      .poll(() => page.getByTestId('coverage-gap').filter({ hasText: codeB }).count(), { timeout: 20_000 })
      .toBe(1);
    // As of the day of the DPI list, A's workforce was not known yet: it was not in the target set.
    await page.goto(`/coverage?unit=${union.id}&asOf=${dpiDay.iso}`);
    await expect
      .poll(() => page.getByTestId('coverage-gaps').getAttribute('data-as-of'), { timeout: 20_000 })
      .toBe(dpiDay.iso);
    await expect(page.getByTestId('coverage-gap').filter({ hasText: codeA }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('refuses a tax code with a wrong check digit, next to the field', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    await page.goto('/enterprises/new');
    const good = taxCode(880_000 + randomInt(0, 9_000));
    const wrong = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
    // The officer's own unit is proposed as the union in charge; the tax code is all that is wrong.
    await expect.poll(() => page.getByTestId('enterprise-field-upper').inputValue(), { timeout: 20_000 }).not.toBe('');
    await page.getByTestId('enterprise-field-tax-code').fill(wrong);
    await page.getByTestId('enterprise-field-name').fill('Công ty TNHH Thử Mã Số');
    await page.getByTestId('enterprise-submit').click();
    // The server's message stands under the field (aria-invalid), not in a general alert.
    const input = page.getByTestId('enterprise-field-tax-code');
    await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    const message = page.locator(
      `#${await input.getAttribute('aria-describedby').then((d) => d?.split(' ').find((x) => x.includes('error')))}`,
    );
    await expect(message.textContent()).resolves.toContain('chữ số kiểm tra');
    await page.context().close();
  });
});
