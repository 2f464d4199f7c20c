import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { respondToEngagement } from '#modules/engagements/index.ts';
import { saveOwnProfile } from '#modules/experts/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { changeStatus } from './change-request-status.ts';
import { connectRequest } from './connect-request.ts';
import { fileRequest } from './create-request.ts';
import type { RequestContext } from './requests.access.ts';
import { supportRequest } from './requests.sql.ts';

// A request is intake, not support: resolving it adds a ledger row only when the help was given
// outside the system, dated the day the officer gives; help carried by an engagement is counted
// once, by the engagement.

let rt: TestRuntime;
const password = 'mat-khau-giai-quyet';
const people: Record<'founder' | 'officer' | 'expert' | 'expert2', Actor> = {} as never;
const day = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);

const ctxOf = (actor: Actor, now?: Date): RequestContext => ({
  db: rt.db,
  mailer: rt.deps.mailer,
  baseUrl: 'http://localhost',
  actor,
  now,
});

async function newRequest(filedDaysAgo: number) {
  const { number } = await fileRequest({
    ...ctxOf(people.founder, daysAgo(filedDaysAgo)),
    input: {
      project: 'mien-dong-binh-gia',
      needs: ['funding'],
      body: 'Xin hỗ trợ hồ sơ để mở rộng xưởng làm miến dong.',
      urgency: 'normal',
    },
  });
  const [r] = await rt.db.select().from(supportRequest).where(eq(supportRequest.number, number));
  if (!r) throw new Error('request not filed');
  return r;
}

