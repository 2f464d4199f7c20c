import { type ExpertInput, saveOwnProfile } from '#modules/experts/index.ts';
import type { DemoContext } from './demo-context.ts';
import { createUser, defaultPassword } from './factories.ts';

// The consulting experts of the story: the demo expert account and the experts the ledger names
// (TS. Lê Thị Phương Thảo, Luật sư Đỗ Văn Hải), plus a few more so every need has someone.
// Every person and organisation here is fictional.

/** The demo experts' sign-in e-mails, by what they advise on (password: `defaultPassword`). */
export const demoExpertEmails = {
  food: 'thao.le@ketnoi.demo',
  ip: 'hai.do@ketnoi.demo',
  marketing: 'van.nguyen@ketnoi.demo',
  digital: 'tuan.hoang@ketnoi.demo',
  finance: 'trang.vi@ketnoi.demo',
  standards: 'quang.luc@ketnoi.demo',
  tourism: 'phuong.dinh@ketnoi.demo',
  education: 'khai.nong@ketnoi.demo',
} as const;

type DemoExpertKey = keyof typeof demoExpertEmails;

const base = {
  bio: '',
  organisation: '',
  fields: [],
  communes: [],
  anywhere: true,
  isPublic: true,
} satisfies Partial<ExpertInput>;

/** The demo expert account (Phạm Quốc Bảo): the consulting the ledger already gives him. */
const demoAccountProfile: ExpertInput = {
  ...base,
  name: 'ThS. Phạm Quốc Bảo',
  headline:
    'Tư vấn hoàn thiện quy trình sản xuất, phát triển sản phẩm và điều kiện lưu thông cho thực phẩm chế biến, nông sản.',
  organisation: 'Chuyên gia tư vấn độc lập, cộng tác viên Sở KHCN tỉnh Lạng Sơn',
  bio:
    'Hơn 12 năm làm kỹ sư công nghệ thực phẩm tại các cơ sở chế biến vừa và nhỏ ở miền núi phía Bắc.\n\n' +
    'Từ năm 2021 đồng hành cùng các dự án khởi nghiệp của tỉnh: chuẩn hóa quy trình nấu và đóng gói thạch đen Tràng Định, thiết kế quy cách hộp và tem truy xuất nguồn gốc cho na Chi Lăng, hoàn thiện nhãn và hồ sơ chất lượng cho mật ong rừng Hữu Liên.',
  specialties: ['production', 'product_development', 'standards_labels'],
  fields: ['food', 'agriculture', 'herbal'],
};

