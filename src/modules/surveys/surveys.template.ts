import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { QuestionOptions } from './surveys.schemas.ts';
import { createSurvey, type Survey } from './surveys.service.ts';
import { surveyQuestion, surveySection } from './surveys.sql.ts';
import type { QuestionKind } from './surveys.taxonomy.ts';

interface TemplateQuestion {
  key: string;
  kind: QuestionKind;
  label: string;
  help?: string;
  required?: boolean;
  choices?: string[];
  showIf?: { key: string; value: string };
}

const owners = { key: 'group', value: 'project_owners' };
const workers = { key: 'group', value: 'support_workers' };

/**
 * The yearly two-group needs survey: people who run startup support work and people who own
 * projects, asked in one survey; each group sees its own part.
 */
export const needsSurveyTemplate: { title: string; questions: TemplateQuestion[] }[] = [
  {
    title: 'Thông tin chung',
    questions: [
      { key: 'group', kind: 'group', label: 'Bạn thuộc nhóm nào?', required: true },
      { key: 'commune', kind: 'commune', label: 'Bạn đang làm việc ở xã, phường nào?', required: true },
      {
        key: 'project',
        kind: 'project',
        label: 'Bạn trả lời cho dự án nào?',
        help: 'Chỉ hiện khi bạn đã đăng nhập và có dự án trên Kết Nối.',
        showIf: owners,
      },
    ],
  },
  {
    title: 'Dự án của bạn',
    questions: [
      {
        key: 'stage',
        kind: 'single',
        label: 'Dự án đang ở giai đoạn nào?',
        required: true,
        choices: ['Ý tưởng', 'Đã có sản phẩm mẫu', 'Đã bán ra thị trường', 'Đang mở rộng'],
        showIf: owners,
      },
      { key: 'people', kind: 'number', label: 'Dự án có bao nhiêu người làm việc?', showIf: owners },
      {
        key: 'needs',
        kind: 'needs',
        label: 'Năm tới, dự án cần Sở hỗ trợ những gì?',
        help: 'Chọn tất cả các mục phù hợp.',
        required: true,
        showIf: owners,
      },
      { key: 'hardest', kind: 'long_text', label: 'Khó khăn lớn nhất của dự án hiện nay là gì?', showIf: owners },
    ],
  },
  {
    title: 'Công tác hỗ trợ',
    questions: [
      {
        key: 'work',
        kind: 'multi',
        label: 'Bạn đang làm những việc hỗ trợ nào?',
        required: true,
        choices: ['Tư vấn', 'Đào tạo, tập huấn', 'Kết nối thị trường', 'Truyền thông', 'Quản lý nhà nước'],
        showIf: workers,
      },
      {
        key: 'experts',
        kind: 'scale',
        label: 'Địa phương thiếu chuyên gia tư vấn đến mức nào?',
        help: '1 = không thiếu, 5 = rất thiếu.',
        required: true,
        showIf: workers,
      },
      { key: 'workerNeeds', kind: 'long_text', label: 'Bạn cần gì để hỗ trợ các dự án tốt hơn?', showIf: workers },
    ],
  },
  {
    title: 'Đánh giá chung',
    questions: [
      {
        key: 'satisfaction',
        kind: 'scale',
        label: 'Bạn hài lòng với hỗ trợ khởi nghiệp của Sở năm qua đến mức nào?',
        help: '1 = rất không hài lòng, 5 = rất hài lòng.',
        required: true,
      },
      { key: 'training', kind: 'date', label: 'Thời gian nào bạn có thể tham gia tập huấn?' },
      { key: 'other', kind: 'short_text', label: 'Góp ý khác' },
    ],
  },
];

/** Creates the two-group needs survey of a year from the template, open from today for 60 days unless told. */
export async function createNeedsSurvey({
  db,
  actor,
  year,
  opensOn = todayInVietnam(),
  closesOn = new Date(Date.parse(`${opensOn}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10),
}: {
  db: Db;
  actor: Actor;
  year: number;
  opensOn?: string;
  closesOn?: string;
}): Promise<Survey> {
  const created = await createSurvey({
    db,
    actor,
    sectionTitle: needsSurveyTemplate[0]?.title,
    input: {
      title: translator('vi')('surveys.template.title', { year }),
      description:
        'Sở Khoa học và Công nghệ khảo sát hai nhóm — người làm công tác hỗ trợ khởi nghiệp và người có dự án khởi nghiệp — để hỗ trợ sát với nhu cầu thực tế. Khoảng 5 phút.',
      targetGroup: 'anyone',
      opensOn,
      closesOn,
      access: 'public',
      anonymous: false,
      consentText:
        'Tôi đồng ý để Sở Khoa học và Công nghệ lưu và xử lý câu trả lời này (kể cả xã, phường và dự án nếu có) để tổng hợp nhu cầu hỗ trợ, theo Nghị định 13/2023/NĐ-CP. Câu trả lời không được công bố kèm tên người trả lời.',
    },
  });
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    // createSurvey made the first section; the others are added here.
    const [first] = await tx
      .select({ id: surveySection.id })
      .from(surveySection)
      .where(eq(surveySection.surveyId, created.id));
    let position = 0;
    for (const [i, section] of needsSurveyTemplate.entries()) {
      const sectionId =
        i === 0
          ? first?.id
          : (
              await tx
                .insert(surveySection)
                .values({ surveyId: created.id, position: i, title: section.title })
                .returning()
            )[0]?.id;
      if (!sectionId) throw new Error('template section missing');
      for (const q of section.questions) {
        const id = randomUUID();
        ids.set(q.key, id);
        const showIf = q.showIf ? { question: ids.get(q.showIf.key) ?? '', value: q.showIf.value } : undefined;
        await tx.insert(surveyQuestion).values({
          id,
          surveyId: created.id,
          sectionId,
          position: position++,
          kind: q.kind,
          label: q.label,
          help: q.help ?? '',
          required: q.required ?? false,
          options: QuestionOptions.parse({ choices: q.choices ?? [], showIf }),
        });
      }
    }
  });
  return created;
}
