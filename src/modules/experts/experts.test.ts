import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { expertProfile } from './experts.sql.ts';
import { getExpertBySlug, getExpertByUserId, listExpertOptions } from './index.ts';

let rt: TestRuntime;
const password = 'mat-khau-thu-1';
let thaoId = '';

const thao = {
  name: 'TS. Lê Thị Phương Thảo',
  headline: 'Tư vấn quy trình sản xuất và công bố chất lượng thực phẩm chế biến.',
  organisation: 'Viện Công nghiệp Thực phẩm',
  bio: 'Hơn 15 năm hướng dẫn các cơ sở nhỏ hoàn thiện quy trình sản xuất.',
  specialties: ['production', 'product_development', 'food_safety'],
  fields: ['food', 'herbal'],
  anywhere: 'on',
  isPublic: 'on',
};

async function as(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

beforeAll(async () => {
  rt = await testRuntime();
  thaoId = (await createUser(rt.deps, { name: 'Lê Thị Phương Thảo', email: 'thao@test.vn', password, role: 'expert' }))
    .id;
  await createUser(rt.deps, { name: 'Đỗ Văn Hải', email: 'hai@test.vn', password, role: 'expert' });
  await createUser(rt.deps, { name: 'Hoàng Thị Thu Hà', email: 'officer@test.vn', password, role: 'officer' });
  await createUser(rt.deps, { name: 'Lý Thị Mai', email: 'founder@test.vn', password, role: 'founder' });
});
afterAll(() => rt.close());

describe('an expert’s own profile', () => {
  it('starts as a blank form with the account’s name, for experts only', async () => {
    const b = await as('thao@test.vn');
    const res = await b.get('/chuyen-gia/ho-so');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('value="Lê Thị Phương Thảo"');
    expect((await (await as('founder@test.vn')).get('/chuyen-gia/ho-so')).status).toBe(403);
    expect((await (await as('officer@test.vn')).post('/chuyen-gia/ho-so', thao)).status).toBe(403);
    expect((await rt.app.request('/chuyen-gia/ho-so')).status).toBe(303);
  });

  it('bad input: 422 with Vietnamese messages, what was typed kept, nothing stored', async () => {
    const b = await as('thao@test.vn');
    const res = await b.post('/chuyen-gia/ho-so', {
      ...thao,
      headline: 'ngắn',
      specialties: [],
      communes: ['khong-co-xa-nay'],
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Cần ít nhất 10 ký tự.');
    expect(html).toContain('Vui lòng chọn ít nhất một chuyên môn.');
    expect(html).toContain('Viện Công nghiệp Thực phẩm');
    const garbled = await b.post('/chuyen-gia/ho-so', { ...thao, name: 'Lê Thá»‹ Tháº£o' });
    expect(garbled.status).toBe(422);
    expect(await garbled.text()).toContain('bàn phím tiếng Việt');
    const wrong = await b.post('/chuyen-gia/ho-so', { ...thao, specialties: ['hacking'], bio: 'x'.repeat(6000) });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Tối đa 5000 ký tự.');
    const unknownCommune = await b.post('/chuyen-gia/ho-so', { ...thao, communes: ['khong-co-xa-nay'] });
    expect(unknownCommune.status).toBe(422);
    expect((await b.post('/chuyen-gia/ho-so', {})).status).toBe(422);
    expect(
      (
        await b.post('/chuyen-gia/ho-so', {
          ...thao,
          name: ['A', 'B'],
          anywhere: ['on', 'x'],
          communes: ['that-khe', 'Ý'],
        })
      ).status,
    ).toBe(422);
    expect(await getExpertByUserId(rt.db, thaoId)).toBeNull();
  });

  it('saves the profile under an address without the title, and keeps it on later saves', async () => {
    const b = await as('thao@test.vn');
    const res = await b.post('/chuyen-gia/ho-so', thao);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/chuyen-gia/le-thi-phuong-thao');
    const page = await (await b.get('/chuyen-gia/le-thi-phuong-thao')).text();
    expect(page).toContain('Đã lưu hồ sơ chuyên gia.');
    expect(page).toContain('An toàn thực phẩm');
    const again = await b.post('/chuyen-gia/ho-so', { ...thao, name: 'PGS.TS. Lê Thị Phương Thảo' });
    expect(again.headers.get('location')).toBe('/chuyen-gia/le-thi-phuong-thao');
    expect((await getExpertBySlug(rt.db, 'le-thi-phuong-thao'))?.name).toBe('PGS.TS. Lê Thị Phương Thảo');
    expect((await listExpertOptions(rt.db)).map((e) => e.slug)).toEqual(['le-thi-phuong-thao']);
  });

  it('a hidden profile is 404 for others, seen by the expert and staff', async () => {
    const hai = await as('hai@test.vn');
    const res = await hai.post('/chuyen-gia/ho-so', {
      name: 'Luật sư Đỗ Văn Hải',
      headline: 'Tư vấn đăng ký nhãn hiệu <script>alert(1)</script> và sở hữu trí tuệ.',
      specialties: ['trademark_ip', 'legal'],
      communes: ['that-khe'],
    });
    expect(res.status).toBe(303);
    const path = res.headers.get('location') ?? '';
    expect(path).toBe('/chuyen-gia/do-van-hai');
    const own = await (await hai.get(path)).text();
    expect(own).toContain('Hồ sơ đang ẩn');
    expect(own).not.toContain('<script>alert(1)</script>');
    expect((await rt.app.request(path)).status).toBe(404);
    expect((await (await as('founder@test.vn')).get(path)).status).toBe(404);
    expect((await (await as('thao@test.vn')).get(path)).status).toBe(404);
    const officer = await as('officer@test.vn');
    const seen = await (await officer.get(path)).text();
    expect(seen).toContain('hai@test.vn'); // staff see the contact
    expect(await (await rt.app.request('/chuyen-gia')).text()).not.toContain('Đỗ Văn Hải');
    expect(await (await officer.get('/chuyen-gia')).text()).toContain('Đỗ Văn Hải');
  });
});

describe('the expert directory', () => {
  it('finds experts without diacritics and filters by specialty, field and commune', async () => {
    const found = await (await rt.app.request('/chuyen-gia?q=thuc%20pham')).text();
    expect(found).toContain('Lê Thị Phương Thảo');
    expect(await (await rt.app.request('/chuyen-gia?q=vien%20cong%20nghiep')).text()).toContain('Lê Thị Phương Thảo');
    expect(
      await (await rt.app.request('/chuyen-gia?specialty=food_safety&field=food&commune=dinh-lap')).text(),
    ).toContain('Lê Thị Phương Thảo');
    const miss = await (await rt.app.request('/chuyen-gia?specialty=tourism')).text();
    expect(miss).toContain('Không có kết quả phù hợp');
    expect((await rt.app.request('/chuyen-gia?specialty=nonsense&page=-1')).status).toBe(200);
    expect(await (await rt.app.request('/chuyen-gia?q=zzzz')).text()).not.toContain('Lê Thị Phương Thảo');
  });

  it('public visitors see no e-mail; experts’ contact is for staff', async () => {
    const html = await (await rt.app.request('/chuyen-gia/le-thi-phuong-thao')).text();
    expect(html).not.toContain('thao@test.vn');
    expect(html).toContain('cán bộ Sở KHCN sẽ kết nối');
  });
});

describe('staff edit any profile', () => {
  it('an officer edits a profile; nobody else may', async () => {
    const officer = await as('officer@test.vn');
    expect((await officer.get('/chuyen-gia/do-van-hai/sua')).status).toBe(200);
    const res = await officer.post('/chuyen-gia/do-van-hai/sua', {
      name: 'Luật sư Đỗ Văn Hải',
      headline: 'Tư vấn đăng ký nhãn hiệu và bảo hộ sở hữu trí tuệ cho sản phẩm OCOP.',
      specialties: ['trademark_ip', 'legal'],
      anywhere: 'on',
      isPublic: 'on',
    });
    expect(res.status).toBe(303);
    expect(await (await rt.app.request('/chuyen-gia/do-van-hai')).text()).toContain('sản phẩm OCOP');
    const bad = await officer.post('/chuyen-gia/do-van-hai/sua', { name: '', headline: '' });
    expect(bad.status).toBe(422);
    expect((await (await as('hai@test.vn')).get('/chuyen-gia/do-van-hai/sua')).status).toBe(403);
    expect((await (await as('founder@test.vn')).post('/chuyen-gia/do-van-hai/sua', {})).status).toBe(403);
    expect((await officer.get('/chuyen-gia/khong-co/sua')).status).toBe(404);
    const [row] = await rt.db
      .select({ isPublic: expertProfile.isPublic })
      .from(expertProfile)
      .where(eq(expertProfile.slug, 'do-van-hai'));
    expect(row?.isPublic).toBe(true);
  });

  it('staff get the directory as CSV', async () => {
    const res = await (await as('officer@test.vn')).get('/chuyen-gia.csv?specialty=legal');
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('Luật sư Đỗ Văn Hải');
    expect(csv).not.toContain('Phương Thảo');
  });
});

describe('the experts API', () => {
  it('lists public profiles with filters and shows one; hidden ones are 404 except for staff', async () => {
    const res = await rt.app.request('/api/v1/experts?q=thuc%20pham&specialty=food_safety');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { slug: string; specialties: string[] }[] };
    expect(body.items.map((e) => e.slug)).toEqual(['le-thi-phuong-thao']);
    expect(body.items[0]?.specialties).toContain('production');
    expect((await rt.app.request('/api/v1/experts?specialty=nonsense')).status).toBe(422);
    const one = (await (await rt.app.request('/api/v1/experts/le-thi-phuong-thao')).json()) as Record<string, unknown>;
    expect(one.name).toBe('PGS.TS. Lê Thị Phương Thảo');
    expect(JSON.stringify(one)).not.toContain('thao@test.vn');
    const hidden = await createUser(rt.deps, { name: 'Chuyên gia ẩn', email: 'an@test.vn', password, role: 'expert' });
    await rt.db.insert(expertProfile).values({
      userId: hidden.id,
      slug: 'chuyen-gia-an',
      name: 'Chuyên gia ẩn',
      headline: 'Hồ sơ chưa công khai',
      isPublic: false,
    });
    expect((await rt.app.request('/api/v1/experts/chuyen-gia-an')).status).toBe(404);
    expect((await (await as('officer@test.vn')).get('/api/v1/experts/chuyen-gia-an')).status).toBe(200);
  });
});
