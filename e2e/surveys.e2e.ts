import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { desktop, launchBrowser, newPage, phone, screenshot } from './browser.ts';
import { demoOfficer, pathOf, signIn, submit, textOf, visit } from './journeys.ts';

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

const founder = { email: 'tacgia@ketnoi.demo' };
let surveyPath = '';

/** The question of the page whose label starts with these words. */
const question = (page: Page, words: string) => page.locator('main .field').filter({ hasText: words });

test('an officer creates this year’s two-group needs survey from the template', async () => {
  const { context, page } = await newPage(browser, { viewport: desktop });
  try {
    await signIn(page, demoOfficer.email, defaultPassword);
    await visit(page, '/khao-sat');
    // The 2022 survey of the demo, with its answers.
    expect(await textOf(page.locator('main'))).toContain('150 bài trả lời');
    await submit(page, 'Tạo từ mẫu: khảo sát nhu cầu hai nhóm');
    expect(pathOf(page)).toMatch(/^\/khao-sat\/[^/]+\/thiet-ke$/);
    surveyPath = pathOf(page).replace(/\/thiet-ke$/, '');
    expect(await textOf(page.locator('main'))).toContain('Bạn thuộc nhóm nào?');
  } finally {
    await context.close();
  }
});

test('a founder answers on a 360 px phone with JavaScript off, stops, comes back and finishes', async () => {
  const first = await newPage(browser, { javaScriptEnabled: false, viewport: phone });
  try {
    const page = first.page;
    await signIn(page, founder.email, defaultPassword);
    await visit(page, surveyPath);
    await page.locator('main').getByLabel('Tôi đồng ý').check();
    await submit(page, 'Bắt đầu trả lời');
    expect(pathOf(page)).toBe(`${surveyPath}/trang/1`);
    await question(page, 'Bạn thuộc nhóm nào?').getByLabel('Tôi có dự án khởi nghiệp').check();
    await question(page, 'Bạn đang làm việc ở xã').locator('select').selectOption({ index: 1 });
    await submit(page, 'Lưu và tiếp tục');
    // The project question shows after the group is known: still page 1, nothing lost.
    const project = question(page, 'Bạn trả lời cho dự án nào?');
    if (pathOf(page).endsWith('/trang/1')) {
      await project.locator('input[type=radio]').first().check();
      await submit(page, 'Lưu và tiếp tục');
    }
    expect(pathOf(page)).toBe(`${surveyPath}/trang/2`);
    await question(page, 'Dự án đang ở giai đoạn nào?').getByLabel('Đã bán ra thị trường').check();
    // The needs are required: the message in Vietnamese, the stage kept.
    await submit(page, 'Lưu và tiếp tục');
    expect(await textOf(page.locator('.error-summary'))).toContain('Vui lòng điền thông tin này.');
    expect(await question(page, 'Dự án đang ở giai đoạn nào?').getByLabel('Đã bán ra thị trường').isChecked()).toBe(
      true,
    );
    await screenshot(page, 'test-results/screenshots/survey-page-360.png');
    await submit(page, 'Lưu để làm tiếp sau');
    expect(pathOf(page)).toBe(`${surveyPath}/da-luu`);
  } finally {
    await first.context.close();
  }

  const second = await newPage(browser, { javaScriptEnabled: false, viewport: phone });
  try {
    const page = second.page;
    await signIn(page, founder.email, defaultPassword);
    await visit(page, surveyPath);
    await page.locator('main').getByRole('link', { name: 'Tiếp tục trả lời' }).click();
    await page.waitForLoadState('load');
    expect(pathOf(page)).toBe(`${surveyPath}/trang/2`);
    expect(await question(page, 'Dự án đang ở giai đoạn nào?').getByLabel('Đã bán ra thị trường').isChecked()).toBe(
      true,
    );
    await question(page, 'Năm tới').getByLabel('Đào tạo, tập huấn').check();
    await question(page, 'Năm tới').getByLabel('Kết nối tiêu thụ').check();
    await submit(page, 'Lưu và tiếp tục');
    // The support workers' page is skipped for a founder.
    expect(pathOf(page)).toBe(`${surveyPath}/trang/4`);
    await question(page, 'Bạn hài lòng').getByLabel('4', { exact: true }).check();
    await submit(page, 'Gửi câu trả lời');
    expect(pathOf(page)).toBe(`${surveyPath}/xong`);
    expect(await textOf(page.locator('main'))).toContain('Cảm ơn bạn đã trả lời khảo sát');
    await submit(page, 'Thêm vào nhu cầu của dự án');
    expect(await textOf(page.locator('body'))).toMatch(/Đã thêm nhu cầu|đã có sẵn/);
    await screenshot(page, 'test-results/screenshots/survey-done-360.png');
  } finally {
    await second.context.close();
  }
});

test('the officer reads the results: a chart per question, by group and by commune', async () => {
  const { context, page } = await newPage(browser, { viewport: desktop });
  try {
    await signIn(page, demoOfficer.email, defaultPassword);
    await visit(page, `${surveyPath}/ket-qua`);
    expect(await textOf(page.locator('main'))).toContain('1 bài đã gửi');
    expect(await page.locator('main svg.chart').count()).toBeGreaterThan(3);
    await visit(page, `${surveyPath}/ket-qua?theo=xa`);
    expect(await page.locator('main table').count()).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
