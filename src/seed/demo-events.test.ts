import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nominationStatuses, participantFigures, registrantSpread, turnoutByTitle } from '#modules/events/index.ts';
import { findProject } from '#modules/projects/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { demoAccounts } from './demo.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime({ demo: true });
}, 120_000);
afterAll(() => rt.close());

const articleCourses = [
  'Tập huấn nâng cao năng lực hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Lạng Sơn năm 2021',
  'Tập huấn sở hữu trí tuệ và đăng ký nhãn hiệu cho sản phẩm khởi nghiệp',
  'Khóa đào tạo khởi nghiệp đổi mới sáng tạo do Bộ Khoa học và Công nghệ tổ chức',
  'Tập huấn chuyển đổi số và bán hàng trên sàn thương mại điện tử cho chủ thể khởi nghiệp, OCOP',
  'Tập huấn xây dựng mô hình kinh doanh và kỹ năng gọi vốn cho dự án khởi nghiệp',
];

describe('the demo tells the article’s training story with real events', () => {
  it('five courses since 2021 with 216 participants (38 + 41 + 45 + 40 + 52), all of whom attended', async () => {
    const rows = await turnoutByTitle(rt.db, articleCourses);
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(articleCourses.map((t, i) => [t, [38, 41, 45, 40, 52][i]])),
    );
    const figures = await participantFigures(rt.db, '2021-01-01', '2022-06-15');
    expect(figures).toEqual({ events: 5, people: 216 });
  });

  it('the breakdowns provinces report are filled: both sexes, several ethnic groups, many communes', async () => {
    const row = await registrantSpread(rt.db);
    expect(row?.sexes).toBe(2);
    expect(row?.ethnicities).toBeGreaterThanOrEqual(5);
    expect(row?.communes).toBeGreaterThanOrEqual(30);
  });

  it('training and the National Startup Day are counted once, from the events module, never by hand', async () => {
    const byHand = (await ledgerEntries(rt.db, { kind: ['training', 'event_introduction'] })).filter(
      (e) => e.sourceKind !== 'event_seat' && e.sourceKind !== 'nomination',
    );
    expect(byHand.length).toBe(0);
    const nominations = await nominationStatuses(rt.db);
    expect(nominations).toHaveLength(10);
    expect(nominations.every((n) => n.status === 'attended')).toBe(true);
    const entries = await ledgerEntries(rt.db, { kind: 'event_introduction' });
    expect(entries.length).toBe(10);
  });

  it('founders’ seats appear on their projects’ timelines; the Tumany hall course is there too', async () => {
    const tumany = await findProject(rt.db, 'tumany-giao-duc-huong-nghiep-cho-hoc-sinh-thpt');
    const training = await ledgerEntries(rt.db, { projectId: tumany?.id ?? '', kind: 'training' });
    expect(training.map((t) => t.title)).toContain(
      'Khóa đào tạo khởi nghiệp đổi mới sáng tạo do Bộ Khoa học và Công nghệ tổ chức',
    );
    const page = await (await new TestBrowser(rt.app).get(`/du-an/${tumany?.slug}`)).text();
    expect(page).toContain('Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022');
    const past = await (await new TestBrowser(rt.app).get('/su-kien?when=past')).text();
    expect(past).toContain('Khóa học trải nghiệm hướng nghiệp Tumany mùa 2');
  });

  it('the demo founder finds their course and certificate under “My events”', async () => {
    const founder = demoAccounts.find((a) => a.role === 'founder');
    const b = new TestBrowser(rt.app);
    await b.signIn(founder?.email ?? '', founder?.password ?? '');
    const mine = await (await b.get('/su-kien/cua-toi')).text();
    expect(mine).toContain('Khóa đào tạo khởi nghiệp đổi mới sáng tạo do Bộ Khoa học và Công nghệ tổ chức');
    const ticket = /href="(\/ve\/[A-Za-z0-9_-]+)"/.exec(mine)?.[1] ?? '';
    expect(await (await b.get(ticket)).text()).toContain('Tải giấy chứng nhận (PDF)');
  });
});
