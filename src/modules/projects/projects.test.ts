import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

let rt: TestRuntime;
const password = 'mat-khau-thu-1';

const validProject = {
  name: 'Thạch đen Hồng Nhung',
  summary: 'Thạch đen Tràng Định làm thủ công, đóng gói đạt chuẩn lưu thông.',
  description: 'Sản phẩm từ cây thạch đen trồng tại Tràng Định.',
  type: 'product',
  field: 'food',
  stage: 'market',
  commune: 'that-khe',
  members: 'Hoàng Thị Lan\nNông Văn Tú',
  needs: ['consulting_ip', 'market_connection'],
  awards: '2021 - Giải Ba cuộc thi KNĐMST tỉnh',
  links: 'https://example.vn/thach-den',
  consentToPublish: 'on',
  isPublic: 'on',
};

beforeAll(async () => {
  rt = await testRuntime();
  await createUser(rt.deps, { name: 'Lý Thị Mai', email: 'founder@test.vn', password, role: 'founder' });
  await createUser(rt.deps, { name: 'Vi Văn Bình', email: 'other@test.vn', password, role: 'founder' });
  await createUser(rt.deps, { name: 'Hoàng Minh Đức', email: 'officer@test.vn', password, role: 'officer' });
});
afterAll(() => rt.close());

/** An officer publishes a founder's project (a founder's wish to publish waits for review). */
async function approve(slug: string) {
  const officer = new TestBrowser(rt.app);
  await officer.signIn('officer@test.vn', password);
  expect((await officer.post(`/du-an/${slug}/duyet`, { decision: 'approve' })).status).toBe(303);
}

async function founder() {
  const b = new TestBrowser(rt.app);
  await b.signIn('founder@test.vn', password);
  return b;
}

describe('registering a project', () => {
  it('a founder registers a project with Vietnamese text and lands on its page', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', validProject);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/du-an/thach-den-hong-nhung');
    const page = await (await b.get('/du-an/thach-den-hong-nhung')).text();
    expect(page).toContain('Thạch đen Hồng Nhung');
    expect(page).toContain('Lý Thị Mai');
    expect(page).toContain('Nông Văn Tú');
    expect(page).toContain('Thất Khê');
    expect(page).toContain('Đã đăng ký dự án'); // the flash message
    // A founder's project shows publicly once an officer has reviewed it.
    expect(page).toContain('Dự án đang chờ cán bộ Sở duyệt');
    await approve('thach-den-hong-nhung');
    expect((await new TestBrowser(rt.app).get('/du-an/thach-den-hong-nhung')).status).toBe(200);
  });

  it('bad input: 422, messages in Vietnamese, everything typed kept', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', {
      ...validProject,
      name: 'Ab',
      stage: 'hacked',
      links: 'not a link',
      awards: 'năm ngoái',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Có vấn đề cần sửa');
    expect(html).toContain('Cần ít nhất 3 ký tự.');
    expect(html).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect(html).toContain('bắt đầu bằng http://');
    expect(html).toContain('2021 - Giải Ba');
    expect(html).toContain('Thạch đen Tràng Định làm thủ công'); // the summary the user typed is still there
  });

  it('a commune that does not exist is a field error, not a crash', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', { ...validProject, name: 'Dự án xã lạ', commune: 'khong-co-xa-nay' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Vui lòng chọn một giá trị trong danh sách.');
  });

  it('text garbled by a wrong encoding is refused with advice', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', { ...validProject, name: 'Tháº¡ch Ä‘en' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('bàn phím tiếng Việt');
  });

  it('script tags are shown as text, never run', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', { ...validProject, name: 'Dự án <script>alert(1)</script>' });
    expect(res.status).toBe(303);
    const html = await (await b.get(res.headers.get('location') ?? '')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('publishing without consent is refused', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', { ...validProject, name: 'Không đồng ý', consentToPublish: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Bạn cần đồng ý');
  });

  it('without the CSRF token the form is refused and nothing is stored', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', { ...validProject, name: 'Dự án không token' }, { csrf: false });
    expect(res.status).toBe(403);
    const list = await (await b.get('/du-an?q=khong+token')).text();
    expect(list).not.toContain('Dự án không token');
  });
});

