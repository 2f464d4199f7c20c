import { createBooking, decideBooking, saveRoom } from '#modules/spaces/index.ts';
import type { DemoContext } from './demo-context.ts';

/**
 * The coworking space the Department opened early in 2022: the hall, the shared workroom and the
 * library, and the hall Tumany used for the 10 days of its career-guidance course (June 2022),
 * booked by its founder and approved by the officer: the ledger's one "space" entry of the story.
 */
export async function seedSpaces(ctx: DemoContext): Promise<void> {
  const { db, config } = ctx.deps;
  const officer = ctx.account('officer');
  const founder = ctx.account('founder');
  const hall = await saveRoom({
    db,
    actor: officer,
    input: {
      name: 'Hội trường',
      kind: 'hall',
      capacity: 120,
      description:
        'Hội trường của khu làm việc chung KNĐMST: máy chiếu, âm thanh, 120 chỗ ngồi. Dùng cho hội thảo, khóa học, sự kiện.',
      needsApproval: true,
      maxDays: 14,
      active: true,
      weeklyHours: Array.from({ length: 7 }, () => ({ from: '07:00', to: '21:00' })),
      bufferMinutes: 30,
      bookers: ['founder', 'partner'],
      rules:
        'Trả hội trường đúng giờ và sắp lại bàn ghế. Không ăn uống trong hội trường. Thiết bị âm thanh, máy chiếu do cán bộ Sở bàn giao.',
    },
  });
  await saveRoom({
    db,
    actor: officer,
    input: {
      name: 'Phòng làm việc chung',
      kind: 'workroom',
      capacity: 20,
      description: 'Bàn làm việc, wifi, ổ điện; nơi các nhóm khởi nghiệp gặp nhau và làm việc hằng ngày.',
      needsApproval: false,
      maxDays: 1,
      active: true,
      weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((i) => (i < 6 ? { from: '07:30', to: '17:30' } : null)),
      bookers: ['founder', 'partner', 'expert'],
      rules: 'Giữ yên lặng, dọn chỗ ngồi khi về.',
    },
  });
  await saveRoom({
    db,
    actor: officer,
    input: {
      name: 'Thư viện',
      kind: 'library_corner',
      capacity: 10,
      description:
        'Tài liệu hướng dẫn, biểu mẫu, văn bản pháp luật về khởi nghiệp đổi mới sáng tạo để tra cứu tại chỗ.',
      needsApproval: false,
      maxDays: 1,
      active: true,
      weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((i) => (i < 5 ? { from: '07:30', to: '17:00' } : null)),
      bookers: ['founder', 'partner', 'expert'],
    },
  });
  const tumany = ctx.project('tumany');
  const booked = await createBooking({
    db,
    actor: founder,
    roomSlug: hall.slug,
    baseUrl: config.BASE_URL,
    input: {
      project: tumany.id,
      mode: 'days',
      date: '2022-06-20',
      endDate: '2022-06-29',
      purpose: 'Khóa học hướng nghiệp mùa 2 cho học sinh THPT (10 ngày, dùng toàn bộ hội trường)',
    },
  });
  await decideBooking({ db, actor: officer, id: booked.id, approve: true, reason: '', baseUrl: config.BASE_URL });
}
