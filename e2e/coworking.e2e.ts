import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInVietnam } from '../src/kernel/i18n/index.ts';
import { holidayOn } from '../src/modules/spaces/hours-opening.ts';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, launchBrowser, newPage, phone, screenshot } from './browser.ts';
import { demoOfficer, pathOf, signIn, submit, textOf, visit } from './journeys.ts';

// The coworking space on a phone (issue 12's proof): Tumany's founder books the hall for ten
// whole days, an officer approves, the calendars show it, a second booking inside that range is
// refused with the day's free times, and the same form works with JavaScript off. The walk-in
// visit that becomes a request is e2e/visits-library.e2e.ts.

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

const founder = { email: 'tacgia@ketnoi.demo' };
const tumany = 'Tumany – Giáo dục hướng nghiệp cho học sinh THPT';
const hall = 'Hội trường';

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
const dmy = (day: string) => day.split('-').reverse().join('/');

/**
 * Ten days in a row, from a Monday about two months ahead, none of them a public holiday (the hall
 * is open every day of the week, 07:00–21:00, but shut on holidays).
 */
function tenOpenDays(): string[] {
  let first = addDays(todayInVietnam(), 60);
  while (weekday(first) !== 0) first = addDays(first, 1);
  for (;;) {
    const days = Array.from({ length: 10 }, (_, i) => addDays(first, i));
    if (days.every((d) => !holidayOn(d))) return days;
    first = addDays(first, 7);
  }
}

const range = tenOpenDays();
const first = range[0] as string;
const last = range[9] as string;
const inside = range[4] as string;
/** A day after the range, open, for the booking made with JavaScript off. */
let laterDay = addDays(last, 3);
while (holidayOn(laterDay)) laterDay = addDays(laterDay, 1);

const purpose = 'Khóa học hướng nghiệp mùa 3 cho học sinh THPT (10 ngày, dùng toàn bộ hội trường)';

async function follow(page: Page, name: string, scope = page.locator('main')): Promise<void> {
  const loaded = page.waitForEvent('load');
  await scope.getByRole('link', { name, exact: true }).first().click();
  await loaded;
  await checkA11y(page);
}

