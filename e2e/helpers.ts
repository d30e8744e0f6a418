import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type TestServer = {
  url: string;
  stop: () => Promise<void>;
  /** What the server wrote lately (its log at warn level): the development sign-in codes appear here. */
  output: () => string;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The server serves web/dist; build it once if nobody has (npm run test:e2e builds it first). */
export function ensureWebBuild() {
  if (fs.existsSync(path.join(repoRoot, 'web/dist/index.html'))) return;
  const r = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** How long a test file may wait for its server: the first one also seeds the demo data (minutes). */
export const SERVER_START_TIMEOUT = 600_000;

/**
 * Starts `tsx src/main.ts` on a free port with a fresh data dir; resolves once /health says 200.
 * On PGlite the fresh dir is a copy of one seeded once per run (per seed code and day), so each
 * test file gets the full demo data without seeding it again.
 */
export async function startServer({ timeoutMs = 170_000 } = {}): Promise<TestServer> {
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-e2e-'));
  if (!process.env.TEST_DATABASE_URL) {
    fs.rmSync(dataDir, { recursive: true });
    fs.cpSync(await seededTemplate(), dataDir, { recursive: true });
  }
  return serve(dataDir, timeoutMs, false);
}

/** The seeded data dir for the current seed code, migrations and day; made by a first server. */
async function seededTemplate(): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const dir of ['src/seed', 'src/db']) {
    for (const f of (fs.readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[]).sort()) {
      const file = path.join(repoRoot, dir, f);
      if (fs.statSync(file).isFile()) hash.update(f).update(fs.readFileSync(file));
    }
  }
  // The demo data is generated relative to today.
  hash.update(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));
  const template = path.join(os.tmpdir(), `congdoan-e2e-seeded-${hash.digest('hex').slice(0, 16)}`);
  if (fs.existsSync(path.join(template, 'READY'))) return template;
  const building = `${template}.${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  // Stopped cleanly (SIGTERM closes the database) before it is copied.
  await (await serve(building, SERVER_START_TIMEOUT - 60_000, true)).stop();
  // Earlier seed code's copies are of no further use (each is most of a gigabyte).
  for (const old of fs.readdirSync(os.tmpdir()).filter((f) => /^congdoan-e2e-seeded-[0-9a-f]+$/.test(f)))
    fs.rmSync(path.join(os.tmpdir(), old), { recursive: true, force: true });
  fs.renameSync(building, template);
  fs.writeFileSync(path.join(template, 'READY'), '');
  return template;
}

async function serve(dataDir: string, timeoutMs: number, keepData: boolean): Promise<TestServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (process.env.TEST_DATABASE_URL) env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  else delete env.DATABASE_URL;

  // Its own process group, so that stopping it also stops what npx started under it.
  const child = spawn('npx', ['tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-64000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid && !exited(child)) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killed = await Promise.race([gone.then(() => true), delay(10_000).then(() => false)]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await gone;
      }
    }
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) {
      await stop();
      throw new Error(`The server exited before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return { url, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await delay(300);
  }
  await stop();
  throw new Error(`The server did not answer /api/v1/health within ${timeoutMs / 1000}s:\n${output}`);
}

function delay(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies and localStorage) with one page. */
export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

/** A phone-sized browser context (a mid-range Android phone's screen, touch) with one page. */
export async function newPhonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

export async function login(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor();
}

/** Picks an "as of" day by typing it, as an officer would: dd/mm/yyyy. */
export async function setAsOf(page: Page, ddmmyyyy: string) {
  const input = page.getByTestId('as-of');
  await input.fill(ddmmyyyy);
  await input.press('Escape');
  await page.waitForURL((u) => u.searchParams.get('asOf') === toIso(ddmmyyyy));
}

export function toIso(ddmmyyyy: string) {
  const [d, m, y] = ddmmyyyy.split('/');
  return `${y}-${m}-${d}`;
}

/** The row of a unit in the tree, by its exact name. */
export function treeRow(page: Page, name: string) {
  return page
    .locator('[data-tree-row]')
    .filter({ has: page.getByTestId('tree-node-name').filter({ hasText: exact(name) }) });
}

export const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
