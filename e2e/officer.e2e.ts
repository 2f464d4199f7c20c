import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, desktop, launchBrowser, newPage, phone } from './browser.ts';
import {
  demoOfficer,
  newFounder,
  pathOf,
  publishFromQueue,
  registerProject,
  runId,
  searchFor,
  signIn,
  signUp,
  submit,
  textOf,
} from './journeys.ts';

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

/** Today in Vietnam as YYYY-MM-DD, what a date input takes. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const journeys = [
  { label: 'with JavaScript, on a desktop', javaScriptEnabled: true, viewport: desktop, tag: 'cb-js' },
  { label: 'without JavaScript, on a phone', javaScriptEnabled: false, viewport: phone, tag: 'cb-nojs' },
];

describe.each(journeys)('the case officer $label', ({ javaScriptEnabled, viewport, tag }) => {
  const projectName = `Miến dong Bình Gia – lô ${runId} ${tag}`;
  const supportTitle = `Giới thiệu tham gia Hội chợ OCOP Lạng Sơn ${runId} ${tag}`;
  let context: BrowserContext;
  let page: Page;
  let projectPath = '';

  beforeAll(async () => {
    // A founder registers the project the officer will look after (checked in founder.e2e.ts).
    const founder = await newPage(browser, { javaScriptEnabled, viewport });
    try {
      await signUp(founder.page, newFounder(tag), { a11y: false });
      await registerProject(founder.page, projectName, { a11y: false });
    } finally {
      await founder.context.close();
    }
    ({ context, page } = await newPage(browser, { javaScriptEnabled, viewport }));
  });
  afterAll(async () => {
    await context?.close();
  });

  test('signs in at /dang-nhap', async () => {
    await signIn(page, demoOfficer.email, defaultPassword);
  });

  test('publishes the founder’s project from the review queue', async () => {
    await publishFromQueue(page, projectName);
  });

  test('finds the founder’s project and opens it', async () => {
    const link = await searchFor(page, `mien dong binh gia lo ${runId} ${tag}`, projectName);
    projectPath = (await link.getAttribute('href')) ?? '';
    const loaded = page.waitForEvent('load');
    await link.click();
    await loaded;
    expect(pathOf(page)).toBe(projectPath);
    await page.getByRole('heading', { level: 1, name: projectName, exact: true }).waitFor();
    await checkA11y(page);
  });

  test('assigns themself as case officer', async () => {
    expect(pathOf(page)).toBe(projectPath);
    const main = page.locator('main');
    const assign = main.locator('form.assign');
    await assign.locator('select[name="officerId"]').selectOption({ label: demoOfficer.name });
    await submit(page, 'Lưu', assign);
    expect(pathOf(page)).toBe(projectPath);
    expect(await textOf(main.locator('.flash'))).toContain('Đã phân công');
    expect(await textOf(main.locator('.key-facts'))).toContain(demoOfficer.name);
    await checkA11y(page);
  });

  test('records a support entry and sees it on the project’s timeline', async () => {
    const main = page.locator('main');
    const loaded = page.waitForEvent('load');
    await main.getByRole('link', { name: 'Ghi nhận hỗ trợ', exact: true }).click();
    await loaded;
    expect(pathOf(page)).toBe(`${projectPath}/ho-tro/moi`);
    await checkA11y(page);

    await main.locator('#f-kind').selectOption({ label: 'Giới thiệu tham gia chương trình, sự kiện' });
    await main.locator('#f-title').fill(supportTitle);
    await main.locator('#f-startedOn').fill(today());
    await main.locator('#f-outcome').fill('Nhóm được bố trí một gian hàng, bán hết 200 gói miến trong hai ngày.');
    await submit(page, 'Lưu');
    expect(pathOf(page), await textOf(main)).toBe(projectPath);
    expect(await textOf(main.locator('.flash'))).toContain('Đã ghi nhận');

    const timeline = main.locator('h2', { hasText: 'Quá trình được hỗ trợ' }).locator('xpath=following-sibling::ol[1]');
    const entry = timeline.locator('li', { hasText: supportTitle });
    expect(await entry.count(), await textOf(main)).toBe(1);
    expect(await textOf(entry)).toContain('Giới thiệu tham gia chương trình, sự kiện');
    await checkA11y(page);
  });
});
