import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { AppError } from '#kernel/http/errors.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createProject } from '#modules/projects/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { changeStatus } from './change-request-status.ts';
import { connectRequest } from './connect-request.ts';
import { fileRequest } from './create-request.ts';
import type { RequestContext } from './requests.access.ts';
import { requestEvent, supportRequest } from './requests.sql.ts';

// Two officers change one request at the same moment. Each command locks the request it decides
// on (SELECT … FOR UPDATE): on PostgreSQL (TEST_DATABASE_URL) the second waits for the first; on
// PGlite the two are serialised. Either way no change is lost or applied twice.

let rt: TestRuntime;
const password = 'mat-khau-hai-can-bo';
const people: Record<'founder' | 'duc' | 'hoa', Actor> = {} as never;

const ctxOf = (actor: Actor): RequestContext => ({
  db: rt.db,
  mailer: rt.deps.mailer,
  baseUrl: 'http://localhost',
  actor,
});

async function newRequest(body: string) {
  const { number } = await fileRequest({
    ...ctxOf(people.founder),
    input: { project: 'mien-dong-binh-gia', needs: ['funding'], body, urgency: 'normal' },
  });
  const [r] = await rt.db.select().from(supportRequest).where(eq(supportRequest.number, number));
  if (!r) throw new Error('request not filed');
  return r;
}

const statusEvents = (requestId: string) =>
  rt.db
    .select()
    .from(requestEvent)
    .where(and(eq(requestEvent.requestId, requestId), eq(requestEvent.type, 'status')));

/** The ledger's rows written for this request (read as SQL: the support module keeps its table to itself). */
const ledgerOf = async (requestId: string) => {
  const result = (await rt.db.execute(sql`select id from support where source_id = ${requestId}`)) as unknown as {
    rows: { id: string }[];
  };
  return result.rows;
};

const founderMails = async (ref: string) =>
  (await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'binh@hai.vn'))).filter((m) =>
    m.subject.includes(ref),
  );

function refusal(result: PromiseSettledResult<unknown>): AppError {
  if (result.status !== 'rejected') throw new Error('expected a refusal');
  expect(result.reason).toBeInstanceOf(AppError);
  return result.reason as AppError;
}

