// Word lists the generator composes realistic Vietnamese (Lạng Sơn) data from.
// Everything is written with its diacritics: search must find "Thạch đen" from "thach den".

import type { ProjectField, ProjectType } from '#modules/projects/index.ts';

export const familyNames = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý',
  'Nông', 'Lương', 'Triệu', 'Vi', 'Lộc', 'Chu', 'Mã', 'Hà', 'Lăng', 'Đinh', 'Tô', 'Hứa', 'Hoàng',
  'Nguyễn', 'Nông', 'Lý', 'Vy', 'La', 'Đàm', 'Hầu', 'Nguyễn', 'Trần', 'Lương',
];

export const maleMiddleNames = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thế', 'Xuân', 'Công', 'Mạnh', 'Tiến', 'Văn', 'Đình'];
export const femaleMiddleNames = ['Thị', 'Thu', 'Ngọc', 'Hồng', 'Thanh', 'Bích', 'Kim', 'Minh', 'Phương', 'Diệu', 'Thị', 'Thùy'];

export const maleGivenNames = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đông', 'Giang', 'Hải', 'Hiếu', 'Hưng', 'Khánh', 'Lâm', 'Long',
  'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Hùng', 'Trường', 'Toàn',
  'Đức', 'Kiên', 'Lợi', 'Nghĩa',
];
export const femaleGivenNames = [
  'Anh', 'Châu', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Linh', 'Loan', 'Mai', 'Nga',
  'Ngân', 'Nhung', 'Nhàn', 'Phương', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Yến', 'Hằng', 'Liên', 'Oanh',
  'Quyên', 'Tuyết', 'Xuân', 'Diệp',
];

/** Brand-like personal names ("Thạch đen Hồng Nhung"). */
export const brandNames = [
  'Hồng Nhung', 'Minh Anh', 'Thu Hà', 'Ngọc Lan', 'Bảo Châu', 'Hoàng Long', 'Thanh Bình', 'Phúc Lộc',
  'Kim Ngân', 'Xuân Mai', 'Tâm An', 'Hữu Nghị', 'Đức Thịnh', 'Gia Bảo', 'Mộc Miên', 'Sơn Thủy',
  'Xứ Lạng', 'Đồng Đăng', 'Kỳ Lừa', 'Mẫu Sơn', 'Bản Làng', 'Nhà Tày', 'Hương Rừng', 'Đất Lành',
];

interface ProductDef {
  name: string;
  field: ProjectField;
  type: ProjectType;
}

