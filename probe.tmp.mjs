import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, isMobile: true, hasTouch: true, locale: 'vi-VN' });
const p = await ctx.newPage();
if (process.env.LOGIN) { await p.goto('http://127.0.0.1:4100/dang-nhap'); await p.fill('input[name=email]', process.env.LOGIN); await p.fill('input[name=password]', 'KetNoi@2026'); await Promise.all([p.waitForEvent('load'), p.locator('main button[type=submit]').first().click()]); }
const proj = '/du-an/quyt-vang-bac-son';
const prod = '/san-pham/tui-tho-cam-nung-dao';
const pages = (process.argv[2] ? process.argv.slice(2) : ['/', '/du-an', proj, '/san-pham', prod, '/su-kien', '/chuyen-gia', '/doi-tac', '/so-lieu', '/tim-kiem?q=thach', '/dang-nhap', '/dang-ky']);
for (const path of pages) {
  const r = await p.goto('http://127.0.0.1:4100' + path);
  const [sw, cw] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  let culprit = '';
  if (sw > cw) culprit = (await p.evaluate(() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361 && ![...e.children].some(c => c.getBoundingClientRect().right > 361)).slice(0,2).map(e => e.tagName + '.' + e.className + ' ' + e.outerHTML.slice(0, 120)))).join(' | ');
  console.log(r.status(), path, sw, cw, culprit);
}
await b.close();
