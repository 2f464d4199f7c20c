import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, desktop, launchBrowser, newPage, phone } from './browser.ts';
import {
  demoOfficer,
  type Founder,
  newFounder,
  pathOf,
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

/** dd/MM/yyyy, `days` from today in Vietnam: how an officer types a session. */
const dayFromNow = (days: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + days * 86_400_000));
const isoToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const journeys = [
  { label: 'with JavaScript, on a phone', javaScriptEnabled: true, viewport: phone, tag: 'sk-js' },
  { label: 'without JavaScript, on a desktop', javaScriptEnabled: false, viewport: desktop, tag: 'sk-nojs' },
];

interface Person {
  name: string;
  page: Page;
  context: BrowserContext;
  ticket: string;
  code: string;
}

/** Fills the registration form (what the account does not already know) and submits it. */
async function register(page: Page, eventPath: string, name: string | null, button: string): Promise<void> {
  await visit(page, `${eventPath}/dang-ky`);
  const main = page.locator('main');
  if (name) await main.locator('#f-name').fill(name);
  await main.locator('#f-phone').fill('0912 345 678');
  await main.locator('#f-sex').selectOption({ label: 'Nữ' });
  await main.locator('#f-ethnicity').selectOption({ label: 'Tày' });
  await main.locator('#f-birthYear').fill('1992');
  await main.locator('#f-commune').selectOption({ index: 3 });
  await main.locator('#f-organisation').fill('Hợp tác xã Miến dong Bình Gia');
  await main.locator('#f-organisationType').selectOption({ label: 'Hợp tác xã, tổ hợp tác' });
  await main.locator('#f-consent').check();
  await submit(page, button);
  expect(pathOf(page), await textOf(main)).toMatch(/^\/ve\/[A-Za-z0-9_-]+$/);
  await checkA11y(page);
}

