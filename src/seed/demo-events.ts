import { todayInVietnam } from '#kernel/i18n/index.ts';
import {
  type AttendanceRecord,
  createEvent,
  createExternalEvent,
  EventInput,
  ExternalEventInput,
  getEvent,
  getExternalEvent,
  importAttendance,
  importFeedback,
  importRegistrations,
  issueCertificates,
  newToken,
  nominate,
  randomCode,
  recordEventSupport,
  updateNomination,
} from '#modules/events/index.ts';
import { listCommunes } from '#modules/places/index.ts';
import type { DemoContext } from './demo-context.ts';
import { demoProjects } from './demo-data.ts';

// The article's training story as real events: five courses since 2021 with 216 people
// (38 + 41 + 45 + 40 + 52), the Tumany team's 10-day course in the hall, and the ten projects
// invited to the National Startup Day 2022 in Lai Châu. Every person is fictional.

/** A small deterministic generator, so every fresh install tells the same story. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[0]?.[0] as T;
  };
  return { next, pick, weighted };
}

const families: Record<string, string[]> = {
  nung: ['Hoàng', 'Nông', 'Vi', 'Lăng', 'Lộc', 'Chu', 'Mã', 'Lục', 'Hứa', 'Vy'],
  tay: ['Hoàng', 'Nông', 'Lương', 'Hà', 'Đàm', 'Bế', 'Lâm', 'Dương', 'Mạc', 'Tô'],
  kinh: ['Nguyễn', 'Trần', 'Phạm', 'Lê', 'Vũ', 'Đỗ', 'Ngô', 'Bùi', 'Đinh', 'Phan'],
  dao: ['Triệu', 'Bàn', 'Đặng', 'Lý'],
  san_chay: ['Hoàng', 'Lâm', 'Trương', 'Lý'],
  hmong: ['Giàng', 'Vàng', 'Sùng', 'Thào'],
  hoa: ['Lưu', 'Hoàng', 'Trương'],
};
const middles = {
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Văn', 'Văn'],
  female: ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Thị'],
};
const givens = {
  male: [
    'Hùng',
    'Dũng',
    'Tuấn',
    'Cường',
    'Thắng',
    'Hải',
    'Long',
    'Sơn',
    'Tùng',
    'Phúc',
    'Khánh',
    'Quý',
    'Toàn',
    'Hiếu',
    'Trọng',
    'Bình',
    'Đạt',
    'Kiên',
    'Nam',
    'Chiến',
    'Thành',
    'Huy',
  ],
  female: [
    'Lan',
    'Hương',
    'Mai',
    'Hoa',
    'Thảo',
    'Nhung',
    'Hằng',
    'Yến',
    'Trang',
    'Hạnh',
    'Dung',
    'Liên',
    'Huyền',
    'Ngân',
    'Thúy',
    'Loan',
    'Phương',
    'Quyên',
    'Vân',
    'Linh',
    'Nguyệt',
    'Xuân',
  ],
};
const organisations = {
  cooperative: ['Hợp tác xã Nông nghiệp {c}', 'Hợp tác xã Dịch vụ tổng hợp {c}', 'Tổ hợp tác sản xuất {c}'],
  business: ['Công ty TNHH Nông sản {c}', 'Công ty TNHH Thương mại Xứ Lạng', 'Công ty Cổ phần Dược liệu Lạng Sơn'],
  household: ['Hộ kinh doanh {n}', 'Cơ sở sản xuất {n}'],
  school: ['Trường THPT Việt Bắc', 'Trường Cao đẳng Công nghệ và Nông lâm Đông Bắc', 'Trường THPT Chuyên Chu Văn An'],
  agency: ['UBND xã {c}', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp'],
} as const;

interface Seat {
  name: string;
  sex: 'female' | 'male';
  ethnicity: string;
  birthYear: number;
  communeSlug: string | null;
  communeName: string;
  organisation: string;
  organisationType: string;
  projectId?: string;
  userId?: string;
}

interface DemoCourse {
  title: string;
  description: string;
  organiser: string;
  partners: string[];
  trainers: string[];
  venue: string;
  days: string[];
  capacity: number;
  participants: number;
  /** Share of people from outside the province (the Ministry's course gathered several provinces). */
  outside?: number;
  /** Team members who took a seat for their project: project key and member index. */
  founders: [project: string, member: number][];
  founderAccount?: string;
}

