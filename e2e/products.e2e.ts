import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, desktop, launchBrowser, newPage, phone, screenshot } from './browser.ts';
import {
  demoOfficer,
  newFounder,
  pathOf,
  publishFromQueue,
  registerProject,
  runId,
  signIn,
  signUp,
  submit,
  textOf,
  visit,
} from './journeys.ts';

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

/** A photo as a phone takes it (with a GPS position), made here. */
async function photo(colour: { r: number; g: number; b: number }) {
  const buffer = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 45/1 0/1' },
    })
    .toBuffer();
  return { name: 'anh.jpg', mimeType: 'image/jpeg', buffer };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Buttons and links named with hidden text ("Xác nhận: Nhãn hiệu") show a space before the colon in Chromium's accessible names (the button is a flex box). */
const named = (visible: string, hidden: string) =>
  new RegExp(`^${visible}\\s*: ${hidden.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

async function press(page: Page, scope: ReturnType<Page['locator']>, name: RegExp) {
  const loaded = page.waitForEvent('load');
  await scope.getByRole('button', { name }).click();
  await loaded;
}

async function follow(page: Page, name: string, scope = page.locator('main')) {
  const loaded = page.waitForEvent('load');
  await scope.getByRole('link', { name, exact: true }).first().click();
  await loaded;
}

// One story across three people: the founder (JavaScript on, phone), a buyer and the officer
// (JavaScript off, desktop: every step is a plain form), then the project's timeline.
describe('a product from the founder’s phone to a signed contract', () => {
  const projectName = `Miến dong Bình Gia – lô ${runId} sp`;
  const productName = `Miến dong sợi nhỏ ${runId}`;
  let founder: { context: BrowserContext; page: Page };
  let officer: { context: BrowserContext; page: Page };
  let projectPath = '';
  let productPath = '';

  beforeAll(async () => {
    founder = await newPage(browser, { viewport: phone });
    officer = await newPage(browser, { javaScriptEnabled: false, viewport: desktop });
  });
  afterAll(async () => {
    await founder?.context.close();
    await officer?.context.close();
  });

  test('the founder adds a product with two photos', async () => {
    const { page } = founder;
    await signUp(page, newFounder('sp'));
    projectPath = await registerProject(page, projectName);
    await follow(page, 'Sản phẩm của dự án');
    expect(pathOf(page)).toBe(`${projectPath}/san-pham`);
    await checkA11y(page);
    await follow(page, 'Thêm sản phẩm');
    await checkA11y(page);
    const main = page.locator('main');
    await main.locator('#f-name').fill(productName);
    await main.locator('#f-category').selectOption('food');
    await main
      .locator('#f-description')
      .fill('Miến dong làm thủ công từ củ dong riềng Bình Gia, sợi dai, không hóa chất tẩy trắng.');
    await main.locator('#f-unit').fill('gói 500 g');
    await main.locator('#f-priceMinVnd').fill('45000');
    await main.locator('#f-priceMaxVnd').fill('55000');
    await main
      .locator('#f-images')
      .setInputFiles([await photo({ r: 140, g: 120, b: 100 }), await photo({ r: 90, g: 60, b: 40 })]);
    await submit(page, 'Lưu');
    productPath = pathOf(page);
    expect(productPath, await textOf(main)).toMatch(/^\/san-pham\/mien-dong-soi-nho-/);
    expect(await textOf(main.locator('.flash'))).toContain(productName);
    expect(await main.locator('.gallery img').count()).toBe(2);
    expect(await textOf(main)).toContain('45.000 – 55.000 ₫ / gói 500 g');
    await checkA11y(page);
    await screenshot(page, 'test-results/screenshots/product-360.png');
  });

  test('fills part of the checklist and asks for help with the trademark in one click', async () => {
    const { page } = founder;
    const main = page.locator('main');
    await follow(page, 'Điều kiện lưu thông: đạt 0/7 mục bắt buộc');
    expect(pathOf(page)).toBe(`${productPath}/dieu-kien`);
    await checkA11y(page);
    await main
      .locator('#muc-legal_entity')
      .getByRole('link', { name: named('Cập nhật', 'Tư cách pháp lý') })
      .click();
    await page.waitForURL(`**${productPath}/dieu-kien/legal_entity`);
    await checkA11y(page);
    await main.locator('#f-status').selectOption('done');
    await main.locator('#f-number').fill('14H8009999');
    await submit(page, 'Lưu');
    // the form is needed: 422, the number kept
    expect(await textOf(main.locator('.error-summary'))).toContain('Vui lòng chọn hình thức.');
    expect(await main.locator('#f-number').inputValue()).toBe('14H8009999');
    await main.locator('#f-variant').selectOption('household');
    await submit(page, 'Lưu');
    expect(pathOf(page)).toBe(`${productPath}/dieu-kien`);
    expect(await textOf(main.locator('#muc-legal_entity'))).toContain('Chờ Sở xác nhận');

    const help = main.locator('#muc-trademark').getByRole('link', { name: named('Nhờ Sở hỗ trợ', 'Nhãn hiệu') });
    const href = new URL((await help.getAttribute('href')) ?? '', 'http://x');
    expect(href.pathname).toBe('/yeu-cau/moi');
    expect(href.searchParams.get('du_an')).toBe(projectPath.split('/').pop());
    expect(href.searchParams.get('loai')).toBe('consulting_ip');
    const loaded = page.waitForEvent('load');
    await help.click();
    await loaded;
    expect(pathOf(page)).toBe('/yeu-cau/moi');
    expect(await main.locator('input[name="needs"][value="consulting_ip"]').isChecked()).toBe(true);
    expect(await main.locator('#f-body').inputValue()).toContain('Nhãn hiệu');
    await checkA11y(page);
  });

  test('the officer (no JavaScript) verifies the item and records a techfest 247 listing', async () => {
    const { page } = officer;
    const main = page.locator('main');
    await signIn(page, demoOfficer.email, defaultPassword);
    // The founder's project goes public once reviewed: its products show on the showcase then.
    await publishFromQueue(page, projectName);
    await visit(page, `${productPath}/dieu-kien`);
    await press(page, main.locator('#muc-legal_entity'), named('Xác nhận', 'Tư cách pháp lý'));
    expect(await textOf(main.locator('.flash'))).toContain('Đã xác nhận');
    expect(await textOf(main.locator('#muc-legal_entity'))).toContain('Sở đã xác nhận');
    await checkA11y(page);

    await visit(page, productPath);
    await follow(page, 'Ghi nhận đưa lên nền tảng');
    await checkA11y(page);
    await main.locator('#f-platform').selectOption('techfest247');
    await main.locator('#f-url').fill('https://techfest.example/gian-hang/mien-dong');
    await main.locator('#f-listedOn').fill(today());
    await submit(page, 'Lưu');
    expect(pathOf(page)).toBe(productPath);
    expect(await textOf(main)).toContain('Techfest 247 (không gian số quốc gia)');
    await checkA11y(page);
  });

  test('a buyer sends an inquiry from the public page', async () => {
    const buyer = await newPage(browser, { viewport: phone });
    try {
      const { page } = buyer;
      const main = page.locator('main');
      await visit(page, '/san-pham?q=mien+dong+soi+nho');
      await follow(page, productName);
      expect(pathOf(page)).toBe(productPath);
      expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(productName);
      await main.locator('#f-name').fill('Nguyễn Thu Mua');
      await main.locator('#f-organisation').fill(`Cửa hàng đặc sản ${runId}`);
      await main.locator('#f-email').fill(`mua-${runId}@vi-du.vn`);
      await main.locator('#f-message').fill('Cửa hàng muốn nhập 200 gói miến mỗi tháng, xin báo giá giao tại Hà Nội.');
      await submit(page, 'Gửi yêu cầu');
      expect(await textOf(main.locator('.flash'))).toContain('Đã gửi yêu cầu');
      await checkA11y(page);
    } finally {
      await buyer.context.close();
    }
  });

  test('the officer turns it into a connection and moves it to "contract signed" with a value', async () => {
    const { page } = officer;
    const main = page.locator('main');
    await visit(page, '/hoi-mua');
    // Each inquiry is a compact row that unfolds in place, with its actions inside.
    const card = main.locator('ul.rows > li', { hasText: `Cửa hàng đặc sản ${runId}` });
    await card.locator('summary').click();
    const loaded = page.waitForEvent('load');
    await card.getByRole('link', { name: 'Tạo kết nối tiêu thụ' }).click();
    await loaded;
    await checkA11y(page);
    await main
      .locator('#f-partnerId')
      .selectOption({ label: 'Hệ thống siêu thị Happy mart (Hà Nội) (Siêu thị, chuỗi bán lẻ)' });
    await submit(page, 'Lưu');
    expect(pathOf(page)).toMatch(/^\/ket-noi-tieu-thu\/[0-9a-f-]{36}$/);
    const connectionPath = pathOf(page);
    await checkA11y(page);

    // on the board: a plain form per card
    await visit(page, '/ket-noi-tieu-thu');
    const boardCard = main.locator('li.board-card', { hasText: productName });
    await boardCard.locator('select[name="stage"]').selectOption('contract_signed');
    await press(page, boardCard, named('Chuyển giai đoạn', `${productName} ↔ Hệ thống siêu thị Happy mart (Hà Nội)`));
    expect(pathOf(page)).toBe('/ket-noi-tieu-thu');
    expect(await textOf(main.locator('section', { has: page.locator('h2#col-contract_signed') }))).toContain(
      productName,
    );
    await checkA11y(page);
    await screenshot(page, 'test-results/screenshots/board-desktop.png');

    await visit(page, connectionPath);
    const outcome = main.locator('form[action$="/ket-qua"]');
    await outcome.locator('#f-contractValueVnd').fill('120000000');
    await outcome.locator('#f-salesBeforeVnd').fill('100000000');
    await outcome.locator('#f-salesAfterVnd').fill('130000000');
    await submit(page, 'Lưu', outcome);
    expect(await textOf(main)).toContain('Tăng 30%');
    await checkA11y(page);
  });

  test('the project’s timeline shows the listing and the connection', async () => {
    const { page } = founder;
    await visit(page, projectPath);
    const timeline = await textOf(page.locator('main ol.timeline'));
    expect(timeline).toContain(`Đưa sản phẩm “${productName}” lên Techfest 247`);
    expect(timeline).toContain(`Kết nối tiêu thụ: ${productName} với Hệ thống siêu thị Happy mart (Hà Nội)`);
    expect(timeline).toContain('Hợp đồng 120.000.000 ₫');
    expect(timeline).toContain('Doanh số tăng 30%');
  });
});
