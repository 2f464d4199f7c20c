import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, desktop, launchBrowser, newPage, phone } from './browser.ts';
import { demoOfficer, pathOf, signIn, submit, textOf, visit } from './journeys.ts';

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

const journeys = [
  { label: 'with JavaScript, on a desktop', javaScriptEnabled: true, viewport: desktop },
  { label: 'without JavaScript, on a phone', javaScriptEnabled: false, viewport: phone },
];

/** The figure of one indicator card on the report page, as the officer reads it. */
async function figureOf(page: Page, name: string): Promise<string> {
  const card = page.locator('li.figure').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
  return textOf(card.locator('.figure-value strong'));
}

/** Follows a link that answers with a file, and returns the file's first bytes. */
async function download(page: Page, linkName: string): Promise<{ name: string; head: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName, exact: true }).click(),
  ]);
  const path = await file.path();
  const bytes = await readFile(path);
  return { name: file.suggestedFilename(), head: bytes.subarray(0, 2).toString('latin1') };
}

describe.each(journeys)('the report of the article’s period $label', ({ javaScriptEnabled, viewport }) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage(browser, { javaScriptEnabled, viewport }));
    await signIn(page, demoOfficer.email, defaultPassword, { a11y: false });
  });
  afterAll(async () => {
    await context?.close();
  });

  test('an officer chooses 01/01/2021 … 31/07/2022 and reads the article’s figures', async () => {
    await visit(page, '/quan-ly/bao-cao');
    const form = page.locator('form.period-form');
    await form.locator('input[name="from"]').fill('2021-01-01');
    await form.locator('input[name="to"]').fill('2022-07-31');
    await submit(page, 'Xem số liệu', form);
    expect(pathOf(page)).toBe('/quan-ly/bao-cao');
    expect(await figureOf(page, 'Khóa đào tạo, tập huấn đã tổ chức')).toBe('5');
    expect(await figureOf(page, 'Dự án được chuyên gia tư vấn')).toBe('6');
    expect(await figureOf(page, 'Sản phẩm ký được hợp đồng tiêu thụ')).toBe('1');
    expect(await figureOf(page, 'Dự án được giới thiệu tham gia sự kiện quốc gia')).toBe('10');
    expect(Number(await figureOf(page, 'Người được đào tạo, tập huấn'))).toBeGreaterThan(200);
    // Three charts, each drawn on the server with its title and a table of the same figures.
    expect(await page.locator('main svg.chart[role="img"]').count()).toBe(3);
    expect(await textOf(page.locator('main'))).toContain('Dự án được hỗ trợ theo xã, phường');
    await checkA11y(page);
  });

  test('opens the evidence of the nominations: the ten projects, each a link', async () => {
    const card = page.locator('li.figure').filter({
      has: page.getByRole('heading', { level: 3, name: 'Dự án được giới thiệu tham gia sự kiện quốc gia' }),
    });
    const loaded = page.waitForEvent('load');
    await card.getByRole('link', { name: 'Xem 10 hồ sơ' }).click();
    await loaded;
    expect(pathOf(page)).toBe('/quan-ly/bao-cao/chi-tieu/du-an-duoc-de-cu');
    const rows = page.locator('main table').first().locator('tbody tr');
    expect(await rows.count()).toBe(10);
    expect(await rows.first().locator('a').getAttribute('href')).toMatch(/^\/du-an\//);
    await checkA11y(page);
  });

  test('a period that ends before it starts gets a sentence, and the days typed stay', async () => {
    const response = await page.goto('/quan-ly/bao-cao?from=2022-07-31&to=2021-01-01');
    expect(response?.status()).toBe(422);
    expect(await textOf(page.locator('main .error-summary'))).toContain(
      'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.',
    );
    expect(await page.locator('input[name="from"]').inputValue()).toBe('2022-07-31');
    await checkA11y(page);
  });

  test('downloads the workbook and the Word report', async () => {
    await visit(page, '/quan-ly/bao-cao?from=2021-01-01&to=2022-07-31', { a11y: false });
    const xlsx = await download(page, 'Tải về Excel');
    expect(xlsx.name).toBe('bao-cao-2021-01-01-2022-07-31.xlsx');
    expect(xlsx.head).toBe('PK');
    const loaded = page.waitForEvent('load');
    await page.getByRole('link', { name: 'Soạn báo cáo Word' }).click();
    await loaded;
    expect(pathOf(page)).toBe('/quan-ly/bao-cao/word');
    await checkA11y(page);
    const difficulties = 'Một số dự án ở xa trung tâm, khó tham gia tập huấn.';
    await page.locator('textarea[name="difficulties"]').fill(difficulties);
    // Without proposals and the signer's name the form comes back with a sentence, nothing typed lost.
    await submit(page, 'Tải về báo cáo Word');
    expect(await textOf(page.locator('main .error-summary'))).toContain('Họ và tên người ký');
    expect(await page.locator('textarea[name="difficulties"]').inputValue()).toBe(difficulties);
    await page.locator('textarea[name="proposals"]').fill('Đề nghị Bộ hỗ trợ kinh phí tổ chức thêm khóa tập huấn.');
    await page.locator('input[name="signerName"]').fill('Nguyễn Văn An');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về báo cáo Word' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    expect((await readFile(await file.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

test('anyone reads the headline figures at /so-lieu, linked from the home page', async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false, viewport: phone });
  try {
    await visit(page, '/');
    const loaded = page.waitForEvent('load');
    await page.locator('a[href="/so-lieu"]').first().click();
    await loaded;
    expect(pathOf(page)).toBe('/so-lieu');
    await visit(page, '/so-lieu?nam=2022');
    expect(await textOf(page.locator('main'))).toContain('Khóa đào tạo, tập huấn đã tổ chức');
  } finally {
    await context.close();
  }
});
