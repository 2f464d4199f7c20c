import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, desktop, launchBrowser, newPage, phone } from './browser.ts';
import { demoOfficer, newFounder, registerProject, runId, searchFor, signIn, signUp, visit } from './journeys.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Today in Vietnam as YYYY-MM-DD, what a date input takes. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const journeys = [
  { label: 'with JavaScript, on a desktop', javaScriptEnabled: true, viewport: desktop, tag: 'cb-js' },
  { label: 'without JavaScript, on a phone', javaScriptEnabled: false, viewport: phone, tag: 'cb-nojs' },
];

describe.each(journeys)('the case officer $label', ({ javaScriptEnabled, viewport, tag }) => {
  const projectName = `Miến dong Bình Gia – lô ${runId} ${tag}`;

  beforeAll(async () => {
    // A founder registers the project the officer will look after.
    const { context, page } = await newPage(browser, { javaScriptEnabled, viewport });
    try {
      await signUp(page, newFounder(tag));
      await registerProject(page, projectName);
    } finally {
      await context.close();
    }
  });

  test('takes on a founder’s project and records the support given', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled, viewport });
    try {
      await signIn(page, demoOfficer.email, defaultPassword);

      const link = await searchFor(page, `mien dong binh gia lo ${runId} ${tag}`, projectName);
      const projectPath = (await link.getAttribute('href')) ?? '';
      await visit(page, projectPath);
      const main = page.locator('main');
      await main.getByRole('heading', { level: 1, name: projectName, exact: true }).waitFor();

      // Assign themself as case officer.
      const assign = main.locator('form.assign');
      await assign.locator('select[name="officerId"]').selectOption({ label: demoOfficer.name });
      let loaded = page.waitForEvent('load');
      await assign.getByRole('button', { name: 'Lưu', exact: true }).click();
      await loaded;
      expect(new URL(page.url()).pathname).toBe(projectPath);
      expect(await main.locator('.flash').innerText()).toContain('Đã phân công');
      expect(await main.locator('dl.facts').innerText()).toContain(demoOfficer.name);
      await checkA11y(page);

      // Record a support entry.
      loaded = page.waitForEvent('load');
      await main.getByRole('link', { name: 'Ghi nhận hỗ trợ', exact: true }).click();
      await loaded;
      expect(new URL(page.url()).pathname).toBe(`${projectPath}/ho-tro/moi`);
      await checkA11y(page);
      const title = `Giới thiệu tham gia Hội chợ OCOP Lạng Sơn ${runId}`;
      await main.locator('#f-kind').selectOption({ label: 'Giới thiệu tham gia chương trình, sự kiện' });
      await main.locator('#f-title').fill(title);
      await main.locator('#f-startedOn').fill(today());
      await main.locator('#f-outcome').fill('Nhóm được bố trí một gian hàng, bán hết 200 gói miến trong hai ngày.');
      loaded = page.waitForEvent('load');
      await main.getByRole('button', { name: 'Lưu', exact: true }).click();
      await loaded;
      expect(new URL(page.url()).pathname, await main.innerText()).toBe(projectPath);
      expect(await main.locator('.flash').innerText()).toContain('Đã ghi nhận');

      // It shows on the project's timeline.
      const timeline = main.locator('h2', { hasText: 'Quá trình được hỗ trợ' }).locator('xpath=following-sibling::ol[1]');
      const entry = timeline.locator('li', { hasText: title });
      expect(await entry.count(), await main.innerText()).toBe(1);
      expect(await entry.innerText()).toContain('Giới thiệu tham gia chương trình, sự kiện');
      await checkA11y(page);
    } finally {
      await context.close();
    }
  });
});
