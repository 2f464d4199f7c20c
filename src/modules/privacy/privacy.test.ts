import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '#kernel/auth/auth.sql.ts';
import { rows } from '#kernel/db/rows.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createEvent, EventInput } from '#modules/events/index.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { remindDueRequests } from './data-requests.service.ts';
import { erasedEmail } from './erase.ts';
import { breach, consent, dataRequest } from './privacy.sql.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

const mailsTo = async (to: string) =>
  rt.db.select({ subject: mailOutbox.subject, text: mailOutbox.text }).from(mailOutbox).where(eq(mailOutbox.to, to));

async function signedIn(role: 'founder' | 'officer' | 'admin', name: string, email: string) {
  const actor = await createUser(rt.deps, { name, email, role });
  const b = new TestBrowser(rt.app);
  await b.get('/dang-nhap');
  await b.signIn(email, defaultPassword);
  return { actor, b };
}

describe('the privacy notice', () => {
  it('admins publish versions; the public page shows the one in force and lists the others', async () => {
    const { b } = await signedIn('admin', 'Quản Trị Chính Sách', 'qt.chinhsach@vidu.vn');
    const first = await b.post('/quan-tri/quyen-rieng-tu', {
      version: '1.0',
      effectiveOn: '2026-01-01',
      textVi: 'Sở KHCN thu thập họ tên, số điện thoại và thư điện tử để hỗ trợ dự án.',
      textEn: 'The Department collects names, phones and e-mails to support projects.',
    });
    expect(first.status).toBe(303);
    const again = await b.post('/quan-tri/quyen-rieng-tu', {
      version: '1.0',
      effectiveOn: '2026-02-01',
      textVi: 'Một văn bản khác cùng số phiên bản đã có.',
    });
    expect(again.status).toBe(422);
    const refused = await again.text();
    expect(refused).toContain('Số phiên bản này đã được công bố');
    expect(refused).toContain('Một văn bản khác cùng số phiên bản đã có.');
    await b.post('/quan-tri/quyen-rieng-tu', {
      version: '2.0',
      effectiveOn: '2099-01-01',
      textVi: 'Phiên bản sẽ áp dụng trong tương lai, chưa có hiệu lực.',
    });
    const anon = new TestBrowser(rt.app);
    const page = await (await anon.get('/quyen-rieng-tu')).text();
    expect(page).toContain('Phiên bản 1.0, áp dụng từ 01/01/2026');
    expect(page).toContain('Sở KHCN thu thập họ tên');
    expect(page).not.toContain('Phiên bản sẽ áp dụng trong tương lai');
    expect(page).toContain('href="/quyen-rieng-tu/2.0"');
    const future = await anon.get('/quyen-rieng-tu/2.0');
    expect(await future.text()).toContain('Phiên bản sẽ áp dụng trong tương lai');
    expect((await anon.get('/quyen-rieng-tu/9.9')).status).toBe(404);
  });
});

