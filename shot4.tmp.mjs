import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, baseURL: 'http://localhost:4810' });
await page.goto('/');
await page.getByTestId('login-username').fill('tinh');
await page.getByTestId('login-password').fill('congdoan-tinh');
await page.getByTestId('login-submit').click();
await page.getByTestId('app-shell').waitFor();
const urls = ['/api/v1/transfer-requests?box=incoming&status=pending', '/api/v1/feedback?status=open&limit=1', '/api/v1/dashboard?asOf=2026-11-26', '/api/v1/plans/1/progress?unitId=2&asOf=2026-11-26'];
for (let k = 0; k < 3; k++) {
  const t0 = Date.now();
  const out = await Promise.all(urls.map(async (u) => { const r = await page.request.get(u); await r.body(); return Date.now() - t0; }));
  console.log(out.join(' '));
}
await browser.close();
