import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, SERVER_START_TIMEOUT, startServer, type TestServer } from './helpers.ts';

/**
 * The demo log-ins vinh and dienchau are officers of district federations the 2025 reform ended:
 * today they may change nobody. The story is told with the demo officers of the units that took
 * over: Công đoàn phường Trường Vinh (old Vinh city, 40X001) and Công đoàn xã Diễn Châu (40X078).
 */
const SENDER = { username: 'truongvinh', password: 'congdoan-truongvinh' };
const RECEIVER = { username: 'xadienchau', password: 'congdoan-xadienchau' };

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

type Unit = { id: number; code: string; name: string; dissolvedOn: string | null };
type Member = { personId: number; fullName: string; unitName: string | null };

/** Today in Vietnam as dd/mm/yyyy. */
function vnToday(): string {
  const d = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');

/** In the transfer modal: search the CĐCS without diacritics and choose it among those needing consent. */
async function askTransfer(page: Page, dest: Unit) {
  await page.getByTestId('member-transfer').click();
  const modal = page.getByTestId('transfer-modal');
  await page.getByTestId('transfer-unit').fill(plain(dest.name));
  await page
    .getByTestId('destination-elsewhere')
    .filter({ has: page.getByText(dest.name, { exact: true }) })
    .filter({ hasText: dest.code })
    .click();
  await expect(page.getByTestId('transfer-unit').inputValue()).resolves.toBe(dest.name);
  // Before sending, the officer is told the member moves only once the receiver agrees.
  await expect(modal.getByTestId('transfer-consent-note').textContent()).resolves.toContain(
    `«${dest.name}» không thuộc các đơn vị bạn phụ trách`,
  );
  await modal.getByTestId('transfer-reason').fill('Chuyển công tác');
  const submit = modal.getByTestId('transfer-modal-submit');
  await expect(submit.textContent()).resolves.toBe('Gửi yêu cầu chuyển');
  await submit.click();
  await modal.waitFor({ state: 'detached' });
}

describe('a transfer to a CĐCS outside the officer’s scope', () => {
  it('is sent from the member page, waits for the receiving officer, who accepts it', async () => {
    const today = vnToday();
    const receiver = await newPage(browser, server.url);
    await login(receiver, RECEIVER.username, RECEIVER.password);
    // A CĐCS of Diễn Châu, with a name no other unit there shares.
    const theirs = (
      (await (
        await receiver.request.get('/api/v1/units', { params: { type: 'grassroots_union', limit: 100 } })
      ).json()) as { items: Unit[] }
    ).items.filter((u) => !u.dissolvedOn);
    const dest = theirs.find((u) => theirs.filter((o) => o.name === u.name).length === 1) as Unit;
    expect(dest).toBeDefined();

    const sender = await newPage(browser, server.url);
    await login(sender, SENDER.username, SENDER.password);
    const member = (
      (await (await sender.request.get('/api/v1/members', { params: { limit: 1 } })).json()) as { items: Member[] }
    ).items[0] as Member;
    expect(member).toBeDefined();
    const memberPath = `/members/${member.personId}`;
    await sender.goto(memberPath);
    await expect(sender.getByTestId('member-unit').textContent()).resolves.toBe(member.unitName);

    // A first request, withdrawn from the member page: the transfer action comes back.
    await askTransfer(sender, dest);
    await sender.getByTestId('member-pending-transfer').waitFor();
    await expect(sender.getByTestId('member-transfer').count()).resolves.toBe(0);
    await sender.getByTestId('member-transfer-cancel').click();
    await sender.getByTestId('transfer-cancel-modal-submit').click();
    await sender
      .getByTestId('member-done')
      .filter({ hasText: `Đã hủy yêu cầu chuyển ${member.fullName}.` })
      .waitFor();
    await sender.getByTestId('member-pending-transfer').waitFor({ state: 'detached' });

    // The request that stands: the member stays where they are, the page says who must agree.
    await askTransfer(sender, dest);
    await expect(sender.getByTestId('member-done').textContent()).resolves.toBe(
      `Đã gửi yêu cầu chuyển sinh hoạt. Đoàn viên vẫn sinh hoạt ở đơn vị hiện tại cho đến khi «${dest.name}» đồng ý tiếp nhận.`,
    );
    await expect(sender.getByTestId('member-pending-text').textContent()).resolves.toBe(
      `Đang chờ «${dest.name}» đồng ý tiếp nhận từ ngày ${today}.`,
    );
    await expect(sender.getByTestId('member-unit').textContent()).resolves.toBe(member.unitName);
    await expect(sender.getByTestId('member-transfer').count()).resolves.toBe(0);

    // The pending alert leads to the sender's outgoing box, where the request waits.
    await sender.getByTestId('member-pending-open').click();
    await sender.waitForURL((u) => u.pathname === '/transfers' && u.searchParams.get('box') === 'outgoing');
    await sender.getByTestId('transfer-row').filter({ hasText: member.fullName }).waitFor();
    // Only the standing request is pending; the withdrawn one shows under «Tất cả».
    const sentId = await sender
      .getByTestId('transfer-row')
      .filter({ hasText: member.fullName })
      .getAttribute('data-id');
    const sent = sender.locator(`[data-testid="transfer-row"][data-id="${sentId}"]`);
    await expect(sent.getByTestId('transfer-status-badge').textContent()).resolves.toBe('Chờ đơn vị nhận');
    await expect(sent.getByTestId('transfer-to').textContent()).resolves.toBe(dest.name);
    await expect(sent.getByTestId('transfer-on').textContent()).resolves.toBe(today);

    // The receiver's menu counts it; the incoming box offers to accept it, on the day asked.
    await receiver.reload();
    await expect.poll(() => receiver.getByTestId('nav-transfers-count').textContent(), { timeout: 20_000 }).toBe('1');
    await receiver.getByTestId('nav-transfers').click();
    const arriving = receiver.getByTestId('transfer-row').filter({ hasText: member.fullName });
    await arriving.waitFor();
    await expect(arriving.getByTestId('transfer-from').textContent()).resolves.toBe(member.unitName);
    await arriving.getByTestId('transfer-accept').click();
    await expect(receiver.getByTestId('transfer-accept-date').inputValue()).resolves.toBe(today);
    await receiver.getByTestId('transfer-accept-decision').fill('15/QĐ-CĐ');
    await receiver.getByTestId('transfer-accept-modal-submit').click();
    await receiver.getByTestId('transfer-done').waitFor();
    await arriving.waitFor({ state: 'detached' });
    await expect.poll(() => receiver.getByTestId('nav-transfers-count').count(), { timeout: 20_000 }).toBe(0);

    // The member page now shows the Diễn Châu CĐCS, and no request waiting...
    await receiver.getByTestId('transfer-done-member').click();
    await receiver.waitForURL((u) => u.pathname === memberPath);
    await expect.poll(() => receiver.getByTestId('member-unit').textContent(), { timeout: 20_000 }).toBe(dest.name);
    await expect(receiver.getByTestId('member-pending-transfer').count()).resolves.toBe(0);
    // ...and the sender's box, asked for every status, shows the request carried out.
    await sender.getByTestId('transfer-status').getByText('Tất cả', { exact: true }).click();
    await expect
      .poll(() => sent.getByTestId('transfer-status-badge').textContent(), { timeout: 20_000 })
      .toBe('Đã chuyển');
    const withdrawn = sender.locator('[data-testid="transfer-row"][data-status="cancelled"]').filter({
      hasText: member.fullName,
    });
    await expect(withdrawn.getByTestId('transfer-status-badge').textContent()).resolves.toBe('Đã hủy');
    await receiver.context().close();
    await sender.context().close();
  });
});
