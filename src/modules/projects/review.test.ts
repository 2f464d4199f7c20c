import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

let rt: TestRuntime;
const password = 'mat-khau-thu-1';
const slug = 'tra-hoa-vang-dinh-lap';

const project = {
  name: 'Trà hoa vàng Đình Lập',
  summary: 'Trà hoa vàng hái trong rừng Đình Lập, sấy lạnh và đóng hộp làm quà biếu.',
  type: 'product',
  field: 'herbal',
  stage: 'prototype',
  commune: 'dinh-lap',
  needs: ['market_connection'],
  consentToPublish: 'on',
  isPublic: 'on',
};

async function as(email: string, address: string) {
  const b = new TestBrowser(rt.app, address);
  await b.signIn(email, password);
  return b;
}

beforeAll(async () => {
  rt = await testRuntime();
  await createUser(rt.deps, { name: 'Hoàng Thị Vân', email: 'van@test.vn', password, role: 'founder' });
  await createUser(rt.deps, { name: 'Lục Minh Khôi', email: 'khoi@test.vn', password, role: 'officer' });
});
afterAll(() => rt.close());

describe('a founder’s project waits for an officer before it is public', () => {
  it('waits, is sent back with a note, is sent again and published', async () => {
    const founder = await as('van@test.vn', '203.0.113.61');
    const officer = await as('khoi@test.vn', '203.0.113.62');
    const anyone = new TestBrowser(rt.app, '203.0.113.63');
    expect(await (await founder.get('/du-an/moi')).text()).toContain('hiện công khai sau khi cán bộ Sở duyệt');
    expect((await founder.post('/du-an/moi', project)).status).toBe(303);

    // Waiting: the team sees why it is not public; nobody else sees it; the directory leaves it out.
    expect(await (await founder.get(`/du-an/${slug}`)).text()).toContain('Dự án đang chờ cán bộ Sở duyệt');
    expect((await anyone.get(`/du-an/${slug}`)).status).toBe(404);
    expect(await (await anyone.get('/du-an')).text()).not.toContain(project.name);
    const queue = await (await officer.get('/quan-ly/du-an-cho-duyet')).text();
    expect(queue).toContain(project.name);
    expect(queue).toContain('1 dự án đang chờ duyệt');

    // Sending back needs a note; what was typed is kept.
    const empty = await officer.post(`/du-an/${slug}/duyet`, {
      decision: 'return',
      note: '  ',
      next: '/quan-ly/du-an-cho-duyet',
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Hãy ghi điều người sáng lập cần sửa');
    const note = 'Phần tóm tắt có số điện thoại cá nhân, hãy bỏ đi.';
    const sent = await officer.post(`/du-an/${slug}/duyet`, {
      decision: 'return',
      note,
      next: '/quan-ly/du-an-cho-duyet',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/quan-ly/du-an-cho-duyet');
    const [mail] = await rt.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, 'van@test.vn'))
      .orderBy(desc(mailOutbox.createdAt));
    expect(mail?.subject).toBe(`Dự án “${project.name}” cần sửa trước khi công khai`);
    expect(mail?.text).toContain(note);
    const returned = await (await founder.get(`/du-an/${slug}`)).text();
    expect(returned).toContain(`Cán bộ Sở đề nghị sửa trước khi công khai: ${note}`);
    // A project that no longer waits cannot be answered twice.
    expect((await officer.post(`/du-an/${slug}/duyet`, { decision: 'approve' })).status).toBe(422);

    // Saving it again (still ticked public) sends it for review again; then it is published.
    const form = await (await founder.get(`/du-an/${slug}/sua`)).text();
    expect(form).toMatch(/name="isPublic"[^>]*checked/);
    expect((await founder.post(`/du-an/${slug}/sua`, project)).status).toBe(303);
    expect(await (await officer.get('/quan-ly/du-an-cho-duyet')).text()).toContain('Chờ duyệt');
    const published = await officer.post(`/du-an/${slug}/duyet`, { decision: 'approve', next: `/du-an/${slug}` });
    expect(published.status).toBe(303);
    expect((await anyone.get(`/du-an/${slug}`)).status).toBe(200);
    expect(await (await anyone.get('/du-an')).text()).toContain(project.name);
    expect(await (await officer.get('/quan-ly/du-an-cho-duyet')).text()).toContain(
      'Không có dự án nào đang chờ duyệt.',
    );
    // Once public, the team's edits keep it public; unticking takes it down.
    expect((await founder.post(`/du-an/${slug}/sua`, { ...project, summary: `${project.summary} Mới.` })).status).toBe(
      303,
    );
    expect((await anyone.get(`/du-an/${slug}`)).status).toBe(200);
    expect((await founder.post(`/du-an/${slug}/sua`, { ...project, isPublic: '' })).status).toBe(303);
    expect((await anyone.get(`/du-an/${slug}`)).status).toBe(404);
  });

  it('staff publish directly, and founders cannot answer the queue', async () => {
    const officer = await as('khoi@test.vn', '203.0.113.64');
    const res = await officer.post('/du-an/moi', { ...project, name: 'Hồi Văn Lãng' });
    expect(res.status).toBe(303);
    expect((await new TestBrowser(rt.app).get(res.headers.get('location') ?? '')).status).toBe(200);
    const founder = await as('van@test.vn', '203.0.113.65');
    expect((await founder.get('/quan-ly/du-an-cho-duyet')).status).toBe(403);
    expect((await founder.post(`/du-an/${slug}/duyet`, { decision: 'approve' })).status).toBe(403);
  });
});
