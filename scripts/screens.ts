/**
 * Screenshots of the pages the design is judged on, at 360 × 740 (a cheap Android phone) and
 * 1366 × 768 (an office desktop), into docs/screens/. The first screen of each page: what a
 * visitor sees before scrolling.
 *
 *   npx tsx scripts/screens.ts                       # starts a server on fresh demo data
 *   BASE_URL=http://127.0.0.1:3000 npx tsx scripts/screens.ts   # uses a running server
 *   npx tsx scripts/screens.ts --full --out /tmp/shots           # whole pages, elsewhere
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';

const args = process.argv.slice(2);
const full = args.includes('--full');
const outAt = args.indexOf('--out');
const out = outAt >= 0 && args[outAt + 1] ? (args[outAt + 1] as string) : 'docs/screens';
const only = args.find((a) => !a.startsWith('--') && a !== out);
const password = 'KetNoi@2026';

const sizes = [
  { tag: '360', viewport: { width: 360, height: 740 }, mobile: true },
  { tag: '1366', viewport: { width: 1366, height: 768 }, mobile: false },
];

type Who = 'anonymous' | 'founder' | 'officer' | 'admin';
const emails: Record<Exclude<Who, 'anonymous'>, string> = {
  founder: 'tacgia@ketnoi.demo',
  officer: 'canbo@ketnoi.demo',
  admin: 'quantri@ketnoi.demo',
};

interface Shot {
  name: string;
  who: Who;
  /** A path, or how to find it from the page `from`. */
  path?: string;
  from?: { path: string; link: string };
  /** Something to do before the picture (open the menu, send an empty form). */
  act?: (page: Page) => Promise<void>;
}

const shots: Shot[] = [
  { name: 'home', who: 'anonymous', path: '/' },
  { name: 'home-founder', who: 'founder', path: '/' },
  { name: 'home-officer', who: 'officer', path: '/' },
  { name: 'home-admin', who: 'admin', path: '/' },
  {
    name: 'menu-officer',
    who: 'officer',
    path: '/',
    act: async (page) => {
      const menu = page.locator('header details.menu > summary');
      if (await menu.isVisible()) await menu.click();
    },
  },
  { name: 'directory', who: 'anonymous', path: '/du-an' },
  {
    name: 'project',
    who: 'anonymous',
    from: { path: '/du-an?q=thach+den', link: 'main :is(td.primary a, a.row-title)' },
  },
  { name: 'showcase', who: 'anonymous', path: '/san-pham' },
  { name: 'product', who: 'anonymous', from: { path: '/san-pham?q=thach+den', link: 'main .product-card a' } },
  { name: 'events', who: 'anonymous', path: '/su-kien' },
  { name: 'event', who: 'anonymous', from: { path: '/su-kien', link: 'main :is(td.primary a, a.row-title)' } },
  { name: 'search', who: 'anonymous', path: '/tim-kiem?q=thach+den' },
  { name: 'inbox', who: 'officer', path: '/quan-ly/yeu-cau' },
  { name: 'request', who: 'officer', from: { path: '/quan-ly/yeu-cau', link: 'main :is(td.primary a, a.row-title)' } },
  { name: 'ledger', who: 'officer', path: '/ho-tro' },
  { name: 'report', who: 'officer', path: '/quan-ly/bao-cao?from=2021-01-01&to=2022-07-31' },
  {
    name: 'report-evidence',
    who: 'officer',
    path: '/quan-ly/bao-cao/chi-tieu/du-an-duoc-de-cu?from=2021-01-01&to=2022-07-31',
  },
  { name: 'people', who: 'officer', path: '/quan-ly/nguoi' },
  { name: 'figures', who: 'anonymous', path: '/so-lieu?nam=2022' },
  { name: 'stories', who: 'officer', path: '/quan-ly/cau-chuyen' },
  { name: 'admin-users', who: 'admin', path: '/quan-tri/tai-khoan' },
  {
    name: 'form-errors',
    who: 'founder',
    path: '/du-an/moi',
    act: async (page) => {
      const loaded = page.waitForEvent('load');
      await page.locator('main form button[type="submit"]').last().click();
      await loaded;
    },
  },
];

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ket-noi-screens-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error('the server did not start');
}

async function signIn(page: Page, email: string) {
  await page.goto('/dang-nhap');
  await page.locator('main #f-email').fill(email);
  await page.locator('main #f-password').fill(password);
  const loaded = page.waitForEvent('load');
  await page.locator('main form button[type="submit"]').click();
  await loaded;
}

async function take(browser: Browser, url: string) {
  await mkdir(out, { recursive: true });
  for (const size of sizes) {
    const contexts = new Map<Who, Page>();
    const pageFor = async (who: Who) => {
      let page = contexts.get(who);
      if (page) return page;
      const context = await browser.newContext({
        baseURL: url,
        viewport: size.viewport,
        isMobile: size.mobile,
        hasTouch: size.mobile,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      page = await context.newPage();
      if (who !== 'anonymous') await signIn(page, emails[who]);
      contexts.set(who, page);
      return page;
    };
    for (const shot of shots) {
      if (only && shot.name !== only) continue;
      const page = await pageFor(shot.who);
      if (shot.path) await page.goto(shot.path);
      else if (shot.from) {
        await page.goto(shot.from.path);
        const href = await page.locator(shot.from.link).first().getAttribute('href');
        await page.goto(href ?? '/');
      }
      if (shot.act) await shot.act(page);
      const png = await page.screenshot({ fullPage: full });
      const file = join(out, `${shot.name}-${size.tag}.png`);
      // A palette PNG: a quarter of the bytes, no visible loss on flat UI colours.
      await sharp(png).png({ palette: true, quality: 90, effort: 8 }).toFile(file);
      console.log(file, page.url().replace(url, ''));
    }
    for (const page of contexts.values()) await page.context().close();
  }
}

const server = process.env.BASE_URL ? { url: process.env.BASE_URL, stop: async () => {} } : await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
});
try {
  await take(browser, server.url);
} finally {
  await browser.close();
  await server.stop();
}