describe('directory and search', () => {
  it('finds a project without diacritics and ranks the exact spelling first', async () => {
    const b = await founder();
    const created = await b.post('/du-an/moi', {
      ...validProject,
      name: 'Thach den sach',
      summary: 'Một dự án khác có tên không dấu.',
    });
    await b.get(created.headers.get('location') ?? '/'); // shows (and clears) the flash message
    await approve('thach-den-sach');
    const res = await rt.app.request('/api/v1/projects?q=thach%20den');
    const body = (await res.json()) as { items: { name: string }[]; total: number };
    expect(body.total).toBeGreaterThanOrEqual(2);
    const html = await (await b.get('/du-an?q=thạch đen')).text();
    expect(html.indexOf('Thạch đen Hồng Nhung')).toBeLessThan(html.indexOf('Thach den sach'));
    const site = await (await rt.app.request('/tim-kiem?q=dinh%20lap')).text();
    expect(site).toContain('Đình Lập');
  });

  it('filters by field, stage, commune and need', async () => {
    const hit = await (
      await rt.app.request('/du-an?field=food&stage=market&commune=that-khe&need=consulting_ip')
    ).text();
    expect(hit).toContain('Thạch đen Hồng Nhung');
    const miss = await (await rt.app.request('/du-an?field=tourism')).text();
    expect(miss).not.toContain('Thạch đen Hồng Nhung');
    expect(miss).toContain('Không có kết quả phù hợp');
  });

  it('a private project is hidden from others (404) but seen by its team and staff', async () => {
    const b = await founder();
    const res = await b.post('/du-an/moi', {
      ...validProject,
      name: 'Dự án bí mật',
      isPublic: '',
      consentToPublish: '',
    });
    const path = res.headers.get('location') ?? '';
    expect((await rt.app.request(path)).status).toBe(404);
    const other = new TestBrowser(rt.app);
    await other.signIn('other@test.vn', password);
    expect((await other.get(path)).status).toBe(404);
    expect((await b.get(path)).status).toBe(200);
    const officer = new TestBrowser(rt.app);
    await officer.signIn('officer@test.vn', password);
    expect((await officer.get(path)).status).toBe(200);
    const publicList = await (await rt.app.request('/du-an')).text();
    expect(publicList).not.toContain('Dự án bí mật');
  });

  it('page numbers that are not numbers fall back to page 1', async () => {
    expect((await rt.app.request('/du-an?page=abc')).status).toBe(200);
    expect((await rt.app.request('/api/v1/projects?page=abc')).status).toBe(422);
  });
});

