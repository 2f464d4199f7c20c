import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import { translator } from '#kernel/i18n/index.ts';
import { demoAccounts } from '#seed/demo.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { publicFigures, publicFiguresTtlMs, publicIndicatorIds } from './public.ts';

const account = (role: string) => {
  const a = demoAccounts.find((x) => x.role === role);
  if (!a) throw new Error(role);
  return a;
};

interface ApiFigure {
  id: string;
  name: { vi: string; en: string };
  label: string;
  definition: string;
  unit: string;
  value: number;
  breakdowns: { title: string; rows: { label: string; count: number }[] }[];
  evidenceUrl: string;
}

/** The figures a page shows, in order: each `<strong>` inside a `figure-value` paragraph. */
const pageFigures = (html: string) =>
  [...html.matchAll(/<p class="figure-value"><strong>([\d.]+)<\/strong>/g)].map((m) =>
    Number((m[1] ?? '').replace(/\./g, '')),
  );

/** The counts of the public page's table, row by row: each `<strong>` in a numeric cell. */
const publicCells = (html: string) =>
  [...html.matchAll(/<td[^>]*class="[^"]*\bnum\b[^"]*"[^>]*><strong>([\d.]+)<\/strong>/g)].map((m) =>
    Number((m[1] ?? '').replace(/\./g, '')),
  );

