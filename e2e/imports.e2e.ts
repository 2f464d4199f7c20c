import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { desktop, launchBrowser, newPage, phone } from './browser.ts';
import { demoOfficer, pathOf, signIn, submit, textOf, visit } from './journeys.ts';

// An officer brings a past course's attendance sheet in, checks it, imports it, sees nobody is
// added twice by a second import, and undoes it — with JavaScript and without.

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

const sheet = fileURLToPath(new URL('./fixtures/hoc-vien-tap-huan-2022.xlsx', import.meta.url));

const journeys = [
  { label: 'with JavaScript, on a phone', javaScriptEnabled: true, viewport: phone, event: 1 },
  { label: 'without JavaScript, on a desktop', javaScriptEnabled: false, viewport: desktop, event: 2 },
];

describe.each(journeys)('importing a past course’s list, $label', ({ javaScriptEnabled, viewport, event }) => {
  test('upload → columns and problems → import → again changes nothing → undo', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled, viewport });
    await signIn(page, demoOfficer.email, defaultPassword, { a11y: false });

    async function upload() {
      await visit(page, '/quan-ly/nhap-du-lieu');
      const main = page.locator('main');
      await main.locator('#f-kind').selectOption('attendance');
      await main.locator('#f-event').selectOption({ index: event });
      await main.locator('#f-file').setInputFiles(sheet);
      await submit(page, 'Tải lên và kiểm tra');
      expect(pathOf(page), await textOf(main)).toMatch(/^\/quan-ly\/nhap-du-lieu\/[0-9a-f-]{36}$/);
      return pathOf(page);
    }

    const first = await upload();
    const main = page.locator('main');
    const preview = await textOf(main);
    expect(preview).toContain('Dòng tiêu đề tìm thấy ở dòng 6');
    expect(preview).toContain('Đánh dấu cả hai cột Nam và Nữ. Chỉ đánh x vào một cột.');
    await visit(page, first);
    await submit(page, 'Nhập 7 dòng');
    expect(await textOf(page.locator('.flash'))).toContain('Đã nhập: 7 mới');

    await upload();
    await submit(page, 'Nhập 7 dòng');
    expect(await textOf(page.locator('.flash'))).toContain('Đã nhập: 0 mới, 7 đã có từ trước');

    await visit(page, first);
    await submit(page, 'Hoàn tác lần nhập này');
    expect(await textOf(page.locator('.flash'))).toContain('Đã hoàn tác lần nhập.');
    await context.close();
  });
});
