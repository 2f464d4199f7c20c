import { eq } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Mailer } from '#kernel/mail/mailer.ts';
import { closeEngagement, logSession, respondToEngagement } from '#modules/engagements/index.ts';
import type { SupportNeed } from '#modules/projects/index.ts';
import { changeStatus, connectRequest, fileRequest, fileWalkIn } from '#modules/requests/index.ts';
import type { DemoContext } from './demo-context.ts';
import { demoExpertEmails } from './demo-experts.ts';

// The connecting part of the story: the six consulted projects of the article went through the
// front door (a request), were connected to an expert, who logged the sessions and the outcome;
// the ledger's consulting lines come from these engagements. Then a few requests still open, so
// the officers' inbox and the expert's list have something to show. People are fictional.

type ExpertKey = 'account' | keyof typeof demoExpertEmails;

interface Consulted {
  project: string;
  need: SupportNeed;
  expert: ExpertKey;
  /** What the founder asked, in their words. */
  asked: string;
  contact: string;
  title: string;
  startedOn: string;
  endedOn: string;
  sessions: [string, string];
  outcome: string;
}

const consulted: Consulted[] = [
  {
    project: 'thach-den',
    need: 'consulting_production',
    expert: 'account',
    asked:
      'Cơ sở muốn đưa thạch đen vào siêu thị nhưng chưa có quy trình sản xuất ổn định, chưa tự công bố chất lượng, chưa có nhãn đúng quy định và mã vạch.',
    contact: 'Lăng Văn Tùng',
    title: 'Tư vấn hoàn thiện quy trình sản xuất và điều kiện lưu thông cho sản phẩm thạch đen',
    startedOn: '2021-07-05',
    endedOn: '2021-10-29',
    sessions: [
      'Khảo sát cơ sở, rà soát quy trình nấu, làm nguội và đóng gói; lập danh mục hồ sơ tự công bố.',
      'Hướng dẫn hoàn thiện nhãn hàng hóa, đăng ký mã số mã vạch và tem truy xuất nguồn gốc.',
    ],
    outcome:
      'Hoàn thiện quy trình nấu, làm nguội và đóng gói; tự công bố chất lượng sản phẩm, làm nhãn hàng hóa, mã số mã vạch và tem truy xuất nguồn gốc. Sản phẩm đáp ứng điều kiện lưu thông trên thị trường.',
  },
  {
    project: 'bun-ngo',
    need: 'consulting_ip',
    expert: 'ip',
    asked: 'Nhóm cần đăng ký nhãn hiệu “Bún ngô Thuận Anh” để bán qua hội chợ và đại lý, tránh bị làm nhái.',
    contact: 'Vy Văn Thuận',
    title: 'Tư vấn đăng ký nhãn hiệu hàng hóa “Bún ngô Thuận Anh”',
    startedOn: '2021-10-11',
    endedOn: '2022-01-28',
    sessions: [
      'Tra cứu khả năng bảo hộ nhãn hiệu, góp ý mẫu nhãn và danh mục sản phẩm đăng ký.',
      'Hoàn thiện tờ khai, hướng dẫn nộp đơn tại Cục Sở hữu trí tuệ.',
    ],
    outcome: 'Tra cứu khả năng bảo hộ, hoàn thiện mẫu nhãn và nộp đơn đăng ký nhãn hiệu tại Cục Sở hữu trí tuệ.',
  },
  {
    project: 'mien-dong',
    need: 'consulting_production',
    expert: 'food',
    asked: 'Sợi miến hay gãy, chất lượng không đều giữa các mẻ; cần chuyên gia giúp chuẩn hóa quy trình.',
    contact: 'Hoàng Văn Hội',
    title: 'Tư vấn hoàn thiện quy trình sản xuất miến dong',
    startedOn: '2021-11-15',
    endedOn: '2022-02-25',
    sessions: [
      'Đánh giá các công đoạn lọc bột, tráng, phơi; đo độ ẩm và tỷ lệ gãy của từng mẻ.',
      'Thống nhất quy trình chuẩn và sổ ghi chép mẻ sản xuất.',
    ],
    outcome: 'Chuẩn hóa các bước lọc bột, tráng, phơi; tỷ lệ sợi gãy giảm rõ rệt, chất lượng ổn định giữa các mẻ.',
  },
  {
    project: 'na-chi-lang',
    need: 'consulting_product',
    expert: 'account',
    asked: 'Hợp tác xã muốn bán na đóng hộp cho siêu thị và truy xuất nguồn gốc từng lô.',
    contact: 'Lý Văn Đức',
    title: 'Tư vấn truy xuất nguồn gốc và phát triển sản phẩm na đóng hộp',
    startedOn: '2022-02-14',
    endedOn: '2022-05-13',
    sessions: [
      'Thiết kế quy cách hộp 2 kg và 5 kg, tiêu chí phân loại quả theo cỡ.',
      'Triển khai tem QR truy xuất nguồn gốc cho từng lô, tập huấn ghi chép cho xã viên.',
    ],
    outcome: 'Thiết kế hộp 2 kg và 5 kg, quy định phân loại quả theo cỡ, gắn tem QR truy xuất nguồn gốc cho từng lô.',
  },
  {
    project: 'tra-hoa-vang',
    need: 'consulting_product',
    expert: 'food',
    asked: 'Muốn làm thêm dòng trà hoa vàng túi lọc nhưng chưa có công thức và hồ sơ công bố.',
    contact: 'Đinh Thị Vân',
    title: 'Tư vấn phát triển sản phẩm trà hoa vàng túi lọc',
    startedOn: '2022-03-07',
    endedOn: '2022-06-17',
    sessions: [
      'Thử nghiệm công thức phối trộn và độ mịn phù hợp với túi lọc.',
      'Chốt quy cách túi lọc, hướng dẫn lập hồ sơ tự công bố.',
    ],
    outcome: 'Xây dựng công thức phối trộn, quy cách túi lọc và hồ sơ tự công bố cho dòng trà túi lọc.',
  },
  {
    project: 'mat-ong',
    need: 'consulting_ip',
    expert: 'account',
    asked: 'Cần đăng ký nhãn hiệu và có chứng nhận chất lượng để mật ong rừng Hữu Liên vào được cửa hàng đặc sản.',
    contact: 'Hà Văn Liên',
    title: 'Tư vấn đăng ký nhãn hiệu và tiêu chuẩn chất lượng cho mật ong rừng Hữu Liên',
    startedOn: '2022-04-18',
    endedOn: '2022-07-15',
    sessions: [
      'Lấy mẫu kiểm nghiệm các chỉ tiêu chất lượng, góp ý mẫu nhãn.',
      'Hoàn thiện nhãn và hồ sơ, nộp đơn đăng ký nhãn hiệu.',
    ],
    outcome: 'Kiểm nghiệm các chỉ tiêu chất lượng, hoàn thiện nhãn và nộp đơn đăng ký nhãn hiệu.',
  },
];

