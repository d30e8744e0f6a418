import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, baseURL: 'http://localhost:4810' });
await page.goto('/');
await page.getByTestId('login-username').fill('tinh');
await page.getByTestId('login-password').fill('congdoan-tinh');
await page.getByTestId('login-submit').click();
await page.getByTestId('app-shell').waitFor();
const starts = new Map();
page.on('request', (r) => { if (r.url().includes('/api/')) starts.set(r, Date.now()); });
page.on('requestfinished', (r) => { if (starts.has(r)) console.log(String(Date.now() - starts.get(r)).padStart(6), r.url().replace('http://localhost:4810', '').slice(0, 120)); });
for (const url of [process.argv[2] ?? '/dashboard']) {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  console.log('total', Date.now() - t0);
}
await browser.close();
