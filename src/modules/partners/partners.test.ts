import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { listExpertOptions } from '#modules/experts/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { demoExpertEmails } from '#seed/demo-experts.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { answerIntroduction, introduceProject, listPartnerOptions, partnerIdsOfUser } from './index.ts';
import { introduction, partner } from './partners.sql.ts';

let rt: TestRuntime;
const password = 'mat-khau-thu-1';
const people = {} as Record<'officer' | 'founder' | 'other' | 'buyer' | 'rival' | 'expert', Actor>;
let projectId = '';

const happyMart = {
  name: 'Hệ thống siêu thị Happy mart (Hà Nội)',
  slug: 'happy-mart',
  kind: 'supermarket',
  summary: 'Chuỗi siêu thị tại Hà Nội nhận tiêu thụ đặc sản vùng miền đã đủ điều kiện lưu thông.',
  description: 'Ưu tiên thực phẩm chế biến và nông sản có truy xuất nguồn gốc.',
  offers: ['market_connection'],
  fields: ['food', 'agriculture'],
  anywhere: 'on',
  contactName: 'Nguyễn Thu Trang',
  contactPhone: '0243 777 8888',
  contactEmail: 'thumua@happymart.test',
  website: 'https://happymart.test',
  isPublic: 'on',
};

