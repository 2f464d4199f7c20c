import { listCommunes } from '#modules/places/index.ts';
import { supportNeeds } from '#modules/projects/index.ts';
import { createNeedsSurvey, needsSurveyTemplate, savePage, startResponse, surveyForm } from '#modules/surveys/index.ts';
import type { DemoContext } from './demo-context.ts';

/** A small deterministic generator (a linear congruential one): the same demo every time. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    some: <T>(items: readonly T[], n: number): T[] => items.filter(() => next() < n / items.length),
  };
}

const hardships = [
  'Thiếu vốn để mua máy đóng gói',
  'Chưa có mã số mã vạch và nhãn hàng hóa',
  'Khó tìm đầu ra ổn định ở Hà Nội',
  'Chưa biết cách bán hàng trên sàn thương mại điện tử',
  'Thiếu người có kỹ thuật chế biến',
  'Chi phí vận chuyển cao từ vùng cao',
  'Chưa đăng ký được nhãn hiệu',
];
const workerWishes = [
  'Cần thêm chuyên gia về sở hữu trí tuệ ở huyện',
  'Cần tập huấn về thương mại điện tử cho cán bộ xã',
  'Cần danh sách dự án cập nhật để kết nối',
  'Cần kinh phí tổ chức hội chợ tại xã',
];

/**
 * The 2022 two-group needs survey with 150 responses over both groups and several communes,
 * answered through the same path as the site (start, then page by page) on the survey's dates.
 */
export async function seedSurveys(ctx: DemoContext): Promise<void> {
  const { db } = ctx.deps;
  const officer = ctx.account('officer');
  const s = await createNeedsSurvey({ db, actor: officer, year: 2022, opensOn: '2022-03-01', closesOn: '2022-04-30' });
  const form = await surveyForm(db, s.id);
  const communes = await listCommunes(db, ctx.deps.config.PROVINCE);
  const places = [
    'luong-van-tri',
    'that-khe',
    'binh-gia',
    'bac-son',
    'dong-kinh',
    'huu-lien',
    'cao-loc',
    'dinh-lap',
  ].filter((slug) => communes.some((c) => c.slug === slug));
  const key = new Map<string, string>();
  for (const section of needsSurveyTemplate)
    for (const q of section.questions) {
      const found = form.questions.find((x) => x.label === q.label);
      if (found) key.set(q.key, `q_${found.id}`);
    }
  const field = (k: string) => key.get(k) ?? '';
  const g = generator(2022);
  const answerCtx = { communes, projects: [] };
  for (let i = 0; i < 150; i++) {
    const at = new Date(Date.parse('2022-03-01T02:00:00Z') + i * 9 * 3_600_000 + g.int(0, 3_600_000));
    const today = at.toISOString().slice(0, 10);
    const { response } = await startResponse({ db, survey: s, actor: null, today });
    const owner = i % 5 < 3;
    const values: Record<string, string | string[]> = {
      [field('group')]: owner ? 'project_owners' : 'support_workers',
      [field('commune')]: g.pick(places),
      [field('satisfaction')]: String(g.int(owner ? 2 : 3, 5)),
    };
    if (owner) {
      values[field('stage')] = g.pick(['Ý tưởng', 'Đã có sản phẩm mẫu', 'Đã bán ra thị trường', 'Đang mở rộng']);
      values[field('people')] = String(g.int(1, 25));
      const needs = g.some(supportNeeds, 3);
      values[field('needs')] = needs.length > 0 ? needs : ['market_connection'];
      if (g.next() < 0.6) values[field('hardest')] = g.pick(hardships);
    } else {
      const work = g.some(['Tư vấn', 'Đào tạo, tập huấn', 'Kết nối thị trường', 'Truyền thông', 'Quản lý nhà nước'], 2);
      values[field('work')] = work.length > 0 ? work : ['Tư vấn'];
      values[field('experts')] = String(g.int(2, 5));
      if (g.next() < 0.5) values[field('workerNeeds')] = g.pick(workerWishes);
    }
    if (g.next() < 0.4) values[field('training')] = `2022-0${g.int(5, 9)}-1${g.int(0, 9)}`;
    for (let page = 0; page < form.sections.length; page++) {
      const saved = await savePage({
        db,
        survey: s,
        responseId: response.id,
        sectionIndex: page,
        values,
        ctx: answerCtx,
        at,
        today,
      });
      if (!saved.ok) throw new Error(`Demo survey response ${i} refused: ${JSON.stringify(saved.errors)}`);
      if (saved.next === 'done') break;
      page = (saved.next as number) - 1;
    }
  }
}