describe('consents', () => {
  it('sign-up needs the required box ticked (never pre-ticked), keeps what was typed, and records the version', async () => {
    const b = new TestBrowser(rt.app);
    const form = await (await b.get('/dang-ky')).text();
    expect(form).toMatch(/name="consentService" value="on"(?![^>]*checked)/);
    expect(form).toMatch(/name="consentNews" value="on"(?![^>]*checked)/);
    const fields = {
      name: 'Nông Thị Đồng Ý',
      email: 'nong.dongy@vidu.vn',
      phone: '0912345001',
      password: 'password123',
      passwordConfirm: 'password123',
    };
    const missing = await b.post('/dang-ky', fields);
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Bạn cần đồng ý với chính sách bảo vệ dữ liệu cá nhân để tạo tài khoản.');
    expect(html).toContain('value="Nông Thị Đồng Ý"');
    expect(html).toContain('value="nong.dongy@vidu.vn"');

    expect((await b.post('/dang-ky', { ...fields, consentService: 'on', consentNews: 'on' })).status).toBe(303);
    const [account] = await rt.db.select({ id: user.id }).from(user).where(eq(user.email, fields.email));
    const given = await rt.db
      .select()
      .from(consent)
      .where(eq(consent.userId, account?.id ?? ''));
    expect(given.map((c) => [c.purpose, c.source, c.noticeVersion]).sort()).toEqual([
      ['news', 'sign_up', '1.0'],
      ['service', 'sign_up', '1.0'],
    ]);
  });

  it('a person sees their consents on their account page and withdraws the optional one, not the required one', async () => {
    const b = new TestBrowser(rt.app);
    await b.get('/dang-nhap');
    await b.signIn('nong.dongy@vidu.vn', 'password123');
    const page = await (await b.get('/tai-khoan')).text();
    expect(page).toContain('Nhận tin về chương trình, sự kiện qua thư điện tử');
    expect(page).toContain('Xử lý dữ liệu để cung cấp tài khoản và hỗ trợ của Sở');
    const [account] = await rt.db.select({ id: user.id }).from(user).where(eq(user.email, 'nong.dongy@vidu.vn'));
    const mine = await rt.db
      .select()
      .from(consent)
      .where(eq(consent.userId, account?.id ?? ''));
    const news = mine.find((c) => c.purpose === 'news');
    const service = mine.find((c) => c.purpose === 'service');
    expect((await b.post(`/tai-khoan/dong-y/${service?.id}/rut`)).status).toBe(400);
    expect((await b.post(`/tai-khoan/dong-y/${news?.id}/rut`)).status).toBe(303);
    const after = await rt.db
      .select()
      .from(consent)
      .where(eq(consent.userId, account?.id ?? ''));
    expect(after.find((c) => c.purpose === 'news')?.withdrawnAt).not.toBeNull();
    expect(after.find((c) => c.purpose === 'service')?.withdrawnAt).toBeNull();
    // Someone else's consent is not theirs to withdraw.
    const other = await signedIn('founder', 'Người Ngoài', 'nguoi.ngoai.dy@vidu.vn');
    expect((await other.b.post(`/tai-khoan/dong-y/${news?.id}/rut`)).status).toBe(404);
    // The export carries the consents.
    const data = (await (await b.get('/tai-khoan/du-lieu.json')).json()) as {
      parts: { part: string; rows: unknown[] }[];
    };
    expect(data.parts.find((p) => p.part === 'privacy.personalData.consents')?.rows).toHaveLength(2);
  });
});