async function as(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

async function outboxTo(to: string) {
  return rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
}

beforeAll(async () => {
  rt = await testRuntime();
  const make = (name: string, email: string, role: Actor['role']) =>
    createUser(rt.deps, { name, email, password, role });
  people.officer = await make('Hoàng Thị Thu Hà', 'officer@test.vn', 'officer');
  people.founder = await make('Lăng Văn Tùng', 'founder@test.vn', 'founder');
  people.other = await make('Vi Văn Bình', 'other@test.vn', 'founder');
  people.buyer = await make('Trần Thị Ngọc Ánh', 'buyer@test.vn', 'partner');
  people.rival = await make('Đinh Văn Cường', 'rival@test.vn', 'partner');
  people.expert = await make('Phạm Quốc Bảo', 'expert@test.vn', 'expert');
  const created = await createProject({
    db: rt.db,
    actor: people.founder,
    input: {
      name: 'Thạch đen Hồng Nhung',
      summary: 'Thạch đen Tràng Định đóng cốc, đủ điều kiện lưu thông.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: ['market_connection'],
      awards: [],
      links: [],
      consentToPublish: false,
      isPublic: false,
    },
  });
  projectId = created.id;
});
afterAll(() => rt.close());

describe('the partner directory', () => {
  it('staff add a partner with Vietnamese text and its chosen address', async () => {
    const officer = await as('officer@test.vn');
    const res = await officer.post('/doi-tac/moi', happyMart);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/doi-tac/happy-mart');
    const page = await (await officer.get('/doi-tac/happy-mart')).text();
    expect(page).toContain('Hệ thống siêu thị Happy mart (Hà Nội)');
    expect(page).toContain('Đã thêm đối tác');
    expect(page).toContain('Nhận tiêu thụ sản phẩm'); // a buyer: its fields are what it buys
    expect(page).toContain('Chế biến thực phẩm');
    expect(page).toContain('0243777888');
  });

  it('bad input: 422, Vietnamese messages, what was typed kept, nothing stored', async () => {
    const officer = await as('officer@test.vn');
    const res = await officer.post('/doi-tac/moi', {
      ...happyMart,
      name: 'Siêu thị mới toanh',
      slug: 'Có Dấu',
      kind: 'hacked',
      website: 'javascript:alert(1)',
      contactEmail: 'không phải email',
      communes: ['khong-co-xa-nay'],
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Có vấn đề cần sửa');
    expect(html).toContain('Chỉ dùng chữ thường không dấu');
    expect(html).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect(html).toContain('bắt đầu bằng http://');
    expect(html).toContain('Nhập email đúng dạng');
    expect(html).toContain('Siêu thị mới toanh');
    expect(await rt.db.select().from(partner).where(eq(partner.name, 'Siêu thị mới toanh'))).toEqual([]);
  });

  it('empty, huge, garbled and unknown communes are refused without a crash', async () => {
    const officer = await as('officer@test.vn');
    expect((await officer.post('/doi-tac/moi', {})).status).toBe(422);
    const huge = await officer.post('/doi-tac/moi', { ...happyMart, slug: '', summary: 'x'.repeat(600) });
    expect(huge.status).toBe(422);
    expect(await huge.text()).toContain('Tối đa 500 ký tự.');
    const garbled = await officer.post('/doi-tac/moi', { ...happyMart, slug: '', name: 'SiÃªu thá»‹' });
    expect(await garbled.text()).toContain('bàn phím tiếng Việt');
    const commune = await officer.post('/doi-tac/moi', {
      ...happyMart,
      slug: '',
      name: 'Siêu thị xã lạ',
      communes: ['khong-co-xa-nay'],
    });
    expect(commune.status).toBe(422);
    const taken = await officer.post('/doi-tac/moi', { ...happyMart, name: 'Một siêu thị khác' });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Đường dẫn này đã có đối tác khác dùng');
    expect((await rt.db.select({ id: partner.id }).from(partner)).length).toBe(1);
  });

  it('repeated or odd-typed fields are refused with 422, never a 500', async () => {
    const officer = await as('officer@test.vn');
    const odd = {
      ...happyMart,
      slug: '',
      name: ['Một', 'Hai'],
      anywhere: ['on', 'on'],
      isPublic: ['x', 'y'],
      offers: ['funding', 'funding', 'nope'],
    };
    expect((await officer.post('/doi-tac/moi', odd)).status).toBe(422);
    expect(
      (await officer.post('/doi-tac/happy-mart/gioi-thieu', { project: ['a', 'b'], message: ['x', 'y'] })).status,
    ).toBe(422);
    expect((await officer.post('/doi-tac/happy-mart/thanh-vien', { email: ['a@b.vn', 'c@d.vn'] })).status).toBe(422);
    expect((await rt.db.select({ id: partner.id }).from(partner)).length).toBe(1);
  });

  it('script tags are shown as text', async () => {
    const officer = await as('officer@test.vn');
    const res = await officer.post('/doi-tac/moi', {
      ...happyMart,
      slug: '',
      name: 'Quỹ <script>alert(1)</script>',
      summary: 'Quỹ đầu tư thiên thần cho các dự án công nghệ số giai đoạn đầu.',
      kind: 'investor',
      offers: ['funding'],
      fields: ['technology'],
      contactEmail: 'quy@test.vn',
      anywhere: '',
      communes: ['that-khe'],
    });
    expect(res.status).toBe(303);
    const html = await (await officer.get(res.headers.get('location') ?? '')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('finds a partner without diacritics, and filters by kind, field, help and commune', async () => {
    const found = await (await rt.app.request('/doi-tac?q=sieu%20thi')).text();
    expect(found).toContain('Hệ thống siêu thị Happy mart (Hà Nội)');
    expect(found).not.toContain('Quỹ &lt;script');
    const byKind = await (await rt.app.request('/doi-tac?kind=investor')).text();
    expect(byKind).toContain('Quỹ &lt;script');
    expect(byKind).not.toContain('Happy mart');
    expect(await (await rt.app.request('/doi-tac?field=food&offer=market_connection')).text()).toContain('Happy mart');
    // Happy mart works anywhere: it serves every commune; the fund only Thất Khê.
    const elsewhere = await (await rt.app.request('/doi-tac?commune=dinh-lap')).text();
    expect(elsewhere).toContain('Happy mart');
    expect(elsewhere).not.toContain('Quỹ &lt;script');
    const none = await (await rt.app.request('/doi-tac?kind=school')).text();
    expect(none).toContain('Không có kết quả phù hợp');
    expect((await rt.app.request('/doi-tac?page=abc&kind=nonsense')).status).toBe(200);
  });

  it('contacts are hidden from anonymous visitors and shown to signed-in people', async () => {
    const anon = await (await rt.app.request('/doi-tac/happy-mart')).text();
    expect(anon).not.toContain('thumua@happymart.test');
    expect(anon).toContain('Đăng nhập để xem thông tin liên hệ');
    const founder = await as('founder@test.vn');
    expect(await (await founder.get('/doi-tac/happy-mart')).text()).toContain('thumua@happymart.test');
  });

  it('a non-public partner is hidden (404) except for staff and its members', async () => {
    const officer = await as('officer@test.vn');
    const res = await officer.post('/doi-tac/moi', {
      ...happyMart,
      name: 'Nhà phân phối kín',
      slug: 'phan-phoi-kin',
      kind: 'distributor',
      isPublic: '',
    });
    expect(res.status).toBe(303);
    expect((await rt.app.request('/doi-tac/phan-phoi-kin')).status).toBe(404);
    expect((await (await as('founder@test.vn')).get('/doi-tac/phan-phoi-kin')).status).toBe(404);
    expect(await (await rt.app.request('/doi-tac?q=kin')).text()).not.toContain('Nhà phân phối kín');
    expect(await (await officer.get('/doi-tac?q=kin')).text()).toContain('Nhà phân phối kín');
    await officer.post('/doi-tac/phan-phoi-kin/thanh-vien', { email: 'rival@test.vn' });
    expect((await (await as('rival@test.vn')).get('/doi-tac/phan-phoi-kin')).status).toBe(200);
  });

  it('staff CSV has the contacts', async () => {
    const officer = await as('officer@test.vn');
    const res = await officer.get('/doi-tac.csv?kind=supermarket');
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('thumua@happymart.test');
    expect(csv).not.toContain('Nhà phân phối kín');
  });
});

describe('members of a partner', () => {
  it('staff add a partner account by e-mail; unknown or wrong-role accounts get a clear message', async () => {
    const officer = await as('officer@test.vn');
    const unknown = await officer.post('/doi-tac/happy-mart/thanh-vien', { email: 'nobody@test.vn' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Không có tài khoản nào với email này');
    const founder = await officer.post('/doi-tac/happy-mart/thanh-vien', { email: 'founder@test.vn' });
    expect(founder.status).toBe(422);
    expect(await founder.text()).toContain('không có vai trò Đối tác');
    const bad = await officer.post('/doi-tac/happy-mart/thanh-vien', { email: 'x'.repeat(300) });
    expect(bad.status).toBe(422);
    const ok = await officer.post('/doi-tac/happy-mart/thanh-vien', { email: 'BUYER@test.vn' });
    expect(ok.status).toBe(303);
    expect(await (await officer.get('/doi-tac/happy-mart')).text()).toContain('Đã thêm Trần Thị Ngọc Ánh làm đại diện');
    const [mart] = await rt.db.select({ id: partner.id }).from(partner).where(eq(partner.slug, 'happy-mart'));
    expect(await partnerIdsOfUser(rt.db, people.buyer.id)).toEqual([mart?.id]);
  });

  it('a member edits their own organisation, and only theirs', async () => {
    const buyer = await as('buyer@test.vn');
    const mine = await buyer.get('/doi-tac/cua-toi');
    expect(mine.status).toBe(303);
    expect(mine.headers.get('location')).toBe('/doi-tac/happy-mart');
    expect((await buyer.get('/doi-tac/happy-mart/sua')).status).toBe(200);
    const saved = await buyer.post('/doi-tac/happy-mart/sua', {
      ...happyMart,
      summary: 'Chuỗi 12 siêu thị tại Hà Nội nhận tiêu thụ đặc sản vùng miền.',
    });
    expect(saved.status).toBe(303);
    expect(await (await buyer.get('/doi-tac/happy-mart')).text()).toContain('Chuỗi 12 siêu thị');
    expect((await buyer.post('/doi-tac/phan-phoi-kin/sua', happyMart)).status).toBe(404); // not theirs, not public
    const fund = (await listPartnerOptions(rt.db)).find((p) => p.kind === 'investor');
    const [fundRow] = await rt.db
      .select({ slug: partner.slug })
      .from(partner)
      .where(eq(partner.id, fund?.id ?? ''));
    expect((await buyer.get(`/doi-tac/${fundRow?.slug}/sua`)).status).toBe(403); // public, not theirs
    expect((await buyer.post('/doi-tac/happy-mart/thanh-vien', { email: 'rival@test.vn' })).status).toBe(403);
  });

  it('a partner account without an organisation sees an empty state', async () => {
    const b = new TestBrowser(rt.app);
    await createUser(rt.deps, { name: 'Người chưa có tổ chức', email: 'lonely@test.vn', password, role: 'partner' });
    await b.signIn('lonely@test.vn', password);
    const res = await b.get('/doi-tac/cua-toi');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chưa được gắn với tổ chức nào');
  });
});

describe('introductions', () => {
  let introPath = '';

  it('staff introduce a project: one ledger entry (connection), e-mails to the contact and the members', async () => {
    const officer = await as('officer@test.vn');
    const res = await officer.post('/doi-tac/happy-mart/gioi-thieu', {
      project: 'http://localhost/du-an/thach-den-hong-nhung',
      message: 'Sản phẩm đã đủ điều kiện lưu thông, nhóm muốn đưa vào chuỗi siêu thị tại Hà Nội.',
    });
    expect(res.status).toBe(303);
    introPath = res.headers.get('location') ?? '';
    expect(introPath).toMatch(/^\/gioi-thieu\/[0-9a-f-]{36}$/);
    const page = await (await officer.get(introPath)).text();
    expect(page).toContain('Đã giới thiệu dự án “Thạch đen Hồng Nhung”');
    expect(page).toContain('Chờ đối tác trả lời');
    const entries = await ledgerEntries(rt.db, { projectId });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'connection',
      providerKind: 'partner',
      status: 'in_progress',
      sourceKind: 'introduction',
    });
    expect(entries[0]?.providerName).toBe('Hệ thống siêu thị Happy mart (Hà Nội)');
    const [contactMail] = await outboxTo('thumua@happymart.test');
    expect(contactMail?.subject).toContain('Thạch đen Hồng Nhung');
    expect(contactMail?.text).toContain(`http://localhost${introPath}`);
    expect(await outboxTo('buyer@test.vn')).toHaveLength(1);
  });

  it('the partner, the project team and staff see it; anyone else gets 404', async () => {
    expect((await (await as('buyer@test.vn')).get(introPath)).status).toBe(200);
    expect((await (await as('founder@test.vn')).get(introPath)).status).toBe(200);
    expect((await (await as('other@test.vn')).get(introPath)).status).toBe(404);
    expect((await (await as('rival@test.vn')).get(introPath)).status).toBe(404);
    expect((await (await as('expert@test.vn')).get(introPath)).status).toBe(404);
    expect((await rt.app.request(introPath)).status).toBe(303);
    expect((await (await as('officer@test.vn')).get('/gioi-thieu/not-an-id')).status).toBe(404);
    // the team reads, it does not answer for the partner
    expect((await (await as('founder@test.vn')).post(`${introPath}/tra-loi`, { status: 'interested' })).status).toBe(
      403,
    );
  });

  it('the partner answers: the same ledger row becomes done with the answer; the officer is told', async () => {
    const buyer = await as('buyer@test.vn');
    const bad = await buyer.post(`${introPath}/tra-loi`, { status: 'maybe', answer: 'a'.repeat(4000) });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect(badHtml).toContain('Tối đa 3000 ký tự.');
    const res = await buyer.post(`${introPath}/tra-loi`, {
      status: 'interested',
      answer: 'Nhận bán thử tại 3 siêu thị từ tháng 6/2022.',
    });
    expect(res.status).toBe(303);
    const page = await (await buyer.get(introPath)).text();
    expect(page).toContain('Đối tác quan tâm');
    expect(page).toContain('Nhận bán thử tại 3 siêu thị');
    const entries = await ledgerEntries(rt.db, { projectId });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: 'done', outcome: 'Nhận bán thử tại 3 siêu thị từ tháng 6/2022.' });
    const [toOfficer] = await outboxTo('officer@test.vn');
    expect(toOfficer?.subject).toContain('đã trả lời');
    expect(toOfficer?.text).toContain('Đối tác quan tâm');
    // changing the answer updates the same row again
    await buyer.post(`${introPath}/tra-loi`, { status: 'not_now', answer: '' });
    const again = await ledgerEntries(rt.db, { projectId });
    expect(again).toHaveLength(1);
    expect(again[0]?.status).toBe('cancelled');
  });

  it('staff and members see the partner’s introductions on its page; the public does not', async () => {
    expect(await (await (await as('buyer@test.vn')).get('/doi-tac/happy-mart')).text()).toContain(
      'Các dự án đã được giới thiệu',
    );
    expect(await (await rt.app.request('/doi-tac/happy-mart')).text()).not.toContain('Các dự án đã được giới thiệu');
    expect(await (await (await as('founder@test.vn')).get('/doi-tac/happy-mart')).text()).not.toContain(
      'Các dự án đã được giới thiệu',
    );
  });

  it('bad introductions: 422 with the message, what was typed kept, nothing stored', async () => {
    const officer = await as('officer@test.vn');
    const before = (await rt.db.select({ id: introduction.id }).from(introduction)).length;
    const short = await officer.post('/doi-tac/happy-mart/gioi-thieu', {
      project: 'thach-den-hong-nhung',
      message: 'ngắn',
    });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('Cần ít nhất 10 ký tự.');
    const missing = await officer.post('/doi-tac/happy-mart/gioi-thieu', {
      project: 'khong-co-du-an',
      message: 'Một lời giới thiệu đủ dài.',
    });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Không tìm thấy dự án theo đường dẫn này');
    expect(html).toContain('Một lời giới thiệu đủ dài.');
    const huge = await officer.post('/doi-tac/happy-mart/gioi-thieu', {
      project: 'thach-den-hong-nhung',
      message: 'x'.repeat(5000),
    });
    expect(huge.status).toBe(422);
    expect((await rt.db.select({ id: introduction.id }).from(introduction)).length).toBe(before);
  });

  it('the service refuses non-staff, empty messages and unknown partners or projects', async () => {
    const [mart] = await rt.db.select({ id: partner.id }).from(partner).where(eq(partner.slug, 'happy-mart'));
    const base = {
      db: rt.db,
      mailer: rt.deps.mailer,
      partnerId: mart?.id ?? '',
      projectId,
      message: 'Giới thiệu dự án cho đối tác.',
    };
    await expect(introduceProject({ ...base, actor: people.buyer })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(introduceProject({ ...base, actor: people.officer, message: '   ' })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(
      introduceProject({ ...base, actor: people.officer, partnerId: '00000000-0000-0000-0000-000000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(introduceProject({ ...base, actor: people.officer, projectId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const { id } = await introduceProject({ ...base, actor: people.officer });
    await expect(
      answerIntroduction({
        db: rt.db,
        mailer: rt.deps.mailer,
        actor: people.rival,
        id,
        status: 'interested',
        answer: '',
      }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const rows = await ledgerEntries(rt.db, { sourceKind: 'introduction', sourceId: id });
    expect(rows).toHaveLength(1);
  });
});

describe('the partners API', () => {
  it('lists public partners, searches without diacritics and filters', async () => {
    const res = await rt.app.request('/api/v1/partners?q=sieu%20thi');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { slug: string; kind: string; offers: string[] }[]; total: number };
    expect(body.items.map((p) => p.slug)).toEqual(['happy-mart']);
    expect(body.items[0]).toMatchObject({ kind: 'supermarket', offers: ['market_connection'] });
    const all = (await (await rt.app.request('/api/v1/partners')).json()) as { items: { slug: string }[] };
    expect(all.items.map((p) => p.slug)).not.toContain('phan-phoi-kin');
    expect((await rt.app.request('/api/v1/partners?kind=nonsense')).status).toBe(422);
  });

  it('shows one partner; contacts only to signed-in callers; hidden ones are 404', async () => {
    const anon = (await (await rt.app.request('/api/v1/partners/happy-mart')).json()) as {
      name: string;
      contact: unknown;
    };
    expect(anon.name).toBe('Hệ thống siêu thị Happy mart (Hà Nội)');
    expect(anon.contact).toBeNull();
    const signedIn = (await (await (await as('founder@test.vn')).get('/api/v1/partners/happy-mart')).json()) as {
      contact: { email: string };
    };
    expect(signedIn.contact.email).toBe('thumua@happymart.test');
    expect((await rt.app.request('/api/v1/partners/phan-phoi-kin')).status).toBe(404);
    expect((await (await as('officer@test.vn')).get('/api/v1/partners/phan-phoi-kin')).status).toBe(200);
  });
});

describe('demo data', () => {
  it('tells the article’s story: its partners, real introductions in the ledger, the experts', async () => {
    const demo = await testRuntime({ demo: true });
    try {
      const mart = await demo.app.request('/doi-tac/happy-mart');
      expect(await mart.text()).toContain('Hệ thống siêu thị Happy mart (Hà Nội)');
      const connections = await ledgerEntries(demo.db, { sourceKind: 'introduction' });
      expect(connections.map((c) => [c.startedOn, c.status, c.providerName])).toEqual(
        expect.arrayContaining([
          ['2022-03-25', 'done', 'Câu lạc bộ Đầu tư và Khởi nghiệp tỉnh Lạng Sơn'],
          ['2022-05-12', 'done', 'Công ty TNHH Phân phối Nông sản Kỳ Cùng'],
        ]),
      );
      expect(connections.every((c) => c.kind === 'connection')).toBe(true);
      // The introductions are records of the partners module, not rows typed into the ledger.
      const typed = await ledgerEntries(demo.db, { sourceKind: 'import' });
      expect(typed.filter((e) => e.kind === 'connection')).toEqual([]);
      const partnerAccount = new TestBrowser(demo.app);
      await partnerAccount.signIn('doitac@ketnoi.demo', 'KetNoi@2026');
      const mine = await partnerAccount.get('/doi-tac/cua-toi');
      expect(mine.headers.get('location')).toBe('/doi-tac/cong-ty-tnhh-phan-phoi-nong-san-ky-cung');
      const page = await (await partnerAccount.get('/doi-tac/cong-ty-tnhh-phan-phoi-nong-san-ky-cung')).text();
      expect(page).toContain('Mật ong rừng Hữu Liên'); // an introduction awaiting its answer
      const profiles = await listExpertOptions(demo.db);
      expect(profiles.length).toBeGreaterThanOrEqual(7);
      const experts = await (await demo.app.request('/chuyen-gia?q=phuong%20thao')).text();
      expect(experts).toContain('TS. Lê Thị Phương Thảo');
      const thao = new TestBrowser(demo.app);
      await thao.signIn(demoExpertEmails.food, 'KetNoi@2026');
      expect((await thao.get('/chuyen-gia/ho-so')).status).toBe(200);
    } finally {
      await demo.close();
    }
  }, 120_000);
});
