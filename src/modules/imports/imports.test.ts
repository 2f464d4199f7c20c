import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { rows } from '#kernel/db/rows.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { fromRoot } from '#kernel/paths.ts';
import { createEvent, EventInput, type EventWithSessions, enterPastAttendee, getEvent } from '#modules/events/index.ts';
import { getExpertBySlug } from '#modules/experts/index.ts';
import { listPartnerOptions } from '#modules/partners/index.ts';
import { findOrCreatePerson, listPeople } from '#modules/people/index.ts';
import { productContext } from '#modules/products/index.ts';
import { getProjectById } from '#modules/projects/index.ts';
import { buildReport } from '#modules/reports/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { fileOf } from '#src/testing/files.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { detectLayout } from './columns.ts';
import { importFinished, recoverImports, runImport } from './imports.service.ts';
import { importBatch } from './imports.sql.ts';
import { importKinds } from './imports.taxonomy.ts';
import { templateHeaders } from './template.ts';

// An officer brings the Department's old lists in: a 2022 course's attendance sheet (title rows,
// merged headers, Nam/Nữ columns, numbers for phones, former communes, a TCVN3 column), a 2023
// workshop kept as CSV, a list of partners. Importing twice changes nothing; undo takes it back.

let rt: TestRuntime;
let officer: Actor;
let staff: TestBrowser;
const password = 'mat-khau-nhap-lieu';
const t = translator('vi');
const fixture = (name: string) => new Uint8Array(readFileSync(fromRoot('e2e/fixtures', name)));
const upload = (name: string, type = 'application/octet-stream') =>
  fileOf(fixture(name), name.split('/').pop() ?? name, type);

async function pastEvent(kind: 'course' | 'workshop', sessions: string): Promise<EventWithSessions> {
  const input = EventInput.parse({
    kind,
    title: `Lớp tập huấn ${Math.random().toString(36).slice(2, 8)}`,
    organiser: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
    venue: 'Hội trường Sở',
    sessions,
    capacity: '5',
    audience: 'public',
    published: 'on',
  });
  const { slug } = await createEvent({ db: rt.db, actor: officer, input });
  return getEvent({ db: rt.db, actor: officer, slug });
}

/** Uploads a file; gives the batch page's address. */
async function start(file: File, fields: Record<string, string>): Promise<string> {
  const res = await staff.postFiles('/quan-ly/nhap-du-lieu', fields, { file: [file] });
  expect(res.status, await res.clone().text()).toBe(303);
  const at = res.headers.get('location') ?? '';
  expect(at).toMatch(/^\/quan-ly\/nhap-du-lieu\/[0-9a-f-]{36}$/);
  return at;
}

/** What the officer states about the people in the file (Law 91/2025/QH15). */
const importBasis = {
  basis: 'consent',
  statement: 'Những người trong danh sách đã ký phiếu đồng ý khi tham dự.',
};

async function run(at: string) {
  const res = await staff.post(`${at}/nhap`, importBasis);
  expect(res.status).toBe(303);
  return batchOf(at);
}

async function batchOf(at: string) {
  const [b] = await rt.db
    .select()
    .from(importBatch)
    .where(eq(importBatch.id, at.split('/').pop() ?? ''));
  if (!b) throw new Error('no batch');
  return b;
}

const trained = async (from: string, to: string) => {
  const report = await buildReport({ db: rt.db, actor: officer, period: { from, to }, t, evidence: true });
  return report.lines.find((l) => l.indicator.id === 'nguoi-duoc-dao-tao')?.figure;
};

beforeAll(async () => {
  rt = await testRuntime();
  officer = await createUser(rt.deps, { name: 'Lăng Thị Mai', email: 'canbo@nhap.vn', password, role: 'officer' });
  await createUser(rt.deps, { name: 'Hà Văn Tú', email: 'tacgia@nhap.vn', password, role: 'founder' });
  staff = new TestBrowser(rt.app);
  await staff.signIn('canbo@nhap.vn', password);
  // Known before any import: checked in at a fair, say.
  await rt.db.transaction((tx) => findOrCreatePerson(tx, { fullName: 'Vi Thị Hồng Nhung', phone: '0987654321' }));
});
afterAll(() => rt.close());

