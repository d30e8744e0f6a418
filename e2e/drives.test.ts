import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxCode } from '../src/modules/enterprises/test-helpers.ts';
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

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
/** A Nghệ An CCCD (040) for someone born in the 1990s: 0 = man, 1 = woman of the 20th century. */
const cccd = (woman: boolean, yy: number) =>
  `040${woman ? 1 : 0}${String(yy).padStart(2, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

async function getJson<T>(page: Page, path: string, params?: Record<string, string | number>): Promise<T> {
  const res = await page.request.get(`/api/v1${path}`, { params });
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** A commune union of today's tree: the upper union that runs the drive. */
async function communeUnion(page: Page): Promise<Unit> {
  const found = await getJson<{ items: Unit[] }>(page, '/units', { q: 'cong doan', type: 'commune_union', limit: 50 });
  const union = found.items.find((u) => !u.dissolvedOn && found.items.filter((o) => o.name === u.name).length === 1);
  if (!union) throw new Error('no commune union in the demo data');
  return union;
}

async function freeTaxCode(page: Page): Promise<string> {
  for (let k = 800_000 + randomInt(0, 90_000); ; k += 17) {
    const code = taxCode(k);
    if ((await getJson<{ items: unknown[] }>(page, '/enterprises', { q: code })).items.length === 0) return code;
  }
}

/** Two workers of the enterprise filed joining applications with the commune union (setup, by the API). */
async function fileApplications(page: Page, unitId: number, employerName: string, people: Person[]) {
  const token = (await getJson<{ token: string }>(page, '/auth/csrf')).token;
  for (const p of people) {
    const res = await page.request.post('/api/v1/applications', {
      headers: { 'x-csrf-token': token },
      data: {
        unitId,
        employerName,
        applicant: { fullName: p.name, birthDate: p.birthIso, gender: p.gender, citizenId: p.citizenId },
      },
    });
    expect(res.status()).toBe(201);
  }
}

type Person = { name: string; birth: string; birthIso: string; gender: 'male' | 'female'; citizenId: string };
function person(name: string, gender: 'male' | 'female', d: string): Person {
  const [dd, mm, yyyy] = d.split('/') as [string, string, string];
  return {
    name,
    birth: d,
    birthIso: `${yyyy}-${mm}-${dd}`,
    gender,
    citizenId: cccd(gender === 'female', Number(yyyy) % 100),
  };
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

const stageOf = (page: Page) => page.getByTestId('drive-history-item').first().getAttribute('data-stage');

describe('organising drives', () => {
  it('runs a drive from the survey to recognition and finds the new CĐCS and its founders in the tree', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const union = await communeUnion(page);
    const code = await freeTaxCode(page);
    const tag = String(randomInt(100, 999));
    const name = `Công ty TNHH May Hoa Sen ${tag}`;
    const applicants = [person('Lê Thị Hoa', 'female', '12/04/1994'), person('Phan Văn Quý', 'male', '03/09/1991')];
    const founders = [
      person('Nguyễn Thị Mai', 'female', '21/01/1996'),
      person('Trần Văn Bình', 'male', '05/11/1990'),
      person('Hồ Thị Thu', 'female', '30/06/1998'),
    ];

    // 1. The enterprise, added by hand: 150 workers, foreign-invested, in the commune union's charge.
    await page.getByTestId('nav-enterprises').click();
    await page.getByTestId('enterprise-new').click();
    await page.getByTestId('enterprise-field-tax-code').fill(code);
    await page.getByTestId('enterprise-field-name').fill(name);
    await page.getByTestId('enterprise-field-ownership').click();
    await page.getByRole('option', { name: 'Có vốn đầu tư nước ngoài (FDI)' }).click();
    // The officer's own unit is proposed first; another is chosen in its place.
    await expect.poll(() => page.getByTestId('enterprise-field-upper').inputValue(), { timeout: 20_000 }).not.toBe('');
    await pickUnit(page, 'enterprise-field-upper', union);
    await page.getByTestId('enterprise-field-total').fill('150');
    await page.getByTestId('enterprise-submit').click();
    await page.waitForURL((u) => /^\/enterprises\/\d+$/.test(u.pathname));
    await expect(page.getByTestId('enterprise-title').textContent()).resolves.toBe(name);
    await expect(page.getByTestId('enterprise-workforce-total').textContent()).resolves.toBe('150');
    await page.getByTestId('enterprise-no-union').waitFor();
    await fileApplications(page, union.id, name, applicants);

    // 2. The drive opens at the survey stage, run by the union in charge.
    await page.getByTestId('enterprise-open-drive').click();
    await page.getByTestId('open-drive-note').fill('Doanh nghiệp FDI 150 lao động, chưa có CĐCS.');
    await page.getByTestId('open-drive-modal-submit').click();
    await page.waitForURL((u) => /^\/drives\/\d+$/.test(u.pathname));
    await page.getByTestId('drive-done').waitFor();
    await expect(stageOf(page)).resolves.toBe('enterprise_survey');
    await expect(page.getByTestId('drive-title').textContent()).resolves.toBe(name);

    // 3. An officer assigned, a contact logged (support 4 of 5), a document attached.
    await page.getByTestId('assignees-edit').click();
    await page.getByTestId('assignees-select').click();
    await page.getByRole('option', { name: /Nguyễn Thị Hương/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('assignees-save').click();
    await expect
      .poll(() => page.getByTestId('drive-assignee').allTextContents(), { timeout: 20_000 })
      .toEqual([expect.stringContaining('Nguyễn Thị Hương')]);

    await page.getByTestId('contact-add').click();
    await page.getByTestId('contact-who').fill('Tổ trưởng chuyền may 3');
    await page.getByTestId('contact-reached').fill('12');
    await page.getByTestId('contact-summary').fill('Công nhân muốn có người đại diện khi bàn lương, thưởng Tết.');
    // The fourth star, clicked as a person would (the radio inputs themselves are hidden).
    const fourth = await page.getByTestId('contact-support').locator('input[value="4"]').getAttribute('id');
    await page.locator(`label[for="${fourth}"]`).click();
    await page.getByTestId('contact-modal-submit').click();
    const contact = page.getByTestId('drive-contact');
    await expect.poll(() => contact.count(), { timeout: 20_000 }).toBe(1);
    await expect(contact.getByTestId('drive-contact-support').getAttribute('data-value')).resolves.toBe('4');
    await expect(page.getByTestId('drive-average-support').getAttribute('data-value')).resolves.toBe('4');

    const pdf = Buffer.from('%PDF-1.4\n% biên bản khảo sát\n%%EOF\n');
    await page.getByTestId('document-add').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('document-file').click()]);
    await chooser.setFiles({ name: 'bien-ban-khao-sat.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('document-title').fill('Biên bản khảo sát doanh nghiệp');
    await page.getByTestId('document-upload').click();
    const link = page.getByTestId('drive-document').getByTestId('document-link');
    await expect.poll(() => link.textContent(), { timeout: 20_000 }).toBe('Biên bản khảo sát doanh nghiệp');
    const file = await page.request.get((await link.getAttribute('href')) as string);
    expect(file.headers()['content-type']).toContain('application/pdf');
    expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);

    // 4. Through the stages in their legal order, one move at a time.
    for (const next of ['outreach', 'organizing_committee', 'applications', 'founding_conference']) {
      await page.getByTestId('drive-move').click();
      await page.getByTestId('stage-note').fill(`Sang bước ${next}`);
      await page.getByTestId('stage-modal-submit').click();
      await expect.poll(() => stageOf(page), { timeout: 20_000 }).toBe(next);
    }

    // 5. On the board, in the founding-conference column, not stalled.
    await page.getByTestId('nav-drives').click();
    const card = page
      .locator('[data-testid="drive-column"][data-stage="founding_conference"]')
      .getByTestId('drive-card')
      .filter({ hasText: name });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    await expect(card.getAttribute('data-stalled')).resolves.toBe('false');
    await card.getByTestId('drive-card-name').click();
    await page.waitForURL((u) => /^\/drives\/\d+$/.test(u.pathname));

    // 6. Recognition: two applications and three people from the conference's list make five founders.
    await page.getByTestId('drive-recognise').click();
    await expect(page.getByTestId('recognise-unit-name').inputValue()).resolves.toBe(`Công đoàn cơ sở ${name}`);
    await page.getByTestId('recognise-decision').fill(`${tag}/QĐ-CĐ`);
    for (const a of applicants)
      await page
        .locator(`[data-testid="recognise-application"][data-name="${a.name}"]`)
        .getByTestId('recognise-application-pick')
        .check();
    for (const [i, f] of founders.entries()) {
      if (i > 0) await page.getByTestId('founder-add').click();
      const row = page.getByTestId('founder-row').nth(i);
      await row.getByTestId('founder-name').fill(f.name);
      await row.getByTestId('founder-birth').fill(f.birth);
      await row.getByTestId('founder-birth').press('Tab');
      await row.getByTestId('founder-gender').click();
      await page.getByRole('option', { name: f.gender === 'male' ? 'Nam' : 'Nữ', exact: true }).click();
      await row.getByTestId('founder-citizen-id').fill(f.citizenId);
    }
    await expect(page.getByTestId('recognise-count').getAttribute('data-value')).resolves.toBe('5');
    await page.getByTestId('recognise-modal-submit').click();
    await page.getByTestId('drive-new-union').waitFor();
    await expect(page.getByTestId('drive-status').textContent()).resolves.toBe('Đã công nhận CĐCS');
    await expect(stageOf(page)).resolves.toBe('recognition');

    // 7. The new CĐCS in the tree, under the commune union, with its five founding members.
    const unitName = `Công đoàn cơ sở ${name}`;
    await page.getByTestId('drive-new-union-tree').click();
    await page.waitForURL((u) => u.pathname === '/tree');
    const result = page.getByTestId('search-result').filter({ hasText: unitName });
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    await expect(result.textContent()).resolves.toContain(union.name);
    await result.click();
    await page.waitForURL((u) => /^\/units\/\d+$/.test(u.pathname));
    await expect(page.getByTestId('unit-title').textContent()).resolves.toBe(unitName);
    await expect.poll(() => page.getByTestId('unit-member-count').textContent(), { timeout: 20_000 }).toContain('5');
    const unitId = new URL(page.url()).pathname.split('/')[2];
    await page.goto(`/members?under=${unitId}`);
    await expect
      .poll(async () => (await page.getByTestId('member-name').allTextContents()).sort(), { timeout: 20_000 })
      .toEqual([...applicants, ...founders].map((p) => p.name).sort());
    // And the enterprise now has its CĐCS.
    await page.getByTestId('nav-enterprises').click();
    await page.getByTestId('enterprise-search').fill(code);
    const row = page.getByTestId('enterprise-row').filter({ hasText: code });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(unitName);
    await page.context().close();
  });
});