describe('the hall booked for ten days from a phone, approved, on the calendars', () => {
  let founderPhone: { context: BrowserContext; page: Page };
  let officerPhone: { context: BrowserContext; page: Page };
  let bookingPath = '';

  beforeAll(async () => {
    founderPhone = await newPage(browser, { viewport: phone });
    officerPhone = await newPage(browser, { viewport: phone });
  });
  afterAll(async () => {
    await founderPhone?.context.close();
    await officerPhone?.context.close();
  });

  test(`Tumany's founder asks for the hall from ${first} to ${last}`, async () => {
    const { page } = founderPhone;
    await signIn(page, founder.email, defaultPassword);
    await visit(page, '/khong-gian');
    await follow(page, hall);
    const main = page.locator('main');
    expect(await textOf(main)).toContain('Đặt tối đa 14 ngày mỗi lượt');
    await follow(page, 'Đặt chỗ');
    expect(pathOf(page)).toBe('/khong-gian/hoi-truong/dat-cho');
    await main.locator('#f-project').selectOption({ label: tumany });
    await main.locator('#f-mode').selectOption({ label: 'Cả ngày' });
    await main.locator('#f-date').fill(first);
    await main.locator('#f-endDate').fill(last);
    await main.locator('#f-purpose').fill(purpose);
    await submit(page, 'Đặt chỗ');
    expect(pathOf(page), await textOf(main)).toMatch(/^\/dat-cho\/[0-9a-f-]{36}$/);
    bookingPath = pathOf(page);
    await checkA11y(page);
    const text = await textOf(main);
    expect(text).toContain('Đã gửi yêu cầu đặt chỗ; cán bộ Sở sẽ duyệt và báo qua email.');
    expect(text).toContain('Chờ duyệt');
    expect(text).toContain(`${dmy(first)} – ${dmy(last)}`);
    expect(text).toContain(tumany);
    expect(text).toContain(purpose);
  });

  test('an officer approves it, and the founder sees it approved', async () => {
    const { page } = officerPhone;
    await signIn(page, demoOfficer.email, defaultPassword);
    await visit(page, '/dat-cho');
    const main = page.locator('main');
    const card = main.locator('li.card', { hasText: `${dmy(first)} – ${dmy(last)}` });
    expect(await card.count(), await textOf(main)).toBe(1);
    expect(await textOf(card)).toContain('Chờ duyệt');
    expect(await textOf(card)).toContain(tumany);
    await follow(page, hall, card);
    expect(pathOf(page)).toBe(bookingPath);
    await main.locator('#f-decision').selectOption({ label: 'Duyệt' });
    await submit(page, 'Quyết định');
    await checkA11y(page);
    expect(await textOf(main.locator('.flash'))).toContain('Đã duyệt lượt đặt.');
    expect(await textOf(main)).toContain('Đã duyệt');
    expect(await main.getByRole('button', { name: 'Quyết định', exact: true }).count()).toBe(0);

    const own = founderPhone.page;
    await visit(own, '/dat-cho');
    const mine = own.locator('main li.card', { hasText: `${dmy(first)} – ${dmy(last)}` });
    expect(await mine.count(), await textOf(own.locator('main'))).toBe(1);
    expect(await textOf(mine)).toContain('Đã duyệt');
    await visit(own, bookingPath);
    expect(await textOf(own.locator('main'))).toContain('Đã duyệt');
  });

  test('the hall’s week calendars show it on each of the ten days, and not after', async () => {
    const { page } = founderPhone;
    const main = page.locator('main');
    const dayItem = (day: string) => main.locator('ol.week > li', { has: page.locator('h2', { hasText: dmy(day) }) });
    // The week of the first day (a Monday: all seven booked), then the next (three booked, four free).
    for (const week of [first, addDays(first, 7)]) {
      await visit(page, `/khong-gian/hoi-truong/lich?xem=tuan&tuan=${week}`);
      expect(await textOf(main.locator('h1'))).toBe(`Lịch ${hall}: tuần từ ${dmy(week)}`);
      if (week !== first) await screenshot(page, 'test-results/screenshots/hall-week-360.png');
      for (let i = 0; i < 7; i++) {
        const day = addDays(week, i);
        const item = dayItem(day);
        expect(await item.count(), `${day}: ${await textOf(main)}`).toBe(1);
        const text = await textOf(item);
        if (range.includes(day)) {
          expect(text, day).toContain('Cả ngày');
          expect(text, day).toContain(tumany);
          expect(text, day).toContain('Đã duyệt');
        } else {
          expect(text, day).toContain('Còn trống cả ngày');
        }
      }
    }
    // Someone signed out sees the days held, without whose booking it is.
    const stranger = await newPage(browser, { viewport: phone });
    try {
      await visit(stranger.page, `/khong-gian/hoi-truong/lich?xem=tuan&tuan=${first}`);
      const text = await textOf(stranger.page.locator('main ol.week'));
      expect(text).toContain('Đã có người đặt');
      expect(text).not.toContain('Tumany');
    } finally {
      await stranger.context.close();
    }
  });

  test('the hall’s month calendar counts one booking on each of the ten days', async () => {
    const { page } = officerPhone;
    const main = page.locator('main');
    const months = [...new Set(range.map((d) => d.slice(0, 7)))];
    for (const month of months) {
      await visit(page, `/khong-gian/hoi-truong/lich?xem=thang&thang=${month}`);
      expect(await textOf(main.locator('h1'))).toBe(
        `Lịch ${hall}: tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`,
      );
      if (month === first.slice(0, 7)) await screenshot(page, 'test-results/screenshots/hall-month-360.png');
      for (const day of range.filter((d) => d.startsWith(month))) {
        const cell = main.locator('table.cal-month td', {
          has: page.getByRole('link', { name: `Xem ngày ${dmy(day)}: 1 lượt đặt`, exact: true }),
        });
        expect(await cell.count(), `${day} in ${await textOf(main.locator('table'))}`).toBe(1);
        expect(await textOf(cell)).toBe(`${Number(day.slice(8))}1`);
      }
    }
    const after = addDays(last, 1);
    await visit(page, `/khong-gian/hoi-truong/lich?xem=thang&thang=${after.slice(0, 7)}`);
    expect(await main.getByRole('link', { name: `Xem ngày ${dmy(after)}`, exact: true }).count()).toBe(1);
  });

  test('a second booking inside the range is refused, naming the booking and the free times', async () => {
    const { page } = officerPhone;
    await visit(page, '/khong-gian/hoi-truong/dat-cho');
    const main = page.locator('main');
    const otherPurpose = 'Hội thảo giới thiệu sản phẩm thạch đen với các chuỗi siêu thị';
    await main.locator('#f-project').fill('thach-den-hong-nhung');
    await main.locator('#f-mode').selectOption({ label: 'Theo giờ' });
    await main.locator('#f-date').fill(inside);
    await main.locator('#f-startTime').fill('08:00');
    await main.locator('#f-endTime').fill('11:30');
    await main.locator('#f-purpose').fill(otherPurpose);
    await submit(page, 'Đặt chỗ');
    await checkA11y(page);
    expect(pathOf(page)).toBe('/khong-gian/hoi-truong/dat-cho');
    expect(await textOf(main.locator('.error-summary'))).toContain(
      `Phòng đã có lượt đặt từ ${dmy(first)} đến ${dmy(last)} (Đã duyệt), trùng với thời gian bạn chọn. ` +
        `Giờ còn trống ngày ${dmy(inside)}: không còn giờ trống. Hãy chọn thời gian khác. ` +
        'Giữa hai lượt đặt phòng cần trống 30 phút.',
    );
    await screenshot(page, 'test-results/screenshots/booking-refused-360.png');
    // What was typed is still there to change.
    expect(await main.locator('#f-purpose').inputValue()).toBe(otherPurpose);
    expect(await main.locator('#f-date').inputValue()).toBe(inside);

    // Whole days from the day before the range into it: that first day is free all its opening
    // hours, and the refusal says so.
    const before = addDays(first, -1);
    await main.locator('#f-mode').selectOption({ label: 'Cả ngày' });
    await main.locator('#f-date').fill(before);
    await main.locator('#f-endDate').fill(first);
    await submit(page, 'Đặt chỗ');
    await checkA11y(page);
    const refusal = await textOf(main.locator('.error-summary'));
    expect(refusal).toContain(`Phòng đã có lượt đặt từ ${dmy(first)} đến ${dmy(last)} (Đã duyệt)`);
    expect(refusal).toContain(`Giờ còn trống ngày ${dmy(before)}: 07:00–21:00.`);

    // Nothing new on the calendar that day.
    await visit(page, `/khong-gian/hoi-truong/lich?xem=ngay&ngay=${inside}`);
    expect(await main.locator('ul.cal-entries > li').count()).toBe(1);
  });
});