beforeAll(async () => {
  rt = await testRuntime();
  people.founder = await createUser(rt.deps, { name: 'Vi Văn Bình', email: 'binh@hai.vn', password, role: 'founder' });
  people.duc = await createUser(rt.deps, { name: 'Hoàng Minh Đức', email: 'duc@hai.vn', password, role: 'officer' });
  people.hoa = await createUser(rt.deps, { name: 'Lăng Thị Hoa', email: 'hoa@hai.vn', password, role: 'officer' });
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

describe('two officers change one request at once', () => {
  it('both saw it new: one change applies, the other is refused with a message; one history row, one mail', async () => {
    const r = await newRequest('Xin tư vấn hồ sơ vay vốn ưu đãi để mua máy tráng bánh miến.');
    const results = await Promise.allSettled([
      changeStatus({
        ...ctxOf(people.duc),
        number: r.number,
        input: { to: 'resolved', note: 'Đã hướng dẫn hồ sơ vay vốn ưu đãi.', seen: 'new' },
      }),
      changeStatus({
        ...ctxOf(people.hoa),
        number: r.number,
        input: { to: 'declined', note: 'Chưa đủ điều kiện vay vốn lúc này.', seen: 'new' },
      }),
    ]);
    const applied = results.filter((x) => x.status === 'fulfilled');
    expect(applied).toHaveLength(1);
    const refused = refusal(results.find((x) => x.status === 'rejected') as PromiseSettledResult<unknown>);
    expect(refused.code).toBe('conflict');
    expect(refused.messageKey).toBe('requests.error.changedMeanwhile');

    const winner = (applied[0] as PromiseFulfilledResult<string>).value;
    const [after] = await rt.db.select().from(supportRequest).where(eq(supportRequest.id, r.id));
    expect(after?.status).toBe(winner);
    // What was stored belongs to the change that applied, not a mix of both.
    if (winner === 'resolved') {
      expect([after?.outcome, after?.declineReason]).toEqual(['Đã hướng dẫn hồ sơ vay vốn ưu đãi.', '']);
    } else {
      expect([after?.outcome, after?.declineReason]).toEqual(['', 'Chưa đủ điều kiện vay vốn lúc này.']);
    }
    const events = await statusEvents(r.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([['new', winner]]);
    expect((await ledgerOf(r.id)).length).toBe(winner === 'resolved' ? 1 : 0);
    expect(await founderMails(`YC-${r.number}`)).toHaveLength(1);
  });

  it('without the status they saw (the API): the second works on what the first left, never twice', async () => {
    const r = await newRequest('Xin tư vấn hồ sơ vay vốn để mở rộng xưởng sản xuất miến dong.');
    const resolve = (actor: Actor) =>
      changeStatus({
        ...ctxOf(actor),
        number: r.number,
        input: { to: 'resolved', note: `${actor.name} đã hướng dẫn hồ sơ vay vốn.` },
      });
    const results = await Promise.allSettled([resolve(people.duc), resolve(people.hoa)]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(refusal(results.find((x) => x.status === 'rejected') as PromiseSettledResult<unknown>).messageKey).toBe(
      'requests.error.closed',
    );
    expect((await statusEvents(r.id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([['new', 'resolved']]);
    // Resolved once, counted once in the ledger.
    expect(await ledgerOf(r.id)).toHaveLength(1);
  });

  it('one moves it on, the other then resolves: both apply, one after the other, in order', async () => {
    const r = await newRequest('Xin giới thiệu quỹ hỗ trợ khởi nghiệp cho hợp tác xã miến dong.');
    const results = await Promise.allSettled([
      changeStatus({ ...ctxOf(people.duc), number: r.number, input: { to: 'in_progress', note: '' } }),
      changeStatus({
        ...ctxOf(people.hoa),
        number: r.number,
        input: { to: 'resolved', note: 'Đã giới thiệu quỹ hỗ trợ của tỉnh.' },
      }),
    ]);
    const [after] = await rt.db.select().from(supportRequest).where(eq(supportRequest.id, r.id));
    const events = (await statusEvents(r.id)).map((e) => [e.fromStatus, e.toStatus]);
    if (results.every((x) => x.status === 'fulfilled')) {
      // The officer's "in progress" came first; the resolution applied on top of it.
      expect(events).toEqual([
        ['new', 'in_progress'],
        ['in_progress', 'resolved'],
      ]);
    } else {
      // The resolution came first: "in progress" on a closed request is refused.
      expect(refusal(results[0]).messageKey).toBe('requests.error.closed');
      expect(events).toEqual([['new', 'resolved']]);
    }
    expect(after?.status).toBe('resolved');
    expect(await ledgerOf(r.id)).toHaveLength(1);
  });

  it('a stale form on the page is refused with a Vietnamese message, and what the officer typed is kept', async () => {
    const r = await newRequest('Xin hỗ trợ kết nối ngân hàng chính sách cho hộ sản xuất miến.');
    const duc = new TestBrowser(rt.app);
    await duc.signIn('duc@hai.vn', password);
    const hoa = new TestBrowser(rt.app);
    await hoa.signIn('hoa@hai.vn', password);
    // Both open the page while the request is new: the form carries the status they saw.
    for (const b of [duc, hoa]) {
      expect(await (await b.get(`/yeu-cau/${r.number}`)).text()).toContain('name="seen" value="new"');
    }
    const first = await hoa.post(`/yeu-cau/${r.number}/trang-thai`, {
      to: 'declined',
      note: 'Hộ sản xuất chưa đăng ký kinh doanh.',
      seen: 'new',
    });
    expect(first.status).toBe(303);
    const stale = await duc.post(`/yeu-cau/${r.number}/trang-thai`, {
      to: 'resolved',
      note: 'Đã giới thiệu chi nhánh ngân hàng chính sách xã hội.',
      seen: 'new',
    });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('yêu cầu đã được người khác chuyển sang trạng thái khác');
    expect(html).toContain('Đã giới thiệu chi nhánh ngân hàng chính sách xã hội.');
    const [after] = await rt.db.select().from(supportRequest).where(eq(supportRequest.id, r.id));
    expect(after?.status).toBe('declined');
    expect(await statusEvents(r.id)).toHaveLength(1);
  });
});

describe('connecting is one transaction', () => {
  it('a connection refused by the engagements module leaves the request new, with no history and no mail', async () => {
    const r = await newRequest('Xin giới thiệu chuyên gia tư vấn vay vốn cho hợp tác xã miến dong.');
    const mailsBefore = (await rt.db.select().from(mailOutbox)).length;
    // Not an expert's account: the proposal is refused after the request would have been taken.
    await expect(
      connectRequest({
        ...ctxOf(people.duc),
        number: r.number,
        input: { target: 'expert', targetId: people.hoa.id, message: 'Nhờ tư vấn hồ sơ vay vốn.' },
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    const [after] = await rt.db.select().from(supportRequest).where(eq(supportRequest.id, r.id));
    expect([after?.status, after?.assigneeId, after?.dueOn]).toEqual(['new', null, null]);
    const events = await rt.db.select().from(requestEvent).where(eq(requestEvent.requestId, r.id));
    expect(events.map((e) => e.type)).toEqual(['created']);
    expect((await rt.db.select().from(mailOutbox)).length).toBe(mailsBefore);
  });
});
