// The member app on a phone: its first load on a slow mobile profile (simulated 4G and a phone's
// slower processor), and how much script it makes the phone download.
//   npm run bench -- member-app
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { MEMBER_SESSION_COOKIE } from '../src/lib/http.ts';
import { fullScope } from '../src/lib/scope.ts';
import * as cards from '../src/modules/cards/service.ts';
import { startMemberSession } from '../src/modules/member-auth/session.ts';
import * as members from '../src/modules/members/service.ts';
import { buildSmallTree } from '../test/tree.ts';
import { fmt, machine, withBenchDb, writeSection } from './lib.ts';

/**
 * Lighthouse's "slow 4G" mobile profile: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, and
 * the processor 4 times slower than this machine's (a mid-range phone).
 */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const RUNS = 7;

// Measured on a fresh build of what is in the tree.
execSync('npx vite build --logLevel warn', { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
const dist = path.resolve(import.meta.dirname, '../web/dist');

/** The scripts and styles the app's page loads (its entry, the chunks it preloads, its CSS). */
function appFiles() {
  const html = fs.readFileSync(path.join(dist, 'app/index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
}

function sizes(kind: 'js' | 'css') {
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const f of appFiles().filter((x) => x.endsWith(`.${kind}`))) {
    const data = fs.readFileSync(path.join(dist, f));
    raw += data.length;
    gz += zlib.gzipSync(data, { level: 9 }).length;
    br += zlib.brotliCompressSync(data).length;
  }
  return { raw, gz, br };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function throttled(browser: Browser, cookie?: { url: string; value: string }) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    // A first visit: no service worker yet, nothing cached.
    serviceWorkers: 'block',
  });
  if (cookie) await context.addCookies([{ name: MEMBER_SESSION_COOKIE, value: cookie.value, url: cookie.url }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page };
}

/** Milliseconds from the start of navigation until the first real screen is up (median of RUNS). */
async function firstLoad(browser: Browser, url: string, readyTestId: string, cookie?: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser, cookie ? { url, value: cookie } : undefined);
    let transferred = 0;
    page.on('requestfinished', async (req) => {
      const s = await req.sizes().catch(() => null);
      if (s) transferred += s.responseBodySize + s.responseHeadersSize;
    });
    await page.goto(`${url}/app/`, { waitUntil: 'commit' });
    await page.getByTestId(readyTestId).waitFor({ timeout: 60_000 });
    const ms = await page.evaluate(() => performance.getEntriesByName('app-interactive')[0]?.startTime ?? -1);
    times.push(ms);
    bytes = transferred;
    await (context as BrowserContext).close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, max: times[times.length - 1] ?? 0, bytes };
}

await withBenchDb('PGlite', 'member_app', async (database) => {
  const t = await buildSmallTree(database);
  const caller = { scope: fullScope, roles: [{ role: 'system_admin' }], id: null, username: 'bench' };
  const actor = { id: null, name: 'bench' };
  const personId = await members.admit(database.db, caller, actor, {
    person: { fullName: 'Nguyễn Thị Đo Tải', gender: 'female', birthDate: '1995-03-04', phone: '0912345678' },
    unitId: t.a1,
    onDate: '2024-01-02',
  });
  await cards.issue(database.db, caller, actor, personId);
  const { token } = await startMemberSession(database.db, personId);

  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never' } as NodeJS.ProcessEnv), database);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const welcome = await firstLoad(browser, url, 'welcome-signin');
    const card = await firstLoad(browser, url, 'ecard-qr', token);
    const js = sizes('js');
    const css = sizes('css');
    const goal = (ms: number) => (ms < 3000 ? 'met' : 'missed');
    writeSection(
      'member-app',
      `## The member app on a phone (\`npm run bench -- member-app\`)

A first visit (nothing cached, no service worker yet) in headless Chromium with a phone's screen,
on Lighthouse's slow-4G profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the
processor slowed ${CPU_SLOWDOWN}×; "interactive" is the moment the first real screen is up, measured in
the page (\`performance.mark('app-interactive')\`); median of ${RUNS} loads. The server is this
machine's, so the network profile is all the distance there is.

| first load | median | slowest | bytes over the wire | goal (interactive < 3 s) |
|---|---|---|---|---|
| signed out: the welcome screen | ${fmt(welcome.median)} ms | ${fmt(welcome.max)} ms | ${kb(welcome.bytes)} | ${goal(welcome.median)} |
| signed in: the e-card with its QR (after \`GET /app/me\`) | ${fmt(card.median)} ms | ${fmt(card.max)} ms | ${kb(card.bytes)} | ${goal(card.median)} |

| what the page loads | raw | gzip | brotli (what the server sends) | goal (JS < 200 KB compressed) |
|---|---|---|---|---|
| JavaScript | ${kb(js.raw)} | ${kb(js.gz)} | ${kb(js.br)} | ${js.gz < 200 * 1024 ? 'met' : 'missed'} |
| CSS | ${kb(css.raw)} | ${kb(css.gz)} | ${kb(css.br)} | |

Machine: ${machine()}.`,
    );
  } finally {
    await browser.close();
    await app.close();
  }
});