const department = 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn';
const hall = 'Hội trường khu làm việc chung KNĐMST, Sở Khoa học và Công nghệ tỉnh Lạng Sơn';

const courses: DemoCourse[] = [
  {
    title: 'Tập huấn nâng cao năng lực hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Lạng Sơn năm 2021',
    description:
      'Hai ngày tập huấn cho tác giả, nhóm tác giả và cán bộ làm công tác hỗ trợ khởi nghiệp đổi mới sáng tạo: hệ sinh thái khởi nghiệp của tỉnh, các chính sách hỗ trợ của Đề án 844, cách xây dựng và trình bày một dự án khởi nghiệp.',
    organiser: department,
    partners: ['Trung tâm Khởi nghiệp sáng tạo quốc gia'],
    trainers: ['chuyengia@ketnoi.demo', 'ThS. Nguyễn Thu Trang'],
    venue: 'Hội trường Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
    days: ['2021-06-15', '2021-06-16'],
    capacity: 40,
    participants: 38,
    founders: [
      ['na-chi-lang', 0],
      ['na-chi-lang', 1],
      ['thach-den', 0],
      ['mien-dong', 0],
    ],
  },
  {
    title: 'Tập huấn sở hữu trí tuệ và đăng ký nhãn hiệu cho sản phẩm khởi nghiệp',
    description:
      'Bảo hộ nhãn hiệu, chỉ dẫn địa lý và nhãn hiệu tập thể cho nông sản, đặc sản; thực hành tra cứu và lập hồ sơ đăng ký nhãn hiệu.',
    organiser: department,
    partners: ['Cục Sở hữu trí tuệ'],
    trainers: ['Luật sư Đỗ Văn Hải'],
    venue: 'Hội trường Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
    days: ['2021-09-22', '2021-09-23'],
    capacity: 45,
    participants: 41,
    founders: [
      ['bun-ngo', 0],
      ['bun-ngo', 1],
      ['mat-ong', 0],
      ['hoi', 0],
    ],
  },
  {
    title: 'Khóa đào tạo khởi nghiệp đổi mới sáng tạo do Bộ Khoa học và Công nghệ tổ chức',
    description:
      'Khóa đào tạo năm ngày cho các nhóm khởi nghiệp của nhiều tỉnh: tư duy đổi mới sáng tạo, mô hình kinh doanh, thử nghiệm thị trường và gọi vốn. Sở KHCN Lạng Sơn giới thiệu các nhóm đạt giải cuộc thi KNĐMST tỉnh năm 2021 tham gia.',
    organiser: 'Bộ Khoa học và Công nghệ',
    partners: [department],
    trainers: ['TS. Phạm Hồng Quất', 'ThS. Lê Minh Đức'],
    venue: 'Trung tâm Hỗ trợ khởi nghiệp sáng tạo quốc gia, Hà Nội',
    days: ['2021-12-06', '2021-12-07', '2021-12-08', '2021-12-09', '2021-12-10'],
    capacity: 50,
    participants: 45,
    outside: 0.6,
    founders: [['tumany', 0]],
    founderAccount: 'tumany',
  },
  {
    title: 'Tập huấn chuyển đổi số và bán hàng trên sàn thương mại điện tử cho chủ thể khởi nghiệp, OCOP',
    description:
      'Mở gian hàng trên sàn thương mại điện tử và nền tảng techfest 247, chụp ảnh sản phẩm bằng điện thoại, viết mô tả, nhận và giao đơn hàng.',
    organiser: department,
    partners: ['Sở Công Thương tỉnh Lạng Sơn'],
    trainers: ['ThS. Vũ Hoàng Anh'],
    venue: hall,
    days: ['2022-04-14', '2022-04-15'],
    capacity: 40,
    participants: 40,
    founders: [
      ['cho-nong-san-so', 0],
      ['cho-nong-san-so', 1],
      ['khau-nhuc', 0],
      ['tra-hoa-vang', 0],
    ],
  },
  {
    title: 'Tập huấn xây dựng mô hình kinh doanh và kỹ năng gọi vốn cho dự án khởi nghiệp',
    description:
      'Xây dựng mô hình kinh doanh một trang, tính giá thành và dòng tiền, chuẩn bị bài trình bày 5 phút trước nhà đầu tư; có phần góp ý của Câu lạc bộ Đầu tư và Khởi nghiệp tỉnh.',
    organiser: department,
    partners: ['Câu lạc bộ Đầu tư và Khởi nghiệp tỉnh Lạng Sơn'],
    trainers: ['TS. Nguyễn Đức Thành', 'chuyengia@ketnoi.demo'],
    venue: hall,
    days: ['2022-06-09', '2022-06-10'],
    capacity: 60,
    participants: 52,
    founders: [
      ['homestay-bac-son', 0],
      ['homestay-bac-son', 1],
      ['vit-quay', 0],
      ['que', 0],
    ],
  },
];

