import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkA11y } from './browser.ts';

/** Something unique to this run, so accounts and projects never collide between runs. */
export const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const demoOfficer = { email: 'canbo@ketnoi.demo', name: 'Hoàng Thị Thu Hà' };

/** Opens a path, checks it answered 2xx and passes axe. */
export async function visit(page: Page, path: string): Promise<void> {
  console.log("visit", path);
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBeLessThan(400);
  await checkA11y(page);
}

/** Waits for the page a form submission leads to. */
async function submitAndWait(page: Page, buttonName: string | RegExp, scope = page.locator('main')): Promise<void> {
  console.log("submit", buttonName, page.url());
  const loaded = page.waitForEvent('load');
  await scope.getByRole('button', { name: buttonName, exact: true }).click();
  await loaded;
}

export interface Founder {
  name: string;
  email: string;
  password: string;
}

export function newFounder(tag: string): Founder {
  return { name: `Lăng Thị Mến ${tag}`, email: `sanglap-${runId}-${tag}@vi-du.vn`, password: 'MienDong@2026' };
}

/** /dang-ky: creates the account and ends signed in. */
export async function signUp(page: Page, f: Founder): Promise<void> {
  await visit(page, '/dang-ky');
  const main = page.locator('main');
  await main.locator('#f-name').fill(f.name);
  await main.locator('#f-email').fill(f.email);
  await main.locator('#f-password').fill(f.password);
  await main.locator('#f-passwordConfirm').fill(f.password);
  await submitAndWait(page, 'Tạo tài khoản');
  expect(new URL(page.url()).pathname, await page.locator('main').innerText()).not.toBe('/dang-ky');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** /dang-nhap: signs in and lands where `next` points (home by default). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/dang-nhap');
  const main = page.locator('main');
  await main.locator('#f-email').fill(email);
  await main.locator('#f-password').fill(password);
  await submitAndWait(page, 'Đăng nhập');
  expect(new URL(page.url()).pathname, await main.innerText()).not.toBe('/dang-nhap');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** /du-an/moi: registers a project in Lạng Sơn and lands on its page; returns its path. */
export async function registerProject(page: Page, name: string): Promise<string> {
  await visit(page, '/du-an/moi');
  const main = page.locator('main');
  await main.locator('#f-name').fill(name);
  await main
    .locator('#f-summary')
    .fill('Hợp tác xã sản xuất miến dong thủ công từ củ dong riềng trồng tại xã, đóng gói bán cho các cửa hàng đặc sản.');
  await main
    .locator('#f-description')
    .fill('Nhóm gồm 5 hộ dân người Tày ở Bình Gia.\n\nChúng tôi cần hỗ trợ đăng ký nhãn hiệu và kết nối tiêu thụ ở Hà Nội.');
  await main.locator('#f-type').selectOption({ index: 1 });
  await main.locator('#f-field').selectOption({ index: 1 });
  await main.locator('#f-stage').selectOption({ index: 1 });
  const commune = main.locator('#f-commune');
  const binhGia = commune.locator('option', { hasText: 'Bình Gia' }).first();
  await commune.selectOption((await binhGia.count()) > 0 ? { label: (await binhGia.innerText()).trim() } : { index: 1 });
  await main.locator('#f-awards').fill('2025 - Giải Khuyến khích cuộc thi khởi nghiệp tỉnh Lạng Sơn');
  await main.locator('input[name="needs"]').first().check();
  await main.locator('#f-consentToPublish').check();
  await main.locator('#f-isPublic').check();
  await submitAndWait(page, 'Lưu');
  const path = new URL(page.url()).pathname;
  expect(path, await main.innerText()).toMatch(/^\/du-an\/[a-z0-9-]+$/);
  expect(path).not.toBe('/du-an/moi');
  await main.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  expect(await main.locator('.flash').innerText()).toContain(name);
  await checkA11y(page);
  return path;
}

/** /tim-kiem: searches, then returns the result link for `name` (asserted present). */
export async function searchFor(page: Page, query: string, name: string) {
  await visit(page, '/tim-kiem');
  const main = page.locator('main');
  await main.locator('#f-q').fill(query);
  await submitAndWait(page, 'Tìm', main.locator('form[role="search"]'));
  expect(new URL(page.url()).searchParams.get('q')).toBe(query);
  const link = main.locator('ul.results a', { hasText: name });
  expect(await link.count(), `results for "${query}":\n${await main.innerText()}`).toBe(1);
  await checkA11y(page);
  return link;
}
