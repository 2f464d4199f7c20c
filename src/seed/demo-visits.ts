import { listCommunes } from '#modules/places/index.ts';
import { recordVisit, type VisitPurpose } from '#modules/spaces/index.ts';
import type { DemoContext } from './demo-context.ts';

/** A small seeded random generator: the same demo every time. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const families = [
  'Hoàng',
  'Nông',
  'Lương',
  'Vi',
  'Hà',
  'Lộc',
  'Triệu',
  'Lăng',
  'Chu',
  'Đinh',
  'Mã',
  'Lý',
  'Nguyễn',
  'Trần',
];
const middles = ['Văn', 'Thị', 'Đức', 'Thu', 'Minh', 'Ngọc', 'Hải', 'Thanh'];
const givens = [
  'An',
  'Bình',
  'Cúc',
  'Dũng',
  'Hằng',
  'Hiếu',
  'Hoa',
  'Huệ',
  'Khánh',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
];

/** Why people came, and how often (out of 100). */
const purposes: [VisitPurpose, number][] = [
  ['information', 34],
  ['workroom', 26],
  ['meeting', 18],
  ['support', 13],
  ['event', 9],
];

const notes: Record<VisitPurpose, string[]> = {
  information: ['Tra cứu tài liệu về OCOP', 'Đọc sách ở thư viện', 'Hỏi về các khóa tập huấn sắp tới', ''],
  workroom: ['Làm việc nhóm dự án', 'Chuẩn bị hồ sơ dự thi', ''],
  meeting: ['Gặp cán bộ phụ trách khởi nghiệp', 'Gặp đối tác phân phối', ''],
  support: [
    'Hỏi thủ tục đăng ký nhãn hiệu',
    'Cần tư vấn bao bì, nhãn mác sản phẩm',
    'Hỏi về hỗ trợ đưa sản phẩm lên sàn thương mại điện tử',
    'Cần tư vấn tự công bố chất lượng sản phẩm',
  ],
  event: ['Dự hội thảo', 'Dự buổi chia sẻ kinh nghiệm khởi nghiệp', ''],
};

/**
 * A year of visits to the coworking space (2022, from its opening in January): on working days,
 * a few people a day from a pool of regulars and newcomers, each visit one person-level entry of
 * the ledger. The people are fictional; their phones are in a range no demo account uses.
 */
export async function seedVisits(ctx: DemoContext): Promise<void> {
  const { db, config } = ctx.deps;
  const officer = ctx.account('officer');
  const rand = random(2022);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const communes = (await listCommunes(db, config.PROVINCE)).map((c) => c.slug);
  const people = Array.from({ length: 90 }, (_, i) => ({
    fullName: `${pick(families)} ${pick(middles)} ${pick(givens)}`,
    phone: `03886${String(i + 1).padStart(5, '0')}`,
    commune: i % 5 === 0 ? '' : pick(communes.length ? communes : ['']),
  }));
  // A third of them come back often: the regulars of the workroom.
  const visitor = () => (rand() < 0.55 ? people[Math.floor(rand() * 30)] : pick(people)) ?? people[0];
  const purposeOf = () => {
    let roll = rand() * 100;
    for (const [p, weight] of purposes) {
      roll -= weight;
      if (roll < 0) return p;
    }
    return 'information' as const;
  };
  const day = new Date(Date.UTC(2022, 0, 10));
  const end = Date.UTC(2022, 11, 31);
  for (; day.getTime() <= end; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const iso = day.toISOString().slice(0, 10);
    // Tết Nhâm Dần (31/01–06/02/2022): the space is closed.
    if (iso >= '2022-01-29' && iso <= '2022-02-06') continue;
    const count = Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const who = visitor();
      if (!who) continue;
      const purpose = purposeOf();
      const minutes = 7 * 60 + 30 + Math.floor(rand() * 9 * 60);
      const at = new Date(
        `${iso}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+07:00`,
      );
      await recordVisit({
        db,
        actor: officer,
        at,
        input: {
          fullName: who.fullName,
          phone: who.phone,
          email: '',
          commune: who.commune,
          purpose,
          note: pick(notes[purpose]),
          visitedOn: iso,
        },
      });
    }
  }
}
