import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createPartner } from '#modules/partners/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser, publishedProject } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { exeBytes, fileOf, pdfBytes } from '#src/testing/files.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { productInquiry } from '../catalogue/products.sql.ts';
import { salesGrowthPercent } from './connections.service.ts';

let rt: TestRuntime;
const password = 'mat-khau-ket-noi';
const b = {} as Record<'founder' | 'other' | 'officer' | 'buyer' | 'otherPartner', TestBrowser>;
let partnerId = '';
let projectSlug = '';
const productSlug = 'thach-den-hong-nhung';

beforeAll(async () => {
  rt = await testRuntime();
  const founder = await createUser(rt.deps, {
    name: 'Hoàng Thị Nhung',
    email: 'nhung@kn.vn',
    password,
    role: 'founder',
  });
  await createUser(rt.deps, { name: 'Vi Văn Khác', email: 'khac@kn.vn', password, role: 'founder' });
  const officer = await createUser(rt.deps, { name: 'Lương Thu Hà', email: 'canbo@kn.vn', password, role: 'officer' });
  const buyer = await createUser(rt.deps, {
    name: 'Trần Ngọc Ánh',
    email: 'mua@happymart.vn',
    password,
    role: 'partner',
  });
  await createUser(rt.deps, { name: 'Lý Văn Bán', email: 'ban@khac.vn', password, role: 'partner' });
  const happy = await createPartner({
    db: rt.db,
    actor: officer,
    input: {
      slug: 'happy-mart',
      name: 'Chuỗi siêu thị Happy mart',
      kind: 'supermarket',
      summary: 'Chuỗi siêu thị tại Hà Nội.',
      description: '',
      offers: [],
      fields: [],
      communes: [],
      anywhere: false,
      address: '',
      website: '',
      contactName: '',
      contactPhone: '',
      contactEmail: '',
      isPublic: true,
    },
  });
  partnerId = happy.id;
  await addMember({ db: rt.db, actor: officer, slug: happy.slug, email: buyer.email });
  const p = await publishedProject(rt.deps, {
    actor: founder,
    input: {
      name: 'Thạch đen Tràng Định',
      summary: 'Thạch đen đóng cốc.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: [],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  projectSlug = p.slug;
  for (const [k, email] of [
    ['founder', 'nhung@kn.vn'],
    ['other', 'khac@kn.vn'],
    ['officer', 'canbo@kn.vn'],
    ['buyer', 'mua@happymart.vn'],
    ['otherPartner', 'ban@khac.vn'],
  ] as const) {
    b[k] = new TestBrowser(rt.app);
    await b[k].signIn(email, password);
  }
  const created = await b.founder.postFiles(
    `/du-an/${projectSlug}/san-pham/moi`,
    { name: 'Thạch đen Hồng Nhung', category: 'food', isPublic: 'on' },
    {},
  );
  expect(created.status).toBe(303);
  const doc = await b.founder.postFiles(
    `/san-pham/${productSlug}/dieu-kien/self_declaration`,
    { status: 'done', number: '01/2022/TCB' },
    { file: [fileOf(pdfBytes(), 'tcb.pdf', 'application/pdf')] },
  );
  expect(doc.status).toBe(303);
});
afterAll(() => rt.close());

describe('sales growth', () => {
  it('is computed from the sales before and after, never typed', () => {
    expect(salesGrowthPercent(500_000_000, 650_000_000)).toBe(30);
    expect(salesGrowthPercent(300, 200)).toBe(-33);
    expect(salesGrowthPercent(0, 100)).toBeUndefined();
    expect(salesGrowthPercent(null, 100)).toBeUndefined();
  });
});

describe('from a buyer’s inquiry to a signed contract', () => {
  let connectionPath = '';
  const ledger = () => ledgerEntries(rt.db, { kind: 'market_connection' });

  it('an officer turns an inquiry into a connection: one ledger entry, in progress', async () => {
    expect(
      (
        await b.buyer.post(`/san-pham/${productSlug}/hoi-mua`, {
          name: 'Trần Ngọc Ánh',
          email: 'mua@happymart.vn',
          message: 'Xin báo giá thạch đen cho 12 cửa hàng.',
        })
      ).status,
    ).toBe(303);
    const [inquiry] = await rt.db.select().from(productInquiry);
    const form = await (await b.officer.get(`/ket-noi-tieu-thu/moi?hoi_mua=${inquiry?.id}`)).text();
    expect(form).toContain('Từ yêu cầu hỏi mua của Trần Ngọc Ánh');
    expect(form).toContain(`<option value="${productSlug}" selected="">`);

    const bad = await b.officer.post('/ket-noi-tieu-thu/moi', {
      partnerId: 'nobody',
      product: '',
      startedOn: '2022-03-10',
      inquiryId: inquiry?.id ?? '',
    });
    expect(bad.status).toBe(422);

    const res = await b.officer.post('/ket-noi-tieu-thu/moi', {
      partnerId,
      product: productSlug,
      startedOn: '2022-03-10',
      notes: 'Siêu thị cần hàng cho 12 cửa hàng.',
      nextStep: 'Hẹn gặp tại Hà Nội',
      inquiryId: inquiry?.id ?? '',
    });
    expect(res.status).toBe(303);
    connectionPath = res.headers.get('location') ?? '';
    expect(connectionPath).toMatch(/^\/ket-noi-tieu-thu\/[0-9a-f-]{36}$/);
    const [entry, ...rest] = await ledger();
    expect(rest).toEqual([]);
    expect(entry?.status).toBe('in_progress');
    expect(entry?.title).toBe('Kết nối tiêu thụ: Thạch đen Hồng Nhung với Chuỗi siêu thị Happy mart');
    const [after] = await rt.db.select().from(productInquiry);
    expect(after?.status).toBe('connected');
  });

  it('moves along the board without JavaScript (plain forms), and is re-recorded, never duplicated', async () => {
    const board = await (await b.officer.get('/ket-noi-tieu-thu')).text();
    expect(board).toContain('Thạch đen Hồng Nhung');
    const id = connectionPath.split('/').pop() ?? '';
    expect(board).toContain(`action="/ket-noi-tieu-thu/${id}/giai-doan"`);
    for (const stage of ['meeting', 'samples', 'negotiating']) {
      const res = await b.officer.post(`/ket-noi-tieu-thu/${id}/giai-doan`, {
        back: 'board',
        stage,
        on: '2022-04-01',
        nextStep: 'Gửi mẫu',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/ket-noi-tieu-thu');
    }
    const before = await b.officer.post(`/ket-noi-tieu-thu/${id}/giai-doan`, { stage: 'meeting', on: '2021-01-01' });
    expect(before.status).toBe(422);
    expect(await before.text()).toContain('Ngày này phải sau ngày bắt đầu kết nối.');
    expect(
      (await b.founder.post(`/ket-noi-tieu-thu/${id}/giai-doan`, { stage: 'contract_signed', on: '2022-05-20' }))
        .status,
    ).toBe(403);

    expect(
      (
        await b.officer.post(`/ket-noi-tieu-thu/${id}/giai-doan`, {
          stage: 'contract_signed',
          on: '2022-05-20',
          note: 'Ký hợp đồng cung cấp 12 tháng.',
        })
      ).status,
    ).toBe(303);
    const entries = await ledger();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.status).toBe('done');
    expect(entries[0]?.endedOn).toBe('2022-05-20');
    const filtered = await (await b.officer.get('/ket-noi-tieu-thu?stage=contract_signed&commune=that-khe')).text();
    expect(filtered).toContain('Thạch đen Hồng Nhung');
    expect(await (await b.officer.get('/ket-noi-tieu-thu?stage=samples')).text()).not.toContain(
      'Chuỗi siêu thị Happy mart ·',
    );
  });

  it('records the contract and sales: the growth is computed and goes to the ledger with the value', async () => {
    const id = connectionPath.split('/').pop() ?? '';
    const typed = {
      contractSignedOn: '2022-05-20',
      contractValueVnd: '240000000',
      contractVolume: '2.000 cốc/tháng',
      contractMonths: '12',
      salesPeriod: '2021 so với 2022',
      salesBeforeVnd: '500000000',
      salesAfterVnd: '',
    };
    const half = await b.officer.postFiles(`/ket-noi-tieu-thu/${id}/ket-qua`, typed, {});
    expect(half.status).toBe(422);
    const html = await half.text();
    expect(html).toContain('Nhập cả doanh số trước và sau để tính mức tăng.');
    expect(html).toContain('value="2.000 cốc/tháng"');
    const exe = await b.officer.postFiles(
      `/ket-noi-tieu-thu/${id}/ket-qua`,
      { ...typed, salesAfterVnd: '650000000' },
      { contractFile: [fileOf(exeBytes(), 'hop-dong.pdf', 'application/pdf')] },
    );
    expect(exe.status).toBe(422);
    expect(await exe.text()).toContain('Chỉ nhận tệp PDF hoặc ảnh');

    const ok = await b.officer.postFiles(
      `/ket-noi-tieu-thu/${id}/ket-qua`,
      { ...typed, salesAfterVnd: '650000000', salesGrowthPercent: '999' },
      { contractFile: [fileOf(pdfBytes('Hop dong'), 'hợp đồng.pdf', 'application/pdf')] },
    );
    expect(ok.status).toBe(303);
    const [entry, ...rest] = await ledger();
    expect(rest).toEqual([]);
    expect(entry?.figures).toEqual({ contractValueVnd: 240_000_000, salesGrowthPercent: 30 });
    expect(entry?.outcome).toContain('Hợp đồng trị giá 240.000.000 ₫.');
    const page = await (await b.founder.get(connectionPath)).text();
    expect(page).toContain('Tăng 30%');
    const timeline = await (await b.founder.get(`/du-an/${projectSlug}`)).text();
    expect(timeline).toContain('Kết nối tiêu thụ: Thạch đen Hồng Nhung với Chuỗi siêu thị Happy mart');
    expect(timeline).toContain('Doanh số tăng 30%');
  });

  it('the connection and its contract are for staff, the team and the partner; documents only when the team shares them', async () => {
    const id = connectionPath.split('/').pop() ?? '';
    expect((await b.buyer.get(connectionPath)).status).toBe(200);
    expect((await b.buyer.get(`${connectionPath}/hop-dong`)).status).toBe(200);
    expect((await b.other.get(connectionPath)).status).toBe(404);
    expect((await b.otherPartner.get(connectionPath)).status).toBe(404);
    expect((await b.officer.get('/ket-noi-tieu-thu')).status).toBe(200);
    expect((await b.buyer.get('/ket-noi-tieu-thu')).status).toBe(403);

    const doc = `/san-pham/${productSlug}/dieu-kien/self_declaration/tai-lieu`;
    expect((await b.buyer.get(doc)).status).toBe(403);
    expect((await b.officer.post(`/ket-noi-tieu-thu/${id}/chia-se`, { share: 'on' })).status).toBe(403);
    expect((await b.founder.post(`/ket-noi-tieu-thu/${id}/chia-se`, { share: 'on' })).status).toBe(303);
    expect((await b.buyer.get(doc)).status).toBe(200);
    expect((await b.otherPartner.get(doc)).status).toBe(403);
    expect((await b.founder.post(`/ket-noi-tieu-thu/${id}/chia-se`, {})).status).toBe(303);
    expect((await b.buyer.get(doc)).status).toBe(403);
  });

  it('a connection of a whole project (no product) from the project’s products page', async () => {
    const form = await (await b.officer.get(`/ket-noi-tieu-thu/moi?du_an=${projectSlug}`)).text();
    expect(form).toContain('— Cả dự án —');
    const res = await b.officer.post('/ket-noi-tieu-thu/moi', {
      partnerId,
      product: '',
      project: projectSlug,
      startedOn: '2022-06-01',
    });
    expect(res.status).toBe(303);
    expect(await ledger()).toHaveLength(2);
    const missing = await b.officer.post('/ket-noi-tieu-thu/moi', {
      partnerId,
      product: '',
      project: '',
      startedOn: '2022-06-01',
    });
    expect(missing.status).toBe(422);
  });
});
