import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, EventInput, RegistrationInput, register } from '#modules/events/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { fileRequest } from '#modules/requests/index.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);

async function founderWithData(name: string, email: string, projectName: string) {
  const founder = await createUser(rt.deps, { name, email, role: 'founder' });
  const project = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: projectName,
      summary: 'Dự án của người tải dữ liệu về.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'idea',
      commune: 'that-khe',
      members: [],
      needs: [],
      awards: [],
      links: [],
      consentToPublish: false,
      isPublic: false,
    },
  });
  await fileRequest({
    db: rt.db,
    mailer: rt.deps.mailer,
    baseUrl: 'http://localhost',
    actor: founder,
    input: {
      project: project.slug,
      needs: ['consulting_ip'],
      body: `Cần hỗ trợ đăng ký nhãn hiệu cho ${projectName}.`,
      urgency: 'normal',
    },
  });
  return { founder, project };
}

describe('my data (personal data self-service)', () => {
  it('downloads, as JSON and as Excel, what every module holds about me, and nothing about anyone else', async () => {
    const email = 'ha.thi.du.lieu@vidu.vn';
    const { founder } = await founderWithData('Hà Thị Dữ Liệu', email, 'Miến dong Bình Liêu');
    await founderWithData('Người Khác', 'nguoi.khac@vidu.vn', 'Dự án của người khác');
    const officer = await createUser(rt.deps, { name: 'Cán Bộ Sự Kiện', email: 'cb.dl@vidu.vn', role: 'officer' });
    const course = await createEvent({
      db: rt.db,
      actor: officer,
      input: EventInput.parse({
        kind: 'course',
        title: 'Khóa học sở hữu trí tuệ',
        organiser: 'Sở KHCN',
        venue: 'Hội trường',
        sessions: `${soon} 08:00-11:00`,
        capacity: '10',
        audience: 'public',
        published: 'on',
      }),
    });
    await register({
      deps: rt.deps,
      actor: founder,
      slug: course.slug,
      input: RegistrationInput.parse({
        name: 'Hà Thị Dữ Liệu',
        phone: '0912000111',
        email,
        organisationType: 'individual',
        sex: 'female',
        ethnicity: 'tay',
        birthYear: '1991',
        consent: 'on',
      }),
    });

    const b = new TestBrowser(rt.app);
    await b.get('/dang-nhap');
    await b.signIn(email, defaultPassword);
    const page = await (await b.get('/tai-khoan')).text();
    expect(page).toContain('Dữ liệu của tôi');
    expect(page).toContain('href="/tai-khoan/du-lieu.xlsx"');
    expect(page).toContain('Tải dữ liệu của tôi (JSON)');

    const res = await b.get('/tai-khoan/du-lieu.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="du-lieu-cua-toi-[\d-]+\.json"/);
    const data = (await res.json()) as { parts: { part: string; title: string; rows: Record<string, unknown>[] }[] };
    const part = (key: string) => data.parts.find((p) => p.part === key)?.rows ?? [];
    expect(part('accounts.personalData.account')).toEqual([expect.objectContaining({ email, name: 'Hà Thị Dữ Liệu' })]);
    expect(part('accounts.personalData.sessions').length).toBeGreaterThan(0);
    expect(part('accounts.personalData.activity').map((r) => r.action)).toContain('auth.sign_in');
    expect(part('projects.personalData.projects').map((r) => r.project)).toEqual(['Miến dong Bình Liêu']);
    expect(part('requests.personalData.requests')).toEqual([
      expect.objectContaining({
        body: 'Cần hỗ trợ đăng ký nhãn hiệu cho Miến dong Bình Liêu.',
        needs: 'consulting_ip',
      }),
    ]);
    expect(part('events.personalData.registrations')).toEqual([
      expect.objectContaining({
        event: 'Khóa học sở hữu trí tuệ',
        phone: '0912000111',
        birthYear: 1991,
        consent: true,
      }),
    ]);
    expect(part('people.personalData.person')).toEqual([
      expect.objectContaining({ fullName: 'Hà Thị Dữ Liệu', email }),
    ]);
    expect(data.parts.find((p) => p.part === 'projects.personalData.projects')?.title).toBe('Dự án');
    expect(JSON.stringify(data)).not.toContain('Dự án của người khác');
    expect(JSON.stringify(data)).not.toContain('nguoi.khac@vidu.vn');

    const xlsx = await b.get('/tai-khoan/du-lieu.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Tài khoản',
        'Dự án',
        'Đăng ký sự kiện',
        'Yêu cầu hỗ trợ',
        'Hồ sơ trong danh sách người',
      ]),
    );
    const projects = book.getWorksheet('Dự án');
    expect(projects?.getRow(2).getCell(1).value).toBe('Miến dong Bình Liêu');
    expect(projects?.rowCount).toBe(2);
  });

  it('is for signed-in people only', async () => {
    const anon = new TestBrowser(rt.app);
    const res = await anon.get('/tai-khoan/du-lieu.json');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent('/tai-khoan/du-lieu.json')}`);
  });
});