describe('consent at an event registration', () => {
  it('is required, never pre-ticked, and recorded with the seat and the notice version', async () => {
    const officer = await createUser(rt.deps, {
      name: 'Cán Bộ Sự Kiện Riêng Tư',
      email: 'cb.sk.rt@vidu.vn',
      role: 'officer',
    });
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const e = await createEvent({
      db: rt.db,
      actor: officer,
      input: EventInput.parse({
        kind: 'workshop',
        title: 'Hội thảo dữ liệu cá nhân',
        organiser: 'Sở KHCN',
        venue: 'Hội trường',
        sessions: `${soon} 08:00-11:00`,
        capacity: '10',
        audience: 'public',
        published: 'on',
      }),
    });
    const { actor, b } = await signedIn('founder', 'Vy Thị Tham Dự', 'vy.thamdu@vidu.vn');
    const form = await (await b.get(`/su-kien/${e.slug}/dang-ky`)).text();
    expect(form).toMatch(/name="consent" value="on"(?![^>]*checked)/);
    const fields = {
      name: 'Vy Thị Tham Dự',
      phone: '0912345099',
      email: 'vy.thamdu@vidu.vn',
      organisationType: 'individual',
      sex: 'female',
      ethnicity: 'tay',
      birthYear: '1995',
    };
    const missing = await b.post(`/su-kien/${e.slug}/dang-ky`, fields);
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Bạn cần đồng ý để hoàn tất đăng ký.');
    expect(html).toContain('value="0912345099"');
    expect((await b.post(`/su-kien/${e.slug}/dang-ky`, { ...fields, consent: 'on' })).status).toBe(303);
    const given = await rt.db.select().from(consent).where(eq(consent.userId, actor.id));
    expect(given).toEqual([
      expect.objectContaining({
        purpose: 'event',
        source: 'event_registration',
        noticeVersion: '1.0',
        withdrawnAt: null,
      }),
    ]);
    expect(given[0]?.sourceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('data subjects’ requests', () => {
  it('a person files a request; officers see it with its clock, are reminded, decide with a reason; the person is told', async () => {
    const officer = await signedIn('officer', 'Cán Bộ Dữ Liệu', 'cb.dulieu@vidu.vn');
    const { actor, b } = await signedIn('founder', 'Lương Văn Yêu Cầu', 'luong.yeucau@vidu.vn');
    const empty = await b.post('/tai-khoan/yeu-cau-du-lieu', { kind: '', details: 'Sửa số điện thoại.' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Sửa số điện thoại.');
    const filed = await b.post('/tai-khoan/yeu-cau-du-lieu', {
      kind: 'correction',
      details: 'Số điện thoại đúng là 0912000222.',
    });
    expect(filed.status).toBe(303);
    expect((await b.post('/tai-khoan/yeu-cau-du-lieu', { kind: 'correction' })).status).toBe(422);
    const [req] = await rt.db.select().from(dataRequest).where(eq(dataRequest.userId, actor.id));
    expect(req).toBeDefined();
    if (!req) return;
    // Corrections are due 10 days after they are filed (the default).
    expect(Math.round((req.dueAt.getTime() - req.filedAt.getTime()) / 86_400_000)).toBe(10);
    expect((await mailsTo('cb.dulieu@vidu.vn')).map((m) => m.subject)).toContain(
      'Yêu cầu mới về dữ liệu cá nhân: Chỉnh sửa dữ liệu',
    );

    // Not due soon: no reminder. Made overdue: reminded once, shown in red.
    expect(await remindDueRequests(rt.db, rt.deps.config)).toBe(0);
    await rt.db
      .update(dataRequest)
      .set({ filedAt: sql`now() - interval '11 days'`, dueAt: sql`now() - interval '1 day'` })
      .where(eq(dataRequest.id, req.id));
    expect(await remindDueRequests(rt.db, rt.deps.config)).toBe(1);
    expect(await remindDueRequests(rt.db, rt.deps.config)).toBe(0);
    expect((await mailsTo('cb.dulieu@vidu.vn')).map((m) => m.subject)).toContain(
      'Sắp đến hạn: yêu cầu về dữ liệu cá nhân (Chỉnh sửa dữ liệu)',
    );
    const queue = await (await officer.b.get('/quan-ly/yeu-cau-du-lieu')).text();
    expect(queue).toMatch(/<tr class="overdue">[\s\S]*?Chỉnh sửa dữ liệu[\s\S]*?Quá hạn/);

    const noReason = await officer.b.post(`/quan-ly/yeu-cau-du-lieu/${req.id}`, { decision: 'done', reason: '' });
    expect(noReason.status).toBe(422);
    const decided = await officer.b.post(`/quan-ly/yeu-cau-du-lieu/${req.id}`, {
      decision: 'done',
      reason: 'Đã sửa số điện thoại trong hồ sơ.',
    });
    expect(decided.status).toBe(303);
    const told = await mailsTo('luong.yeucau@vidu.vn');
    expect(told.map((m) => m.subject)).toContain('Yêu cầu của bạn đã được thực hiện: Chỉnh sửa dữ liệu');
    expect(told.find((m) => m.subject.startsWith('Yêu cầu của bạn'))?.text).toContain(
      'Đã sửa số điện thoại trong hồ sơ.',
    );
    const twice = await officer.b.post(`/quan-ly/yeu-cau-du-lieu/${req.id}`, {
      decision: 'refused',
      reason: 'Lần hai.',
    });
    expect(twice.status).toBe(409);
    const mine = await (await b.get('/tai-khoan/quyen-du-lieu')).text();
    expect(mine).toContain('Đã thực hiện');
  });

  it('an officer carries out a deletion request: the account is anonymised and cannot sign in', async () => {
    const officer = await signedIn('officer', 'Cán Bộ Xóa', 'cb.xoa@vidu.vn');
    const { actor, b } = await signedIn('founder', 'Hoàng Thị Muốn Xóa', 'hoang.xoa@vidu.vn');
    await b.post('/tai-khoan/yeu-cau-du-lieu', { kind: 'deletion', details: 'Xin xóa tài khoản của tôi.' });
    const [req] = await rt.db.select().from(dataRequest).where(eq(dataRequest.userId, actor.id));
    const res = await officer.b.post(`/quan-ly/yeu-cau-du-lieu/${req?.id}`, {
      decision: 'done',
      reason: 'Đã xóa tài khoản và ẩn danh dữ liệu.',
    });
    expect(res.status).toBe(303);
    const [after] = await rt.db.select().from(user).where(eq(user.id, actor.id));
    expect(after).toMatchObject({ name: 'Người dùng đã xóa', email: erasedEmail(actor.id), phone: null, banned: true });
    expect((await mailsTo('hoang.xoa@vidu.vn')).map((m) => m.subject)).toContain(
      'Yêu cầu của bạn đã được thực hiện: Xóa hoặc ẩn danh dữ liệu',
    );
    const again = new TestBrowser(rt.app);
    await again.get('/dang-nhap');
    const signIn = await again.post('/dang-nhap', { email: 'hoang.xoa@vidu.vn', password: defaultPassword });
    expect(signIn.status).toBe(422);
  });

  it('a person deletes their own account with their password; a wrong one is refused', async () => {
    const { actor, b } = await signedIn('founder', 'Đàm Văn Tự Xóa', 'dam.tuxoa@vidu.vn');
    const wrong = await b.post('/tai-khoan/xoa', { password: 'khong-dung' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Mật khẩu');
    const done = await b.post('/tai-khoan/xoa', { password: defaultPassword });
    expect(done.status).toBe(303);
    const [after] = await rt.db.select({ email: user.email }).from(user).where(eq(user.id, actor.id));
    expect(after?.email).toBe(erasedEmail(actor.id));
    expect((await b.get('/tai-khoan')).status).toBe(303);
  });
});

describe('the breach record', () => {
  it('admins record a breach; past 72 hours without notifying it is shown in red, notified in time it is not', async () => {
    const { b } = await signedIn('admin', 'Quản Trị Sự Cố', 'qt.suco@vidu.vn');
    const local = (msAgo: number) => new Date(Date.now() - msAgo + 7 * 3600_000).toISOString().slice(0, 16);
    const bad = await b.post('/quan-tri/su-co', { title: 'Lộ', description: 'ngắn', discoveredAt: 'hôm qua' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Nhập ngày giờ hợp lệ.');
    const res = await b.post('/quan-tri/su-co', {
      title: 'Thư gửi nhầm danh sách học viên',
      description: 'Một cán bộ gửi nhầm tệp danh sách học viên cho người ngoài.',
      discoveredAt: local(80 * 3600_000),
      dataAffected: 'Họ tên, số điện thoại',
      peopleAffected: '35 học viên khóa học',
      measures: 'Đề nghị người nhận xóa thư.',
    });
    expect(res.status).toBe(303);
    const list = await (await b.get('/quan-tri/su-co')).text();
    expect(list).toMatch(/<tr class="overdue">[\s\S]*?Thư gửi nhầm danh sách học viên[\s\S]*?Quá hạn 72 giờ/);
    const [row] = await rt.db.select().from(breach);
    await b.post(`/quan-tri/su-co/${row?.id}`, {
      title: row?.title ?? '',
      description: row?.description ?? '',
      discoveredAt: local(80 * 3600_000),
      notifiedAt: local(79 * 3600_000),
      notifiedTo: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
    });
    const [saved] = await rt.db.select().from(breach);
    expect(saved?.notifiedAt).not.toBeNull();
    const after = await (await b.get('/quan-tri/su-co')).text();
    expect(after).not.toContain('Quá hạn 72 giờ');
  });
});

describe('the constraints', () => {
  it('a decided request without a reason, or a consent withdrawn before it was given, cannot be stored', async () => {
    const u = await createUser(rt.deps, { name: 'Ràng Buộc', email: 'rang.buoc@vidu.vn', role: 'founder' });
    await expect(
      rt.db
        .insert(dataRequest)
        .values({ userId: u.id, kind: 'access', status: 'done', dueAt: new Date(Date.now() + 1e9) }),
    ).rejects.toThrow();
    await expect(
      rt.db
        .insert(consent)
        .values({ userId: u.id, purpose: 'news', source: 'account', givenAt: new Date(), withdrawnAt: new Date(0) }),
    ).rejects.toThrow();
    expect((await rows(rt.db, sql`select 1`)).length).toBe(1);
  });
});
