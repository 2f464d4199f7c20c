import { createRequire } from 'node:module';
import { type ItemAccess, type ItemCategory, type ItemKind, saveItem } from '#modules/library/index.ts';
import type { DemoContext } from './demo-context.ts';

interface DemoItem {
  title: string;
  kind: ItemKind;
  category: ItemCategory;
  tags: string;
  description: string;
  author?: string;
  year?: number;
  /** A one-page PDF is made for the item (a demo's stand-in for the real document). */
  pdf?: boolean;
  shelfMark?: string;
  access?: ItemAccess;
}

const items: DemoItem[] = [
  {
    title: 'Cẩm nang khởi nghiệp đổi mới sáng tạo cho người mới bắt đầu',
    kind: 'guide',
    category: 'startup',
    tags: 'khởi nghiệp, ý tưởng, mô hình kinh doanh',
    description:
      'Từ ý tưởng đến sản phẩm đầu tiên: kiểm chứng nhu cầu, mô hình kinh doanh, đội nhóm và các nguồn hỗ trợ của tỉnh.',
    author: 'Sở Khoa học và Công nghệ',
    year: 2022,
    pdf: true,
  },
  {
    title: 'Hướng dẫn tự công bố chất lượng sản phẩm thực phẩm',
    kind: 'guide',
    category: 'quality_food_safety',
    tags: 'tự công bố, an toàn thực phẩm, điều kiện lưu thông',
    description: 'Các bước tự công bố sản phẩm, hồ sơ cần chuẩn bị, phiếu kết quả kiểm nghiệm và nơi nộp.',
    year: 2022,
    pdf: true,
  },
  {
    title: 'Hướng dẫn đăng ký mã số mã vạch và truy xuất nguồn gốc',
    kind: 'guide',
    category: 'quality_food_safety',
    tags: 'mã vạch, truy xuất nguồn gốc, tem',
    description: 'Đăng ký mã doanh nghiệp GS1, cấp mã cho từng sản phẩm và gắn tem truy xuất nguồn gốc.',
    year: 2021,
    pdf: true,
  },
  {
    title: 'Hướng dẫn đưa sản phẩm lên sàn thương mại điện tử',
    kind: 'guide',
    category: 'digital',
    tags: 'thương mại điện tử, techfest, bán hàng trực tuyến',
    description: 'Chuẩn bị ảnh, mô tả, giá và vận chuyển; đăng sản phẩm lên các sàn và nền tảng số quốc gia.',
    year: 2022,
    pdf: true,
  },
  {
    title: 'Sổ tay gọi vốn cho dự án khởi nghiệp',
    kind: 'guide',
    category: 'finance',
    tags: 'gọi vốn, nhà đầu tư, thuyết trình',
    description: 'Các nguồn vốn cho dự án nhỏ, chuẩn bị hồ sơ và bài thuyết trình gọi vốn.',
    year: 2021,
    pdf: true,
    access: 'members',
  },
  {
    title: 'Mẫu kế hoạch kinh doanh cho dự án khởi nghiệp',
    kind: 'template',
    category: 'business_plan',
    tags: 'kế hoạch kinh doanh, biểu mẫu, dự thi',
    description: 'Mẫu kế hoạch kinh doanh có hướng dẫn điền từng mục: thị trường, sản phẩm, kênh bán, tài chính.',
    year: 2022,
    pdf: true,
  },
  {
    title: 'Mẫu hồ sơ đánh giá, phân hạng sản phẩm OCOP',
    kind: 'template',
    category: 'ocop',
    tags: 'OCOP, hồ sơ, phân hạng',
    description: 'Phiếu đăng ký, bản thuyết minh sản phẩm và danh mục hồ sơ minh chứng để tham gia đánh giá OCOP.',
    year: 2022,
    pdf: true,
  },
  {
    title: 'Mẫu tờ khai đăng ký nhãn hiệu',
    kind: 'template',
    category: 'intellectual_property',
    tags: 'nhãn hiệu, sở hữu trí tuệ, tờ khai',
    description: 'Tờ khai đăng ký nhãn hiệu kèm hướng dẫn điền, mẫu nhãn và danh mục hàng hóa, dịch vụ.',
    year: 2023,
    pdf: true,
  },
  {
    title: 'Mẫu bản tự công bố sản phẩm',
    kind: 'template',
    category: 'quality_food_safety',
    tags: 'tự công bố, biểu mẫu',
    description: 'Mẫu bản tự công bố sản phẩm thực phẩm theo quy định hiện hành.',
    year: 2018,
    pdf: true,
  },
  {
    title: 'Mẫu thuyết minh dự án tham gia cuộc thi khởi nghiệp cấp tỉnh',
    kind: 'template',
    category: 'startup',
    tags: 'cuộc thi, thuyết minh, dự thi',
    description: 'Bản thuyết minh dự án theo tiêu chí chấm của Ban tổ chức cuộc thi KNĐMST cấp tỉnh.',
    year: 2021,
    pdf: true,
  },
  {
    title: 'Quyết định 844/QĐ-TTg: Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm 2025',
    kind: 'legal_text',
    category: 'startup',
    tags: 'Đề án 844, chính sách, khởi nghiệp',
    description: 'Quyết định của Thủ tướng Chính phủ ngày 18/5/2016 phê duyệt Đề án 844 (bản tóm tắt).',
    author: 'Thủ tướng Chính phủ',
    year: 2016,
    pdf: true,
  },
  {
    title: 'Quyết định 919/QĐ-TTg: Chương trình Mỗi xã một sản phẩm giai đoạn 2021–2025',
    kind: 'legal_text',
    category: 'ocop',
    tags: 'OCOP, chính sách',
    description:
      'Quyết định của Thủ tướng Chính phủ năm 2022 phê duyệt Chương trình OCOP giai đoạn 2021–2025 (bản tóm tắt).',
    author: 'Thủ tướng Chính phủ',
    year: 2022,
    pdf: true,
  },
  {
    title: 'Luật Sở hữu trí tuệ (sửa đổi, bổ sung năm 2022)',
    kind: 'legal_text',
    category: 'intellectual_property',
    tags: 'nhãn hiệu, sáng chế, luật',
    description: 'Các điều về nhãn hiệu, chỉ dẫn địa lý và sáng chế mà người khởi nghiệp hay gặp (bản tóm tắt).',
    author: 'Quốc hội',
    year: 2022,
    pdf: true,
  },
  {
    title: 'Nghị định 80/2021/NĐ-CP hướng dẫn Luật Hỗ trợ doanh nghiệp nhỏ và vừa',
    kind: 'legal_text',
    category: 'finance',
    tags: 'doanh nghiệp nhỏ và vừa, hỗ trợ, chính sách',
    description:
      'Các nội dung hỗ trợ doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo: tư vấn, đào tạo, mặt bằng (bản tóm tắt).',
    author: 'Chính phủ',
    year: 2021,
    pdf: true,
  },
  {
    title: 'Nghị định 15/2018/NĐ-CP hướng dẫn Luật An toàn thực phẩm',
    kind: 'legal_text',
    category: 'quality_food_safety',
    tags: 'an toàn thực phẩm, tự công bố, luật',
    description: 'Quy định về tự công bố sản phẩm, điều kiện cơ sở sản xuất và ghi nhãn thực phẩm (bản tóm tắt).',
    author: 'Chính phủ',
    year: 2018,
    pdf: true,
  },
  {
    title: 'Bài giảng ghi hình: Xây dựng thương hiệu cho sản phẩm địa phương',
    kind: 'recording',
    category: 'marketing_sales',
    tags: 'thương hiệu, bài giảng, khóa học 2021',
    description: 'Ghi hình ba buổi của khóa tập huấn năm 2021: câu chuyện sản phẩm, bao bì, kênh bán.',
    year: 2021,
    shelfMark: 'Máy tính thư viện, thư mục Bài giảng/2021',
    access: 'members',
  },
  {
    title: 'Bài giảng ghi hình: Chuyển đổi số cho hộ sản xuất nhỏ',
    kind: 'recording',
    category: 'digital',
    tags: 'chuyển đổi số, bài giảng, khóa học 2022',
    description: 'Ghi hình buổi tập huấn năm 2022 về bán hàng trực tuyến và sổ sách trên điện thoại.',
    year: 2022,
    shelfMark: 'Máy tính thư viện, thư mục Bài giảng/2022',
    access: 'members',
  },
  {
    title: 'Khởi nghiệp tinh gọn (The Lean Startup)',
    kind: 'book',
    category: 'startup',
    tags: 'sách, khởi nghiệp tinh gọn',
    description: 'Sách của Eric Ries, bản tiếng Việt: đọc tại thư viện khu làm việc chung.',
    author: 'Eric Ries',
    shelfMark: 'Giá A1',
  },
  {
    title: 'Từ tốt đến vĩ đại',
    kind: 'book',
    category: 'startup',
    tags: 'sách, quản trị',
    description: 'Sách của Jim Collins, bản tiếng Việt: đọc tại thư viện khu làm việc chung.',
    author: 'Jim Collins',
    shelfMark: 'Giá A2',
  },
  {
    title: 'Marketing căn bản',
    kind: 'book',
    category: 'marketing_sales',
    tags: 'sách, marketing',
    description: 'Sách của Philip Kotler, bản tiếng Việt: đọc tại thư viện khu làm việc chung.',
    author: 'Philip Kotler',
    shelfMark: 'Giá B1',
  },
];