/** Ten projects, ideas and OCOP products invited to the National Startup Day 2022, with what came of it. */
const startupDay: [
  project: string,
  result: { award?: string; contract?: string; contacts?: number; notes?: string },
][] = [
  [
    'thach-den',
    { contacts: 6, notes: 'Giới thiệu sản phẩm tại khu trưng bày của tỉnh; ba nhà phân phối xin mẫu thử.' },
  ],
  ['bun-ngo', { contract: 'Thỏa thuận bán thử tại 2 cửa hàng đặc sản ở Lai Châu', contacts: 4 }],
  ['tumany', { award: 'Được chọn trình bày tại phiên giao lưu các mô hình khởi nghiệp xã hội', contacts: 3 }],
  ['na-chi-lang', { contacts: 5, notes: 'Tham dự hội thảo kết nối tiêu thụ sản phẩm.' }],
  ['tra-hoa-vang', { contacts: 4, notes: 'Bán hết hàng mẫu mang theo trong hai ngày.' }],
  ['ruou-mau-son', { contacts: 2 }],
  ['mat-ong', { contract: 'Biên bản ghi nhớ cung cấp mật ong cho một chuỗi cửa hàng thực phẩm sạch', contacts: 3 }],
  ['hoi', { contacts: 3, notes: 'Gặp doanh nghiệp chế biến tinh dầu quan tâm thu mua.' }],
  ['truy-xuat-qr', { contacts: 7, notes: 'Trình diễn giải pháp tem truy xuất nguồn gốc cho các chủ thể OCOP.' }],
  ['homestay-bac-son', { contacts: 2, notes: 'Kết nối với hai công ty lữ hành.' }],
];

