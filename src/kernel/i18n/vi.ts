/**
 * Vietnamese: the default language and the source of every message key. Words shared by the
 * whole site live here; a module keeps its own words in `src/modules/<name>/<name>.i18n.ts`.
 */
export const vi = {
  'site.name': 'Kết Nối',
  'site.tagline': 'Mạng lưới khởi nghiệp đổi mới sáng tạo',
  'site.department': 'Sở Khoa học và Công nghệ tỉnh {province}',
  'site.department.short': 'Sở KH&CN {province}',
  'site.unit': 'Phòng Quản lý công nghệ và Đổi mới sáng tạo',
  'site.skip': 'Bỏ qua, đến nội dung chính',
  'site.menu': 'Menu',
  'site.footer.api': 'API cho tích hợp',
  'site.footer.about': 'Kết Nối là phần mềm mã nguồn mở để các Sở KHCN vận hành mạng lưới khởi nghiệp.',
  'site.lang.switch': 'English',
  'site.lang.label': 'Ngôn ngữ',

  'nav.home': 'Trang chủ',
  'nav.projects': 'Dự án',
  'nav.search': 'Tìm kiếm',
  'nav.myProjects': 'Dự án của tôi',
  'nav.support': 'Sổ hỗ trợ',
  'nav.reports': 'Báo cáo',
  'nav.people': 'Người tham gia',
  'nav.users': 'Người dùng',
  'nav.outbox': 'Hộp thư đi',
  'nav.audit': 'Nhật ký',
  'nav.account': 'Tài khoản của tôi',
  'nav.signIn': 'Đăng nhập',
  'nav.signUp': 'Đăng ký',
  'nav.signOut': 'Đăng xuất',
  'nav.mine': 'Của tôi',
  'nav.work': 'Công việc',
  'nav.admin': 'Quản trị',

  'errors.bad_request': 'Yêu cầu không hợp lệ. Vui lòng kiểm tra lại đường dẫn hoặc thông tin gửi đi.',
  'errors.unauthenticated': 'Vui lòng đăng nhập để tiếp tục.',
  'errors.forbidden': 'Tài khoản của bạn không có quyền thực hiện việc này.',
  'errors.not_found': 'Không tìm thấy trang bạn cần. Có thể đường dẫn đã sai hoặc nội dung đã bị gỡ.',
  'errors.conflict': 'Dữ liệu vừa bị thay đổi hoặc đã tồn tại. Vui lòng tải lại trang và thử lại.',
  'errors.payload_too_large': 'Dữ liệu gửi lên quá lớn. Vui lòng rút gọn nội dung rồi gửi lại.',
  'errors.validation': 'Thông tin chưa hợp lệ. Vui lòng sửa các mục được đánh dấu bên dưới.',
  'errors.too_many_requests': 'Bạn đã thử quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.',
  'errors.server': 'Đã có lỗi xảy ra ở máy chủ. Thông tin của bạn chưa được lưu; vui lòng thử lại sau ít phút.',
  'errors.csrf': 'Biểu mẫu đã hết hạn. Vui lòng tải lại trang rồi gửi lại.',
  'errors.tokenInvalid': 'Mã API không đúng hoặc đã bị thu hồi. Hãy tạo mã mới ở trang Tài khoản.',
  'errors.tokenReadOnly': 'Mã API này chỉ được đọc. Hãy tạo mã có quyền đọc và ghi ở trang Tài khoản.',
  'errors.title': 'Có lỗi xảy ra',
  'errors.summary': 'Có vấn đề cần sửa',
  'errors.backHome': 'Về trang chủ',
  'errors.userNotFound': 'Không tìm thấy tài khoản này.',
  'errors.emailTaken': 'Email này đã có tài khoản. Hãy đăng nhập, hoặc dùng chức năng quên mật khẩu.',
  'errors.badCredentials': 'Email hoặc mật khẩu không đúng.',
  'errors.accountDisabled': 'Tài khoản này đã bị khóa. Vui lòng liên hệ Sở KHCN.',
  'errors.wrongPassword': 'Mật khẩu hiện tại không đúng.',
  'errors.resetTokenInvalid':
    'Đường dẫn đặt lại mật khẩu không hợp lệ hoặc đã hết hạn. Vui lòng yêu cầu đường dẫn mới.',
  'errors.sessionExpired': 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  'errors.ownRole': 'Bạn không thể tự đổi vai trò hoặc khóa chính tài khoản của mình.',

  'v.required': 'Vui lòng điền thông tin này.',
  'v.tooShort': 'Cần ít nhất {min} ký tự.',
  'v.tooLong': 'Tối đa {max} ký tự.',
  'v.tooMany': 'Chọn tối đa {max} mục.',
  'v.email': 'Nhập email đúng dạng, ví dụ: ten@example.com.',
  'v.url': 'Nhập đường dẫn đầy đủ, bắt đầu bằng http:// hoặc https://.',
  'v.choose': 'Vui lòng chọn một giá trị trong danh sách.',
  'v.invalid': 'Giá trị không hợp lệ.',
  'v.number': 'Nhập một số.',
  'v.date': 'Nhập ngày đúng dạng ngày/tháng/năm.',
  'v.dateOrder': 'Ngày kết thúc phải sau ngày bắt đầu.',
  'v.year': 'Nhập năm từ 1990 đến năm nay.',
  'v.passwordMismatch': 'Hai mật khẩu không khớp.',
  'v.passwordLength': 'Mật khẩu cần từ 8 đến 128 ký tự.',
  'v.phone': 'Nhập số điện thoại Việt Nam, ví dụ: 0912 345 678.',
  'v.consent': 'Bạn cần đồng ý để hồ sơ được công khai.',
  'v.textEncoding': 'Văn bản có ký tự không đọc được. Vui lòng gõ lại bằng bàn phím tiếng Việt (Unicode).',
  'v.fileEmpty': 'Tệp đã chọn trống. Vui lòng chọn lại tệp.',
  'v.fileTooLarge': 'Tệp quá lớn: tối đa {max} MB mỗi tệp.',
  'v.fileType': 'Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, WebP. Tệp này không phải loại đó (đã kiểm tra nội dung tệp).',
  'v.fileNotImage': 'Chỉ nhận ảnh JPEG, PNG hoặc WebP. Tệp này không phải ảnh (đã kiểm tra nội dung tệp).',
  'v.fileBroken': 'Tệp bị hỏng hoặc chưa tải lên đủ, không mở được. Vui lòng kiểm tra rồi chọn lại.',
  'v.imageTooManyPixels': 'Ảnh quá lớn về kích thước (tối đa 40 triệu điểm ảnh). Vui lòng thu nhỏ ảnh rồi tải lên lại.',
  'v.tooManyFiles': 'Chọn tối đa {max} tệp.',
  'v.award': 'Mỗi dòng theo dạng: năm - tên giải, ví dụ: 2021 - Giải Ba cuộc thi KNĐMST tỉnh.',

  'form.save': 'Lưu',
  'form.cancel': 'Hủy',
  'form.heldFiles': 'Tệp đã chọn lần trước (bỏ dấu chọn để không gửi; chọn tệp khác để thay):',
  'form.optional': '(không bắt buộc)',
  'form.choose': '— Chọn —',
  'form.filter': 'Lọc',
  'form.filters': 'Bộ lọc',
  'form.filtersActive': 'Bộ lọc ({count})',
  'search.accentsOptional': 'Gõ không dấu được',
  'form.clear': 'Xóa bộ lọc',
  'form.search': 'Tìm',
  'form.yes': 'Có',
  'form.no': 'Không',
  'form.hintOnePerLine': 'Mỗi dòng một mục.',

  'list.empty': 'Chưa có mục nào.',
  'list.noResults': 'Không có kết quả phù hợp. Hãy thử bỏ bớt bộ lọc hoặc tìm bằng từ khóa khác.',
  'list.count': '{count} kết quả',
  'list.countMore': 'Hơn {count} kết quả',
  'list.prev': 'Trang trước',
  'list.next': 'Trang sau',
  'list.page': 'Trang {page} / {pages}',
  'list.pagination': 'Phân trang',
  'list.export': 'Tải về (CSV)',

  'role.admin': 'Quản trị',
  'role.officer': 'Cán bộ Sở KHCN',
  'role.founder': 'Tác giả, nhóm tác giả',
  'role.expert': 'Chuyên gia tư vấn',
  'role.partner': 'Đối tác',

  'commune.kind.commune': 'Xã',
  'commune.kind.ward': 'Phường',
  'commune.formerDistrict': 'huyện cũ: {name}',

  'auth.mail.reset.subject': 'Đặt lại mật khẩu Kết Nối',
  'auth.mail.reset.body':
    'Xin chào {name},\n\nĐể đặt mật khẩu mới cho tài khoản Kết Nối, hãy mở đường dẫn sau (có hiệu lực trong 1 giờ):\n{url}\n\nNếu bạn không yêu cầu, hãy bỏ qua email này.',

  'api.title': 'API cho tích hợp',
  'api.lead': 'API JSON của Kết Nối, mô tả theo OpenAPI 3.1. Tài liệu máy đọc được:',
  'api.params': 'Tham số',
  'api.example': 'Ví dụ nội dung gửi (JSON)',
  'api.responses': 'Phản hồi',

  'backup.notMigrated': 'Cơ sở dữ liệu này chưa được khởi tạo (chưa có migration nào): không có gì để sao lưu.',
  'backup.broken.archive':
    'Tệp sao lưu bị hỏng hoặc không đầy đủ (không đọc được tệp nén: {reason}). Không có gì được ghi vào cơ sở dữ liệu.',
  'backup.broken.manifest':
    'Tệp sao lưu không hợp lệ: phần mô tả manifest.json thiếu hoặc hỏng ({reason}). Không có gì được ghi vào cơ sở dữ liệu.',
  'backup.broken.table':
    'Tệp sao lưu bị hỏng: dữ liệu của bảng {table} thiếu, hoặc không khớp số dòng và mã kiểm tra đã ghi trong manifest. Không có gì được ghi vào cơ sở dữ liệu.',
  'backup.broken.file':
    'Tệp sao lưu bị hỏng: tệp tải lên {file} thiếu hoặc không khớp mã kiểm tra. Không có gì được ghi vào cơ sở dữ liệu.',
  'backup.newer':
    'Bản sao lưu được tạo bởi một phiên bản Kết Nối mới hơn ({version}, migration {migration}) mà bản đang chạy chưa có. Hãy cập nhật Kết Nối rồi khôi phục lại.',
  'backup.targetNewer':
    'Cơ sở dữ liệu đích đã ở phiên bản mới hơn bản sao lưu (migration {migration}). Hãy khôi phục vào một cơ sở dữ liệu mới: một thư mục DATA_DIR trống, hoặc một cơ sở dữ liệu PostgreSQL trống.',
  'backup.schemaMismatch':
    'Các bảng của cơ sở dữ liệu đích không khớp với bản sao lưu (migration {migration}). Không có gì được ghi vào cơ sở dữ liệu.',
  'backup.targetNotEmpty':
    'Cơ sở dữ liệu đích không trống: đã có {users} tài khoản. Khôi phục sẽ xóa toàn bộ dữ liệu đang có; nếu chắc chắn, hãy chạy lại với --force.',
  'backup.verifyFailed':
    'Kiểm tra sau khi khôi phục không đạt: bảng {table} không khớp số dòng hoặc mã kiểm tra với bản sao lưu. Mọi thay đổi đã được hoàn tác; cơ sở dữ liệu vẫn như trước.',
  'backup.cli.needFile': 'Hãy cho biết tệp, ví dụ: npm run cli -- {command} sao-luu.zip',
  'backup.cli.fileMissing': 'Không tìm thấy tệp {file}.',
  'backup.cli.noData':
    'Chưa có cơ sở dữ liệu PGlite trong {dir}: không có gì để sao lưu. Nếu dữ liệu ở PostgreSQL, hãy đặt DATABASE_URL.',
  'backup.cli.written':
    'Đã sao lưu vào {file} ({size}): {tables} bảng, {rows} dòng, {files} tệp tải lên; migration {migration}.',
  'backup.cli.restored':
    'Đã khôi phục bản sao lưu tạo lúc {date} (phiên bản {version}, từ {database}): {tables} bảng, {rows} dòng, {files} tệp tải lên. Số dòng và mã kiểm tra của từng bảng khớp với bản sao lưu. Dữ liệu đã ở migration {migration}.',
  'backup.cli.locked':
    'Thư mục dữ liệu {dir} đang được máy chủ Kết Nối (pid {pid}) dùng, nên lệnh này không mở được cơ sở dữ liệu PGlite.',
  'backup.cli.lockedBackup':
    'Để có bản sao lưu: dùng bản sao lưu hằng ngày máy chủ ghi trong {backupDir} (lúc {at} mỗi ngày, BACKUP_DAILY_AT){latest}; hoặc dừng máy chủ rồi chạy lại lệnh này.',
  'backup.cli.lockedNoDaily':
    'Để có bản sao lưu: dừng máy chủ rồi chạy lại lệnh này; hoặc bật sao lưu hằng ngày trong máy chủ (BACKUP_DAILY_AT=02:00).',
  'backup.cli.lockedLatest': ', mới nhất: {file}',
  'backup.cli.lockedRestore':
    'Hãy dừng máy chủ trước khi khôi phục, hoặc khôi phục vào một thư mục khác (DATA_DIR=… npm run cli -- restore TỆP).',
  'backup.cli.asking': 'Máy chủ đang chạy (pid {pid}): đã yêu cầu máy chủ ghi bản sao lưu, đang chờ…',
  'backup.cli.askFailed': 'Máy chủ không ghi được bản sao lưu: {reason}',
  'backup.cli.askTimeout': 'Máy chủ không trả lời sau {seconds} giây.',
} as const satisfies Record<string, string>;
