import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoExpertEmails } from '../src/seed/demo-experts.ts';
import { defaultPassword } from '../src/seed/factories.ts';
import { checkA11y, desktop, launchBrowser, newPage, phone } from './browser.ts';
import {
  demoOfficer,
  newFounder,
  pathOf,
  registerProject,
  runId,
  signIn,
  signUp,
  submit,
  textOf,
  visit,
} from './journeys.ts';

// The heart of the product: a founder asks for trademark and standards help in one request → an
// officer opens the inbox, sees the suggested experts with reasons and connects one per need →
// the experts accept, log their sessions and close → the request waits under "Sẵn sàng đóng" →
// the officer resolves it → the founder sees each need done, the timeline and the ledger show it.

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

const journeys = [
  { label: 'with JavaScript, on a phone', javaScriptEnabled: true, viewport: phone, tag: 'kn-js' },
  { label: 'without JavaScript, on a desktop', javaScriptEnabled: false, viewport: desktop, tag: 'kn-nojs' },
];

describe.each(journeys)('asking for help and getting it, $label', ({ javaScriptEnabled, viewport, tag }) => {
  const projectName = `Bún ngô Tràng Định – lô ${runId} ${tag}`;
  const asked = `Chúng tôi cần hỗ trợ đăng ký nhãn hiệu cho bún ngô ${runId} ${tag} trước khi bán ở Hà Nội.`;
  const pages: Record<'founder' | 'officer' | 'expert' | 'standards', { context: BrowserContext; page: Page }> =
    {} as never;
  let projectPath = '';
  let requestPath = '';
  let engagementPath = '';

  beforeAll(async () => {
    for (const who of ['founder', 'officer', 'expert', 'standards'] as const)
      pages[who] = await newPage(browser, { javaScriptEnabled, viewport });
  });
  afterAll(async () => {
    for (const p of Object.values(pages)) await p.context.close();
  });

  test('the founder asks for trademark help from the project page', async () => {
    const { page } = pages.founder;
    await signUp(page, newFounder(tag), { a11y: false });
    projectPath = await registerProject(page, projectName, { a11y: false });
    const main = page.locator('main');
    const loaded = page.waitForEvent('load');
    await main.getByRole('link', { name: 'Gửi yêu cầu hỗ trợ', exact: true }).click();
    await loaded;
    expect(pathOf(page)).toBe('/yeu-cau/moi');
    await checkA11y(page);
    // Two needs in one request: the trademark and the product's standards.
    const need = (code: string) => main.locator(`input[name="needs"][value="${code}"]`);
    await need('consulting_ip').check();
    await need('consulting_standards').check();
    await main.locator('#f-body').fill('Ngắn');
    await submit(page, 'Gửi yêu cầu');
    expect(await textOf(main.locator('.error-summary'))).toContain('Cần ít nhất 20 ký tự.');
    expect(await need('consulting_ip').isChecked()).toBe(true);
    expect(await need('consulting_standards').isChecked()).toBe(true);
    await checkA11y(page);
    await main.locator('#f-body').fill(asked);
    await submit(page, 'Gửi yêu cầu');
    requestPath = pathOf(page);
    expect(requestPath, await textOf(main)).toMatch(/^\/yeu-cau\/\d+$/);
    expect(await textOf(main.locator('.flash'))).toContain('Đã gửi yêu cầu');
    expect(await textOf(main)).toContain('Mới');
    // Each need is listed with where it stands: no one connected yet.
    const needs = await textOf(main.locator('section[aria-labelledby="nhu-cau"]'));
    expect(needs.match(/Chưa kết nối/g)?.length).toBe(2);
    await checkA11y(page);
  });

  test('the officer finds it in the inbox and sees the trademark expert suggested first, with reasons', async () => {
    const { page } = pages.officer;
    await signIn(page, demoOfficer.email, defaultPassword, { a11y: false });
    await visit(page, '/quan-ly/yeu-cau?view=new');
    const main = page.locator('main');
    const ref = `YC-${requestPath.split('/').pop()}`;
    const loaded = page.waitForEvent('load');
    await main.getByRole('link', { name: new RegExp(`^${ref} ·`) }).click();
    await loaded;
    expect(pathOf(page)).toBe(requestPath);
    const first = main.locator('#goi-y ol.suggestions').first().locator('li.suggestion').first();
    expect(await textOf(first)).toContain('Đỗ Văn Hải');
    expect(await textOf(first.locator('.reasons'))).toContain('chuyên về nhãn hiệu, sở hữu trí tuệ');
    await checkA11y(page);
  });

  test('the officer connects the expert; the request is in progress', async () => {
    const { page } = pages.officer;
    const main = page.locator('main');
    const first = main.locator('#goi-y ol.suggestions').first().locator('li.suggestion').first();
    // The action is in sight: no need to unfold anything to connect the first suggestion.
    await submit(page, 'Mời chuyên gia này hỗ trợ', first);
    expect(pathOf(page)).toBe(requestPath);
    expect(await textOf(main.locator('.flash'))).toContain('Đã kết nối với');
    expect(await textOf(main)).toContain('Đang hỗ trợ');
    await checkA11y(page);
  });

  test('the expert accepts and logs two working sessions', async () => {
    const { page } = pages.expert;
    await signIn(page, demoExpertEmails.ip, defaultPassword, { a11y: false });
    await visit(page, '/tu-van?status=proposed');
    const main = page.locator('main');
    const loaded = page.waitForEvent('load');
    await main.locator('table a', { hasText: 'Tư vấn nhãn hiệu' }).first().click();
    await loaded;
    engagementPath = pathOf(page);
    expect(await textOf(main)).toContain(asked);
    await checkA11y(page);
    await main.locator('#f-decision').selectOption('accept');
    await submit(page, 'Trả lời');
    expect(await textOf(main.locator('.flash'))).toContain('Bạn đã nhận tư vấn');

    const sessions = [
      ['2', 'Tra cứu khả năng bảo hộ nhãn hiệu và góp ý mẫu nhãn.'],
      ['1,5', 'Hoàn thiện tờ khai đăng ký nhãn hiệu cùng nhóm.'],
    ] as const;
    for (const [hours, summary] of sessions) {
      const form = main.locator('#ghi-buoi form');
      await form.locator('#f-hours').fill(hours);
      await form.locator('#f-summary').fill(summary);
      await submit(page, 'Lưu buổi làm việc', form);
      expect(pathOf(page)).toBe(engagementPath);
      expect(await textOf(main.locator('#buoi-lam-viec'))).toContain(summary);
    }
    expect(await textOf(main.locator('#buoi-lam-viec'))).toContain('3,5 giờ trong 2 buổi');
    await checkA11y(page);
  });

  test('the officer connects a standards expert for the other need; both experts finish their work', async () => {
    const officer = pages.officer.page;
    await visit(officer, requestPath, { a11y: false });
    const suggestion = officer
      .locator('main li.suggestion')
      .filter({ has: officer.locator('input[name="need"][value="consulting_standards"]') })
      .filter({ hasText: 'Lục Văn Quang' })
      .first();
    await submit(officer, 'Mời chuyên gia này hỗ trợ', suggestion);
    expect(await textOf(officer.locator('main .flash'))).toContain('Đã kết nối với');

    const { page } = pages.standards;
    await signIn(page, demoExpertEmails.standards, defaultPassword, { a11y: false });
    await visit(page, '/tu-van?status=proposed', { a11y: false });
    const main = page.locator('main');
    const loaded = page.waitForEvent('load');
    await main.locator('table tr', { hasText: projectName }).locator('a').first().click();
    await loaded;
    await main.locator('#f-decision').selectOption('accept');
    await submit(page, 'Trả lời');
    const form = main.locator('#ghi-buoi form');
    await form.locator('#f-hours').fill('2');
    await form.locator('#f-summary').fill('Hướng dẫn tự công bố chất lượng và làm nhãn hàng hóa.');
    await submit(page, 'Lưu buổi làm việc', form);
    for (const [who, outcome] of [
      [page, 'Nhóm đã tự công bố chất lượng và in nhãn đúng quy định.'],
      [pages.expert.page, 'Đơn đăng ký nhãn hiệu đã nộp và được tiếp nhận.'],
    ] as const) {
      if (who === pages.expert.page) await visit(who, engagementPath, { a11y: false });
      const close = who.locator('main #ket-thuc form');
      await close.locator('#f-outcome').fill(outcome);
      await submit(who, 'Kết thúc và ghi kết quả', close);
      expect(await textOf(who.locator('main .flash'))).toContain('Đã kết thúc tư vấn');
    }
  });

  test('the request waits under "Sẵn sàng đóng"; the officer resolves it; the founder sees each need done', async () => {
    const { page } = pages.officer;
    await visit(page, '/quan-ly/yeu-cau?view=ready');
    const main = page.locator('main');
    const ref = `YC-${requestPath.split('/').pop()}`;
    const loaded = page.waitForEvent('load');
    await main.getByRole('link', { name: new RegExp(`^${ref} ·`) }).click();
    await loaded;
    expect(pathOf(page)).toBe(requestPath);
    const form = main.locator('#trang-thai form');
    await form.locator('#f-to').selectOption('resolved');
    await form.locator('#f-note').fill('Luật sư đã hướng dẫn nhóm hoàn thiện và nộp đơn đăng ký nhãn hiệu.');
    await submit(page, 'Cập nhật', form);
    expect(await textOf(main.locator('.flash'))).toContain('Đã giải quyết');
    await checkA11y(page);

    await visit(page, '/ho-tro?kind=consulting');
    expect(await textOf(main.locator('table'))).toContain(projectName);

    const founder = pages.founder.page;
    await visit(founder, projectPath);
    const timeline = founder
      .locator('main')
      .locator('h2', { hasText: 'Quá trình được hỗ trợ' })
      .locator('xpath=following-sibling::ol[1]');
    expect(await textOf(timeline)).toContain('Tư vấn nhãn hiệu, sở hữu trí tuệ');
    await visit(founder, requestPath);
    expect(await textOf(founder.locator('main'))).toContain('Đã giải quyết');
    const needs = await textOf(founder.locator('main section[aria-labelledby="nhu-cau"]'));
    expect(needs.match(/Đã xong/g)?.length, needs).toBe(2);
    expect(needs).toContain('Lục Văn Quang');
  });
});
