import { getPartnerBySlug } from '#modules/partners/index.ts';
import {
  createConnection,
  createInquiry,
  createListing,
  createProduct,
  moveConnection,
  type ProductCategory,
  type ProductInput,
  type ReadinessItemCode,
  saveOutcome,
  updateReadinessItem,
  verifyReadinessItem,
} from '#modules/products/index.ts';
import type { DemoContext } from './demo-context.ts';
import { picture } from './demo-pictures.ts';

// The products of the story: the 21 put on the national techfest 247 digital space (same products,
// same dates as the article's report), their market-readiness papers, and the sales connections
// the article names. Pictures are drawn here (demo-pictures.ts: SVG illustrations rendered by sharp), never downloaded.

interface DemoProduct {
  project: string;
  name: string;
  category: ProductCategory;
  description: string;
  unit: string;
  price?: [number, number];
  ocop?: { stars: 3 | 4 | 5; certificate: string; until: string };
  /** The date it went on techfest 247, if it did. */
  listedOn?: string;
  colour: string;
}

/** Papers still valid whenever the demo is loaded: expiry dates counted from today. */
const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const products: DemoProduct[] = [
  {
    project: 'thach-den',
    name: 'Thạch đen Hồng Nhung đóng cốc',
    category: 'food',
    unit: 'cốc 200 g',
    price: [8_000, 10_000],
    colour: '#2d2a26',
    listedOn: '2021-08-16',
    ocop: { stars: 3, certificate: '1125/QĐ-UBND', until: fromToday(700) },
    description:
      'Thạch đen nấu từ cây thạch đen Tràng Định theo công thức truyền thống, không chất bảo quản, đóng cốc tiện dùng.\n\nĐã tự công bố chất lượng, có nhãn hàng hóa, mã số mã vạch và tem truy xuất nguồn gốc; đang bán tại chuỗi siêu thị ở Hà Nội.',
  },
  {
    project: 'thach-den',
    name: 'Thạch đen khô Tràng Định',
    category: 'agricultural',
    unit: 'túi 500 g',
    price: [60_000, 75_000],
    colour: '#4a4036',
    listedOn: '2021-08-16',
    description: 'Cây thạch đen phơi khô của các hộ trồng ở Tràng Định, đóng túi để tự nấu thạch tại nhà.',
  },
  {
    project: 'bun-ngo',
    name: 'Bún ngô Thuận Anh',
    category: 'food',
    unit: 'gói 500 g',
    price: [35_000, 40_000],
    colour: '#d9a400',
    listedOn: '2021-08-23',
    description: 'Bún khô làm từ ngô vùng cao Đình Lập, sợi dai, màu vàng tự nhiên, không phẩm màu.',
  },
  {
    project: 'bun-ngo',
    name: 'Mì ngô Thuận Anh',
    category: 'food',
    unit: 'gói 500 g',
    price: [35_000, 40_000],
    colour: '#c98f00',
    listedOn: '2021-08-23',
    description: 'Mì sợi nhỏ làm từ ngô Đình Lập, nấu nhanh, hợp người ăn kiêng.',
  },
  {
    project: 'na-chi-lang',
    name: 'Na Chi Lăng hộp 2 kg',
    category: 'agricultural',
    unit: 'hộp 2 kg',
    price: [120_000, 160_000],
    colour: '#6b8e23',
    listedOn: '2021-08-30',
    description:
      'Na dai Chi Lăng trồng theo VietGAP, thu hái đúng độ chín, phân loại theo cỡ quả, đóng hộp có tem truy xuất nguồn gốc.',
  },
  {
    project: 'na-chi-lang',
    name: 'Na Chi Lăng hộp 5 kg',
    category: 'agricultural',
    unit: 'hộp 5 kg',
    price: [280_000, 350_000],
    colour: '#55771c',
    description: 'Hộp lớn cho cửa hàng và nhà hàng; giao trong ngày tới thành phố Lạng Sơn, hai ngày tới Hà Nội.',
  },
  {
    project: 'hoi',
    name: 'Tinh dầu hồi Văn Quan',
    category: 'herbal',
    unit: 'chai 10 ml',
    price: [90_000, 120_000],
    colour: '#7a3b12',
    listedOn: '2021-09-13',
    ocop: { stars: 4, certificate: '2203/QĐ-UBND', until: fromToday(400) },
    description: 'Tinh dầu chưng cất từ hoa hồi Văn Quan, dùng xông, massage và khử mùi.',
  },
  {
    project: 'hoi',
    name: 'Hoa hồi khô Văn Quan',
    category: 'agricultural',
    unit: 'túi 200 g',
    price: [45_000, 55_000],
    colour: '#8b4513',
    listedOn: '2021-09-13',
    description: 'Hoa hồi phơi khô tự nhiên, cánh đều, thơm đậm.',
  },
  {
    project: 'que',
    name: 'Bột quế hữu cơ Tân Văn',
    category: 'herbal',
    unit: 'hũ 100 g',
    price: [40_000, 50_000],
    colour: '#a0522d',
    listedOn: '2021-10-04',
    description: 'Bột quế xay mịn từ vỏ quế trồng hữu cơ ở Tân Văn.',
  },
  {
    project: 'tra-hoa-vang',
    name: 'Trà hoa vàng sấy khô',
    category: 'herbal',
    unit: 'hộp 50 g',
    price: [250_000, 300_000],
    colour: '#c9a227',
    listedOn: '2021-10-18',
    description: 'Hoa trà vàng sấy lạnh giữ màu và hương.',
  },
  {
    project: 'tra-hoa-vang',
    name: 'Trà hoa vàng túi lọc',
    category: 'herbal',
    unit: 'hộp 20 túi',
    price: [120_000, 150_000],
    colour: '#b8901c',
    listedOn: '2022-06-27',
    description: 'Trà túi lọc phối trộn hoa và lá trà hoa vàng, tiện pha.',
  },
  {
    project: 'mien-dong',
    name: 'Miến dong Hội Hoan',
    category: 'food',
    unit: 'gói 500 g',
    price: [45_000, 55_000],
    colour: '#8c7a6b',
    listedOn: '2022-03-14',
    description: 'Miến dong làm thủ công từ củ dong riềng Hội Hoan, sợi dai, không hóa chất tẩy trắng.',
  },
  {
    project: 'ruou-mau-son',
    name: 'Rượu men lá Mẫu Sơn',
    category: 'food',
    unit: 'chai 500 ml',
    price: [80_000, 120_000],
    colour: '#5b3a29',
    listedOn: '2021-11-08',
    description: 'Rượu nấu bằng men lá của người Dao ở Mẫu Sơn.',
  },
  {
    project: 'khau-nhuc',
    name: 'Khau nhục Xứ Lạng',
    category: 'food',
    unit: 'hộp 1 kg',
    price: [280_000, 320_000],
    colour: '#8b2500',
    listedOn: '2021-11-22',
    description: 'Món khau nhục truyền thống hấp cách thủy, đóng hộp hút chân không.',
  },
  {
    project: 'vit-quay',
    name: 'Vịt quay lá mắc mật',
    category: 'food',
    unit: 'con',
    price: [350_000, 450_000],
    colour: '#a0522d',
    listedOn: '2021-12-06',
    description: 'Vịt quay tẩm lá mắc mật theo cách người Tày, hút chân không giao đi xa.',
  },
  {
    project: 'mat-ong',
    name: 'Mật ong rừng Hữu Liên',
    category: 'food',
    unit: 'chai 500 ml',
    price: [250_000, 300_000],
    colour: '#e0a100',
    listedOn: '2022-01-10',
    ocop: { stars: 3, certificate: '0410/QĐ-UBND', until: fromToday(40) },
    description: 'Mật ong thu từ rừng tự nhiên Hữu Liên, kiểm nghiệm các chỉ tiêu chất lượng.',
  },
  {
    project: 'duoc-lieu',
    name: 'Cao giảo cổ lam',
    category: 'herbal',
    unit: 'hộp 100 g',
    price: [180_000, 220_000],
    colour: '#2e5e3a',
    listedOn: '2022-02-21',
    description: 'Cao cô đặc từ giảo cổ lam trồng dưới tán rừng.',
  },
  {
    project: 'duoc-lieu',
    name: 'Trà túi lọc giảo cổ lam',
    category: 'herbal',
    unit: 'hộp 25 túi',
    price: [70_000, 90_000],
    colour: '#3b7a4a',
    listedOn: '2022-02-21',
    description: 'Trà túi lọc giảo cổ lam, vị đắng nhẹ, hậu ngọt.',
  },
  {
    project: 'hong-say',
    name: 'Hồng vành khuyên sấy dẻo',
    category: 'food',
    unit: 'hộp 500 g',
    price: [150_000, 180_000],
    colour: '#e06c1f',
    listedOn: '2022-01-17',
    description: 'Hồng vành khuyên Văn Lãng sấy dẻo, không đường.',
  },
  {
    project: 'quyt-bac-son',
    name: 'Quýt vàng Bắc Sơn',
    category: 'agricultural',
    unit: 'kg',
    price: [40_000, 60_000],
    colour: '#f39c12',
    listedOn: '2021-12-13',
    description: 'Quýt vàng Bắc Sơn ngọt thanh, thu hoạch tháng 11 đến tháng 1.',
  },
  {
    project: 'tho-cam',
    name: 'Túi thổ cẩm Nùng, Dao',
    category: 'handicraft',
    unit: 'chiếc',
    price: [150_000, 450_000],
    colour: '#8e1b3a',
    listedOn: '2022-04-11',
    description: 'Túi dệt, thêu tay từ vải thổ cẩm của phụ nữ Nùng, Dao.',
  },
  {
    project: 'xa-phong',
    name: 'Xà phòng thảo dược người Dao',
    category: 'herbal',
    unit: 'bánh 100 g',
    price: [35_000, 45_000],
    colour: '#4f7942',
    listedOn: '2022-05-09',
    description: 'Xà phòng nấu thủ công từ lá thuốc người Dao.',
  },
];

