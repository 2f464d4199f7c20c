import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { closeEngagement, respondToEngagement } from '#modules/engagements/index.ts';
import { saveOwnProfile } from '#modules/experts/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { requestLink, supportRequest } from './requests.sql.ts';

// One request, several needs: each need is connected on its own, in the same thread; when every
// need has help and all of it is finished, the request waits under "Ready to close".

let rt: TestRuntime;
const password = 'mat-khau-nhieu-nhu-cau';
const people: Record<'founder' | 'officer' | 'lawyer' | 'tester', Actor> = {} as never;
let officer: TestBrowser;
let founder: TestBrowser;
let number = 0;

const body = 'Xin hỗ trợ đăng ký nhãn hiệu và công bố tiêu chuẩn chất lượng cho thạch đen đóng cốc.';

async function linksOf(n: number) {
  const [r] = await rt.db.select().from(supportRequest).where(eq(supportRequest.number, n));
  return rt.db
    .select()
    .from(requestLink)
    .where(eq(requestLink.requestId, r?.id ?? ''));
}

async function inbox(view: string): Promise<string> {
  return (await officer.get(`/quan-ly/yeu-cau?view=${view}`)).text();
}

beforeAll(async () => {
  rt = await testRuntime();
  people.founder = await createUser(rt.deps, { name: 'Nông Thị Hồng', email: 'hong@nc.vn', password, role: 'founder' });
  people.officer = await createUser(rt.deps, { name: 'Lương Văn Tâm', email: 'tam@nc.vn', password, role: 'officer' });
  people.lawyer = await createUser(rt.deps, { name: 'Đỗ Văn Hải', email: 'hai@nc.vn', password, role: 'expert' });
  people.tester = await createUser(rt.deps, { name: 'Lê Thị Thảo', email: 'thao@nc.vn', password, role: 'expert' });
  for (const who of ['lawyer', 'tester'] as const) {
    await saveOwnProfile({
      db: rt.db,
      actor: people[who],
      input: {
        name: who === 'lawyer' ? 'Luật sư Đỗ Văn Hải' : 'ThS. Lê Thị Thảo',
        headline: who === 'lawyer' ? 'Nhãn hiệu, sở hữu trí tuệ' : 'Tiêu chuẩn, đo lường, chất lượng',
        organisation: '',
        bio: '',
        specialties: who === 'lawyer' ? ['trademark_ip'] : ['standards_labels'],
        fields: [],
        communes: [],
        anywhere: true,
        isPublic: true,
      },
    });
  }
  await createProject({
    db: rt.db,
    actor: people.founder,
    input: {
      name: 'Thạch đen Nà Hồng',
      summary: 'Thạch đen đóng cốc.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: ['consulting_ip', 'consulting_standards'],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  officer = new TestBrowser(rt.app);
  await officer.signIn('tam@nc.vn', password);
  founder = new TestBrowser(rt.app);
  await founder.signIn('hong@nc.vn', password);
});
afterAll(() => rt.close());

describe('one request with two needs', () => {
  it('no need ticked, or six, is refused with a sentence and the words typed stay', async () => {
    const none = await founder.post('/yeu-cau/moi', { project: 'thach-den-na-hong', body, urgency: 'normal' });
    expect(none.status).toBe(422);
    const noneHtml = await none.text();
    expect(noneHtml).toContain('Chọn ít nhất một nhu cầu cần hỗ trợ.');
    expect(noneHtml).toContain(`${body}</textarea>`);
    const six = await founder.post('/yeu-cau/moi', {
      project: 'thach-den-na-hong',
      needs: ['consulting_ip', 'consulting_standards', 'consulting_marketing', 'funding', 'space', 'training'],
      body,
      urgency: 'normal',
    });
    expect(six.status).toBe(422);
    expect(await six.text()).toContain('Chọn tối đa 5 mục.');
    expect(await rt.db.select().from(supportRequest)).toEqual([]);
  });

  it('the founder ticks the trademark and the standards: one request, both needs listed as waiting', async () => {
    const res = await founder.post('/yeu-cau/moi', {
      project: 'thach-den-na-hong',
      needs: ['consulting_ip', 'consulting_standards'],
      body,
      urgency: 'normal',
    });
    expect(res.status).toBe(303);
    number = Number(res.headers.get('location')?.split('/').pop());
    const [r] = await rt.db.select().from(supportRequest).where(eq(supportRequest.number, number));
    expect(r?.needs).toEqual(['consulting_ip', 'consulting_standards']);
    expect(r?.kind).toBe('consulting_ip');
    const page = await (await founder.get(`/yeu-cau/${number}`)).text();
    expect(page.match(/Chưa kết nối/g)?.length).toBe(2);
  });

  it('the officer connects a different expert for each need; a need the request does not name is refused', async () => {
    const page = await (await officer.get(`/yeu-cau/${number}`)).text();
    // The connect button is in sight (no folded form), with the need to choose.
    expect(page).toContain('Mời chuyên gia này hỗ trợ</button>');
    expect(page).toContain('Cho nhu cầu');
    const wrong = await officer.post(`/yeu-cau/${number}/ket-noi`, {
      target: 'expert',
      targetId: people.lawyer.id,
      need: 'funding',
      message: 'Nhờ luật sư tư vấn.',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Nhu cầu này không có trong yêu cầu.');
    expect(await linksOf(number)).toEqual([]);
    for (const [who, need] of [
      ['lawyer', 'consulting_ip'],
      ['tester', 'consulting_standards'],
    ] as const) {
      const res = await officer.post(`/yeu-cau/${number}/ket-noi`, {
        target: 'expert',
        targetId: people[who].id,
        need,
        message: 'Nhờ anh chị tư vấn cho dự án thạch đen.',
      });
      expect(res.status).toBe(303);
    }
    const links = await linksOf(number);
    expect(links.map((l) => l.need).sort()).toEqual(['consulting_ip', 'consulting_standards']);
    const founderPage = await (await founder.get(`/yeu-cau/${number}`)).text();
    expect(founderPage.match(/Đang hỗ trợ/g)?.length).toBeGreaterThanOrEqual(2);
    expect(await inbox('ready')).not.toContain(`YC-${number}`);
  });

  it('one expert done, the other still working: not ready; both done: under "Sẵn sàng đóng" with a prompt', async () => {
    const links = await linksOf(number);
    const engagementOf = (need: string) => links.find((l) => l.need === need)?.targetId ?? '';
    const ctx = { db: rt.db, mailer: rt.deps.mailer, baseUrl: 'http://localhost' };
    await respondToEngagement({
      ...ctx,
      actor: people.lawyer,
      id: engagementOf('consulting_ip'),
      accept: true,
      reason: '',
    });
    await closeEngagement({
      db: rt.db,
      actor: people.lawyer,
      id: engagementOf('consulting_ip'),
      outcome: 'Đã nộp hồ sơ đăng ký nhãn hiệu.',
    });
    expect(await inbox('ready')).not.toContain(`YC-${number}`);
    const half = await (await founder.get(`/yeu-cau/${number}`)).text();
    expect(half).toContain('Đã xong');

    // The second expert declines: that need's help is finished too (nothing more will come of it).
    await respondToEngagement({
      ...ctx,
      actor: people.tester,
      id: engagementOf('consulting_standards'),
      accept: false,
      reason: 'Đang bận đến cuối tháng.',
    });
    const ready = await inbox('ready');
    expect(ready).toContain(`YC-${number}`);
    expect(ready).toMatch(/Sẵn sàng đóng \(1\)/);
    const officerPage = await (await officer.get(`/yeu-cau/${number}`)).text();
    expect(officerPage).toContain('Hãy ghi kết quả và đóng yêu cầu.');

    const resolved = await officer.post(`/yeu-cau/${number}/trang-thai`, {
      to: 'resolved',
      note: 'Nhãn hiệu đã nộp; tiêu chuẩn sẽ kết nối chuyên gia khác ở yêu cầu sau.',
    });
    expect(resolved.status).toBe(303);
    expect(await inbox('ready')).not.toContain(`YC-${number}`);
  });

  it('the API files a request with several needs and still takes a project by its id', async () => {
    const [p] = await rt.db.select().from(supportRequest).where(eq(supportRequest.number, number));
    const res = await founder.request('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await founder.csrfToken() },
      body: JSON.stringify({
        project: p?.projectId,
        needs: ['consulting_marketing', 'market_connection'],
        body: 'Nhờ Sở kết nối siêu thị và tư vấn tiếp thị cho thạch đen.',
        urgency: 'normal',
      }),
    });
    expect(res.status).toBe(201);
    const { number: filed } = (await res.json()) as { number: number };
    const [r] = await rt.db.select().from(supportRequest).where(eq(supportRequest.number, filed));
    expect(r?.needs).toEqual(['consulting_marketing', 'market_connection']);
  });
});