describe('editing and case officers', () => {
  it('another founder may not edit (403); the team may', async () => {
    const other = new TestBrowser(rt.app);
    await other.signIn('other@test.vn', password);
    expect((await other.get('/du-an/thach-den-hong-nhung/sua')).status).toBe(403);
    expect((await other.post('/du-an/thach-den-hong-nhung/sua', validProject)).status).toBe(403);
    const b = await founder();
    const res = await b.post('/du-an/thach-den-hong-nhung/sua', { ...validProject, stage: 'growing' });
    expect(res.status).toBe(303);
    expect(await (await b.get('/du-an/thach-den-hong-nhung')).text()).toContain('Đang tăng trưởng');
  });

  it('each team member is one person in the people registry, kept across edits', async () => {
    const team = () =>
      rows<{ name: string; person_id: string | null; role: string; email: string }>(
        rt.db,
        sql`select m.name, m.person_id, m.role, p.email from project_member m
            join project pr on pr.id = m.project_id left join person p on p.id = m.person_id
            where pr.slug = 'thach-den-hong-nhung' order by m.position`,
      );
    const b = await founder();
    // The lead (the founder's account) and the members typed by name each point at a person.
    expect((await b.post('/du-an/thach-den-hong-nhung/sua', validProject)).status).toBe(303);
    const first = await team();
    expect(first.map((m) => m.name)).toEqual(['Lý Thị Mai', 'Hoàng Thị Lan', 'Nông Văn Tú']);
    for (const m of first) expect(m.person_id).not.toBeNull();
    expect(first[0]?.email).toBe('founder@test.vn');
    const [before] = await rows<{ n: number }>(rt.db, sql`select count(*)::int as n from person`);
    // Saving again, with a member added by the e-mail of an account, keeps the same people.
    const again = { ...validProject, members: 'Hoàng Thị Lan\nNông Văn Tú\nother@test.vn' };
    expect((await b.post('/du-an/thach-den-hong-nhung/sua', again)).status).toBe(303);
    const second = await team();
    expect(second.slice(0, 3).map((m) => m.person_id)).toEqual(first.map((m) => m.person_id));
    expect(second[3]).toMatchObject({ name: 'Vi Văn Bình', email: 'other@test.vn' });
    const [after] = await rows<{ n: number }>(rt.db, sql`select count(*)::int as n from person`);
    expect(after?.n).toBe((before?.n ?? 0) + 1);
  });

  it('an officer assigns themself and records support that shows on the timeline', async () => {
    const officer = new TestBrowser(rt.app);
    await officer.signIn('officer@test.vn', password);
    const assign = await officer.post('/du-an/thach-den-hong-nhung/phu-trach', {});
    expect(assign.status).toBe(303);
    const support = await officer.post('/du-an/thach-den-hong-nhung/ho-tro/moi', {
      kind: 'event_introduction',
      title: 'Giới thiệu tham gia chương trình của Bộ KHCN',
      providerKind: 'officer',
      providerName: 'Hoàng Minh Đức',
      startedOn: '2022-03-15',
      status: 'done',
      outcome: 'Nhóm đã đăng ký tham gia.',
    });
    expect(support.status).toBe(303);
    const page = await (await officer.get('/du-an/thach-den-hong-nhung')).text();
    expect(page).toContain('Giới thiệu tham gia chương trình của Bộ KHCN');
    expect(page).toContain('15/03/2022');
    expect(page).toContain('Hoàng Minh Đức');
    const ledger = await (await officer.get('/ho-tro?kind=event_introduction')).text();
    expect(ledger).toContain('Thạch đen Hồng Nhung');
    // The ledger finds an entry by its project's name, without accents; another name finds none.
    const found = await (await officer.get('/ho-tro?q=thach den')).text();
    expect(found).toContain('Giới thiệu tham gia chương trình của Bộ KHCN');
    const none = await (await officer.get('/ho-tro?q=khong co du an nay')).text();
    expect(none).not.toContain('Giới thiệu tham gia chương trình của Bộ KHCN');
  });

  it('a support entry with an end before its start is refused and keeps the input', async () => {
    const officer = new TestBrowser(rt.app);
    await officer.signIn('officer@test.vn', password);
    const res = await officer.post('/du-an/thach-den-hong-nhung/ho-tro/moi', {
      kind: 'consulting',
      title: 'Tư vấn nhãn hiệu',
      providerKind: 'expert',
      providerName: 'Chuyên gia A',
      startedOn: '2022-05-10',
      endedOn: '2022-05-01',
      status: 'done',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Ngày kết thúc phải sau ngày bắt đầu.');
    expect(html).toContain('Tư vấn nhãn hiệu');
  });

  it('staff download the filtered directory as CSV that Excel reads in Vietnamese', async () => {
    const officer = new TestBrowser(rt.app);
    await officer.signIn('officer@test.vn', password);
    const res = await officer.get('/du-an.csv?field=food');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain('Thạch đen Hồng Nhung');
    expect(csv).toContain('Chế biến thực phẩm');
    expect(csv).toContain('Không công khai'); // staff also get private projects
  });

  it('a founder cannot record support (403)', async () => {
    const b = await founder();
    const res = await b.post('/du-an/thach-den-hong-nhung/ho-tro/moi', {
      kind: 'other',
      title: 'Tự ghi',
      providerKind: 'officer',
      providerName: 'x',
      startedOn: '2022-01-01',
      status: 'done',
    });
    expect(res.status).toBe(403);
  });
});

describe('JSON API', () => {
  it('lists and shows projects with the documented shape', async () => {
    const list = (await (await rt.app.request('/api/v1/projects?q=hong+nhung')).json()) as {
      items: { id: string; name: string }[];
      total: number;
    };
    expect(list.items[0]?.name).toBe('Thạch đen Hồng Nhung');
    const one = await rt.app.request(`/api/v1/projects/${list.items[0]?.id}`);
    expect(one.status).toBe(200);
    const body = (await one.json()) as { awards: { year: number }[] };
    expect(body.awards[0]?.year).toBe(2021);
    expect((await rt.app.request('/api/v1/projects/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    const doc = (await (await rt.app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/projects/{id}');
  });
});