/** What projects make or do, with the field and type they belong to. */
export const products: ProductDef[] = [
  { name: 'Thạch đen', field: 'food', type: 'product' },
  { name: 'Thạch đen sấy khô', field: 'food', type: 'product' },
  { name: 'Miến dong', field: 'food', type: 'product' },
  { name: 'Khâu nhục', field: 'food', type: 'product' },
  { name: 'Vịt quay mắc mật', field: 'food', type: 'product' },
  { name: 'Lợn quay', field: 'food', type: 'product' },
  { name: 'Bánh cuốn trứng', field: 'food', type: 'service' },
  { name: 'Lạp sườn hun khói', field: 'food', type: 'product' },
  { name: 'Bánh áp chao', field: 'food', type: 'product' },
  { name: 'Phở chua', field: 'food', type: 'service' },
  { name: 'Hạt dẻ rang', field: 'food', type: 'product' },
  { name: 'Rượu men lá', field: 'food', type: 'product' },
  { name: 'Na Chi Lăng', field: 'agriculture', type: 'product' },
  { name: 'Quýt vàng Bắc Sơn', field: 'agriculture', type: 'product' },
  { name: 'Hồng không hạt', field: 'agriculture', type: 'product' },
  { name: 'Hoa hồi', field: 'agriculture', type: 'product' },
  { name: 'Chè Mẫu Sơn', field: 'agriculture', type: 'product' },
  { name: 'Đào Mẫu Sơn', field: 'agriculture', type: 'product' },
  { name: 'Gạo nếp cái hoa vàng', field: 'agriculture', type: 'product' },
  { name: 'Gà đồi thả vườn', field: 'agriculture', type: 'business_model' },
  { name: 'Mật ong rừng', field: 'agriculture', type: 'product' },
  { name: 'Rau cải ngồng hữu cơ', field: 'agriculture', type: 'business_model' },
  { name: 'Tinh dầu hồi', field: 'herbal', type: 'product' },
  { name: 'Tinh dầu quế', field: 'herbal', type: 'product' },
  { name: 'Trà hoa vàng', field: 'herbal', type: 'product' },
  { name: 'Cao giảo cổ lam', field: 'herbal', type: 'product' },
  { name: 'Ba kích tím', field: 'herbal', type: 'product' },
  { name: 'Thuốc tắm người Dao', field: 'herbal', type: 'product' },
  { name: 'Thổ cẩm Tày', field: 'handicraft', type: 'product' },
  { name: 'Mây tre đan', field: 'handicraft', type: 'product' },
  { name: 'Đồ gỗ mỹ nghệ', field: 'handicraft', type: 'product' },
  { name: 'Giấy dó', field: 'handicraft', type: 'product' },
  { name: 'Homestay nhà sàn', field: 'tourism', type: 'service' },
  { name: 'Du lịch cộng đồng', field: 'tourism', type: 'business_model' },
  { name: 'Tour trải nghiệm hái hồi', field: 'tourism', type: 'service' },
  { name: 'Lớp kỹ năng số cho nông dân', field: 'education', type: 'social' },
  { name: 'Câu lạc bộ STEM', field: 'education', type: 'social' },
  { name: 'Ứng dụng truy xuất nguồn gốc', field: 'technology', type: 'product' },
  { name: 'Sàn thương mại nông sản', field: 'technology', type: 'business_model' },
  { name: 'Phần mềm quản lý hợp tác xã', field: 'technology', type: 'product' },
  { name: 'Phân hữu cơ vi sinh', field: 'environment', type: 'product' },
  { name: 'Than sinh học', field: 'environment', type: 'product' },
  { name: 'Túi sinh học từ bẹ chuối', field: 'environment', type: 'social' },
  { name: 'Xông hơi thảo dược', field: 'health', type: 'service' },
  { name: 'Chăm sóc người cao tuổi', field: 'health', type: 'social' },
  { name: 'Dịch vụ kho lạnh cửa khẩu', field: 'services', type: 'service' },
  { name: 'In ấn bao bì đặc sản', field: 'services', type: 'service' },
  { name: 'Nấm linh chi', field: 'other', type: 'product' },
];

/** `{p}` is the product in lower case, `{c}` the commune. */
export const summaryTemplates = [
  'Sản xuất và kinh doanh {p} theo quy trình an toàn, nguyên liệu từ {c}.',
  'Phát triển {p} thành sản phẩm OCOP, liên kết với các hộ dân ở {c}.',
  'Nâng cao chất lượng và mở rộng thị trường cho {p} của đồng bào Tày, Nùng ở {c}.',
  'Đóng gói, truy xuất nguồn gốc và bán {p} qua sàn thương mại điện tử và cửa hàng đặc sản.',
  'Nhóm thanh niên khởi nghiệp với {p}, tạo việc làm cho phụ nữ ở {c}.',
  'Chuẩn hóa quy trình, đăng ký nhãn hiệu tập thể cho {p} vùng {c}.',
];