function inputOf(p: DemoProduct): ProductInput {
  return {
    name: p.name,
    category: p.category,
    description: p.description,
    unit: p.unit,
    priceMinVnd: p.price?.[0],
    priceMaxVnd: p.price?.[1],
    minOrder: '',
    capacity: '',
    ocopStars: p.ocop?.stars,
    ocopCertificateNo: p.ocop?.certificate ?? '',
    ocopExpiresOn: p.ocop?.until,
    isPublic: true,
  };
}

type Paper = [
  ReadinessItemCode,
  { variant?: string; number?: string; issuedOn?: string; expiresOn?: string; verify?: boolean },
];

/** Thạch đen Hồng Nhung after the Department's support: every paper done and checked. */
const readyPapers: Paper[] = [
  ['legal_entity', { variant: 'household', number: '14H8002317', issuedOn: '2019-05-06', verify: true }],
  [
    'food_safety',
    {
      variant: 'certificate',
      number: '215/2021/ATTP-CNĐK',
      issuedOn: '2021-11-02',
      expiresOn: fromToday(900),
      verify: true,
    },
  ],
  ['self_declaration', { number: '01/2022/HN-TCB', issuedOn: '2022-01-12', verify: true }],
  ['label', { verify: true }],
  ['barcode', { number: '893 8539 21', issuedOn: '2022-01-20', expiresOn: fromToday(300), verify: true }],
  ['traceability', { verify: true }],
  ['trademark', { variant: 'filed', number: '4-2022-03514', issuedOn: '2022-02-25', verify: true }],
];