const fontPath = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);

/** A one-page PDF standing in for the real document in the demo. */
async function demoPdf(item: DemoItem): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: item.title } });
  doc.registerFont('regular', fontPath('DejaVuSans.ttf'));
  doc.registerFont('bold', fontPath('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(18).text(item.title);
  doc.moveDown().font('regular').fontSize(12).text(item.description);
  doc.moveDown().fontSize(10).fillColor('#555').text('Tài liệu minh họa của bản dùng thử Kết Nối.');
  doc.end();
  return new Uint8Array(await done);
}

/** The 20 items of the library's catalogue: guides, templates, legal texts, recordings and books. */
export async function seedLibrary(ctx: DemoContext): Promise<void> {
  const { db } = ctx.deps;
  const officer = ctx.account('officer');
  for (const item of items) {
    const upload = item.pdf
      ? { bytes: await demoPdf(item), mime: 'application/pdf', name: `${item.title.slice(0, 60)}.pdf` }
      : null;
    await saveItem({
      db,
      actor: officer,
      upload,
      input: {
        title: item.title,
        kind: item.kind,
        category: item.category,
        tags: item.tags,
        description: item.description,
        author: item.author ?? '',
        year: item.year,
        url: '',
        shelfMark: item.shelfMark ?? '',
        access: item.access ?? 'public',
        removeFile: false,
      },
    });
  }
}
