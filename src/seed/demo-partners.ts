import {
  addMember,
  answerIntroduction,
  createPartner,
  introduceProject,
  type PartnerInput,
} from '#modules/partners/index.ts';
import type { DemoContext } from './demo-context.ts';

// The organisations of the story. The article names the Hà Nội supermarket chain, the provincial
// Investment & Startup Club, the fairs, the National Startup Support Centre and techfest; the
// others (a distributor, a school, an incubator, a fund, a travel company) are fictional, as are
// every contact person and address. Contact e-mails use the demo domain.

const blank = {
  slug: '',
  description: '',
  offers: [],
  fields: [],
  communes: [],
  anywhere: true,
  address: '',
  website: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  isPublic: true,
} satisfies Partial<PartnerInput>;

type DemoPartnerKey =
  | 'happyMart'
  | 'club'
  | 'fairs'
  | 'distributor'
  | 'nssc'
  | 'techfest'
  | 'school'
  | 'incubator'
  | 'fund'
  | 'travel';

const demoPartners: { key: DemoPartnerKey; input: PartnerInput }[] = [
  {
    key: 'happyMart',
    input: {
      ...blank,
      name: 'Hệ thống siêu thị Happy mart (Hà Nội)',
      slug: 'happy-mart',
      kind: 'supermarket',
      summary:
        'Chuỗi siêu thị tại Hà Nội nhận tiêu thụ đặc sản vùng miền, thực phẩm chế biến và nông sản đã đủ điều kiện lưu thông trên thị trường.',
      description:
        'Siêu thị ưu tiên sản phẩm có tự công bố chất lượng, nhãn hàng hóa đúng quy định, mã số mã vạch và tem truy xuất nguồn gốc.\n\n' +
        'Năm 2022 siêu thị ký hợp đồng tiêu thụ thạch đen Hồng Nhung của Tràng Định sau khi được Sở KHCN tỉnh Lạng Sơn kết nối.',
      offers: ['market_connection'],
      fields: ['food', 'agriculture', 'herbal'],
      address: 'Hà Nội',
      contactName: 'Phòng Thu mua hàng đặc sản',
      contactPhone: '0243 555 0101',
      contactEmail: 'thumua.happymart@ketnoi.demo',
    },
  },
  {
    key: 'club',
    input: {
      ...blank,
      name: 'Câu lạc bộ Đầu tư và Khởi nghiệp tỉnh Lạng Sơn',
      slug: 'clb-dau-tu-khoi-nghiep',
      kind: 'club',
      summary:
        'Nơi các doanh nhân, nhà đầu tư trong tỉnh gặp gỡ dự án khởi nghiệp: buổi gọi vốn, cố vấn và giới thiệu đối tác.',
      description:
        'Câu lạc bộ tổ chức các buổi gặp gỡ nhà đầu tư định kỳ; dự án được Sở KHCN giới thiệu trình bày trong 10 phút và nhận góp ý trực tiếp.\n\n' +
        'Thành viên có thể góp vốn, cho vay ưu đãi hoặc làm cố vấn cho nhóm tác giả.',
      offers: ['funding', 'events', 'consulting_finance'],
      fields: ['food', 'agriculture', 'tourism', 'technology'],
      address: 'Phường Lương Văn Tri, tỉnh Lạng Sơn',
      contactName: 'Văn phòng Câu lạc bộ',
      contactPhone: '0205 3555 202',
      contactEmail: 'clb.dautu@ketnoi.demo',
    },
  },
  {
    key: 'fairs',
    input: {
      ...blank,
      name: 'Ban tổ chức hội chợ, triển lãm xúc tiến thương mại',
      slug: 'ban-to-chuc-hoi-cho',
      kind: 'agency',
      summary:
        'Tổ chức các hội chợ, triển lãm, phiên chợ hàng Việt trong và ngoài tỉnh; dành gian hàng cho sản phẩm khởi nghiệp, OCOP.',
      description:
        'Sản phẩm được Sở KHCN giới thiệu được hỗ trợ gian hàng và hướng dẫn trưng bày. Bún ngô Thuận Anh tăng 30% doanh số nhờ các hội chợ từ năm 2021.',
      offers: ['events', 'market_connection'],
      fields: ['food', 'agriculture', 'herbal', 'handicraft'],
      contactName: 'Bộ phận gian hàng',
      contactEmail: 'hoicho@ketnoi.demo',
    },
  },
  {
    key: 'distributor',
    input: {
      ...blank,
      name: 'Công ty TNHH Phân phối Nông sản Kỳ Cùng',
      kind: 'distributor',
      summary:
        'Nhà phân phối nông sản, đặc sản Lạng Sơn với chuỗi cửa hàng đặc sản ở thành phố và các điểm du lịch; nhận bán thử sản phẩm mới.',
      description:
        'Công ty nhận hàng ký gửi, bán thử 3 tháng tại các cửa hàng trước khi ký hợp đồng phân phối; hỗ trợ giao hàng về Hà Nội theo chuyến.',
      offers: ['market_connection'],
      fields: ['food', 'agriculture', 'herbal'],
      communes: ['luong-van-tri', 'ky-lua', 'dong-kinh', 'tam-thanh'],
      address: 'Phường Kỳ Lừa, tỉnh Lạng Sơn',
      contactName: 'Trần Thị Ngọc Ánh',
      contactPhone: '0912000005',
      contactEmail: 'kycung.phanphoi@ketnoi.demo',
    },
  },
  {
    key: 'nssc',
    input: {
      ...blank,
      name: 'Trung tâm Hỗ trợ khởi nghiệp sáng tạo quốc gia (NSSC)',
      slug: 'nssc',
      kind: 'agency',
      summary:
        'Đơn vị của Bộ Khoa học và Công nghệ kết nối các hệ sinh thái khởi nghiệp địa phương với chương trình, chuyên gia và nhà đầu tư cả nước.',
      description:
        'Các tác giả, nhóm tác giả của tỉnh được Sở KHCN giới thiệu tham gia các chương trình đào tạo, cuộc thi và sự kiện do Trung tâm tổ chức.',
      offers: ['training', 'events', 'funding'],
      fields: ['technology', 'agriculture', 'food', 'education'],
      contactEmail: 'nssc@ketnoi.demo',
    },
  },
  {
    key: 'techfest',
    input: {
      ...blank,
      name: 'Techfest Việt Nam và nền tảng techfest 247',
      slug: 'techfest',
      kind: 'programme',
      summary:
        'Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia và không gian số techfest 247, nơi giới thiệu sản phẩm khởi nghiệp của các địa phương.',
      description:
        'Từ năm 2021, hơn 20 sản phẩm của tỉnh được đưa lên techfest 247; 10 dự án, ý tưởng và sản phẩm OCOP được mời tham dự Ngày hội Khởi nghiệp quốc gia 2022 tại Lai Châu.',
      offers: ['events', 'market_connection', 'funding'],
      fields: ['technology', 'food', 'agriculture', 'tourism', 'education'],
      contactEmail: 'techfest@ketnoi.demo',
    },
  },
  {
    key: 'school',
    input: {
      ...blank,
      name: 'Trường Cao đẳng Kỹ thuật – Công nghệ Xứ Lạng',
      kind: 'school',
      summary:
        'Trường đào tạo nghề nông nghiệp, chế biến thực phẩm và công nghệ thông tin; có xưởng thực hành và phòng thí nghiệm cho nhóm khởi nghiệp thử sản phẩm.',
      offers: ['training', 'space', 'consulting_production'],
      fields: ['agriculture', 'food', 'technology', 'education'],
      address: 'Phường Đông Kinh, tỉnh Lạng Sơn',
      contactName: 'Phòng Hợp tác doanh nghiệp',
      contactEmail: 'caodang.xulang@ketnoi.demo',
    },
  },
  {
    key: 'incubator',
    input: {
      ...blank,
      name: 'Vườn ươm doanh nghiệp nông nghiệp công nghệ cao Lạng Sơn',
      kind: 'incubator',
      summary:
        'Ươm tạo dự án nông nghiệp, chế biến nông sản: chỗ làm việc, nhà xưởng dùng chung và cố vấn trong 12 tháng.',
      offers: ['space', 'training', 'consulting_product', 'consulting_production'],
      fields: ['agriculture', 'food', 'herbal'],
      communes: ['huu-lung', 'chi-lang', 'yen-binh'],
      anywhere: false,
      contactName: 'Ban điều hành vườn ươm',
      contactEmail: 'vuonuom@ketnoi.demo',
    },
  },
  {
    key: 'fund',
    input: {
      ...blank,
      name: 'Quỹ Đầu tư Khởi nghiệp Đông Bắc',
      kind: 'investor',
      summary:
        'Quỹ đầu tư giai đoạn đầu cho dự án nông nghiệp sạch, chế biến sâu và du lịch cộng đồng ở các tỉnh miền núi phía Bắc.',
      offers: ['funding', 'consulting_finance'],
      fields: ['agriculture', 'food', 'tourism', 'technology'],
      contactName: 'Bộ phận tiếp nhận hồ sơ',
      contactEmail: 'quy.dongbac@ketnoi.demo',
    },
  },
  {
    key: 'travel',
    input: {
      ...blank,
      name: 'Công ty Cổ phần Lữ hành Xứ Lạng',
      kind: 'business',
      summary:
        'Công ty lữ hành đưa khách tới Bắc Sơn, Mẫu Sơn và các bản du lịch cộng đồng; mua đặc sản làm quà cho đoàn khách.',
      offers: ['market_connection', 'consulting_marketing'],
      fields: ['tourism', 'food'],
      communes: ['bac-son', 'mau-son', 'cong-son', 'quoc-khanh'],
      anywhere: false,
      contactEmail: 'luhanh.xulang@ketnoi.demo',
    },
  },
];

