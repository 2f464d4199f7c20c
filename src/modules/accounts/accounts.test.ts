import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#kernel/audit/audit.sql.ts';
import { session, signInFailure, user } from '#kernel/auth/auth.sql.ts';
import { heldKeys } from '#kernel/auth/limits.ts';
import type { Role } from '#kernel/auth/roles.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { createApp } from '#src/app.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { isKnownAddress, listHeld, signIn } from './accounts.service.ts';
import { listStaff } from './index.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

let seq = 0;
const uniqueEmail = (label: string) => `${label}.${++seq}@vidu.vn`;

/** A browser that has opened the sign-in page, so it holds a CSRF cookie like a real visitor. */
async function browser(): Promise<TestBrowser> {
  const b = new TestBrowser(rt.app);
  await b.get('/dang-nhap');
  return b;
}

async function person(role: Role = 'founder', name = 'Hoàng Thị Mai') {
  const email = uniqueEmail(role);
  const actor = await createUser(rt.deps, { name, email, role });
  return { ...actor, password: defaultPassword };
}

async function signedIn(role: Role = 'founder', name?: string) {
  const p = await person(role, name);
  const b = await browser();
  await b.signIn(p.email, p.password);
  return { p, b };
}

/** A form post that seems to come from another address (through the proxy's X-Forwarded-For). */
async function postFrom(b: TestBrowser, ip: string, path: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: await b.csrfToken(), ...fields });
  return b.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `${ip}, 10.0.0.1` },
  });
}

async function lastMailTo(email: string) {
  const [mail] = await rt.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, email))
    .orderBy(desc(mailOutbox.createdAt));
  return mail;
}

function signUpLinkIn(text: string): string {
  const m = text.match(/http:\/\/localhost(\/dang-ky\/xac-nhan\/\S+)/);
  if (!m?.[1]) throw new Error(`no link in mail: ${text}`);
  return m[1];
}

function linkIn(text: string): string {
  const m = text.match(/http:\/\/localhost(\/dat-lai-mat-khau\/\S+)/);
  if (!m?.[1]) throw new Error(`no link in mail: ${text}`);
  return m[1];
}

