import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { desktop, launchBrowser, newPage, phone } from './browser.ts';
import { demoOfficer, pathOf, signIn, submit, textOf, visit } from './journeys.ts';

// An officer brings a past course's attendance sheet in, checks it, imports it, finds the
// participants and their attendance on the event's list, sees nobody is added twice by a second
// import, and undoes it (the participants are gone) — with JavaScript and without.

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
  test('upload → problems → import → the event lists them → again changes nothing → undo → gone', async () => {
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

    /** The officer states that the people in the file consented (required before importing). */
    async function stateBasis() {
      const main = page.locator('main');
      await main.locator('#f-basis').selectOption('consent');
      await main.locator('#f-statement').fill('Những người trong danh sách đã ký phiếu đồng ý khi tham dự.');
    }

    const first = await upload();
    const main = page.locator('main');
    const preview = await textOf(main);
    expect(preview).toContain('Dòng tiêu đề tìm thấy ở dòng 6');
    expect(preview).toContain('Đánh dấu cả hai cột Nam và Nữ. Chỉ đánh x vào một cột.');
    await visit(page, first);
    await stateBasis();
    await submit(page, 'Nhập 7 dòng');
    expect(await textOf(page.locator('.flash'))).toContain('Đã nhập: 7 mới');

    // The event's list of participants: the imported people, with the sessions they came to.
    const list = (await main.getByRole('link', { name: 'Xem danh sách người tham dự' }).getAttribute('href')) ?? '';
    expect(list).toMatch(/^\/su-kien\/[^/]+\/nguoi-dang-ky$/);
    const rowOf = (name: string) => main.locator('tbody tr', { hasText: name });
    await visit(page, list);
    await expect.poll(() => rowOf('Chu Văn Em').count()).toBe(1);
    expect(await textOf(rowOf('Chu Văn Em'))).toMatch(/[1-9]\d*\/\d+$/);
    expect(await rowOf('Hoàng Văn Thắng').count()).toBe(1);

    await upload();
    await stateBasis();
    await submit(page, 'Nhập 7 dòng');
    expect(await textOf(page.locator('.flash'))).toContain('Đã nhập: 0 mới, 7 đã có từ trước');
    await visit(page, list);
    expect(await rowOf('Chu Văn Em').count()).toBe(1);

    await visit(page, first);
    await submit(page, 'Hoàn tác lần nhập này');
    expect(await textOf(page.locator('.flash'))).toContain('Đã hoàn tác lần nhập.');
    await visit(page, list);
    expect(await rowOf('Chu Văn Em').count()).toBe(0);
    expect(await rowOf('Hoàng Văn Thắng').count()).toBe(0);
    await context.close();
  });
});
