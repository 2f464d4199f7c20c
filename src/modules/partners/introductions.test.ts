import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { AppError } from '#kernel/http/errors.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createProject } from '#modules/projects/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { addMember, answerIntroduction, createPartner, introduceProject } from './index.ts';
import { PartnerInput } from './partners.schemas.ts';
import { introduction } from './partners.sql.ts';

// A partner's answer to an introduction is decided on the introduction as its page showed it: when
// two answers arrive at once (two buyers of one supermarket, a buyer and the officer answering on
// its behalf, a double tap), one is stored and the other is refused with a message; the ledger and
// the outbox carry only the one that applied. On PGlite and, with TEST_DATABASE_URL, on PostgreSQL.

let rt: TestRuntime;
const password = 'mat-khau-gioi-thieu';
const people = {} as Record<'officer' | 'founder' | 'trang' | 'anh', Actor>;
let partnerId = '';
let projectId = '';

async function as(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

const mailsToOfficer = async () =>
  (await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'ha@gioi-thieu.vn'))).filter((m) =>
    m.subject.includes('đã trả lời'),
  );

async function introduced() {
  await rt.db.delete(mailOutbox);
  const { id } = await introduceProject({
    db: rt.db,
    mailer: rt.deps.mailer,
    actor: people.officer,
    partnerId,
    projectId,
    message: 'Sở giới thiệu thạch đen Tràng Định đóng cốc, đã đủ điều kiện lưu thông.',
  });
  const [row] = await rt.db.select().from(introduction).where(eq(introduction.id, id));
  if (!row) throw new Error('introduction not stored');
  return { id, seen: row.createdAt.toISOString() };
}

beforeAll(async () => {
  rt = await testRuntime();
  const make = (name: string, email: string, role: Actor['role']) =>
    createUser(rt.deps, { name, email, password, role });
  people.officer = await make('Hoàng Thị Thu Hà', 'ha@gioi-thieu.vn', 'officer');
  people.founder = await make('Lăng Văn Tùng', 'tung@gioi-thieu.vn', 'founder');
  people.trang = await make('Nguyễn Thu Trang', 'trang@gioi-thieu.vn', 'partner');
  people.anh = await make('Trần Thị Ngọc Ánh', 'anh@gioi-thieu.vn', 'partner');
  const mart = await createPartner({
    db: rt.db,
    actor: people.officer,
    input: PartnerInput.parse({
      name: 'Hệ thống siêu thị Happy mart (Hà Nội)',
      slug: 'happy-mart',
      kind: 'supermarket',
      summary: 'Chuỗi siêu thị tại Hà Nội nhận tiêu thụ đặc sản vùng miền.',
      offers: ['market_connection'],
      fields: ['food'],
      anywhere: 'on',
      contactName: 'Nguyễn Thu Trang',
      contactEmail: 'thumua@happymart.test',
      isPublic: 'on',
    }),
  });
  partnerId = mart.id;
  await addMember({ db: rt.db, actor: people.officer, slug: 'happy-mart', email: 'trang@gioi-thieu.vn' });
  await addMember({ db: rt.db, actor: people.officer, slug: 'happy-mart', email: 'anh@gioi-thieu.vn' });
  const project = await createProject({
    db: rt.db,
    actor: people.founder,
    input: {
      name: 'Thạch đen Hồng Nhung',
      summary: 'Thạch đen Tràng Định đóng cốc, đủ điều kiện lưu thông.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: ['market_connection'],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  projectId = project.id;
});
afterAll(() => rt.close());

describe('two answers to one introduction at once', () => {
  it('two buyers answer differently: one answer is stored, the other refused as a conflict; one ledger line, one mail', async () => {
    const { id, seen } = await introduced();
    const answer = (actor: Actor, status: 'interested' | 'not_now', text: string) =>
      answerIntroduction({ db: rt.db, mailer: rt.deps.mailer, actor, id, status, answer: text, seen });
    const results = await Promise.allSettled([
      answer(people.trang, 'interested', 'Hẹn gặp nhóm tác giả tuần sau để nếm thử.'),
      answer(people.anh, 'not_now', 'Quầy đồ uống đã đủ hàng đến hết quý.'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe('conflict');
    expect((refused.reason as AppError).messageKey).toBe('partners.answer.changedMeanwhile');

    const won = results[0]?.status === 'fulfilled' ? 'interested' : 'not_now';
    const [stored] = await rt.db.select().from(introduction).where(eq(introduction.id, id));
    expect([stored?.status, stored?.answeredBy]).toEqual([won, won === 'interested' ? people.trang.id : people.anh.id]);
    const ledger = await ledgerEntries(rt.db, { sourceKind: 'introduction', sourceId: id });
    expect(ledger.map((e) => e.status)).toEqual([won === 'interested' ? 'done' : 'cancelled']);
    expect(ledger[0]?.outcome).toBe(stored?.answer);
    const mails = await mailsToOfficer();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(stored?.answer);
  });

  it('a buyer and the officer on its behalf, from the same page: one is thanked, the other shown the answer (409)', async () => {
    const { id } = await introduced();
    const [trang, ha] = await Promise.all([as('trang@gioi-thieu.vn'), as('ha@gioi-thieu.vn')]);
    const page = await (await trang.get(`/gioi-thieu/${id}`)).text();
    const seen = /name="seen" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(seen).not.toBe('');
    const sent = await Promise.all([
      trang.post(`/gioi-thieu/${id}/tra-loi`, { status: 'interested', answer: 'Nhận bán thử 200 cốc.', seen }),
      ha.post(`/gioi-thieu/${id}/tra-loi`, { status: 'interested', answer: 'Đối tác báo qua điện thoại.', seen }),
    ]);
    expect(sent.map((r) => r.status).sort()).toEqual([303, 409]);
    const refused = sent.find((r) => r.status === 409);
    const html = (await refused?.text()) ?? '';
    expect(html).toContain('vừa được trả lời trong lúc bạn đang xem');
    const [stored] = await rt.db.select().from(introduction).where(eq(introduction.id, id));
    // The refused page shows the answer that was stored, and what its sender typed is kept.
    expect(html).toContain(stored?.answer);
    expect(html).toContain(sent[0]?.status === 409 ? 'Nhận bán thử 200 cốc.' : 'Đối tác báo qua điện thoại.');
    expect(await ledgerEntries(rt.db, { sourceKind: 'introduction', sourceId: id })).toHaveLength(1);
    expect(await mailsToOfficer()).toHaveLength(1);

    // Having seen the answer, changing it is allowed: the page's new version is accepted.
    const fresh = /name="seen" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const loser = sent[0]?.status === 409 ? trang : ha;
    const changed = await loser.post(`/gioi-thieu/${id}/tra-loi`, { status: 'not_now', answer: '', seen: fresh });
    expect(changed.status).toBe(303);
    const ledger = await ledgerEntries(rt.db, { sourceKind: 'introduction', sourceId: id });
    expect(ledger.map((e) => e.status)).toEqual(['cancelled']);
  });
});
