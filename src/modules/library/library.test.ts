import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import { createUser } from '#seed/factories.ts';
import { createApp } from '#src/app.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { exeBytes, fileOf, pdfBytes } from '#src/testing/files.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { saveItem } from './index.ts';

// The library: officers add guides, templates and laws with their PDF; anyone finds them without
// typing diacritics and downloads them, counted; members-only items need a sign-in.

let rt: TestRuntime;
const password = 'mat-khau-thu-vien';
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

let n = 0;
async function staffAndFounder() {
  const k = `${Date.now().toString(36)}${n++}`;
  const officer = await createUser(rt.deps, {
    name: 'Hoàng Thu Hà',
    email: `cb.${k}@tv.vn`,
    role: 'officer',
    password,
  });
  const founder = await createUser(rt.deps, { name: 'Lộc Thị Hoa', email: `tg.${k}@tv.vn`, role: 'founder', password });
  return { officer, founder, k };
}

const item = {
  kind: 'template',
  category: 'ocop',
  tags: 'OCOP, hồ sơ, OCOP',
  description: 'Mẫu phiếu đăng ký và thuyết minh sản phẩm tham gia Chương trình OCOP.',
  author: 'Văn phòng Điều phối nông thôn mới',
  year: '2023',
  url: '',
  shelfMark: '',
  access: 'public',
} as const;

