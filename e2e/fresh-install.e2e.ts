import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, phone } from './browser.ts';
import { exited, freePort } from './global-setup.ts';
import { pathOf, signIn, submit, textOf, visit } from './journeys.ts';

// From a fresh machine to the Department's own lists: a server started on an empty data folder
// without the demo data prints its one-time setup address; the setup makes the first admin and the
// Department's profile; the admin invites an officer, whose invitation is read in the outbox; the
// officer creates the account, enters two past courses and imports the sample lists (attendance,
// projects, partners, experts); the courses list their participants with their attendance; the same
// files again change nothing; one batch is undone. On a 360 px wide phone, with JavaScript.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const admin = { name: 'Lương Thị Quản', email: 'quantri@so-khcn.vi-du.vn', password: 'QuanTri@2026' };
const officer = { name: 'Hoàng Văn Cán', email: 'canbo@so-khcn.vi-du.vn', password: 'CanBo@2026' };

let child: ChildProcess;
let dataDir = '';
let baseUrl = '';
let setupAddress = '';
let browser: Browser;
let output = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ket-noi-fresh-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      BACKUP_DAILY_AT: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 110_000;
  while (Date.now() < deadline && !setupAddress) {
    if (child.exitCode !== null) break;
    setupAddress = /open (https?:\/\/\S+\/cai-dat\/[\w-]+)/.exec(output)?.[1] ?? '';
    if (!setupAddress) await new Promise((r) => setTimeout(r, 250));
  }
  if (!setupAddress) throw new Error(`No setup address in the server's log:\n${output}`);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    if (!(await exited(child, 15_000))) child.kill('SIGKILL');
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: phone,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(60_000);
  return context.newPage();
}

