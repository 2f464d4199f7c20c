// Makes the sample lists under e2e/fixtures/ that the import is tested with: files as a
// Department really keeps them (title rows, merged cells, an STT column, Nam/Nữ columns with an
// x, numbers for phones, former commune and district names, one column typed in TCVN3), and bad
// files (only a title, an empty sheet, not a workbook, an old .xls, a zip bomb).
// Run: npx tsx scripts/make-import-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate } from 'fflate';
import { unicodeToTcvn3 } from '../src/modules/imports/legacy-text.ts';

const dir = join(import.meta.dirname, '..', 'e2e', 'fixtures');
mkdirSync(join(dir, 'bad'), { recursive: true });
// Fixed dates so that the files are the same each time they are made.
const made = new Date(Date.UTC(2023, 0, 5, 8, 0, 0));

function newBook() {
  const book = new ExcelJS.Workbook();
  book.creator = 'So KH&CN';
  book.created = made;
  book.modified = made;
  return book;
}

async function save(book: ExcelJS.Workbook, name: string) {
  writeFileSync(join(dir, name), Buffer.from(await book.xlsx.writeBuffer()));
  console.log(name);
}

/** The two-line heading every letter of a Department carries, and the list's title. */
function heading(sheet: ExcelJS.Worksheet, title: string, width: number) {
  sheet.addRow(['UBND TỈNH LẠNG SƠN', '', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  sheet.addRow(['SỞ KHOA HỌC VÀ CÔNG NGHỆ', '', '', '', 'Độc lập - Tự do - Hạnh phúc']);
  sheet.mergeCells(1, 1, 1, 4);
  sheet.mergeCells(2, 1, 2, 4);
  sheet.mergeCells(1, 5, 1, width);
  sheet.mergeCells(2, 5, 2, width);
  sheet.addRow([]);
  sheet.addRow([title]);
  sheet.mergeCells(4, 1, 4, width);
  sheet.getRow(4).font = { bold: true, size: 13 };
  sheet.getRow(4).alignment = { horizontal: 'center' };
}

/** A course of 2022: two header rows (Giới tính over Nam | Nữ, Điểm danh over Buổi 1 | Buổi 2). */
async function courseList() {
  const book = newBook();
  const sheet = book.addWorksheet('DS hoc vien');
  heading(sheet, 'DANH SÁCH HỌC VIÊN THAM DỰ LỚP TẬP HUẤN KHỞI NGHIỆP ĐỔI MỚI SÁNG TẠO NĂM 2022', 11);
  sheet.addRow(['(Kèm theo Quyết định số 123/QĐ-SKHCN ngày 15/8/2022 của Sở Khoa học và Công nghệ)']);
  sheet.mergeCells(5, 1, 5, 11);
  sheet.addRow([
    'STT',
    'Họ và tên',
    'Giới tính',
    '',
    'Năm sinh',
    'Dân tộc',
    'Địa chỉ',
    'SĐT',
    'Điểm danh',
    '',
    'Ghi chú',
  ]);
  sheet.addRow(['', '', 'Nam', 'Nữ', '', '', '', '', 'Buổi 1', 'Buổi 2', '']);
  for (const col of [1, 2, 5, 6, 7, 8, 11]) sheet.mergeCells(6, col, 7, col);
  sheet.mergeCells(6, 3, 6, 4);
  sheet.mergeCells(6, 9, 6, 10);
  sheet.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)']);
  // The Dân tộc column was typed with a .VnTime font (TCVN3).
  const people: (string | number | Date)[][] = [
    ['Hoàng Văn Thắng', 'x', '', 1985, 'Tày', 'Thôn Nà Pàn, xã Yên Trạch, huyện Cao Lộc', 912345678, 'x', 'x'],
    ['Vi Thị Hồng Nhung', '', 'x', 1990, 'Nùng', 'Phường Chi Lăng, TP Lạng Sơn', '0987654321', 'x', ''],
    [
      'Lương Văn Tuấn',
      'x',
      '',
      new Date(Date.UTC(1978, 4, 12)),
      'Kinh',
      'Thị trấn Thất Khê, huyện Tràng Định',
      '0203 3871 234',
      'x',
      'x',
    ],
    ['Nông Thị Mai', '', 'x', 1995, 'Tày', 'Xã Đình Lập, huyện Đình Lập', 868111222, 'x', 'x'],
    ['Triệu Văn Páo', 'x', '', 1982, 'Dao', 'xã Mẫu Sơn, huyện Lộc Bình', '', 'x', 'x', 'pao.trieu@gmail.com'],
    ['Lý Thị Sáu', '', 'x', 2001, "H'Mông", 'Bắc Sơn', 975000111, '', 'x'],
    ['Nguyễn Văn An', 'x', 'x', 1988, 'Kinh', 'Hữu Lũng', '0912000111', 'x', 'x'],
    ['Phạm Thị Bình', '', 'x', '198', 'Kinh', 'Chi Lăng', '0912000222', 'x', 'x'],
    ['Hà Văn Cường', 'x', '', 1990, 'Tày', 'Văn Quan', '', 'x', 'x'],
    ['Đặng Thị Dung', '', 'x', 1993, 'Sán Chay', 'Thôn Khuổi Phầy', '0912000333 - 0987000333', 'x', ''],
    ['Hoàng Văn Thắng', 'x', '', 1985, 'Tày', 'Cao Lộc', '0912345678', 'x', 'x'],
    ['Chu Văn Em', 'x', '', 1975, 'Nùng', 'Na Sầm', 916555444, 'x', 'x'],
  ];
  people.forEach(([name, male, female, birth, ethnicity, address, phone, s1, s2, note], i) => {
    sheet.addRow([
      i + 1,
      name,
      male,
      female,
      birth,
      unicodeToTcvn3(String(ethnicity)),
      address,
      phone,
      s1,
      s2,
      note ?? '',
    ]);
  });
  sheet.getColumn(5).numFmt = '0';
  for (let r = 9; r <= sheet.rowCount; r++) {
    const birth = sheet.getCell(r, 5);
    if (birth.value instanceof Date) birth.numFmt = 'dd/mm/yyyy';
  }
  sheet.addRow([]);
  sheet.addRow(['Tổng cộng: 12 người']);
  sheet.addRow(['', '', '', '', '', '', 'NGƯỜI LẬP BIỂU']);
  sheet.addRow(['', '', '', '', '', '', 'Lưu Thị Hạnh']);
  await save(book, 'hoc-vien-tap-huan-2022.xlsx');
}

/** A workshop of 2023 kept as CSV: "Họ tên", "Ngày sinh" dd/mm/yyyy, "Giới tính", "Xã, phường", "ĐT". */
function workshopCsv() {
  const rows = [
    ['DANH SÁCH NGƯỜI THAM DỰ HỘI THẢO KẾT NỐI CUNG CẦU 2023', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', ''],
    ['TT', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Xã, phường', 'ĐT', 'Email'],
    ['1', 'Vi Thị Hồng Nhung', '03/02/1990', 'Nữ', 'Nùng', 'Kỳ Lừa', '987654321', ''],
    ['2', 'Hoàng Thị Lan', '21/11/1987', 'Nữ', 'Tày', 'Đồng Đăng', '0915111222', 'lan.hoang@yahoo.com'],
    ['3', 'Mã Văn Quân', '1980', 'Nam', 'Nùng', 'huyện Văn Lãng', '0916222333', ''],
    ['4', 'Lộc Văn Hùng', '31/02/1986', 'Nam', 'Tày', 'Hội Hoan', '0916333444', ''],
    ['5', 'Trần Thị Thu', '15/06/1999', 'Nu', 'Kinh', 'Tam Thanh', '0916444555', 'thu.tran@'],
  ];
  const text = `\uFEFF${rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
  writeFileSync(join(dir, 'nguoi-du-hoi-thao-2023.csv'), text);
  console.log('nguoi-du-hoi-thao-2023.csv');
}

/** Partners: names, kinds in words, phones as numbers. */
async function partnerList() {
  const book = newBook();
  const sheet = book.addWorksheet('Doi tac');
  heading(sheet, 'DANH SÁCH DOANH NGHIỆP, ĐỐI TÁC HỖ TRỢ KHỞI NGHIỆP', 8);
  sheet.addRow([
    'STT',
    'Tên doanh nghiệp',
    'Loại hình',
    'Lĩnh vực hoạt động',
    'Địa chỉ',
    'Người liên hệ',
    'Điện thoại',
    'Email',
  ]);
  const partners = [
    [
      'Siêu thị Co.op Lạng Sơn',
      'Siêu thị',
      'Bán lẻ nông sản, đặc sản địa phương',
      'Phường Đông Kinh',
      'Nguyễn Thị Hoa',
      2053812345,
      'coop.ls@example.vn',
    ],
    [
      'Công ty TNHH Nông sản Xứ Lạng',
      'Doanh nghiệp',
      'Thu mua, chế biến hồi, quế',
      'Xã Văn Quan',
      'Lâm Văn Đức',
      912888999,
      '',
    ],
    ['Hợp tác xã Na Chi Lăng', 'Hợp tác xã', 'Trồng và tiêu thụ na', 'Chi Lăng', 'Hoàng Văn Na', '0913777666', ''],
    [
      'Quỹ Khởi nghiệp Đông Bắc',
      'Quỹ đầu tư',
      'Đầu tư vốn mồi cho dự án khởi nghiệp',
      'Tam Thanh',
      '',
      '',
      'quy@example.vn',
    ],
    ['Siêu thị Co.op Lạng Sơn', 'Siêu thị', '', '', '', '', ''],
  ];
  partners.forEach((p, i) => {
    sheet.addRow([i + 1, ...p]);
  });
  await save(book, 'doi-tac.xlsx');
}

/** Projects with their teams; the lead's phone as a number; a former district; a commune not found. */
async function projectList() {
  const book = newBook();
  const sheet = book.addWorksheet('Du an');
  heading(sheet, 'DANH SÁCH DỰ ÁN THAM GIA CUỘC THI KHỞI NGHIỆP ĐỔI MỚI SÁNG TẠO NĂM 2022', 10);
  sheet.addRow([
    'STT',
    'Tên dự án',
    'Xã, phường',
    'Lĩnh vực',
    'Giai đoạn',
    'Mô tả',
    'Chủ dự án',
    'SĐT',
    'Email',
    'Thành viên nhóm',
  ]);
  const projects = [
    [
      'Miến dong Hội Hoan',
      'xã Hội Hoan',
      'Chế biến thực phẩm',
      'Đã có sản phẩm bán',
      'Miến dong làm thủ công từ củ dong riềng trồng tại xã.',
      'Hoàng Thị Hoa',
      912111222,
      '',
      'Lương Văn Bắc, Hoàng Văn Nam',
    ],
    [
      'Hồi Văn Quan',
      'Văn Quan',
      'Dược liệu',
      'Ý tưởng',
      'Tinh dầu hồi chưng cất theo cách truyền thống.',
      'Nông Văn Khải',
      '0913222333',
      'khai@example.vn',
      '',
    ],
    [
      'Trà hoa vàng Đình Lập',
      'huyện Đình Lập',
      'Nông nghiệp',
      'Nguyên mẫu',
      '',
      'Lăng Văn Tú',
      987333444,
      '',
      'Lăng Thị Thu',
    ],
    [
      'Du lịch cộng đồng Quỳnh Sơn',
      'Thôn Quỳnh Sơn',
      'Du lịch',
      'Ý tưởng',
      'Homestay nhà sàn.',
      'Dương Văn Lợi',
      '0914555666',
      '',
      '',
    ],
    ['Miến dong Hội Hoan', 'Hội Hoan', '', '', '', '', '', '', ''],
  ];
  projects.forEach((p, i) => {
    sheet.addRow([i + 1, ...p]);
  });
  await save(book, 'du-an.xlsx');
}

/** Support given in 2022 to the projects of du-an.xlsx: real Excel dates and dd/mm/yyyy text. */
async function supportList() {
  const book = newBook();
  const sheet = book.addWorksheet('Ho tro');
  heading(sheet, 'DANH SÁCH HOẠT ĐỘNG HỖ TRỢ DỰ ÁN KHỞI NGHIỆP NĂM 2022', 8);
  sheet.addRow(['STT', 'Tên dự án', 'Loại hỗ trợ', 'Ngày', 'Đến ngày', 'Nội dung hỗ trợ', 'Đơn vị hỗ trợ', 'Kết quả']);
  const entries: (string | Date)[][] = [
    [
      'Miến dong Hội Hoan',
      'Tư vấn',
      new Date(Date.UTC(2022, 7, 15)),
      '',
      'Tư vấn đăng ký nhãn hiệu',
      'Trung tâm Ứng dụng KH&CN',
      'Đã nộp đơn nhãn hiệu',
    ],
    [
      'Hồi Văn Quan',
      'Kết nối tiêu thụ',
      '20/09/2022',
      '30/09/2022',
      'Giới thiệu với siêu thị Co.op Lạng Sơn',
      'Sở KH&CN',
      'Ký hợp đồng bán thử',
    ],
    ['Trà hoa vàng Đình Lập', 'Hỗ trợ kinh phí', '2022', '', 'Hỗ trợ in bao bì', 'Sở KH&CN', ''],
    ['Nấm hương Mẫu Sơn', 'Đào tạo', '01/10/2022', '', 'Lớp tập huấn bán hàng trực tuyến', 'Sở KH&CN', ''],
    ['Hồi Văn Quan', 'Tham quan', '05/10/2022', '', 'Tham quan mô hình chưng cất', '', ''],
  ];
  entries.forEach((e, i) => {
    sheet.addRow([i + 1, ...e]);
  });
  sheet.getCell('D6').numFmt = 'dd/mm/yyyy';
  await save(book, 'ho-tro.xlsx');
}

/**
 * Consulting experts: a title (học hàm, học vị) in its own column or before the name, specialties
 * in the Department's words, phones as numbers, an expert without an e-mail, one listed twice.
 */
async function expertList() {
  const book = newBook();
  const sheet = book.addWorksheet('Chuyen gia');
  heading(sheet, 'DANH SÁCH CHUYÊN GIA TƯ VẤN, HỖ TRỢ KHỞI NGHIỆP ĐỔI MỚI SÁNG TẠO TỈNH LẠNG SƠN', 8);
  sheet.addRow(['STT', 'Họ tên', 'Học hàm, học vị', 'Chuyên ngành', 'Cơ quan công tác', 'ĐT', 'Email', 'Địa chỉ']);
  const experts = [
    [
      'Lê Thị Phương Thảo',
      'Tiến sĩ',
      'Quy trình sản xuất; An toàn thực phẩm',
      'Viện Nghiên cứu Công nghệ Thực phẩm miền Bắc',
      912100001,
      'thao.le@example.vn',
      'Phường Đông Kinh',
    ],
    [
      'Đỗ Văn Hải',
      'Luật sư',
      'Sở hữu trí tuệ, đăng ký nhãn hiệu',
      'Công ty Luật TNHH Sở hữu trí tuệ Kinh Bắc',
      '0912 100 002',
      'hai.do@example.vn',
      '',
    ],
    [
      'ThS. Nguyễn Thị Hồng Vân',
      '',
      'Marketing, bán hàng trực tuyến',
      'Trường Cao đẳng Nghề Lạng Sơn',
      913200300,
      'Van.Nguyen@example.vn',
      'Cao Lộc',
    ],
    [
      'Hoàng Minh Tuấn',
      'Kỹ sư',
      'Nuôi ong lấy mật',
      'Hợp tác xã Ong mật Hữu Liên',
      987654321,
      'tuan.hoang@example.vn',
      '',
    ],
    ['Vi Thị Trang', 'Thạc sĩ', 'Tài chính', 'Ngân hàng Chính sách xã hội', 914000111, '', ''],
    ['TS. Lê Thị Phương Thảo', '', 'An toàn thực phẩm', '', '0912100001', 'thao.le@example.vn', ''],
  ];
  experts.forEach((e, i) => {
    sheet.addRow([i + 1, ...e]);
  });
  await save(book, 'chuyen-gia.xlsx');
}

/**
 * Products of the projects in du-an.xlsx and where they are sold: one row per platform (a product
 * on two platforms takes two rows), prices as numbers, ranges or words, dates as Excel dates or
 * text, a project not in the system, a row written twice, a product on no platform.
 */
async function productList() {
  const book = newBook();
  const sheet = book.addWorksheet('San pham');
  heading(sheet, 'DANH SÁCH SẢN PHẨM ĐƯA LÊN SÀN THƯƠNG MẠI ĐIỆN TỬ NĂM 2022', 10);
  sheet.addRow([
    'STT',
    'Tên sản phẩm',
    'Chủ thể',
    'Nhóm sản phẩm',
    'Quy cách',
    'Giá bán (đồng)',
    'Sàn TMĐT',
    'Link gian hàng',
    'Ngày lên sàn',
    'Tình trạng',
  ]);
  const rows: (string | number | Date)[][] = [
    [
      'Miến dong Hội Hoan loại đặc biệt',
      'Miến dong Hội Hoan',
      'Thực phẩm chế biến',
      'Gói 500 g',
      65000,
      'Postmart',
      'https://postmart.vn/mien-dong-hoi-hoan',
      new Date(Date.UTC(2022, 10, 1)),
      'Đang bán',
    ],
    [
      'Miến dong Hội Hoan loại đặc biệt',
      'Miến dong Hội Hoan',
      'Thực phẩm chế biến',
      'Gói 500 g',
      65000,
      'Voso',
      'https://voso.vn/mien-dong-hoi-hoan',
      '15/11/2022',
      'Đang bán',
    ],
    [
      'Tinh dầu hồi Văn Quan',
      'Hồi Văn Quan',
      'Dược liệu',
      'Chai 10 ml',
      '120.000 - 150.000',
      'Sàn Techfest',
      '',
      '01/12/2022',
      'Chờ duyệt',
    ],
    [
      'Trà hoa vàng túi lọc',
      'Trà hoa vàng Đình Lập',
      'Nông sản',
      'Hộp 20 túi',
      'Liên hệ',
      'Shopee',
      'https://shopee.vn/tra-hoa-vang-dinh-lap',
      '',
      'Đang bán',
    ],
    ['Nấm hương khô', 'Nấm hương Mẫu Sơn', 'Nông sản', 'Túi 200 g', 90000, 'Postmart', '', '10/12/2022', ''],
    [
      'Miến dong Hội Hoan loại đặc biệt',
      'Miến dong Hội Hoan',
      '',
      '',
      '',
      'Postmart',
      '',
      new Date(Date.UTC(2022, 10, 1)),
      '',
    ],
    ['Trà hoa vàng nguyên bông', 'Trà hoa vàng Đình Lập', 'Nông sản', 'Hộp 100 g', 250000, '', '', '', ''],
  ];
  rows.forEach((r, i) => {
    sheet.addRow([i + 1, ...r]);
  });
  sheet.getCell('I6').numFmt = 'dd/mm/yyyy';
  sheet.getCell('I11').numFmt = 'dd/mm/yyyy';
  await save(book, 'san-pham.xlsx');
}

/** A list whose STT and year columns are formulas with their cached values. */
async function formulaList() {
  const book = newBook();
  const sheet = book.addWorksheet('DS');
  sheet.addRow(['DANH SÁCH HỌC VIÊN']);
  sheet.addRow(['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Số điện thoại']);
  sheet.addRow([1, 'Hứa Thị Yến', 'Nữ', 1992, 'Tày', '0917000111']);
  sheet.addRow([
    { formula: 'A3+1', result: 2 },
    'Dương Văn Khánh',
    'Nam',
    { formula: '2024-40', result: 1984 },
    'Nùng',
    '0917000222',
  ]);
  await save(book, 'cong-thuc.xlsx');
}

async function badFiles() {
  const only = newBook();
  const s1 = only.addWorksheet('DS');
  s1.addRow(['DANH SÁCH HỌC VIÊN THAM DỰ LỚP TẬP HUẤN NĂM 2021']);
  s1.mergeCells(1, 1, 1, 8);
  await save(only, 'bad/chi-co-tieu-de.xlsx');
  const empty = newBook();
  empty.addWorksheet('Sheet1');
  await save(empty, 'bad/trang-trong.xlsx');
  // A PDF renamed to .xlsx.
  writeFileSync(
    join(dir, 'bad/khong-phai-excel.xlsx'),
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  console.log('bad/khong-phai-excel.xlsx');
  // An Excel 97–2003 file (a compound document): its header is enough to be recognised.
  const xls = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
  xls.writeUInt16LE(0x003e, 24);
  xls.writeUInt16LE(0x0003, 26);
  xls.writeUInt16LE(0xfffe, 28);
  xls.writeUInt16LE(0x0009, 30);
  writeFileSync(join(dir, 'bad/danh-sach-cu.xls'), xls);
  console.log('bad/danh-sach-cu.xls');
  // A zip bomb: a workbook whose one sheet unpacks to 400 MB of spaces, a few hundred kilobytes packed.
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const small = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(new TextEncoder().encode(text), true);
  };
  small(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  small(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  );
  const big = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(big);
  const spaces = new Uint8Array(4 * 1024 * 1024).fill(0x20);
  for (let i = 0; i < 100; i++) big.push(spaces, i === 99);
  zip.end();
  writeFileSync(join(dir, 'bad/bom-nen.xlsx'), Buffer.concat(chunks));
  console.log('bad/bom-nen.xlsx');
}

await courseList();
workshopCsv();
await projectList();
await partnerList();
await supportList();
await expertList();
await productList();
await formulaList();
await badFiles();