beforeAll(async () => {
  rt = await testRuntime();
  people.founder = await createUser(rt.deps, { name: 'Vi Văn Bình', email: 'binh@gq.vn', password, role: 'founder' });
  people.officer = await createUser(rt.deps, {
    name: 'Hoàng Minh Đức',
    email: 'duc@gq.vn',
    password,
    role: 'officer',
  });
  people.expert = await createUser(rt.deps, { name: 'Đỗ Văn Hải', email: 'hai@gq.vn', password, role: 'expert' });
  people.expert2 = await createUser(rt.deps, { name: 'Lê Thị Thảo', email: 'thao@gq.vn', password, role: 'expert' });
  for (const [actor, name] of [
    [people.expert, 'Luật sư Đỗ Văn Hải'],
    [people.expert2, 'TS. Lê Thị Thảo'],
  ] as const) {
    await saveOwnProfile({
      db: rt.db,
      actor,
      input: {
        name,
        headline: 'Tư vấn tài chính và vay vốn khởi nghiệp',
        organisation: '',
        bio: '',
        specialties: ['finance_investment'],
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
      name: 'Miến dong Bình Gia',
      summary: 'Miến dong làm thủ công.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: ['funding'],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
});
afterAll(() => rt.close());

describe('help given outside the system is dated the day the officer gives', () => {
  it('a day after today or before the request was filed is refused with a clear message; nothing is stored', async () => {
    const r = await newRequest(10);
    const b = new TestBrowser(rt.app);
    await b.signIn('duc@gq.vn', password);
    const note = 'Đã hướng dẫn hồ sơ vay vốn ưu đãi khởi nghiệp.';
    const tomorrow = todayInVietnam(new Date(Date.now() + day));
    const future = await b.post(`/yeu-cau/${r.number}/trang-thai`, { to: 'resolved', note, helpedOn: tomorrow });
    expect(future.status).toBe(422);
    const futureHtml = await future.text();
    expect(futureHtml).toContain('Ngày hỗ trợ không được sau hôm nay.');
    expect(futureHtml).toContain(note);
    const early = await b.post(`/yeu-cau/${r.number}/trang-thai`, {
      to: 'resolved',
      note,
      helpedOn: todayInVietnam(daysAgo(11)),
    });
    expect(early.status).toBe(422);
    const filed = todayInVietnam(r.createdAt).split('-').reverse().join('/');
    expect(await early.text()).toContain(`Ngày hỗ trợ không được trước ngày gửi yêu cầu (${filed}).`);
    const garbled = await b.post(`/yeu-cau/${r.number}/trang-thai`, { to: 'resolved', note, helpedOn: '2022-02-30' });
    expect(garbled.status).toBe(422);
    const [still] = await rt.db.select().from(supportRequest).where(eq(supportRequest.id, r.id));
    expect(still?.status).toBe('new');
    expect(await ledgerEntries(rt.db, { sourceKind: 'request', sourceId: r.id })).toEqual([]);
  });

  it('a good day: one ledger row dated that day, whatever day the request is closed', async () => {
    const r = await newRequest(10);
    const b = new TestBrowser(rt.app);
    await b.signIn('duc@gq.vn', password);
    const helpedOn = todayInVietnam(daysAgo(4));
    const res = await b.post(`/yeu-cau/${r.number}/trang-thai`, {
      to: 'resolved',
      note: 'Đã hướng dẫn hồ sơ vay vốn tại quầy.',
      helpedOn,
    });
    expect(res.status).toBe(303);
    const rows = await ledgerEntries(rt.db, { sourceKind: 'request', sourceId: r.id });
    expect(rows.map((x) => [x.kind, x.startedOn, x.endedOn, x.providerName])).toEqual([
      ['funding', helpedOn, helpedOn, 'Hoàng Minh Đức'],
    ]);
  });

  it('left out (the API, the demo data), the day is the day of the change', async () => {
    const r = await newRequest(3);
    const now = daysAgo(1);
    await changeStatus({
      ...ctxOf(people.officer, now),
      number: r.number,
      input: { to: 'resolved', note: 'Đã gửi danh sách quỹ hỗ trợ khởi nghiệp.' },
    });
    const rows = await ledgerEntries(rt.db, { sourceKind: 'request', sourceId: r.id });
    expect(rows.map((x) => x.startedOn)).toEqual([todayInVietnam(now)]);
    // The service refuses a bad day the same way, as a field of the form.
    const other = await newRequest(3);
    const refused = await changeStatus({
      ...ctxOf(people.officer),
      number: other.number,
      input: { to: 'resolved', note: 'Đã gửi danh sách quỹ hỗ trợ.', helpedOn: todayInVietnam(daysAgo(5)) },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fields).toEqual({ helpedOn: 'requests.error.helpedOnBeforeFiled' });
  });
});

describe('help carried by an engagement is counted once, by the engagement', () => {
  // One open engagement per expert and project: each case below leaves its expert's open or closed.
  async function connected(filedDaysAgo: number, expert: Actor) {
    const r = await newRequest(filedDaysAgo);
    const link = await connectRequest({
      ...ctxOf(people.officer),
      number: r.number,
      input: { target: 'expert', targetId: expert.id, message: 'Nhờ chuyên gia tư vấn hồ sơ vay vốn.' },
    });
    return { r, engagementId: link.id };
  }

  it('the expert declined and the officer helped alone: one row, for the request', async () => {
    const { r, engagementId } = await connected(5, people.expert);
    await respondToEngagement({
      db: rt.db,
      mailer: rt.deps.mailer,
      actor: people.expert,
      baseUrl: 'http://localhost',
      id: engagementId,
      accept: false,
      reason: 'Tôi bận trong tháng này.',
    });
    await changeStatus({
      ...ctxOf(people.officer),
      number: r.number,
      input: { to: 'resolved', note: 'Cán bộ đã tự hướng dẫn hồ sơ vay vốn.' },
    });
    expect((await ledgerEntries(rt.db, { sourceKind: 'request', sourceId: r.id })).length).toBe(1);
    expect(await ledgerEntries(rt.db, { sourceKind: 'engagement', sourceId: engagementId })).toEqual([]);
  });

  it('the expert accepted (the engagement recorded it): resolving adds no row', async () => {
    const { r, engagementId } = await connected(5, people.expert2);
    await respondToEngagement({
      db: rt.db,
      mailer: rt.deps.mailer,
      actor: people.expert2,
      baseUrl: 'http://localhost',
      id: engagementId,
      accept: true,
      reason: '',
    });
    await changeStatus({
      ...ctxOf(people.officer),
      number: r.number,
      input: { to: 'resolved', note: 'Chuyên gia đã tư vấn hồ sơ vay vốn.' },
    });
    expect(await ledgerEntries(rt.db, { sourceKind: 'request', sourceId: r.id })).toEqual([]);
    expect((await ledgerEntries(rt.db, { sourceKind: 'engagement', sourceId: engagementId })).length).toBe(1);
  });

  it('still proposed (it records when accepted): resolving adds no row either', async () => {
    const { r } = await connected(5, people.expert);
    await changeStatus({
      ...ctxOf(people.officer),
      number: r.number,
      input: { to: 'resolved', note: 'Chuyên gia sẽ tư vấn hồ sơ vay vốn.' },
    });
    expect(await ledgerEntries(rt.db, { sourceKind: 'request', sourceId: r.id })).toEqual([]);
  });
});
