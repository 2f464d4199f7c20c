import type { Role } from '#kernel/auth/roles.ts';
import type { ProjectInput } from '#modules/projects/index.ts';
import type { ProviderKind, SupportFigures, SupportKind, SupportStatus } from '#modules/support/index.ts';
import { defaultPassword } from './factories.ts';

// The demo data of a fresh install: the story of the Báo Lạng Sơn article (2022) about the
// Department of Science and Technology connecting the province's innovation-startup network.
// Products and projects named by the article keep their names; every person is fictional.

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  phone: string;
  /** Who this person is, for the table printed on first start. */
  about: string;
  password: string;
}

export const demoAccounts: DemoAccount[] = [
  {
    role: 'admin',
    email: 'quantri@ketnoi.demo',
    name: 'Lương Văn Khánh',
    phone: '0912000001',
    about: 'Quản trị hệ thống, Sở KHCN',
    password: defaultPassword,
  },
  {
    role: 'officer',
    email: 'canbo@ketnoi.demo',
    name: 'Hoàng Thị Thu Hà',
    phone: '0912000002',
    about: 'Cán bộ Phòng Quản lý công nghệ và Đổi mới sáng tạo',
    password: defaultPassword,
  },
  {
    role: 'founder',
    email: 'tacgia@ketnoi.demo',
    name: 'Nông Thị Thu Hằng',
    phone: '0912000003',
    about: 'Giáo viên THPT, trưởng nhóm dự án Tumany',
    password: defaultPassword,
  },
  {
    role: 'expert',
    email: 'chuyengia@ketnoi.demo',
    name: 'Phạm Quốc Bảo',
    phone: '0912000004',
    about: 'Chuyên gia quy trình sản xuất thực phẩm, tiêu chuẩn và nhãn hiệu',
    password: defaultPassword,
  },
  {
    role: 'partner',
    email: 'doitac@ketnoi.demo',
    name: 'Trần Thị Ngọc Ánh',
    phone: '0912000005',
    about: 'Công ty TNHH Phân phối Nông sản Kỳ Cùng',
    password: defaultPassword,
  },
];

/** Demo accounts by role: the roles that act in the story below. */
export type DemoRole = 'officer' | 'founder' | 'expert' | 'partner';

export interface DemoProject {
  /** Stable key the ledger entries below refer to. */
  key: string;
  /** Where it is: a commune slug, or a former district the article names. */
  place: { commune: string } | { formerDistrict: string };
  /** Registered by the founder account (who becomes its lead); otherwise by the officer. */
  byFounder?: boolean;
  /** The officer account follows it as case officer. */
  caseOfficer?: boolean;
  input: Omit<ProjectInput, 'commune'>;
}

const publicProject = { consentToPublish: true, isPublic: true } as const;
const privateProject = { consentToPublish: false, isPublic: false } as const;

