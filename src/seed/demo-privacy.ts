import { BreachInput, NoticeInput, publishNotice, saveBreach } from '#modules/privacy/index.ts';
import type { DemoContext } from './demo-context.ts';

/** The notice text of the demo site: what a Department of Science and Technology would publish. */
const noticeVi = `Sở Khoa học và Công nghệ (Sở KHCN) là bên kiểm soát và xử lý dữ liệu cá nhân trên trang Kết Nối, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP.

Dữ liệu thu thập: họ tên, số điện thoại, thư điện tử, giới tính, năm sinh, dân tộc, xã/phường, đơn vị công tác; thông tin dự án, yêu cầu hỗ trợ, đăng ký và tham dự sự kiện.

Mục đích: cung cấp tài khoản và các dịch vụ hỗ trợ khởi nghiệp của Sở; tổ chức sự kiện, khóa học, cấp giấy chứng nhận; lập báo cáo thống kê theo quy định (báo cáo chỉ gồm số liệu tổng hợp, không nêu tên người).

Thời gian lưu trữ: trong thời gian bạn dùng tài khoản; số liệu thống kê đã ẩn danh được giữ lâu dài.

Quyền của bạn: xem, tải về, chỉnh sửa, xóa dữ liệu; rút lại sự đồng ý; yêu cầu hạn chế xử lý; khiếu nại. Bạn thực hiện các quyền này tại trang Tài khoản, mục «Quyền đối với dữ liệu cá nhân». Sở trả lời trong 2 ngày làm việc và thực hiện trong thời hạn luật định.

Liên hệ: bộ phận một cửa của Sở KHCN.`;

const noticeEn = `The Department of Science and Technology controls and processes personal data on Kết Nối under the Law on Personal Data Protection 91/2025/QH15 and Decree 356/2025/NĐ-CP.

Data collected: name, phone, e-mail, sex, year of birth, ethnicity, commune, organisation; projects, support requests, event registrations and attendance.

Purposes: providing the account and the Department's support; running events and courses and issuing certificates; statistics required by law (reports hold totals only, never names).

Retention: while you use the account; anonymised statistics are kept.

Your rights: see, download, correct and delete your data; withdraw consent; restrict processing; complain. Use the "Personal data rights" part of your account page. The Department answers within 2 working days and acts within the legal time limits.`;

/** The privacy notice in force since the law took effect, and a breach handled in time. */
export async function seedPrivacy(ctx: DemoContext): Promise<void> {
  const { db } = ctx.deps;
  const admin = ctx.account('admin');
  await publishNotice({
    db,
    actor: admin,
    input: NoticeInput.parse({ version: '1.0', effectiveOn: '2026-01-01', textVi: noticeVi, textEn: noticeEn }),
  });
  await saveBreach({
    db,
    actor: admin,
    input: BreachInput.parse({
      title: 'Thư mời gửi lộ danh sách người nhận',
      description:
        'Thư mời hội thảo gửi cho 40 người đã để lộ địa chỉ thư của nhau (điền vào ô «Đồng gửi» thay vì «Gửi ẩn»).',
      discoveredAt: '2026-01-14T09:30',
      dataAffected: 'Địa chỉ thư điện tử',
      peopleAffected: '40 người đăng ký hội thảo',
      measures: 'Gửi thư xin lỗi, đề nghị người nhận xóa thư; từ nay thư mời gửi qua hệ thống Kết Nối.',
      notifiedAt: '2026-01-15T10:00',
      notifiedTo: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an',
    }),
  });
}