const daysBefore = (iso: string, n: number) => new Date(Date.parse(`${iso}T09:00:00+07:00`) - n * 86_400_000);
const vnDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Loads the events part of the story: the courses with their people, attendance and certificates, then the nominations. */
export async function seedEvents(ctx: DemoContext): Promise<void> {
  const { deps } = ctx;
  const { db } = deps;
  const officer = ctx.account('officer');
  const founderAccount = ctx.account('founder');
  const communes = await listCommunes(db, deps.config.PROVINCE);
  const rnd = random(2022);
  const members = (key: string) => demoProjects.find((p) => p.key === key)?.input.members ?? [];

  const stranger = (year: () => number, outside = 0): Seat => {
    const ethnicity = rnd.weighted({ nung: 40, tay: 33, kinh: 17, dao: 5, san_chay: 2, hmong: 1, hoa: 2 });
    const sex = rnd.next() < 0.54 ? 'female' : 'male';
    const name = `${rnd.pick(families[ethnicity] ?? families.kinh ?? [])} ${rnd.pick(middles[sex])} ${rnd.pick(givens[sex])}`;
    const far = rnd.next() < outside;
    const commune = far ? null : rnd.pick(communes);
    const organisationType = rnd.weighted({
      individual: 22,
      household: 20,
      cooperative: 24,
      business: 14,
      school: 8,
      agency: 12,
    });
    const template =
      organisationType === 'individual' ? '' : rnd.pick(organisations[organisationType as keyof typeof organisations]);
    return {
      name,
      sex,
      ethnicity: far ? rnd.weighted({ kinh: 60, tay: 15, nung: 5, hmong: 10, dao: 5, other: 5 }) : ethnicity,
      birthYear: year(),
      communeSlug: commune?.slug ?? null,
      communeName: commune?.name ?? '',
      organisation: template.replace('{c}', commune?.name ?? 'Hà Nội').replace('{n}', name),
      organisationType,
    };
  };
  const adultYear = () => 1965 + Math.floor(rnd.next() * 38);

  const registrationRows = (eventId: string, firstDay: string, seats: Seat[]) =>
    seats.map((s, i) => ({
      eventId,
      userId: s.userId ?? null,
      projectId: s.projectId ?? null,
      status: 'confirmed',
      name: s.name,
      phone: `09${String(Math.floor(rnd.next() * 1e8)).padStart(8, '0')}`,
      email: s.userId
        ? founderAccount.email
        : rnd.next() < 0.45
          ? `hocvien.${eventId.slice(0, 6)}.${i + 1}@vi-du.vn`
          : '',
      communeSlug: s.communeSlug,
      organisation: s.organisation,
      organisationType: s.organisationType,
      sex: s.sex,
      ethnicity: s.ethnicity,
      birthYear: s.birthYear,
      answers: [],
      consent: true,
      code: randomCode(8),
      token: newToken(),
      createdAt: daysBefore(firstDay, 3 + Math.floor(rnd.next() * 20)),
    }));

  /** Creates the event, seats everyone, takes attendance (most came to every session) and gathers feedback. */
  async function run(input: EventInput, seats: Seat[], attendRate: number, keen = 0) {
    const created = await createEvent({ db, actor: officer, input });
    const rows = await importRegistrations(db, registrationRows(created.id, input.sessions[0]?.day ?? '', seats));
    const e = await getEvent({ db, actor: officer, slug: created.slug });
    const present: AttendanceRecord[] = [];
    for (const [i, r] of rows.entries()) {
      // The first `keen` people (the founders who came for their project) never missed a session.
      const here = i < keen ? e.sessions : e.sessions.filter(() => rnd.next() < attendRate);
      for (const s of here.length ? here : e.sessions.slice(0, 1)) {
        present.push({
          registrationId: r.id,
          sessionId: s.id,
          method: 'list',
          checkedInBy: officer.id,
          checkedInAt: new Date(`${s.day}T${s.startTime}:00+07:00`),
        });
      }
    }
    await importAttendance(db, present);
    const said = [
      'Nội dung thiết thực, dễ áp dụng cho cơ sở của tôi.',
      'Mong có thêm buổi thực hành và tham quan mô hình.',
      'Giảng viên nhiệt tình, tài liệu dễ hiểu.',
      'Thời lượng hơi ngắn so với nội dung.',
      '',
    ];
    const answers = rows
      .filter(() => rnd.next() < 0.55)
      .map((r) => ({
        registrationId: r.id,
        rating: rnd.next() < 0.7 ? 5 : rnd.next() < 0.8 ? 4 : 3,
        comments: rnd.pick(said),
      }));
    await importFeedback(db, answers);
    await recordEventSupport({ db, actor: officer, eventId: created.id });
    await issueCertificates({ db, actor: officer, slug: created.slug });
    return created;
  }

  for (const c of courses) {
    const linked: Seat[] = c.founders.map(([key, index]) => {
      const base = stranger(adultYear);
      const account = c.founderAccount === key && index === 0;
      return {
        ...base,
        name: account ? founderAccount.name : (members(key)[index] ?? base.name),
        sex: account ? 'female' : base.sex,
        organisation: demoProjects.find((p) => p.key === key)?.input.name ?? base.organisation,
        organisationType: key === 'tumany' ? 'school' : 'cooperative',
        projectId: ctx.project(key).id,
        userId: account ? founderAccount.id : undefined,
      };
    });
    const others = Array.from({ length: c.participants - linked.length }, () => stranger(adultYear, c.outside));
    const sessions = c.days.flatMap((d) => [`${vnDay(d)} 08:00-11:30`, `${vnDay(d)} 13:30-17:00`]).join('\n');
    const input = EventInput.parse({
      kind: 'course',
      title: c.title,
      description: c.description,
      organiser: c.organiser,
      partners: c.partners.join('\n'),
      trainers: c.trainers.join('\n'),
      venue: c.venue,
      sessions,
      capacity: String(c.capacity),
      audience: 'public',
      certificatePercent: '80',
      published: 'on',
    });
    await run(input, [...linked, ...others], 0.93, linked.length);
  }

  // The Tumany team's own 10-day career course for high-school students, in the whole hall.
  const tumanyDays = Array.from({ length: 10 }, (_, i) => `${String(20 + i).padStart(2, '0')}/06/2022 08:00-16:00`);
  const students = Array.from({ length: 36 }, () => ({
    ...stranger(() => 2004 + Math.floor(rnd.next() * 3)),
    organisation: rnd.pick([
      'Trường THPT Việt Bắc',
      'Trường THPT Chuyên Chu Văn An',
      'Trường THPT Ngô Thì Sỹ',
      'Trường THPT Hoàng Văn Thụ',
    ]),
    organisationType: 'school',
  }));
  // The team's own programme, not a course of the Department: a workshop in the Department's hall
  // (the support it received is the hall, in the ledger as space), so it is not one of the five courses.
  await run(
    EventInput.parse({
      kind: 'workshop',
      title: 'Khóa học trải nghiệm hướng nghiệp Tumany mùa 2 cho học sinh THPT',
      description:
        'Mười ngày trải nghiệm hướng nghiệp: trắc nghiệm sở thích nghề nghiệp, gặp gỡ người làm nghề, tham quan doanh nghiệp và lập kế hoạch học tập cho từng em. Nhóm Tumany tổ chức tại hội trường khu làm việc chung KNĐMST do Sở KHCN hỗ trợ.',
      organiser: 'Nhóm Tumany – Giáo dục hướng nghiệp cho học sinh THPT',
      partners: department,
      trainers: members('tumany').join('\n'),
      venue: hall,
      sessions: tumanyDays.join('\n'),
      capacity: '40',
      audience: 'public',
      certificatePercent: '80',
      published: 'on',
    }),
    students,
    0.9,
  );

  // Coming up: the next course, open for registration, so the calendar always has something ahead.
  const ahead = (days: number) => vnDay(todayInVietnam(new Date(Date.now() + days * 86_400_000)));
  await createEvent({
    db,
    actor: officer,
    input: EventInput.parse({
      kind: 'course',
      title: 'Tập huấn đăng ký nhãn hiệu, chỉ dẫn địa lý cho sản phẩm OCOP và khởi nghiệp',
      description:
        'Hai buổi thực hành: tra cứu nhãn hiệu trên cơ sở dữ liệu của Cục Sở hữu trí tuệ, chuẩn bị tờ khai, mẫu nhãn và hồ sơ; kinh nghiệm của các chủ thể OCOP Lạng Sơn đã được cấp văn bằng. Học viên mang theo nhãn sản phẩm hiện có để được góp ý trực tiếp.',
      organiser: department,
      partners: 'Câu lạc bộ Đầu tư và Khởi nghiệp tỉnh Lạng Sơn',
      trainers: 'Luật sư Đỗ Văn Hải',
      venue: hall,
      sessions: `${ahead(21)} 08:00-11:30\n${ahead(21)} 13:30-17:00`,
      capacity: '40',
      audience: 'public',
      registrationClosesOn: todayInVietnam(new Date(Date.now() + 18 * 86_400_000)),
      certificatePercent: '80',
      published: 'on',
    }),
  });

  // The National Startup Day 2022 (Lai Châu): ten projects invited, all attended.
  const day = await createExternalEvent({
    db,
    actor: officer,
    input: ExternalEventInput.parse({
      kind: 'event',
      title: 'Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022',
      organiser: 'Bộ Khoa học và Công nghệ',
      place: 'Thành phố Lai Châu, tỉnh Lai Châu',
      startsOn: '2022-08-18',
      endsOn: '2022-08-20',
      description:
        'Sở KHCN giới thiệu 10 dự án, ý tưởng khởi nghiệp và sản phẩm OCOP tham gia khu trưng bày của tỉnh Lạng Sơn và hội thảo kết nối tiêu thụ sản phẩm.',
      url: 'https://techfest.vn',
    }),
  });
  await nominate({
    deps,
    actor: officer,
    slug: day.slug,
    input: { projects: startupDay.map(([key]) => ctx.project(key).id), message: '' },
    // The Department chose the ten in July, a month before the event.
    on: '2022-07-15',
  });
  const detail = await getExternalEvent({ db, actor: officer, slug: day.slug });
  for (const [key, result] of startupDay) {
    const n = detail.nominations.find((x) => x.projectId === ctx.project(key).id);
    if (!n) continue;
    await updateNomination({
      db,
      actor: officer,
      slug: day.slug,
      id: n.id,
      input: {
        status: 'attended',
        award: result.award ?? '',
        contract: result.contract ?? '',
        contacts: result.contacts,
        notes: result.notes ?? '',
      },
    });
  }
}