describe('the library', () => {
  it('an officer adds a template with its PDF; a visitor finds it without diacritics and downloads it, counted', async () => {
    const { officer, k } = await staffAndFounder();
    const desk = new TestBrowser(rt.app);
    await desk.signIn(officer.email, password);
    expect((await desk.get('/thu-vien/moi')).status).toBe(200);
    const made = await desk.postFiles(
      '/thu-vien/moi',
      { ...item, title: `Mẫu hồ sơ đăng ký sản phẩm OCOP ${k}` },
      { file: [fileOf(pdfBytes('Mau ho so OCOP'), 'mẫu-hồ-sơ-ocop.pdf', 'application/pdf')] },
    );
    expect(made.status).toBe(303);
    const address = made.headers.get('location') ?? '';
    expect(address).toMatch(/^\/thu-vien\/mau-ho-so-dang-ky-san-pham-ocop-/);

    const visitor = new TestBrowser(rt.app, '203.0.113.50');
    const found = await (await visitor.get(`/thu-vien?q=${encodeURIComponent(`mau ho so dang ky ocop ${k}`)}`)).text();
    expect(found).toContain(`Mẫu hồ sơ đăng ký sản phẩm OCOP ${k}`);
    const page = await (await visitor.get(address)).text();
    expect(page).toContain('#OCOP');
    expect(page).toContain('#hồ sơ');
    expect(page.match(/#OCOP/g)).toHaveLength(1);
    const download = await visitor.get(`${address}/tai-ve`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await download.arrayBuffer()).toString('latin1')).toContain('%PDF');
    await visitor.get(`${address}/tai-ve`);
    const [count] = await rows<{ downloads: number }>(
      rt.db,
      sql`select downloads from library_item where slug = ${address.split('/').pop()}`,
    );
    expect(count?.downloads).toBe(2);
    expect(await (await visitor.get(address)).text()).toContain('<dd>2</dd>');
  });

  it('a download shows in the count on the item page at once, even where anonymous pages are cached', async () => {
    const { officer, k } = await staffAndFounder();
    const cached = createApp({
      ...rt.deps,
      config: { ...rt.deps.config, RESPONSE_CACHE_MB: 4, RESPONSE_CACHE_SECONDS: 60 },
    });
    const saved = await saveItem({
      db: rt.db,
      actor: officer,
      input: {
        ...item,
        title: `Mẫu đơn đăng ký nhãn hiệu ${k}`,
        year: 2023,
        url: 'https://ipvietnam.gov.vn/don',
        removeFile: false,
      },
    });
    const visitor = new TestBrowser(cached);
    const countOn = async () =>
      /<dt>Lượt tải<\/dt>\s*<dd>(\d+)<\/dd>/.exec(await (await visitor.get(`/thu-vien/${saved.slug}`)).text())?.[1];
    expect(await countOn()).toBe('0');
    expect(await countOn()).toBe('0');
    expect((await visitor.get(`/thu-vien/${saved.slug}/tai-ve`)).status).toBe(303);
    expect(await countOn()).toBe('1');
  });

  it('a members-only item asks a stranger to sign in, and opens for a member; a link item leads to its link', async () => {
    const { officer, founder, k } = await staffAndFounder();
    const saved = await saveItem({
      db: rt.db,
      actor: officer,
      input: {
        ...item,
        title: `Bài giảng ghi hình: xây dựng thương hiệu ${k}`,
        kind: 'recording',
        category: 'marketing_sales',
        year: 2022,
        url: 'https://www.youtube.com/watch?v=abc',
        access: 'members',
        removeFile: false,
      },
    });
    const stranger = new TestBrowser(rt.app);
    expect(await (await stranger.get(`/thu-vien/${saved.slug}`)).text()).toContain('Đăng nhập để tải');
    const refused = await stranger.get(`/thu-vien/${saved.slug}/tai-ve`);
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toContain('/dang-nhap');
    const member = new TestBrowser(rt.app);
    await member.signIn(founder.email, password);
    const open = await member.get(`/thu-vien/${saved.slug}/tai-ve`);
    expect(open.status).toBe(303);
    expect(open.headers.get('location')).toBe('https://www.youtube.com/watch?v=abc');
  });

  it('refuses an item with nothing to open, a file that is not a PDF, and founders who try to add', async () => {
    const { officer, founder, k } = await staffAndFounder();
    const desk = new TestBrowser(rt.app);
    await desk.signIn(officer.email, password);
    const empty = await desk.post('/thu-vien/moi', { ...item, title: `Sổ tay khởi nghiệp ${k}` });
    expect(empty.status).toBe(422);
    const text = await empty.text();
    expect(text).toContain('Cần có tệp, đường dẫn hoặc vị trí trên giá sách');
    expect(text).toContain(`value="Sổ tay khởi nghiệp ${k}"`);
    const disguised = await desk.postFiles(
      '/thu-vien/moi',
      { ...item, title: `Tệp giả ${k}` },
      { file: [fileOf(exeBytes(), 'tai-lieu.pdf', 'application/pdf')] },
    );
    expect(disguised.status).toBe(422);
    const bad = await desk.post('/thu-vien/moi', {
      title: 'ab',
      kind: 'poem',
      category: 'x',
      access: 'all',
      year: '20',
    });
    expect(bad.status).toBe(422);
    const f = new TestBrowser(rt.app);
    await f.signIn(founder.email, password);
    expect((await f.get('/thu-vien/moi')).status).toBe(403);
    expect((await f.post('/thu-vien/moi', { ...item, title: 'x', shelfMark: 'A1' })).status).toBe(403);
    const [none] = await rows<{ n: number }>(
      rt.db,
      sql`select count(*)::int as n from library_item where title like ${`%${k}`}`,
    );
    expect(none?.n).toBe(0);
  });

  it('pages through the catalogue, filters by kind and tag, and says so when nothing matches', async () => {
    const { officer, k } = await staffAndFounder();
    for (let i = 0; i < 23; i++)
      await saveItem({
        db: rt.db,
        actor: officer,
        input: {
          ...item,
          title: `Sách khởi nghiệp số ${i} ${k}`,
          kind: 'book',
          category: 'startup',
          tags: `giá ${k}`,
          year: 2020,
          shelfMark: `Giá A${i}`,
          removeFile: false,
        },
      });
    const anon = new TestBrowser(rt.app);
    const first = await (await anon.get(`/thu-vien?the=${encodeURIComponent(`gia ${k}`)}&loai=book`)).text();
    expect(first).toContain('23 kết quả');
    expect(first).toContain('rel="next"');
    const second = await (await anon.get(`/thu-vien?the=${encodeURIComponent(`gia ${k}`)}&loai=book&page=2`)).text();
    expect(second.match(/class="card"/g)).toHaveLength(3);
    const none = await (await anon.get('/thu-vien?q=khongcogicakhongcogica')).text();
    expect(none).toContain('Không có tài liệu nào phù hợp');
    // Filters the catalogue does not know are ignored, never an error.
    expect((await anon.get('/thu-vien?loai=poem&chu_de=khong-biet&page=-1')).status).toBe(200);
    expect((await anon.get('/thu-vien/khong-co-tai-lieu-nay')).status).toBe(404);
  });
});
