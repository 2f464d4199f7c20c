import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
const [,, base, email, ...rest] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
const page = await ctx.newPage();
if (email && email !== '-') {
  await page.goto(base + '/dang-nhap');
  await page.fill('#f-email', email); await page.fill('#f-password', 'KetNoi@2026');
  await Promise.all([page.waitForEvent('load'), page.click('main button[type=submit]')]);
}
for (const spec of rest) {
  const [path, out] = spec.split('=>');
  const res = await page.goto(base + path);
  await page.screenshot({ path: out, fullPage: true });
  console.log(res.status(), path, out);
}
await browser.close();