/** Introductions of the story, made and answered through the partners module (ledger kind `connection`). */
const demoIntroductions: {
  partner: DemoPartnerKey;
  project: string;
  on: string;
  message: string;
  answer?: { by: 'officer' | 'partner'; on: string; status: 'interested' | 'not_now'; text: string };
}[] = [
  {
    partner: 'club',
    project: 'vit-quay',
    on: '2022-03-25',
    message:
      'Cơ sở vịt quay lá mắc mật đã có khách ổn định và cần vốn mở điểm bán tại Hà Nội. Đề nghị Câu lạc bộ bố trí để nhóm trình bày tại buổi gặp gỡ nhà đầu tư.',
    answer: {
      by: 'officer',
      on: '2022-04-08',
      status: 'interested',
      text: 'Trình bày dự án tại buổi gặp gỡ nhà đầu tư của Câu lạc bộ; hai bên tiếp tục trao đổi về góp vốn mở điểm bán tại Hà Nội.',
    },
  },
  {
    partner: 'distributor',
    project: 'khau-nhuc',
    on: '2022-05-12',
    message:
      'Khau nhục đóng gói hút chân không, cấp đông, đã có nhãn và hạn dùng rõ ràng. Đề nghị công ty xem xét bán thử tại chuỗi cửa hàng đặc sản.',
    answer: {
      by: 'partner',
      on: '2022-05-20',
      status: 'interested',
      text: 'Đang bán thử tại 5 cửa hàng của nhà phân phối.',
    },
  },
  {
    partner: 'distributor',
    project: 'mat-ong',
    on: '2022-07-20',
    message:
      'Mật ong rừng Hữu Liên đã có tem truy xuất nguồn gốc và đang hoàn thiện nhãn hiệu. Nhóm muốn tìm nhà phân phối tại thành phố.',
  },
];

