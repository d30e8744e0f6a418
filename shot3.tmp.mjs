import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, baseURL: 'http://localhost:4810' });
await page.goto('/');
await page.getByTestId('login-username').fill('tinh');
await page.getByTestId('login-password').fill('congdoan-tinh');
await page.getByTestId('login-submit').click();
await page.getByTestId('app-shell').waitFor();
for (const u of ['/api/v1/transfer-requests?box=incoming&status=pending', '/api/v1/feedback?status=open&limit=1', '/api/v1/dashboard?asOf=2026-11-26', '/api/v1/plans/1/progress?unitId=2&asOf=2026-11-26', '/api/v1/areas?level=commune&limit=1000', '/api/v1/enterprises?under=2&asOf=2026-11-26&status=operating&minWorkforce=25&limit=500']) {
  for (let i = 0; i < 3; i++) { const t0 = Date.now(); const r = await page.request.get(u); await r.body(); process.stdout.write(`${Date.now() - t0} `); }
  console.log(u);
}
await browser.close();
