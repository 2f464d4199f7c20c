import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

let rt: TestRuntime;
const password = 'mat-khau-thu-1';

const project = {
  name: 'Miến dong Bình Gia',
  summary: 'Miến dong làm thủ công từ củ dong riềng trồng tại xã, bán cho cửa hàng đặc sản.',
  type: 'product',
  field: 'food',
  stage: 'idea',
  commune: 'binh-gia',
  needs: ['consulting_ip'],
  consentToPublish: 'on',
  isPublic: 'on',
};

async function officer() {
  const b = new TestBrowser(rt.app);
  await b.signIn('officer@test.vn', password);
  return b;
}

beforeAll(async () => {
  rt = await testRuntime();
  await createUser(rt.deps, { name: 'Hoàng Minh Đức', email: 'officer@test.vn', password, role: 'officer' });
  await createUser(rt.deps, { name: 'Vi Thị Hoa', email: 'hoa@test.vn', password, role: 'founder' });
});
afterAll(() => rt.close());

describe('an officer registers the project of a founder who came in person', () => {
  it('keeps the founder’s phone and e-mail for staff only, and invites them to manage it', async () => {
    const b = await officer();
    const form = await (await b.get('/du-an/moi')).text();
    expect(form).toContain('Người sáng lập đến trực tiếp');
    const res = await b.post('/du-an/moi', {
      ...project,
      founderName: 'Lương Văn Tài',
      founderPhone: '+84 912 345 678',
      founderEmail: 'Tai.Luong@Example.vn',
      inviteFounder: 'on',
    });
    expect(res.status).toBe(303);
    const path = res.headers.get('location') ?? '';
    expect(path).toBe('/du-an/mien-dong-binh-gia');
    const staffPage = await (await b.get(path)).text();
    expect(staffPage).toContain('gửi lời mời tới tai.luong@example.vn');
    expect(staffPage).toContain('Lương Văn Tài');
    expect(staffPage).toContain('0912345678 · tai.luong@example.vn');
    // The public page names the founder, never their contacts.
    const publicPage = await (await new TestBrowser(rt.app).get(path)).text();
    expect(publicPage).toContain('Lương Văn Tài');
    expect(publicPage).not.toContain('0912345678');
    expect(publicPage).not.toContain('tai.luong@example.vn');
    // The invitation makes a founder's account that leads the project once its password is set.
    const [mail] = await rt.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, 'tai.luong@example.vn'))
      .orderBy(desc(mailOutbox.createdAt));
    const link = mail?.text.match(/http:\/\/localhost(\/dat-lai-mat-khau\/\S+)/)?.[1] ?? '';
    expect(link).not.toBe('');
    const founder = new TestBrowser(rt.app, '203.0.113.77');
    expect((await founder.post(link, { password: 'mien-dong-2026', passwordConfirm: 'mien-dong-2026' })).status).toBe(
      303,
    );
    await founder.signIn('tai.luong@example.vn', 'mien-dong-2026');
    const mine = await (await founder.get('/du-an/cua-toi')).text();
    expect(mine).toContain('Miến dong Bình Gia');
    expect((await founder.get(`${path}/sua`)).status).toBe(200);
  });

  it('links a founder whose e-mail already has an account, without inviting again', async () => {
    const b = await officer();
    const res = await b.post('/du-an/moi', {
      ...project,
      name: 'Trà hoa vàng Hữu Lũng',
      founderName: 'Vi Thị Hoa',
      founderEmail: 'hoa@test.vn',
      inviteFounder: 'on',
    });
    expect(res.status).toBe(303);
    expect(await (await b.get(res.headers.get('location') ?? '')).text()).toContain('đã có tài khoản');
    const hoa = new TestBrowser(rt.app, '203.0.113.78');
    await hoa.signIn('hoa@test.vn', password);
    expect(await (await hoa.get('/du-an/cua-toi')).text()).toContain('Trà hoa vàng Hữu Lũng');
    expect(await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'hoa@test.vn'))).toHaveLength(0);
  });

  it('asks for a way to reach the founder and an e-mail to invite, keeping what was typed', async () => {
    const b = await officer();
    const res = await b.post('/du-an/moi', {
      ...project,
      name: 'Mật ong Mẫu Sơn',
      founderName: 'Hà Văn Sơn',
      inviteFounder: 'on',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Hãy nhập số điện thoại hoặc email của người sáng lập');
    expect(html).toContain('Hãy nhập email của người sáng lập để gửi lời mời.');
    expect(html).toContain('value="Hà Văn Sơn"');
    expect(html).toContain('value="Mật ong Mẫu Sơn"');
    const bad = await b.post('/du-an/moi', {
      ...project,
      name: 'Mật ong Mẫu Sơn',
      founderName: 'Hà Văn Sơn',
      founderPhone: '12ab',
    });
    expect(bad.status).toBe(422);
  });

  it('a founder cannot register someone else as a walk-in: the fields are not theirs', async () => {
    const hoa = new TestBrowser(rt.app, '203.0.113.79');
    await hoa.signIn('hoa@test.vn', password);
    expect((await hoa.get('/du-an/moi').then((r) => r.text())).includes('Người sáng lập đến trực tiếp')).toBe(false);
    const res = await hoa.post('/du-an/moi', {
      ...project,
      name: 'Hồi Văn Quan',
      founderName: 'Người khác',
      founderPhone: '0987654321',
    });
    expect(res.status).toBe(303);
    const page = await (await hoa.get(res.headers.get('location') ?? '')).text();
    expect(page).toContain('Vi Thị Hoa');
    expect(page).not.toContain('Người khác');
  });
});
