/** The setup module's words: Vietnamese (the source of the keys) and English. */
export const vi = {
  'setup.title': 'Cài đặt Kết Nối',
  'setup.lead':
    'Trang này chỉ dùng một lần: tạo tài khoản quản trị đầu tiên và nhập thông tin của Sở. Sau khi cài đặt xong, địa chỉ này không còn dùng được.',
  'setup.waiting':
    'Trang web đang chờ cài đặt. Người quản trị hãy mở địa chỉ cài đặt được in trong nhật ký của máy chủ để tạo tài khoản quản trị đầu tiên.',
  'setup.admin.legend': 'Tài khoản quản trị đầu tiên',
  'setup.profile.legend': 'Thông tin của Sở',
  'setup.submit': 'Hoàn tất cài đặt',
  'setup.done': 'Đã cài đặt xong. Hãy đăng nhập bằng email và mật khẩu quản trị vừa tạo.',
  'setup.field.adminName': 'Họ và tên người quản trị',
  'setup.field.adminEmail': 'Email người quản trị',
  'setup.field.password': 'Mật khẩu',
  'setup.field.passwordHint': 'Từ 8 đến 128 ký tự.',
  'setup.field.passwordConfirm': 'Nhập lại mật khẩu',
  'setup.field.name': 'Tên cơ quan',
  'setup.field.nameHint': 'Ví dụ: Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
  'setup.field.unit': 'Đơn vị phụ trách',
  'setup.field.unitHint': 'Đơn vị vận hành trang web, ví dụ: Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
  'setup.field.address': 'Địa chỉ',
  'setup.field.phone': 'Số điện thoại',
  'setup.field.email': 'Email liên hệ',
  'setup.field.baseUrl': 'Địa chỉ công khai của trang web',
  'setup.field.baseUrlHint':
    'Địa chỉ mọi người dùng để mở trang, ví dụ: https://ketnoi.langson.gov.vn. Email gửi đi sẽ dẫn về địa chỉ này.',
  'setup.warn.localhost':
    'Địa chỉ công khai đang là localhost trong khi máy chủ chạy ở chế độ production: đường dẫn trong email sẽ không mở được từ máy khác. Hãy nhập địa chỉ thật của trang web.',
  'setup.settings.title': 'Thông tin của Sở',
  'setup.settings.lead': 'Tên Sở hiện ở cuối mỗi trang; địa chỉ công khai dùng cho các đường dẫn trong email.',
  'setup.settings.submit': 'Lưu thông tin',
  'setup.settings.saved': 'Đã lưu thông tin của Sở.',
  'setup.cli.created': 'Đã tạo tài khoản quản trị {email}.',
  'setup.cli.password': 'Mật khẩu (chỉ hiện một lần, hãy lưu lại và đổi sau khi đăng nhập): {password}',
  'setup.security.title': 'Bảo mật tài khoản cán bộ',
  'setup.security.requireTwoFactor': 'Bắt buộc xác thực hai bước cho cán bộ và quản trị',
  'setup.security.requireTwoFactorHint':
    'Khi bật, cán bộ hoặc quản trị viên chưa bật xác thực hai bước sẽ được chuyển tới trang cài đặt xác thực hai bước trước khi mở bất kỳ trang nào khác.',
  'setup.security.submit': 'Lưu cài đặt bảo mật',
  'setup.security.savedOn': 'Đã bật yêu cầu xác thực hai bước cho cán bộ và quản trị.',
  'setup.security.savedOff': 'Đã tắt yêu cầu xác thực hai bước.',
  'setup.security.required': 'Sở yêu cầu cán bộ và quản trị viên bật xác thực hai bước trước khi tiếp tục làm việc.',
  'setup.sessions.title': 'Thời hạn phiên đăng nhập theo vai trò',
  'setup.sessions.lead':
    'Phiên đăng nhập kết thúc khi không hoạt động quá lâu hoặc khi đã quá thời hạn tối đa, tùy vai trò. Các giới hạn này được đặt trong cấu hình của phần mềm.',
  'setup.sessions.caption': 'Thời hạn phiên theo vai trò',
  'setup.sessions.role': 'Vai trò',
  'setup.sessions.idle': 'Hết phiên khi không hoạt động',
  'setup.sessions.absolute': 'Thời hạn tối đa',
  'setup.duration.minutes': '{count} phút',
  'setup.duration.hours': '{count} giờ',
  'setup.duration.days': '{count} ngày',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'setup.title': 'Set up Kết Nối',
  'setup.lead':
    'This page is used once: create the first administrator account and enter the Department’s details. Once setup is done, this address stops working.',
  'setup.waiting':
    'This site is waiting to be set up. The administrator should open the setup address printed in the server’s log to create the first administrator account.',
  'setup.admin.legend': 'First administrator account',
  'setup.profile.legend': 'The Department',
  'setup.submit': 'Finish setup',
  'setup.done': 'Setup is done. Sign in with the administrator’s e-mail and password you just chose.',
  'setup.field.adminName': 'Administrator’s full name',
  'setup.field.adminEmail': 'Administrator’s e-mail',
  'setup.field.password': 'Password',
  'setup.field.passwordHint': '8 to 128 characters.',
  'setup.field.passwordConfirm': 'Password again',
  'setup.field.name': 'Name of the Department',
  'setup.field.nameHint': 'For example: Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
  'setup.field.unit': 'Unit in charge',
  'setup.field.unitHint': 'The unit that runs the site, e.g. the Centre for Applied Science and Technology',
  'setup.field.address': 'Address',
  'setup.field.phone': 'Phone',
  'setup.field.email': 'Contact e-mail',
  'setup.field.baseUrl': 'Public address of the site',
  'setup.field.baseUrlHint':
    'The address people open the site with, e.g. https://ketnoi.langson.gov.vn. Links in e-mails lead there.',
  'setup.warn.localhost':
    'The public address is localhost while the server runs in production: links in e-mails will not open from other computers. Enter the site’s real address.',
  'setup.settings.title': 'The Department',
  'setup.settings.lead':
    'The Department’s name shows at the foot of every page; the public address is used for links in e-mails.',
  'setup.settings.submit': 'Save',
  'setup.settings.saved': 'The Department’s details are saved.',
  'setup.cli.created': 'Administrator account {email} created.',
  'setup.cli.password': 'Password (shown once: keep it, and change it after signing in): {password}',
  'setup.security.title': 'Staff account security',
  'setup.security.requireTwoFactor': 'Require two-step sign-in for officers and admins',
  'setup.security.requireTwoFactorHint':
    'When on, an officer or admin without two-step sign-in is sent to set it up before opening any other page.',
  'setup.security.submit': 'Save security settings',
  'setup.security.savedOn': 'Two-step sign-in is now required for officers and admins.',
  'setup.security.savedOff': 'Two-step sign-in is no longer required.',
  'setup.security.required': 'The Department requires officers and admins to turn on two-step sign-in before going on.',
  'setup.sessions.title': 'Session limits by role',
  'setup.sessions.lead':
    "A session ends after too long without activity, or at its longest allowed age, by role. These limits are set in the software's configuration.",
  'setup.sessions.caption': 'Session limits by role',
  'setup.sessions.role': 'Role',
  'setup.sessions.idle': 'Ends after inactivity of',
  'setup.sessions.absolute': 'Longest session',
  'setup.duration.minutes': '{count} minutes',
  'setup.duration.hours': '{count} hours',
  'setup.duration.days': '{count} days',
};

declare module '#kernel/i18n/index.ts' {
  interface Messages extends Record<keyof typeof vi, string> {}
}
