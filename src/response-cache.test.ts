import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#seed/factories.ts';
import { type App, createApp } from '#src/app.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

// The shared cache of anonymous pages (kernel/http/response-cache.ts, ADR 39), on an app that has
// it turned on (the other tests run without it).
let rt: TestRuntime;
let app: App;
const password = 'mat-khau-thu-1';
const slug = 'thach-den-hong-nhung';
const project = {
  name: 'Thạch đen Hồng Nhung',
  summary: 'Thạch đen Tràng Định làm thủ công, đóng gói đạt chuẩn lưu thông.',
  description: 'Sản phẩm từ cây thạch đen trồng tại Tràng Định.',
  type: 'product',
  field: 'food',
  stage: 'market',
  commune: 'that-khe',
  members: 'Hoàng Thị Lan',
  needs: ['market_connection'],
  consentToPublish: 'on',
  isPublic: 'on',
};

beforeAll(async () => {
  rt = await testRuntime();
  app = createApp({ ...rt.deps, config: { ...rt.deps.config, RESPONSE_CACHE_MB: 4, RESPONSE_CACHE_SECONDS: 60 } });
  await createUser(rt.deps, { name: 'Lý Thị Mai', email: 'founder@test.vn', password, role: 'founder' });
  await createUser(rt.deps, { name: 'Hoàng Minh Đức', email: 'officer@test.vn', password, role: 'officer' });
  const founder = await signedIn('founder@test.vn');
  expect((await founder.post('/du-an/moi', project)).status).toBe(303);
  const officer = await signedIn('officer@test.vn');
  expect((await officer.post(`/du-an/${slug}/duyet`, { decision: 'approve' })).status).toBe(303);
});
afterAll(() => rt.close());

async function signedIn(email: string) {
  const b = new TestBrowser(app);
  await b.signIn(email, password);
  return b;
}

const anonymous = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('the response cache of anonymous pages', () => {
  it('serves a public page from memory the second time, with an ETag that answers 304', async () => {
    const first = await anonymous(`/du-an/${slug}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(first.headers.get('cache-control')).toMatch(/^public, .*must-revalidate/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const html = await first.text();
    expect(html).toContain('Thạch đen Hồng Nhung');

    const second = await anonymous(`/du-an/${slug}`);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe(html);

    const again = await anonymous(`/du-an/${slug}`, { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('keeps the compressed and the plain page apart', async () => {
    await anonymous('/du-an', { 'accept-encoding': 'gzip' });
    const zipped = await anonymous('/du-an', { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('x-cache')).toBe('hit');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await anonymous('/du-an');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('Thạch đen Hồng Nhung');
  });

  it('shows a write on the next visit', async () => {
    await anonymous(`/du-an/${slug}`);
    expect((await anonymous(`/du-an/${slug}`)).headers.get('x-cache')).toBe('hit');
    const founder = await signedIn('founder@test.vn');
    expect((await founder.post(`/du-an/${slug}/sua`, { ...project, stage: 'growing' })).status).toBe(303);
    const fresh = await anonymous(`/du-an/${slug}`);
    expect(fresh.headers.get('x-cache')).toBe('miss');
    expect(await fresh.text()).toContain('Đang tăng trưởng');
  });

  it('counts a newly published project on the home page (its figures are kept until a write)', async () => {
    const projectsFigure = async () =>
      /<strong>(\d+)<\/strong> [^<]*dự án/.exec(await (await anonymous('/')).text())?.[1];
    expect(await projectsFigure()).toBe('1');
    const founder = await signedIn('founder@test.vn');
    const second = { ...project, name: 'Miến dong Bình Gia', commune: 'binh-gia' };
    expect((await founder.post('/du-an/moi', second)).status).toBe(303);
    const officer = await signedIn('officer@test.vn');
    expect((await officer.post('/du-an/mien-dong-binh-gia/duyet', { decision: 'approve' })).status).toBe(303);
    expect(await projectsFigure()).toBe('2');
  });

  it('never gives a signed-in person the anonymous page, and never keeps theirs', async () => {
    const founder = await signedIn('founder@test.vn');
    // The sign-in above was a write: the cache is empty. The signed-in visit comes first.
    const mine = await founder.get(`/du-an/${slug}`);
    expect(mine.headers.get('x-cache')).not.toBe('hit');
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(await mine.text()).toContain('/dang-xuat');
    const anon = await anonymous(`/du-an/${slug}`);
    expect(anon.headers.get('x-cache')).toBe('miss');
    expect(await anon.text()).not.toContain('/dang-xuat');
    expect((await anonymous(`/du-an/${slug}`)).headers.get('x-cache')).toBe('hit');
    // Now that the anonymous page is kept, the signed-in person still gets their own.
    const again = await founder.get(`/du-an/${slug}`);
    expect(again.headers.get('x-cache')).not.toBe('hit');
    expect(await again.text()).toContain('/dang-xuat');
  });

  it('keeps no response that sets a cookie', async () => {
    // The sign-in form hands a new visitor the CSRF cookie with the page.
    const first = await anonymous('/dang-nhap');
    expect(first.headers.get('set-cookie')).toContain('kn_csrf=');
    const second = await anonymous('/dang-nhap');
    expect(second.headers.get('x-cache')).not.toBe('hit');
    expect(second.headers.get('set-cookie')).toContain('kn_csrf=');
    expect(second.headers.get('set-cookie')).not.toBe(first.headers.get('set-cookie'));
  });

  it('answers in the language the visitor chose', async () => {
    const vi = await (await anonymous('/du-an')).text();
    expect(vi).toContain('<html lang="vi"');
    const en = await anonymous('/du-an', { cookie: 'kn_lang=en' });
    expect(en.headers.get('x-cache')).toBe('miss');
    expect(await en.text()).toContain('<html lang="en"');
    const enAgain = await anonymous('/du-an', { cookie: 'kn_lang=en' });
    expect(enAgain.headers.get('x-cache')).toBe('hit');
    expect(await enAgain.text()).toContain('<html lang="en"');
    expect(await (await anonymous('/du-an')).text()).toContain('<html lang="vi"');
  });
});