describe('sign up', () => {
  // Where mail can leave (a mail server is set), the e-mail is proven by a mailed link. The
  // mails themselves stay in the outbox: the test runtime's transport only keeps them.
  beforeAll(() => {
    rt.deps.config.SMTP_URL = 'smtp://mail.so-khcn.example';
  });
  afterAll(() => {
    rt.deps.config.SMTP_URL = undefined;
  });

  it('creates a founder account finished by a mailed link: the chosen password then signs them in, phone kept', async () => {
    const b = await browser();
    expect((await b.get('/dang-ky')).status).toBe(200);
    const email = uniqueEmail('new');
    const res = await b.post('/dang-ky', {
      name: 'Nguyễn Thị Hồng Nhung',
      email: email.toUpperCase(),
      phone: '0912 345 678',
      password: 'thachden2026',
      passwordConfirm: 'thachden2026',
      consentService: 'on',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-ky/kiem-tra-email');
    expect(b.cookies.has('kn.session_token')).toBe(false);
    expect(await (await b.get('/dang-ky/kiem-tra-email')).text()).toContain('Kiểm tra hộp thư của bạn');

    // Until the link is opened, the password alone does not sign in.
    const early = await b.post('/dang-nhap', { email, password: 'thachden2026' });
    expect(early.status).toBe(403);
    expect(await early.text()).toContain('Tài khoản chưa được xác nhận.');
    expect(b.cookies.has('kn.session_token')).toBe(false);

    const mail = await lastMailTo(email);
    expect(mail?.subject).toBe('Hoàn tất đăng ký Kết Nối');
    const link = signUpLinkIn(mail?.text ?? '');
    const page = await b.get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(email);
    expect((await b.post(link, { password: 'sai-mat-khau' })).status).toBe(422);
    const done = await b.post(link, { password: 'thachden2026' });
    expect(done.status).toBe(303);
    // The founder's next step: registering the project.
    expect(done.headers.get('location')).toBe('/du-an/moi');

    const account = await b.get('/tai-khoan');
    expect(account.status).toBe(200);
    const html = await account.text();
    expect(html).toContain('Nguyễn Thị Hồng Nhung');
    expect(html).toContain(email);
    expect(html).toContain('Tác giả, nhóm tác giả');
    expect(html).toContain('0912345678');

    const [row] = await rt.db.select().from(user).where(eq(user.email, email));
    expect(row?.role).toBe('founder');
    expect(row?.emailVerified).toBe(true);
    // The link works once; afterwards the password signs in as usual.
    expect((await b.get(link)).status).toBe(404);
    const later = await browser();
    expect((await later.post('/dang-nhap', { email, password: 'thachden2026' })).status).toBe(303);
  });

  it('cannot be used to make oneself an admin', async () => {
    const b = await browser();
    const email = uniqueEmail('sneaky');
    const res = await b.post('/dang-ky', {
      name: 'Kẻ Gian',
      email,
      password: 'password123',
      passwordConfirm: 'password123',
      consentService: 'on',
      role: 'admin',
    });
    expect(res.status).toBe(303);
    const [row] = await rt.db.select().from(user).where(eq(user.email, email));
    expect(row?.role).toBe('founder');
    await b.post(signUpLinkIn((await lastMailTo(email))?.text ?? ''), { password: 'password123' });
    expect((await b.get('/quan-tri/tai-khoan')).status).toBe(403);
  });

  it('refuses bad input with 422 and Vietnamese messages, keeping what was typed but never the password', async () => {
    const b = await browser();
    const res = await b.post('/dang-ky', {
      name: 'Lò Văn Páo',
      email: 'pao-at-gmail',
      phone: '12345',
      password: 'ngan',
      passwordConfirm: 'khac',
      consentService: 'on',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Có vấn đề cần sửa');
    expect(html).toContain('Nhập email đúng dạng, ví dụ: ten@example.com.');
    expect(html).toContain('Mật khẩu cần từ 8 đến 128 ký tự.');
    expect(html).toContain('Nhập số điện thoại Việt Nam');
    expect(html).toContain('value="Lò Văn Páo"');
    expect(html).toContain('value="pao-at-gmail"');
    expect(html).not.toContain('value="ngan"');
    expect(html).toContain('href="#f-email"');
    expect(b.cookies.has('kn.session_token')).toBe(false);
    expect(await rt.db.select().from(user).where(eq(user.email, 'pao-at-gmail'))).toHaveLength(0);
  });

  it('says when the two passwords differ', async () => {
    const b = await browser();
    const res = await b.post('/dang-ky', {
      name: 'Vi Thị Hoa',
      email: uniqueEmail('hoa'),
      password: 'password123',
      passwordConfirm: 'password124',
      consentService: 'on',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Hai mật khẩu không khớp.');
  });

  it('answers a known e-mail exactly as a new one, and tells the owner by mail instead', async () => {
    const owner = await person('officer', 'Lý Thị Nga');
    const fields = (email: string) => ({
      name: 'Người Khác',
      email,
      password: 'password123',
      passwordConfirm: 'password123',
      consentService: 'on',
    });
    const answer = async (email: string) => {
      const b = await browser();
      const res = await postFrom(b, '198.51.100.230', '/dang-ky', fields(email));
      const page = await b.get(res.headers.get('location') ?? '');
      const body = (await page.text()).replace(/name="_csrf" value="[^"]*"/g, '');
      return {
        status: res.status,
        location: res.headers.get('location'),
        cookies: res.headers.getSetCookie().map((c) => c.split('=')[0]),
        pageStatus: page.status,
        body,
        signedIn: b.cookies.has('kn.session_token'),
      };
    };
    const known = await answer(owner.email);
    const fresh = await answer(uniqueEmail('fresh'));
    expect(known).toEqual(fresh);
    expect(known.status).toBe(303);
    expect(known.signedIn).toBe(false);

    const mail = await lastMailTo(owner.email);
    expect(mail?.subject).toBe('Có người đăng ký Kết Nối bằng email của bạn');
    expect(mail?.text).toContain('Xin chào Lý Thị Nga');
    expect(mail?.text).toContain('http://localhost/dang-nhap');
    expect(mail?.text).toContain('http://localhost/quen-mat-khau');
    // Nothing changed on the account: its own password still signs in, the typed one does not.
    const b = await browser();
    expect((await b.post('/dang-nhap', { email: owner.email, password: 'password123' })).status).toBe(422);
    expect((await b.post('/dang-nhap', { email: owner.email, password: owner.password })).status).toBe(303);
  });
});

describe('sign up on a trial install, where no mail can leave', () => {
  it('finishes the account at once with the password typed: signed in, e-mail taken as given', async () => {
    const b = await browser();
    const email = uniqueEmail('trial');
    const res = await b.post('/dang-ky', {
      name: 'Lăng Văn Tú',
      email,
      password: 'thachden2026',
      passwordConfirm: 'thachden2026',
      consentService: 'on',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/du-an/moi');
    expect(b.cookies.has('kn.session_token')).toBe(true);
    expect(await (await b.get('/tai-khoan')).text()).toContain('Lăng Văn Tú');
    const [row] = await rt.db.select().from(user).where(eq(user.email, email));
    expect(row?.role).toBe('founder');
    // The link kept in the outbox for admins is used up.
    const link = signUpLinkIn((await lastMailTo(email))?.text ?? '');
    expect((await b.get(link)).status).toBe(404);
  });
});

describe('sign in', () => {
  it('signs in and goes where the person was going, but never to another site', async () => {
    const p = await person();
    const b = await browser();
    const res = await b.post('/dang-nhap?next=%2Ftai-khoan', { email: p.email, password: p.password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/tai-khoan');
    expect((await b.get('/tai-khoan')).status).toBe(200);

    const b2 = await browser();
    const evil = await b2.post('/dang-nhap?next=%2F%2Fevil.example', { email: p.email, password: p.password });
    expect(evil.headers.get('location')).toBe('/');
  });

  it('refuses a wrong password with 422, keeping the e-mail', async () => {
    const p = await person();
    const b = await browser();
    const res = await b.post('/dang-nhap', { email: p.email, password: 'sai-mat-khau' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Email hoặc mật khẩu không đúng.');
    expect(html).toContain(`value="${p.email}"`);
    expect(html).not.toContain('sai-mat-khau');
    expect(b.cookies.has('kn.session_token')).toBe(false);
  });

  it('speaks English to a visitor who chose English', async () => {
    const b = await browser();
    b.cookies.set('kn_lang', 'en');
    const res = await b.post('/dang-nhap', { email: 'nobody@vidu.vn', password: 'whatever1' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('The email address or password is incorrect.');
  });

  it('after 5 failures refuses a 6th try for 15 minutes, even with the right password', async () => {
    const p = await person();
    const b = await browser();
    const ip = '203.0.113.5';
    for (let i = 0; i < 5; i++)
      expect((await postFrom(b, ip, '/dang-nhap', { email: p.email, password: `wrong-${i}-pass` })).status).toBe(422);
    const res = await postFrom(b, ip, '/dang-nhap', { email: p.email, password: p.password });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('Bạn đã thử quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.');
    expect(b.cookies.has('kn.session_token')).toBe(false);
    // From another address too: the lock is on the account, not only on the address.
    expect((await postFrom(b, '198.51.100.99', '/dang-nhap', { email: p.email, password: p.password })).status).toBe(
      429,
    );

    // Someone else at the same address signs in as usual.
    const other = await person();
    expect((await postFrom(b, ip, '/dang-nhap', { email: other.email, password: other.password })).status).toBe(303);
  });

  it('does not lock the owner out: from an address they signed in from, the right password still works', async () => {
    const p = await person('admin', 'Hà Văn Quản');
    const home = '203.0.113.40';
    const owner = await browser();
    expect((await postFrom(owner, home, '/dang-nhap', { email: p.email, password: p.password })).status).toBe(303);

    // Someone guesses from addresses the owner never used, until the account is slowed down.
    const attacker = await browser();
    for (let i = 0; i < 6; i++)
      await postFrom(attacker, `198.51.100.${60 + i}`, '/dang-nhap', { email: p.email, password: `doan-${i}-sai` });
    // Even the right password waits at an address the owner has not used…
    const stranger = await postFrom(attacker, '198.51.100.90', '/dang-nhap', { email: p.email, password: p.password });
    expect(stranger.status).toBe(429);
    expect(attacker.cookies.has('kn.session_token')).toBe(false);
    // …and at the owner's own address it signs in, admin included.
    const back = await browser();
    const res = await postFrom(back, home, '/dang-nhap', { email: p.email, password: p.password });
    expect(res.status).toBe(303);
    expect((await back.get('/quan-tri/tai-khoan')).status).toBe(200);
    // The owner signing in does not forgive the guesses made elsewhere.
    expect(
      (await postFrom(attacker, '198.51.100.91', '/dang-nhap', { email: p.email, password: p.password })).status,
    ).toBe(429);
  });

  it('a known address is one the account itself signed in from, not one another account used', async () => {
    const p = await person();
    const other = await person();
    const shared = '203.0.113.41';
    const b = await browser();
    expect((await postFrom(b, shared, '/dang-nhap', { email: other.email, password: other.password })).status).toBe(
      303,
    );
    const request = { headers: new Headers(), ip: '198.51.100.120' };
    // Five failures from elsewhere, as signIn writes them.
    const guesses = () => Array.from({ length: 5 }, () => ({ email: p.email, ip: request.ip }));
    await rt.db.insert(signInFailure).values(guesses());
    expect(await isKnownAddress(rt.db, { email: p.email, ip: shared })).toBe(false);
    expect(await isKnownAddress(rt.db, { email: other.email, ip: shared })).toBe(true);
    await expect(
      signIn({ ...rt.deps, input: { email: p.email, password: p.password }, request: { ...request, ip: shared } }),
    ).rejects.toMatchObject({ code: 'too_many_requests' });
    // Once the owner has signed in from an address (here after the throttle ends), it is theirs.
    await rt.db.delete(signInFailure).where(eq(signInFailure.email, p.email));
    await signIn({ ...rt.deps, input: { email: p.email, password: p.password }, request: { ...request, ip: shared } });
    await rt.db.insert(signInFailure).values(guesses());
    await expect(
      signIn({ ...rt.deps, input: { email: p.email, password: p.password }, request }),
    ).rejects.toMatchObject({ code: 'too_many_requests' });
    const again = await signIn({
      ...rt.deps,
      input: { email: p.email, password: p.password },
      request: { ...request, ip: shared },
    });
    expect(again.actor.email).toBe(p.email);
  });

  it('forgets earlier failures once the person signs in', async () => {
    const p = await person();
    const b = await browser();
    const ip = '203.0.113.6';
    for (let i = 0; i < 4; i++) await postFrom(b, ip, '/dang-nhap', { email: p.email, password: 'wrong-pass' });
    expect((await postFrom(b, ip, '/dang-nhap', { email: p.email, password: p.password })).status).toBe(303);
    const b2 = await browser();
    for (let i = 0; i < 4; i++)
      expect((await postFrom(b2, ip, '/dang-nhap', { email: p.email, password: 'wrong-pass' })).status).toBe(422);
    expect((await postFrom(b2, ip, '/dang-nhap', { email: p.email, password: p.password })).status).toBe(303);
  });

  it('refuses an address after 20 failures across any e-mails', async () => {
    const b = await browser();
    const ip = '203.0.113.77';
    for (let i = 0; i < 20; i++)
      expect((await postFrom(b, ip, '/dang-nhap', { email: `guess${i}@vidu.vn`, password: 'password1' })).status).toBe(
        422,
      );
    const p = await person();
    expect((await postFrom(b, ip, '/dang-nhap', { email: p.email, password: p.password })).status).toBe(429);
    expect((await postFrom(b, '198.51.100.5', '/dang-nhap', { email: p.email, password: p.password })).status).toBe(
      303,
    );
  });

  it('writes every sign-in, good or bad, to the audit log without the password', async () => {
    const p = await person();
    const b = await browser();
    await postFrom(b, '192.0.2.10', '/dang-nhap', { email: p.email, password: 'mat-khau-sai-1' });
    await postFrom(b, '192.0.2.10', '/dang-nhap', { email: p.email, password: p.password });

    const rows = await rt.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    const failed = rows.find((r) => r.action === 'auth.sign_in_failed');
    const ok = rows.find((r) => r.action === 'auth.sign_in');
    expect(failed?.ip).toBe('192.0.2.10');
    expect(failed?.data).toMatchObject({ email: p.email });
    expect(ok?.actorId).toBe(p.id);
    expect(JSON.stringify(rows)).not.toContain('mat-khau-sai-1');
    expect(JSON.stringify(rows)).not.toContain(p.password);
  });
});

describe('sign out', () => {
  it('ends the session for good, not only in this browser', async () => {
    const { b } = await signedIn();
    const stolen = b.cookies.get('kn.session_token');
    expect(stolen).toBeTruthy();
    const res = await b.post('/dang-xuat');
    expect(res.status).toBe(303);

    const after = await b.get('/tai-khoan');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/dang-nhap?next=%2Ftai-khoan');

    const replay = await browser();
    replay.cookies.set('kn.session_token', stolen ?? '');
    expect((await replay.get('/tai-khoan')).status).toBe(303);
  });
});

describe('forgotten password', () => {
  it('mails a link that sets a new password; the old one then fails and the link works once', async () => {
    const { p, b: oldSession } = await signedIn('founder', 'Chu Văn Thuận');
    const b = await browser();
    const res = await b.post('/quen-mat-khau', { email: p.email });
    expect(res.status).toBe(303);
    const page = await b.get(res.headers.get('location') ?? '');
    expect(await page.text()).toContain('Nếu email này có tài khoản, đường dẫn đặt lại mật khẩu đã được gửi.');

    const mail = await lastMailTo(p.email);
    expect(mail?.subject).toBe('Đặt lại mật khẩu Kết Nối');
    const link = linkIn(mail?.text ?? '');

    const form = await b.get(link);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(p.email);

    const mismatch = await b.post(link, { password: 'bunngo-thuananh', passwordConfirm: 'bunngo-thuan' });
    expect(mismatch.status).toBe(422);

    const done = await b.post(link, { password: 'bunngo-thuananh', passwordConfirm: 'bunngo-thuananh' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/dang-nhap');

    expect((await b.post('/dang-nhap', { email: p.email, password: p.password })).status).toBe(422);
    expect((await b.post('/dang-nhap', { email: p.email, password: 'bunngo-thuananh' })).status).toBe(303);
    // A session opened before the reset does not survive it.
    expect((await oldSession.get('/tai-khoan')).status).toBe(303);

    const again = await b.get(link);
    expect(again.status).toBe(404);
    const html = await again.text();
    expect(html).toContain('Đường dẫn đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.');
    expect(html).toContain('href="/quen-mat-khau"');
  });

  it('a newer link replaces the older ones: only the last mail sent works, and nothing works after a reset', async () => {
    const p = await person('founder', 'Lương Thị Hoa');
    const b = await browser();
    await b.post('/quen-mat-khau', { email: p.email });
    const first = linkIn((await lastMailTo(p.email))?.text ?? '');
    // The clock moves on so the two mails are told apart by their time.
    await new Promise((r) => setTimeout(r, 20));
    await b.post('/quen-mat-khau', { email: p.email });
    const second = linkIn((await lastMailTo(p.email))?.text ?? '');
    expect(second).not.toBe(first);
    expect((await b.get(first)).status).toBe(404);
    expect((await b.post(first, { password: 'na-chi-lang-2026', passwordConfirm: 'na-chi-lang-2026' })).status).toBe(
      404,
    );
    const done = await b.post(second, { password: 'na-chi-lang-2026', passwordConfirm: 'na-chi-lang-2026' });
    expect(done.status).toBe(303);
    expect((await b.get(second)).status).toBe(404);
  });

  it('gives the same answer for an e-mail with no account, and sends nothing', async () => {
    const b = await browser();
    const known = await person();
    const a = await b.post('/quen-mat-khau', { email: known.email });
    const unknownEmail = uniqueEmail('ghost');
    const c = await b.post('/quen-mat-khau', { email: unknownEmail });
    expect(c.status).toBe(a.status);
    expect(c.headers.get('location')).toBe(a.headers.get('location'));
    expect(await lastMailTo(unknownEmail)).toBeUndefined();
  });

  it('explains a made-up link and offers a new one', async () => {
    const b = await browser();
    const res = await b.get('/dat-lai-mat-khau/khong-co-that');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Yêu cầu đường dẫn mới');
    const post = await b.post('/dat-lai-mat-khau/khong-co-that', {
      password: 'password123',
      passwordConfirm: 'password123',
      consentService: 'on',
    });
    expect(post.status).toBe(404);
  });
});

describe('limits on forms that send mail, per address and per e-mail named', () => {
  async function mailsTo(email: string) {
    return rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  }

  it('reset links for one person from ever-changing addresses: three mails, then 429 for everyone', async () => {
    const victim = await person('founder', 'Nông Thị Lan');
    const b = await browser();
    for (let i = 0; i < 3; i++)
      expect((await postFrom(b, `198.51.100.${130 + i}`, '/quen-mat-khau', { email: victim.email })).status).toBe(303);
    const fourth = await postFrom(b, '198.51.100.140', '/quen-mat-khau', { email: victim.email });
    expect(fourth.status).toBe(429);
    const html = await fourth.text();
    expect(html).toContain('Bạn đã thử quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.');
    expect(html).toContain(`value="${victim.email}"`);
    expect(await mailsTo(victim.email)).toHaveLength(3);
    // An e-mail with no account is counted the same way, so the limit tells nothing about accounts.
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 3; i++) await postFrom(b, `198.51.100.${150 + i}`, '/quen-mat-khau', { email: ghost });
    expect((await postFrom(b, '198.51.100.160', '/quen-mat-khau', { email: ghost })).status).toBe(429);
  });

  it('one address asking for many people: five reset requests, then 429', async () => {
    const b = await browser();
    const ip = '198.51.100.170';
    for (let i = 0; i < 5; i++)
      expect((await postFrom(b, ip, '/quen-mat-khau', { email: uniqueEmail('many') })).status).toBe(303);
    expect((await postFrom(b, ip, '/quen-mat-khau', { email: uniqueEmail('many') })).status).toBe(429);
    expect((await postFrom(b, '198.51.100.171', '/quen-mat-khau', { email: uniqueEmail('many') })).status).toBe(303);
  });

  it('sign-ups naming one e-mail from changing addresses: the fourth is refused', async () => {
    const b = await browser();
    const email = uniqueEmail('flood');
    const fields = {
      name: 'Lộc Văn Thử',
      email,
      password: 'password123',
      passwordConfirm: 'password123',
      consentService: 'on',
    };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postFrom(b, `198.51.100.${180 + i}`, '/dang-ky', fields)).status);
    expect(statuses[3]).toBe(429);
    expect(statuses.slice(0, 3)).not.toContain(429);
  });

  it("counts are kept in the database: a second process sees the first one's attempts", async () => {
    const victim = await person('founder', 'Hoàng Văn Hai');
    const first = await browser();
    for (let i = 0; i < 3; i++)
      expect((await postFrom(first, `198.51.100.${200 + i}`, '/quen-mat-khau', { email: victim.email })).status).toBe(
        303,
      );
    const secondProcess = createApp(rt.deps);
    const b = new TestBrowser(secondProcess);
    await b.get('/dang-nhap');
    expect((await postFrom(b, '198.51.100.210', '/quen-mat-khau', { email: victim.email })).status).toBe(429);
    const held = await heldKeys(rt.db);
    expect(held.map((h) => h.key)).toContain(`reset-email:${victim.email}`);
  });
});

describe('my account', () => {
  it('shows name, e-mail and role', async () => {
    const { p, b } = await signedIn('expert', 'Lương Văn Chuyên');
    const html = await (await b.get('/tai-khoan')).text();
    expect(html).toContain('Lương Văn Chuyên');
    expect(html).toContain(p.email);
    expect(html).toContain('Chuyên gia tư vấn');
    expect(html).toContain('href="/tai-khoan/mat-khau"');
  });

  it('changes the password only with the current one, and ends other sessions', async () => {
    const { p, b } = await signedIn();
    const other = await browser();
    await other.signIn(p.email, p.password);

    const wrong = await b.post('/tai-khoan/mat-khau', {
      currentPassword: 'doan-bua',
      newPassword: 'moi-hon-2026',
      newPasswordConfirm: 'moi-hon-2026',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Mật khẩu hiện tại không đúng.');

    const ok = await b.post('/tai-khoan/mat-khau', {
      currentPassword: p.password,
      newPassword: 'moi-hon-2026',
      newPasswordConfirm: 'moi-hon-2026',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/tai-khoan');
    const page = await b.get('/tai-khoan');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Mật khẩu đã được đổi.');
    expect((await other.get('/tai-khoan')).status).toBe(303);

    const fresh = await browser();
    expect((await fresh.post('/dang-nhap', { email: p.email, password: p.password })).status).toBe(422);
    expect((await fresh.post('/dang-nhap', { email: p.email, password: 'moi-hon-2026' })).status).toBe(303);
    const audited = await rt.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'auth.password_change')));
    expect(audited).toHaveLength(1);
  });

  it('sends anonymous visitors to sign in', async () => {
    const b = await browser();
    const res = await b.get('/tai-khoan/mat-khau');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Ftai-khoan%2Fmat-khau');
  });
});

describe('administration', () => {
  it('lists users with search that ignores accents, a role filter and 20 a page', async () => {
    const { b } = await signedIn('admin', 'Quản Trị Viên');
    await rt.db.insert(user).values(
      Array.from({ length: 25 }, (_, i) => ({
        id: `partner-${i}`,
        name: `Đối tác số ${i}`,
        email: `doitac${i}@vidu.vn`,
        role: 'partner',
      })),
    );
    await person('officer', 'Nguyễn Văn Đức');

    const all = await b.get('/quan-tri/tai-khoan');
    expect(all.status).toBe(200);
    expect(await all.text()).toContain('Nguyễn Văn Đức');

    const found = await (await b.get('/quan-tri/tai-khoan?q=nguyen+van+duc')).text();
    expect(found).toContain('Nguyễn Văn Đức');
    expect(found).not.toContain('Đối tác số');

    const page1 = await (await b.get('/quan-tri/tai-khoan?role=partner')).text();
    const page2 = await (await b.get('/quan-tri/tai-khoan?role=partner&page=2')).text();
    expect(page1.match(/href="\/quan-tri\/tai-khoan\/partner-\d+"/g)).toHaveLength(20);
    expect(page2.match(/href="\/quan-tri\/tai-khoan\/partner-\d+"/g)).toHaveLength(5);
    expect(page1).not.toContain('Nguyễn Văn Đức');
    expect(page1).toContain('rel="next"');
    // The list only lists: changing a role and locking are on each person's page.
    expect(page1).not.toContain('/vai-tro"');
    expect(page1).not.toContain('/khoa"');
  });

  it('shows one account on its own page, with the role form and the lock, and comes back to it', async () => {
    const { b } = await signedIn('admin');
    const { p } = await signedIn('partner', 'Lục Văn Trang');
    const page = await b.get(`/quan-tri/tai-khoan/${p.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Lục Văn Trang');
    expect(html).toContain(`/quan-tri/tai-khoan/${p.id}/vai-tro`);
    expect(html).toContain('Khóa tài khoản');
    expect((await b.get('/quan-tri/tai-khoan/khong-co')).status).toBe(404);
    const res = await b.post(`/quan-tri/tai-khoan/${p.id}/vai-tro`, {
      role: 'expert',
      back: `/quan-tri/tai-khoan/${p.id}`,
    });
    expect(res.headers.get('location')).toBe(`/quan-tri/tai-khoan/${p.id}`);
    expect(await (await b.get(`/quan-tri/tai-khoan/${p.id}`)).text()).toContain('Đã đổi vai trò của Lục Văn Trang.');
  });

  it('changes a role, which the person sees at once, and logs it', async () => {
    const { p: adminP, b } = await signedIn('admin');
    const { p, b: theirs } = await signedIn('founder', 'Hà Văn Cán');
    const res = await b.post(`/quan-tri/tai-khoan/${p.id}/vai-tro`, {
      role: 'officer',
      back: '/quan-tri/tai-khoan?page=1',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/tai-khoan?page=1');
    expect(await (await b.get('/quan-tri/tai-khoan')).text()).toContain('Đã đổi vai trò của Hà Văn Cán.');
    expect(await (await theirs.get('/tai-khoan')).text()).toContain('Cán bộ Sở KHCN');

    const [row] = await rt.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'user.role_change')));
    expect(row).toMatchObject({ actorId: adminP.id, data: { from: 'founder', to: 'officer' } });

    expect((await b.post(`/quan-tri/tai-khoan/${p.id}/vai-tro`, { role: 'king' })).status).toBe(422);
    expect((await b.post('/quan-tri/tai-khoan/khong-co/vai-tro', { role: 'expert' })).status).toBe(404);
    const back = await b.post(`/quan-tri/tai-khoan/${p.id}/vai-tro`, {
      role: 'officer',
      back: 'https://evil.example/',
    });
    expect(back.headers.get('location')).toBe('/quan-tri/tai-khoan');
  });

  it('does not let an admin change their own role or lock themselves out', async () => {
    const { p, b } = await signedIn('admin');
    const res = await b.post(`/quan-tri/tai-khoan/${p.id}/vai-tro`, { role: 'founder' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Bạn không thể tự đổi vai trò hoặc khóa chính tài khoản của mình.');
    expect((await b.post(`/quan-tri/tai-khoan/${p.id}/khoa`, { disabled: 'true' })).status).toBe(403);
    const [row] = await rt.db.select().from(user).where(eq(user.id, p.id));
    expect(row).toMatchObject({ role: 'admin', banned: false });
  });

  it('disables an account: its session ends and it cannot sign in until enabled again', async () => {
    const { b } = await signedIn('admin');
    const { p, b: theirs } = await signedIn('expert', 'Mã Thị Khóa');
    const res = await b.post(`/quan-tri/tai-khoan/${p.id}/khoa`, { disabled: 'true' });
    expect(res.status).toBe(303);
    expect(await (await b.get('/quan-tri/tai-khoan')).text()).toContain('Đã khóa tài khoản Mã Thị Khóa.');
    expect(await rt.db.select().from(session).where(eq(session.userId, p.id))).toHaveLength(0);

    expect((await theirs.get('/tai-khoan')).status).toBe(303);
    const again = await browser();
    const refused = await again.post('/dang-nhap', { email: p.email, password: p.password });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Tài khoản này đã bị khóa.');
    expect(again.cookies.has('kn.session_token')).toBe(false);

    expect((await b.post(`/quan-tri/tai-khoan/${p.id}/khoa`, { disabled: 'false' })).status).toBe(303);
    expect((await again.post('/dang-nhap', { email: p.email, password: p.password })).status).toBe(303);
  });

  it('flips the state when the button sends nothing', async () => {
    const { b } = await signedIn('admin');
    const p = await person('partner');
    await b.post(`/quan-tri/tai-khoan/${p.id}/khoa`);
    const [locked] = await rt.db.select({ banned: user.banned }).from(user).where(eq(user.id, p.id));
    expect(locked?.banned).toBe(true);
    await b.post(`/quan-tri/tai-khoan/${p.id}/khoa`);
    const [open] = await rt.db.select({ banned: user.banned }).from(user).where(eq(user.id, p.id));
    expect(open?.banned).toBe(false);
  });

  it('invites an expert by e-mail; the link lets them set a password and sign in', async () => {
    const { p: adminP, b } = await signedIn('admin', 'Bà Quản Trị');
    expect((await b.get('/quan-tri/moi')).status).toBe(200);
    const email = uniqueEmail('chuyengia');
    const res = await b.post('/quan-tri/moi', { name: 'Đinh Văn Chuyên', email, role: 'expert' });
    expect(res.status).toBe(303);
    expect(await (await b.get(res.headers.get('location') ?? '')).text()).toContain(`Đã gửi lời mời tới ${email}.`);

    const mail = await lastMailTo(email);
    expect(mail?.subject).toBe('Lời mời tham gia Kết Nối');
    expect(mail?.text).toContain('Bà Quản Trị mời bạn tham gia Kết Nối với vai trò Chuyên gia tư vấn.');
    const outbox = await (await b.get('/quan-tri/hop-thu')).text();
    expect(outbox).toContain('Lời mời tham gia Kết Nối');
    expect(outbox).toContain(email);

    expect(mail?.text).toContain('Hãy mở đường dẫn sau để tạo tài khoản');
    // The invitee comes from their own address: this file's other forms have used up the shared one's limits.
    const invitee = new TestBrowser(rt.app, '203.0.113.45');
    const link = linkIn(mail?.text ?? '');
    const page = await invitee.get(link);
    expect(page.status).toBe(200);
    // Accepting an invitation reads as creating the account, not as changing a password.
    const html = await page.text();
    expect(html).toContain('<h1>Tạo tài khoản</h1>');
    expect(html).toContain(`Chào Đinh Văn Chuyên, chọn mật khẩu để tạo tài khoản ${email} trên Kết Nối.`);
    expect(html).not.toContain('Đặt mật khẩu mới');
    const accepted = await invitee.post(link, { password: 'tu-van-2026', passwordConfirm: 'tu-van-2026' });
    expect(accepted.status).toBe(303);
    const signInPage = await (await invitee.get(accepted.headers.get('location') ?? '')).text();
    expect(signInPage).toContain('Tài khoản của bạn đã được tạo.');
    expect(signInPage).not.toContain('Mật khẩu đã được đổi');
    const [acceptance] = await rt.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.invitation_accept'))
      .orderBy(desc(auditLog.id));
    expect(acceptance?.actorId).toBeTruthy();
    // A later "forgotten password" link of the same account is a reset again.
    expect((await invitee.post('/quen-mat-khau', { email })).status).toBe(303);
    const resetMail = (
      await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.createdAt))
    ).find((m) => m.subject !== 'Lời mời tham gia Kết Nối');
    const reset = await (await invitee.get(linkIn(resetMail?.text ?? ''))).text();
    expect(reset).toContain('Đặt mật khẩu mới');
    expect(reset).not.toContain('<h1>Tạo tài khoản</h1>');
    await invitee.signIn(email, 'tu-van-2026');
    expect(await (await invitee.get('/tai-khoan')).text()).toContain('Chuyên gia tư vấn');

    const [logged] = await rt.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.invite'))
      .orderBy(desc(auditLog.id));
    expect(logged?.actorId).toBe(adminP.id);
  });

  it('refuses to invite an e-mail that already has an account, keeping the form', async () => {
    const { b } = await signedIn('admin');
    const p = await person();
    const res = await b.post('/quan-tri/moi', { name: 'Trùng Lặp', email: p.email, role: 'partner' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Email này đã có tài khoản.');
    expect(html).toContain('value="Trùng Lặp"');
    const bad = await b.post('/quan-tri/moi', { name: 'Ai Đó', email: uniqueEmail('x'), role: 'founder' });
    expect(bad.status).toBe(422);
  });

  it('lists the e-mails and addresses held back now, with when each may try again, in Vietnamese and English', async () => {
    const { b: adminBrowser } = await signedIn('admin');
    const target = await person('founder', 'Đinh Thị Chặn');
    const guesser = await browser();
    for (let i = 0; i < 5; i++)
      await postFrom(guesser, `198.51.100.${240 + i}`, '/dang-nhap', { email: target.email, password: `sai-${i}-pw` });
    const flooder = '198.51.100.250';
    for (let i = 0; i < 6; i++) await postFrom(guesser, flooder, '/quen-mat-khau', { email: uniqueEmail('held') });

    const page = await (await adminBrowser.get('/quan-tri/tai-khoan')).text();
    expect(page).toContain('Đang bị tạm chặn');
    const html = page.slice(page.indexOf('id="held-heading"'));
    const rowOf = (who: string) => html.slice(html.indexOf(who), html.indexOf('</tr>', html.indexOf(who)));
    expect(html).toContain(target.email);
    expect(rowOf(target.email)).toContain('Đăng nhập');
    expect(rowOf(flooder)).toContain('Yêu cầu đặt lại mật khẩu');
    expect(rowOf(flooder)).toContain('Địa chỉ mạng');
    // The time it ends: 15 minutes after the first counted try, in Vietnam's time.
    expect(rowOf(target.email)).toMatch(/\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}|\d{2}:\d{2},? \d{2}\/\d{2}\/\d{4}/);
    const held = await listHeld(rt.db);
    const mine = held.find((h) => h.who === target.email && h.form === 'sign-in');
    const minutesLeft = ((mine?.until.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(13);
    expect(minutesLeft).toBeLessThanOrEqual(15);

    adminBrowser.cookies.set('kn_lang', 'en');
    const en = await (await adminBrowser.get('/quan-tri/tai-khoan')).text();
    expect(en).toContain('Held back now');
    expect(en).toContain('Asking for a password reset');
  });

  it('shows the audit log, newest first, with who did what', async () => {
    const { b } = await signedIn('admin', 'Người Xem Nhật Ký');
    const html = await (await b.get('/quan-tri/nhat-ky')).text();
    expect(html).toContain('Nhật ký hoạt động');
    const firstRow = html.indexOf('<tbody>');
    // The admin's own sign-in is the newest line.
    expect(html.slice(firstRow, firstRow + 600)).toContain('Người Xem Nhật Ký');
    expect(html.slice(firstRow, firstRow + 600)).toContain('Đăng nhập');
  });

  it('is closed to other roles (403) and to anonymous visitors (sign in)', async () => {
    const target = await person();
    const gets = ['/quan-tri/tai-khoan', '/quan-tri/moi', '/quan-tri/hop-thu', '/quan-tri/nhat-ky'];
    const posts: [string, Record<string, string>][] = [
      [`/quan-tri/tai-khoan/${target.id}/vai-tro`, { role: 'admin' }],
      [`/quan-tri/tai-khoan/${target.id}/khoa`, { disabled: 'true' }],
      ['/quan-tri/moi', { name: 'Gián Điệp', email: uniqueEmail('spy'), role: 'admin' }],
    ];
    for (const role of ['founder', 'officer', 'expert', 'partner'] as const) {
      const { b } = await signedIn(role);
      for (const path of gets) expect((await b.get(path)).status, `${role} GET ${path}`).toBe(403);
      for (const [path, fields] of posts) expect((await b.post(path, fields)).status, `${role} POST ${path}`).toBe(403);
    }
    const anon = await browser();
    for (const path of gets) {
      const res = await anon.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent(path)}`);
    }
    for (const [path, fields] of posts) expect((await anon.post(path, fields)).status).toBe(303);
    const [row] = await rt.db.select().from(user).where(eq(user.id, target.id));
    expect(row).toMatchObject({ role: 'founder', banned: false });
  });
});

describe('listStaff', () => {
  it('gives officers and admins who can still sign in, for the case-officer select', async () => {
    const officer = await person('officer', 'Cán Bộ Một');
    const founder = await person('founder', 'Tác Giả Một');
    const locked = await person('officer', 'Cán Bộ Bị Khóa');
    await rt.db.update(user).set({ banned: true }).where(eq(user.id, locked.id));
    const staff = await listStaff(rt.db);
    const ids = staff.map((s) => s.id);
    expect(ids).toContain(officer.id);
    expect(ids).not.toContain(founder.id);
    expect(ids).not.toContain(locked.id);
    expect(staff.find((s) => s.id === officer.id)).toEqual({ id: officer.id, name: 'Cán Bộ Một' });
  });
});

describe('my account: name and phone', () => {
  it('anyone signed in changes their own name and phone; the phone is stored normalised; the change is audited', async () => {
    for (const role of ['founder', 'officer', 'expert'] as const) {
      const { p, b } = await signedIn(role, 'Nông Văn Cũ');
      const page = await (await b.get('/tai-khoan')).text();
      expect(page).toContain('Họ tên và số điện thoại');
      const res = await b.post('/tai-khoan', { name: '  Nông Văn Mới  ', phone: '+84 912 345 678' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/tai-khoan');
      const after = await (await b.get('/tai-khoan')).text();
      expect(after).toContain('Đã lưu họ tên và số điện thoại.');
      expect(after).toContain('Nông Văn Mới');
      const [row] = await rt.db.select({ name: user.name, phone: user.phone }).from(user).where(eq(user.id, p.id));
      expect(row).toEqual({ name: 'Nông Văn Mới', phone: '0912345678' });
      const [logged] = await rt.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.profile_update'), eq(auditLog.entityId, p.id)));
      expect(logged?.actorId).toBe(p.id);
      expect(logged?.data).toEqual({ changed: ['name', 'phone'] });
    }
  });

  it('bad input: 422, Vietnamese messages, what was typed kept, nothing changed', async () => {
    const { p, b } = await signedIn('partner', 'Lý Thị Cũ');
    const res = await b.post('/tai-khoan', { name: 'L', phone: '12ab' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('12ab');
    expect(html).toContain('Nhập số điện thoại Việt Nam, ví dụ: 0912 345 678.');
    expect(html).toContain('Cần ít nhất 2 ký tự.');
    const [row] = await rt.db.select({ name: user.name }).from(user).where(eq(user.id, p.id));
    expect(row?.name).toBe('Lý Thị Cũ');
    // A phone may be removed: it is optional.
    expect((await b.post('/tai-khoan', { name: 'Lý Thị Cũ', phone: '' })).status).toBe(303);
    expect((await new TestBrowser(rt.app).post('/tai-khoan', { name: 'Ai Đó' })).status).toBe(303); // sign in first
  });
});