export const demoProjects: DemoProject[] = [
  {
    key: 'thach-den',
    place: { formerDistrict: 'Tràng Định' },
    caseOfficer: true,
    input: {
      name: 'Thạch đen Hồng Nhung',
      summary:
        'Thạch đen nấu từ cây thạch đen trồng trên đất Tràng Định, không chất bảo quản, đóng cốc và túi tiện dụng; đã đủ điều kiện lưu thông và có hợp đồng tiêu thụ với chuỗi siêu thị tại Hà Nội.',
      description:
        'Tràng Định là vùng trồng cây thạch đen lớn nhất của tỉnh Lạng Sơn. Cơ sở thu mua thạch đen khô của bà con trong vùng, nấu theo công thức truyền thống rồi đóng cốc, đóng túi để bán lẻ và làm quà.\n\n' +
        'Được Sở KHCN kết nối chuyên gia tư vấn, cơ sở đã hoàn thiện quy trình sản xuất, tự công bố chất lượng sản phẩm, làm nhãn hàng hóa, mã số mã vạch và tem truy xuất nguồn gốc. Sản phẩm nay đáp ứng các điều kiện lưu thông trên thị trường và được siêu thị tại Hà Nội ký hợp đồng tiêu thụ.\n\n' +
        'Mục tiêu tiếp theo: mở rộng vùng nguyên liệu liên kết với 40 hộ trồng thạch đen và đưa sản phẩm vào thêm hai chuỗi bán lẻ.',
      type: 'product',
      field: 'food',
      stage: 'growing',
      members: ['Lăng Văn Tùng', 'Hoàng Thị Mến', 'Chu Văn Lực'],
      needs: ['market_connection', 'consulting_standards', 'consulting_marketing'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'bun-ngo',
    place: { formerDistrict: 'Đình Lập' },
    caseOfficer: true,
    input: {
      name: 'Bún ngô Thuận Anh',
      summary:
        'Bún khô làm từ ngô vùng cao Đình Lập, sợi dai, màu vàng tự nhiên, không phẩm màu; doanh số tăng 30% từ năm 2021 nhờ tham gia các hội chợ, triển lãm giới thiệu sản phẩm.',
      description:
        'Ngô nếp và ngô tẻ địa phương được xay, ủ, ép sợi và phơi sấy ngay tại xưởng. Sản phẩm hợp với người ăn kiêng, người cần thực phẩm ít tinh bột tinh chế.\n\n' +
        'Từ năm 2021, cơ sở được hỗ trợ đăng ký nhãn hiệu hàng hóa và được giới thiệu tham gia các hội chợ, triển lãm trong và ngoài tỉnh; doanh số bán hàng tăng 30%. Cơ sở cần thêm kênh bán trực tuyến và một nhà phân phối tại Hà Nội.',
      type: 'product',
      field: 'food',
      stage: 'growing',
      members: ['Vy Văn Thuận', 'Lộc Thị Lan Anh'],
      needs: ['consulting_ip', 'market_connection', 'events', 'consulting_digital'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'tumany',
    place: { commune: 'luong-van-tri' },
    byFounder: true,
    caseOfficer: true,
    input: {
      name: 'Tumany – Giáo dục hướng nghiệp cho học sinh THPT',
      summary:
        'Chương trình trải nghiệm hướng nghiệp giúp học sinh trung học phổ thông hiểu bản thân, tìm hiểu ngành nghề và chọn hướng đi phù hợp; đã tổ chức thành công 2 mùa.',
      description:
        'Tumany do một nhóm giáo viên trung học phổ thông ở Lạng Sơn khởi xướng. Mỗi mùa là một khóa học 10 ngày gồm trắc nghiệm sở thích nghề nghiệp, gặp gỡ người làm nghề, tham quan doanh nghiệp và xây dựng kế hoạch học tập cho từng em.\n\n' +
        'Sau khi đạt giải tại cuộc thi Khởi nghiệp đổi mới sáng tạo tỉnh năm 2021, nhóm được Sở KHCN tạo điều kiện tham gia khóa đào tạo do Bộ Khoa học và Công nghệ tổ chức, được kết nối với các đơn vị, địa điểm liên quan và được sử dụng toàn bộ hội trường khu làm việc chung trong 10 ngày để tổ chức khóa học năm 2022.',
      type: 'social',
      field: 'education',
      stage: 'market',
      members: ['Lý Văn Đức', 'Hoàng Thị Bích Ngọc', 'Đàm Minh Quân'],
      needs: ['space', 'training', 'events', 'funding'],
      awards: [{ year: 2021, title: 'Giải thưởng cuộc thi Khởi nghiệp đổi mới sáng tạo tỉnh Lạng Sơn năm 2021' }],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'na-chi-lang',
    place: { formerDistrict: 'Chi Lăng' },
    caseOfficer: true,
    input: {
      name: 'Hợp tác xã Na sạch Chi Lăng',
      summary:
        'Hợp tác xã liên kết các hộ trồng na theo quy trình VietGAP, phân loại, đóng hộp và gắn tem truy xuất nguồn gốc cho quả na Chi Lăng.',
      description:
        'Na Chi Lăng nổi tiếng ngọt thơm nhưng phần lớn vẫn bán xô cho thương lái. Hợp tác xã gom na của 35 hộ thành viên, thu hái đúng độ chín, phân loại theo cỡ quả và đóng hộp 2 kg, 5 kg.\n\n' +
        'Sản phẩm đã được trưng bày tại Lễ ra quân Phát triển kinh tế số tỉnh Lạng Sơn (7/2021). Hợp tác xã cần tư vấn về nhãn hiệu, truy xuất nguồn gốc và kênh tiêu thụ tại các thành phố lớn.',
      type: 'product',
      field: 'agriculture',
      stage: 'growing',
      members: ['Triệu Văn Sơn', 'Hà Thị Nguyệt', 'Nông Văn Tiến'],
      needs: ['consulting_ip', 'market_connection', 'consulting_digital'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'cho-nong-san-so',
    place: { commune: 'quan-son' },
    input: {
      name: 'Chợ nông sản số Chi Lăng',
      summary:
        'Gian hàng trực tuyến gom nông sản của các hộ và hợp tác xã Chi Lăng (na, hồng, rau an toàn), nhận đơn qua mạng xã hội và giao hàng theo chuyến về thành phố.',
      description:
        'Nhóm thanh niên địa phương chụp ảnh, viết mô tả và đăng bán nông sản theo mùa vụ; đơn hàng được gom theo chuyến để giảm chi phí vận chuyển.\n\n' +
        'Nhóm cần hỗ trợ về chuyển đổi số, thương mại điện tử và vốn để mua xe giao hàng có thùng mát.',
      type: 'business_model',
      field: 'technology',
      stage: 'prototype',
      members: ['Hoàng Văn Nam', 'Lương Thị Thảo'],
      needs: ['consulting_digital', 'training', 'funding'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'hoi',
    place: { commune: 'van-quan' },
    caseOfficer: true,
    input: {
      name: 'Tinh dầu hồi Văn Quan',
      summary:
        'Chưng cất tinh dầu hồi và sơ chế hoa hồi khô từ vùng hồi Văn Quan, nâng giá trị cho cây hồi thay vì bán quả tươi.',
      description:
        'Hồi là cây đặc sản của Lạng Sơn. Cơ sở đầu tư nồi chưng cất hơi nước, thu tinh dầu đạt tiêu chuẩn và sấy hoa hồi bằng lò sấy sạch thay vì phơi trên nền đất.\n\n' +
        'Cần tư vấn tiêu chuẩn chất lượng tinh dầu và tìm đối tác thu mua ổn định.',
      type: 'product',
      field: 'herbal',
      stage: 'market',
      members: ['Hoàng Văn Chiến', 'Nông Thị Dung'],
      needs: ['consulting_standards', 'market_connection', 'events'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'que',
    place: { commune: 'tan-van' },
    input: {
      name: 'Quế thanh và bột quế hữu cơ Tân Văn',
      summary:
        'Quế thanh cuộn tay và bột quế xay mịn từ rừng quế trồng theo hướng hữu cơ, đóng gói cho bếp gia đình và quán ăn.',
      description:
        'Các hộ trồng quế ở Tân Văn liên kết để bóc, phơi và phân loại vỏ quế tại chỗ. Sản phẩm đang chờ chứng nhận hữu cơ và cần thiết kế bao bì phù hợp với siêu thị.',
      type: 'product',
      field: 'agriculture',
      stage: 'prototype',
      members: ['Mã Văn Hiệp', 'Lục Thị Hoa'],
      needs: ['consulting_product', 'consulting_standards', 'market_connection'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'tra-hoa-vang',
    place: { commune: 'hoa-tham' },
    caseOfficer: true,
    input: {
      name: 'Trà hoa vàng Bình Gia',
      summary:
        'Trà hoa vàng sấy khô và trà túi lọc từ vườn trà hoa vàng trồng dưới tán rừng Bình Gia, giữ nguyên màu và hương của hoa.',
      description:
        'Hoa được hái vào mùa đông, sấy lạnh ở nhiệt độ thấp để giữ màu vàng và hương thơm. Nhóm đã được tư vấn phát triển dòng trà túi lọc tiện dùng và đang xây dựng câu chuyện sản phẩm gắn với rừng Bình Gia.',
      type: 'product',
      field: 'herbal',
      stage: 'market',
      members: ['Hoàng Thị Xuân', 'Dương Văn Khải'],
      needs: ['consulting_product', 'market_connection', 'events'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'mien-dong',
    place: { commune: 'hoi-hoan' },
    caseOfficer: true,
    input: {
      name: 'Miến dong Hội Hoan',
      summary:
        'Miến làm từ tinh bột củ dong riềng trồng tại chỗ, sợi dai, không chất tẩy trắng, theo quy trình sản xuất đã được chuẩn hóa.',
      description:
        'Tổ hợp tác gồm 12 hộ vừa trồng dong riềng vừa làm miến. Sau khi được chuyên gia tư vấn, tổ đã tách khâu lọc bột, tráng và phơi thành các bước có kiểm soát, giảm tỷ lệ sợi gãy và ổn định chất lượng giữa các mẻ.',
      type: 'product',
      field: 'food',
      stage: 'market',
      members: ['Nông Văn Thành', 'Vi Thị Hương'],
      needs: ['consulting_production', 'market_connection'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'ruou-mau-son',
    place: { commune: 'mau-son' },
    caseOfficer: true,
    input: {
      name: 'Rượu men lá Mẫu Sơn',
      summary:
        'Rượu nấu từ gạo nếp và men lá của người Dao trên núi Mẫu Sơn, được hạ độ và lọc an toàn trước khi đóng chai.',
      description:
        'Men lá được làm từ các loại lá rừng theo bí quyết gia truyền. Cơ sở đã đầu tư thiết bị lọc andehit, làm nhãn và đăng ký chất lượng; cần kết nối các điểm du lịch và cửa hàng đặc sản.',
      type: 'product',
      field: 'food',
      stage: 'market',
      members: ['Triệu Văn Phú', 'Bàn Thị Mai'],
      needs: ['market_connection', 'consulting_marketing', 'events'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'dao-mau-son',
    place: { commune: 'cong-son' },
    input: {
      name: 'Vườn đào Mẫu Sơn – trải nghiệm mùa hoa',
      summary:
        'Phục tráng giống đào Mẫu Sơn và mở vườn cho du khách tham quan mùa hoa, hái quả, thưởng thức món ăn của người Dao.',
      description:
        'Giống đào Mẫu Sơn quả nhỏ, giòn và thơm đang bị thoái hóa. Nhóm ghép lại giống từ các cây đào cổ, kết hợp đón khách theo mùa để có thu nhập trong lúc chờ vườn cho quả.',
      type: 'business_model',
      field: 'tourism',
      stage: 'prototype',
      members: ['Đặng Văn Quý', 'Triệu Thị Liên'],
      needs: ['consulting_production', 'consulting_marketing', 'funding'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'khau-nhuc',
    place: { commune: 'luong-van-tri' },
    caseOfficer: true,
    input: {
      name: 'Khau nhục Xứ Lạng đóng gói hút chân không',
      summary:
        'Khau nhục hấp theo cách truyền thống của người Tày, Nùng, đóng gói hút chân không và cấp đông để gửi đi xa mà vẫn giữ hương vị.',
      description:
        'Món khau nhục thường chỉ có trong mâm cỗ ngày Tết. Cơ sở chuẩn hóa khâu tẩm ướp, hấp và cấp đông nhanh, bán cho khách du lịch và các gia đình ở xa quê.',
      type: 'product',
      field: 'food',
      stage: 'market',
      members: ['Lý Thị Thanh', 'Hoàng Văn Bình'],
      needs: ['consulting_standards', 'market_connection', 'consulting_digital'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'vit-quay',
    place: { commune: 'ky-lua' },
    input: {
      name: 'Vịt quay lá mắc mật giao tận nơi',
      summary:
        'Vịt quay lá mắc mật Lạng Sơn đặt hàng trực tuyến, đóng hộp giữ nhiệt và giao trong ngày tới Hà Nội và các tỉnh lân cận.',
      description:
        'Vịt được chọn từ các trang trại trong tỉnh, quay bằng lò than theo công thức lá mắc mật. Cơ sở cần vốn mở điểm bán tại Hà Nội và đã được giới thiệu với Câu lạc bộ Đầu tư và Khởi nghiệp tỉnh.',
      type: 'product',
      field: 'food',
      stage: 'growing',
      members: ['Hà Văn Long', 'Nguyễn Thị Yến'],
      needs: ['funding', 'market_connection'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'mat-ong',
    place: { commune: 'huu-lien' },
    caseOfficer: true,
    input: {
      name: 'Mật ong rừng Hữu Liên',
      summary:
        'Mật ong từ đàn ong nuôi dưới tán rừng đặc dụng Hữu Liên, quay và lọc theo quy trình sạch, có tem truy xuất nguồn gốc.',
      description:
        'Hai mươi hộ nuôi ong ven khu bảo tồn thiên nhiên Hữu Liên góp mật về một điểm sơ chế chung. Dự án đang đăng ký nhãn hiệu và kiểm nghiệm các chỉ tiêu chất lượng để bán vào siêu thị.',
      type: 'product',
      field: 'agriculture',
      stage: 'market',
      members: ['Lâm Văn Hòa', 'Trần Thị Kim'],
      needs: ['consulting_ip', 'consulting_standards', 'market_connection'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'duoc-lieu',
    place: { commune: 'yen-binh' },
    input: {
      name: 'Dược liệu Hữu Lũng – cao và trà giảo cổ lam',
      summary:
        'Trồng giảo cổ lam và một số cây dược liệu bản địa, chế biến thành cao và trà túi lọc theo hướng sản phẩm OCOP.',
      description:
        'Vùng trồng 6 ha liên kết với các hộ dân tộc Dao. Cơ sở có xưởng sấy và cô cao nhỏ; cần tư vấn công bố sản phẩm và tiêu chuẩn dược liệu sạch.',
      type: 'product',
      field: 'herbal',
      stage: 'market',
      members: ['Bàn Văn Tài', 'Phùng Thị Nhàn'],
      needs: ['consulting_standards', 'consulting_product', 'events'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'homestay-bac-son',
    place: { commune: 'bac-son' },
    input: {
      name: 'Homestay nhà sàn Tày thung lũng Bắc Sơn',
      summary:
        'Chuỗi homestay nhà sàn của người Tày giữa thung lũng lúa Bắc Sơn, kèm tour đạp xe, leo núi Nà Lay và ẩm thực bản địa.',
      description:
        'Năm gia đình trong bản cùng đón khách theo một chuẩn dịch vụ chung: phòng sạch, bữa ăn từ nông sản tại chỗ, hướng dẫn viên là người trong bản. Nhóm muốn xây dựng thương hiệu chung và bán phòng qua các nền tảng đặt phòng.',
      type: 'service',
      field: 'tourism',
      stage: 'growing',
      members: ['Dương Thị Hạnh', 'Hoàng Văn Toàn', 'Lương Văn Sáng'],
      needs: ['training', 'consulting_marketing', 'consulting_digital', 'events'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'du-lich-trang-dinh',
    place: { commune: 'quoc-khanh' },
    input: {
      name: 'Du lịch cộng đồng ven sông Kỳ Cùng',
      summary:
        'Ý tưởng tour trải nghiệm một ngày ven sông Kỳ Cùng: chèo mảng, làm bánh cùng người Tày, thăm ruộng thạch đen và chợ phiên.',
      description:
        'Nhóm đang khảo sát các điểm dừng, tính giá tour và tập huấn cho người dân làm hướng dẫn viên. Cần hỗ trợ xây dựng sản phẩm du lịch và kết nối với các công ty lữ hành.',
      type: 'service',
      field: 'tourism',
      stage: 'idea',
      members: ['Chu Thị Hằng', 'Lăng Văn Vũ'],
      needs: ['consulting_product', 'training', 'market_connection'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'tho-cam',
    place: { commune: 'khuat-xa' },
    input: {
      name: 'Thổ cẩm Nùng, Dao – túi và khăn thủ công',
      summary:
        'Phụ nữ Nùng, Dao dệt và thêu thổ cẩm thành túi, khăn, ví theo mẫu hiện đại, giữ hoa văn truyền thống của từng dân tộc.',
      description:
        'Tổ dệt có 18 chị em làm tại nhà vào lúc nông nhàn. Nhóm cần người thiết kế mẫu mới, học cách định giá và bán hàng trực tuyến.',
      type: 'product',
      field: 'handicraft',
      stage: 'prototype',
      members: ['Hoàng Thị Duyên', 'Triệu Thị Sen'],
      needs: ['consulting_product', 'consulting_digital', 'events'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'truy-xuat-qr',
    place: { commune: 'dong-kinh' },
    input: {
      name: 'Tem QR truy xuất nguồn gốc cho nông sản Xứ Lạng',
      summary:
        'Dịch vụ in tem QR và trang truy xuất nguồn gốc giá rẻ cho hộ sản xuất, hợp tác xã: nhập nhật ký sản xuất trên điện thoại, người mua quét mã để xem.',
      description:
        'Ứng dụng chạy tốt trên điện thoại cấu hình thấp và mạng yếu; hợp tác xã nhập thông tin lô hàng bằng tiếng Việt, có hướng dẫn bằng hình ảnh. Đang thử nghiệm với ba cơ sở sản xuất trong tỉnh.',
      type: 'service',
      field: 'technology',
      stage: 'prototype',
      members: ['Nguyễn Đức Anh', 'Hoàng Minh Trí'],
      needs: ['funding', 'market_connection', 'events'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'so-tay-nong-ho',
    place: { commune: 'tri-le' },
    input: {
      name: 'Sổ tay nông hộ số',
      summary:
        'Ứng dụng ghi chép chi phí, lịch chăm sóc và sản lượng cho nông hộ, nhắc việc theo mùa vụ và gợi ý giá bán tham khảo.',
      description:
        'Ý tưởng của hai sinh viên công nghệ thông tin quê Văn Quan, đang làm bản thử nghiệm và cần chuyên gia góp ý mô hình kinh doanh.',
      type: 'business_model',
      field: 'technology',
      stage: 'idea',
      members: ['Lục Văn Hậu', 'Vi Thị Ngân'],
      needs: ['consulting_finance', 'training', 'space'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'stem',
    place: { commune: 'thai-binh' },
    byFounder: true,
    input: {
      name: 'Lớp học STEM cho học sinh vùng cao',
      summary:
        'Bộ học liệu STEM giá rẻ làm từ vật liệu sẵn có và các buổi học cuối tuần cho học sinh trung học cơ sở ở các xã vùng cao.',
      description:
        'Nhóm giáo viên thiết kế 12 bài thực hành (lọc nước, máy bơm mini, nhà kính thu nhỏ…) dùng vật liệu dễ kiếm ở nông thôn, thử nghiệm tại hai trường và muốn nhân rộng qua các giáo viên cốt cán.',
      type: 'social',
      field: 'education',
      stage: 'idea',
      members: ['Lý Văn Đức'],
      needs: ['funding', 'training', 'space'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'phan-huu-co',
    place: { commune: 'yen-phuc' },
    input: {
      name: 'Phân bón hữu cơ vi sinh từ phụ phẩm nông nghiệp',
      summary:
        'Ủ rơm rạ, thân ngô và phân chuồng bằng chế phẩm vi sinh thành phân hữu cơ cho vườn hồi, vườn na, giảm đốt rơm và giảm phân hóa học.',
      description:
        'Đã ủ thử 20 tấn và bón thử nghiệm tại 5 vườn; cần tư vấn quy trình sản xuất ổn định và thủ tục công bố phân bón.',
      type: 'product',
      field: 'environment',
      stage: 'prototype',
      members: ['Đinh Văn Hùng', 'Hoàng Thị Lý'],
      needs: ['consulting_production', 'consulting_standards', 'funding'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'cham-soc-nct',
    place: { commune: 'tam-thanh' },
    input: {
      name: 'Chăm sóc sức khỏe người cao tuổi tại nhà',
      summary:
        'Dịch vụ điều dưỡng đến nhà đo huyết áp, đường huyết, tập vận động và nhắc uống thuốc cho người cao tuổi sống một mình.',
      description:
        'Nhóm điều dưỡng đã nghỉ hưu và điều dưỡng trẻ cùng xây dựng gói dịch vụ theo tháng, đặt lịch qua điện thoại.',
      type: 'service',
      field: 'health',
      stage: 'idea',
      members: ['Vũ Thị Hồng', 'Phạm Văn Khôi'],
      needs: ['consulting_finance', 'consulting_marketing'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'kho-lanh',
    place: { commune: 'dong-dang' },
    input: {
      name: 'Gom hàng và kho lạnh nông sản vùng cửa khẩu',
      summary:
        'Điểm gom hàng có kho lạnh nhỏ gần cửa khẩu, giúp các hợp tác xã bảo quản rau quả trong lúc chờ thông quan hay chờ xe.',
      description:
        'Mô hình cho thuê theo ngày và theo pallet, có sổ theo dõi nhiệt độ. Đang tìm nhà đầu tư góp vốn kho lạnh đầu tiên.',
      type: 'service',
      field: 'services',
      stage: 'idea',
      members: ['Hoàng Văn Dũng', 'Lê Thị Thu'],
      needs: ['funding', 'consulting_finance'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'hong-say',
    place: { commune: 'cao-loc' },
    input: {
      name: 'Hồng vành khuyên sấy dẻo Cao Lộc',
      summary:
        'Hồng vành khuyên Cao Lộc sấy dẻo bằng máy sấy lạnh, đóng túi zip, bán quanh năm thay vì chỉ vài tuần chính vụ.',
      description:
        'Giải quyết cảnh hồng chín rộ bị ép giá. Sản phẩm giữ vị ngọt tự nhiên, không đường, không chất bảo quản.',
      type: 'product',
      field: 'food',
      stage: 'market',
      members: ['Hà Thị Phượng', 'Lộc Văn Hưng'],
      needs: ['market_connection', 'consulting_marketing'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'nam-sach',
    place: { commune: 'tan-thanh' },
    input: {
      name: 'Nấm sò và nấm linh chi sạch Hữu Lũng',
      summary:
        'Trồng nấm sò, nấm linh chi trên giá thể mùn cưa và lõi ngô trong nhà màng, cung cấp nấm tươi cho bếp ăn trường học.',
      description:
        'Trang trại tận dụng phụ phẩm nông nghiệp tại chỗ; cần hướng dẫn quy trình chống nhiễm khuẩn và kết nối bếp ăn tập thể.',
      type: 'product',
      field: 'agriculture',
      stage: 'prototype',
      members: ['Ngô Văn Thái', 'Đỗ Thị Lụa'],
      needs: ['consulting_production', 'market_connection'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'xa-phong',
    place: { commune: 'tan-tri' },
    input: {
      name: 'Xà phòng thảo dược người Dao',
      summary:
        'Xà phòng thủ công và nước tắm lá thuốc theo bài thuốc của người Dao, dùng tinh dầu hồi, quế và lá rừng.',
      description: 'Sản phẩm làm theo mẻ nhỏ, đóng hộp giấy; nhóm cần tư vấn công bố mỹ phẩm và thiết kế bao bì.',
      type: 'product',
      field: 'herbal',
      stage: 'prototype',
      members: ['Triệu Thị Hoa', 'Bàn Văn Lìn'],
      needs: ['consulting_standards', 'consulting_product'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'pho-chua',
    place: { commune: 'dong-kinh' },
    input: {
      name: 'Phở chua Lạng Sơn đóng gói',
      summary:
        'Bộ phở chua Lạng Sơn đóng gói gồm bánh phở, nước sốt chua ngọt, lạc rang và khoai môn chiên, chế biến tại nhà trong 5 phút.',
      description:
        'Ý tưởng đưa món ăn đặc trưng của Xứ Lạng tới người ở xa; nhóm đang thử hạn sử dụng của nước sốt và tìm cơ sở gia công.',
      type: 'product',
      field: 'food',
      stage: 'idea',
      members: ['Nguyễn Thị Quyên', 'Mạc Văn Kiên'],
      needs: ['consulting_product', 'consulting_production'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'quyt-bac-son',
    place: { commune: 'hung-vu' },
    input: {
      name: 'Quýt vàng Bắc Sơn',
      summary: 'Quýt vàng Bắc Sơn trồng theo VietGAP, thu hái dịp cuối năm, đóng hộp quà Tết và bán trực tuyến.',
      description:
        'Nhóm 15 hộ trồng quýt thống nhất quy trình chăm sóc, thu hái và đóng hộp, bán chung một thương hiệu thay vì bán lẻ ven đường.',
      type: 'product',
      field: 'agriculture',
      stage: 'market',
      members: ['Dương Văn Hải', 'Hoàng Thị Tươi'],
      needs: ['market_connection', 'consulting_ip'],
      awards: [],
      links: [],
      ...publicProject,
    },
  },
  {
    key: 'may-tre',
    place: { commune: 'na-sam' },
    input: {
      name: 'Hộp quà đan mây tre cho sản phẩm OCOP',
      summary: 'Ý tưởng đan hộp quà, giỏ quà bằng mây tre thay bao bì nhựa cho các sản phẩm OCOP của tỉnh.',
      description: 'Nhóm đang làm mẫu thử và tính giá thành; chưa muốn công bố ý tưởng.',
      type: 'product',
      field: 'handicraft',
      stage: 'idea',
      members: ['Hoàng Văn Sinh'],
      needs: ['consulting_product', 'consulting_ip'],
      awards: [],
      links: [],
      ...privateProject,
    },
  },
  {
    key: 'tieng-trung',
    place: { commune: 'ba-son' },
    input: {
      name: 'Lớp tiếng Trung giao tiếp cho tiểu thương biên giới',
      summary:
        'Lớp tiếng Trung buổi tối, học theo tình huống mua bán, cho tiểu thương và lái xe làm việc ở vùng cửa khẩu.',
      description: 'Giáo trình đang được soạn; nhóm cần phòng học và tư vấn mô hình thu học phí.',
      type: 'service',
      field: 'education',
      stage: 'idea',
      members: ['Lâm Thị Hà'],
      needs: ['space', 'consulting_finance'],
      awards: [],
      links: [],
      ...privateProject,
    },
  },
  {
    key: 'say-lanh',
    place: { commune: 'kien-moc' },
    input: {
      name: 'Máy sấy nông sản dùng năng lượng mặt trời',
      summary:
        'Máy sấy kết hợp tấm thu nhiệt mặt trời và bơm nhiệt cho hộ sấy hồi, quế, măng ở vùng chưa có điện ba pha.',
      description: 'Bản vẽ và mô hình thu nhỏ đã xong; tác giả muốn đăng ký sáng chế trước khi giới thiệu rộng rãi.',
      type: 'product',
      field: 'technology',
      stage: 'idea',
      members: ['Vi Văn Cường'],
      needs: ['consulting_ip', 'funding'],
      awards: [],
      links: [],
      ...privateProject,
    },
  },
];

/** Who gave the support: one of the demo accounts, or a named organisation or person. */
export type DemoProvider = { account: DemoRole } | { name: string };

export interface DemoSupport {
  /** Stable source id: seeding again updates the same ledger row. */
  id: string;
  project: string;
  kind: SupportKind;
  title: string;
  providerKind: ProviderKind;
  provider: DemoProvider;
  startedOn: string;
  endedOn?: string;
  status: SupportStatus;
  outcome?: string;
  figures?: SupportFigures;
}

// The five courses (216 learners) are real events with their people: see demo-events.ts.

// The 21 products put on techfest 247 (platform listings) and the sales connections of thạch đen
// Hồng Nhung and bún ngô Thuận Anh are made through the products module: src/seed/demo-products.ts.

// The ten projects invited to the National Startup Day 2022 (Lai Châu) are nominations: see demo-events.ts.

// Tumany's 10 days in the hall (June 2022) are a booking of the spaces module: src/seed/demo-spaces.ts.

const others: DemoSupport[] = [
  // The introductions to the Investment & Startup Club (vịt quay) and to the distributor (khau
  // nhục) are made through the partners module: src/seed/demo-partners.ts.
];

export const demoSupport: DemoSupport[] = [...others];