describe('importing the attendance list of a past course', () => {
  let course: EventWithSessions;
  let first: string;

  it('reads the sheet under its title rows and shows each row’s problems in Vietnamese', async () => {
    course = await pastEvent('course', '15/08/2022 08:00-11:30\n16/08/2022 08:00-11:30');
    const page = await staff.get('/quan-ly/nhap-du-lieu');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(course.title);
    first = await start(upload('hoc-vien-tap-huan-2022.xlsx'), { kind: 'attendance', event: course.id });
    const html = await (await staff.get(first)).text();
    // The header was found on row 6, over a second header row (Nam | Nữ, Buổi 1 | Buổi 2).
    expect(html).toContain('Dòng tiêu đề tìm thấy ở dòng 6');
    expect(html).toContain('Giới tính – Nam');
    expect(html).toContain('Điểm danh – Buổi 2');
    expect(html).toContain('Cột “Dân tộc” được gõ bằng bảng mã TCVN3; đã chuyển sang Unicode.');
    expect(html).toContain('Đánh dấu cả hai cột Nam và Nữ. Chỉ đánh x vào một cột.');
    expect(html).toContain('Năm sinh “198” không đọc được.');
    expect(html).toContain('Thiếu cả số điện thoại và thư điện tử');
    expect(html).toContain('Trùng người (hoặc tên) với dòng 9; chỉ nhập một lần.');
    expect(html).toContain('Không nhận ra xã, phường trong “Thôn Khuổi Phầy”');
    expect(html).toContain('Chỉ nhận ra huyện cũ trong “Thôn Nà Pàn, xã Yên Trạch, huyện Cao Lộc”');
    expect(html).toContain('Nhập 7 dòng');
  });

  it('imports only with the officer’s statement of why the people may be recorded, which is kept', async () => {
    const refused = await staff.post(`${first}/nhap`, { basis: '', statement: 'Đã đồng ý.' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Căn cứ xử lý dữ liệu của những người trong tệp');
    expect(html).toContain('Đã đồng ý.');
    expect((await batchOf(first)).status).toBe('draft');
  });

  it('imports the valid rows: people, confirmed seats and check-ins that the report counts', async () => {
    const batch = await run(first);
    const [stated] = await rows<{ basis: string; statement: string; recorded_by: string }>(
      rt.db,
      sql`select basis, statement, recorded_by from consent where source = 'import' and source_id = ${batch.id}`,
    );
    expect(stated).toEqual({ basis: 'consent', statement: importBasis.statement, recorded_by: officer.id });
    expect(batch.status).toBe('imported');
    expect(batch.counts).toEqual({ rows: 12, created: 7, existing: 0, skipped: 5 });
    // Vi Thị Hồng Nhung was known already (same phone): six new people, seven seats.
    expect(batch.created.people).toHaveLength(6);
    expect(batch.created.registrations).toHaveLength(7);
    // Seven seats on a course of five: a past list is what happened, not a booking.
    const results = await staff.get(`/su-kien/${course.slug}/nguoi-dang-ky`);
    const list = await results.text();
    expect(list).toContain('Hoàng Văn Thắng');
    expect(list).toContain('Vi Thị Hồng Nhung');
    const { items } = await listPeople({
      db: rt.db,
      actor: officer,
      q: '0912345678',
      page: { page: 1, perPage: 5, offset: 0 },
    });
    expect(items.map((p) => p.fullName)).toEqual(['Hoàng Văn Thắng']);
    const figure = await trained('2022-01-01', '2022-12-31');
    expect(figure?.evidence?.map((e) => e.label)).toEqual(
      expect.arrayContaining(['Hoàng Văn Thắng', 'Lý Thị Sáu', 'Chu Văn Em', 'Đặng Thị Dung']),
    );
    expect(figure?.value).toBe(7);
  });

  it('importing the same file again changes nothing', async () => {
    const again = await start(upload('hoc-vien-tap-huan-2022.xlsx'), { kind: 'attendance', event: course.id });
    const batch = await run(again);
    expect(batch.counts).toEqual({ rows: 12, created: 0, existing: 7, skipped: 5 });
    expect(batch.created).toEqual({
      people: [],
      registrations: [],
      checkIns: [],
      projects: [],
      partners: [],
      support: [],
      experts: [],
      products: [],
      listings: [],
    });
    expect((await trained('2022-01-01', '2022-12-31'))?.value).toBe(7);
    // Undoing the second import takes nothing away.
    expect((await staff.post(`${again}/hoan-tac`)).status).toBe(303);
    expect((await trained('2022-01-01', '2022-12-31'))?.value).toBe(7);
  });

  it('undo removes what the batch created and nothing else', async () => {
    const list = await batchOf(first);
    const res = await staff.post(`${first}/hoan-tac`);
    expect(res.status).toBe(303);
    expect((await batchOf(first)).status).toBe('undone');
    expect((await trained('2022-01-01', '2022-12-31'))?.value ?? 0).toBe(0);
    const { items } = await listPeople({
      db: rt.db,
      actor: officer,
      q: '0912345678',
      page: { page: 1, perPage: 5, offset: 0 },
    });
    expect(items).toHaveLength(0);
    expect(list.created.people).toHaveLength(6);
    // The person known before the import stays.
    const known = await listPeople({
      db: rt.db,
      actor: officer,
      q: '0987654321',
      page: { page: 1, perPage: 5, offset: 0 },
    });
    expect(known.items.map((p) => p.fullName)).toEqual(['Vi Thị Hồng Nhung']);
    const html = await (await staff.get(first)).text();
    expect(html).toContain('Đã hoàn tác');
    // Undone twice: refused.
    expect((await staff.post(`${first}/hoan-tac`)).status).toBe(409);
  });

  it('a CSV list without session columns checks people in to every session', async () => {
    const workshop = await pastEvent('course', '10/03/2023 08:00-11:30\n11/03/2023 08:00-11:30');
    const at = await start(upload('nguoi-du-hoi-thao-2023.csv', 'text/csv'), {
      kind: 'attendance',
      event: workshop.id,
    });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Thư điện tử “thu.tran@” không đúng dạng');
    const batch = await run(at);
    expect(batch.counts).toEqual({ rows: 5, created: 4, existing: 0, skipped: 1 });
    expect(batch.created.registrations).toHaveLength(4);
    const figure = await trained('2023-01-01', '2023-12-31');
    expect(figure?.value).toBe(4);
  });

  it('a list that adds a session to a seat already there: undo takes back that session only', async () => {
    const fair = await pastEvent('course', '05/05/2023 08:00-11:30\n06/05/2023 08:00-11:30');
    const first = fair.sessions[0]?.id ?? '';
    // Recorded by hand before the import: Lộc Thị Hoa at the first session only.
    await rt.db.transaction((tx) =>
      enterPastAttendee(tx, officer, fair, {
        name: 'Lộc Thị Hoa',
        phone: '0916777888',
        email: '',
        commune: undefined,
        organisation: '',
        organisationType: 'individual',
        sex: 'female',
        ethnicity: 'tay',
        birthYear: 1991,
        sessionIds: [first],
      }),
    );
    expect((await trained('2023-05-01', '2023-05-31'))?.value).toBe(1);
    const csv = [
      'TT,Họ tên,Ngày sinh,Giới tính,Dân tộc,Xã, phường,ĐT,Email'.replace('Xã, phường', '"Xã, phường"'),
      '1,Lộc Thị Hoa,1991,Nữ,Tày,Kỳ Lừa,0916777888,',
      '2,Hoàng Văn Đức,1989,Nam,Tày,Đồng Đăng,0916999000,',
      '3,Lộc Thị Hoa,1991,Nữ,Tày,Kỳ Lừa,0916777888,',
    ].join('\r\n');
    const at = await start(fileOf(new TextEncoder().encode(csv), 'hoi-cho.csv', 'text/csv'), {
      kind: 'attendance',
      event: fair.id,
    });
    const batch = await run(at);
    expect(batch.created.registrations).toHaveLength(1);
    expect(batch.created.checkIns).toEqual([{ registrationId: expect.any(String), sessionId: fair.sessions[1]?.id }]);
    const figure = await trained('2023-05-01', '2023-05-31');
    expect(figure?.value).toBe(2);
    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
    const after = await trained('2023-05-01', '2023-05-31');
    // Her seat and its first session stay, counted once; the new participant is gone.
    expect(after?.value).toBe(1);
    expect(after?.evidence?.map((e) => e.label)).toEqual(['Lộc Thị Hoa']);
  });

  it('a long list says how long the import may take before it is started', async () => {
    const big = await pastEvent('course', '12/06/2023 08:00-11:30');
    const lines = ['TT,Họ tên,Ngày sinh,Giới tính,Dân tộc,"Xã, phường",ĐT,Email'];
    for (let i = 1; i <= 4000; i++)
      lines.push(`${i},Người Thứ ${i},1990,Nam,Tày,Kỳ Lừa,09${String(i).padStart(8, '0')},`);
    const at = await start(fileOf(new TextEncoder().encode(lines.join('\r\n')), 'lon.csv', 'text/csv'), {
      kind: 'attendance',
      event: big.id,
    });
    const html = await (await staff.get(at)).text();
    // More rows than the background threshold: the import will run in the background, with progress.
    expect(html).toContain('Tệp có 4.000 dòng: việc nhập chạy nền trên máy chủ.');
    expect(html).toContain(`href="/su-kien/${big.slug}/nguoi-dang-ky"`);
  });

  it('the officer can change which column holds what, without JavaScript', async () => {
    const c = await pastEvent('course', '01/09/2022 08:00-11:30');
    const at = await start(upload('cong-thuc.xlsx'), { kind: 'attendance', event: c.id });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Có 2 ô chứa công thức: lấy giá trị Excel đã tính và lưu sẵn trong tệp.');
    expect(html).toContain('Nhập 2 dòng');
    // The phone column left out: no row can say who the person is.
    const res = await staff.post(`${at}/cot`, {
      col0: 'stt',
      col1: 'name',
      col2: 'sex',
      col3: 'birth',
      col4: 'ethnicity',
      col5: '',
    });
    expect(res.status).toBe(303);
    const after = await (await staff.get(at)).text();
    expect(after).toContain('Nhập 0 dòng');
    expect(after).toContain('Thiếu cả số điện thoại và thư điện tử');
  });
});

describe('importing projects', () => {
  it('creates private projects with their teams, keyed by name and commune; the lead’s phone stays private; undo removes them', async () => {
    const at = await start(upload('du-an.xlsx'), { kind: 'projects' });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Không nhận ra xã, phường của dự án (“Thôn Quỳnh Sơn”).');
    expect(html).toContain('Chỉ nhận ra huyện cũ trong “huyện Đình Lập”');
    const batch = await run(at);
    expect(batch.counts).toEqual({ rows: 5, created: 3, existing: 0, skipped: 2 });
    expect(batch.created.projects).toHaveLength(3);
    const id = batch.created.projects[0] ?? '';
    const p = await getProjectById({ db: rt.db, actor: officer, id });
    expect(p?.name).toBe('Miến dong Hội Hoan');
    expect(p?.isPublic).toBe(false);
    expect(p?.communeSlug).toBe('hoi-hoan');
    // The lead is a person of the registry, known by the phone the list gave (its lost 0 put back).
    const { items } = await listPeople({
      db: rt.db,
      actor: officer,
      q: '0912111222',
      page: { page: 1, perPage: 5, offset: 0 },
    });
    expect(items.map((x) => x.fullName)).toEqual(['Hoàng Thị Hoa']);
    const page = await (await staff.get(`/du-an/${p?.slug}`)).text();
    expect(page).toContain('Lương Văn Bắc');
    // The lead's phone is for staff only, and the page says so; the project is not public.
    expect(page).toContain('0912111222 <small>(chỉ cán bộ thấy)</small>');
    expect((await new TestBrowser(rt.app).get(`/du-an/${p?.slug}`)).status).toBe(404);

    const again = await run(await start(upload('du-an.xlsx'), { kind: 'projects' }));
    expect(again.counts).toEqual({ rows: 5, created: 0, existing: 3, skipped: 2 });

    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
    await expect(getProjectById({ db: rt.db, actor: officer, id })).rejects.toThrow();
    const gone = await listPeople({
      db: rt.db,
      actor: officer,
      q: '0912111222',
      page: { page: 1, perPage: 5, offset: 0 },
    });
    expect(gone.items).toHaveLength(0);
  });
});

describe('importing past support', () => {
  it('records ledger entries for the projects named; a second import adds nothing; undo takes them out', async () => {
    await run(await start(upload('du-an.xlsx'), { kind: 'projects' }));
    const at = await start(upload('ho-tro.xlsx'), { kind: 'support' });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Ngày “2022” không đọc được.');
    expect(html).toContain('Không tìm thấy dự án “Nấm hương Mẫu Sơn”');
    expect(html).toContain('Loại hỗ trợ “Tham quan” không rõ; ghi là “Hỗ trợ khác”.');
    const batch = await run(at);
    expect(batch.counts).toEqual({ rows: 5, created: 3, existing: 0, skipped: 2 });
    const entries = await ledgerEntries(rt.db, { sourceKind: 'import' });
    expect(entries.map((e) => [e.kind, e.startedOn, e.endedOn]).sort()).toEqual([
      ['consulting', '2022-08-15', null],
      ['market_connection', '2022-09-20', '2022-09-30'],
      ['other', '2022-10-05', null],
    ]);
    const again = await run(await start(upload('ho-tro.xlsx'), { kind: 'support' }));
    expect(again.counts).toEqual({ rows: 5, created: 0, existing: 3, skipped: 2 });
    expect(await ledgerEntries(rt.db, { sourceKind: 'import' })).toHaveLength(3);
    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
    expect(await ledgerEntries(rt.db, { sourceKind: 'import' })).toHaveLength(0);
  });
});

describe('importing partners', () => {
  it('creates private partners once, keyed by name; undo removes them', async () => {
    const before = (await listPartnerOptions(rt.db)).length;
    const at = await start(upload('doi-tac.xlsx'), { kind: 'partners' });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Loại hình “Hợp tác xã” không rõ; ghi tạm là doanh nghiệp.');
    const batch = await run(at);
    expect(batch.counts).toEqual({ rows: 5, created: 4, existing: 0, skipped: 1 });
    expect((await listPartnerOptions(rt.db)).length).toBe(before + 4);
    const again = await run(await start(upload('doi-tac.xlsx'), { kind: 'partners' }));
    expect(again.counts.created).toBe(0);
    expect(again.counts.existing).toBe(4);
    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
    expect((await listPartnerOptions(rt.db)).length).toBe(before);
  });
});

describe('importing experts', () => {
  it('creates private expert accounts once, keyed by name (titles aside); contacts for staff only; undo removes them', async () => {
    const at = await start(upload('chuyen-gia.xlsx'), { kind: 'experts' });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Không nhận ra lĩnh vực chuyên môn trong “Nuôi ong lấy mật”');
    expect(html).toContain('Thiếu thư điện tử. Chuyên gia cần thư điện tử để có tài khoản');
    expect(html).toContain('Trùng người (hoặc tên) với dòng 6;');
    const batch = await run(at);
    expect(batch.counts).toEqual({ rows: 6, created: 4, existing: 0, skipped: 2 });
    expect(batch.created.experts).toHaveLength(4);
    const thao = await getExpertBySlug(rt.db, 'le-thi-phuong-thao');
    expect(thao).toMatchObject({
      name: 'TS. Lê Thị Phương Thảo',
      specialties: ['food_safety', 'production'],
      organisation: 'Viện Nghiên cứu Công nghệ Thực phẩm miền Bắc',
      communes: ['dong-kinh'],
      isPublic: false,
    });
    expect((await getExpertBySlug(rt.db, 'nguyen-thi-hong-van'))?.name).toBe('ThS. Nguyễn Thị Hồng Vân');
    expect((await getExpertBySlug(rt.db, 'do-van-hai'))?.name).toBe('Luật sư Đỗ Văn Hải');
    // The phone (its lost 0 put back) is on the account, for staff; the profile is not public.
    const page = await (await staff.get('/chuyen-gia/le-thi-phuong-thao')).text();
    expect(page).toContain('0912100001');
    expect(page).toContain('thao.le@example.vn');
    expect((await new TestBrowser(rt.app).get('/chuyen-gia/le-thi-phuong-thao')).status).toBe(404);

    const again = await run(await start(upload('chuyen-gia.xlsx'), { kind: 'experts' }));
    expect(again.counts).toEqual({ rows: 6, created: 0, existing: 4, skipped: 2 });

    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
    expect(await getExpertBySlug(rt.db, 'le-thi-phuong-thao')).toBeNull();
    expect(await getExpertBySlug(rt.db, 'do-van-hai')).toBeNull();
  });

  it('an e-mail that is already a founder’s account is an error on its row', async () => {
    const lines = ['STT,Họ và tên,Lĩnh vực chuyên môn,Email', '1,Hà Văn Tú,Tài chính,tacgia@nhap.vn'];
    const at = await start(fileOf(new TextEncoder().encode(lines.join('\n')), 'cg.csv', 'text/csv'), {
      kind: 'experts',
    });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Thư điện tử “tacgia@nhap.vn” đã là của một tài khoản khác');
    expect(html).toContain('Nhập 0 dòng');
  });
});

describe('importing products and their listings', () => {
  it('creates each product once under its project, one listing per platform with its ledger entry; again adds nothing; undo takes them back', async () => {
    await run(await start(upload('du-an.xlsx'), { kind: 'projects' }));
    const at = await start(upload('san-pham.xlsx'), { kind: 'products' });
    const html = await (await staff.get(at)).text();
    expect(html).toContain('Không tìm thấy dự án “Nấm hương Mẫu Sơn”');
    expect(html).toContain('Giá “Liên hệ” không đọc được');
    expect(html).toContain('Thiếu ngày lên sàn; ghi tạm là ngày nhập.');
    const batch = await run(at);
    expect(batch.counts).toEqual({ rows: 7, created: 5, existing: 0, skipped: 2 });
    expect(batch.created.products).toHaveLength(4);
    expect(batch.created.listings).toHaveLength(4);
    const listings = await ledgerEntries(rt.db, { sourceKind: 'listing' });
    expect(listings.map((e) => [e.kind, e.startedOn, e.status]).sort()).toEqual(
      [
        ['platform_listing', '2022-11-01', 'done'],
        ['platform_listing', '2022-11-15', 'done'],
        ['platform_listing', '2022-12-01', 'in_progress'],
        ['platform_listing', todayInVietnam(), 'done'],
      ].sort(),
    );
    const productOf = async (slug: string) =>
      (await productContext({ db: rt.db, actor: officer, slug }).catch(() => null))?.product ?? null;
    const mien = await productOf('mien-dong-hoi-hoan-loai-dac-biet');
    expect(mien).toMatchObject({ priceMinVnd: 65000, unit: 'Gói 500 g', category: 'food', isPublic: false });
    const hoi = await productOf('tinh-dau-hoi-van-quan');
    expect(hoi).toMatchObject({ priceMinVnd: 120000, priceMaxVnd: 150000, category: 'herbal' });

    const again = await run(await start(upload('san-pham.xlsx'), { kind: 'products' }));
    expect(again.counts).toEqual({ rows: 7, created: 0, existing: 5, skipped: 2 });
    expect(await ledgerEntries(rt.db, { sourceKind: 'listing' })).toHaveLength(4);

    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
    expect(await ledgerEntries(rt.db, { sourceKind: 'listing' })).toHaveLength(0);
    expect(await productOf('mien-dong-hoi-hoan-loai-dac-biet')).toBeNull();
  });
});

describe('a long list runs in the background', () => {
  it('the batch page shows how far it is and refreshes itself, without JavaScript, until it is imported', async () => {
    const before = (await listPartnerOptions(rt.db)).length;
    const at = await start(upload('doi-tac.xlsx'), { kind: 'partners' });
    const seen: string[] = [];
    const started = await runImport({
      db: rt.db,
      actor: officer,
      batch: await batchOf(at),
      province: 'lang-son',
      basis: { basis: 'consent', statement: importBasis.statement },
      background: 2,
      chunk: 2,
      afterChunk: async () => {
        seen.push(await (await staff.get(at)).text());
      },
    });
    expect(started.status).toBe('running');
    await importFinished(started.id);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('Danh sách đối tác: đã nhập 2 / 4 dòng (50%).');
    expect(seen[0]).toContain(`<meta http-equiv="refresh" content="3;url=${at}"/>`);
    const done = await batchOf(at);
    expect(done).toMatchObject({ status: 'imported', processed: 4 });
    expect(done.counts).toEqual({ rows: 5, created: 4, existing: 0, skipped: 1 });
    expect((await listPartnerOptions(rt.db)).length).toBe(before + 4);
    const page = await (await staff.get(at)).text();
    expect(page).not.toContain('http-equiv="refresh"');
    expect(page).toContain('Hoàn tác lần nhập này');
    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
    expect((await listPartnerOptions(rt.db)).length).toBe(before);
  });

  it('a part that fails takes back the parts before it: nothing stays half-imported; it can be run again', async () => {
    const before = (await listPartnerOptions(rt.db)).length;
    const at = await start(upload('doi-tac.xlsx'), { kind: 'partners' });
    const started = await runImport({
      db: rt.db,
      actor: officer,
      batch: await batchOf(at),
      province: 'lang-son',
      basis: { basis: 'consent', statement: importBasis.statement },
      background: 2,
      chunk: 2,
      afterChunk: async () => {
        // The first two partners are in; the next part fails.
        expect((await listPartnerOptions(rt.db)).length).toBe(before + 2);
        throw new Error('the disk is full');
      },
    });
    await importFinished(started.id);
    const failed = await batchOf(at);
    expect(failed.status).toBe('failed');
    expect((await listPartnerOptions(rt.db)).length).toBe(before);
    const page = await (await staff.get(at)).text();
    expect(page).toContain('Lần nhập trước không thành công nên không có dòng nào được giữ lại.');
    const again = await run(at);
    expect(again.status).toBe('imported');
    expect((await listPartnerOptions(rt.db)).length).toBe(before + 4);
    expect((await staff.post(`${at}/hoan-tac`)).status).toBe(303);
  });
});

describe('a background import the server stopped in the middle', () => {
  it('is taken back at the next start and marked failed', async () => {
    const before = (await listPartnerOptions(rt.db)).length;
    const at = await start(upload('doi-tac.xlsx'), { kind: 'partners' });
    await run(at);
    expect((await listPartnerOptions(rt.db)).length).toBe(before + 4);
    // As a restart finds it: still running, its first parts written.
    await rt.db
      .update(importBatch)
      .set({ status: 'running', processed: 2 })
      .where(eq(importBatch.id, (await batchOf(at)).id));
    expect(await recoverImports(rt.db)).toBe(1);
    expect((await batchOf(at)).status).toBe('failed');
    expect((await listPartnerOptions(rt.db)).length).toBe(before);
  });
});

describe('bad files give a clear message and import nothing', () => {
  const cases: [string, string][] = [
    ['bad/chi-co-tieu-de.xlsx', 'Trang tính chỉ có tiêu đề, chưa có danh sách.'],
    ['bad/trang-trong.xlsx', 'Trang tính trống: không có dòng nào.'],
    ['bad/khong-phai-excel.xlsx', 'Tệp này không phải bảng tính Excel (.xlsx) hay CSV.'],
    ['bad/danh-sach-cu.xls', 'Tệp .xls (Excel 97–2003) chưa đọc được.'],
    ['bad/bom-nen.xlsx', 'Tệp .xlsx này khi giải nén lớn bất thường nên không được mở.'],
  ];
  for (const [name, message] of cases)
    it(`${name}: 422 with “${message}”`, async () => {
      const count = (await rt.db.select({ id: importBatch.id }).from(importBatch)).length;
      const res = await staff.postFiles('/quan-ly/nhap-du-lieu', { kind: 'partners' }, { file: [upload(name)] });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
      expect((await rt.db.select({ id: importBatch.id }).from(importBatch)).length).toBe(count);
    });

  it('an attendance list needs an ended event, and a file', async () => {
    const res = await staff.postFiles('/quan-ly/nhap-du-lieu', { kind: 'attendance', event: '' }, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Chọn một sự kiện, lớp học đã kết thúc.');
    expect(html).toContain('Chọn tệp danh sách để tải lên.');
  });

  it('more rows than allowed are refused', async () => {
    const lines = ['STT,Tên doanh nghiệp,Loại hình'];
    for (let i = 1; i <= 100_001; i++) lines.push(`${i},Công ty số ${i},Doanh nghiệp`);
    const file = fileOf(new TextEncoder().encode(lines.join('\n')), 'lon.csv', 'text/csv');
    const res = await staff.postFiles('/quan-ly/nhap-du-lieu', { kind: 'partners' }, { file: [file] });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Tệp có hơn 100000 dòng.');
  });
});

describe('who may import', () => {
  it('founders are refused; the template downloads with Vietnamese headers', async () => {
    const founder = new TestBrowser(rt.app);
    await founder.signIn('tacgia@nhap.vn', password);
    expect((await founder.get('/quan-ly/nhap-du-lieu')).status).toBe(403);
    const res = await staff.get('/quan-ly/nhap-du-lieu/mau/attendance');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const header = book.worksheets[0]?.getRow(3).values as string[];
    expect(header).toEqual(
      expect.arrayContaining(['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Số điện thoại', 'Buổi 1']),
    );
    // Every kind's template is read back by the matcher: each header names its field.
    for (const kind of importKinds) {
      const headers = templateHeaders(t, kind);
      const layout = detectLayout(kind, [['TIÊU ĐỀ'], headers, headers.map((_, i) => (i === 0 ? '1' : 'x'))]);
      expect(layout?.fields.filter(Boolean).length, kind).toBe(headers.length);
    }
  });
});