export const descriptionParagraphs = [
  'Dự án bắt đầu từ một hộ gia đình, nay liên kết với nhiều hộ trong thôn để có vùng nguyên liệu ổn định.',
  'Sản phẩm đã có mã số mã vạch, tem truy xuất và được bày bán tại các điểm giới thiệu đặc sản của tỉnh.',
  'Nhóm cần hỗ trợ về thiết kế bao bì, công bố chất lượng và kết nối với nhà phân phối ở Hà Nội.',
  'Mục tiêu năm tới là đạt chứng nhận OCOP 3 sao và mở rộng kênh bán hàng trực tuyến.',
  'Dự án ưu tiên tuyển lao động là người dân tộc thiểu số và phụ nữ trong địa phương.',
  'Quy trình sản xuất được cải tiến với sự tư vấn của cán bộ Sở Khoa học và Công nghệ.',
];

export const awardTitles = [
  'Giải Ba cuộc thi Khởi nghiệp đổi mới sáng tạo tỉnh Lạng Sơn',
  'Giải Khuyến khích cuộc thi Ý tưởng khởi nghiệp',
  'Chứng nhận sản phẩm OCOP 3 sao',
  'Giải Nhì Techfest vùng Trung du và miền núi phía Bắc',
];

/** Support titles, three per kind, in the order of `supportKinds`. */
export const supportTitles: Record<string, string[]> = {
  consulting: ['Tư vấn xây dựng nhãn hiệu', 'Tư vấn quy trình sản xuất an toàn', 'Tư vấn công bố chất lượng sản phẩm'],
  training: ['Tập huấn khởi nghiệp đổi mới sáng tạo', 'Lớp kỹ năng bán hàng trực tuyến', 'Tập huấn quản trị tài chính'],
  space: ['Sử dụng không gian làm việc chung', 'Mượn phòng họp giới thiệu sản phẩm', 'Trưng bày tại phòng sản phẩm'],
  market_connection: ['Kết nối nhà phân phối tại Hà Nội', 'Tham gia hội chợ xúc tiến thương mại', 'Kết nối chuỗi siêu thị'],
  connection: ['Giới thiệu chuyên gia công nghệ thực phẩm', 'Kết nối với hợp tác xã vùng nguyên liệu', 'Giới thiệu nhà đầu tư thiên thần'],
  platform_listing: ['Đăng sản phẩm lên sàn thương mại điện tử', 'Giới thiệu trên cổng thông tin khởi nghiệp', 'Đưa lên bản đồ đặc sản tỉnh'],
  event_introduction: ['Giới thiệu tại Ngày hội khởi nghiệp tỉnh', 'Trình bày tại Techfest vùng', 'Giới thiệu tại diễn đàn nông nghiệp'],
  funding: ['Hỗ trợ kinh phí thiết kế bao bì', 'Hỗ trợ kinh phí đăng ký nhãn hiệu', 'Hỗ trợ một phần kinh phí máy móc'],
  other: ['Hỗ trợ khác theo đề nghị', 'Khảo sát thực tế tại cơ sở', 'Hướng dẫn thủ tục hành chính'],
};

export const organisations = [
  'Sở Khoa học và Công nghệ Lạng Sơn',
  'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp',
  'Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch',
  'Tỉnh Đoàn Lạng Sơn',
  'Hội Liên hiệp Phụ nữ tỉnh',
  'Trường Cao đẳng Công nghệ, Kinh tế và Nông lâm Đông Bắc',
];

export const partners = [
  'Công ty TNHH Thương mại Xứ Lạng',
  'Hợp tác xã Nông nghiệp Hữu Nghị',
  'Công ty CP Logistics Đồng Đăng',
  'Quỹ Khởi nghiệp Vùng cao',
  'Siêu thị Đặc sản Kỳ Lừa',
  'Ngân hàng Chính sách xã hội chi nhánh Lạng Sơn',
];

export const outcomes = [
  'Hoàn thành, dự án đã áp dụng vào sản xuất.',
  'Đã hoàn thiện hồ sơ, đang chờ cấp chứng nhận.',
  'Ký được hợp đồng bán hàng đầu tiên.',
  'Nhóm nắm được quy trình, cần theo dõi thêm.',
  'Doanh thu quý sau tăng rõ rệt.',
  'Sản phẩm được giới thiệu tới nhiều khách hàng mới.',
];
