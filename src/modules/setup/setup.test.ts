import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#kernel/audit/audit.sql.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Logger } from '#kernel/log.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { announceSetup, createAdminFromCli, getProfile, isLocalAddress } from './index.ts';
import { setupToken } from './setup.sql.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

const lines: string[] = [];
const logger = { warn: (msg: string) => lines.push(msg) } as unknown as Logger;

const good = {
  adminName: 'Nguyễn Văn Quản',
  adminEmail: 'quantri@sokhcn.langson.gov.vn',
  password: 'mat-khau-cai-dat',
  passwordConfirm: 'mat-khau-cai-dat',
  name: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
  unit: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
  address: 'Số 3 đường Hùng Vương, phường Lương Văn Tri',
  phone: '0205 3812 345',
  email: 'sokhcn@langson.gov.vn',
  baseUrl: 'https://ketnoi.langson.gov.vn/',
};

describe('first run on an empty database', () => {
  let address = '';
  let path = '';

  it('prints one log line with a one-time setup address, and keeps only its hash', async () => {
    address = (await announceSetup({ db: rt.db, config: rt.deps.config, logger })) ?? '';
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(address);
    path = new URL(address).pathname;
    const token = path.split('/').at(-1) ?? '';
    expect(path).toMatch(/^\/cai-dat\/[\w-]{43}$/);
    const [row] = await rt.db.select().from(setupToken);
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(token);
  });

  it('the home page says setup is waiting, without the address', async () => {
    const html = await (await rt.app.request('/')).text();
    expect(html).toContain('Trang web đang chờ cài đặt');
    expect(html).not.toContain(path);
  });

  it('a wrong token is 404', async () => {
    expect((await rt.app.request('/cai-dat/not-the-token')).status).toBe(404);
    const b = new TestBrowser(rt.app);
    expect((await b.post('/cai-dat/not-the-token', good)).status).toBe(404);
  });

  it('bad input is 422 with Vietnamese messages, and what was typed is kept', async () => {
    const b = new TestBrowser(rt.app);
    const page = await b.get(path);
    expect(page.status).toBe(200);
    const res = await b.post(path, {
      ...good,
      adminEmail: 'khong-phai-email',
      passwordConfirm: 'khac-mat-khau',
      baseUrl: 'ketnoi',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Nhập email đúng dạng');
    expect(html).toContain('Hai mật khẩu không khớp.');
    expect(html).toContain('bắt đầu bằng http:// hoặc https://');
    expect(html).toContain('value="Sở Khoa học và Công nghệ tỉnh Lạng Sơn"');
    expect(html).toContain('value="khong-phai-email"');
    expect(await rt.db.select().from(user)).toHaveLength(0);
  });

  it('the right token creates the admin and the profile once; the admin signs in; then setup is 404', async () => {
    const b = new TestBrowser(rt.app);
    await b.get(path);
    const res = await b.post(path, good);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap');
    const [admin] = await rt.db.select().from(user);
    expect(admin).toMatchObject({ email: good.adminEmail, role: 'admin', name: good.adminName });
    const profile = await getProfile(rt.db);
    expect(profile).toMatchObject({ name: good.name, phone: '02053812345', baseUrl: 'https://ketnoi.langson.gov.vn' });
    const logged = await rt.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'setup.complete'), eq(auditLog.actorId, admin?.id ?? '')));
    expect(logged).toHaveLength(1);

    // Used up: the same address (and any other) answers 404 for good, even after a restart.
    expect((await b.get(path)).status).toBe(404);
    expect((await b.post(path, { ...good, adminEmail: 'ke-khac@vidu.vn' })).status).toBe(404);
    expect(await announceSetup({ db: rt.db, config: rt.deps.config, logger })).toBeNull();
    expect(lines).toHaveLength(1);

    const signIn = new TestBrowser(rt.app);
    await signIn.signIn(good.adminEmail, good.password);
    const home = await (await signIn.get('/')).text();
    expect(home).not.toContain('Trang web đang chờ cài đặt');
    // The footer names the Department and its unit from the profile.
    expect(home).toContain(good.unit);
  });
});

describe('the settings page', () => {
  it('an admin changes the profile; the footer shows it and the audit log has the change', async () => {
    const b = new TestBrowser(rt.app);
    await b.signIn(good.adminEmail, good.password);
    const form = await b.get('/quan-tri/cai-dat');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(`value="${good.name}"`);
    const bad = await b.post('/quan-tri/cai-dat', { ...good, name: '', email: 'sai' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Vui lòng điền thông tin này.');
    expect(badHtml).toContain('value="sai"');
    const res = await b.post('/quan-tri/cai-dat', { ...good, name: 'Sở KH&CN tỉnh Lạng Sơn (mới)' });
    expect(res.status).toBe(303);
    expect(await (await rt.app.request('/du-an')).text()).toContain('Sở KH&amp;CN tỉnh Lạng Sơn (mới)');
    const [entry] = await rt.db.select().from(auditLog).where(eq(auditLog.action, 'setup.profile_update'));
    expect(entry?.data).toMatchObject({ name: { from: good.name, to: 'Sở KH&CN tỉnh Lạng Sơn (mới)' } });
  });

  it('warns when the public address is localhost in production', () => {
    expect(isLocalAddress('http://localhost:3000')).toBe(true);
    expect(isLocalAddress('http://127.0.0.1')).toBe(true);
    expect(isLocalAddress('https://ketnoi.langson.gov.vn')).toBe(false);
  });
});

describe('create-admin on the command line', () => {
  it('creates an admin with a generated password, who can sign in', async () => {
    const made = await createAdminFromCli(rt.deps, { email: 'Hai@SoKHCN.vn', name: 'Trần Thị Hai' });
    expect(made.generated).toBe(true);
    expect(made.password.length).toBeGreaterThanOrEqual(16);
    expect(made.admin).toMatchObject({ email: 'hai@sokhcn.vn', role: 'admin' });
    await new TestBrowser(rt.app).signIn('hai@sokhcn.vn', made.password);
    const [entry] = await rt.db.select().from(auditLog).where(eq(auditLog.action, 'cli.create_admin'));
    expect(entry?.entityId).toBe(made.admin.id);
  });

  it('keeps a given password, and refuses an e-mail that has an account or bad input', async () => {
    const made = await createAdminFromCli(rt.deps, {
      email: 'ba@sokhcn.vn',
      name: 'Lê Văn Ba',
      password: 'mat-khau-ba-3',
    });
    expect(made).toMatchObject({ generated: false, password: 'mat-khau-ba-3' });
    await expect(createAdminFromCli(rt.deps, { email: 'ba@sokhcn.vn', name: 'Ai đó' })).rejects.toMatchObject({
      code: 'validation',
      messageKey: 'errors.emailTaken',
    });
    const refused = createAdminFromCli(rt.deps, { email: 'khong-dung', name: 'X' });
    await expect(refused).rejects.toThrow(/--email: Nhập email đúng dạng/);
    await expect(refused).rejects.toThrow(/--name: Cần ít nhất 2 ký tự/);
  });
});