describe('a fresh install, on a phone', () => {
  let officerPage: Page;
  const courses: { title: string; path: string; file: string; sessions: string; kind: string }[] = [
    {
      title: 'Tập huấn khởi nghiệp đổi mới sáng tạo 2022',
      path: '',
      file: 'hoc-vien-tap-huan-2022.xlsx',
      sessions: '15/08/2022 08:00-11:30\n16/08/2022 13:30-17:00',
      kind: 'Khóa đào tạo, tập huấn',
    },
    {
      title: 'Hội thảo kết nối khởi nghiệp 2023',
      path: '',
      file: 'nguoi-du-hoi-thao-2023.csv',
      sessions: '20/04/2023 08:00-11:30',
      kind: 'Hội thảo',
    },
  ];
  const lists = [
    { kind: 'projects', file: 'du-an.xlsx' },
    { kind: 'partners', file: 'doi-tac.xlsx' },
    { kind: 'experts', file: 'chuyen-gia.xlsx' },
  ];
  const batches: string[] = [];

  test('the home page says setup is waiting; the setup address makes the admin and the profile, once', async () => {
    const page = await phonePage();
    await visit(page, '/');
    expect(await textOf(page.locator('body'))).toContain('Trang web đang chờ cài đặt');
    expect(await page.content()).not.toContain(new URL(setupAddress).pathname);
    await visit(page, new URL(setupAddress).pathname);
    const main = page.locator('main');
    await main.locator('#f-name').fill('Sở Khoa học và Công nghệ tỉnh Lạng Sơn');
    await main.locator('#f-unit').fill('Phòng Quản lý công nghệ và Đổi mới sáng tạo');
    await main.locator('#f-address').fill('Số 2 đường Hoàng Văn Thụ, phường Lương Văn Tri');
    await main.locator('#f-phone').fill('0205 3812 345');
    await main.locator('#f-email').fill('skhcn@langson.gov.vn');
    await main.locator('#f-baseUrl').fill(baseUrl);
    await main.locator('#f-adminName').fill(admin.name);
    await main.locator('#f-adminEmail').fill(admin.email);
    await main.locator('#f-password').fill(admin.password);
    await main.locator('#f-passwordConfirm').fill(admin.password);
    await submit(page, 'Hoàn tất cài đặt');
    expect(pathOf(page), await textOf(main)).toBe('/dang-nhap');
    expect(await textOf(main.locator('.flash'))).toContain('Đã cài đặt xong');
    // Used up: the address answers 404 for good.
    expect((await page.goto(new URL(setupAddress).pathname))?.status()).toBe(404);
    await page.context().close();
  });

  test('the admin invites an officer; the officer creates the account from the mail in the outbox', async () => {
    const page = await phonePage();
    await signIn(page, admin.email, admin.password);
    expect(await textOf(page.locator('footer'))).toContain('Sở Khoa học và Công nghệ tỉnh Lạng Sơn');
    await visit(page, '/quan-tri/moi');
    const main = page.locator('main');
    await main.locator('#f-name').fill(officer.name);
    await main.locator('#f-email').fill(officer.email);
    await main.locator('#f-role').selectOption('officer');
    await submit(page, 'Gửi lời mời');
    expect(await textOf(main.locator('.flash'))).toContain(`Đã gửi lời mời tới ${officer.email}`);
    await visit(page, '/quan-tri/hop-thu');
    const mail = main.locator('.mail-text', { hasText: officer.name }).first();
    const link = /https?:\/\/\S+\/dat-lai-mat-khau\/[\w-]+/.exec((await mail.textContent()) ?? '')?.[0] ?? '';
    expect(link, await textOf(main)).toContain(baseUrl);
    await page.context().close();

    officerPage = await phonePage();
    await visit(officerPage, new URL(link).pathname);
    const form = officerPage.locator('main');
    await form.locator('#f-password').fill(officer.password);
    await form.locator('#f-passwordConfirm').fill(officer.password);
    await submit(officerPage, 'Tạo tài khoản');
    expect(await textOf(form.locator('.flash'))).toContain('Tài khoản của bạn đã được tạo');
    await signIn(officerPage, officer.email, officer.password);
  });

  test('the officer enters two past courses', async () => {
    const page = officerPage;
    const main = page.locator('main');
    for (const c of courses) {
      await visit(page, '/su-kien/moi', { a11y: false });
      await main.locator('#f-kind').selectOption({ label: c.kind });
      await main.locator('#f-title').fill(c.title);
      await main.locator('#f-description').fill('Lớp đã tổ chức; danh sách người tham dự nhập từ tệp của Sở.');
      await main.locator('#f-venue').fill('Hội trường Sở Khoa học và Công nghệ');
      await main.locator('#f-sessions').fill(c.sessions);
      await main.locator('#f-capacity').fill('60');
      await main.locator('#f-published').check();
      await submit(page, 'Lưu');
      c.path = pathOf(page);
      expect(c.path, await textOf(main)).toMatch(/^\/su-kien\/[a-z0-9-]+$/);
    }
  });

  async function upload(kind: string, file: string, eventTitle?: string): Promise<string> {
    const page = officerPage;
    const main = page.locator('main');
    await visit(page, '/quan-ly/nhap-du-lieu', { a11y: false });
    await main.locator('#f-kind').selectOption(kind);
    if (eventTitle) {
      const value = await main.locator('#f-event option', { hasText: eventTitle }).getAttribute('value');
      await main.locator('#f-event').selectOption(value ?? '');
    }
    await main.locator('#f-file').setInputFiles(fixture(file));
    await submit(page, 'Tải lên và kiểm tra');
    expect(pathOf(page), `${await textOf(main)}\n${output.slice(-4000)}`).toMatch(
      /^\/quan-ly\/nhap-du-lieu\/[0-9a-f-]{36}$/,
    );
    return pathOf(page);
  }

  /** Presses "Nhập N dòng"; gives the flash that reports what was imported. */
  async function runImport(): Promise<string> {
    const page = officerPage;
    // The officer states why the people in the file may be kept (required before importing).
    await page.locator('main #f-basis').selectOption('consent');
    await page.locator('main #f-statement').fill('Những người trong danh sách đã ký phiếu đồng ý khi tham dự.');
    await page
      .locator('main')
      .getByRole('button', { name: /^Nhập \d+ dòng$/ })
      .click();
    await page.waitForLoadState('load');
    await page.locator('.flash').waitFor();
    return textOf(page.locator('.flash'));
  }

  test('the officer imports the sample lists: attendance of the past courses, projects, partners, experts', async () => {
    for (const c of courses) {
      batches.push(await upload('attendance', c.file, c.title));
      expect(await runImport()).toMatch(/^Đã nhập: [1-9]\d* mới/);
    }
    for (const l of lists) {
      batches.push(await upload(l.kind, l.file));
      expect(await runImport()).toMatch(/^Đã nhập: [1-9]\d* mới, 0 đã có từ trước/);
    }
  });

  test('the past courses show their participants and their attendance', async () => {
    const page = officerPage;
    const main = page.locator('main');
    const [course, workshop] = courses;
    await visit(page, `${course?.path}/nguoi-dang-ky`, { a11y: false });
    const row = main.locator('tbody tr', { hasText: 'Chu Văn Em' });
    expect(await row.count()).toBe(1);
    expect(await textOf(row)).toMatch(/[1-9]\d*\/2$/);
    await visit(page, `${workshop?.path}/nguoi-dang-ky`, { a11y: false });
    expect(await main.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  test('importing the same files again changes nothing', async () => {
    for (const c of courses) {
      await upload('attendance', c.file, c.title);
      expect(await runImport()).toMatch(/^Đã nhập: 0 mới/);
    }
    for (const l of lists) {
      await upload(l.kind, l.file);
      expect(await runImport()).toMatch(/^Đã nhập: 0 mới/);
    }
  });

  test('undoing the experts batch takes the experts it made away', async () => {
    const page = officerPage;
    const experts = batches.at(-1) ?? '';
    expect((await page.goto('/chuyen-gia/le-thi-phuong-thao'))?.status()).toBe(200);
    await visit(page, experts, { a11y: false });
    await submit(page, 'Hoàn tác lần nhập này');
    expect(await textOf(page.locator('.flash'))).toContain('Đã hoàn tác lần nhập.');
    expect((await page.goto('/chuyen-gia/le-thi-phuong-thao'))?.status()).toBe(404);
    await page.context().close();
  });
});
