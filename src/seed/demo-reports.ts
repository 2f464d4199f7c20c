import { addStory, NewStory } from '#modules/reports/index.ts';
import type { DemoContext } from './demo-context.ts';

/** The success stories the officer chose for the public figures page: words about projects, no one's name. */
const stories: { project: string; headline: string; body: string }[] = [
  {
    project: 'thach-den',
    headline: 'Từ bếp nhà ở Tràng Định đến kệ siêu thị Hà Nội',
    body: 'Được kết nối chuyên gia tư vấn, cơ sở hoàn thiện quy trình sản xuất, tự công bố chất lượng, làm nhãn, mã vạch và tem truy xuất; thạch đen Tràng Định nay có hợp đồng tiêu thụ với chuỗi siêu thị.',
  },
  {
    project: 'bun-ngo',
    headline: 'Bún ngô Đình Lập: doanh số tăng 30% nhờ hội chợ và nhãn hiệu',
    body: 'Sau khi được hỗ trợ đăng ký nhãn hiệu và giới thiệu tới các hội chợ, triển lãm trong và ngoài tỉnh, sản phẩm bún ngô vùng cao đã có thêm nhiều khách hàng.',
  },
  {
    project: 'tumany',
    headline: '',
    body: 'Hai mùa trải nghiệm hướng nghiệp cho học sinh trung học phổ thông, tổ chức tại hội trường của Sở.',
  },
];

export async function seedReports(ctx: DemoContext): Promise<void> {
  const officer = ctx.account('officer');
  // Newest first on the page: choose the last one first, so the list reads as written here.
  for (const s of [...stories].reverse())
    await addStory({
      db: ctx.deps.db,
      actor: officer,
      input: NewStory.parse({ project: ctx.project(s.project).id, headline: s.headline, body: s.body }),
    });
}
