import fs from 'node:fs';
import type { Browser } from 'playwright-core';
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

type Item = { personId: number; fullName: string; unitId: number | null; citizenId: string | null };

describe('personal data', () => {
  it('downloads what is held about a member, then erases them on request and keeps the counts', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    // An active member with a CCCD whose name no other member in the first page shares.
    const list = await page.request.get('/api/v1/members', { params: { limit: 200 } });
    expect(list.status()).toBe(200);
    const items = ((await list.json()) as { items: Item[] }).items;
    const member = items.find(
      (i) => i.citizenId && i.unitId && items.filter((o) => o.fullName === i.fullName).length === 1,
    ) as Item;
    expect(member).toBeDefined();
    const countOf = async () => {
      const res = await page.request.get(`/api/v1/units/${member.unitId}/member-count`);
      return (await res.json()) as { total: number; women: number };
    };
    const before = await countOf();

    await page.goto(`/members/${member.personId}`);
    await page
      .getByTestId('member-title')
      .filter({ hasText: exact(member.fullName) })
      .waitFor();
    await expect(page.getByTestId('member-erased').count()).resolves.toBe(0);

    // --- The JSON download is everything held about the person ---
    await page.getByTestId('member-personal-data').click();
    await expect(page.getByTestId('personal-data-pdf').getAttribute('href')).resolves.toBe(
      `/api/v1/members/${member.personId}/personal-data.pdf`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('personal-data-json').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`du-lieu-ca-nhan-${member.personId}.json`);
    const held = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8')) as {
      person: { fullName: string; citizenId: string };
      memberships: unknown[];
    };
    expect(held.person.fullName).toBe(member.fullName);
    expect(held.person.citizenId).toBe(member.citizenId);
    expect(held.memberships.length).toBeGreaterThan(0);

    // --- Erasure asks for a reason of at least 5 characters, says what happens, then erases ---
    await page.getByTestId('member-personal-data').click();
    await page.getByTestId('personal-data-erase').click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Việc xóa không thể hoàn tác').waitFor();
    await modal.getByText(/số đoàn viên và số liệu báo cáo .* không thay đổi/).waitFor();
    await modal.getByTestId('erase-reason').fill('đơn');
    await modal.getByTestId('erase-modal-submit').click();
    await modal.getByText('Nhập lý do, ít nhất 5 ký tự.').waitFor();
    await expect(page.getByTestId('member-title').textContent()).resolves.toBe(member.fullName);
    await modal.getByTestId('erase-reason').fill('Đơn đề nghị xóa dữ liệu của người lao động');
    await modal.getByTestId('erase-modal-submit').click();
    await modal.waitFor({ state: 'detached' });

    await page.getByTestId('member-done').filter({ hasText: 'Đã xóa dữ liệu cá nhân.' }).waitFor();
    await expect(page.getByTestId('member-title').textContent()).resolves.toBe(`Đã xóa #${member.personId}`);
    await expect(page.getByTestId('member-erased').textContent()).resolves.toBe('Đã xóa dữ liệu cá nhân');
    await page.getByTestId('member-erased-note').waitFor();
    await expect(page.getByTestId('member-edit').count()).resolves.toBe(0);
    await page.getByTestId('member-personal-data').click();
    await page.getByTestId('personal-data-json').waitFor();
    await expect(page.getByTestId('personal-data-erase').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    // Only the year of birth is kept; the card, if any, was revoked with it, and no new one is offered.
    await expect(page.getByTestId('member-birthDate').textContent()).resolves.toMatch(/^(\d{4}|—)$/);
    await expect(page.getByTestId('card-status').allTextContents()).resolves.not.toContain('Còn hiệu lực');
    await expect(page.getByTestId('card-issue').count()).resolves.toBe(0);

    // --- The register lists them under the alias; their CCCD finds nobody; the unit's counts are unchanged ---
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-search').fill(`da xoa ${member.personId}`);
    const row = page.getByTestId('member-row').filter({ hasText: `Đã xóa #${member.personId}` });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect(row.textContent()).resolves.not.toContain(member.citizenId as string);
    const byId = await page.request.get('/api/v1/members', { params: { q: member.citizenId as string } });
    await expect(byId.json()).resolves.toMatchObject({ items: [] });
    await expect(countOf()).resolves.toEqual(before);
  });

  it("opens a CĐCS's printable member-card sheet from its page", async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'tinh', 'congdoan-tinh');
    const res = await page.request.get('/api/v1/units', {
      params: { q: 'cong doan truong', type: 'grassroots_union', limit: 1 },
    });
    const unit = ((await res.json()) as { items: { id: number; name: string }[] }).items[0] as {
      id: number;
      name: string;
    };
    await page.goto(`/units/${unit.id}`);
    await page.getByTestId('unit-print-cards').click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Khổ A4, 8 thẻ mỗi trang', { exact: false }).waitFor();
    const open = modal.getByTestId('card-sheet-open');
    await expect(open.getAttribute('target')).resolves.toBe('_blank');
    const href = (await open.getAttribute('href')) as string;
    expect(href).toBe(`/api/v1/units/${unit.id}/card-sheet.pdf`);
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