const others: { key: DemoExpertKey; account: string; phone: string; profile: ExpertInput }[] = [
  {
    key: 'food',
    account: 'Lê Thị Phương Thảo',
    phone: '0912100001',
    profile: {
      ...base,
      name: 'TS. Lê Thị Phương Thảo',
      headline: 'Công nghệ thực phẩm: quy trình sản xuất, phát triển sản phẩm mới và an toàn thực phẩm cho cơ sở nhỏ.',
      organisation: 'Viện Nghiên cứu Công nghệ Thực phẩm miền Bắc',
      bio:
        'Tiến sĩ công nghệ thực phẩm, nghiên cứu về chế biến tinh bột và đồ uống thảo mộc.\n\n' +
        'Đã tư vấn tổ hợp tác miến dong Hội Hoan chuẩn hóa các bước lọc bột, tráng và phơi, và nhóm trà hoa vàng Bình Gia phát triển dòng trà túi lọc cùng hồ sơ tự công bố.',
      specialties: ['production', 'product_development', 'food_safety'],
      fields: ['food', 'herbal'],
    },
  },
  {
    key: 'ip',
    account: 'Đỗ Văn Hải',
    phone: '0912100002',
    profile: {
      ...base,
      name: 'Luật sư Đỗ Văn Hải',
      headline:
        'Tra cứu, đăng ký và bảo hộ nhãn hiệu, chỉ dẫn địa lý; pháp lý cho hộ kinh doanh, hợp tác xã và doanh nghiệp nhỏ.',
      organisation: 'Công ty Luật TNHH Sở hữu trí tuệ Kinh Bắc',
      bio: 'Luật sư, đại diện sở hữu công nghiệp với hơn 10 năm kinh nghiệm. Đã hướng dẫn cơ sở bún ngô Thuận Anh hoàn thiện mẫu nhãn và nộp đơn đăng ký nhãn hiệu tại Cục Sở hữu trí tuệ.',
      specialties: ['trademark_ip', 'legal'],
      fields: ['food', 'agriculture', 'handicraft'],
    },
  },
  {
    key: 'marketing',
    account: 'Nguyễn Thị Hồng Vân',
    phone: '0912100003',
    profile: {
      ...base,
      name: 'ThS. Nguyễn Thị Hồng Vân',
      headline: 'Xây dựng câu chuyện thương hiệu, bao bì và kênh bán hàng cho đặc sản vùng miền, sản phẩm OCOP.',
      organisation: 'Công ty TNHH Truyền thông Thương hiệu Việt Bắc',
      bio: 'Thạc sĩ quản trị kinh doanh, chuyên về tiếp thị nông sản. Hướng dẫn các nhóm chuẩn bị hồ sơ chào hàng vào siêu thị và tham gia hội chợ.',
      specialties: ['marketing_sales', 'product_development'],
      fields: ['food', 'herbal', 'handicraft'],
    },
  },
  {
    key: 'digital',
    account: 'Hoàng Minh Tuấn',
    phone: '0912100004',
    profile: {
      ...base,
      name: 'KS. Hoàng Minh Tuấn',
      headline:
        'Chuyển đổi số cho hộ sản xuất: gian hàng trên sàn thương mại điện tử, mã QR truy xuất nguồn gốc, bán hàng qua mạng xã hội.',
      organisation: 'Hội Tin học tỉnh Lạng Sơn',
      bio: 'Kỹ sư công nghệ thông tin, tham gia các lớp tập huấn chuyển đổi số cho chủ thể OCOP từ năm 2021. Hỗ trợ trực tiếp tại các phường trung tâm, tư vấn trực tuyến cho các xã xa.',
      specialties: ['digital', 'technology', 'marketing_sales'],
      fields: ['technology', 'agriculture', 'food'],
      communes: ['luong-van-tri', 'dong-kinh', 'ky-lua', 'tam-thanh'],
      anywhere: false,
    },
  },
  {
    key: 'finance',
    account: 'Vi Thị Thu Trang',
    phone: '0912100005',
    profile: {
      ...base,
      name: 'TS. Vi Thị Thu Trang',
      headline: 'Mô hình kinh doanh, kế hoạch tài chính và chuẩn bị gọi vốn cho dự án khởi nghiệp giai đoạn đầu.',
      organisation: 'Quỹ Đầu tư Khởi nghiệp Đông Bắc',
      bio: 'Tiến sĩ tài chính, cố vấn đầu tư của Quỹ. Giảng dạy khóa tập huấn xây dựng mô hình kinh doanh và kỹ năng gọi vốn năm 2022 tại khu làm việc chung.',
      specialties: ['finance_investment', 'legal'],
      fields: ['agriculture', 'food', 'tourism', 'technology'],
    },
  },
  {
    key: 'standards',
    account: 'Lục Văn Quang',
    phone: '0912100006',
    profile: {
      ...base,
      name: 'ThS. Lục Văn Quang',
      headline:
        'Tiêu chuẩn cơ sở, tự công bố chất lượng, nhãn hàng hóa và mã số mã vạch: đưa sản phẩm đủ điều kiện lưu thông.',
      organisation: 'Nguyên cán bộ Chi cục Tiêu chuẩn Đo lường Chất lượng',
      bio: 'Gần 20 năm làm công tác tiêu chuẩn, đo lường, chất lượng. Hướng dẫn hồ sơ tự công bố, ghi nhãn đúng quy định và đăng ký mã số mã vạch.',
      specialties: ['standards_labels', 'food_safety'],
      fields: ['food', 'herbal', 'agriculture'],
    },
  },
  {
    key: 'tourism',
    account: 'Đinh Thị Mai Phương',
    phone: '0912100007',
    profile: {
      ...base,
      name: 'ThS. Đinh Thị Mai Phương',
      headline: 'Xây dựng sản phẩm du lịch cộng đồng, homestay và tour trải nghiệm gắn với văn hóa Tày, Nùng, Dao.',
      organisation: 'Hiệp hội Du lịch cộng đồng Xứ Lạng',
      bio: 'Thạc sĩ du lịch, từng điều hành tour tại Bắc Sơn và Mẫu Sơn. Tập huấn người dân làm hướng dẫn viên và chuẩn dịch vụ homestay.',
      specialties: ['tourism', 'marketing_sales'],
      fields: ['tourism'],
      communes: ['bac-son', 'mau-son', 'cong-son', 'quoc-khanh', 'that-khe'],
      anywhere: false,
    },
  },
  {
    key: 'education',
    account: 'Nông Văn Khải',
    phone: '0912100008',
    profile: {
      ...base,
      name: 'TS. Nông Văn Khải',
      headline: 'Thiết kế chương trình đào tạo, hướng nghiệp và khóa học kỹ năng cho học sinh, thanh niên nông thôn.',
      organisation: 'Trường Cao đẳng Kỹ thuật – Công nghệ Xứ Lạng',
      bio: 'Tiến sĩ giáo dục học, phụ trách đào tạo nghề ngắn hạn. Tư vấn xây dựng nội dung và đánh giá khóa học cho các dự án giáo dục khởi nghiệp.',
      specialties: ['education', 'technology'],
      fields: ['education', 'technology'],
    },
  },
];

/** Expert profiles: the demo account's, and one account and profile per other demo expert. */
export async function seedExperts(ctx: DemoContext): Promise<void> {
  const { db } = ctx.deps;
  await saveOwnProfile({ db, actor: ctx.account('expert'), input: demoAccountProfile });
  for (const e of others) {
    const actor = await createUser(ctx.deps, {
      name: e.account,
      email: demoExpertEmails[e.key],
      password: defaultPassword,
      role: 'expert',
      phone: e.phone,
    });
    await saveOwnProfile({ db, actor, input: e.profile });
  }
}