describe('reports in the API, the public figures page and success stories (demo data)', () => {
  let rt: TestRuntime;
  let officer: TestBrowser;
  beforeAll(async () => {
    rt = await testRuntime({ demo: true });
    officer = new TestBrowser(rt.app);
    await officer.signIn(account('officer').email, account('officer').password);
  }, 600_000);
  afterAll(() => rt.close());

  it('the API gives every figure of 2021-01-01 … 2022-07-31, the same as the staff page', async () => {
    const res = await officer.get('/api/v1/reports?from=2021-01-01&to=2022-07-31');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { period: { from: string; to: string }; figures: ApiFigure[] };
    expect(body.period).toEqual({ from: '2021-01-01', to: '2022-07-31' });
    const values = Object.fromEntries(body.figures.map((f) => [f.id, f.value]));
    expect(values).toMatchObject({
      'khoa-dao-tao': 5,
      'du-an-duoc-tu-van': 6,
      'san-pham-len-nen-tang-so': 21,
      'san-pham-ky-hop-dong': 1,
      'du-an-duoc-ho-tro-khong-gian': 1,
      'du-an-duoc-de-cu': 10,
    });
    expect(values['nguoi-duoc-dao-tao']).toBeGreaterThan(200);
    const courses = body.figures[0];
    expect(courses?.name).toEqual({ vi: 'Khóa đào tạo, tập huấn đã tổ chức', en: expect.any(String) });
    expect(courses?.definition).not.toBe('');
    expect(courses?.evidenceUrl).toBe('/api/v1/reports/khoa-dao-tao/evidence?from=2021-01-01&to=2022-07-31');
    const trained = body.figures.find((f) => f.id === 'nguoi-duoc-dao-tao');
    // By sex, ethnicity, age group, former district and commune: each adds up to the people trained.
    expect(trained?.breakdowns.map((b) => b.rows.reduce((n, r) => n + r.count, 0))).toEqual(
      Array(5).fill(trained?.value),
    );
    const page = await (await officer.get('/quan-ly/bao-cao?from=2021-01-01&to=2022-07-31')).text();
    expect(pageFigures(page)).toEqual(body.figures.map((f) => f.value));
  });

  it('the evidence endpoint lists the records behind a figure', async () => {
    const res = await officer.get('/api/v1/reports/khoa-dao-tao/evidence?from=2021-01-01&to=2022-07-31');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      figure: ApiFigure;
      items: { day: string; label: string; detail: string; url: string | null }[];
    };
    expect(body.figure.value).toBe(5);
    expect(body.items).toHaveLength(5);
    expect(body.items).toContainEqual(
      expect.objectContaining({
        day: '2021-09-22',
        label: 'Tập huấn sở hữu trí tuệ và đăng ký nhãn hiệu cho sản phẩm khởi nghiệp',
      }),
    );
    expect(body.items.every((i) => i.url?.startsWith('/su-kien/'))).toBe(true);
    expect((await officer.get('/api/v1/reports/khong-co/evidence?from=2021-01-01&to=2022-07-31')).status).toBe(404);
  });

  it('a bad period gets 422 with the report page’s sentence, in the caller’s language', async () => {
    const impossible = await officer.get('/api/v1/reports?from=2022-02-30&to=2022-03-31');
    expect(impossible.status).toBe(422);
    const body = (await impossible.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('validation');
    expect(body.error.fields.from).toBe(
      'Ngày này không có trên lịch. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2022-02-28.',
    );
    const reversed = await officer.get('/api/v1/reports/khoa-dao-tao/evidence?from=2022-03-01&to=2022-02-01');
    expect(reversed.status).toBe(422);
    expect(((await reversed.json()) as typeof body).error.fields.to).toBe(
      'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.',
    );
    const tooLong = await officer.get('/api/v1/reports?from=1920-01-01&to=2020-12-31');
    expect(((await tooLong.json()) as typeof body).error.fields.to).toContain('20 năm');
    const english = new TestBrowser(rt.app);
    await english.signIn(account('officer').email, account('officer').password);
    await english.get('/ngon-ngu/en?next=/');
    const en = await english.get('/api/v1/reports?from=2022-02-30&to=2022-03-31');
    expect(en.status).toBe(422);
    expect(((await en.json()) as typeof body).error.fields.from).toBe(translator('en')('reports.period.dateInvalid'));
  });

  it('only staff read the report API', async () => {
    const url = '/api/v1/reports?from=2021-01-01&to=2022-07-31';
    expect((await new TestBrowser(rt.app).get(url)).status).toBe(401);
    const founder = new TestBrowser(rt.app);
    await founder.signIn(account('founder').email, account('founder').password);
    expect((await founder.get(url)).status).toBe(403);
    expect((await founder.get('/api/v1/reports/khoa-dao-tao/evidence?from=2022-02-30&to=2022-01-01')).status).toBe(403);
  });

  it('the API is described in the OpenAPI document', async () => {
    const doc = (await (await new TestBrowser(rt.app).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/reports', '/reports/{indicator}/evidence']));
  });

  it('anyone sees the headline figures and the success stories, and no personal data', async () => {
    const visitor = new TestBrowser(rt.app);
    const res = await visitor.get('/so-lieu?nam=2022');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Năm 2022');
    expect(html).toContain('Năm 2021');
    // The figures of 2022 and 2021 are the API's, indicator by indicator.
    const api = async (from: string, to: string) => {
      const body = (await (await officer.get(`/api/v1/reports?from=${from}&to=${to}`)).json()) as {
        figures: ApiFigure[];
      };
      return publicIndicatorIds.map((id) => body.figures.find((f) => f.id === id)?.value);
    };
    const [y2022, y2021] = [await api('2022-01-01', '2022-12-31'), await api('2021-01-01', '2021-12-31')];
    // One row per figure: 2022, then 2021.
    expect(publicCells(html)).toEqual(y2022.flatMap((v, i) => [v, y2021[i]]));
    expect(y2022.some((v) => (v ?? 0) > 0)).toBe(true);
    expect(html).toContain('Từ bếp nhà ở Tràng Định đến kệ siêu thị Hà Nội');
    expect(html).toMatch(/href="\/du-an\/[^"]*thach-den[^"]*"/);
    expect(html).toContain('Chặng đường được hỗ trợ');
    // No phone, no e-mail, no one's name from the people registry or the accounts; no evidence links.
    const people = await rows<{ full_name: string; phone: string; email: string }>(
      rt.db,
      sql`select full_name, phone, email from person where phone <> '' or email <> '' limit 300`,
    );
    expect(people.length).toBeGreaterThan(10);
    for (const p of people) {
      if (p.phone) expect(html).not.toContain(p.phone);
      if (p.email) expect(html).not.toContain(p.email);
      expect(html).not.toContain(p.full_name);
    }
    for (const a of demoAccounts) {
      expect(html).not.toContain(a.email);
      expect(html).not.toContain(a.phone);
    }
    expect(html).not.toContain('/quan-ly/');
    expect(html).not.toContain('/api/v1/reports');
    // The home page leads to it.
    expect(await (await visitor.get('/')).text()).toContain('href="/so-lieu"');
    // By default: this year so far and last year.
    const plain = await (await visitor.get('/so-lieu')).text();
    const year = new Date().getUTCFullYear();
    expect(plain).toContain(`Năm ${year - 1}`);
  });

  it('the public figures are computed once per period for a few minutes', async () => {
    const t = translator('vi');
    const period = { from: '2019-01-01', to: '2019-12-31' };
    const first = publicFigures(rt.db, period, t, 1_000);
    expect(publicFigures(rt.db, period, t, 1_000 + publicFiguresTtlMs - 1)).toBe(first);
    const later = publicFigures(rt.db, period, t, 1_000 + publicFiguresTtlMs);
    expect(later).not.toBe(first);
    expect((await later).map((f) => f.id)).toEqual([...publicIndicatorIds]);
  });

  it('an officer chooses, rewrites and removes a story; a founder may not', async () => {
    const [candidate] = await rows<{ id: string; slug: string; name: string }>(
      rt.db,
      sql`select id, slug, name from project where is_public and id not in (select project_id from project_story)
          order by name limit 1`,
    );
    if (!candidate) throw new Error('no public project left');
    const list = await officer.get('/quan-ly/cau-chuyen');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(candidate.name);
    // Too long: the form comes back with what was typed and a Vietnamese sentence.
    const tooLong = await officer.post('/quan-ly/cau-chuyen', {
      project: candidate.id,
      headline: 'Một tiêu đề',
      body: 'x'.repeat(1001),
    });
    expect(tooLong.status).toBe(422);
    const again = await tooLong.text();
    expect(again).toContain('Đoạn giới thiệu dài tối đa 1.000 ký tự.');
    expect(again).toContain('value="Một tiêu đề"');
    expect((await officer.post('/quan-ly/cau-chuyen', { project: '', headline: '' })).status).toBe(422);
    const added = await officer.post('/quan-ly/cau-chuyen', {
      project: candidate.id,
      headline: 'Câu chuyện mới của mạng lưới',
      body: 'Một đoạn ngắn.',
    });
    expect(added.status).toBe(303);
    const twice = await officer.post('/quan-ly/cau-chuyen', { project: candidate.id, headline: '', body: '' });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('Dự án này đã có câu chuyện');
    expect(await (await new TestBrowser(rt.app).get('/so-lieu')).text()).toContain('Câu chuyện mới của mạng lưới');

    const founder = new TestBrowser(rt.app);
    await founder.signIn(account('founder').email, account('founder').password);
    expect((await founder.get('/quan-ly/cau-chuyen')).status).toBe(403);
    expect((await founder.post(`/quan-ly/cau-chuyen/${candidate.id}`, { headline: 'Sửa trộm' })).status).toBe(403);
    expect((await founder.post(`/quan-ly/cau-chuyen/${candidate.id}/xoa`)).status).toBe(403);

    expect((await officer.get(`/quan-ly/cau-chuyen/${candidate.id}`)).status).toBe(200);
    const edited = await officer.post(`/quan-ly/cau-chuyen/${candidate.id}`, {
      headline: 'Tiêu đề đã sửa',
      body: 'Đoạn đã sửa.',
    });
    expect(edited.status).toBe(303);
    const shown = await (await new TestBrowser(rt.app).get('/so-lieu')).text();
    expect(shown).toContain('Tiêu đề đã sửa');
    expect(shown).not.toContain('Câu chuyện mới của mạng lưới');

    expect((await officer.post(`/quan-ly/cau-chuyen/${candidate.id}/xoa`)).status).toBe(303);
    expect(await (await new TestBrowser(rt.app).get('/so-lieu')).text()).not.toContain('Tiêu đề đã sửa');
    expect((await officer.get(`/quan-ly/cau-chuyen/${candidate.id}`)).status).toBe(404);
  });

  it('without stories the page says so', async () => {
    await rt.db.execute(sql`delete from project_story`);
    const html = await (await new TestBrowser(rt.app).get('/so-lieu')).text();
    expect(html).toContain('Chưa có câu chuyện nào được chọn.');
  });
});