describe('the booking form with JavaScript off, on a phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser, { javaScriptEnabled: false, viewport: phone }));
  });
  afterAll(async () => {
    await context?.close();
  });

  test(`the founder asks for the hall on ${laterDay} by the hour and sees the request`, async () => {
    await signIn(page, founder.email, defaultPassword);
    await visit(page, '/khong-gian/hoi-truong/dat-cho');
    const main = page.locator('main');
    const why = 'Họp nhóm giáo viên chuẩn bị tài liệu cho khóa hướng nghiệp';
    await main.locator('#f-project').selectOption({ label: tumany });
    await main.locator('#f-mode').selectOption({ label: 'Theo giờ' });
    await main.locator('#f-date').fill(laterDay);
    await main.locator('#f-startTime').fill('13:30');
    await main.locator('#f-endTime').fill('16:00');
    await main.locator('#f-purpose').fill(why);
    await submit(page, 'Đặt chỗ');
    expect(pathOf(page), await textOf(main)).toMatch(/^\/dat-cho\/[0-9a-f-]{36}$/);
    await checkA11y(page);
    const text = await textOf(main);
    expect(text).toContain('Đã gửi yêu cầu đặt chỗ; cán bộ Sở sẽ duyệt và báo qua email.');
    expect(text).toContain('Chờ duyệt');
    expect(text).toContain(`${dmy(laterDay)}, 13:30 – 16:00`);
    expect(text).toContain(why);
    await screenshot(page, 'test-results/screenshots/booking-nojs-360.png');
    await visit(page, '/dat-cho');
    const card = main.locator('li.card', { hasText: `${dmy(laterDay)}, 13:30 – 16:00` });
    expect(await card.count(), await textOf(main)).toBe(1);
    expect(await textOf(card)).toContain('Chờ duyệt');
  });
});
