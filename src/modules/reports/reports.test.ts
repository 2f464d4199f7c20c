import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import { translator } from '#kernel/i18n/index.ts';
import { demoAccounts } from '#seed/demo.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { indicators } from './indicators.ts';
import { Period, presets } from './period.ts';
import { buildReport, indicatorEvidence } from './reports.service.ts';

const t = translator('vi');

describe('the period of a report', () => {
  const message = (input: { from: string; to: string }) => {
    const r = Period.safeParse(input);
    return r.success ? null : r.error.issues.map((i) => [i.path.join('.'), t(i.message as never)]);
  };
  it('accepts a real period and refuses impossible ones with a sentence', () => {
    expect(message({ from: '2021-01-01', to: '2022-07-31' })).toBeNull();
    expect(message({ from: '2022-03-01', to: '2022-02-01' })).toEqual([
      ['to', 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.'],
    ]);
    expect(message({ from: '2022-02-30', to: '2022-03-31' })).toEqual([
      ['from', 'Ngày này không có trên lịch. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2022-02-28.'],
    ]);
    expect(message({ from: '1920-01-01', to: '2020-12-31' })).toEqual([
      ['to', 'Kỳ báo cáo dài nhất là 20 năm. Hãy chọn kỳ ngắn hơn.'],
    ]);
    expect(message({ from: '', to: '2022-01-01' })).toEqual([['from', 'Hãy nhập ngày bắt đầu của kỳ báo cáo.']]);
  });
  it('offers this year, last year, the quarters and the last six months', () => {
    const p = Object.fromEntries(presets('2022-08-15').map((x) => [x.key, [x.from, x.to]]));
    expect(p).toEqual({
      thisYear: ['2022-01-01', '2022-08-15'],
      lastYear: ['2021-01-01', '2021-12-31'],
      q1: ['2022-01-01', '2022-03-31'],
      q2: ['2022-04-01', '2022-06-30'],
      q3: ['2022-07-01', '2022-09-30'],
      q4: ['2022-10-01', '2022-12-31'],
      last6Months: ['2022-02-16', '2022-08-15'],
    });
  });
});

describe('the article’s figures from the demo data (2021-01-01 … 2022-07-31)', () => {
  let rt: TestRuntime;
  const period = { from: '2021-01-01', to: '2022-07-31' };
  const officer = demoAccounts.find((a) => a.role === 'officer');
  beforeAll(async () => {
    rt = await testRuntime({ demo: true });
  }, 600_000);
  afterAll(() => rt.close());

  it('every figure of the newspaper story, each from its records', async () => {
    const report = await buildReport({
      db: rt.db,
      actor: { id: 'x', name: 'x', email: 'x', role: 'officer' },
      period,
      t,
      evidence: true,
    });
    const figure = (id: string) => report.lines.find((l) => l.indicator.id === id)?.figure;
    const [checkedIn] = await rows<{ n: number }>(
      rt.db,
      sql`select count(distinct r.person_id)::int as n from event_attendance a
          join event_registration r on r.id = a.registration_id
          join event_session s on s.id = a.session_id join event e on e.id = s.event_id
          where e.kind = 'course' and s.day between '2021-01-01' and '2022-07-31'`,
    );
    const values = Object.fromEntries(report.lines.map((l) => [l.indicator.id, l.figure.value]));
    expect(values).toMatchObject({
      'khoa-dao-tao': 5,
      'nguoi-duoc-dao-tao': checkedIn?.n,
      'du-an-duoc-tu-van': 6,
      'san-pham-len-nen-tang-so': 21,
      'san-pham-ky-hop-dong': 1,
      'du-an-duoc-ho-tro-khong-gian': 1,
      'du-an-duoc-de-cu': 10,
    });
    expect(checkedIn?.n).toBeGreaterThan(200);
    for (const line of report.lines) expect(line.figure.evidence).toHaveLength(line.figure.records);
    for (const id of Object.keys(values).filter((k) => !['so-ngay-giai-quyet', 'gio-tu-van'].includes(k)))
      expect(figure(id)?.records, id).toBe(values[id]);
    expect(figure('du-an-duoc-de-cu')?.breakdowns[0]?.rows).toEqual([
      { label: 'Giới thiệu tham gia Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022', count: 10 },
    ]);
    // Trainees by sex, ethnicity and age group each add up to the people trained.
    for (const b of figure('nguoi-duoc-dao-tao')?.breakdowns ?? [])
      expect(b.rows.reduce((n, r) => n + r.count, 0)).toBe(checkedIn?.n);
    // The splits are the trainees' own traits: as many women as the registry has among them.
    const [women] = await rows<{ n: number }>(
      rt.db,
      sql`select count(distinct r.person_id)::int as n from event_attendance a
          join event_registration r on r.id = a.registration_id join person p on p.id = r.person_id
          join event_session s on s.id = a.session_id join event e on e.id = s.event_id
          where e.kind = 'course' and p.sex = 'female' and s.day between '2021-01-01' and '2022-07-31'`,
    );
    expect(women?.n).toBeGreaterThan(0);
    expect(figure('nguoi-duoc-dao-tao')?.breakdowns[0]?.rows).toContainEqual({ label: 'Nữ', count: women?.n });
    expect(figure('nguoi-duoc-dao-tao')?.breakdowns.map((b) => b.title)).toEqual([
      'reports.breakdown.sex',
      'reports.breakdown.ethnicity',
      'reports.breakdown.age',
      'reports.breakdown.district',
      'reports.breakdown.commune',
    ]);
  });

  it('the ledger by kind, commune, former district and field adds up to what the ledger holds', async () => {
    const report = await buildReport({
      db: rt.db,
      actor: { id: 'x', name: 'x', email: 'x', role: 'officer' },
      period,
      t,
    });
    const figure = (id: string) => report.lines.find((l) => l.indicator.id === id)?.figure;
    const [ledger] = await rows<{
      entries: number;
      projects: number;
      hours: string;
      experts: number;
      partners: number;
    }>(
      rt.db,
      sql`select count(*)::int as entries, count(distinct project_id)::int as projects,
            coalesce(sum((figures->>'hours')::numeric) filter (where source_kind = 'engagement'), 0)::text as hours,
            count(distinct provider_user_id) filter (where source_kind = 'engagement')::int as experts,
            count(distinct provider_name) filter (where source_kind = 'introduction')::int as partners
          from support where status <> 'cancelled'
            and started_on <= '2022-07-31' and coalesce(ended_on, started_on) >= '2021-01-01'`,
    );
    const sum = (id: string, title: string) =>
      figure(id)
        ?.breakdowns.find((b) => b.title === title)
        ?.rows.reduce((n, r) => n + r.count, 0);
    expect(figure('luot-ho-tro')?.value).toBe(ledger?.entries);
    expect(sum('luot-ho-tro', 'reports.breakdown.kind')).toBe(ledger?.entries);
    expect(figure('du-an-duoc-ho-tro')?.value).toBe(ledger?.projects);
    // A project has one commune and one field: the groups add up to the projects supported.
    for (const title of ['reports.breakdown.district', 'reports.breakdown.commune', 'reports.breakdown.field'])
      expect(sum('du-an-duoc-ho-tro', title), title).toBe(ledger?.projects);
    // Communes by their names, not their slugs.
    const communes = figure('du-an-duoc-ho-tro')?.breakdowns.find((b) => b.title === 'reports.breakdown.commune');
    expect(communes?.rows.length).toBeGreaterThan(1);
    for (const r of communes?.rows ?? []) expect(r.label).not.toMatch(/-/);
    expect(figure('gio-tu-van')?.value).toBeCloseTo(Number(ledger?.hours), 5);
    expect(figure('chuyen-gia-tham-gia')?.value).toBe(ledger?.experts);
    expect(figure('doi-tac-duoc-gioi-thieu')?.value).toBe(ledger?.partners);
    expect(ledger?.experts).toBeGreaterThan(0);
    // Charts: entries by kind add up to the entries, projects by commune to the projects.
    expect(report.byKind.reduce((n, r) => n + r.count, 0)).toBe(ledger?.entries);
    expect(report.byCommune.reduce((n, r) => n + r.count, 0)).toBe(ledger?.projects);
  });

  it('the median days to resolve is the middle of the days each resolved request took', async () => {
    const { figure } = await indicatorEvidence({
      db: rt.db,
      actor: { id: 'x', name: 'x', email: 'x', role: 'officer' },
      id: 'so-ngay-giai-quyet',
      period,
      t,
    });
    const days = (figure.evidence ?? []).map((e) => Number(/(\d+) ngày/.exec(e.detail)?.[1])).sort((a, b) => a - b);
    expect(days.length).toBe(figure.records);
    expect(days.length).toBeGreaterThan(1);
    const mid = Math.floor(days.length / 2);
    const middle = days.length % 2 ? days[mid] : ((days[mid - 1] ?? 0) + (days[mid] ?? 0)) / 2;
    expect(figure.value).toBe(middle);
  });

  it('staff read the page, open the evidence and download the workbook; bad periods get a sentence', async () => {
    const staff = new TestBrowser(rt.app);
    await staff.signIn(officer?.email ?? '', officer?.password ?? '');
    const page = await staff.get('/quan-ly/bao-cao?from=2021-01-01&to=2022-07-31');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Khóa đào tạo, tập huấn đã tổ chức');
    expect(html).toContain('<title id="chart-quarters-title">');
    expect(html).toContain('/quan-ly/bao-cao/chi-tieu/du-an-duoc-de-cu?from=2021-01-01&amp;to=2022-07-31');
    const evidence = await (
      await staff.get('/quan-ly/bao-cao/chi-tieu/khoa-dao-tao?from=2021-01-01&to=2022-07-31')
    ).text();
    expect(evidence).toContain('Tập huấn sở hữu trí tuệ và đăng ký nhãn hiệu cho sản phẩm khởi nghiệp');
    expect(evidence).toContain('22/09/2021');
    const bad = await staff.get('/quan-ly/bao-cao?from=2022-02-30&to=2022-01-01');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Ngày này không có trên lịch');
    const file = await staff.get('/quan-ly/bao-cao.xlsx?from=2021-01-01&to=2022-07-31');
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const summary = wb.worksheets[0];
    expect(summary?.name).toBe('Tổng hợp');
    expect(summary?.getRow(4).values).toEqual([undefined, 'Chỉ tiêu', 'Số liệu', 'Đơn vị', 'Định nghĩa']);
    expect(summary?.getRow(5).getCell(2).value).toBe(5);
    expect(wb.worksheets).toHaveLength(1 + indicators.length);
    const courses = wb.worksheets[1];
    expect(courses?.getRow(4).getCell(1).value).toBeInstanceOf(Date);
  });
});
