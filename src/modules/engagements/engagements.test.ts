import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#kernel/http/errors.ts';
import { createProject } from '#modules/projects/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser } from '#seed/factories.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { closeEngagement, engagementSummaries, proposeEngagement, respondToEngagement } from './index.ts';

// An expert's answer and an officer's closing are decided on the engagement's status: when two
// arrive at once (a double tap, two tabs), one applies and the other is refused, and the ledger
// and the outbox carry only the one that applied.

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

async function proposal() {
  const n = Math.random().toString(36).slice(2, 8);
  const officer = await createUser(rt.deps, { name: 'Hoàng Thị Thu Hà', email: `canbo.${n}@tv.vn`, role: 'officer' });
  const expert = await createUser(rt.deps, { name: 'Đỗ Văn Hải', email: `chuyengia.${n}@tv.vn`, role: 'expert' });
  const founder = await createUser(rt.deps, { name: 'Lộc Thị Hoa', email: `tacgia.${n}@tv.vn`, role: 'founder' });
  const project = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: `Miến dong Bình Gia ${n}`,
      summary: 'Miến dong thủ công đóng gói.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'binh-gia',
      members: [],
      needs: ['consulting_ip'],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  const { id } = await proposeEngagement({
    db: rt.db,
    mailer: rt.deps.mailer,
    actor: officer,
    baseUrl: 'http://localhost',
    input: { expertId: expert.id, projectId: project.id, topic: 'Đăng ký nhãn hiệu miến dong', brief: '' },
  });
  return { id, officer, expert };
}

describe('two answers to one engagement at once', () => {
  it('accept and decline sent together: one applies, the other is refused as a conflict; one ledger entry', async () => {
    const { id, expert } = await proposal();
    const respond = (accept: boolean) =>
      respondToEngagement({
        db: rt.db,
        mailer: rt.deps.mailer,
        actor: expert,
        baseUrl: 'http://localhost',
        id,
        accept,
        reason: accept ? '' : 'Bận đến cuối năm',
      });
    const results = await Promise.allSettled([respond(true), respond(false)]);
    const applied = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(AppError);
    expect((reason as AppError).code).toBe('conflict');
    const [summary] = await engagementSummaries(rt.db, [id]);
    const won = (applied[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    expect(summary?.status).toBe(won);
    const entries = await ledgerEntries(rt.db, { sourceKind: 'engagement', sourceId: id });
    expect(entries).toHaveLength(won === 'active' ? 1 : 0);
  });

  it('closing twice at once: the outcome is written once, the second is told it is already closed', async () => {
    const { id, expert, officer } = await proposal();
    await respondToEngagement({
      db: rt.db,
      mailer: rt.deps.mailer,
      actor: expert,
      baseUrl: 'http://localhost',
      id,
      accept: true,
      reason: '',
    });
    const close = (outcome: string) => closeEngagement({ db: rt.db, actor: officer, id, outcome });
    const results = await Promise.allSettled([close('Đã nộp đơn nhãn hiệu'), close('Đã nộp đơn (lần 2)')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    expect((refused?.reason as AppError | undefined)?.code).toBe('conflict');
    const entries = await ledgerEntries(rt.db, { sourceKind: 'engagement', sourceId: id });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.status).toBe('done');
  });
});