/** Historical e-mails are not sent again: the demo's past happens without a mailer. */
const silent: Mailer = {
  runOnce: async () => ({ sent: 0, retried: 0, failed: 0 }),
  wake: () => {},
  start: () => async () => {},
};

const at = (isoDay: string, hour = 9) => new Date(`${isoDay}T${String(hour).padStart(2, '0')}:00:00+07:00`);
const daysBefore = (isoDay: string, days: number) => {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

export async function seedConnecting(ctx: DemoContext): Promise<void> {
  const { db, config } = ctx.deps;
  const officer = ctx.account('officer');
  const founder = ctx.account('founder');
  const experts = new Map<ExpertKey, Actor>([['account', ctx.account('expert')]]);
  for (const [key, email] of Object.entries(demoExpertEmails)) {
    const [row] = await db
      .select({ id: user.id, name: user.name, email: user.email })
      .from(user)
      .where(eq(user.email, email));
    if (row) experts.set(key as ExpertKey, { ...row, role: 'expert' });
  }
  const expert = (key: ExpertKey) => {
    const found = experts.get(key);
    if (!found) throw new Error(`No demo expert ${key}`);
    return found;
  };
  const base = { db, mailer: silent, baseUrl: config.BASE_URL };
  const phone = (i: number) => `0205386${String(1200 + i).padStart(4, '0')}`;

  for (const [i, c] of consulted.entries()) {
    const asked = daysBefore(c.startedOn, 12);
    const { number } = await fileWalkIn({
      ...base,
      actor: officer,
      now: at(asked),
      input: {
        contactName: c.contact,
        contactPhone: phone(i),
        contactEmail: '',
        commune: '',
        project: ctx.project(c.project).slug,
        needs: [c.need],
        body: c.asked,
        urgency: 'normal',
      },
    });
    const who = expert(c.expert);
    const { id: engagementId } = await connectRequest({
      ...base,
      actor: officer,
      now: at(daysBefore(c.startedOn, 8)),
      number,
      input: { target: 'expert', targetId: who.id, message: c.asked, topic: c.title },
    });
    await respondToEngagement({
      ...base,
      actor: who,
      id: engagementId,
      accept: true,
      reason: '',
      now: at(daysBefore(c.startedOn, 5)),
    });
    await logSession({
      db,
      actor: who,
      id: engagementId,
      input: { heldOn: c.startedOn, hours: 4, summary: c.sessions[0], nextSteps: '' },
    });
    await logSession({
      db,
      actor: who,
      id: engagementId,
      input: { heldOn: c.endedOn, hours: 3, summary: c.sessions[1], nextSteps: '' },
    });
    await closeEngagement({ db, actor: who, id: engagementId, outcome: c.outcome, now: at(c.endedOn, 17) });
    await changeStatus({
      ...base,
      actor: officer,
      now: at(c.endedOn, 18),
      number,
      input: { to: 'resolved', note: c.outcome },
    });
  }

  // Still open today: new requests from the founder account, one overdue at the desk, one connected.
  await fileRequest({
    ...base,
    actor: founder,
    now: daysAgo(2),
    input: {
      project: ctx.project('stem').slug,
      needs: ['consulting_ip'],
      body: 'Chúng tôi muốn đăng ký nhãn hiệu cho bộ học liệu STEM tự làm từ tre, nứa trước khi bán cho các trường ngoài tỉnh. Nhờ Sở giới thiệu chuyên gia sở hữu trí tuệ.',
      urgency: 'normal',
    },
  });
  await fileRequest({
    ...base,
    actor: founder,
    now: daysAgo(1),
    input: {
      project: ctx.project('tumany').slug,
      needs: ['space'],
      body: 'Đề nghị được sử dụng hội trường khu làm việc chung 5 ngày trong tháng tới để tổ chức khóa hướng nghiệp mùa 3 cho học sinh THPT.',
      urgency: 'urgent',
    },
  });
  await fileWalkIn({
    ...base,
    actor: officer,
    now: daysAgo(25),
    input: {
      contactName: 'Hoàng Văn Sơn',
      contactPhone: '0915 226 341',
      contactEmail: '',
      commune: '',
      project: '',
      needs: ['funding'],
      body: 'Anh Sơn (Lộc Bình) gọi điện hỏi về vay vốn ưu đãi để mở xưởng sấy măng; chưa đăng ký dự án trên hệ thống.',
      urgency: 'normal',
    },
  });
  const { number } = await fileWalkIn({
    ...base,
    actor: officer,
    now: daysAgo(6),
    input: {
      contactName: 'Dương Thị Huyền',
      contactPhone: '0983 417 205',
      contactEmail: '',
      commune: '',
      project: ctx.project('hong-say').slug,
      needs: ['consulting_production'],
      body: 'Hồng sấy dẻo bị lên men sau hai tuần; cơ sở cần chuyên gia rà soát quy trình sấy và đóng gói.',
      urgency: 'normal',
    },
  });
  await connectRequest({
    ...base,
    actor: officer,
    now: daysAgo(5),
    number,
    input: {
      target: 'expert',
      targetId: expert('account').id,
      message: 'Nhờ anh rà soát quy trình sấy, bao gói để hồng sấy giữ được lâu hơn.',
      topic: 'Tư vấn quy trình sấy và bao gói hồng sấy dẻo',
    },
  });
}
