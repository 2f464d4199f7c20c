import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFile } from '#kernel/files/files.sql.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser, publishedProject } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import {
  brokenPdfBytes,
  exeBytes,
  fileOf,
  hugePngHeader,
  pdfBytes,
  photoWithGps,
  pngBytes,
} from '#src/testing/files.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { product, productImage, productInquiry, productListing } from './products.sql.ts';

let rt: TestRuntime;
const password = 'mat-khau-san-pham';
const browsers: Record<'founder' | 'other' | 'officer' | 'partner' | 'anon', TestBrowser> = {} as never;
let projectSlug = '';
let privateSlug = '';

const baseProject = {
  description: '',
  type: 'product' as const,
  field: 'food' as const,
  stage: 'market' as const,
  members: [],
  needs: [],
  awards: [],
  links: [],
};

const validProduct = {
  name: 'Thạch đen Hồng Nhung đóng cốc',
  category: 'food',
  description: 'Thạch đen nấu từ cây thạch đen Tràng Định, không chất bảo quản.',
  unit: 'cốc 200 g',
  priceMinVnd: '8000',
  priceMaxVnd: '10000',
  minOrder: '200 cốc',
  capacity: '3.000 cốc mỗi tháng',
  ocopStars: '',
  ocopCertificateNo: '',
  ocopExpiresOn: '',
  isPublic: 'on',
};

beforeAll(async () => {
  rt = await testRuntime();
  const founder = await createUser(rt.deps, {
    name: 'Hoàng Thị Nhung',
    email: 'nhung@sp.vn',
    password,
    role: 'founder',
  });
  await createUser(rt.deps, { name: 'Vi Văn Khác', email: 'khac@sp.vn', password, role: 'founder' });
  await createUser(rt.deps, { name: 'Lương Thu Hà', email: 'canbo@sp.vn', password, role: 'officer' });
  await createUser(rt.deps, { name: 'Trần Ngọc Ánh', email: 'doitac@sp.vn', password, role: 'partner' });
  const p = await publishedProject(rt.deps, {
    actor: founder,
    input: {
      ...baseProject,
      name: 'Thạch đen Hồng Nhung',
      summary: 'Thạch đen Tràng Định đóng cốc.',
      commune: 'that-khe',
      consentToPublish: true,
      isPublic: true,
    },
  });
  projectSlug = p.slug;
  const hidden = await publishedProject(rt.deps, {
    actor: founder,
    input: {
      ...baseProject,
      name: 'Dự án chưa công khai',
      summary: 'Chỉ nhóm và Sở được xem.',
      commune: 'that-khe',
      consentToPublish: false,
      isPublic: false,
    },
  });
  privateSlug = hidden.slug;
  for (const [key, email] of [
    ['founder', 'nhung@sp.vn'],
    ['other', 'khac@sp.vn'],
    ['officer', 'canbo@sp.vn'],
    ['partner', 'doitac@sp.vn'],
  ] as const) {
    browsers[key] = new TestBrowser(rt.app);
    await browsers[key].signIn(email, password);
  }
  browsers.anon = new TestBrowser(rt.app);
});
afterAll(() => rt.close());

async function productCount() {
  return (await rt.db.select({ id: product.id }).from(product)).length;
}

async function fileCount() {
  return (await rt.db.select({ id: storedFile.id }).from(storedFile)).length;
}

