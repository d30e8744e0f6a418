import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  login,
  newPage,
  newPhonePage,
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

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');

async function officerApi(page: Page) {
  const token = ((await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
  return {
    get: async <T>(path: string, params?: Record<string, string | number>) => {
      const res = await page.request.get(`/api/v1${path}`, { params });
      expect(res.status()).toBe(200);
      return (await res.json()) as T;
    },
    post: async <T>(path: string, data: unknown, status = 201) => {
      const res = await page.request.post(`/api/v1${path}`, { data, headers: { 'x-csrf-token': token } });
      expect(res.status(), await res.text()).toBe(status);
      return (await res.json()) as T;
    },
  };
}

async function someGrassrootsUnion(page: Page) {
  const api = await officerApi(page);
  const found = await api.get<{ items: { id: number; name: string }[] }>('/units', {
    q: 'cong doan truong',
    type: 'grassroots_union',
    limit: 20,
  });
  // A name of its own, so that the workplace search shows one choice for it.
  const unit = found.items.find((u) => found.items.filter((o) => o.name === u.name).length === 1);
  if (!unit) throw new Error('no grassroots union in the demo data');
  return unit;
}

/** A Vietnamese mobile number nobody in the demo data has: 098 and seven digits. */
const freshPhone = () => `098${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
const e164 = (local: string) => `+84${local.slice(1)}`;

/** The one-time code the development channel wrote to the server's log for this phone, after `since`. */
async function codeSentTo(phone: string, since: number): Promise<string> {
  let code = '';
  await expect
    .poll(
      () => {
        const lines = server.output().slice(since).split('\n');
        for (const line of lines) {
          if (!line.includes(e164(phone))) continue;
          const m = line.match(/"code":"(\d{6})"/);
          if (m?.[1]) code = m[1];
        }
        return code;
      },
      { timeout: 20_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

async function signIn(phonePage: Page, phone: string) {
  await phonePage.getByTestId('signin-identifier').fill(phone.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3'));
  const since = server.output().length;
  await phonePage.getByTestId('signin-send').click();
  await phonePage.getByTestId('signin-sent').waitFor();
  await phonePage.getByTestId('signin-code').fill(await codeSentTo(phone, since));
  await phonePage.getByTestId('signin-verify').click();
}

describe('the member app, on a phone', () => {
  it('a worker applies to join, is admitted by an officer, signs in with a one-time code and shows the card offline', async () => {
    const officer = await newPage(browser, server.url);
    await login(officer, 'tinh', 'congdoan-tinh');
    const cdcs = await someGrassrootsUnion(officer);
    const name = 'Lê Thị Ứng Dụng';
    // A woman born in 1997 in Nghệ An: 040, 1 (woman, 20th century), 97.
    const citizenId = `040197${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const phone = freshPhone();

    // 1. The worker applies from their phone, finding their workplace's union without diacritics.
    const app = await newPhonePage(browser, server.url);
    await app.goto('/app/');
    await app.getByTestId('welcome-join').click();
    await app.getByTestId('join-fullName').fill(name);
    await app.getByTestId('join-birthDate').fill('1997-05-20');
    await app.getByTestId('join-gender-female').check();
    await app.getByTestId('join-citizenId').fill(citizenId);
    await app.getByTestId('join-phone').fill(phone);
    await app.getByTestId('join-place-search').fill(plain(cdcs.name).toLowerCase());
    await app.getByTestId('join-place').filter({ hasText: cdcs.name }).first().click();
    await app.getByTestId('join-place-chosen').waitFor();
    await app.getByTestId('join-consent').check();
    await app.getByTestId('join-submit').click();
    const code = ((await app.getByTestId('join-tracking-code').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(4);
    await app.getByTestId('join-follow').click();
    await expect(app.getByTestId('track-status-text').textContent()).resolves.toBe('Đã gửi, đang chờ xét');

    // 2. The officer finds it among the applications, verifies and admits it.
    await officer.getByTestId('nav-members').click();
    await officer.getByTestId('member-applications').click();
    await officer.waitForURL((u) => u.pathname === '/applications');
    const row = officer.getByTestId('application-row').filter({ hasText: code });
    await row.waitFor();
    await expect(row.getByTestId('application-name').textContent()).resolves.toBe(name);
    await row.getByTestId('application-verify').click();
    await officer.getByTestId('verify-modal-submit').click();
    await row.waitFor({ state: 'detached' });
    await officer.getByTestId('application-status').getByText('Đã thẩm định', { exact: true }).click();
    await row.getByTestId('application-admit').click();
    await expect.poll(() => officer.getByTestId('admit-app-unit').inputValue(), { timeout: 20_000 }).toBe(cdcs.name);
    await officer.getByTestId('admit-app-modal-submit').click();
    await officer.getByTestId('application-admitted-link').click();
    await officer.waitForURL(/\/members\/\d+$/);
    const personId = Number(new URL(officer.url()).pathname.split('/').pop());
    const cards = await (await officerApi(officer)).post<{ cardNo: string; status: string }[]>(
      `/members/${personId}/cards`,
      {},
    );
    const card = cards.find((c) => c.status === 'active');
    if (!card) throw new Error('no active card after issuing one');

    // 3. The worker sees the decision, then signs in with the code sent to their phone.
    await app.reload();
    await expect
      .poll(() => app.getByTestId('track-status-text').textContent(), { timeout: 20_000 })
      .toBe('Đã được kết nạp vào Công đoàn');
    await app.getByRole('link', { name: 'Đăng nhập ứng dụng đoàn viên' }).click();
    await signIn(app, phone);
    await expect(app.getByTestId('ecard-name').textContent()).resolves.toBe(name);
    await expect(app.getByTestId('ecard-no').textContent()).resolves.toBe(card.cardNo);
    await app.getByTestId('ecard-qr').waitFor();

    // 4. With no network, the app still opens and shows the card kept from the last visit.
    await app.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await app.context().setOffline(true);
    await app.reload();
    await app.getByTestId('offline-banner').waitFor();
    await expect(app.getByTestId('ecard-no').textContent()).resolves.toBe(card.cardNo);
    await app.context().setOffline(false);
    await app.context().close();
    await officer.context().close();
  });

  it('a member sends a concern and reads the answer the officer wrote in the inbox', async () => {
    const officer = await newPage(browser, server.url);
    await login(officer, 'tinh', 'congdoan-tinh');
    const cdcs = await someGrassrootsUnion(officer);
    const phone = freshPhone();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await (await officerApi(officer)).post('/members', {
      person: { fullName: 'Trần Văn Góp Ý', gender: 'male', birthDate: '1990-02-03', phone },
      unitId: cdcs.id,
      onDate: today,
    });

    const app = await newPhonePage(browser, server.url);
    await app.goto('/app/#/signin');
    await signIn(app, phone);
    await app.getByTestId('ecard-none').waitFor();
    await app.getByTestId('tab-speak').click();
    await app.getByTestId('speak-new').click();
    const subject = `Ca đêm không có nước uống ${randomInt(1000, 9999)}`;
    await app.getByTestId('speak-kind-concern').check();
    await app.getByTestId('speak-subject').fill(subject);
    await app.getByTestId('speak-body').fill('Phân xưởng 2 làm ca đêm không có nước uống từ tuần trước.');
    await app.getByTestId('speak-send').click();
    await app.getByTestId('thread-message-member').waitFor();
    await expect(app.getByTestId('thread-status').textContent()).resolves.toBe('Đang chờ trả lời');

    // The officer answers from the inbox.
    await officer.goto('/inbox');
    const row = officer.getByTestId('inbox-row').filter({ hasText: subject });
    await row.click();
    const answer = 'Công đoàn đã làm việc với phân xưởng; từ mai có bình nước cho ca đêm.';
    await officer.getByTestId('inbox-answer-text').fill(answer);
    await officer.getByTestId('inbox-answer-submit').click();
    await officer.getByTestId('thread-message').filter({ hasText: answer }).waitFor();

    // The member sees the answer, signed by their CĐCS.
    await app.getByTestId('thread-refresh').click();
    const reply = app.getByTestId('thread-message-officer');
    await expect(reply.locator('.text').textContent()).resolves.toBe(answer);
    await expect(reply.locator('.who').textContent()).resolves.toBe(cdcs.name);
    await expect(app.getByTestId('thread-status').textContent()).resolves.toBe('Đã trả lời');
    await app.context().close();
    await officer.context().close();
  });
});

describe('announcements, on a phone', () => {
  it('an officer publishes to a CĐCS, its member reads it in the app, and the officer sees the read receipt', async () => {
    const officer = await newPage(browser, server.url);
    await login(officer, 'tinh', 'congdoan-tinh');
    const cdcs = await someGrassrootsUnion(officer);
    const phone = freshPhone();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await (await officerApi(officer)).post('/members', {
      person: { fullName: 'Phan Thị Đọc Tin', gender: 'female', birthDate: '1993-09-09', phone },
      unitId: cdcs.id,
      onDate: today,
    });

    const title = `Họp công đoàn cơ sở tháng 12 (${randomInt(1000, 9999)})`;
    await officer.goto(`/announcements?unit=${cdcs.id}`);
    await officer.getByTestId('announcement-publish').click();
    await officer.getByTestId('announcement-title').fill(title);
    await officer.getByTestId('announcement-body').fill('Mời toàn thể đoàn viên dự họp lúc 16 giờ thứ Sáu tại nhà ăn.');
    await officer.getByTestId('announcement-publish-submit').click();
    await officer.waitForURL(/\/announcements\/\d+$/);
    const receipts = officer.getByTestId('announcement-receipts').getByTestId('announcement-read-count');
    await expect(receipts.getAttribute('data-read')).resolves.toBe('0');

    const app = await newPhonePage(browser, server.url);
    await app.goto('/app/#/signin');
    await signIn(app, phone);
    await app.getByTestId('ecard-none').waitFor();
    await app.getByTestId('tab-news').click();
    await app.getByTestId('news-announcement').filter({ hasText: title }).click();
    await expect(app.getByTestId('announcement').locator('h2').textContent()).resolves.toBe(title);

    await expect
      .poll(
        async () => {
          await officer.reload();
          return receipts.getAttribute('data-read');
        },
        { timeout: 20_000 },
      )
      .toBe('1');
    await app.context().close();
    await officer.context().close();
  });
});
