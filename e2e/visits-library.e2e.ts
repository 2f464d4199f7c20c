import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, launchBrowser, newPage, phone } from './browser.ts';
import { demoOfficer, pathOf, runId, signIn, submit, textOf, visit } from './journeys.ts';

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

const journeys = [
  { label: 'with JavaScript', javaScriptEnabled: true, tag: 'js', phoneTail: '1' },
  { label: 'without JavaScript', javaScriptEnabled: false, tag: 'nojs', phoneTail: '2' },
];

describe.each(journeys)(
  'a walk-in at the door and the officer at the desk, on a phone, $label',
  ({ javaScriptEnabled, tag, phoneTail }) => {
    const visitor = `Nông Thị Vân ${runId} ${tag}`;
    // A phone of this run and journey (the registry knows a person by the phone: two journeys with
    // one phone would be one person, under the first name given).
    const digits = String(Number.parseInt(runId.slice(-6), 36) % 1_000_000).padStart(6, '0');
    const visitorPhone = `037${digits}${phoneTail}`;
    let walkIn: { context: BrowserContext; page: Page };
    let officer: { context: BrowserContext; page: Page };

    beforeAll(async () => {
      walkIn = await newPage(browser, { javaScriptEnabled, viewport: phone });
      officer = await newPage(browser, { javaScriptEnabled, viewport: phone });
    });
    afterAll(async () => {
      await walkIn?.context.close();
      await officer?.context.close();
    });

    test('checks in from the QR poster’s address, asking for support', async () => {
      const { page } = walkIn;
      await visit(page, '/den-lam-viec');
      const main = page.locator('main');
      await main.locator('#f-fullName').fill(visitor);
      await main.locator('#f-phone').fill(visitorPhone);
      await main.locator('#f-commune').selectOption({ label: 'Xã Thất Khê (huyện cũ: Tràng Định)' });
      await main.locator('#f-purpose').selectOption({ label: 'Đề nghị hỗ trợ' });
      await main.locator('#f-note').fill('Cần hỏi thủ tục đăng ký nhãn hiệu cho mật ong.');
      await submit(page, 'Đăng ký');
      expect(pathOf(page)).toBe('/den-lam-viec/cam-on');
      expect(await textOf(main)).toContain('Cán bộ Sở sẽ gặp bạn');
      await checkA11y(page);
    });

    test('the officer sees the visit and files the request prefilled from it', async () => {
      const { page } = officer;
      await signIn(page, demoOfficer.email, defaultPassword);
      await visit(page, '/quan-ly/luot-den');
      const main = page.locator('main');
      const row = main.locator('tr', { hasText: visitor });
      expect(await row.count(), await textOf(main)).toBe(1);
      const loaded = page.waitForEvent('load');
      await row.getByRole('link', { name: 'Lập yêu cầu hỗ trợ' }).click();
      await loaded;
      await checkA11y(page);
      expect(await main.locator('#f-contactName').inputValue()).toBe(visitor);
      expect(await main.locator('#f-contactPhone').inputValue()).toBe(visitorPhone);
      expect(await main.locator('#f-body').inputValue()).toContain('nhãn hiệu cho mật ong');
      await main.getByLabel('Tư vấn nhãn hiệu, sở hữu trí tuệ').check();
      await main.locator('#f-body').fill('Cần hỏi thủ tục đăng ký nhãn hiệu cho mật ong bạc hà của hợp tác xã.');
      await submit(page, 'Gửi yêu cầu');
      expect(pathOf(page)).toMatch(/^\/yeu-cau\/\d+$/);
      expect(await textOf(main)).toContain(visitor);
      await checkA11y(page);
      // Back at the desk, the visit names its request.
      await visit(page, '/quan-ly/luot-den');
      expect(await textOf(main.locator('tr', { hasText: visitor }))).toMatch(/YC-\d+/);
    });
  },
);

describe.each(journeys)('a visitor of the library, on a phone, $label', ({ javaScriptEnabled }) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser, { javaScriptEnabled, viewport: phone }));
  });
  afterAll(async () => {
    await context?.close();
  });

  test('finds a template without typing diacritics and downloads it', async () => {
    await visit(page, '/thu-vien');
    const main = page.locator('main');
    await main.locator('#f-q').fill('mau ke hoach kinh doanh');
    await submit(page, 'Tìm', main.locator('form[role="search"]'));
    await checkA11y(page);
    const title = 'Mẫu kế hoạch kinh doanh cho dự án khởi nghiệp';
    const link = main.getByRole('link', { name: title, exact: true });
    const loaded = page.waitForEvent('load');
    await link.click();
    await loaded;
    await checkA11y(page);
    const before = Number(
      (await textOf(main.locator('dt', { hasText: 'Lượt tải' }).locator('xpath=following-sibling::dd[1]'))).replace(
        /\D/g,
        '',
      ),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('link', { name: 'Tải về', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(path).toBeTruthy();
    await page.reload();
    const after = Number(
      (await textOf(main.locator('dt', { hasText: 'Lượt tải' }).locator('xpath=following-sibling::dd[1]'))).replace(
        /\D/g,
        '',
      ),
    );
    expect(after).toBe(before + 1);
  });
});