describe.each(journeys)('a course from invitation to certificate, $label', ({ javaScriptEnabled, viewport, tag }) => {
  const title = `Tập huấn đăng ký nhãn hiệu cho sản phẩm OCOP ${runId} ${tag}`;
  let officer: Page;
  let officerContext: BrowserContext;
  let eventPath = '';
  const people: Person[] = [];

  beforeAll(async () => {
    ({ context: officerContext, page: officer } = await newPage(browser, { javaScriptEnabled, viewport }));
  });
  afterAll(async () => {
    for (const p of people) await p.context.close();
    await officerContext?.close();
  });

  async function person(name: string, founder: Founder | null): Promise<Person> {
    const { context, page } = await newPage(browser, { javaScriptEnabled, viewport });
    if (founder) await signUp(page, founder, { a11y: false });
    const p: Person = { name, page, context, ticket: '', code: '' };
    people.push(p);
    return p;
  }

  /** Reads the person's own page: their status, and their code when they have a seat. */
  async function readTicket(p: Person): Promise<string> {
    await visit(p.page, p.ticket);
    const main = p.page.locator('main');
    const code = p.page.locator('main .ticket-code');
    p.code = (await code.count()) ? (await textOf(code)).replace('-', '') : '';
    return textOf(main);
  }

  test('an officer creates a two-session course with 3 seats', async () => {
    await signIn(officer, demoOfficer.email, defaultPassword);
    await visit(officer, '/su-kien');
    await visit(officer, '/su-kien/moi');
    const main = officer.locator('main');
    await main.locator('#f-kind').selectOption({ label: 'Khóa đào tạo, tập huấn' });
    await main.locator('#f-title').fill(title);
    await main
      .locator('#f-description')
      .fill('Hai buổi thực hành: tra cứu nhãn hiệu, lập hồ sơ và nộp đơn trực tuyến.');
    await main.locator('#f-trainers').fill('Luật sư Đỗ Văn Hải');
    await main.locator('#f-venue').fill('Hội trường khu làm việc chung');
    await main.locator('#f-sessions').fill(`${dayFromNow(7)} 08:00-11:30\n${dayFromNow(8)} 13:30-17:00`);
    await main.locator('#f-capacity').fill('3');
    await main.locator('#f-published').check();
    await submit(officer, 'Lưu');
    eventPath = pathOf(officer);
    expect(eventPath, await textOf(main)).toMatch(/^\/su-kien\/[a-z0-9-]+$/);
    expect(await textOf(main.locator('.flash'))).toContain('Đã tạo sự kiện');
    expect(await textOf(main)).toContain('Còn 3 chỗ');
    await checkA11y(officer);
  });

  test('someone without an account and three founders register; the fourth is waitlisted', async () => {
    const visitor = await person(`Hà Thị Nguyệt ${tag}`, null);
    await visit(visitor.page, eventPath);
    await register(visitor.page, eventPath, visitor.name, 'Đăng ký');
    visitor.ticket = pathOf(visitor.page);
    expect(await readTicket(visitor)).toContain('Đã có chỗ');

    for (const n of [1, 2, 3]) {
      const f = newFounder(`${tag}-${n}`);
      const p = await person(f.name, f);
      await register(p.page, eventPath, null, n === 3 ? 'Đăng ký vào danh sách chờ' : 'Đăng ký');
      p.ticket = pathOf(p.page);
      const text = await readTicket(p);
      expect(text).toContain(n === 3 ? 'Danh sách chờ' : 'Đã có chỗ');
      if (n === 3) expect(text).toContain('thứ 1 trong danh sách chờ');
    }
    const mine = people[1] as Person;
    await visit(mine.page, '/su-kien/cua-toi');
    expect(await textOf(mine.page.locator('main'))).toContain(title);
  });

  test('the visitor cancels; the first on the waitlist gets the seat', async () => {
    const visitor = people[0] as Person;
    await visit(visitor.page, visitor.ticket);
    await submit(visitor.page, 'Hủy đăng ký');
    expect(await textOf(visitor.page.locator('main .flash'))).toContain('Đã hủy đăng ký');
    await checkA11y(visitor.page);
    const promoted = people[3] as Person;
    expect(await readTicket(promoted)).toContain('Đã có chỗ');
    expect(promoted.code).toMatch(/^[A-Z0-9]{8}$/);
  });

  test('the officer checks people in by code at both sessions, from a phone-sized page', async () => {
    const seated = people.slice(1);
    // The course is next week: the page asks which session rather than guessing.
    await visit(officer, `${eventPath}/diem-danh`);
    expect(await textOf(officer.locator('main'))).toContain('Chọn buổi điểm danh');
    for (const session of [0, 1]) {
      // First the chooser (its first option is "choose"), then session 1's page: option 1 is the next session.
      await officer.locator('main #f-buoi').selectOption({ index: 1 });
      await submit(officer, 'Chọn buổi');
      expect(await textOf(officer.locator('main h1'))).toContain(`Buổi ${session + 1}`);
      for (const p of seated) {
        await officer.locator('main #f-code').fill(`${p.code.slice(0, 4)}-${p.code.slice(4)}`.toLowerCase());
        await submit(officer, 'Điểm danh');
        expect(await textOf(officer.locator('main .flash'))).toContain(p.name);
      }
      expect(await textOf(officer.locator('main'))).toContain('Đã có mặt 3/3 người.');
      await checkA11y(officer);
    }
    // A code that is nobody's says so, in Vietnamese.
    await officer.locator('main #f-code').fill('ZZZZ-ZZZZ');
    await submit(officer, 'Điểm danh');
    expect(await textOf(officer.locator('main .error-summary'))).toContain('Không có người đăng ký nào với mã này');
    await checkA11y(officer);
  });

  test('certificates go to those who attended enough, and verify on the public page', async () => {
    await visit(officer, `${eventPath}/ket-qua`);
    await submit(officer, 'Cấp chứng nhận cho người đủ điều kiện');
    expect(await textOf(officer.locator('main .flash'))).toContain('Đã cấp 3 chứng nhận.');
    await checkA11y(officer);

    const founder = people[1] as Person;
    await visit(founder.page, founder.ticket);
    const verify = founder.page.locator('main a', { hasText: 'Trang xác minh chứng nhận' });
    expect(await verify.count()).toBe(1);
    const href = (await verify.getAttribute('href')) ?? '';
    expect(await founder.page.locator('main a', { hasText: 'Tải giấy chứng nhận (PDF)' }).count()).toBe(1);

    // Anyone can check it, without an account.
    const { context, page } = await newPage(browser, { javaScriptEnabled, viewport });
    try {
      await visit(page, href);
      const text = await textOf(page.locator('main'));
      expect(text).toContain('Giấy chứng nhận hợp lệ');
      expect(text).toContain(founder.name);
      expect(text).toContain('2/2 buổi, 7 giờ');
    } finally {
      await context.close();
    }
    // The visitor who cancelled has none.
    expect(await readTicket(people[0] as Person)).not.toContain('Trang xác minh chứng nhận');
  });

  test('an officer nominates three projects to a national event and records a result', async () => {
    await visit(officer, '/su-kien-ngoai');
    await visit(officer, '/su-kien-ngoai/moi');
    const main = officer.locator('main');
    const name = `Techfest quốc gia ${runId} ${tag}`;
    await main.locator('#f-kind').selectOption({ label: 'Sự kiện, ngày hội' });
    await main.locator('#f-title').fill(name);
    await main.locator('#f-organiser').fill('Bộ Khoa học và Công nghệ');
    await main.locator('#f-place').fill('Hà Nội');
    await main.locator('#f-startsOn').fill(isoToday());
    await submit(officer, 'Lưu');
    const path = pathOf(officer);
    expect(path, await textOf(main)).toMatch(/^\/su-kien-ngoai\/[a-z0-9-]+$/);
    await checkA11y(officer);

    await visit(officer, `${path}/de-cu`);
    const boxes = main.locator('input[name="projects"]');
    for (const i of [0, 1, 2]) await boxes.nth(i).check();
    await main.locator('#f-message').fill('Mời nhóm mang sản phẩm tham gia khu trưng bày của tỉnh.');
    await submit(officer, 'Giới thiệu các dự án đã chọn');
    expect(pathOf(officer)).toBe(path);
    expect(await textOf(main.locator('.flash'))).toContain('Đã giới thiệu 3 dự án.');
    expect(await main.locator('.nominations > li').count()).toBe(3);
    await checkA11y(officer);

    const first = main.locator('.nominations > li').first();
    const project = await textOf(first.locator('h3 a'));
    await first.locator('summary').click();
    const form = first.locator('form');
    await form.locator('select[name="status"]').selectOption({ label: 'Đã tham gia' });
    await form.locator('input[name="award"]').fill('Giải Ba khu trưng bày');
    await form.locator('input[name="contacts"]').fill('5');
    await submit(officer, 'Lưu', form);
    expect(await textOf(main.locator('.flash'))).toContain(project);
    expect(await textOf(main.locator('.nominations > li', { hasText: project }))).toContain(
      'Giải thưởng: Giải Ba khu trưng bày',
    );
    await checkA11y(officer);

    // The project's timeline shows the nomination.
    const loaded = officer.waitForEvent('load');
    await main.locator('.nominations > li', { hasText: project }).locator('h3 a').click();
    await loaded;
    expect(await textOf(main)).toContain(name);
  });
});