describe('a founder adds a product with photos', () => {
  it('stores it with two photos, re-encoded without GPS, and shows it on the showcase', async () => {
    const photos = [
      fileOf(await photoWithGps(2400, 1800), 'thach-den.jpg', 'image/jpeg'),
      fileOf(await pngBytes(800, 600), 'coc.png', 'image/png'),
    ];
    const res = await browsers.founder.postFiles(`/du-an/${projectSlug}/san-pham/moi`, validProduct, {
      images: photos,
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe('/san-pham/thach-den-hong-nhung-dong-coc');

    const page = await (await browsers.anon.get('/san-pham/thach-den-hong-nhung-dong-coc')).text();
    expect(page).toContain('Thạch đen Hồng Nhung đóng cốc');
    expect(page).toContain('8.000 – 10.000 ₫ / cốc 200 g');
    const images = [...page.matchAll(/src="(\/anh-san-pham\/[0-9a-f-]+\/nho)"/g)].map((m) => m[1]);
    expect(images).toHaveLength(2);

    const full = await browsers.anon.get((images[0] ?? '').replace('/nho', '/lon'));
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(full.headers.get('content-security-policy')).toContain('sandbox');
    const bytes = new Uint8Array(await full.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 900]);
    expect(meta.exif).toBeUndefined();
    const thumb = await sharp(
      new Uint8Array(await (await browsers.anon.get(images[0] ?? '')).arrayBuffer()),
    ).metadata();
    expect(thumb.width).toBe(480);

    const again = await browsers.anon.request((images[0] ?? '').replace('/nho', '/lon'), {
      headers: { 'if-none-match': full.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);

    const showcase = await (await browsers.anon.get('/san-pham')).text();
    expect(showcase).toContain('Thạch đen Hồng Nhung đóng cốc');
  });

  it('keeps a chosen photo when the form comes back with an error: listed ticked, stored on the next submit without choosing it again', async () => {
    const path = `/du-an/${projectSlug}/san-pham/moi`;
    const first = await browsers.founder.postFiles(
      path,
      { ...validProduct, name: 'Miến dong Bình Gia', priceMinVnd: '20000', priceMaxVnd: '10000' },
      { images: [fileOf(await pngBytes(640, 480), 'mien-dong.png', 'image/png')] },
    );
    expect(first.status).toBe(422);
    const html = await first.text();
    expect(html).toContain('Tệp đã chọn lần trước');
    const held = /name="held\.images" value="([^"]+)" checked/.exec(html)?.[1] ?? '';
    expect(held).toMatch(/:mien-dong\.png$/);

    // Someone else cannot send that file as theirs: the held file is the chooser's only.
    const stranger = await browsers.officer.post(path, { ...validProduct, name: 'Miến dong lạ', 'held.images': held });
    if (stranger.status === 303) {
      const page = await (await browsers.anon.get(stranger.headers.get('location') ?? '')).text();
      expect(page).not.toMatch(/src="\/anh-san-pham\//);
    }

    const second = await browsers.founder.post(path, {
      ...validProduct,
      name: 'Miến dong Bình Gia',
      'held.images': held,
    });
    expect(second.status, await second.clone().text()).toBe(303);
    const page = await (await browsers.anon.get(second.headers.get('location') ?? '')).text();
    expect([...page.matchAll(/src="(\/anh-san-pham\/[0-9a-f-]+\/nho)"/g)]).toHaveLength(1);

    // Used once: sending the same form again stores no second copy.
    const third = await browsers.founder.post(path, {
      ...validProduct,
      name: 'Miến dong Bình Gia 2',
      'held.images': held,
    });
    const page3 = await (await browsers.anon.get(third.headers.get('location') ?? '')).text();
    expect(page3).not.toMatch(/src="\/anh-san-pham\//);
  });

  it('refuses a program renamed .jpg: 422, a clear message, what was typed kept, nothing stored', async () => {
    const [products, files] = [await productCount(), await fileCount()];
    const res = await browsers.founder.postFiles(
      `/du-an/${projectSlug}/san-pham/moi`,
      { ...validProduct, name: 'Bún ngô Thuận Anh' },
      { images: [fileOf(exeBytes(), 'anh.jpg', 'image/jpeg')] },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tệp này không phải ảnh');
    expect(html).toContain('value="Bún ngô Thuận Anh"');
    expect(html).toContain('Thạch đen nấu từ cây thạch đen Tràng Định');
    expect([await productCount(), await fileCount()]).toEqual([products, files]);
  });

  it('refuses a 30 MB photo and a 20000 × 20000 PNG with messages that say what to do; a good photo beside them is not stored either', async () => {
    const [products, files] = [await productCount(), await fileCount()];
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set(await photoWithGps(64, 64));
    const large = await browsers.founder.postFiles(
      `/du-an/${projectSlug}/san-pham/moi`,
      { ...validProduct, name: 'Miến dong Hội Hoan' },
      {
        images: [fileOf(await pngBytes(), 'ok.png', 'image/png'), fileOf(big, 'anh-lon.jpg', 'image/jpeg')],
      },
    );
    expect(large.status).toBe(422);
    const html = await large.text();
    expect(html).toContain('Tệp quá lớn: tối đa 10 MB mỗi tệp.');
    expect(html).toContain('value="Miến dong Hội Hoan"');
    expect(html).toContain('value="3.000 cốc mỗi tháng"');

    const bomb = await browsers.founder.postFiles(`/du-an/${projectSlug}/san-pham/moi`, validProduct, {
      images: [fileOf(hugePngHeader(), 'anh.png', 'image/png')],
    });
    expect(bomb.status).toBe(422);
    expect(await bomb.text()).toContain('tối đa 40 triệu điểm ảnh');
    expect([await productCount(), await fileCount()]).toEqual([products, files]);
  });

  it('bad input is a 422 with messages at the fields, never a 500', async () => {
    const res = await browsers.founder.postFiles(
      `/du-an/${projectSlug}/san-pham/moi`,
      { ...validProduct, name: 'A', category: 'weapons', priceMinVnd: 'nhiều' },
      {},
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Cần ít nhất 3 ký tự.');
    expect(html).toContain('Vui lòng chọn một giá trị trong danh sách.');
    const rules = await browsers.founder.postFiles(
      `/du-an/${projectSlug}/san-pham/moi`,
      { ...validProduct, priceMinVnd: '9000', priceMaxVnd: '100', ocopStars: '4' },
      {},
    );
    expect(rules.status).toBe(422);
    const second = await rules.text();
    expect(second).toContain('Giá đến phải lớn hơn hoặc bằng giá từ.');
    expect(second).toContain('Nhập số giấy chứng nhận OCOP.');
  });

  it('only the team and staff add products; others are refused', async () => {
    expect((await browsers.other.get(`/du-an/${projectSlug}/san-pham/moi`)).status).toBe(403);
    expect((await browsers.partner.postFiles(`/du-an/${projectSlug}/san-pham/moi`, validProduct, {})).status).toBe(403);
    expect((await browsers.officer.get(`/du-an/${projectSlug}/san-pham/moi`)).status).toBe(200);
  });

  it('a product name cannot break out of its structured data', async () => {
    const res = await browsers.founder.postFiles(
      `/du-an/${projectSlug}/san-pham/moi`,
      { ...validProduct, name: 'Trà </script><script>alert(1)</script>' },
      {},
    );
    expect(res.status).toBe(303);
    const html = await (await browsers.anon.get(res.headers.get('location') ?? '')).text();
    expect(html).not.toContain('<script>alert(1)');
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const data = JSON.parse(block) as { '@type': string; name: string; brand: { name: string } };
    expect(data['@type']).toBe('Product');
    expect(data.name).toBe('Trà </script><script>alert(1)</script>');
    expect(data.brand.name).toBe('Thạch đen Hồng Nhung');
    expect(html).toContain('<meta property="og:title"');
  });
});

describe('the market-readiness checklist', () => {
  const slug = 'thach-den-hong-nhung-dong-coc';
  const item = (code: string, fields: Record<string, string>, file?: File) =>
    browsers.founder.postFiles(
      `/san-pham/${slug}/dieu-kien/${code}`,
      { status: 'done', variant: '', number: '', issuedOn: '', expiresOn: '', note: '', ...fields },
      file ? { file: [file] } : {},
    );

  it('shows what is missing, with a one-click request for help of the right kind', async () => {
    const html = await (await browsers.founder.get(`/san-pham/${slug}/dieu-kien`)).text();
    expect(html).toContain('Sản phẩm chưa đủ điều kiện lưu thông');
    expect(html).toContain('Đạt 0/7 mục bắt buộc.');
    const help = [...html.matchAll(/href="(\/yeu-cau\/moi\?[^"]+)"/g)].map(
      (m) => new URL((m[1] ?? '').replace(/&amp;/g, '&'), 'http://x').searchParams,
    );
    const trademark = help.find((q) => q.get('loai') === 'consulting_ip');
    expect(trademark?.get('du_an')).toBe(projectSlug);
    expect(trademark?.get('noi_dung')).toContain('Nhãn hiệu');
    expect(help.filter((q) => q.get('loai') === 'consulting_standards')).toHaveLength(5);
  });

  it('a done item needs its form (household, cooperative…), and a broken PDF is refused with the typed number kept', async () => {
    const noVariant = await item('legal_entity', {});
    expect(noVariant.status).toBe(422);
    expect(await noVariant.text()).toContain('Vui lòng chọn hình thức.');
    const broken = await item(
      'self_declaration',
      { number: '01/2022/TCB-HN' },
      fileOf(brokenPdfBytes(), 'tu-cong-bo.pdf', 'application/pdf'),
    );
    expect(broken.status).toBe(422);
    const html = await broken.text();
    expect(html).toContain('Tệp bị hỏng hoặc chưa tải lên đủ');
    expect(html).toContain('value="01/2022/TCB-HN"');
    const exe = await item('label', {}, fileOf(exeBytes(), 'nhan.pdf', 'application/pdf'));
    expect(exe.status).toBe(422);
    expect(await exe.text()).toContain('Chỉ nhận tệp PDF hoặc ảnh');
  });

  it('documents are for the team and officers only', async () => {
    const res = await item(
      'self_declaration',
      { number: '01/2022/TCB-HN', issuedOn: '2022-03-01' },
      fileOf(pdfBytes('Tu cong bo'), 'tự công bố.pdf', 'application/pdf'),
    );
    expect(res.status).toBe(303);
    const path = `/san-pham/${slug}/dieu-kien/self_declaration/tai-lieu`;
    const own = await browsers.founder.get(path);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect((await browsers.officer.get(path)).status).toBe(200);
    expect((await browsers.other.get(path)).status).toBe(403);
    expect((await browsers.partner.get(path)).status).toBe(403);
    expect((await browsers.anon.get(path)).status).toBe(303);
  });

  it('becomes ready for market once an officer verifies every required item; a later change waits for a new check', async () => {
    for (const [code, fields] of [
      ['legal_entity', { variant: 'household', number: '14A8001234' }],
      ['food_safety', { variant: 'certificate', number: '125/2022/ATTP-CNĐK', expiresOn: '2099-01-01' }],
      ['label', {}],
      ['barcode', { number: '893 8512 34' }],
      ['traceability', {}],
      ['trademark', { variant: 'filed', number: '4-2022-12345' }],
    ] as const) {
      expect((await item(code, fields)).status).toBe(303);
    }
    expect(await (await browsers.anon.get('/san-pham?ready=1')).text()).not.toContain('Thạch đen Hồng Nhung đóng cốc');
    expect((await browsers.founder.post(`/san-pham/${slug}/dieu-kien/label/xac-nhan`)).status).toBe(403);
    for (const code of [
      'legal_entity',
      'food_safety',
      'self_declaration',
      'label',
      'barcode',
      'traceability',
      'trademark',
    ]) {
      expect((await browsers.officer.post(`/san-pham/${slug}/dieu-kien/${code}/xac-nhan`)).status).toBe(303);
    }
    const checklist = await (await browsers.founder.get(`/san-pham/${slug}/dieu-kien`)).text();
    expect(checklist).toContain('Sản phẩm đủ điều kiện lưu thông');
    expect(checklist).toContain('Đạt 7/7 mục bắt buộc.');
    expect(await (await browsers.anon.get('/san-pham?ready=1')).text()).toContain('Thạch đen Hồng Nhung đóng cốc');
    const page = await (await browsers.anon.get(`/san-pham/${slug}`)).text();
    expect(page).toContain('Đủ điều kiện lưu thông');
    expect(page).toContain('Tự công bố chất lượng');

    expect((await item('barcode', { number: '893 8512 99' })).status).toBe(303);
    const after = await (await browsers.founder.get(`/san-pham/${slug}/dieu-kien`)).text();
    expect(after).toContain('Sản phẩm chưa đủ điều kiện lưu thông');
    expect(after).toContain('1 mục đang chờ cán bộ Sở xác nhận.');
    expect((await browsers.officer.post(`/san-pham/${slug}/dieu-kien/barcode/xac-nhan`)).status).toBe(303);
  });

  it('warns before a document expires, and an expired one takes the product off "ready"', async () => {
    const soon = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    expect(
      (await item('food_safety', { variant: 'certificate', number: '125/2022/ATTP-CNĐK', expiresOn: soon })).status,
    ).toBe(303);
    expect((await browsers.officer.post(`/san-pham/${slug}/dieu-kien/food_safety/xac-nhan`)).status).toBe(303);
    const html = await (await browsers.founder.get(`/san-pham/${slug}/dieu-kien`)).text();
    expect(html).toContain('Sắp hết hạn');
    expect(html).toMatch(/An toàn thực phẩm hết hạn ngày \d\d\/\d\d\/\d{4} \(còn (29|30|31) ngày\)/);
    expect(html).toContain('Sản phẩm đủ điều kiện lưu thông');

    expect(
      (
        await item('food_safety', {
          variant: 'certificate',
          number: '125/2022/ATTP-CNĐK',
          issuedOn: '2019-01-01',
          expiresOn: '2022-01-01',
        })
      ).status,
    ).toBe(303);
    expect((await browsers.officer.post(`/san-pham/${slug}/dieu-kien/food_safety/xac-nhan`)).status).toBe(303);
    const expired = await (await browsers.founder.get(`/san-pham/${slug}/dieu-kien`)).text();
    expect(expired).toContain('Đã hết hạn');
    expect(expired).toContain('Sản phẩm chưa đủ điều kiện lưu thông');
    expect(await (await browsers.anon.get('/san-pham?ready=1')).text()).not.toContain('Thạch đen Hồng Nhung đóng cốc');
    // renewed
    expect(
      (await item('food_safety', { variant: 'certificate', number: '126/2025/ATTP-CNĐK', expiresOn: '2099-01-01' }))
        .status,
    ).toBe(303);
    expect((await browsers.officer.post(`/san-pham/${slug}/dieu-kien/food_safety/xac-nhan`)).status).toBe(303);
  });
});

describe('the public showcase', () => {
  beforeAll(async () => {
    for (const [name, category, ocopStars, ocopCertificateNo, isPublic] of [
      ['Bún ngô Thuận Anh', 'food', '3', '125/QĐ-UBND', 'on'],
      ['Túi thổ cẩm Nùng Dao', 'handicraft', '', '', 'on'],
      ['Thạch đen bản nháp', 'food', '', '', ''],
    ] as const) {
      const res = await browsers.founder.postFiles(
        `/du-an/${projectSlug}/san-pham/moi`,
        {
          ...validProduct,
          name,
          description: `${name}, làm thủ công.`,
          category,
          ocopStars,
          ocopCertificateNo,
          isPublic,
        },
        {},
      );
      expect(res.status).toBe(303);
    }
    const hidden = await browsers.founder.postFiles(
      `/du-an/${privateSlug}/san-pham/moi`,
      { ...validProduct, name: 'Thạch đen riêng tư' },
      {},
    );
    expect(hidden.status).toBe(303);
  });

  it('finds products without diacritics and in any word order, best match first', async () => {
    const html = await (await browsers.anon.get('/san-pham?q=thach+den')).text();
    expect(html).toContain('Thạch đen Hồng Nhung đóng cốc');
    expect(html).not.toContain('Bún ngô Thuận Anh');
    expect(await (await browsers.anon.get('/san-pham?q=ngo+bun')).text()).toContain('Bún ngô Thuận Anh');
    expect(await (await browsers.anon.get('/san-pham?q=hat+dieu')).text()).toContain('Không có kết quả phù hợp');
  });

  it('filters by category, commune and OCOP stars; odd filter values are ignored', async () => {
    const crafts = await (await browsers.anon.get('/san-pham?category=handicraft')).text();
    expect(crafts).toContain('Túi thổ cẩm Nùng Dao');
    expect(crafts).not.toContain('Bún ngô Thuận Anh');
    const ocop = await (await browsers.anon.get('/san-pham?ocop=3')).text();
    expect(ocop).toContain('Bún ngô Thuận Anh');
    expect(ocop).not.toContain('Túi thổ cẩm Nùng Dao');
    expect(await (await browsers.anon.get('/san-pham?commune=that-khe')).text()).toContain('Túi thổ cẩm Nùng Dao');
    expect(await (await browsers.anon.get('/san-pham?commune=dong-dang')).text()).not.toContain('Túi thổ cẩm Nùng Dao');
    expect((await browsers.anon.get('/san-pham?category=%3Cscript%3E&ocop=9&page=-1')).status).toBe(200);
  });

  it('keeps unpublished products and products of private projects off the showcase and the sitemap', async () => {
    const html = await (await browsers.officer.get('/san-pham?q=thach')).text();
    expect(html).not.toContain('Thạch đen bản nháp');
    expect(html).not.toContain('Thạch đen riêng tư');
    expect((await browsers.anon.get('/san-pham/thach-den-rieng-tu')).status).toBe(404);
    expect((await browsers.other.get('/san-pham/thach-den-ban-nhap')).status).toBe(404);
    expect((await browsers.founder.get('/san-pham/thach-den-ban-nhap')).status).toBe(200);
    const sitemap = await (await browsers.anon.get('/sitemap.xml')).text();
    expect(sitemap).toContain('<loc>http://localhost/san-pham/thach-den-hong-nhung-dong-coc</loc>');
    expect(sitemap).toContain(`<loc>http://localhost/du-an/${projectSlug}</loc>`);
    expect(sitemap).not.toContain('thach-den-ban-nhap');
    expect(sitemap).not.toContain(privateSlug);
  });
});

describe('platform listings', () => {
  const slug = 'thach-den-hong-nhung-dong-coc';
  const listing = {
    platform: 'techfest247',
    url: 'https://techfest.vn/gian-hang/thach-den',
    listedOn: '2021-08-16',
    status: 'pending',
    note: '',
  };

  it('an officer records a listing; it is one ledger entry, updated with the listing, never counted twice', async () => {
    expect((await browsers.founder.post(`/san-pham/${slug}/niem-yet/moi`, listing)).status).toBe(403);
    const bad = await browsers.officer.post(`/san-pham/${slug}/niem-yet/moi`, {
      ...listing,
      url: 'techfest',
      listedOn: '16/08/2021',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('bắt đầu bằng http://');
    expect((await browsers.officer.post(`/san-pham/${slug}/niem-yet/moi`, listing)).status).toBe(303);
    const entries = () => ledgerEntries(rt.db, { kind: 'platform_listing' });
    const [first] = await entries();
    expect(first?.status).toBe('in_progress');
    expect(first?.title).toBe('Đưa sản phẩm “Thạch đen Hồng Nhung đóng cốc” lên Techfest 247 (không gian số quốc gia)');
    expect(first?.sourceKind).toBe('listing');

    const page = await (await browsers.officer.get(`/san-pham/${slug}`)).text();
    const editPath = /href="(\/san-pham\/[^"]+\/niem-yet\/[0-9a-f-]{36})"/.exec(page)?.[1] ?? '';
    expect((await browsers.officer.post(editPath, { ...listing, status: 'live' })).status).toBe(303);
    const all = await entries();
    expect(all).toHaveLength(1);
    expect(all[0]?.status).toBe('done');
    expect(all[0]?.evidenceLinks).toEqual(['https://techfest.vn/gian-hang/thach-den']);

    const publicPage = await (await browsers.anon.get(`/san-pham/${slug}`)).text();
    expect(publicPage).toContain('Techfest 247');
    expect(publicPage).toContain('Đang bán');
    const timeline = await (await browsers.founder.get(`/du-an/${projectSlug}`)).text();
    expect(timeline).toContain('Đưa sản phẩm “Thạch đen Hồng Nhung đóng cốc” lên Techfest 247');
  });
});

describe('buyers’ inquiries', () => {
  const slug = 'thach-den-hong-nhung-dong-coc';
  const inquiry = {
    name: 'Nguyễn Văn Mua',
    organisation: 'Chuỗi siêu thị Happy mart',
    email: 'mua@happymart.vn',
    phone: '0912 345 678',
    quantity: '500 cốc mỗi tuần',
    message: 'Chúng tôi muốn nhập thạch đen cho 12 cửa hàng tại Hà Nội.',
  };

  it('bad input keeps what was typed; a robot filling the hidden field is refused', async () => {
    const bad = await browsers.anon.post(`/san-pham/${slug}/hoi-mua`, { ...inquiry, email: 'not-an-email' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Nhập email đúng dạng');
    expect(html).toContain('Chúng tôi muốn nhập thạch đen cho 12 cửa hàng tại Hà Nội.');
    expect((await browsers.anon.post(`/san-pham/${slug}/hoi-mua`, { ...inquiry, website: 'http://spam' })).status).toBe(
      422,
    );
    expect((await rt.db.select().from(productInquiry)).length).toBe(0);
  });

  it('reaches the officer and the founder by e-mail and on their inquiry list', async () => {
    const res = await browsers.anon.post(`/san-pham/${slug}/hoi-mua`, inquiry);
    expect(res.status).toBe(303);
    const mails = await rt.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subject, 'Có người hỏi mua sản phẩm “Thạch đen Hồng Nhung đóng cốc”'));
    expect(mails.map((m) => m.to).sort()).toEqual(['canbo@sp.vn', 'nhung@sp.vn']);
    expect(mails[0]?.text).toContain('mua@happymart.vn');
    expect(mails[0]?.text).toContain('http://localhost/hoi-mua');
    expect(await (await browsers.officer.get('/hoi-mua')).text()).toContain('Chuỗi siêu thị Happy mart');
    expect(await (await browsers.founder.get('/hoi-mua')).text()).toContain('Chuỗi siêu thị Happy mart');
    expect(await (await browsers.founder.get(`/du-an/${projectSlug}/san-pham`)).text()).toContain('Nguyễn Văn Mua');
    expect(await (await browsers.other.get('/hoi-mua')).text()).not.toContain('Happy mart');
    expect((await browsers.partner.get('/hoi-mua')).status).toBe(403);
  });
});

describe('a flood of inquiries', () => {
  it('one address gets 5 inquiries in 15 minutes; the 6th is refused with 429 and nothing is sent', async () => {
    const slug = 'thach-den-hong-nhung-dong-coc';
    const spammer = new TestBrowser(rt.app);
    const from = { 'x-forwarded-for': '203.0.113.9' };
    const send = async () => {
      const body = new URLSearchParams({
        _csrf: await spammer.csrfToken(),
        name: 'Người Gửi Nhiều',
        email: 'nhieu@vi-du.vn',
        message: 'Xin báo giá sỉ cho cửa hàng của chúng tôi.',
      });
      return spammer.request(`/san-pham/${slug}/hoi-mua`, {
        method: 'POST',
        body,
        headers: { ...from, 'content-type': 'application/x-www-form-urlencoded' },
      });
    };
    const before = (await rt.db.select().from(productInquiry)).length;
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(303);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Vui lòng đợi 15 phút');
    expect((await rt.db.select().from(productInquiry)).length).toBe(before + 5);
  });
});

describe('export for national platforms', () => {
  it('staff download a ZIP with README, JSON, CSV, xlsx and the photos; others may not', async () => {
    const [p] = await rt.db
      .select({ id: product.id })
      .from(product)
      .where(eq(product.slug, 'thach-den-hong-nhung-dong-coc'));
    expect((await browsers.founder.get(`/san-pham/xuat.zip?id=${p?.id}`)).status).toBe(403);
    expect((await browsers.officer.get('/san-pham/xuat.zip')).status).toBe(422);
    const res = await browsers.officer.get(`/san-pham/xuat.zip?id=${p?.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual([
      'README.txt',
      'san-pham.json',
      'san-pham.csv',
      'san-pham.xlsx',
      'anh/thach-den-hong-nhung-dong-coc-1.jpg',
      'anh/thach-den-hong-nhung-dong-coc-2.jpg',
    ]);
    const json = JSON.parse(new TextDecoder().decode(files['san-pham.json'])) as {
      format: string;
      products: { name: string; readiness: { ready: boolean }; listings: unknown[]; images: string[] }[];
    };
    expect(json.format).toBe('ket-noi-products');
    expect(json.products[0]?.name).toBe('Thạch đen Hồng Nhung đóng cốc');
    expect(json.products[0]?.readiness.ready).toBe(true);
    expect(json.products[0]?.listings).toHaveLength(1);
    expect(json.products[0]?.images).toHaveLength(2);
  });
});

describe('photos', () => {
  it('a removed photo is gone with its files', async () => {
    const [p] = await rt.db
      .select({ id: product.id })
      .from(product)
      .where(eq(product.slug, 'thach-den-hong-nhung-dong-coc'));
    const [image] = await rt.db
      .select()
      .from(productImage)
      .where(eq(productImage.productId, p?.id ?? ''));
    expect((await browsers.other.post(`/san-pham/thach-den-hong-nhung-dong-coc/anh/${image?.id}/xoa`)).status).toBe(
      403,
    );
    expect((await browsers.founder.post(`/san-pham/thach-den-hong-nhung-dong-coc/anh/${image?.id}/xoa`)).status).toBe(
      303,
    );
    expect(
      await rt.db
        .select()
        .from(productImage)
        .where(and(eq(productImage.id, image?.id ?? ''))),
    ).toEqual([]);
    expect(
      await rt.db
        .select({ id: storedFile.id })
        .from(storedFile)
        .where(eq(storedFile.id, image?.fileId ?? '')),
    ).toEqual([]);
    expect((await browsers.anon.get(`/anh-san-pham/${image?.id}/lon`)).status).toBe(404);
  });
});

describe('the JSON API', () => {
  it('lists and shows public products, searched without diacritics', async () => {
    const list = (await (await browsers.anon.get('/api/v1/products?q=bun+ngo')).json()) as {
      items: { id: string; name: string; ocopStars: number | null }[];
    };
    expect(list.items.map((i) => i.name)).toEqual(['Bún ngô Thuận Anh']);
    const one = (await (await browsers.anon.get(`/api/v1/products/${list.items[0]?.id}`)).json()) as {
      name: string;
      ocop: { stars: number };
    };
    expect(one.ocop.stars).toBe(3);
    expect((await browsers.anon.get(`/api/v1/products/${list.items[0]?.id}/readiness`)).status).toBe(401);
    expect((await browsers.founder.get(`/api/v1/products/${list.items[0]?.id}/readiness`)).status).toBe(200);
  });

  it('staff record a listing with JSON (and the CSRF header); bad input is a 422 with field messages', async () => {
    const [p] = await rt.db.select({ id: product.id }).from(product).where(eq(product.slug, 'bun-ngo-thuan-anh'));
    const post = async (b: TestBrowser, body: unknown) =>
      b.request(`/api/v1/products/${p?.id}/listings`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'x-csrf-token': await b.csrfToken() },
      });
    expect(
      (await post(browsers.founder, { platform: 'postmart', listedOn: '2022-01-01', status: 'live' })).status,
    ).toBe(403);
    const bad = await post(browsers.officer, {
      platform: 'postmart',
      listedOn: '01/01/2022',
      status: 'live',
      url: 'postmart',
    });
    expect(bad.status).toBe(422);
    const error = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.error.fields).sort()).toEqual(['listedOn', 'url']);
    const ok = await post(browsers.officer, {
      platform: 'postmart',
      listedOn: '2022-01-01',
      status: 'live',
      url: 'https://postmart.vn/bun-ngo',
    });
    expect(ok.status).toBe(201);
    const listings = (await (await browsers.anon.get(`/api/v1/products/${p?.id}/listings`)).json()) as {
      items: { platform: string }[];
    };
    expect(listings.items.map((l) => l.platform)).toEqual(['postmart']);
  });
});

describe('relisting', () => {
  const slug = 'thach-den-hong-nhung-dong-coc';
  const listing = {
    platform: 'techfest247',
    url: 'https://techfest.vn/gian-hang/thach-den',
    listedOn: '2021-08-16',
    status: 'pending',
    note: '',
  };

  it('listing it on the same platform again relists it: one listing, one ledger entry, the new date', async () => {
    const relisted = {
      ...listing,
      listedOn: '2022-03-10',
      status: 'live',
      url: 'https://techfest.vn/gian-hang/thach-den-2',
    };
    expect((await browsers.officer.post(`/san-pham/${slug}/niem-yet/moi`, relisted)).status).toBe(303);
    const [p] = await rt.db.select({ id: product.id }).from(product).where(eq(product.slug, slug));
    const listings = await rt.db
      .select()
      .from(productListing)
      .where(eq(productListing.productId, p?.id ?? ''));
    expect(listings.map((l) => [l.platform, l.listedOn, l.url])).toEqual([
      ['techfest247', '2022-03-10', 'https://techfest.vn/gian-hang/thach-den-2'],
    ]);
    const entries = await ledgerEntries(rt.db, { kind: 'platform_listing', sourceId: listings[0]?.id ?? '' });
    expect(entries.map((e) => [e.startedOn, e.status])).toEqual([['2022-03-10', 'done']]);
    const ofProduct = async () => {
      const ids = (
        await rt.db
          .select()
          .from(productListing)
          .where(eq(productListing.productId, p?.id ?? ''))
      ).map((l) => l.id);
      return (await ledgerEntries(rt.db, { kind: 'platform_listing' })).filter((e) => ids.includes(e.sourceId ?? ''));
    };
    expect(await ofProduct()).toHaveLength(1);

    // Moving another listing onto a platform the product is already on is refused, with the reason.
    expect(
      (await browsers.officer.post(`/san-pham/${slug}/niem-yet/moi`, { ...listing, platform: 'postmart' })).status,
    ).toBe(303);
    const postmart = (
      await rt.db
        .select()
        .from(productListing)
        .where(eq(productListing.productId, p?.id ?? ''))
    ).find((l) => l.platform === 'postmart');
    const moved = await browsers.officer.post(`/san-pham/${slug}/niem-yet/${postmart?.id}`, {
      ...listing,
      platform: 'techfest247',
    });
    expect(moved.status).toBe(422);
    expect(await moved.text()).toContain('Sản phẩm đã có một gian hàng trên nền tảng này.');
    expect(await ofProduct()).toHaveLength(2);
  });
});
