import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { engagementSummaries } from '#modules/engagements/index.ts';
import { saveOwnProfile } from '#modules/experts/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { exeBytes, fileOf, pdfBytes } from '#src/testing/files.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { requestLink, supportRequest } from './requests.sql.ts';

// The heart of the product, through the pages: a founder asks for trademark help, an officer
// connects the right expert from the suggestions, the expert works, the request is resolved,
// and the ledger counts the consulting once.

let rt: TestRuntime;
const password = 'mat-khau-yeu-cau';
const ids = { officer: '', officer2: '', lawyer: '', project: '', request: '', engagement: '' };

async function as(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

async function requestsCount() {
  const [row] = await rt.db.select({ n: count() }).from(supportRequest);
  return row?.n ?? 0;
}

async function mailsTo(to: string) {
  return rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
}

const valid = {
  project: 'thach-den-hong-nhung',
  needs: 'consulting_ip',
  body: 'Chúng tôi cần hỗ trợ đăng ký nhãn hiệu cho sản phẩm thạch đen đóng cốc.',
  urgency: 'normal',
};

beforeAll(async () => {
  rt = await testRuntime();
  const founder = await createUser(rt.deps, {
    name: 'Hoàng Thị Nhung',
    email: 'nhung@test.vn',
    password,
    role: 'founder',
  });
  const other = await createUser(rt.deps, { name: 'Vi Văn Bình', email: 'other@test.vn', password, role: 'founder' });
  const officer = await createUser(rt.deps, {
    name: 'Hoàng Minh Đức',
    email: 'officer@test.vn',
    password,
    role: 'officer',
  });
  const officer2 = await createUser(rt.deps, {
    name: 'Lăng Thị Hoa',
    email: 'officer2@test.vn',
    password,
    role: 'officer',
  });
  const lawyer = await createUser(rt.deps, { name: 'Đỗ Văn Hải', email: 'hai@test.vn', password, role: 'expert' });
  const foodExpert = await createUser(rt.deps, {
    name: 'Lê Thị Thảo',
    email: 'thao@test.vn',
    password,
    role: 'expert',
  });
  ids.officer = officer.id;
  ids.officer2 = officer2.id;
  ids.lawyer = lawyer.id;
  const profile = { organisation: '', bio: '', communes: [], anywhere: false, isPublic: true };
  await saveOwnProfile({
    db: rt.db,
    actor: lawyer,
    input: {
      ...profile,
      name: 'Luật sư Đỗ Văn Hải',
      headline: 'Tư vấn đăng ký nhãn hiệu, sở hữu trí tuệ',
      specialties: ['trademark_ip', 'legal'],
      fields: [],
    },
  });
  await saveOwnProfile({
    db: rt.db,
    actor: foodExpert,
    input: {
      ...profile,
      name: 'TS. Lê Thị Thảo',
      headline: 'Công nghệ thực phẩm',
      specialties: ['production', 'food_safety'],
      fields: ['food'],
    },
  });
  const project = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: 'Thạch đen Hồng Nhung',
      summary: 'Thạch đen Tràng Định đóng cốc.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: ['consulting_ip'],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  ids.project = project.id;
  await createProject({
    db: rt.db,
    actor: other,
    input: {
      name: 'Miến dong Bình Gia',
      summary: 'Miến dong làm thủ công.',
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
});
afterAll(() => rt.close());

describe('a founder asks for help', () => {
  it('the form opens prefilled from a link (project, kind, words)', async () => {
    const b = await as('nhung@test.vn');
    const html = await (
      await b.get('/yeu-cau/moi?du_an=thach-den-hong-nhung&loai=consulting_ip&noi_dung=Nh%C3%A3n%20hi%E1%BB%87u')
    ).text();
    expect(html).toMatch(/<option value="thach-den-hong-nhung" selected/);
    expect(html).toMatch(/value="consulting_ip" checked/);
    expect(html).toContain('Nhãn hiệu</textarea>');
  });

  it('bad input: 422 with Vietnamese messages, what was typed kept, nothing stored', async () => {
    const b = await as('nhung@test.vn');
    const res = await b.post('/yeu-cau/moi', { ...valid, body: 'Giúp với', needs: 'hack' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Cần ít nhất 20 ký tự.');
    expect(html).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect(html).toContain('Giúp với</textarea>');
    expect(await requestsCount()).toBe(0);
  });

  it('a program renamed .pdf is refused by its content; the text stays, nothing is stored', async () => {
    const b = await as('nhung@test.vn');
    const res = await b.postFiles('/yeu-cau/moi', valid, {
      files: [fileOf(exeBytes(), 'giay-phep.pdf', 'application/pdf')],
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, WebP');
    expect(html).toContain('đăng ký nhãn hiệu cho sản phẩm thạch đen');
    expect(await requestsCount()).toBe(0);
  });

  it('a founder cannot file for a project that is not theirs', async () => {
    const b = await as('other@test.vn');
    const res = await b.post('/yeu-cau/moi', valid);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Hãy chọn một dự án mà bạn là thành viên.');
  });

  it('files the request with a PDF; officers are told by e-mail; only the parties can open it', async () => {
    const b = await as('nhung@test.vn');
    const res = await b.postFiles('/yeu-cau/moi', valid, {
      files: [fileOf(pdfBytes(), 'mẫu nhãn.pdf', 'application/pdf')],
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/yeu-cau\/\d+$/);
    ids.request = location.split('/').pop() ?? '';
    const page = await (await b.get(location)).text();
    expect(page).toContain(`YC-${ids.request}`);
    expect(page).toContain('mẫu nhãn.pdf');
    expect((await mailsTo('officer@test.vn')).some((m) => m.subject.includes(`YC-${ids.request}`))).toBe(true);

    const fileHref = page.match(/href="(\/yeu-cau\/\d+\/tep\/[0-9a-f-]+)"/)?.[1] ?? '';
    const file = await b.get(fileHref);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');

    const stranger = await as('other@test.vn');
    expect((await stranger.get(location)).status).toBe(404);
    expect((await stranger.get(fileHref)).status).toBe(404);
    expect((await (await as('thao@test.vn')).get(location)).status).toBe(404);
    expect((await new TestBrowser(rt.app).get(location)).status).toBe(303);
  });
});

describe('the officer connects the right expert', () => {
  it('the inbox shows the new request; its page suggests the trademark lawyer first, with reasons', async () => {
    const b = await as('officer@test.vn');
    const inbox = await (await b.get('/quan-ly/yeu-cau?view=new')).text();
    expect(inbox).toContain(`YC-${ids.request}`);
    const page = await (await b.get(`/yeu-cau/${ids.request}`)).text();
    const suggestions = page.slice(page.indexOf('id="goi-y"'));
    expect(suggestions.indexOf('Luật sư Đỗ Văn Hải')).toBeGreaterThan(-1);
    const thao = suggestions.indexOf('TS. Lê Thị Thảo');
    expect(thao === -1 || suggestions.indexOf('Luật sư Đỗ Văn Hải') < thao).toBe(true);
    expect(suggestions).toContain('chuyên về nhãn hiệu, sở hữu trí tuệ');
    // Reasons in words built from the profiles, and the fit in words: no raw word pairs, no bare score.
    expect(suggestions).not.toContain('trùng nội dung');
    expect(suggestions).not.toMatch(/\d+ điểm/);
  });

  it('connecting the expert moves the request to "in progress" and tells the expert and the founder', async () => {
    const b = await as('officer@test.vn');
    const empty = await b.post(`/yeu-cau/${ids.request}/ket-noi`, {
      target: 'expert',
      targetId: ids.lawyer,
      message: '',
    });
    expect(empty.status).toBe(422);
    const res = await b.post(`/yeu-cau/${ids.request}/ket-noi`, {
      target: 'expert',
      targetId: ids.lawyer,
      message: 'Nhờ luật sư tư vấn hồ sơ nhãn hiệu.',
    });
    expect(res.status).toBe(303);
    const [r] = await rt.db
      .select()
      .from(supportRequest)
      .where(eq(supportRequest.number, Number(ids.request)));
    expect(r?.status).toBe('in_progress');
    expect(r?.assigneeId).toBe(ids.officer);
    expect(r?.dueOn).not.toBeNull();
    expect((await mailsTo('hai@test.vn')).length).toBe(1);
    expect((await mailsTo('nhung@test.vn')).some((m) => m.subject.includes('đã kết nối'))).toBe(true);
    const [link] = await rt.db
      .select()
      .from(requestLink)
      .where(and(eq(requestLink.requestId, r?.id ?? ''), eq(requestLink.type, 'engagement')));
    const [e] = await engagementSummaries(rt.db, [link?.targetId ?? '']);
    ids.engagement = e?.id ?? '';
    expect(e?.status).toBe('proposed');
  });
});

describe('the expert works, the request is resolved, the ledger counts it once', () => {
  const ledger = () => ledgerEntries(rt.db, { projectId: ids.project, kind: 'consulting' });

  it('the expert sees the project through the engagement and accepts', async () => {
    const b = await as('hai@test.vn');
    const list = await (await b.get('/tu-van')).text();
    expect(list).toContain('Thạch đen Hồng Nhung');
    const page = await (await b.get(`/tu-van/${ids.engagement}`)).text();
    expect(page).toContain('Nhờ luật sư tư vấn hồ sơ nhãn hiệu.');
    expect(page).toContain('nhung@test.vn');
    expect((await ledger()).length).toBe(0);
    const res = await b.post(`/tu-van/${ids.engagement}/tra-loi`, { decision: 'accept' });
    expect(res.status).toBe(303);
    const rows = await ledger();
    expect(rows.length).toBe(1);
    expect(rows[0]?.status).toBe('in_progress');
    expect(rows[0]?.providerName).toBe('Đỗ Văn Hải');
  });

  it('another expert may not answer for them; a founder of the project may not log sessions', async () => {
    expect(
      (await (await as('thao@test.vn')).post(`/tu-van/${ids.engagement}/tra-loi`, { decision: 'accept' })).status,
    ).toBe(404);
    expect(
      (
        await (
          await as('nhung@test.vn')
        ).post(`/tu-van/${ids.engagement}/buoi`, {
          heldOn: '2026-01-05',
          hours: '2',
          summary: 'Buổi làm việc thứ nhất',
        })
      ).status,
    ).toBe(403);
  });

  it('logs two sessions (a wrong number of hours is refused), then closes with the outcome', async () => {
    const b = await as('hai@test.vn');
    const bad = await b.post(`/tu-van/${ids.engagement}/buoi`, {
      heldOn: '2026-01-05',
      hours: 'hai',
      summary: 'Tra cứu khả năng bảo hộ nhãn hiệu',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Tra cứu khả năng bảo hộ nhãn hiệu</textarea>');
    expect(
      (
        await b.post(`/tu-van/${ids.engagement}/buoi`, {
          heldOn: '2026-01-05',
          hours: '2',
          summary: 'Tra cứu khả năng bảo hộ nhãn hiệu',
        })
      ).status,
    ).toBe(303);
    const second = await b.postFiles(
      `/tu-van/${ids.engagement}/buoi`,
      { heldOn: '2026-01-12', hours: '1,5', summary: 'Hoàn thiện mẫu nhãn và tờ khai', nextSteps: 'Nộp đơn' },
      { files: [fileOf(pdfBytes(), 'to-khai.pdf')] },
    );
    expect(second.status).toBe(303);
    expect(
      (
        await b.post(`/tu-van/${ids.engagement}/ket-thuc`, {
          outcome: 'Đã nộp đơn đăng ký nhãn hiệu tại Cục Sở hữu trí tuệ.',
        })
      ).status,
    ).toBe(303);
    const rows = await ledger();
    expect(rows.length).toBe(1);
    expect(rows[0]?.status).toBe('done');
    expect(rows[0]?.figures).toEqual({ hours: 3.5 });
    expect(rows[0]?.startedOn).toBe('2026-01-05');
    expect(rows[0]?.endedOn).toBe('2026-01-12');
    expect(rows[0]?.outcome).toContain('Đã nộp đơn');
  });

  it('the officer resolves the request: no second ledger entry; the founder is told and sees it all', async () => {
    const b = await as('officer@test.vn');
    const noNote = await b.post(`/yeu-cau/${ids.request}/trang-thai`, { to: 'resolved', note: '' });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toContain('Hãy ghi kết quả hoặc lý do');
    expect(
      (
        await b.post(`/yeu-cau/${ids.request}/trang-thai`, {
          to: 'resolved',
          note: 'Chuyên gia đã hướng dẫn nộp đơn nhãn hiệu.',
        })
      ).status,
    ).toBe(303);
    expect((await ledgerEntries(rt.db, { projectId: ids.project })).length).toBe(1);
    expect((await mailsTo('nhung@test.vn')).some((m) => m.subject.includes('đã được giải quyết'))).toBe(true);
    const founder = await as('nhung@test.vn');
    const mine = await (await founder.get('/yeu-cau')).text();
    expect(mine).toContain('Đã giải quyết');
    const project = await (await founder.get('/du-an/thach-den-hong-nhung')).text();
    expect(project).toContain('Tư vấn nhãn hiệu, sở hữu trí tuệ');
  });
});

describe('the desk and the inbox', () => {
  it('a walk-in request needs a way to call back; it is claimed when the person signs up with that phone', async () => {
    const b = await as('officer@test.vn');
    const none = await b.post('/quan-ly/yeu-cau/moi', {
      contactName: 'Lộc Văn Tài',
      contactPhone: '',
      contactEmail: '',
      needs: 'space',
      body: 'Xin sử dụng phòng họp khu làm việc chung để gặp khách hàng.',
      urgency: 'normal',
    });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Cần ít nhất số điện thoại hoặc email');
    const res = await b.post('/quan-ly/yeu-cau/moi', {
      contactName: 'Lộc Văn Tài',
      contactPhone: '0912 345 678',
      contactEmail: '',
      commune: 'that-khe',
      needs: 'space',
      body: 'Xin sử dụng phòng họp khu làm việc chung để gặp khách hàng.',
      urgency: 'urgent',
    });
    expect(res.status).toBe(303);
    const number = Number(res.headers.get('location')?.split('/').pop());
    const [r] = await rt.db.select().from(supportRequest).where(eq(supportRequest.number, number));
    expect(r?.status).toBe('accepted');
    expect(r?.assigneeId).toBe(ids.officer);

    await createUser(rt.deps, {
      name: 'Lộc Văn Tài',
      email: 'tai@test.vn',
      password,
      role: 'founder',
      phone: '0912345678',
    });
    const tai = await as('tai@test.vn');
    expect(await (await tai.get('/yeu-cau')).text()).toContain(`YC-${number}`);
    expect((await tai.get(`/yeu-cau/${number}`)).status).toBe(200);
  });

  it('bulk assignment accepts new requests and gives them a due date; overdue ones have their own tab', async () => {
    const founder = await as('nhung@test.vn');
    const numbers: string[] = [];
    for (const kind of ['consulting_marketing', 'funding']) {
      const res = await founder.post('/yeu-cau/moi', {
        ...valid,
        needs: kind,
        body: `Đề nghị hỗ trợ ${kind} cho sản phẩm thạch đen của hợp tác xã.`,
      });
      numbers.push(res.headers.get('location')?.split('/').pop() ?? '');
    }
    const b = await as('officer@test.vn');
    const none = await b.post('/quan-ly/yeu-cau/phan-cong', { assigneeId: ids.officer2 });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Hãy chọn ít nhất một yêu cầu.');
    const res = await b.post('/quan-ly/yeu-cau/phan-cong', { numbers, assigneeId: ids.officer2 });
    expect(res.status).toBe(303);
    for (const n of numbers) {
      const [r] = await rt.db
        .select()
        .from(supportRequest)
        .where(eq(supportRequest.number, Number(n)));
      expect(r?.status).toBe('accepted');
      expect(r?.assigneeId).toBe(ids.officer2);
      expect(r?.dueOn).not.toBeNull();
    }
    expect((await mailsTo('officer2@test.vn')).some((m) => m.subject.includes('2'))).toBe(true);

    await rt.db
      .update(supportRequest)
      .set({ dueOn: '2020-01-01' })
      .where(eq(supportRequest.number, Number(numbers[0])));
    const overdue = await (await b.get('/quan-ly/yeu-cau?view=overdue')).text();
    expect(overdue).toContain(`YC-${numbers[0]}`);
    expect(overdue).not.toContain(`YC-${numbers[1]}<`);
    const mine = await (await (await as('officer2@test.vn')).get('/quan-ly/yeu-cau?view=mine')).text();
    expect(mine).toContain(`YC-${numbers[1]}`);
  });

  it('a request the officer handles alone enters the ledger when resolved, with its kind', async () => {
    const b = await as('officer@test.vn');
    const [r] = await rt.db.select().from(supportRequest).where(eq(supportRequest.kind, 'funding'));
    const res = await b.post(`/yeu-cau/${r?.number}/trang-thai`, {
      to: 'resolved',
      note: 'Đã hướng dẫn hồ sơ vay vốn ưu đãi khởi nghiệp.',
    });
    expect(res.status).toBe(303);
    const rows = await ledgerEntries(rt.db, { sourceId: r?.id ?? '' });
    expect(rows.map((x) => [x.kind, x.providerName, x.status])).toEqual([['funding', 'Hoàng Minh Đức', 'done']]);
  });

  it('the inbox finds a request by its number or by words without accents, and exports CSV', async () => {
    const b = await as('officer@test.vn');
    expect(await (await b.get(`/quan-ly/yeu-cau?view=all&q=YC-${ids.request}`)).text()).toContain(`YC-${ids.request}`);
    const found = await (await b.get('/quan-ly/yeu-cau?view=all&q=phong hop')).text();
    expect(found).toContain('Lộc Văn Tài');
    const csv = await b.get('/quan-ly/yeu-cau.csv?view=all');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('Thạch đen Hồng Nhung');
  });
});

describe('the API and hostile input', () => {
  async function api(b: TestBrowser, path: string, body: unknown) {
    return b.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': await b.csrfToken() },
    });
  }

  it('POST /api/v1/requests: wrong types get 422 with a message per field; a good one is filed and readable', async () => {
    const b = await as('nhung@test.vn');
    const bad = await api(b, '/api/v1/requests', { project: 42, needs: ['x'], body: '', urgency: true });
    expect(bad.status).toBe(422);
    const error = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.error.fields).sort()).toEqual(['body', 'needs', 'project', 'urgency']);
    const before = await requestsCount();
    const res = await api(b, '/api/v1/requests', {
      ...valid,
      body: 'Nhờ Sở giới thiệu chuyên gia kiểm nghiệm chất lượng thạch đen.',
    });
    expect(res.status).toBe(201);
    const { number } = (await res.json()) as { number: number };
    expect(await requestsCount()).toBe(before + 1);
    const detail = (await (await b.get(`/api/v1/requests/${number}`)).json()) as {
      status: string;
      thread: { type: string }[];
    };
    expect(detail.status).toBe('new');
    expect(detail.thread.map((e) => e.type)).toEqual(['created']);
    expect((await (await as('other@test.vn')).get(`/api/v1/requests/${number}`)).status).toBe(404);
  });

  it('script tags in a message are shown as text, never run', async () => {
    const b = await as('nhung@test.vn');
    expect(
      (await b.post(`/yeu-cau/${ids.request}/tin-nhan`, { body: '<script>alert("x")</script> cảm ơn anh chị' })).status,
    ).toBe(303);
    const html = await (await b.get(`/yeu-cau/${ids.request}`)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert');
  });

  it('text garbled by a wrong encoding is refused with advice, and kept for correction', async () => {
    const b = await as('nhung@test.vn');
    const res = await b.post('/yeu-cau/moi', {
      ...valid,
      body: 'ChÃºng tÃ´i cáº§n há»— trá»£ Ä‘Äƒng kÃ½ nhÃ£n hiá»‡u',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('bàn phím tiếng Việt');
  });
});

describe('no form of the connecting pages answers 500 to bad input', () => {
  const fields = [
    'project',
    'needs',
    'need',
    'body',
    'urgency',
    'contactName',
    'contactPhone',
    'contactEmail',
    'commune',
    'to',
    'note',
    'target',
    'targetId',
    'message',
    'numbers',
    'assigneeId',
    'decision',
    'reason',
    'heldOn',
    'hours',
    'summary',
    'nextSteps',
    'outcome',
    'expertId',
    'topic',
    'brief',
    'partnerId',
  ];
  const payloads: Record<string, (f: string) => string | string[]> = {
    huge: () => 'Đ'.repeat(20_000),
    arrays: () => ['a', 'b', 'c'],
    script: () => '<script>alert(1)</script>',
    encoding: () => 'Há»— trá»£ Ä‘Äƒng kÃ½',
    numbers: () => '-1e309',
  };

  it('every POST route, for the officer and the expert, with every kind of garbage', async () => {
    const routes = [
      '/yeu-cau/moi',
      `/yeu-cau/${ids.request}/tin-nhan`,
      `/yeu-cau/${ids.request}/trang-thai`,
      `/yeu-cau/${ids.request}/ket-noi`,
      '/quan-ly/yeu-cau/phan-cong',
      '/quan-ly/yeu-cau/moi',
      `/tu-van/${ids.engagement}/tra-loi`,
      `/tu-van/${ids.engagement}/buoi`,
      `/tu-van/${ids.engagement}/ket-thuc`,
      '/du-an/thach-den-hong-nhung/goi-y/chuyen-gia',
      '/du-an/thach-den-hong-nhung/goi-y/doi-tac',
      '/tu-van/not-a-uuid/buoi',
      '/yeu-cau/99999999999/tin-nhan',
    ];
    const before = await requestsCount();
    const failures: string[] = [];
    for (const email of ['officer@test.vn', 'hai@test.vn', 'nhung@test.vn']) {
      const b = await as(email);
      for (const route of routes) {
        for (const [name, make] of Object.entries(payloads)) {
          const res = await b.post(route, Object.fromEntries(fields.map((f) => [f, make(f)])));
          if (res.status >= 500) failures.push(`${email} ${name} ${route} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await requestsCount()).toBe(before);
  }, 180_000);
});