/** Bún ngô: most papers done; the label waits for a check, the trademark is being filed. */
const partPapers: Paper[] = [
  ['legal_entity', { variant: 'cooperative', number: '1407A0042', verify: true }],
  ['food_safety', { variant: 'commitment', verify: true }],
  ['self_declaration', { number: '03/2021/TA-TCB', issuedOn: '2021-06-01', verify: true }],
  ['label', {}],
  ['barcode', { number: '893 8539 44', expiresOn: fromToday(45), verify: true }],
];

async function fillPapers(ctx: DemoContext, slug: string, papers: Paper[]) {
  const { db } = ctx.deps;
  // The officer types in the papers the team brought to the Department, then checks them.
  const officer = ctx.account('officer');
  for (const [item, p] of papers) {
    await updateReadinessItem({
      db,
      actor: officer,
      slug,
      item,
      input: {
        status: 'done',
        variant: p.variant ?? '',
        number: p.number ?? '',
        issuedOn: p.issuedOn,
        expiresOn: p.expiresOn,
        note: '',
        removeFile: false,
      },
    });
    if (p.verify) await verifyReadinessItem({ db, actor: officer, slug, item });
  }
}

/** Products, pictures, papers, techfest 247 listings, the story's sales connections and an inquiry. */
export async function seedProducts(ctx: DemoContext): Promise<void> {
  const { db, mailer, config } = ctx.deps;
  const officer = ctx.account('officer');
  const slugs = new Map<string, string>();
  for (const p of products) {
    const files = [await picture(p.name, p.colour)];
    if (p.project === 'thach-den' && p.listedOn) files.push(await picture(p.name, p.colour, 1));
    const created = await createProduct({
      db,
      actor: officer,
      projectSlug: ctx.project(p.project).slug,
      input: inputOf(p),
      files,
    });
    slugs.set(p.name, created.slug);
    if (p.listedOn) {
      await createListing({
        db,
        actor: officer,
        slug: created.slug,
        input: { platform: 'techfest247', url: '', listedOn: p.listedOn, status: 'live', note: '' },
      });
    }
  }
  const slug = (name: string) => {
    const found = slugs.get(name);
    if (!found) throw new Error(`No demo product ${name}`);
    return found;
  };
  await fillPapers(ctx, slug('Thạch đen Hồng Nhung đóng cốc'), readyPapers);
  await fillPapers(ctx, slug('Bún ngô Thuận Anh'), partPapers);
  await fillPapers(ctx, slug('Na Chi Lăng hộp 2 kg'), [
    ['legal_entity', { variant: 'cooperative', number: '1407B0019', verify: true }],
    ['traceability', { verify: true }],
  ]);

  const partner = async (partnerSlug: string) => {
    const found = await getPartnerBySlug(db, partnerSlug);
    if (!found) throw new Error(`No demo partner ${partnerSlug}`);
    return found.id;
  };

  // Thạch đen Hồng Nhung: a supply contract with the Hà Nội supermarket chain.
  const happy = await createConnection({
    db,
    actor: officer,
    input: {
      partnerId: await partner('happy-mart'),
      product: slug('Thạch đen Hồng Nhung đóng cốc'),
      project: '',
      startedOn: '2022-03-10',
      notes: 'Siêu thị tìm thạch đen đủ điều kiện lưu thông cho các cửa hàng tại Hà Nội.',
      nextStep: 'Hẹn gặp bộ phận thu mua',
      nextStepOn: '2022-03-25',
      inquiryId: undefined,
    },
  });
  for (const [stage, on, note, nextStep] of [
    [
      'meeting',
      '2022-03-25',
      'Gặp bộ phận thu mua tại Hà Nội; siêu thị cần mã vạch và tem truy xuất.',
      'Gửi mẫu và hồ sơ công bố',
    ],
    ['samples', '2022-04-08', 'Gửi 200 cốc mẫu và hồ sơ tự công bố chất lượng.', 'Đàm phán giá và sản lượng'],
    ['negotiating', '2022-04-25', 'Thống nhất giá giao và lịch giao hàng hai lần mỗi tuần.', 'Ký hợp đồng'],
    ['contract_signed', '2022-05-20', 'Ký hợp đồng cung cấp 12 tháng; sản phẩm lên kệ từ tháng 6/2022.', ''],
  ] as const) {
    await moveConnection({
      db,
      actor: officer,
      id: happy.id,
      input: { stage, on, note, nextStep, nextStepOn: undefined },
    });
  }
  await saveOutcome({
    db,
    actor: officer,
    id: happy.id,
    input: {
      contractSignedOn: '2022-05-20',
      contractValueVnd: 240_000_000,
      contractVolume: '2.000 cốc mỗi tháng',
      contractMonths: 12,
      salesPeriod: '',
      salesBeforeVnd: undefined,
      salesAfterVnd: undefined,
      removeFile: false,
    },
  });

  // Bún ngô Thuận Anh: sales up 30 % through fairs (2020 → 2021).
  const fairs = await createConnection({
    db,
    actor: officer,
    input: {
      partnerId: await partner('ban-to-chuc-hoi-cho'),
      product: slug('Bún ngô Thuận Anh'),
      project: '',
      startedOn: '2021-03-15',
      notes: 'Giới thiệu tham gia các hội chợ, triển lãm xúc tiến thương mại trong và ngoài tỉnh.',
      nextStep: '',
      nextStepOn: undefined,
      inquiryId: undefined,
    },
  });
  await moveConnection({
    db,
    actor: officer,
    id: fairs.id,
    // Booths at fairs to meet buyers: sales grew, but no sales contract was signed (the story's one
    // contract is thạch đen's with Happy mart).
    input: {
      stage: 'meeting',
      on: '2021-04-02',
      note: 'Đăng ký gian hàng tại các hội chợ năm 2021–2022 để gặp nhà phân phối.',
      nextStep: '',
      nextStepOn: undefined,
    },
  });
  await saveOutcome({
    db,
    actor: officer,
    id: fairs.id,
    input: {
      contractSignedOn: undefined,
      contractValueVnd: undefined,
      contractVolume: '',
      contractMonths: undefined,
      salesPeriod: 'năm 2020 so với năm 2021',
      salesBeforeVnd: 500_000_000,
      salesAfterVnd: 650_000_000,
      removeFile: false,
    },
  });

  // Chi Lăng's custard apples: samples with the distributor, and a buyer's inquiry waiting.
  const na = await createConnection({
    db,
    actor: officer,
    input: {
      partnerId: await partner('cong-ty-tnhh-phan-phoi-nong-san-ky-cung'),
      product: slug('Na Chi Lăng hộp 2 kg'),
      project: '',
      startedOn: '2022-07-04',
      notes: 'Nhà phân phối muốn bán thử na hộp tại các cửa hàng đặc sản.',
      nextStep: 'Gửi 50 hộp bán thử',
      nextStepOn: '2022-08-10',
      inquiryId: undefined,
    },
  });
  await moveConnection({
    db,
    actor: officer,
    id: na.id,
    input: {
      stage: 'samples',
      on: '2022-08-10',
      note: 'Gửi 50 hộp na bán thử tại 4 cửa hàng.',
      nextStep: 'Đánh giá kết quả bán thử',
      nextStepOn: '2022-09-15',
    },
  });
  await createInquiry({
    db,
    mailer,
    actor: null,
    slug: slug('Na Chi Lăng hộp 5 kg'),
    input: {
      name: 'Đỗ Minh Tâm',
      organisation: 'Cửa hàng Nông sản sạch Cầu Giấy',
      email: 'nongsansach@ketnoi.demo',
      phone: '0912 000 321',
      quantity: '40 hộp mỗi tuần trong mùa',
      message: 'Cửa hàng muốn nhập na Chi Lăng hộp 5 kg trong mùa tới, xin báo giá giao tại Hà Nội.',
    },
    baseUrl: config.BASE_URL,
  });
}
