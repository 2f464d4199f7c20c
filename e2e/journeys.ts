import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkA11y } from './browser.ts';

/** Something unique to this run, so accounts and projects never collide between runs. */
export const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const demoOfficer = { email: 'canbo@ketnoi.demo', name: 'Hoàng Thị Thu Hà' };

/** Whether each page reached is checked with axe (off when a journey only prepares data). */
export interface Check {
  a11y?: boolean;
}

/** Opens a path, checks it answered 2xx and passes axe. */
export async function visit(page: Page, path: string, { a11y = true }: Check = {}): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBeLessThan(400);
  if (a11y) await checkA11y(page);
}

/** Clicks a submit button (in `main` unless told) and waits for the page the form leads to. */
export async function submit(page: Page, buttonName: string, scope = page.locator('main')): Promise<void> {
  const loaded = page.waitForEvent('load');
  await scope.getByRole('button', { name: buttonName, exact: true }).click();
  await loaded;
}

/** The text of an element with its white space collapsed. */
export const textOf = async (locator: Locator): Promise<string> =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

export const pathOf = (page: Page): string => new URL(page.url()).pathname;

export interface Founder {
  name: string;
  email: string;
  password: string;
}

export function newFounder(tag: string): Founder {
  return { name: `Lăng Thị Mến ${tag}`, email: `sanglap-${runId}-${tag}@vi-du.vn`, password: 'MienDong@2026' };
}

/** /dang-ky: creates the account and ends signed in. */
export async function signUp(page: Page, f: Founder, check: Check = {}): Promise<void> {
  await visit(page, '/dang-ky', check);
  const main = page.locator('main');
  await main.locator('#f-name').fill(f.name);
  await main.locator('#f-email').fill(f.email);
  await main.locator('#f-password').fill(f.password);
  await main.locator('#f-passwordConfirm').fill(f.password);
  await main.locator('#f-consentService').check();
  await submit(page, 'Tạo tài khoản');
  // The journeys' server has no mail server (a trial install): the account is finished at once.
  expect(pathOf(page), await textOf(main)).not.toMatch(/^\/dang-ky/);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  if (check.a11y !== false) await checkA11y(page);
}

/** /dang-nhap: signs in and lands on the home page. */
export async function signIn(page: Page, email: string, password: string, check: Check = {}): Promise<void> {
  await visit(page, '/dang-nhap', check);
  const main = page.locator('main');
  await main.locator('#f-email').fill(email);
  await main.locator('#f-password').fill(password);
  await submit(page, 'Đăng nhập');
  expect(pathOf(page), await textOf(main)).not.toBe('/dang-nhap');
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  if (check.a11y !== false) await checkA11y(page);
}

/** /du-an/moi: registers a project in Lạng Sơn and lands on its page; returns its path. */
export async function registerProject(page: Page, name: string, check: Check = {}): Promise<string> {
  await visit(page, '/du-an/moi', check);
  const main = page.locator('main');
  await main.locator('#f-name').fill(name);
  await main
    .locator('#f-summary')
    .fill(
      'Hợp tác xã sản xuất miến dong thủ công từ củ dong riềng trồng tại xã, đóng gói bán cho các cửa hàng đặc sản.',
    );
  await main
    .locator('#f-description')
    .fill(
      'Nhóm gồm 5 hộ dân người Tày ở Bình Gia.\n\nChúng tôi cần hỗ trợ đăng ký nhãn hiệu và kết nối tiêu thụ ở Hà Nội.',
    );
  await main.locator('#f-type').selectOption({ index: 1 });
  await main.locator('#f-field').selectOption({ index: 1 });
  await main.locator('#f-stage').selectOption({ index: 1 });
  // A commune of the former Bình Gia district when the list has one, else the first.
  const commune = main.locator('#f-commune');
  const binhGia = commune.locator('option', { hasText: 'Bình Gia' }).first();
  const value = (await binhGia.count()) > 0 ? await binhGia.getAttribute('value') : null;
  await commune.selectOption(value ? { value } : { index: 1 });
  await main.locator('#f-awards').fill('2025 - Giải Khuyến khích cuộc thi khởi nghiệp tỉnh Lạng Sơn');
  await main.locator('input[name="needs"]').first().check();
  await main.locator('#f-consentToPublish').check();
  await main.locator('#f-isPublic').check();
  await submit(page, 'Lưu');
  const path = pathOf(page);
  expect(path, await textOf(main)).toMatch(/^\/du-an\/[a-z0-9-]+$/);
  expect(path).not.toBe('/du-an/moi');
  await main.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  expect(await textOf(main.locator('.flash'))).toContain(name);
  if (check.a11y !== false) await checkA11y(page);
  return path;
}

/**
 * An officer publishes a founder's project from the review queue (`page` is signed in as staff):
 * a founder's project shows publicly only after that.
 */
export async function publishFromQueue(page: Page, name: string, check: Check = {}): Promise<void> {
  await visit(page, '/quan-ly/du-an-cho-duyet', check);
  const card = page.locator('main li.card', { hasText: name });
  expect(await card.count(), await textOf(page.locator('main'))).toBe(1);
  await submit(page, 'Duyệt, cho hiện công khai', card);
  expect(await textOf(page.locator('main .flash'))).toContain(`Đã duyệt: dự án “${name}” hiện công khai.`);
  if (check.a11y !== false) await checkA11y(page);
}

/**
 * Searches with the form at /tim-kiem (opening it first unless already there), checks the
 * results page, and returns the link to `name` (asserted to be there once).
 */
export async function searchFor(page: Page, query: string, name: string) {
  if (pathOf(page) !== '/tim-kiem') await visit(page, '/tim-kiem');
  const form = page.locator('main form[role="search"]');
  await form.locator('#f-q').fill(query);
  await submit(page, 'Tìm', form);
  expect(new URL(page.url()).searchParams.get('q')).toBe(query);
  const main = page.locator('main');
  const link = main.locator('ul.results a', { hasText: name });
  expect(await link.count(), `results for "${query}":\n${await textOf(main)}`).toBe(1);
  await checkA11y(page);
  return link;
}