/** Partners, the demo partner account as the distributor's member, and the story's introductions. */
export async function seedPartners(ctx: DemoContext): Promise<void> {
  const { db, mailer, config } = ctx.deps;
  const officer = ctx.account('officer');
  const created = new Map<DemoPartnerKey, { id: string; slug: string }>();
  for (const p of demoPartners) created.set(p.key, await createPartner({ db, actor: officer, input: p.input }));
  const distributor = created.get('distributor');
  if (!distributor) throw new Error('No demo distributor');
  await addMember({ db, actor: officer, slug: distributor.slug, email: ctx.account('partner').email });

  for (const i of demoIntroductions) {
    const partnerId = created.get(i.partner)?.id;
    if (!partnerId) throw new Error(`Demo introduction names an unknown partner ${i.partner}`);
    const { id } = await introduceProject({
      db,
      mailer,
      actor: officer,
      partnerId,
      projectId: ctx.project(i.project).id,
      message: i.message,
      baseUrl: config.BASE_URL,
      now: new Date(`${i.on}T09:00:00+07:00`),
    });
    if (i.answer) {
      await answerIntroduction({
        db,
        mailer,
        actor: ctx.account(i.answer.by),
        id,
        status: i.answer.status,
        answer: i.answer.text,
        baseUrl: config.BASE_URL,
        now: new Date(`${i.answer.on}T15:00:00+07:00`),
      });
    }
  }
}
